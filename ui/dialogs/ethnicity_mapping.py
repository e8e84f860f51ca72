"""Map ethnicity values typed as free text before the picker existed ("Thai", "H'Mông", "Dao Đỏ") to
the official groups, in one audited transaction (models.services.ethnicity)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.db import read_session, unit_of_work
from models.errors import DomainError
from models.picklists import ETHNICITY_CHOICES
from models.services import ethnicity as eth
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import translate


class EthnicityMappingDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changed = 0
        self.setWindowTitle(translate("ethnicity_ui", "Chuẩn hóa tên dân tộc"))
        self.setMinimumSize(600, 400)
        with read_session(ctx.db, ctx.actor) as session:
            self.values = eth.values_to_map(session)
        intro = QLabel(
            translate(
                "ethnicity_ui",
                "Các giá trị dưới đây không đúng tên trong danh mục 54 dân tộc, nên bộ lọc và thống kê "
                "đếm chúng riêng. Chọn dân tộc đúng cho từng giá trị (đã gợi ý sẵn khi nhận ra), rồi bấm "
                "Chuẩn hóa. Giá trị để trống được giữ nguyên.",
            )
            if self.values
            else translate(
                "ethnicity_ui", "Mọi hồ sơ đã ghi dân tộc đúng danh mục. Không có gì cần chuẩn hóa."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.values), 3)
        self.table.setHorizontalHeaderLabels(
            [
                translate("ethnicity_ui", "Đang ghi"),
                translate("ethnicity_ui", "Số hồ sơ"),
                translate("ethnicity_ui", "Dân tộc đúng"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.combos: list[QComboBox] = []
        for row, value in enumerate(self.values):
            self.table.setItem(row, 0, QTableWidgetItem(value.value or translate("ethnicity_ui", "(trống)")))
            self.table.setItem(row, 1, QTableWidgetItem(str(value.count)))
            combo = QComboBox()
            combo.addItem("", None)
            for name in ETHNICITY_CHOICES:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(value.suggestion)))
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(
            translate("ethnicity_ui", "Chuẩn hóa"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(bool(self.values))
        buttons.addButton(translate("ethnicity_ui", "Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        return {
            value.value: str(combo.currentData())
            for value, combo in zip(self.values, self.combos, strict=True)
            if combo.currentData() is not None
        }

    def apply(self) -> bool:
        mapping = self.mapping()
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                self.changed = eth.map_values(session, mapping)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> int:
        """Show the dialog; returns how many records were changed."""
        dialog = cls(ctx, parent)
        dialog.exec()
        return dialog.changed
