"""The member profile's ethnicity picker (issue 13): the official list, what was typed becomes the
official name on leaving the field, and a value that is no group is refused beside the field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from models.db import read_session, unit_of_work
from models.picklists import ETHNICITY_CHOICES
from models.security import SYSTEM_ACTOR
from models.services import ethnicity as eth
from models.services import membership as ms
from tests import builders
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.dialogs.ethnicity_mapping import EthnicityMappingDialog
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


def test_stored_free_text_is_mapped_from_the_members_page_menu(qtbot: QtBot, ctx: AppContext) -> None:
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as session:
        cell = builders.village_and_cell(session)
        ids = [
            builders.admit(session, cell, builders.profile("Lò", "Văn", given, ethnicity=ethnicity))
            for given, ethnicity in (("An", "Thai"), ("Bình", "Thai"), ("Cường", "Dao Đỏ"), ("Dũng", "Xyz"))
        ]
    dialog = EthnicityMappingDialog(ctx)
    qtbot.addWidget(dialog)
    shown = {
        dialog.table.item(r, 0).text(): combo.currentText()  # type: ignore[union-attr]
        for r, combo in enumerate(dialog.combos)
    }
    assert shown == {"Thai": "Thái", "Dao Đỏ": "Dao", "Xyz": ""}, (
        "suggested; an unknown value is left to the clerk"
    )
    assert dialog.apply()
    assert dialog.changed == 3
    with read_session(ctx.db, ctx.actor) as session:
        assert [ms.get_member(session, mid).profile.ethnicity for mid in ids] == [
            "Thái",
            "Thái",
            "Dao",
            "Xyz",
        ]
        assert [v.value for v in eth.values_to_map(session)] == ["Xyz"]
