"""The Members page, the profile and the lifecycle dialogs, driven through real widgets on a real
database built through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QTableWidget
from pytestqt.qtbot import QtBot

from models.db import read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import register as rg
from tests import builders
from ui.context import AppContext
from ui.dialogs import member_profile
from ui.dialogs.member_actions import ActionDialog, parse_month
from ui.dialogs.member_profile import MemberProfileDialog
from ui.members_model import MemberTableModel, vi_number
from ui.pages import members as members_page
from ui.pages.members import MembersPage, badge_model, leave_model, missing_model, recognition_model
from ui.settings import Settings

if TYPE_CHECKING:
    from tests.ui.conftest import Org

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def more(ctx: AppContext, organisation: Org) -> dict[str, str]:
    """A few more members: an official one, an older woman, a Mông member."""
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as session:
        official = builders.admit(
            session,
            organisation.cell_a,
            builders.profile("Quàng", "Văn", "Đức", born=date(1970, 1, 2)),
            ceremony=date(1995, 5, 19),
        )
        ms.recognise_official(session, ms.EventInput(official, date(1996, 6, 1)))
        mong = builders.admit(
            session,
            organisation.cell_b,
            builders.profile("Giàng", "A", "Páo", born=date(1999, 9, 9), ethnicity="Mông"),
            ceremony=date(2024, 2, 3),
        )
    return {"official": official, "mong": mong}


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, more: dict[str, str], tmp_path: Path) -> MembersPage:
    p = MembersPage(ctx, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    return p


def names(page: MembersPage) -> list[str]:
    model = page.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def select(page: MembersPage, *wanted: str) -> None:
    ids = [page.model.id_at(r) for r in range(page.model.rowCount()) if names(page)[r] in wanted]
    page.view.clearSelection()
    page.select_ids(ids)


def test_models_pass_the_model_tester(qtmodeltester: Any, ctx: AppContext, more: dict[str, str]) -> None:
    model = MemberTableModel(ctx)
    model.set_filter(rg.RegisterFilter())
    qtmodeltester.check(model)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    with read_session(ctx.db, ctx.actor) as session:
        rows = rg.member_rows(session, rg.member_ids(session, rg.RegisterFilter()))
    for attention in (recognition_model(), badge_model(), leave_model(), missing_model()):
        qtmodeltester.check(attention)
    missing = missing_model()
    missing.set_rows(list(rows.values()))
    qtmodeltester.check(missing)


def test_rows_are_fetched_lazily_in_pages(ctx: AppContext, more: dict[str, str]) -> None:
    model = MemberTableModel(ctx)
    model.set_filter(rg.RegisterFilter())
    assert model.rowCount() == 4
    assert model.fetches == 0  # ids only until a row is shown
    model.data(model.index(0, 0))
    model.data(model.index(3, 8))
    assert model.fetches == 1


def test_folded_search_filter_sort_and_counts(qtbot: QtBot, page: MembersPage) -> None:
    assert page.counts.text() == "4 đảng viên, 3 dự bị, 1 nữ"
    # Vietnamese name order: by given name (Đức < Lan < Páo < Thanh).
    assert names(page) == ["Quàng Văn Đức", "Cầm Thị Lan", "Giàng A Páo", "Lò Văn Thanh"]
    qtbot.keyClicks(page.search, "lo van")  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: names(page) == ["Lò Văn Thanh"], timeout=2000)
    assert page.counts.text() == "1 đảng viên, 1 dự bị, 0 nữ"
    page.search.setText("duc")  # đ folds to d
    qtbot.waitUntil(lambda: names(page) == ["Quàng Văn Đức"], timeout=2000)
    page.search.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 4, timeout=2000)

    page.sex.setCurrentIndex(page.sex.findData("F"))
    assert names(page) == ["Cầm Thị Lan"]
    page.sex.setCurrentIndex(0)
    page.ethnicity.setCurrentIndex(page.ethnicity.findData("Mông"))
    assert names(page) == ["Giàng A Páo"]
    page.ethnicity.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData("official"))
    assert names(page) == ["Quàng Văn Đức"]
    page.status.setCurrentIndex(0)
    page.age.setCurrentIndex(page.age.findData("<=30"))
    assert names(page) == ["Giàng A Páo"]
    page.age.setCurrentIndex(0)

    page.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # date of birth, oldest first
    assert names(page)[0] == "Quàng Văn Đức"
    assert page.model.data(page.model.index(0, 2)) == "02/01/1970"
    page.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert names(page)[0] == "Giàng A Páo"


def test_open_profile_and_save_a_change(qtbot: QtBot, page: MembersPage, organisation: Org) -> None:
    dialog = MemberProfileDialog(page.ctx, organisation.member_a, page)
    qtbot.addWidget(dialog)
    assert dialog.form.edits["given_name"].text() == "Thanh"
    dialog.form.edits["given_name"].setText("Thành")
    dialog.form.edits["phone"].setText("0912 345 678")
    assert dialog.save()
    page.after_change(organisation.member_a)
    assert "Lò Văn Thành" in names(page)
    # The history tab shows the admission and who changed the record.
    again = MemberProfileDialog(page.ctx, organisation.member_a, page)
    qtbot.addWidget(again)
    events = [cell(again.history, r, 1) for r in range(again.history.rowCount())]
    assert events == ["Kết nạp"]
    audit = [cell(again.audit, r, 2) for r in range(again.audit.rowCount())]
    assert audit[0] == "Sửa hồ sơ"
    assert "Điện thoại" in cell(again.audit, 0, 3)
    assert "Ngày đủ 12 tháng dự bị: 05/03/2021" in again.summary.text()


def test_errors_beside_fields_and_warnings_acknowledged(
    qtbot: QtBot, ctx: AppContext, organisation: Org
) -> None:
    dialog = MemberProfileDialog(ctx, organisation.member_a)
    qtbot.addWidget(dialog)
    dialog.form.edits["given_name"].setText("")
    dialog.form.dates["date_of_birth"].setText("31/2/1985")
    assert not dialog.save()
    assert "không có trong lịch" in dialog.errors.text("date_of_birth")
    dialog.form.dates["date_of_birth"].setText("12/4/1985")
    assert not dialog.save()
    assert dialog.errors.text("given_name") == "Hãy nhập tên."
    dialog.form.edits["given_name"].setText("Thanh")
    dialog.form.edits["cccd"].setText("014185000123")  # 1 = a woman born 1900–1999: sex mismatch
    assert not dialog.save()
    assert not dialog.warnings.isHidden()
    assert "CCCD" in dialog.warnings.text()
    assert not dialog.save()  # not acknowledged yet
    dialog.acknowledge.setChecked(True)
    assert dialog.save()
    with read_session(ctx.db, ctx.actor) as session:
        assert ms.get_member(session, organisation.member_a).profile.cccd == "014185000123"


def test_photo_is_scaled_and_saved(
    qtbot: QtBot, ctx: AppContext, organisation: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(1200, 1600, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 120, 80))
    path = tmp_path / "anh.png"
    image.save(str(path))
    monkeypatch.setattr("ui.dialogs.member_profile.choose_image", lambda _p: str(path))
    dialog = MemberProfileDialog(ctx, organisation.member_a)
    qtbot.addWidget(dialog)
    dialog.form.pick_photo()
    assert dialog.form.photo_data is not None
    assert len(dialog.form.photo_data) < 2_000_000
    assert dialog.save()
    with read_session(ctx.db, ctx.actor) as session:
        assert ms.get_member(session, organisation.member_a).has_photo


def test_two_lifecycle_actions_and_a_refusal(qtbot: QtBot, page: MembersPage, organisation: Org) -> None:
    # 1. Recognise two probationary members at once from the list selection.
    select(page, "Lò Văn Thanh", "Cầm Thị Lan")
    assert len(page.selected_ids()) == 2
    dialog = ActionDialog(page.ctx, "recognise", page.selected_ids(), page)
    qtbot.addWidget(dialog)
    assert "Ngày đủ 12 tháng dự bị: 05/03/2021" in dialog.facts.text()
    dialog.set_value("decision_date", date(2021, 4, 10))
    dialog.set_value("decision_no", "45-QĐ/ĐU")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    page.after_change()
    assert page.counts.text() == "4 đảng viên, 1 dự bị, 1 nữ"
    row = page.model.row_of_id(organisation.member_a)
    assert page.model.data(page.model.index(row, 5)) == "Chính thức"
    assert page.model.data(page.model.index(row, 7)) == "05/03/2021"  # official on the due day

    # 2. Exempt one member; the list shows the new status.
    exempt = ActionDialog(page.ctx, "exemption_start", [organisation.member_b], page)
    qtbot.addWidget(exempt)
    exempt.set_value("event_date", date(2025, 1, 6))
    exempt.set_value("until", date(2025, 7, 6))
    exempt.set_value("reason", "Sức khỏe")
    exempt.save()
    assert exempt.result() == exempt.DialogCode.Accepted
    page.after_change()
    row = page.model.row_of_id(organisation.member_b)
    assert page.model.data(page.model.index(row, 5)) == "Miễn sinh hoạt"

    # 3. A refusal: a probationary member cannot be expelled; the dialog stays open with the reason.
    mong = [i for i in page.model.ids() if page.model.row_at(page.model.row_of_id(i)).name == "Giàng A Páo"]
    refused = ActionDialog(page.ctx, "expel", mong, page)
    qtbot.addWidget(refused)
    refused.show()
    refused.save()
    assert refused.isVisible()
    assert refused.result_value is None
    assert "Chỉ khai trừ đảng viên chính thức" in refused.refusal.text()
    # An error beside a field: a planned end before the start.
    bad = ActionDialog(page.ctx, "away_start", mong, page)
    qtbot.addWidget(bad)
    bad.set_value("event_date", date(2025, 3, 1))
    bad.set_value("until", date(2025, 2, 1))
    bad.save()
    assert "sau ngày bắt đầu" in bad.errors.text("until")

    # The history of the recognised member shows the new event.
    profile = MemberProfileDialog(page.ctx, organisation.member_a, page)
    qtbot.addWidget(profile)
    events = [cell(profile.history, r, 1) for r in range(profile.history.rowCount())]
    assert events == ["Công nhận chính thức", "Kết nạp"]
    assert cell(profile.history, 0, 2) == "45-QĐ/ĐU 10/04/2021"


def test_recognition_refused_before_twelve_months(
    qtbot: QtBot, ctx: AppContext, more: dict[str, str]
) -> None:
    dialog = ActionDialog(ctx, "recognise", [more["mong"]])
    qtbot.addWidget(dialog)
    assert "Ngày đủ 12 tháng dự bị: 03/02/2025" in dialog.facts.text()
    dialog.set_value("decision_date", date(2024, 12, 1))
    dialog.save()
    assert "Chưa đủ 12 tháng dự bị" in dialog.refusal.text()
    with read_session(ctx.db, ctx.actor) as session:
        assert ms.get_member(session, more["mong"]).status == "probationary"


def test_admit_and_transfer_in_dialogs(qtbot: QtBot, ctx: AppContext, organisation: Org) -> None:
    dialog = MemberProfileDialog(ctx, None, mode="admit", cell_id=organisation.cell_a)
    qtbot.addWidget(dialog)
    dialog.form.edits["family_name"].setText("Lường")
    dialog.form.edits["middle_name"].setText("Thị")
    dialog.form.edits["given_name"].setText("Xuân")
    dialog.form.sex.setCurrentIndex(dialog.form.sex.findData("F"))
    dialog.form.dates["date_of_birth"].setText("2/9/1998")
    dialog.form.edits["general_education"].setText("12/12")
    assert dialog.entry is not None
    assert not dialog.save()
    assert dialog.errors.text("ceremony_date")
    dialog.entry.dates["consideration_date"].setText("1/3/2025")
    dialog.entry.dates["decision_date"].setText("10/3/2025")
    dialog.entry.dates["ceremony_date"].setText("19/5/2025")
    dialog.entry.lines["decision_no"].setText("12-QĐ/ĐU")
    assert dialog.save()
    assert dialog.member_id is not None
    transfer = MemberProfileDialog(ctx, None, mode="transfer_in", cell_id=organisation.cell_b)
    qtbot.addWidget(transfer)
    transfer.form.edits["family_name"].setText("Vì")
    transfer.form.edits["middle_name"].setText("Văn")
    transfer.form.edits["given_name"].setText("Chương")
    transfer.form.dates["date_of_birth"].setText("5/5/1980")
    assert transfer.entry is not None
    transfer.entry.dates["event_date"].setText("1/10/2025")
    transfer.entry.lines["other_organisation"].setText("Đảng bộ xã Chiềng Sơn")
    transfer.entry.lines["dues_paid_through"].setText("9/2025")
    transfer.entry.dates["admission_decision_date"].setText("1/1/2010")
    transfer.entry.dates["admission_date"].setText("3/2/2010")
    transfer.entry.dates["official_date"].setText("3/2/2011")
    assert transfer.save()
    with read_session(ctx.db, ctx.actor) as session:
        events = ms.history(session, str(transfer.member_id))
    assert events[0].kind == "transfer_in"
    assert events[0].dues_paid_through == "2025-09"


def test_attention_panel(qtbot: QtBot, page: MembersPage) -> None:
    page.tabs.setCurrentWidget(page.attention)
    # The two members admitted in 2020 and the one admitted in 2024 are all past 12 months.
    assert page.attention.recognitions.rowCount() == 3
    assert "quá hạn 3" in page.attention.recognition_box.title()
    assert "đủ CCCD 0,00%" in page.attention.missing_box.title()
    assert page.attention.missing.rowCount() == 4
    assert "Huy hiệu Đảng đợt" in page.attention.badge_box.title()
    badges = [page.attention.badges.row_at(r) for r in range(page.attention.badges.rowCount())]
    assert [(b.name, b.years) for b in badges] == [("Quàng Văn Đức", 30)]


def test_export_excel_and_printed_register(
    qtbot: QtBot, page: MembersPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(members_page, "show_info", lambda _p, _t, text: shown.append(text))
    target = tmp_path / "ds.xlsx"
    monkeypatch.setattr(members_page, "ask_save_path", lambda *_a: str(target))
    page.sex.setCurrentIndex(page.sex.findData("M"))
    assert page.export_excel() == target
    sheet = openpyxl.load_workbook(target).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    flat = [str(v) for row in values for v in row if v is not None]
    assert "Lò Văn Thanh" in flat
    assert "Cầm Thị Lan" not in flat  # the filtered list only
    assert "Họ và tên" in flat
    pdf = tmp_path / "so.pdf"
    monkeypatch.setattr(members_page, "ask_save_path", lambda *_a: str(pdf))
    assert page.print_register() == pdf
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "SỔ DANH SÁCH ĐẢNG VIÊN" in text
    assert "Lò Văn Thanh" in text


def test_small_helpers() -> None:
    assert vi_number(1209) == "1.209"
    assert vi_number(100000) == "100.000"
    assert parse_month("3/2026") == "2026-03"
    assert parse_month("") == ""
    with pytest.raises(Exception, match="tháng/năm"):
        parse_month("13/2026")


def test_page_in_an_empty_register(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    p = MembersPage(ctx, Settings(tmp_path / "s.ini"))
    qtbot.addWidget(p)
    assert p.model.rowCount(QModelIndex()) == 0
    assert p.counts.text() == "0 đảng viên, 0 dự bị, 0 nữ"
    assert not p.profile_button.isEnabled()


# ---------------------------------------------------------------- driving the page itself


def opener(opened: list[str | None]) -> Any:
    """A replacement for MemberProfileDialog.exec that records which record was opened."""

    def record_open(dialog: MemberProfileDialog) -> int:
        opened.append(dialog.member_id)
        return int(QDialog.DialogCode.Rejected)

    return record_open


def row_rect_centre(page: MembersPage, member_id: str) -> Any:
    row = page.model.row_of_id(member_id)
    assert row >= 0
    index = page.model.index(row, 0)
    page.view.scrollTo(index)
    return page.view.visualRect(index).center()


def menu_action(page: MembersPage, key: str) -> Any:
    return next(a for a in page.actions_menu.actions() if a.data() == key)


def test_profile_opened_from_the_page_saves_and_the_filters_follow(
    qtbot: QtBot, page: MembersPage, organisation: Org, more: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Double-click a row, change occupation and theory level in the profile the page opens; the
    occupation, theory-level and cell filters then find exactly that member."""
    opened: list[str | None] = []

    def edit_and_save(dialog: MemberProfileDialog) -> int:
        opened.append(dialog.member_id)
        form = dialog.form
        form.occupation.setCurrentIndex(form.occupation.findData("commune_official"))
        form.theory.setCurrentIndex(form.theory.findData("trung_cap"))
        assert dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(MemberProfileDialog, "exec", edit_and_save)
    where = row_rect_centre(page, organisation.member_a)
    # A double click is a press, a release and a double-click event, as a real mouse sends them.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # type: ignore[no-untyped-call]
    assert opened == []  # one click only selects
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # type: ignore[no-untyped-call]
    assert opened == [organisation.member_a]
    assert page.selected_ids() == [organisation.member_a]  # the page refreshed and kept the row

    # Enter on the selected row opens the same profile (keyboard use).
    opened.clear()
    monkeypatch.setattr(MemberProfileDialog, "exec", opener(opened))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    assert opened == [organisation.member_a]

    everyone = names(page)
    page.occupation.setCurrentIndex(page.occupation.findData("commune_official"))
    assert names(page) == ["Lò Văn Thanh"]
    assert page.counts.text() == "1 đảng viên, 1 dự bị, 0 nữ"
    page.occupation.setCurrentIndex(page.occupation.findData("farmer"))
    assert "Lò Văn Thanh" not in names(page)
    assert len(names(page)) == len(everyone) - 1
    page.occupation.setCurrentIndex(0)

    page.theory.setCurrentIndex(page.theory.findData("trung_cap"))
    assert names(page) == ["Lò Văn Thanh"]
    page.theory.setCurrentIndex(page.theory.findData(""))  # "Chưa qua đào tạo" is a level too
    assert sorted(names(page)) == sorted(n for n in everyone if n != "Lò Văn Thanh")
    page.theory.setCurrentIndex(0)

    page.cell.setCurrentIndex(page.cell.findData(organisation.cell_b))
    assert sorted(names(page)) == ["Cầm Thị Lan", "Giàng A Páo"]
    page.cell.setCurrentIndex(page.cell.findData(organisation.cell_a))
    assert sorted(names(page)) == ["Lò Văn Thanh", "Quàng Văn Đức"]
    page.theory.setCurrentIndex(page.theory.findData("trung_cap"))  # filters combine
    assert names(page) == ["Lò Văn Thanh"]
    page.cell.setCurrentIndex(page.cell.findData(organisation.cell_b))
    assert names(page) == []
    assert page.counts.text() == "0 đảng viên, 0 dự bị, 0 nữ"


def test_actions_run_from_the_page_menu(
    qtbot: QtBot, page: MembersPage, organisation: Org, more: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's Thao tác menu: a recognition of two selected members, an exemption of one, and a
    refused expulsion that leaves the register unchanged."""
    seen: list[tuple[str, list[str], str]] = []
    fill: dict[str, Any] = {}

    def run(dialog: ActionDialog) -> int:
        for name, value in fill.items():
            dialog.set_value(name, value)
        dialog.save()
        seen.append((dialog.key, [c.id for c in dialog.chosen], dialog.refusal.text()))
        if dialog.result() != QDialog.DialogCode.Accepted:
            dialog.reject()
        return int(dialog.result())

    monkeypatch.setattr(ActionDialog, "exec", run)

    select(page, "Lò Văn Thanh", "Cầm Thị Lan")
    assert menu_action(page, "recognise").isEnabled()
    fill.update(decision_date=date(2021, 4, 10), decision_no="45-QĐ/ĐU")
    menu_action(page, "recognise").trigger()
    assert seen[-1][0] == "recognise"
    assert sorted(seen[-1][1]) == sorted([organisation.member_a, organisation.member_b])
    assert page.counts.text() == "4 đảng viên, 1 dự bị, 1 nữ"
    for member_id in (organisation.member_a, organisation.member_b):
        row = page.model.row_of_id(member_id)
        assert page.model.data(page.model.index(row, 5)) == "Chính thức"
    assert sorted(page.selected_ids()) == sorted([organisation.member_a, organisation.member_b])

    # A single-member action uses the first selected member only.
    select(page, "Cầm Thị Lan")
    fill.clear()
    fill.update(event_date=date(2025, 1, 6), until=date(2025, 7, 6), reason="Sức khỏe")
    menu_action(page, "exemption_start").trigger()
    assert seen[-1][:2] == ("exemption_start", [organisation.member_b])
    row = page.model.row_of_id(organisation.member_b)
    assert page.model.data(page.model.index(row, 5)) == "Miễn sinh hoạt"

    # A refusal: the probationary member cannot be expelled; nothing changes on the page.
    select(page, "Giàng A Páo")
    before = [page.model.data(page.model.index(r, 5)) for r in range(page.model.rowCount())]
    fill.clear()
    menu_action(page, "expel").trigger()
    assert seen[-1][0] == "expel"
    assert "Chỉ khai trừ đảng viên chính thức" in seen[-1][2]
    assert [page.model.data(page.model.index(r, 5)) for r in range(page.model.rowCount())] == before
    with read_session(page.ctx.db, page.ctx.actor) as session:
        assert ms.get_member(session, more["mong"]).status == "probationary"

    # No selection: the menu is disabled.
    page.view.clearSelection()
    assert not page.actions_button.isEnabled()
    assert not menu_action(page, "recognise").isEnabled()


# ---------------------------------------------------------------- duplicates on save


def fill_admission(dialog: MemberProfileDialog, family: str, middle: str, given: str, born: str) -> None:
    dialog.form.edits["family_name"].setText(family)
    dialog.form.edits["middle_name"].setText(middle)
    dialog.form.edits["given_name"].setText(given)
    dialog.form.dates["date_of_birth"].setText(born)
    assert dialog.entry is not None
    dialog.entry.dates["consideration_date"].setText("1/3/2025")
    dialog.entry.dates["decision_date"].setText("10/3/2025")
    dialog.entry.dates["ceremony_date"].setText("19/5/2025")
    dialog.entry.lines["decision_no"].setText("12-QĐ/ĐU")


def member_count(ctx: AppContext) -> int:
    with read_session(ctx.db, ctx.actor) as session:
        return len(rg.member_ids(session, rg.RegisterFilter(include_uncounted=True)))


def test_repeated_cccd_offers_the_existing_record_or_cancel(
    qtbot: QtBot, ctx: AppContext, organisation: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    with unit_of_work(ctx.db, ctx.actor) as session:
        detail = ms.get_member(session, organisation.member_a)
        ms.update_profile(
            session, organisation.member_a, replace(detail.profile, cccd="014085001234"), detail.revision
        )
    asked: list[tuple[str, str, list[str]]] = []
    answer = ["open"]

    def choose(_parent: Any, title: str, text: str, options: list[tuple[str, str]]) -> str:
        asked.append((title, text, [label for _key, label in options]))
        return answer[0]

    monkeypatch.setattr(member_profile, "choose", choose)
    opened: list[str | None] = []
    monkeypatch.setattr(MemberProfileDialog, "exec", opener(opened))

    dialog = MemberProfileDialog(ctx, None, mode="admit", cell_id=organisation.cell_b)
    qtbot.addWidget(dialog)
    fill_admission(dialog, "Hoàng", "Văn", "Tú", "3/7/1985")
    dialog.form.edits["cccd"].setText("014085001234")
    count = member_count(ctx)

    assert not dialog.save()
    title, text, buttons = asked[-1]
    assert title == "Có thể trùng hồ sơ"
    assert "Số CCCD này đã có" in text
    assert "Lò Văn Thanh, sinh 12/04/1985, Chi bộ bản Na Hát" in text
    assert buttons == ["Mở hồ sơ đã có"]  # no "save anyway" for a repeated CCCD (Hủy is added by choose)
    assert opened == [organisation.member_a]  # the existing record, opened over the form
    assert dialog.form.edits["given_name"].text() == "Tú"  # what was typed is kept
    assert member_count(ctx) == count

    answer[0] = ""  # Hủy
    assert not dialog.save()
    assert "Số CCCD này đã có" in dialog.refusal.text()
    answer[0] = "save"  # not offered; even if it came back, the CCCD is refused
    assert not dialog.save()
    assert opened == [organisation.member_a]
    assert member_count(ctx) == count

    # The service stays authoritative without the dialog.
    with pytest.raises(Exception, match="014085001234"), unit_of_work(ctx.db, ctx.actor) as session:
        builders.admit(
            session, organisation.cell_b, builders.profile("Hoàng", "Văn", "Tú", cccd="014085001234")
        )
    assert member_count(ctx) == count


def test_similar_name_and_birth_date_offers_open_save_anyway_or_cancel(
    qtbot: QtBot, ctx: AppContext, organisation: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []
    texts: list[str] = []
    answer = ["open"]

    def choose(_parent: Any, _title: str, text: str, options: list[tuple[str, str]]) -> str:
        texts.append(text)
        asked.append([label for _key, label in options])
        return answer[0]

    monkeypatch.setattr(member_profile, "choose", choose)
    opened: list[str | None] = []
    monkeypatch.setattr(MemberProfileDialog, "exec", opener(opened))
    dialog = MemberProfileDialog(ctx, None, mode="admit", cell_id=organisation.cell_b)
    qtbot.addWidget(dialog)
    fill_admission(dialog, "LÒ", "Văn", "thanh", "12/04/1985")  # the same person typed differently
    count = member_count(ctx)

    assert not dialog.save()
    assert asked[-1] == ["Mở hồ sơ đã có", "Vẫn lưu hồ sơ này"]
    assert "trùng ngày sinh" in texts[-1]
    assert "Lò Văn Thanh, sinh 12/04/1985, Chi bộ bản Na Hát" in texts[-1]
    assert opened == [organisation.member_a]
    answer[0] = ""
    assert not dialog.save()
    assert "trùng ngày sinh" in dialog.refusal.text()
    assert member_count(ctx) == count

    answer[0] = "save"
    assert dialog.save()
    assert dialog.warnings.isHidden()  # the choice was the acknowledgement
    assert member_count(ctx) == count + 1
    assert opened == [organisation.member_a]

    # Editing the older record now meets the new one: the same choice, naming the other record.
    asked.clear()
    again = MemberProfileDialog(ctx, organisation.member_a)
    qtbot.addWidget(again)
    again.form.edits["phone"].setText("0912 000 111")
    answer[0] = ""
    assert not again.save()
    assert asked == [["Mở hồ sơ đã có", "Vẫn lưu hồ sơ này"]]
    assert "LÒ Văn thanh, sinh 12/04/1985, Chi bộ bản Huổi Lè" in texts[-1]
