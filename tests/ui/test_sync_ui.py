"""The sync page with two real databases: the export wizard writes a package to a folder, the import
preview at the province shows the counts and applies only on confirm, the completeness board fills in,
the acknowledgment brings a correction request into the commune's inbox, which is answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exports import sync as sx
from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR, Actor, Role
from models.services import organisation as org
from models.services import sync as ss
from models.services.common import set_meta
from models.setup import open_app_database
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.dialogs.sync_enrol import AcceptEnrolmentDialog
from ui.dialogs.sync_export import ExportDialog
from ui.dialogs.sync_import import ImportPreviewDialog, inspect_all
from ui.pages import sync as page_module
from ui.pages.sync import SyncPage

ACTOR = Actor(user_id="u1", login="vanphong", roles=frozenset({Role.CLERK, Role.APPROVER, Role.ADMIN}))
PROVINCE = org.UnitSetup(
    name="Đảng bộ tỉnh Sơn La",
    committee_name="Tỉnh ủy Sơn La",
    symbol="TU",
    place_name="Sơn La",
    province="Sơn La",
    upper_name="Ban Chấp hành Trung ương Đảng",
    upper_symbol="TW",
    upper_header_line="BAN CHẤP HÀNH TRUNG ƯƠNG",
)


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Database]:
    db = open_app_database(tmp_path / "province.db", create=True, check_drive=False)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        org.setup_unit(s, PROVINCE)
    yield db
    db.close()


@pytest.fixture
def enrolled(db: Database, organisation: Org, province: Database) -> tuple[AppContext, AppContext]:
    with unit_of_work(province, SYSTEM_ACTOR) as p, unit_of_work(db, SYSTEM_ACTOR) as c:
        ss.enrol(c, ss.own_bundle(p, "upper"))
        ss.enrol(p, ss.own_bundle(c, "commune"))
    return AppContext(db, ACTOR), AppContext(province, ACTOR)


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(page_module, "show_info", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(page_module, "show_error", lambda _p, exc: said.append(exc.text()))
    return said


def _unit(db: Database) -> str:
    with read_session(db, SYSTEM_ACTOR) as s:
        return org.own_unit(s).id


def test_export_wizard_then_import_preview_then_board(
    qtbot: QtBot, enrolled: tuple[AppContext, AppContext], tmp_path: Path, quiet: list[str]
) -> None:
    commune, province = enrolled
    page = SyncPage(commune)
    qtbot.addWidget(page)
    page.refresh()
    assert page.tabs.isTabVisible(0) and not page.tabs.isTabVisible(1)
    assert "Tỉnh ủy Sơn La" in page.role.text() or "Sơn La" in page.role.text()
    stick = tmp_path / "usb"
    stick.mkdir()
    (stick / "autorun.inf").write_text("[autorun]\nopen=virus.exe\n", encoding="utf-8")
    wizard = ExportDialog(commune, page.runner, "Tỉnh ủy Sơn La")
    qtbot.addWidget(wizard)
    # A folder that is not there: a clear message, nothing written.
    wizard.set_folder(tmp_path / "khong-co")
    assert wizard.write() is None
    assert "Chưa ghi được" in wizard.status.text()
    wizard.set_folder(stick)
    assert not wizard.warnings.isHidden() and "autorun.inf" in wizard.warnings.text()
    result = wizard.write()
    assert result is not None and result.path.is_file() and result.path.parent == stick
    assert "Đã ghi xong, có thể rút USB" in wizard.status.text()
    assert [p.name for p in stick.iterdir() if p.suffix == sx.EXTENSION] == [result.path.name]

    receiving = SyncPage(province)
    qtbot.addWidget(receiving)
    receiving.refresh()
    assert receiving.tabs.isTabVisible(1) and not receiving.tabs.isTabVisible(0)
    items = inspect_all(province, [result.path])
    preview = ImportPreviewDialog(province, receiving.runner, items)
    qtbot.addWidget(preview)
    assert preview.counts_for("members") == {
        "new": 2,
        "changed": 0,
        "unchanged": 0,
        "deleted": 0,
        "rejected": 0,
    }
    texts = [preview.table.item(r, 2).text() for r in range(preview.table.rowCount())]  # type: ignore[union-attr]
    assert "Đảng viên" in texts and "Chi bộ" in texts
    with read_session(province.db, SYSTEM_ACTOR) as s:
        assert ss.search_all_units(s, "lan") == []  # nothing applied before the confirmation
    preview.apply()
    assert [r.status for r in preview.results] == ["applied"]
    receiving.refresh()
    assert receiving.board.rowCount() == 1
    assert receiving.board.item(0, 0).text() == "Đảng bộ xã Mường Lèo"  # type: ignore[union-attr]
    last = receiving.board.columnCount() - 1
    earlier = receiving.board.item(0, last - 1).text()  # type: ignore[union-attr]
    assert earlier.startswith("Đã nhận")  # a package written after that quarter ended
    assert receiving.board.item(0, last).text().startswith("Chưa nhận")  # type: ignore[union-attr]
    assert "Dự kiến 1 đơn vị" in receiving.board_note.text()
    receiving.search.setText("cam thi lan")
    receiving.run_search()
    assert receiving.found.rowCount() == 1
    assert receiving.found.item(0, 2).text() == "Đảng bộ xã Mường Lèo"  # type: ignore[union-attr]
    # Importing the same package again: "đã nhập", nothing to apply.
    again = ImportPreviewDialog(province, receiving.runner, inspect_all(province, [result.path]))
    qtbot.addWidget(again)
    assert not again.apply_button.isEnabled()
    assert "đã nhập trước đây" in again.table.item(0, 8).text()  # type: ignore[union-attr]
    # The consolidated report.
    out = receiving.export_consolidated(tmp_path / "tonghop.xlsx", receiving.report_period())
    assert out is not None and out.is_file()


def test_inbox_accept_and_dispute(
    qtbot: QtBot,
    enrolled: tuple[AppContext, AppContext],
    tmp_path: Path,
    quiet: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    commune, province = enrolled
    package = sx.export_package(commune.db, ACTOR, tmp_path)
    sx.import_files(province.db, ACTOR, [package.path])
    unit = _unit(commune.db)
    with unit_of_work(province.db, ACTOR) as s:
        members = ss.search_all_units(s, "")
        for m in members:
            ss.request_correction(s, unit, "members", m.id, "cccd", f"Kiểm tra lại số CCCD của {m.name}.")
    receiving = SyncPage(province)
    qtbot.addWidget(receiving)
    receiving.refresh()
    acks = receiving.write_acks(tmp_path / "")
    assert len(acks) == 1 and acks[0].is_file()
    page = SyncPage(commune)
    qtbot.addWidget(page)
    page.refresh()
    message = page.import_ack(acks[0])
    assert message == "Cấp trên đã nhận đến gói số 1; 2 đề nghị sửa mới."
    assert page.inbox.rowCount() == 2
    assert page.inbox.item(0, 4).text() == "Chờ trả lời"  # type: ignore[union-attr]
    page.inbox.selectRow(0)
    assert page.accept_selected()
    assert page.inbox.item(0, 4).text() == "Đã nhất trí"  # type: ignore[union-attr]
    from ui.dialogs import sync_dispute

    monkeypatch.setattr(
        sync_dispute.DisputeDialog,
        "run",
        lambda d: d.reason.setPlainText("Số đúng theo CCCD.") or d.save() or d.result_value,
    )
    page.inbox.selectRow(1)
    assert page.dispute_selected()
    statuses = {page.inbox.item(r, 4).text() for r in range(2)}  # type: ignore[union-attr]
    assert statuses == {"Đã nhất trí", "Không nhất trí"}


def test_enrolment_needs_the_fingerprint_confirmed(
    qtbot: QtBot,
    db: Database,
    province: Database,
    tmp_path: Path,
    quiet: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    commune = AppContext(db, ACTOR)
    upper = AppContext(province, ACTOR)
    from ui.dialogs import sync_enrol

    monkeypatch.setattr(sync_enrol.FingerprintDialog, "exec", lambda _d: 0)
    upper_page = SyncPage(upper)
    qtbot.addWidget(upper_page)
    issued = upper_page.issue_enrolment(tmp_path, "upper")
    assert issued is not None
    path, fingerprint = issued
    groups = fingerprint.split()
    assert len(groups) == 12 and all(len(g) == 5 and g.isdigit() for g in groups)
    bundle, shown = sx.read_enrolment(path)
    dialog = AcceptEnrolmentDialog(commune, path, bundle, shown)
    qtbot.addWidget(dialog)
    assert not dialog.enrol_button.isEnabled()
    dialog.matches.setChecked(True)
    assert dialog.enrol_button.isEnabled()
    dialog.enrol()
    assert dialog.result_value is not None and dialog.result_value.role == "upper"
    page = SyncPage(commune)
    qtbot.addWidget(page)
    page.refresh()
    assert page.tabs.isTabVisible(0) and page.peers.rowCount() == 1


def test_replace_keys_is_for_the_administrator_and_asks_first(
    qtbot: QtBot,
    enrolled: tuple[AppContext, AppContext],
    tmp_path: Path,
    quiet: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    commune, _province = enrolled
    clerk = AppContext(commune.db, Actor(user_id="u2", login="vanthu", roles=frozenset({Role.CLERK})))
    clerk_page = SyncPage(clerk)
    qtbot.addWidget(clerk_page)
    assert clerk_page.replace_button.isHidden()
    page = SyncPage(commune)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.replace_button.isHidden() and page.replace_button.text() == "Thay khóa…"
    with read_session(commune.db, SYSTEM_ACTOR) as s:
        before = ss.readable_fingerprint(ss.own_keys(s).fingerprint)
    asked: list[str] = []

    def answer(reply: bool) -> None:
        def confirm(_parent: object, _title: str, text: str, _yes: str) -> bool:
            asked.append(text)
            return reply

        monkeypatch.setattr(page_module, "confirm", confirm)

    answer(False)
    assert page.replace_keys() is None
    assert "Chỉ làm khi máy bị mất hoặc nghi lộ khóa" in asked[-1]
    with read_session(commune.db, SYSTEM_ACTOR) as s:
        assert ss.readable_fingerprint(ss.own_keys(s).fingerprint) == before
    answer(True)
    new = page.replace_keys()
    assert new is not None and new != before
    assert new in quiet[-1] and "Cấp tệp đăng ký" in quiet[-1]
    from ui.dialogs import sync_enrol

    monkeypatch.setattr(sync_enrol.FingerprintDialog, "exec", lambda _d: 0)
    issued = page.issue_enrolment(tmp_path, "commune")
    assert issued is not None and issued[1] == new


def test_rules_from_the_upper_level_show_in_the_inbox(
    qtbot: QtBot, enrolled: tuple[AppContext, AppContext], tmp_path: Path, quiet: list[str]
) -> None:
    from datetime import date

    from models.entities import RuleValue

    commune, province = enrolled
    sx.import_files(province.db, ACTOR, [sx.export_package(commune.db, ACTOR, tmp_path).path])
    with unit_of_work(province.db, SYSTEM_ACTOR) as s:
        s.add(RuleValue(key="probation.months", valid_from=date(2027, 1, 1), value="18", note="Quy định mới"))
    ack = sx.write_ack(province.db, ACTOR, _unit(commune.db), tmp_path)
    page = SyncPage(commune)
    qtbot.addWidget(page)
    page.refresh()
    message = page.import_ack(ack)
    assert message is not None and "Áp dụng 1 quy định mới" in message
    assert page.inbox.rowCount() == 1
    cells = [page.inbox.item(0, c).text() for c in range(page.inbox.columnCount())]  # type: ignore[union-attr]
    assert cells[1:5] == ["Quy định", "probation.months", "01/01/2027: 18 (Quy định mới)", "Đã áp dụng"]
    page.inbox.selectRow(0)
    assert not page.accept_selected()
    assert "đã được áp dụng" in quiet[-1]


def test_a_snapshot_shows_its_retractions_before_it_is_applied(
    qtbot: QtBot, enrolled: tuple[AppContext, AppContext], tmp_path: Path, quiet: list[str]
) -> None:
    commune, upper = enrolled
    with unit_of_work(commune.db, SYSTEM_ACTOR) as s:
        gone = org.add_village(s, org.VillageInput("Bản Sau Sao Lưu"))
    sx.import_files(upper.db, SYSTEM_ACTOR, [sx.export_package(commune.db, SYSTEM_ACTOR, tmp_path).path])
    # What a restore of a backup taken before that village leaves: no village, a new incarnation.
    with commune.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM villages WHERE id = ?", (gone,))
    with unit_of_work(commune.db, SYSTEM_ACTOR) as s:
        set_meta(s, ss.INCARNATION_KEY, "sau-phuc-hoi")
    package = sx.export_package(commune.db, SYSTEM_ACTOR, tmp_path)
    assert package.full

    receiving = SyncPage(upper)
    qtbot.addWidget(receiving)
    preview = ImportPreviewDialog(upper, receiving.runner, inspect_all(upper, [package.path]))
    qtbot.addWidget(preview)
    assert preview.counts_for("villages")["deleted"] == 1
    statuses = {preview.table.item(r, 8).text() for r in range(preview.table.rowCount())}  # type: ignore[union-attr]
    assert statuses == {
        "Sẵn sàng nhập (gói số 2, gói đầy đủ) Gói đầy đủ thay thế dữ liệu của đơn vị gửi: 1 bản ghi đang có "
        "ở đây mà đơn vị gửi không còn sẽ bị gỡ."
    }
    assert _held(upper, gone) == [("Bản Sau Sao Lưu",)]  # nothing applied before the confirmation
    preview.apply()
    assert [r.status for r in preview.results] == ["applied"]
    assert _held(upper, gone) == []
    assert "gỡ 1 bản ghi không còn ở đơn vị gửi" in preview.results[0].message


def _held(context: AppContext, village_id: str) -> list[tuple[str]]:
    with context.db.engine.connect() as conn:
        return [
            tuple(r) for r in conn.exec_driver_sql("SELECT name FROM villages WHERE id = ?", (village_id,))
        ]
