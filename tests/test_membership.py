"""Every lifecycle rule of DOMAIN.md §3.2 and §3.4, with the refusals and their Vietnamese messages."""

from __future__ import annotations

from datetime import date

import pytest

from models.db import Database, read_session, unit_of_work
from models.errors import Conflict, RuleViolation, ValidationError
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from tests.builders import admit, profile, village_and_cell


def _status(db: Database, member_id: str) -> tuple[str, bool]:
    with read_session(db, SYSTEM_ACTOR) as s:
        m = ms.get_member(s, member_id)
        return m.status, m.counted


@pytest.fixture
def cell(db: Database) -> str:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        return village_and_cell(s)


def test_admission_creates_probationary_member_with_history(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell)
    assert _status(db, mid) == ("probationary", True)
    with read_session(db, SYSTEM_ACTOR) as s:
        detail = ms.get_member(s, mid)
        assert detail.name == "Lò Văn Thanh"
        assert detail.admission_date == date(2020, 3, 5)
        assert [e.kind for e in ms.history(s, mid)] == ["admitted"]
        assert ms.history(s, mid)[0].detail["introducers"] == ["Lường Văn Hùng", "Cầm Thị Lan"]


def test_admission_age_counted_in_whole_months(db: Database, cell: str) -> None:
    # Born 12/04/2002: on 11/04/2020 17 years 11 months -> refused; on 12/04/2020 exactly 18 -> allowed.
    young = profile(born=date(2002, 4, 12))
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        admit(s, cell, young, ceremony=date(2020, 5, 1), consideration=date(2020, 4, 11))
    assert exc.value.text() == "Chưa đủ 18 tuổi khi chi bộ xét (mới 17 tuổi 11 tháng). Không thể kết nạp."
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        admit(s, cell, young, ceremony=date(2020, 5, 1), consideration=date(2020, 4, 12))


def test_over_sixty_needs_a_note_then_warns(db: Database, cell: str) -> None:
    old = profile(given="Pọm", born=date(1955, 1, 1))
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        admit(s, cell, old, ceremony=date(2020, 3, 5))
    assert "cần ý kiến đồng ý của Tỉnh ủy" in exc.value.text()
    assert "65 tuổi 2 tháng" in exc.value.text()
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        result = ms.admit(
            s,
            ms.Admit(
                old,
                cell,
                date(2020, 3, 1),
                date(2020, 3, 2),
                "1-QĐ/ĐU",
                date(2020, 3, 5),
                over_age_note="CV 45-CV/TU",
            ),
        )
    assert any("CV 45-CV/TU" in w for w in result.warnings)


def test_low_education_is_a_warning_not_a_block(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        result = ms.admit(
            s,
            ms.Admit(
                profile(education="5/12"), cell, date(2020, 3, 1), date(2020, 3, 2), "1", date(2020, 3, 5)
            ),
        )
    assert any("Trình độ học vấn 5/12 thấp hơn quy định" in w for w in result.warnings)


def test_dates_out_of_order_are_field_errors(db: Database, cell: str) -> None:
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.admit(s, ms.Admit(profile(), cell, date(2020, 3, 1), date(2020, 3, 10), "1", date(2020, 3, 5)))
    assert exc.value.errors == {"ceremony_date": "Lễ kết nạp phải sau ngày ra quyết định."}


def test_official_recognition_on_ceremony_plus_twelve_months(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell, ceremony=date(2024, 3, 5))
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.recognise_official(s, ms.EventInput(mid, date(2025, 3, 4)))
    assert exc.value.text() == "Chưa đủ 12 tháng dự bị. Ngày đủ 12 tháng dự bị: 05/03/2025."
    # The decision comes two months late: the member is official from 05/03/2025 anyway.
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        official = ms.recognise_official(s, ms.EventInput(mid, date(2025, 5, 20), decision_no="88-QĐ/ĐU"))
    assert official == date(2025, 3, 5)
    assert _status(db, mid) == ("official", True)
    with read_session(db, SYSTEM_ACTOR) as s:
        assert ms.get_member(s, mid).official_date == date(2025, 3, 5)
        assert ms.member_state(s, mid, as_of=date(2025, 3, 4)).membership == "probationary"
        assert ms.member_state(s, mid, as_of=date(2025, 3, 5)).membership == "official"
    with (
        pytest.raises(RuleViolation, match="Chỉ công nhận chính thức cho đảng viên dự bị"),
        unit_of_work(db, SYSTEM_ACTOR) as s,
    ):
        ms.recognise_official(s, ms.EventInput(mid, date(2025, 6, 1)))


def test_overdue_recognitions_list(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        late = admit(s, cell, profile(given="Muôn", cccd=None), ceremony=date(2023, 1, 10))
        soon = admit(s, cell, profile(given="Xuân"), ceremony=date(2024, 12, 20))
        admit(s, cell, profile(given="Hoa", sex="F"), ceremony=date(2025, 6, 1))
    with read_session(db, SYSTEM_ACTOR) as s:
        due = ms.recognitions_due(s, date(2025, 1, 1), within_days=0)
        assert [d.member_id for d in due] == [late]
        assert due[0].due_date == date(2024, 1, 10) and due[0].days_overdue == 357
        upcoming = ms.recognitions_due(s, date(2025, 1, 1), within_days=365)
        assert [d.member_id for d in upcoming][:2] == [late, soon]


def test_expulsion_only_for_official_members(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell, ceremony=date(2024, 3, 5))
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.expel(s, ms.EventInput(mid, date(2024, 9, 1), decision_no="5-QĐ/ĐU"))
    assert (
        exc.value.text()
        == "Chỉ khai trừ đảng viên chính thức. Đảng viên dự bị vi phạm thì xóa tên khỏi danh sách."
    )
    assert _status(db, mid) == ("probationary", True)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.strike_off(s, ms.EventInput(mid, date(2024, 9, 1), reason="Bỏ sinh hoạt 3 tháng"))
    assert _status(db, mid) == ("struck_off", False)


def test_expel_official_member_then_refuse_further_actions(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell, ceremony=date(2010, 3, 5))
        ms.recognise_official(s, ms.EventInput(mid, date(2011, 3, 5)))
        ms.expel(s, ms.EventInput(mid, date(2020, 1, 15), decision_no="9-QĐ/ĐU"))
    assert _status(db, mid) == ("expelled", False)
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.start_exemption(s, ms.EventInput(mid, date(2021, 1, 1)))
    assert (
        exc.value.text()
        == "Ngày 01/01/2021: đảng viên đã ở trạng thái “Đã khai trừ” từ ngày 15/01/2020, không thể miễn công tác và sinh hoạt."
    )


def test_permanent_and_temporary_transfers(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        a = admit(s, cell, ceremony=date(2015, 3, 5))
        ms.recognise_official(s, ms.EventInput(a, date(2016, 3, 5)))
        ms.transfer_out(
            s,
            ms.EventInput(
                a, date(2024, 2, 1), temporary=True, other_organisation="Chi bộ Công ty X", letter_no="12"
            ),
        )
    assert _status(db, a) == ("official", True)  # temporarily away members still count at home
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.end_temporary_transfer(s, ms.EventInput(a, date(2024, 8, 1)))
        ms.transfer_out(
            s,
            ms.EventInput(
                a, date(2025, 2, 1), other_organisation="Đảng bộ xã Chiềng Sơn", dues_paid_through="2025-01"
            ),
        )
    assert _status(db, a) == ("transferred_out", False)
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.transfer_out(s, ms.EventInput(a, date(2025, 3, 1)))
    assert exc.value.errors == {"other_organisation": "Hãy nhập tổ chức đảng nơi chuyển đến."}

    received = ms.TransferIn(
        profile(given="Bình", born=date(1990, 6, 1)),
        cell,
        date(2025, 4, 1),
        other_organisation="Chi bộ Trường THPT Sông Mã",
        temporary=True,
        membership="official",
        admission_decision_date=date(2015, 5, 1),
        admission_date=date(2015, 5, 19),
        official_date=date(2016, 5, 19),
    )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        b = ms.transfer_in(s, received).member_id
    assert _status(db, b) == ("official", False)  # temporary members received are not counted
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.end_temporary_transfer(s, ms.EventInput(b, date(2025, 9, 1)))
    assert _status(db, b) == ("transferred_out", False)


def test_exemption_and_away_are_exclusive_and_reversible(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell, profile(born=date(1960, 2, 2)), ceremony=date(2000, 3, 5))
        ms.recognise_official(s, ms.EventInput(mid, date(2001, 3, 5)))
        ms.start_exemption(s, ms.EventInput(mid, date(2022, 1, 1), reason="Tuổi cao"))
    assert _status(db, mid) == ("exempted", True)
    with pytest.raises(RuleViolation) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.start_away(s, ms.EventInput(mid, date(2023, 1, 1)))
    assert (
        exc.value.text() == "Đảng viên đang ở trạng thái “Miễn sinh hoạt”; hãy kết thúc trạng thái đó trước."
    )
    with (
        pytest.raises(RuleViolation, match="không ở trạng thái “Đi làm ăn xa”"),
        unit_of_work(db, SYSTEM_ACTOR) as s,
    ):
        ms.end_away(s, ms.EventInput(mid, date(2023, 1, 1)))
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.end_exemption(s, ms.EventInput(mid, date(2023, 1, 1)))
        ms.start_away(s, ms.EventInput(mid, date(2023, 6, 1), reason="Làm ăn ở Bình Dương"))
    assert _status(db, mid) == ("away", True)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.end_away(s, ms.EventInput(mid, date(2024, 6, 1)))
    assert _status(db, mid) == ("official", True)


def test_death_leaving_and_restoration(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        a = admit(s, cell, profile(given="Một", born=date(1960, 1, 1)), ceremony=date(2000, 3, 5))
        b = admit(s, cell, profile(given="Hai", born=date(1961, 1, 1)), ceremony=date(2000, 3, 5))
        ms.record_death(s, ms.EventInput(a, date(2024, 10, 2)))
        ms.leave_party(s, ms.EventInput(b, date(2010, 1, 1)))
    assert _status(db, a) == ("deceased", False)
    assert _status(db, b) == ("left", False)
    with (
        pytest.raises(RuleViolation, match="“Đã từ trần” từ ngày 02/10/2024, không thể khôi phục đảng tịch"),
        unit_of_work(db, SYSTEM_ACTOR) as s,
    ):
        ms.restore(s, ms.EventInput(a, date(2025, 1, 1)))
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.restore(s, ms.EventInput(b, date(2011, 1, 1), decision_no="Hủy QĐ xóa tên"))
    assert _status(db, b) == ("probationary", True)


def test_readmission_interrupts_party_age_and_delays_badges(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(
            s, cell, profile(born=date(1950, 1, 1)), ceremony=date(1980, 3, 5), consideration=date(1980, 3, 1)
        )
        ms.recognise_official(s, ms.EventInput(mid, date(1981, 3, 5)))
        ms.strike_off(s, ms.EventInput(mid, date(1990, 3, 1)))
    readmit = ms.Admit(
        profile(born=date(1950, 1, 1)), cell, date(1995, 2, 1), date(1995, 3, 1), "7-QĐ/HU", date(1995, 3, 10)
    )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.readmit(s, mid, readmit)
    assert _status(db, mid) == ("probationary", True)
    with read_session(db, SYSTEM_ACTOR) as s:
        # Gap 01/03/1990 → 01/03/1995 (5 years) is not Party age.
        assert ms.party_age_months(s, mid, date(2000, 3, 1)) == 15 * 12
        badges = dict(ms.badge_eligibility(s, mid))
        gap_days = (date(1995, 3, 1) - date(1990, 3, 1)).days
        assert (badges[30] - date(2010, 3, 1)).days == gap_days


def test_party_age_and_badge_dates_without_interruption(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(
            s,
            cell,
            profile(born=date(1950, 1, 1)),
            ceremony=date(1976, 5, 19),
            consideration=date(1976, 5, 1),
        )
    with read_session(db, SYSTEM_ACTOR) as s:
        assert ms.party_age_months(s, mid, date(2006, 5, 1)) == 30 * 12
        assert dict(ms.badge_eligibility(s, mid))[50] == date(2026, 5, 1)


def test_duplicate_cccd_refused_and_similar_name_warned(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        admit(s, cell, profile(cccd="014085001234"))
    with pytest.raises(Conflict) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        admit(s, cell, profile(given="Khác", cccd="014085001234"))
    assert "Số CCCD 014085001234 đã có trong danh sách đảng viên" in exc.value.text()
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        result = ms.admit(
            s,
            ms.Admit(
                profile(family="LÒ", middle="Thị"),
                cell,
                date(2020, 3, 1),
                date(2020, 3, 2),
                "1",
                date(2020, 3, 5),
            ),
        )
    assert any("trùng ngày sinh và họ tên: Lò Văn Thanh" in w for w in result.warnings)


def test_identity_warnings_and_nfc(db: Database, cell: str) -> None:
    nfd = "Lo\u0300"  # "Lò" decomposed
    p = ms.Profile(
        "Lường", "Thị", "Hoa", "F", date(1990, 1, 1), cccd="014090001234", party_card_no="1234", home_town=nfd
    )
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        result = ms.admit(s, ms.Admit(p, cell, date(2020, 3, 1), date(2020, 3, 2), "1", date(2020, 3, 5)))
    assert "Số thứ tư của CCCD (0) không khớp giới tính đã nhập." in result.warnings
    assert any("Số thẻ đảng viên thường có 8 chữ số" in w for w in result.warnings)
    with read_session(db, SYSTEM_ACTOR) as s:
        assert ms.get_member(s, result.member_id).profile.home_town == "Lò"


def test_future_dates_and_bad_profile_refused_with_field_messages(db: Database, cell: str) -> None:
    with pytest.raises(ValidationError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.admit(
            s,
            ms.Admit(
                ms.Profile("", "", "An2", "X", date(1990, 1, 1)),
                cell,
                date(2020, 3, 1),
                date(2020, 3, 2),
                "1",
                date(2020, 3, 5),
            ),
        )
    assert exc.value.errors == {
        "family_name": "Hãy nhập họ.",
        "given_name": "Họ tên không được chứa chữ số.",
        "sex": "Hãy chọn giới tính Nam hoặc Nữ.",
    }
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell)
    with pytest.raises(ValidationError) as exc2, unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.start_away(s, ms.EventInput(mid, date(2999, 1, 1)))
    assert exc2.value.errors == {"event_date": "Ngày 01/01/2999 ở tương lai. Hãy nhập ngày đã xảy ra."}


def test_refused_action_changes_nothing_and_every_change_is_audited(db: Database, cell: str) -> None:
    from models import audit

    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell, ceremony=date(2024, 3, 5))
        entries_before = audit.head(s)[0]
    with pytest.raises(RuleViolation), unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.expel(s, ms.EventInput(mid, date(2024, 9, 1)))
    with read_session(db, SYSTEM_ACTOR) as s:
        assert audit.head(s)[0] == entries_before
        assert [e.kind for e in ms.history(s, mid)] == ["admitted"]
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        ms.start_away(s, ms.EventInput(mid, date(2024, 9, 1)))
    with read_session(db, SYSTEM_ACTOR) as s:
        assert audit.head(s)[0] == entries_before + 1
        assert audit.verify(s).ok


def test_card_and_badge(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mid = admit(s, cell, profile(born=date(1960, 1, 1)), ceremony=date(1990, 3, 5))
        warnings = ms.issue_card(s, ms.EventInput(mid, date(2005, 1, 1)), "12345678")
        ms.award_badge(s, ms.EventInput(mid, date(2020, 2, 3)), 30)
    assert warnings == []
    with (
        pytest.raises(ValidationError, match="Huy hiệu chỉ có các mốc 30, 40, 45"),
        unit_of_work(db, SYSTEM_ACTOR) as s,
    ):
        ms.award_badge(s, ms.EventInput(mid, date(2021, 2, 3)), 35)
    with read_session(db, SYSTEM_ACTOR) as s:
        assert ms.get_member(s, mid).profile.party_card_no == "12345678"
        assert [e.kind for e in ms.history(s, mid)] == ["admitted", "card_issued", "badge_awarded"]


def test_member_search_folds_diacritics_and_d(db: Database, cell: str) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        admit(s, cell, profile(family="Đinh", middle="Công", given="Đức"))
        admit(s, cell, profile(family="Lò", middle="Văn", given="Hùng", born=date(1979, 1, 1)))
    with read_session(db, SYSTEM_ACTOR) as s:
        assert [c.name for c in ms.member_choices(s, "duc")] == ["Đinh Công Đức"]
        assert [c.name for c in ms.member_choices(s, "lo van")] == ["Lò Văn Hùng"]
        assert [c.name for c in ms.member_choices(s, "DINH")] == ["Đinh Công Đức"]
