"""The Meetings page and the meeting entry form, driven through real widgets on a real database."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.services import membership as ms
from tests.builders import admit, profile, village_and_cell
from ui import pdf_preview
from ui.context import AppContext
from ui.dialogs.meeting_entry import AttendanceModel, MeetingDialog, month_from_text, time_from_text
from ui.dialogs.meeting_extract import ExtractDialog
from ui.pages import meetings as meetings_page
from ui.pages.meetings import (
    HELD,
    MISSING,
    OVERDUE,
    PLANNED,
    MeetingsPage,
    OverviewModel,
    load_overview,
    meeting_model,
)
from ui.pdf_preview import PdfPreview

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

GIVEN = ("An", "Bình", "Chiến", "Dũng", "Hùng", "Khánh", "Lâm", "Minh")


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def cell(db: Database) -> tuple[str, dict[str, str]]:
    """A cell of 8 official members (Lò Văn An … Lò Văn Minh) and one exempted member."""
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell_id = village_and_cell(s)
        ids = {}
        for i, given in enumerate(GIVEN):
            mid = admit(
                s, cell_id, profile(given=given, born=date(1970 + i, 1, 1)), ceremony=date(2010, 3, 5)
            )
            ms.recognise_official(s, ms.EventInput(mid, date(2011, 3, 5)))
            ids[given] = mid
        old = admit(
            s, cell_id, profile("Cầm", "Văn", "Piếng", born=date(1945, 1, 1)), ceremony=date(1980, 3, 5)
        )
        ms.recognise_official(s, ms.EventInput(old, date(1981, 3, 5)))
        ms.start_exemption(s, ms.EventInput(old, date(2024, 1, 1), reason="Tuổi cao"))
        ids["Piếng"] = old
    return cell_id, ids


def _january(cell_id: str, ids: dict[str, str], **kw: object) -> mt.MeetingInput:
    """A held regular meeting on 3/1/2026 chaired by Lò Văn An, minutes by Lò Văn Bình."""
    base: dict[str, object] = {
        "cell_id": cell_id,
        "kind": "regular",
        "month": "2026-01",
        "held_date": date(2026, 1, 3),
        "start_time": "19:30",
        "end_time": "21:30",
        "chair_member_id": ids["An"],
        "secretary_member_id": ids["Bình"],
    }
    return mt.MeetingInput(**{**base, **kw})  # type: ignore[arg-type]


def _select(combo: object, text: str) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def _fill_february(dialog: MeetingDialog) -> None:
    """Type up a paper record of the February meeting into the empty form, checking what the clerk
    sees on the way, and press Lưu."""
    dialog.show()
    # Everyone counted starts present; the exempted member is listed apart and not counted.
    assert dialog.attendance.rowCount() == 8
    assert dialog.attendance.counts() == (8, 8, 0, 0)
    assert "Cầm Văn Piếng" in dialog.not_counted.text()
    assert dialog.held_date.text() == "03/02/2026"  # the usual date, the 3rd
    QTest.keyClicks(dialog.start_time, "19h30")
    dialog.start_time.editingFinished.emit()
    QTest.keyClicks(dialog.end_time, "2130")
    dialog.end_time.editingFinished.emit()
    assert (dialog.start_time.text(), dialog.end_time.text()) == ("19:30", "21:30")
    assert dialog.duration.text() == "(120 phút)"
    dialog.place.setText("nhà văn hóa bản Na Hát")
    _select(dialog.chair, "Lò Văn An")
    _select(dialog.secretary, "Lò Văn Bình")
    guest = dialog.add_guest()
    guest.name.setText("Quàng Văn Thắng")
    guest.role.setText("Đảng ủy viên")
    guest.assigned.setChecked(True)

    # Attendance exceptions: one excused (typing a reason marks the absence), one unexcused.
    model = dialog.attendance
    rows = {e.name: r for r, e in enumerate(model.entries())}
    reason_index = model.index(rows["Lò Văn Chiến"], AttendanceModel.REASON_COLUMN)
    assert model.setData(reason_index, "Ốm")
    status_index = model.index(rows["Lò Văn Dũng"], AttendanceModel.STATUS_COLUMN)
    assert model.setData(status_index, "absent_unexcused")
    assert model.counts() == (8, 6, 1, 1)
    assert "Có mặt: 6 (75,0%)" in dialog.attendance_summary.text()

    # One agenda item with two speakers picked from the members present.
    item = dialog.agenda_items[0]
    item.title_edit.setText("Bảo vệ rừng mùa khô")
    _select(item.presenter, "Lò Văn An")
    item.content.setPlainText("Tình hình tuần tra bảo vệ rừng.")
    speaker_names = [item.presenter.itemText(i) for i in range(item.presenter.count())]
    assert "Lò Văn Chiến" not in speaker_names  # absent members cannot speak
    first = item.add_speech()
    _select(first.speaker, "Lò Văn Hùng")
    first.text.setText("Đề nghị tuần tra hằng tuần.")
    second = item.add_speech()
    _select(second.speaker, "Lò Văn Khánh")
    second.text.setText("Đồng ý, cần làm đường băng cản lửa.")
    item.conclusion.setPlainText("Duy trì tuần tra.")
    task = dialog.add_task()
    task.text.setText("Phát quang đường băng cản lửa")
    _select(task.assignee, "Lò Văn Lâm")
    QTest.keyClicks(task.due, "28/2/2026")

    # A vote: 6 for of 8 official members, 6 present — passes (more than half of those present).
    vote = dialog.add_vote()
    assert vote.votes_for.value() == 6  # defaults to the official members present
    vote.subject.setText("Nghị quyết tháng 2")
    vote.votes_for.setValue(5)
    vote.votes_abstain.setValue(1)
    assert vote.result.text().startswith("Thông qua")
    vote.votes_for.setValue(3)
    assert vote.result.text().startswith("Không thông qua")
    vote.votes_for.setValue(5)
    dialog.quality_score.setText("92")
    assert dialog.quality_rating.currentData() == "tot"
    dialog.save_button.click()


def test_enter_a_meeting_from_scratch_and_print_it(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    cell: tuple[str, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """From the page: Ghi biên bản… on February, the form typed up from scratch, then Xem biên bản
    opens the preview, whose Print button prints through the print dialog and whose Save as writes
    the PDF that is read back."""
    cell_id, _ids = cell
    forms: list[MeetingDialog] = []

    def type_up(dialog: MeetingDialog) -> int:
        forms.append(dialog)
        qtbot.addWidget(dialog)
        _fill_february(dialog)
        return int(dialog.result())

    notices: list[str] = []
    monkeypatch.setattr(MeetingDialog, "exec", type_up)
    monkeypatch.setattr(meetings_page, "show_info", lambda _p, _t, text: notices.append(text))
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.changed.connect(page.refresh)  # as the main window does (refresh_all)
    page.year.setValue(2026)
    page.refresh()
    page.grid.setCurrentIndex(
        page.overview.index(page.overview.row_of_cell(cell_id), page.overview.column_of_month(2))
    )
    assert page.overview.month_state(page.overview.row_at(0), 2) != "held"
    assert page.meetings.rowCount() == 0
    page.new_button.click()
    assert len(forms) == 1
    dialog = forms[0]
    saved = dialog.result_value
    assert saved is not None, [dialog.errors.text(f) for f in dialog.errors.fields()]
    assert saved.number == 1
    assert any("Tỷ lệ dự họp 75,0%" in w for w in saved.warnings)
    assert any("vắng không lý do" in w for w in saved.warnings)
    assert notices and "Đã lưu biên bản số 01." in notices[-1]  # the page tells the clerk
    # The page now shows the month as held and selects the new meeting in its list.
    assert page.overview.month_state(page.overview.row_at(page.overview.row_of_cell(cell_id)), 2) == "held"
    selected = page.selected_meeting()
    assert selected is not None and selected.id == saved.id
    assert page.preview_button.isEnabled()

    with read_session(db, SYSTEM_ACTOR) as s:
        view = mt.get_meeting(s, saved.id)
    assert view.summary.exempted == 1
    assert view.guests == (mt.Guest("Quàng Văn Thắng", "Đảng ủy viên", True),)
    assert [sp.speaker for sp in view.agenda[0].speeches] == ["Lò Văn Hùng", "Lò Văn Khánh"]
    assert view.votes[0].outcome.passed
    assert view.tasks[0].due_date == date(2026, 2, 28)

    # The preview the page opens: Print (through the print dialog, into a PDF printer) and Save as.
    printed = tmp_path / "may-in.pdf"
    saved_pdf = tmp_path / "bien-ban.pdf"
    previews: list[PdfPreview] = []
    print_dialogs: list[str] = []

    class AcceptingPrintDialog:
        """Stands in for QPrintDialog: the clerk presses In with the printer as it was set up."""

        def __init__(self, printer: QPrinter, parent: object = None) -> None:
            printer.setOutputFileName(str(printed))  # a PDF "printer" instead of paper
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:
            print_dialogs.append(title)

        def setMinMax(self, low: int, high: int) -> None:
            assert (low, high) == (1, self.printer.toPage())

        def exec(self) -> int:
            return int(QDialog.DialogCode.Accepted)

    def use_preview(preview: PdfPreview) -> int:
        previews.append(preview)
        qtbot.addWidget(preview)
        preview.print_button.click()
        preview.save_button.click()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(pdf_preview, "QPrintDialog", AcceptingPrintDialog)
    monkeypatch.setattr(PdfPreview, "exec", use_preview)
    monkeypatch.setattr(PdfPreview, "ask_target", lambda _self: saved_pdf)
    page.preview_button.click()
    assert len(previews) == 1
    preview = previews[0]
    assert preview.windowTitle() == "Xem trước: BIÊN BẢN Sinh hoạt chi bộ định kỳ tháng 02 năm 2026"
    assert preview.suggested_name == "bien-ban-chi-bo-ban-na-hat-2026-02-so-01.pdf"
    assert print_dialogs == ["In văn bản"]
    pages = preview.pdf_document.pageCount()
    assert pages >= 1
    assert len(PdfReader(printed).pages) == pages  # every page went to the printer
    assert preview.saved_to == saved_pdf
    text = _text(saved_pdf.read_bytes())
    assert text == _text(preview.data)  # the file is what the preview showed
    assert "Số 01-BB/CB" in text
    assert "ngày 03 tháng 02 năm 2026" in text
    assert "Lò Văn Chiến (Ốm)" in text
    assert "Vắng không lý do: đồng chí Lò Văn Dũng" in text
    assert "Đồng chí Lò Văn Hùng: Đề nghị tuần tra hằng tuần." in text
    assert "Đồng chí Lò Văn Khánh" in text
    assert "Nghị quyết tháng 2" in text
    assert "Cầm Văn Piếng" in text
    assert "THƯ KÝ" in text and "CHỦ TRÌ" in text


def test_errors_beside_fields_on_their_tab(
    qtbot: QtBot, ctx: AppContext, cell: tuple[str, dict[str, str]]
) -> None:
    cell_id, _ = cell
    dialog = MeetingDialog(ctx, cell_id, "2026-02")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("thematic"))
    dialog.tabs.setCurrentIndex(MeetingDialog.TAB_AGENDA)
    dialog.save_button.click()
    assert dialog.result_value is None
    assert "giờ:phút" in dialog.errors.text("start_time")
    assert "chủ trì" in dialog.errors.text("chair_name")
    assert "chuyên đề" in dialog.errors.text("thematic_topic")
    assert dialog.tabs.currentIndex() == MeetingDialog.TAB_GENERAL


def test_copy_from_last_month(
    qtbot: QtBot, ctx: AppContext, db: Database, cell: tuple[str, dict[str, str]]
) -> None:
    cell_id, ids = cell
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mt.save_meeting(
            s,
            _january(
                cell_id,
                ids,
                place="nhà văn hóa bản Na Hát",
                attendance={ids["Chiến"]: ("absent_excused", "Ốm")},
                agenda=(mt.AgendaInput("Thu đảng phí", "Lò Văn An", "Kết quả thu", (mt.Speech("X", "Y"),)),),
            ),
        )
    dialog = MeetingDialog(ctx, cell_id, "2026-02")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert dialog.place.text() == "nhà văn hóa bản Na Hát"
    assert dialog.chair.currentText() == "Lò Văn An"
    assert dialog.held_date.text() == "03/02/2026"  # the dates stay this month's
    assert [b.title_edit.text() for b in dialog.agenda_items] == ["Thu đảng phí"]
    assert dialog.agenda_items[0].speeches == []  # speeches are not copied
    assert dialog.attendance.counts() == (8, 8, 0, 0)  # attendance starts fresh


def test_overview_colours(
    qtbot: QtBot,
    qtmodeltester: object,
    ctx: AppContext,
    db: Database,
    cell: tuple[str, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cell_id, ids = cell
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        base = _january(cell_id, ids)
        mt.save_meeting(s, base)
        mt.save_meeting(
            s,
            mt.MeetingInput(
                **{
                    **base.__dict__,
                    "kind": "thematic",
                    "held_date": date(2026, 1, 20),
                    "thematic_topic": "Học tập và làm theo tư tưởng Hồ Chí Minh",
                }
            ),
        )
        mt.save_meeting(s, mt.MeetingInput(cell_id, "regular", "2026-03", planned_date=date(2026, 3, 3)))
    with read_session(db, SYSTEM_ACTOR) as s:
        rows = load_overview(s, 2026)
    model = OverviewModel()
    qtmodeltester.check(  # type: ignore[attr-defined]
        model
    )
    model.set_rows(2026, rows, on=date(2026, 4, 10))  # "today" is in April 2026

    def colour(month: int) -> object:
        index = model.index(0, model.column_of_month(month))
        return model.data(index, Qt.ItemDataRole.BackgroundRole).color()

    assert colour(1) == HELD
    assert model.data(model.index(0, model.column_of_month(1))) == "✓ 01"
    assert colour(2) == MISSING
    assert colour(3) == PLANNED
    assert colour(4) == OVERDUE  # this month, not met yet: stands out
    assert model.data(model.index(0, model.column_of_month(4)), Qt.ItemDataRole.ForegroundRole) is not None
    assert colour(5) != MISSING  # the future is not missing
    quarter_one = model.column_of_month(3) + 1
    assert model.data(model.index(0, quarter_one)) == "CĐ ✓"
    assert model.data(model.index(0, model.column_of_month(6) + 1)) == "Chưa"
    assert model.data(model.index(0, model.column_of_month(3))) == "03/03"  # the planned date
    qtmodeltester.check(  # type: ignore[attr-defined]
        model
    )

    # The page: double-click on the held month opens that meeting in the form.
    opened: list[tuple[str, str, str | None]] = []

    def fake_ask(
        _ctx: AppContext, cell: str, month: str, meeting_id: str | None = None, parent: object = None
    ) -> None:
        opened.append((cell, month, meeting_id))

    monkeypatch.setattr(MeetingDialog, "ask", fake_ask)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(2026)
    page.refresh()
    assert page.meetings.rowCount() == 3  # the cell's meetings of the year
    page.open_slot(page.overview.index(0, page.overview.column_of_month(1)))
    assert opened[-1][:2] == (cell_id, "2026-01")
    assert opened[-1][2] is not None
    page.open_slot(page.overview.index(0, page.overview.column_of_month(2)))
    assert opened[-1] == (cell_id, "2026-02", None)  # an empty month: a new meeting


def test_models_pass_qtmodeltester(
    qtmodeltester: object, ctx: AppContext, db: Database, cell: tuple[str, dict[str, str]]
) -> None:
    cell_id, _ = cell
    with read_session(db, SYSTEM_ACTOR) as s:
        entries = mt.roster(s, cell_id, date(2026, 2, 3))
    attendance = AttendanceModel()
    qtmodeltester.check(  # type: ignore[attr-defined]
        attendance
    )
    attendance.set_entries(entries, {entries[0].member_id: ("absent_excused", "Ốm")})
    qtmodeltester.check(  # type: ignore[attr-defined]
        attendance
    )
    meetings = meeting_model()
    qtmodeltester.check(  # type: ignore[attr-defined]
        meetings
    )


def test_meetings_page_models_pass_qtmodeltester_with_data(
    qtmodeltester: object, db: Database, cell: tuple[str, dict[str, str]]
) -> None:
    """The meetings list and the year overview filled with held, thematic and planned meetings of two
    cells, checked as filled, after sorting every column both ways, and after a reload."""
    cell_id, ids = cell
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        other = village_and_cell(s, "Bản Huổi Lè", "Chi bộ bản Huổi Lè")
        mt.save_meeting(s, _january(cell_id, ids, attendance={ids["Chiến"]: ("absent_excused", "Ốm")}))
        mt.save_meeting(
            s,
            _january(
                cell_id,
                ids,
                kind="thematic",
                held_date=date(2026, 1, 20),
                thematic_topic="Học tập và làm theo tư tưởng Hồ Chí Minh",
                quality_score=85,
            ),
        )
        mt.save_meeting(s, _january(cell_id, ids, month="2026-02", held_date=date(2026, 2, 3)))
        mt.save_meeting(s, mt.MeetingInput(cell_id, "regular", "2026-03", planned_date=date(2026, 3, 3)))
        mt.save_meeting(s, mt.MeetingInput(other, "regular", "2026-02", planned_date=date(2026, 2, 5)))
    with read_session(db, SYSTEM_ACTOR) as s:
        rows = mt.list_meetings(s, year=2026)
        overview_rows = load_overview(s, 2026)
    assert len(rows) == 5
    assert len(overview_rows) == 2

    meetings = meeting_model()
    meetings.set_rows(rows)
    assert meetings.rowCount() == 5
    qtmodeltester.check(  # type: ignore[attr-defined]
        meetings
    )
    for column in range(meetings.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            meetings.sort(column, order)
            qtmodeltester.check(  # type: ignore[attr-defined]
                meetings
            )
    meetings.sort(0, Qt.SortOrder.DescendingOrder)
    assert meetings.data(meetings.index(0, 0)) == "03"  # the cell's third minutes number first
    meetings.set_rows(rows[:2])
    qtmodeltester.check(  # type: ignore[attr-defined]
        meetings
    )

    overview = OverviewModel()
    overview.set_rows(2026, overview_rows, on=date(2026, 2, 10))
    assert overview.rowCount() == 2
    assert overview.columnCount() == 1 + 16  # the cell name, 12 months and 4 thematic columns
    qtmodeltester.check(  # type: ignore[attr-defined]
        overview
    )
    overview.set_rows(2026, overview_rows[:1], on=date(2026, 12, 31))
    qtmodeltester.check(  # type: ignore[attr-defined]
        overview
    )


def test_preview_buttons_open_the_pdf(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    cell: tuple[str, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cell_id, ids = cell
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        mt.save_meeting(
            s, _january(cell_id, ids, agenda=(mt.AgendaInput("Phát triển đảng viên", "Lò Văn An"),))
        )
    shown: list[tuple[str, str]] = []

    def fake_preview(document: object, name: str, parent: object = None) -> Path | None:
        shown.append((getattr(document, "title", ""), name))
        return None

    monkeypatch.setattr(PdfPreview, "ask", fake_preview)
    monkeypatch.setattr(ExtractDialog, "ask", lambda *_a, **_k: 1)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(2026)
    page.refresh()
    page.grid.setCurrentIndex(page.overview.index(0, page.overview.column_of_month(1)))
    page.list.selectRow(0)
    assert page.preview_button.isEnabled()
    page.preview_button.click()
    page.blank_button.click()
    page.extract_button.click()
    assert [t for t, _n in shown] == ["BIÊN BẢN", "BIÊN BẢN", "TRÍCH BIÊN BẢN"]
    assert shown[0][1] == "bien-ban-chi-bo-ban-na-hat-2026-01-so-01.pdf"


def test_text_helpers() -> None:
    assert month_from_text("3/2026") == "2026-03"
    assert month_from_text("2026-03") == "2026-03"
    assert time_from_text("7h5") == "07:05"
    assert time_from_text("1930") == "19:30"
    assert time_from_text("sáng") == "sáng"
