"""The records behind one number of a report (Explained.records): clicking a figure opens this list,
so the clerk can check every number against the register."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from forms.indicators import Explained
from models.text import fold
from ui.i18n import translate
from ui.widgets import fit_to_screen


class ExplainDialog(QDialog):
    def __init__(
        self, label: str, shown_value: str, explained: Explained, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("report_explain", "Số liệu gồm những ai, những gì"))
        self.setMinimumSize(560, 400)
        fit_to_screen(self, 700, 520)
        self.heading = QLabel(
            translate("report_explain", "{label}: {value}").format(label=label.strip(), value=shown_value)
        )
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        records = explained.records
        if records:
            summary = translate("report_explain", "{n} hồ sơ được tính vào số này:").format(n=len(records))
        else:
            summary = translate("report_explain", "Không có hồ sơ nào được tính vào số này.")
        if explained.note:
            summary = explained.note + "\n" + summary
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("report_explain", "Lọc theo tên (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.records = QListWidget()
        for _record_id, text in records:
            self.records.addItem(text)
        self._keys = [fold(text) for _rid, text in records]
        self.search.textChanged.connect(self._filter)
        self.search.setVisible(len(records) > 10)
        buttons = QDialogButtonBox()
        close = buttons.addButton(translate("report_explain", "Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.search)
        layout.addWidget(self.records, 1)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        for row, key in enumerate(self._keys):
            self.records.item(row).setHidden(not all(w in key for w in words))

    def shown_records(self) -> list[str]:
        return [
            self.records.item(i).text()
            for i in range(self.records.count())
            if not self.records.item(i).isHidden()
        ]

    @classmethod
    def ask(cls, label: str, shown_value: str, explained: Explained, parent: QWidget | None = None) -> None:
        cls(label, shown_value, explained, parent).exec()
