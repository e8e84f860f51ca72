"""Tổng quan: the organisation's figures as the quarterly report counts them (DOMAIN.md §5,
"Organisation"), computed from the same read models as the Organisation page."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from models.db import read_session
from models.services import organisation as org
from ui.context import AppContext
from ui.i18n import translate
from ui.pages.base import Page


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class OverviewPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.upper = QLabel()
        self.figures: dict[str, QLabel] = {}
        organisation = QGroupBox(translate("overview", "Tổ chức"))
        form = QFormLayout(organisation)
        for key, text in (
            ("members", translate("overview", "Đảng viên đang sinh hoạt:")),
            ("cells", translate("overview", "Chi bộ đang hoạt động:")),
            ("with_committee", translate("overview", "Chi bộ có chi ủy:")),
            ("secretary_head", translate("overview", "Bí thư chi bộ kiêm trưởng bản:")),
            ("no_secretary", translate("overview", "Chi bộ chưa có bí thư:")),
            ("villages", translate("overview", "Bản, tiểu khu, tổ dân phố:")),
            ("villages_no_member", translate("overview", "Bản chưa có đảng viên:")),
            ("villages_no_cell", translate("overview", "Bản chưa có chi bộ phụ trách:")),
        ):
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(80)
            self.figures[key] = value
            form.addRow(text, value)
        self.kinds_box = QGroupBox(translate("overview", "Chi bộ theo loại"))
        self.kinds = QFormLayout(self.kinds_box)
        row = QHBoxLayout()
        row.addWidget(organisation)
        row.addWidget(self.kinds_box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.upper)
        layout.addLayout(row)
        layout.addStretch(1)

    def title(self) -> str:
        return translate("overview", "Tổng quan")

    def refresh(self) -> None:
        from models.dates import today

        with read_session(self.ctx.db, self.ctx.actor) as session:
            unit = org.own_unit(session)
            upper = org.current_upper_level(session, today())
            cells = org.list_cells(session, include_closed=False)
            villages = org.list_villages(session, include_closed=False)
        self.heading.setText(unit.name)
        self.upper.setText(
            translate("overview", "Trực thuộc: {upper}").format(upper=upper.name) if upper else ""
        )
        values = {
            "members": sum(c.member_count for c in cells),
            "cells": len(cells),
            "with_committee": sum(c.has_committee for c in cells),
            "secretary_head": sum(c.secretary_is_village_head for c in cells),
            "no_secretary": sum(not c.secretary_name for c in cells),
            "villages": len(villages),
            "villages_no_member": sum(v.member_count == 0 for v in villages),
            "villages_no_cell": sum(not v.cell_names for v in villages),
        }
        for key, value in values.items():
            self.figures[key].setText(number(value))
        while self.kinds.rowCount():
            self.kinds.removeRow(0)
        counts = Counter(c.kind for c in cells)
        for kind, text in org.CELL_KINDS.items():
            if counts.get(kind):
                figure = QLabel(number(counts[kind]))
                figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.kinds.addRow(translate("organisation", text) + ":", figure)
