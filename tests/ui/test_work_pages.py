"""The Party-work pages driven through their real widgets on a real database: one full path per area,
with the dialogs opened by the pages' own buttons and filled by keyboard and mouse. Only message boxes
are replaced (they would block), and what they would have said is checked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from models.dates import format_date, today
from models.db import read_session, unit_of_work
from models.errors import DomainError
from models.rules import rule
from models.security import SYSTEM_ACTOR
from models.services import admission as ad
from models.services import dues
from models.services import membership as ms
from models.services import petitions as pt
from models.services import rating as rt
from models.services import training as tr
from tests.builders import admit, profile
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.dialogs.work_admission import CandidateDialog, PlanDialog, StepDialog
from ui.dialogs.work_inspection import DisciplineDialog, InspectionDialog
from ui.dialogs.work_petitions import ClosePetitionDialog, PetitionDialog
from ui.dialogs.work_training import CompleteDialog, CourseDialog, EnrolDialog
from ui.pages.admission import AdmissionPage
from ui.pages.dues import DuesPage
from ui.pages.inspection import InspectionPage
from ui.pages.petitions import PetitionsPage
from ui.pages.rating import RatingPage
from ui.pages.training import TrainingPage

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

D = TypeVar("D", bound=QDialog)


# ---------------------------------------------------------------- helpers


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box the pages and dialogs would have shown."""
    shown: list[str] = []

    def error(_parent: QWidget | None, exc: DomainError) -> None:
        shown.append(exc.text())

    def info(_parent: QWidget | None, _title: str, text: str) -> None:
        shown.append(text)

    for module in ("ui.dialogs.base", "ui.pages.rating", "ui.pages.dues"):
        monkeypatch.setattr(f"{module}.show_error", error)
    for module in ("ui.dialogs.work_admission", "ui.pages.admission", "ui.pages.training", "ui.pages.dues"):
        monkeypatch.setattr(f"{module}.show_info", info)
    monkeypatch.setattr("ui.pages.petitions.show_info", info)
    return shown


def when_open(kind: type[D], act: Callable[[D], None]) -> list[BaseException]:
    """Run `act` on the next modal dialog of type `kind` once its event loop runs; a dialog still open
    afterwards is cancelled so a test never hangs. Failures inside `act` are returned to re-raise."""
    failures: list[BaseException] = []

    def step(tries: int) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if tries < 300:
                QTimer.singleShot(10, lambda: step(tries + 1))
            else:
                failures.append(AssertionError(f"{kind.__name__} did not open"))
            return
        try:
            act(dialog)
        except BaseException as exc:
            failures.append(exc)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, lambda: step(0))
    return failures


def drive(qtbot: QtBot, kind: type[D], act: Callable[[D], None], open_it: Callable[[], Any]) -> None:
    """Open a dialog through the page (`open_it`), fill it with `act`, and re-raise its failures."""
    failures = when_open(kind, act)
    open_it()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    if failures:
        raise failures[0]


def keys(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` as key events; QTest only knows ASCII keys, so Vietnamese letters are sent as key
    events carrying their text (what a keyboard with an input method delivers)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    keys(qtbot, edit, text)


def choose(combo: QComboBox, key: str | None) -> None:
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)


def click(qtbot: QtBot, button: QPushButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def officials(ctx: AppContext, cell_id: str, n: int) -> list[str]:
    """`n` official members of the cell (admitted 2000, recognised 2001)."""
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as s:
        ids = []
        for i in range(n):
            mid = admit(
                s,
                cell_id,
                profile("Hà", "Văn", f"Nguoi{chr(65 + i)}", born=date(1960 + i, 1, 1)),
                ceremony=date(2000, 3, 5),
            )
            ms.recognise_official(s, ms.EventInput(mid, date(2001, 3, 5)))
            ids.append(mid)
    return ids


def shown_page(qtbot: QtBot, page: Any) -> Any:
    qtbot.addWidget(page)
    page.changed.connect(page.refresh)  # what the main window does
    page.resize(1186, 708)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def days_ago(n: int) -> str:
    return format_date(today() - timedelta(days=n))


# ---------------------------------------------------------------- admission


def test_admission_full_path_from_candidate_to_probationary_member(
    qtbot: QtBot, ctx: AppContext, organisation: Org, messages: list[str], qtmodeltester: Any
) -> None:
    helpers = officials(ctx, organisation.cell_a, 3)
    page: AdmissionPage = shown_page(qtbot, AdmissionPage(ctx))

    def candidate(d: CandidateDialog) -> None:
        type_into(qtbot, d.family, "Lường")
        type_into(qtbot, d.middle, "Thị")
        type_into(qtbot, d.given, "Hoa")
        choose(d.sex, "F")
        type_into(qtbot, d.born, "05/06/1998")
        choose(d.cell, organisation.cell_a)
        QTest.keyClick(d.youth, Qt.Key.Key_Space)
        assert d.youth.isChecked()
        click(qtbot, d.save_button)

    drive(qtbot, CandidateDialog, candidate, page.add_button.click)
    assert "Lường Thị Hoa" in page.board.columns["candidate"].item(0).text()

    def step(d: StepDialog) -> None:
        if d.step == "class_done":
            type_into(qtbot, d.start, days_ago(5))
            type_into(qtbot, d.certificate, "15/GCN")
        elif d.step == "sympathiser":
            assert d.helper1.select(helpers[0])
        elif d.step == "cell_resolved":
            type_into(qtbot, d.number, "05-NQ/CB")
            assert d.votes.text() == "3"  # the cell's official members, all in favour by default
        elif d.step == "decided":
            type_into(qtbot, d.number, "88-QĐ/ĐU")
        elif d.step == "admitted":
            type_into(qtbot, d.youth_date, "26/03/2014")
        click(qtbot, d.save_button)

    for stage in ("candidate", "class_done", "sympathiser", "verified", "cell_resolved", "decided"):
        cards = page.board.columns[stage]
        assert cards.count() == 1, stage
        cards.setCurrentItem(cards.item(0))
        drive(qtbot, StepDialog, step, page.step_button.click)
    assert messages == []
    assert all(cards.count() == 0 for cards in page.board.columns.values())  # left the board
    with read_session(ctx.db, ctx.actor) as s:
        [view] = ad.list_candidates(s)
        assert view.stage == "admitted" and view.member_id is not None
        member = ms.get_member(s, view.member_id)
    assert (member.name, member.status, member.admission_date) == ("Lường Thị Hoa", "probationary", today())
    assert member.profile.youth_union_date == date(2014, 3, 26)
    assert member.cell_id == organisation.cell_a
    # the plan of the year and its achievement
    page.tabs.setCurrentIndex(2)

    def plan(d: PlanDialog) -> None:
        type_into(qtbot, d.target, "2")
        type_into(qtbot, d.women, "1")
        click(qtbot, d.save_button)

    drive(qtbot, PlanDialog, plan, page.plan_button.click)
    assert "1/2 = 50,0%" in page.headline.text()
    assert page.plans.rowCount() >= 2  # the commune and the cell that admitted
    qtmodeltester.check(page.plans)
    qtmodeltester.check(page.model)


def test_admission_refuses_a_resolution_below_two_thirds(
    qtbot: QtBot, ctx: AppContext, organisation: Org, messages: list[str]
) -> None:
    helpers = officials(ctx, organisation.cell_a, 3)
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as s:
        cid, _ = ad.add_candidate(
            s, ad.CandidateInput("Lò", "Văn", "Tú", "M", date(1999, 1, 1), organisation.cell_a)
        )
        ad.record_class(s, cid, today() - timedelta(days=9), today() - timedelta(days=5), "9/GCN")
        ad.assign_helpers(s, cid, helpers[:1], today())
        ad.record_verification(s, cid, today())
    page: AdmissionPage = shown_page(qtbot, AdmissionPage(ctx))
    cards = page.board.columns["verified"]
    cards.setCurrentItem(cards.item(0))

    def resolution(d: StepDialog) -> None:
        type_into(qtbot, d.number, "06-NQ/CB")
        type_into(qtbot, d.votes, "1")
        click(qtbot, d.save_button)
        assert d.isVisible()  # refused: the dialog stays open

    drive(qtbot, StepDialog, resolution, page.step_button.click)
    assert messages == ["Nghị quyết chưa đạt: cần ít nhất 2/3 đảng viên chính thức tán thành (mới có 1)."]
    assert page.board.columns["verified"].count() == 1  # nothing changed


# ---------------------------------------------------------------- rating


def test_rating_round_typed_in_the_grid(
    qtbot: QtBot, ctx: AppContext, organisation: Org, messages: list[str], qtmodeltester: Any
) -> None:
    officials(ctx, organisation.cell_a, 6)
    page: RatingPage = shown_page(qtbot, RatingPage(ctx))
    choose(page.cell, organisation.cell_a)
    assert "Chưa có đợt xếp loại" in page.status.text()
    click(qtbot, page.open_button)
    assert page.round_id is not None
    rows = page.model.rowCount()
    assert rows == 7  # six officials and the probationary member admitted in 2020
    scores = [95, 92, 85, 80, 75, 60, 40]
    view = page.view
    view.setFocus()
    view.setCurrentIndex(page.model.index(0, 1))
    for score in scores:
        QTest.keyClick(view, Qt.Key.Key_F2)  # the edit key opens the score's editor
        editor = view.indexWidget(view.currentIndex())
        assert isinstance(editor, QLineEdit)
        QTest.keyClicks(editor, str(score))
        QTest.keyClick(editor, Qt.Key.Key_Return)  # Enter: saved in the grid, next row current
        qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()) is None)
    year = page.year.value()
    with read_session(ctx.db, ctx.actor) as s:
        expected = [rt.level_from_score(s, sc, year) for sc in scores]
        names = rt.level_names(s, year)
        quota = float(rule(s, "rating.excellent_quota_pct_of_good", date(year, 12, 31)))
    assert [page.model.data(page.model.index(i, 2)) for i in range(rows)] == [names[k] for k in expected]
    good, excellent = expected.count("tot"), expected.count("xuat_sac")
    assert excellent > int(good * quota / 100)
    assert page.quota.isVisible()
    assert f"vượt {quota:g}% số “hoàn thành tốt” ({good} → tối đa {int(good * quota / 100)})" in (
        page.quota.text()
    )
    assert f"Đã xếp loại {rows}/{rows}; không xếp loại 0; chưa nhập 0." in page.summary.text()
    qtmodeltester.check(page.model)
    click(qtbot, page.save_button)
    assert messages == []
    with read_session(ctx.db, ctx.actor) as s:
        saved = rt.summary(s, page.round_id)
    assert saved.by_level == {k: expected.count(k) for k in rt.LEVELS}
    assert f"{names['tot']}: {good} (" in page.summary.text()  # the page reloaded what was saved


# ---------------------------------------------------------------- inspection and discipline


def test_inspection_and_discipline_with_a_refused_vote(
    qtbot: QtBot, ctx: AppContext, organisation: Org, messages: list[str], qtmodeltester: Any
) -> None:
    ids = officials(ctx, organisation.cell_a, 6)
    page: InspectionPage = shown_page(qtbot, InspectionPage(ctx))

    def inspection(d: InspectionDialog) -> None:
        choose(d.activity, "supervision")
        choose(d.mode, "thematic")
        choose(d.cell, organisation.cell_a)
        type_into(qtbot, d.content, "Việc thu, nộp đảng phí năm 2026")
        type_into(qtbot, d.start, days_ago(20))
        type_into(qtbot, d.end, days_ago(10))
        keys(qtbot, d.conclusion, "Thu đủ, nộp đúng hạn.")
        click(qtbot, d.save_button)

    add = next(b for b in page.findChildren(QPushButton) if b.text().startswith("Thêm kiểm tra"))
    drive(qtbot, InspectionDialog, inspection, add.click)
    assert page.inspections.rowCount() == 1
    row = [page.inspections.data(page.inspections.index(0, c)) for c in range(4)]
    assert row == ["Giám sát", "Chuyên đề", "Chi bộ bản Na Hát", "Việc thu, nộp đảng phí năm 2026"]
    page.tabs.setCurrentIndex(1)

    def discipline(d: DisciplineDialog) -> None:
        keys(qtbot, d.member.search, "NguoiB")
        qtbot.waitUntil(lambda: d.member.member_id() == ids[1])
        assert [d.form_combo.itemData(i) for i in range(d.form_combo.count())] == [
            "khien_trach",
            "canh_cao",
            "khai_tru",
        ]
        choose(d.form_combo, "canh_cao")
        assert "Chi bộ có 6 đảng viên chính thức; cần quá nửa: ít nhất 4 phiếu" in d.official_label.text()
        type_into(qtbot, d.votes_for, "3")  # 3 of 6 official members is not more than half
        type_into(qtbot, d.number, "05-QĐ/CB")
        keys(qtbot, d.reason, "Vi phạm quy định về đảng phí")
        click(qtbot, d.save_button)
        assert d.isVisible()  # refused, the dialog stays open for a correction
        type_into(qtbot, d.votes_for, "4")
        click(qtbot, d.save_button)

    buttons = [b for b in page.findChildren(QPushButton) if b.text().startswith("Thi hành kỷ luật")]
    drive(qtbot, DisciplineDialog, discipline, buttons[0].click)
    assert messages == ["Chưa đủ phiếu: cần ít nhất 4/6 đảng viên chính thức tán thành (có 3)."]
    assert page.disciplines.rowCount() == 1
    assert [page.disciplines.data(page.disciplines.index(0, c)) for c in (0, 1, 5)] == [
        "Hà Văn NguoiB",
        "Cảnh cáo",
        "4/6",
    ]

    def again(d: DisciplineDialog) -> None:  # the same decision entered a second time
        keys(qtbot, d.member.search, "NguoiB")
        qtbot.waitUntil(lambda: d.member.member_id() == ids[1])
        choose(d.form_combo, "canh_cao")
        type_into(qtbot, d.votes_for, "4")
        keys(qtbot, d.reason, "Vi phạm quy định về đảng phí")
        click(qtbot, d.save_button)
        assert d.isVisible()  # refused

    drive(qtbot, DisciplineDialog, again, buttons[0].click)
    assert messages[-1] == (
        f"Đã có quyết định kỷ luật “Cảnh cáo” đối với Hà Văn NguoiB ngày {format_date(today())} (số 05-QĐ/CB, "
        "lý do: Vi phạm quy định về đảng phí). Mỗi vi phạm chỉ ghi một quyết định cho một hình thức; nếu là vi "
        "phạm khác, hãy ghi rõ lý do và ngày của vi phạm đó."
    )
    page.refresh()
    assert page.disciplines.rowCount() == 1
    qtmodeltester.check(page.inspections)
    qtmodeltester.check(page.disciplines)


# ---------------------------------------------------------------- petitions


def test_petitions_register_resolve_and_period_counts(
    qtbot: QtBot, ctx: AppContext, organisation: Org, messages: list[str], qtmodeltester: Any
) -> None:
    page: PetitionsPage = shown_page(qtbot, PetitionsPage(ctx))
    add = next(b for b in page.findChildren(QPushButton) if b.text().startswith("Vào sổ đơn"))
    handle = next(b for b in page.findChildren(QPushButton) if b.text().startswith("Xử lý đơn"))

    def register(sender: str, summary: str) -> Callable[[PetitionDialog], None]:
        def act(d: PetitionDialog) -> None:
            choose(d.kind, "kien_nghi")
            if sender:
                type_into(qtbot, d.sender_edit, sender)
            else:
                QTest.keyClick(d.anonymous, Qt.Key.Key_Space)
            keys(qtbot, d.summary, summary)
            type_into(qtbot, d.handler, "Đồng chí Phó Chủ nhiệm UBKT")
            type_into(qtbot, d.deadline, format_date(today() + timedelta(days=30)))
            click(qtbot, d.save_button)

        return act

    drive(qtbot, PetitionDialog, register("Hà Văn Xuân", "Đề nghị sửa đường vào bản"), add.click)
    drive(qtbot, PetitionDialog, register("", "Phản ánh việc chia đất"), add.click)
    assert page.model.rowCount() == 2
    row = next(i for i in range(2) if page.model.row_at(i).sender == "Hà Văn Xuân")
    page.view.selectRow(row)

    def resolve(d: ClosePetitionDialog) -> None:
        choose(d.status, "resolved")
        keys(qtbot, d.result_text, "Đã trả lời bằng văn bản")
        click(qtbot, d.save_button)

    drive(qtbot, ClosePetitionDialog, resolve, handle.click)
    assert messages == []
    assert page.counts.text().endswith(
        ": đầu kỳ 0 + nhận 2 = đã giải quyết 1 + lưu 0 + chuyển cơ quan khác 0 + đang giải quyết cuối kỳ 1"
    )
    statuses = {page.model.row_at(i).sender: page.model.row_at(i).status for i in range(2)}
    assert statuses == {"Hà Văn Xuân": "resolved", "": "pending"}
    qtmodeltester.check(page.model)
    with unit_of_work(ctx.db, ctx.actor) as s:
        counts = pt.period_counts(s, date(today().year, 1, 1), date(today().year, 12, 31))
    assert (counts.received, counts.resolved, counts.pending) == (2, 1, 1)


def test_rating_page_shows_each_cell_over_its_quota_and_two_failed_years(
    qtbot: QtBot, ctx: AppContext, organisation: Org
) -> None:
    in_a = officials(ctx, organisation.cell_a, 2)
    in_b = officials(ctx, organisation.cell_b, 10)
    year = today().year - 1
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as s:
        before = rt.open_round(s, year - 1, "member", date(year - 1, 12, 15))
        rt.set_ratings(s, before, {in_a[1]: rt.RatingEntry(score=40)})
        round_id = rt.open_round(s, year, "member", date(year, 12, 15))
        # cell A: 2 excellent, 0 good, 1 failed (failed the year before too); cell B: 10 good.
        # Over the commune 2 excellent against 10 good is within 20%: the cell's excess must show.
        entries = {in_a[0]: rt.RatingEntry(score=95), in_a[1]: rt.RatingEntry(score=40)}
        entries[organisation.member_a] = rt.RatingEntry(score=92)
        entries.update({m: rt.RatingEntry(score=80) for m in in_b})
        rt.set_ratings(s, round_id, entries)
    page: RatingPage = shown_page(qtbot, RatingPage(ctx))
    page.year.setValue(year)
    assert page.quota.isVisible()
    lines = page.quota.text().split("\n")
    assert lines[0] == (
        "Chi bộ bản Na Hát: Số “hoàn thành xuất sắc” (2) vượt 20% số “hoàn thành tốt” (0 → tối đa 0). "
        "Đây là cảnh báo, vẫn lưu được."
    )
    assert lines[1].startswith(
        f"Hà Văn NguoiB (Chi bộ bản Na Hát): “không hoàn thành nhiệm vụ” hai năm liền ({year - 1} và {year})."
    )
    assert "Căn cứ: Điều 8 Điều lệ Đảng" in lines[1]
    assert len(lines) == 2  # cell B, within its quota, is not listed


# ---------------------------------------------------------------- training


def test_training_course_enrol_complete_raises_theory_level(
    qtbot: QtBot, ctx: AppContext, organisation: Org, messages: list[str], qtmodeltester: Any
) -> None:
    ids = officials(ctx, organisation.cell_a, 2)
    page: TrainingPage = shown_page(qtbot, TrainingPage(ctx))
    buttons = {b.text(): b for b in page.findChildren(QPushButton)}

    def course(d: CourseDialog) -> None:
        type_into(qtbot, d.name, "Sơ cấp lý luận chính trị khóa 15")
        choose(d.kind, "theory")
        choose(d.level, "so_cap")
        type_into(qtbot, d.start, days_ago(40))
        click(qtbot, d.save_button)

    drive(qtbot, CourseDialog, course, buttons["Thêm lớp…"].click)
    assert page.model.rowCount() == 1
    page.view.selectRow(0)

    def enrol(d: EnrolDialog) -> None:
        choose(d.cell, organisation.cell_a)
        click(qtbot, d.save_button)

    drive(qtbot, EnrolDialog, enrol, buttons["Thêm học viên…"].click)
    assert page.model.row_at(0).attendees == 3  # the cell's two officials and its probationary member
    page.view.selectRow(0)
    with read_session(ctx.db, ctx.actor) as s:
        profiles = [ms.get_member(s, m).profile for m in (*ids, organisation.member_a)]
        names = [" ".join(x for x in (p.family_name, p.middle_name, p.given_name) if x) for p in profiles]

    def complete(d: CompleteDialog) -> None:
        assert sorted(t.name for t in d.trainees) == sorted(names)
        click(qtbot, d.save_button)  # no result entered: nobody is presumed to have passed
        error = d.findChild(QLabel, "error_results")
        assert error is not None and error.isVisible()
        expected = ", ".join(t.name for t in d.trainees)
        assert error.text() == (
            f"Hãy ghi kết quả (đạt, không đạt hoặc bỏ học) của từng học viên; còn thiếu: {expected}."
        )
        wanted = {ids[0]: "passed", ids[1]: "failed", organisation.member_a: "withdrew"}
        for trainee, combo in zip(d.trainees, d.results, strict=True):
            choose(combo, wanted[trainee.key])
        type_into(qtbot, d.certificates[[t.key for t in d.trainees].index(ids[0])], "15/SC-2026")
        click(qtbot, d.save_button)

    drive(qtbot, CompleteDialog, complete, buttons["Kết thúc lớp…"].click)
    assert messages == []
    assert [page.model.data(page.model.index(0, c)) for c in (6, 7, 8, 9, 10)] == [
        "3",
        "1",
        "1",
        "1",
        "Đã kết thúc",
    ]
    page.view.selectRow(0)
    shown = {
        page.trainee_rows.row_at(i).trainee.key: [
            page.trainee_rows.data(page.trainee_rows.index(i, c)) for c in (1, 2, 3)
        ]
        for i in range(page.trainee_rows.rowCount())
    }
    ended = format_date(page.model.row_at(0).end_date)
    assert shown == {
        ids[0]: ["Đạt", "15/SC-2026", f"Sơ cấp: Sơ cấp lý luận chính trị khóa 15, bế giảng {ended}"],
        ids[1]: ["Không đạt", "", "Khai trong hồ sơ"],
        organisation.member_a: ["Bỏ học", "", "Khai trong hồ sơ"],
    }
    with read_session(ctx.db, ctx.actor) as s:
        levels = [ms.get_member(s, m).profile.political_theory for m in (*ids, organisation.member_a)]
        sources = tr.theory_sources(s, [*ids, organisation.member_a])
        results = {t.key: (t.result, t.certificate_no) for t in tr.attendees(s, page.model.row_at(0).id)}
    assert levels == ["so_cap", "", ""]  # only the trainee who passed is raised
    assert list(sources) == [ids[0]]
    assert (sources[ids[0]].course_name, sources[ids[0]].certificate_no) == (
        "Sơ cấp lý luận chính trị khóa 15",
        "15/SC-2026",
    )
    assert results == {
        ids[0]: ("passed", "15/SC-2026"),
        ids[1]: ("failed", ""),
        organisation.member_a: ("withdrew", ""),
    }
    assert page.model.row_at(0).passed == 1
    qtmodeltester.check(page.model)


# ---------------------------------------------------------------- dues


def test_dues_sheet_marks_paid_saves_and_updates_the_unpaid_list(
    qtbot: QtBot, ctx: AppContext, organisation: Org, messages: list[str], qtmodeltester: Any
) -> None:
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as s:
        dues.set_rate(s, "other", date(2026, 2, 3), fixed=10_000)
    page: DuesPage = shown_page(qtbot, DuesPage(ctx))
    page.month.setCurrentIndex(page.month.findData("2026-03"))
    page.cell.setCurrentIndex(page.cell.findData(organisation.cell_a))
    assert page.model.rowCount() == 1
    unpaid = {page.unpaid.row_at(i).unpaid.name: page.unpaid.row_at(i) for i in range(page.unpaid.rowCount())}
    # nothing recorded since January: both members are three months behind
    assert {name: len(u.unpaid.months) for name, u in unpaid.items()} == {"Lò Văn Thanh": 3, "Cầm Thị Lan": 3}
    assert page.tabs.tabText(1) == "Chưa nộp từ 3 tháng trở lên (2)"
    click(qtbot, page.all_paid)
    assert page.model.data(page.model.index(0, 6)) == "Đã nộp"
    qtmodeltester.check(page.model)
    click(qtbot, page.save_button)
    assert messages == []
    with read_session(ctx.db, ctx.actor) as s:
        [row] = dues.sheet(s, organisation.cell_a, "2026-03")
    assert row.recorded and row.amount_paid == 10_000
    # reloaded: paid through March, and only the other cell's member is still 3 months behind
    assert page.model.data(page.model.index(0, 7)) == "03/2026"
    names = [page.unpaid.row_at(i).unpaid.name for i in range(page.unpaid.rowCount())]
    assert names == ["Cầm Thị Lan"]
    assert page.unpaid.data(page.unpaid.index(0, 4)) == "chưa nộp"
    assert "Đã nộp đủ: 1/1 đảng viên" in page.totals.text()
    qtmodeltester.check(page.unpaid)


def test_dues_columns_fit_the_page_at_1366_by_768(qtbot: QtBot, ctx: AppContext, organisation: Org) -> None:
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as s:
        dues.set_rate(s, "other", date(2026, 2, 3), fixed=10_000)
        dues.record_month(
            s,
            organisation.cell_a,
            "2026-02",
            {organisation.member_a: dues.DuesEntry(3_000, amount_due=3_000)},
        )
    page: DuesPage = shown_page(qtbot, DuesPage(ctx))  # the page area of the main window at 1366×768
    page.month.setCurrentIndex(page.month.findData("2026-03"))
    page.cell.setCurrentIndex(page.cell.findData(organisation.cell_a))
    QApplication.processEvents()
    for tab, view in enumerate((page.view, page.unpaid_view)):
        page.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        header = view.horizontalHeader()
        assert header.length() <= view.viewport().width()
        assert not view.horizontalScrollBar().isVisible()
        for section in range(1, header.count()):  # every column but the name is as wide as its contents
            assert header.sectionSize(section) >= view.sizeHintForColumn(section)
