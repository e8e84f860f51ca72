"""Quarterly report: indicators on a hand-built commune (expected numbers worked out by hand),
random histories always balance, finalisation freezes figures, PDF and XLSX agree with the values."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from exports.documents import save_pdf, save_xlsx
from exports.report_export import report_sheets
from forms.indicators import Context, evaluate
from forms.periods import Period
from forms.quarterly import build_report, current_report, finalise_report, narrative_of, report_document
from models.db import Database, read_session, unit_of_work
from models.errors import RuleViolation, ValidationError
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.services import membership as ms
from models.services import organisation as org
from models.services import petitions as pt
from models.services import reports
from tests.builders import admit, profile

Q1 = Period.parse("2026-Q1")


@pytest.fixture
def commune(db: Database) -> dict[str, str]:
    ids: dict[str, str] = {}
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        v1 = org.add_village(s, org.VillageInput("Bản Na Hát"))
        v2 = org.add_village(s, org.VillageInput("Bản Huổi Hẹ"))
        org.add_village(s, org.VillageInput("Bản Pá Khoang"))
        a = org.add_cell(
            s,
            org.CellInput(
                "Chi bộ bản Na Hát", "village", (v1, v2), has_committee=True, congress_date=date(2025, 9, 10)
            ),
        )
        b = org.add_cell(s, org.CellInput("Chi bộ Trường Tiểu học", "school"))
        ids.update(a=a, b=b)
        ids["an"] = admit(s, a, profile("Lò", "Văn", "An", born=date(1960, 1, 1)), ceremony=date(2000, 3, 5))
        ms.recognise_official(s, ms.EventInput(ids["an"], date(2001, 3, 5)))
        org.assign_position(
            s, org.PositionInput(ids["an"], "secretary", date(2020, 8, 1), cell_id=a, is_village_head=True)
        )
        binh = replace(
            profile("Cầm", "Thị", "Bình", sex="F", born=date(1990, 6, 1)), youth_union_date=date(2008, 3, 26)
        )
        ids["binh"] = admit(s, a, binh, ceremony=date(2026, 2, 10))
        ids["chung"] = admit(
            s,
            a,
            profile("Nguyễn", "Văn", "Chung", born=date(1985, 1, 1), ethnicity="Kinh"),
            ceremony=date(2010, 3, 5),
        )
        ms.recognise_official(s, ms.EventInput(ids["chung"], date(2011, 3, 5)))
        ms.transfer_out(
            s, ms.EventInput(ids["chung"], date(2026, 3, 1), other_organisation="Đảng bộ phường Chiềng Lề")
        )
        ids["dua"] = admit(
            s,
            a,
            profile("Giàng", "A", "Dua", born=date(1970, 1, 1), ethnicity="Mông"),
            ceremony=date(2005, 3, 5),
        )
        ms.recognise_official(s, ms.EventInput(ids["dua"], date(2006, 4, 20)))  # 46 days late
        ms.record_death(s, ms.EventInput(ids["dua"], date(2026, 1, 20)))
        em = ms.TransferIn(
            profile("Hà", "Thị", "Em", sex="F", born=date(1995, 2, 2)), b, date(2026, 3, 15), "Đảng bộ xã Chiềng Sơn",
            membership="official", admission_decision_date=date(2018, 5, 1), admission_date=date(2018, 5, 19), official_date=date(2019, 5, 19),
        )  # fmt: skip
        ids["em"] = ms.transfer_in(s, em).member_id
        giang = replace(
            em,
            profile=profile("Vì", "Văn", "Giang", born=date(2000, 3, 3)),
            temporary=True,
            event_date=date(2026, 2, 1),
            cell_id=a,
        )
        ids["giang"] = ms.transfer_in(s, giang).member_id
        ids["hai"] = admit(
            s,
            a,
            profile("Lường", "Văn", "Hải", born=date(1955, 5, 5)),
            ceremony=date(1980, 3, 5),
            consideration=date(1980, 3, 1),
        )
        ms.recognise_official(s, ms.EventInput(ids["hai"], date(1981, 3, 5)))
        ms.start_exemption(s, ms.EventInput(ids["hai"], date(2020, 1, 1), reason="Tuổi cao"))
        base: dict[str, Any] = {
            "cell_id": a,
            "kind": "regular",
            "start_time": "19:30",
            "end_time": "21:30",
            "chair_name": "Lò Văn An",
            "secretary_name": "Cầm Thị Bình",
        }
        mt.save_meeting(
            s, mt.MeetingInput(month="2026-01", held_date=date(2026, 1, 3), quality_score=92, **base)
        )
        mt.save_meeting(
            s,
            mt.MeetingInput(
                month="2026-02",
                held_date=date(2026, 2, 3),
                quality_score=75,
                guests=(mt.Guest("Vì Văn Nam", assigned=True),),
                attendance={ids["an"]: ("absent_excused", "Ốm")},
                **base,
            ),
        )
        thematic: dict[str, Any] = {**base, "kind": "thematic"}
        mt.save_meeting(
            s,
            mt.MeetingInput(
                month="2026-03", held_date=date(2026, 3, 3), thematic_topic="Bảo vệ rừng", **thematic
            ),
        )
        p1 = pt.register_petition(
            s, pt.PetitionInput(date(2026, 1, 5), "kien_nghi", "Đề nghị làm đường", sender="Hà Văn X")
        )
        pt.register_petition(s, pt.PetitionInput(date(2026, 2, 5), "phan_anh", "Phản ánh", anonymous=True))
        pt.close_petition(s, p1, "resolved", date(2026, 3, 1), result="Đã trả lời")
    return ids


def _values(db: Database, period: Period = Q1) -> dict[str, int | float | None]:
    with read_session(db, SYSTEM_ACTOR) as s:
        return build_report(s, period).figures()


def test_indicators_on_a_hand_built_commune(db: Database, commune: dict[str, str]) -> None:
    v = _values(db)
    # Opening (31/12/2025): An, Chung, Dua, Hai = 4. In: Bình admitted, Em transferred in. Out: Chung
    # transferred out, Dua died. Giang is a temporary member: shown apart, not counted.
    assert (
        v["move.opening"],
        v["move.admitted"],
        v["move.transfer_in"],
        v["move.transfer_out"],
        v["move.died"],
        v["move.closing"],
    ) == (4, 1, 1, 1, 1, 4)
    assert v["move.transfer_in_temp"] == 1
    assert (v["move.admitted.women"], v["move.admitted.minority"], v["move.admitted.youth"]) == (1, 1, 1)
    # Closing: An (66), Bình (35, probationary, woman, youth), Em (31, woman), Hai (70, exempted).
    assert (v["members.total"], v["members.probationary"], v["members.official"]) == (4, 1, 3)
    assert (v["members.women"], v["members.minority"], v["members.exempted"], v["members.youth"]) == (
        2,
        4,
        1,
        1,
    )
    assert (v["members.age.31_40"], v["members.age.ge61"], v["members.age.le30"]) == (2, 2, 0)
    assert v["members.average_age"] == pytest.approx((66 + 35 + 31 + 70) / 4, abs=0.05)
    # Organisation: 2 cells (1 village, 1 school), 1 with chi ủy, 1 secretary who is village head;
    # 3 villages, Pá Khoang has no cell and so no member.
    assert (v["org.cells"], v["org.cells.village"], v["org.cells.school"], v["org.cells.committee"]) == (
        2,
        1,
        1,
        1,
    )
    assert (
        v["org.secretary_village_head"],
        v["org.villages"],
        v["org.villages_no_cell"],
        v["org.villages_no_member"],
    ) == (1, 3, 1, 1)
    assert v["org.congress_held"] == 1
    # Meetings: 2 cells × 3 months due; 2 regular and 1 thematic held in Na Hát.
    assert (
        v["meet.regular_due"],
        v["meet.regular_held"],
        v["meet.thematic_held"],
        v["meet.assigned_attended"],
    ) == (6, 2, 1, 1)
    assert (v["meet.quality.tot"], v["meet.quality.kha"]) == (1, 1)
    # Petitions: 2 received, 1 resolved, 1 pending at the end of March.
    assert (v["pet.received"], v["pet.resolved"], v["pet.pending"]) == (2, 1, 1)


def test_attendance_average_is_present_over_expected(db: Database, commune: dict[str, str]) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        rows = {m.month: (m.present, m.expected) for m in mt.list_meetings(s)}
    present = sum(p for p, _ in rows.values())
    expected = sum(e for _, e in rows.values())
    assert _values(db)["meet.attendance_pct"] == pytest.approx(round(100 * present / expected, 1))


def test_explain_lists_the_records_behind_a_number(db: Database, commune: dict[str, str]) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        report = build_report(s, Q1)
    assert [label for _, label in report.values["move.died"].records] == ["Giàng A Dua (20/01/2026)"]
    assert sorted(label for _, label in report.values["members.women"].records) == [
        "Cầm Thị Bình",
        "Hà Thị Em",
    ]
    assert report.problems == ()


def test_late_official_recognitions_are_counted(db: Database, commune: dict[str, str]) -> None:
    y2006 = _values(db, Period.parse("2006-Q2"))
    assert (y2006["move.recognised_on_time"], y2006["move.recognised_late"]) == (0, 1)


def test_finalisation_freezes_figures_and_flags_later_edits(db: Database, commune: dict[str, str]) -> None:
    with pytest.raises(RuleViolation, match="phải được lưu và rà soát"), unit_of_work(db, SYSTEM_ACTOR) as s:
        finalise_report(s, Q1)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        reports.save_narrative(
            s,
            Q1.key,
            "default-quarterly",
            "Kết nạp 1 đảng viên.",
            "Còn 1 bản chưa có chi bộ.",
            "Thành lập chi bộ bản Pá Khoang.",
            "Lò Văn An",
        )
        reports.mark_reviewed(s, Q1.key, "default-quarterly")
        frozen = finalise_report(s, Q1)
    assert frozen.number == 1
    assert frozen.figures["members.total"] == 4
    with unit_of_work(db, SYSTEM_ACTOR) as s:  # a late entry: a death on 10/03/2026
        ms.record_death(s, ms.EventInput(commune["hai"], date(2026, 3, 10)))
    with read_session(db, SYSTEM_ACTOR) as s:
        report, snapshot, drift = current_report(s, Q1)
    assert snapshot is not None and snapshot.status == "final"
    assert report.values["members.total"].value == 4  # the stored figure, not the live 3
    assert drift is not None and drift.flagged
    assert drift.changed_figures["members.total"] == (4, 3)
    with pytest.raises(RuleViolation, match="đã chốt"), unit_of_work(db, SYSTEM_ACTOR) as s:
        reports.save_narrative(s, Q1.key, "default-quarterly", "x", "y", "z")


def test_finalisation_refused_when_movements_do_not_balance(db: Database, commune: dict[str, str]) -> None:
    with db.engine.begin() as conn:  # damage: a member row says counted, its history says otherwise
        conn.exec_driver_sql(
            "UPDATE members SET counted = 1, status = 'official' WHERE id = ?", (commune["chung"],)
        )
    period = Period.parse("2026-Q4")
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        reports.save_narrative(s, period.key, "default-quarterly", "a", "b", "c")
        reports.mark_reviewed(s, period.key, "default-quarterly")
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        finalise_report(s, period)
    assert "Nguyễn Văn Chung: trạng thái lưu “official” khác lịch sử “transferred_out”" in exc.value.text()


def test_pdf_and_xlsx_agree_with_the_indicators(
    db: Database, commune: dict[str, str], tmp_path: Path
) -> None:
    with read_session(db, SYSTEM_ACTOR) as s:
        report, snapshot, _ = current_report(s, Q1)
        document = report_document(
            s, report, narrative_of(snapshot), signer="Lò Văn An", footer="Nhật ký: abc"
        )
    pdf = save_pdf(document, tmp_path / "bc.pdf")
    text = re.sub(
        r"\s+",
        " ",
        unicodedata.normalize(
            "NFC", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
        ),
    )
    for expected in (
        "ĐẢNG BỘ TỈNH SƠN LA",
        "ĐẢNG ỦY XÃ MƯỜNG LÈO",
        "Số ...-BC/ĐU",
        "BÁO CÁO",
        "Kết quả công tác xây dựng Đảng quý I năm 2026",
        "T/M ĐẢNG ỦY",
        "Nơi nhận:",
        "Ban Tổ chức Tỉnh ủy (b/c)",
        "Lưu VP.",
    ):
        assert expected in text, expected
    assert re.search(r"Tổng số đảng viên người 4 ", text)
    assert re.search(r"Đảng viên nữ người 2 50,0", text)
    book = save_xlsx(report_sheets(report, document), tmp_path / "bc.xlsx")
    wb = openpyxl.load_workbook(book)
    sheet = wb["Đảng viên đến cuối kỳ"]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["Tổng số đảng viên"][3] == report.values["members.total"].value == 4
    assert rows["Đảng viên nữ"][4] == 50.0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def test_periods() -> None:
    assert (Q1.start, Q1.end, Q1.label) == (date(2026, 1, 1), date(2026, 3, 31), "quý I năm 2026")
    assert Period.parse("2026-9M").end == date(2026, 9, 30)
    assert Period.parse("2026-h1").label == "6 tháng đầu năm 2026"
    assert Period.parse("2026-Q1").previous() == Period(2025, "Q4")
    with pytest.raises(ValidationError, match="không đúng dạng"):
        Period.parse("2026-Q5")


ACTIONS = (
    "recognise",
    "exempt",
    "end_exempt",
    "away",
    "end_away",
    "transfer_out",
    "die",
    "strike",
    "readmit",
    "temp_out",
    "temp_end",
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from(ACTIONS), st.integers(0, 2000)), min_size=5, max_size=40
    ),
    period_year=st.integers(2021, 2026),
    quarter=st.integers(1, 4),
)
def test_random_histories_always_balance(
    db: Database, plan: list[tuple[int, str, int]], period_year: int, quarter: int
) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cells = org.list_cells(s)
        cell = cells[0].id if cells else org.add_cell(s, org.CellInput("Chi bộ Cơ quan", "agency"))
        members = [m.id for m in ms.member_choices(s, limit=10)]
        while len(members) < 6:
            i = len(members)
            members.append(
                admit(
                    s,
                    cell,
                    profile(given=f"Số{chr(65 + i)}".replace("Số", "So"), born=date(1960 + i, 1, 1)),
                    ceremony=date(2019 + i % 3, 3, 5),
                )
            )
    day0 = date(2020, 6, 1)
    for who, action, offset in plan:
        when = min(day0 + timedelta(days=offset), date(2026, 11, 1))
        ev = ms.EventInput(members[who], when, other_organisation="Đảng bộ khác")
        fn = {
            "recognise": ms.recognise_official, "exempt": ms.start_exemption, "end_exempt": ms.end_exemption,
            "away": ms.start_away, "end_away": ms.end_away, "transfer_out": ms.transfer_out, "die": ms.record_death,
            "strike": ms.strike_off, "temp_out": ms.transfer_out, "temp_end": ms.end_temporary_transfer,
        }.get(action)  # fmt: skip
        try:
            with unit_of_work(db, SYSTEM_ACTOR) as s:
                if action == "readmit":
                    ms.readmit(
                        s, members[who], ms.Admit(profile(born=date(1960, 1, 1)), cell, when, when, "1", when)
                    )
                elif action == "temp_out":
                    ms.transfer_out(s, replace(ev, temporary=True))
                else:
                    assert fn is not None
                    fn(s, ev)
        except (RuleViolation, ValidationError):
            pass  # refused actions change nothing
    period = Period(period_year, f"Q{quarter}")
    with read_session(db, SYSTEM_ACTOR) as s:
        ctx = Context(s, period)
        values = evaluate(
            ctx,
            [
                "move.opening",
                "move.admitted",
                "move.readmitted",
                "move.transfer_in",
                "move.transfer_out",
                "move.died",
                "move.struck_off",
                "move.left",
                "move.expelled",
                "move.closing",
            ],
        )
        v = {k: int(x.value or 0) for k, x in values.values.items()}
        assert (
            v["move.opening"]
            + v["move.admitted"]
            + v["move.readmitted"]
            + v["move.transfer_in"]
            - v["move.transfer_out"]
            - v["move.died"]
            - v["move.struck_off"]
            - v["move.left"]
            - v["move.expelled"]
            == v["move.closing"]
        )
        assert build_report(s, Period(2026, "Q4")).problems == ()
