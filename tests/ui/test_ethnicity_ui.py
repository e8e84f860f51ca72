"""The member profile's ethnicity picker (issue 13): the official list, what was typed becomes the
official name on leaving the field, and a value that is no group is refused beside the field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from models.db import read_session
from models.picklists import ETHNICITY_CHOICES
from models.services import membership as ms
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.dialogs.member_profile import MemberProfileDialog


def test_picker_maps_what_was_typed_and_refuses_unknown(
    qtbot: QtBot, ctx: AppContext, organisation: Org
) -> None:
    dialog = MemberProfileDialog(ctx, organisation.member_a)
    qtbot.addWidget(dialog)
    combo = dialog.form.ethnicity
    assert [combo.itemText(i) for i in range(combo.count())] == list(ETHNICITY_CHOICES)
    line = combo.lineEdit()
    assert line is not None
    line.setText("thai")
    line.editingFinished.emit()
    assert combo.currentText() == "Thái"
    line.setText("Người Thái Lan")
    assert not dialog.save()
    assert dialog.errors.text("ethnicity") == (
        "“Người Thái Lan” không có trong danh mục 54 dân tộc. Hãy chọn trong danh sách."
    )
    line.setText("H'Mông")  # saved without leaving the field: still the official name
    assert dialog.save()
    with read_session(ctx.db, ctx.actor) as session:
        assert ms.get_member(session, organisation.member_a).profile.ethnicity == "Mông"
