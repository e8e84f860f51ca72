"""Choosing the agenda item for a minutes extract (trích biên bản), e.g. for an admission file."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from models.db import read_session
from models.services import meetings as mt
from ui.context import AppContext
from ui.dialogs.base import FormDialog
from ui.i18n import translate


class ExtractDialog(FormDialog[int]):
    def __init__(self, ctx: AppContext, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, translate("meetings_ui", "Trích biên bản"), parent)
        with read_session(ctx.db, ctx.actor) as session:
            view = mt.get_meeting(session, meeting_id)
        self.set_intro(
            translate("meetings_ui", "Chọn nội dung cần trích từ biên bản của {cell}, tháng {month}.").format(
                cell=view.cell_name, month=f"{view.month[5:]}/{view.month[:4]}"
            )
        )
        self.item = QComboBox()
        for item in view.agenda:
            self.item.addItem(f"{item.seq}. {item.title}", item.seq)
        self.save_button.setText(translate("meetings_ui", "Trích"))
        self.save_button.setEnabled(self.item.count() > 0)
        self.add_field(translate("meetings_ui", "Nội dung:"), "item", self.item)

    def submit(self) -> int:
        return int(self.item.currentData())

    @classmethod
    def ask(cls, ctx: AppContext, meeting_id: str, parent: QWidget | None = None) -> int | None:
        return cls(ctx, meeting_id, parent).run()
