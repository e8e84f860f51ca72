"""The receiving page after issue 14: every package presented is in the "Các gói đã nhận" table with
its outcome and reason; a commune whose latest package was refused is marked on the board with the
reason; the window's consolidated export is audited through the same operation as the command line;
accepting different keys for an enrolled unit asks first, showing both fingerprints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from exports import sync as sx
from exports.sync_package import SyncRefused
from models.db import Database, read_session
from models.entities import AuditEntry
from models.security import SYSTEM_ACTOR
from models.services import sync as ss
from tests.test_sync_receiving import _forged
from tests.ui import test_sync_ui as base
from ui.context import AppContext
from ui.dialogs import sync_enrol
from ui.dialogs.sync_enrol import AcceptEnrolmentDialog
from ui.pages.sync import SyncPage

ACTOR, _unit = base.ACTOR, base._unit
# The fixtures of the sync page tests: two real databases, enrolled with each other.
province, enrolled, quiet = base.province, base.enrolled, base.quiet


def _cells(page: SyncPage, row: int) -> list[str]:
    table = page.arrivals
    return [table.item(row, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]


def test_arrivals_history_and_a_refused_commune_on_the_board(
    qtbot: QtBot, enrolled: tuple[AppContext, AppContext], tmp_path: Path, quiet: list[str]
) -> None:
    commune, province = enrolled
    stick = tmp_path / "usb"
    stick.mkdir()
    good = sx.export_package(commune.db, ACTOR, stick).path
    sx.import_files(province.db, ACTOR, [good])
    sx.import_files(province.db, ACTOR, [good])  # again: replayed
    page = SyncPage(province)
    qtbot.addWidget(page)
    page.refresh()
    assert page.board.item(0, 0).text() == "Đảng bộ xã Mường Lèo"  # type: ignore[union-attr]
    assert _cells(page, 0)[1:5] == [good.name, "Đảng bộ xã Mường Lèo", "1", "Đã nhập trước đây"]
    assert _cells(page, 1)[1:5] == [good.name, "Đảng bộ xã Mường Lèo", "1", "Đã nhập"]

    # A package whose records do not make sense: refused, named on the board with the reason.
    def vocabulary(records: list[dict[str, Any]]) -> None:
        village = next(r for r in records if r["kind"] == "villages")
        village["fields"]["kind"] = "lang"

    forged = _forged(commune.db, province.db, stick, vocabulary)
    (error,) = sx.import_files(province.db, ACTOR, [forged])
    assert isinstance(error, SyncRefused)
    page.refresh()
    name = page.board.item(0, 0)
    assert name is not None and name.text() == "Đảng bộ xã Mường Lèo — gói gần nhất bị từ chối"
    assert (
        name.toolTip() == error.text()
        and "giá trị “lang” của “kind” không có trong danh mục" in name.toolTip()
    )
    assert _cells(page, 0)[1:] == [forged.name, "Đảng bộ xã Mường Lèo", "2", "Bị từ chối", error.text()]
    # The window's consolidated export writes its audit entry (the same operation as the command line).
    out = page.export_consolidated(tmp_path / "tonghop.xlsx", page.report_period())
    assert out is not None and out.is_file()
    with read_session(province.db, SYSTEM_ACTOR) as s:
        entries = s.execute(
            select(AuditEntry.action, AuditEntry.entity, AuditEntry.record_id).where(
                AuditEntry.action == "export"
            )
        ).all()
    assert [tuple(e) for e in entries] == [("export", "consolidated_report", page.report_period().key)]


def test_accepting_other_keys_for_an_enrolled_unit_asks_with_both_fingerprints(
    qtbot: QtBot,
    enrolled: tuple[AppContext, AppContext],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    commune, province = enrolled
    with read_session(commune.db, SYSTEM_ACTOR) as s:
        old = ss.readable_fingerprint(ss.own_keys(s).fingerprint)
    new = sx.replace_keys(commune.db, ACTOR)
    path, _fp = sx.write_enrolment(commune.db, ACTOR, tmp_path, "commune")
    bundle, shown = sx.read_enrolment(path)
    asked: list[str] = []
    replies = iter([False, True])

    def confirm(_dialog: AcceptEnrolmentDialog, change: ss.KeyReplacement) -> bool:
        asked.append(change.text())
        return next(replies)

    monkeypatch.setattr(sync_enrol.AcceptEnrolmentDialog, "confirm_replacement", confirm)
    dialog = AcceptEnrolmentDialog(province, path, bundle, shown)
    qtbot.addWidget(dialog)
    dialog.matches.setChecked(True)
    dialog.enrol()  # declined: nothing changes
    declined = dialog.result_value
    assert declined is None
    assert f"Mã đối chiếu đang dùng: {old}" in asked[0] and f"Mã đối chiếu trong tệp: {new}" in asked[0]
    assert _fingerprints(province.db) == [old]
    dialog.enrol()  # confirmed: replaced, audited
    confirmed = dialog.result_value
    assert confirmed is not None and confirmed.role == "commune"
    assert _fingerprints(province.db) == [new]
    with read_session(province.db, SYSTEM_ACTOR) as s:
        fields = s.scalars(select(AuditEntry.fields).where(AuditEntry.action == "sync.enrol")).all()
    assert any("keys_replaced" in f for f in fields)
    assert _unit(commune.db)


def _fingerprints(db: Database) -> list[str]:
    with read_session(db, SYSTEM_ACTOR) as s:
        return [ss.readable_fingerprint(p.fingerprint) for p in ss.peers(s, "commune")]
