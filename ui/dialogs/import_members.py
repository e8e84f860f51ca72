"""The Excel import wizard (issue 4 item 5): pick a file, map its columns to fields (the mapping is
remembered), preview every row with its errors and warnings, tick the rows to import, and import them
in one transaction off the GUI thread. A refused file (legacy encoding, formulas, a zip bomb, too many
rows) ends on the first page with the reason, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exports import member_import as mi
from models.dates import format_date
from models.db import read_session
from models.errors import DomainError
from models.i18n import QT_TRANSLATE_NOOP
from ui.context import AppContext
from ui.files import open_path
from ui.i18n import translate
from ui.settings import Key, Settings
from ui.tasks import Cancel, Cancelled, Progress, TaskRunner
from ui.widgets import ERROR_STYLE, fit_to_screen

# Per-machine memory of the last mapping: header text -> field (JSON). The key lives here rather than in
# ui/settings.py's table because this file owns the feature.
IMPORT_MAPPING = Key("members/import_mapping", "")
Index = QModelIndex | QPersistentModelIndex
SAMPLE_ROWS = 3


def choose_workbook(parent: QWidget | None) -> str:
    """The open dialog for a workbook (tests replace it)."""
    path = open_path(
        parent,
        "import",
        translate("members_ui", "Chọn tệp Excel danh sách đảng viên"),
        translate("members_ui", "Bảng tính Excel (*.xlsx)"),
    )
    return "" if path is None else str(path)


def remembered_mapping(settings: Settings, headers: list[str]) -> mi.Mapping:
    """The suggested mapping, overridden by what the user chose last time for the same headers."""
    suggested = mi.suggest_mapping(headers)
    try:
        saved = json.loads(settings.get(IMPORT_MAPPING) or "{}")
    except ValueError:
        saved = {}
    columns = dict(suggested.columns)
    if isinstance(saved, dict):
        for header in headers:
            value = saved.get(header)
            if isinstance(value, str) and value in mi.FIELDS:
                columns[header] = value
    return mi.Mapping(columns)


def remember_mapping(settings: Settings, mapping: mi.Mapping) -> None:
    try:
        saved = json.loads(settings.get(IMPORT_MAPPING) or "{}")
    except ValueError:
        saved = {}
    if not isinstance(saved, dict):
        saved = {}
    saved.update(mapping.columns)
    settings.set(IMPORT_MAPPING, json.dumps(saved, ensure_ascii=False, sort_keys=True))


class PreviewModel(QAbstractTableModel):
    """One row per spreadsheet row: a checkbox (valid rows only), row number, name, result."""

    HEADERS = (
        QT_TRANSLATE_NOOP("members_ui", "Nhập"),
        QT_TRANSLATE_NOOP("members_ui", "Dòng"),
        QT_TRANSLATE_NOOP("members_ui", "Họ và tên"),
        QT_TRANSLATE_NOOP("members_ui", "Ngày sinh"),
        QT_TRANSLATE_NOOP("members_ui", "Chi bộ"),
        QT_TRANSLATE_NOOP("members_ui", "Lỗi và cảnh báo"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[mi.ImportRow] = []
        self._checked: list[bool] = []

    def set_preview(self, preview: mi.ImportPreview) -> None:
        self.beginResetModel()
        self._rows = list(preview.rows)
        self._checked = [not r.errors for r in self._rows]
        self.endResetModel()

    def chosen(self) -> list[mi.ImportRow]:
        return [r for r, on in zip(self._rows, self._checked, strict=True) if on]

    def set_all(self, on: bool) -> None:
        self._checked = [on and not r.errors for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def _text(self, row: mi.ImportRow, column: int) -> str:
        if column == 1:
            return str(row.row)
        if column == 2:
            return row.name
        if column == 3:
            if row.profile is not None:
                return format_date(row.profile.date_of_birth)
            return str(row.values.get("date_of_birth") or "")
        if column == 4:
            return str(row.values.get("cell") or "")
        if column == 5:
            if row.errors:
                return translate("members_ui", "Lỗi: ") + "; ".join(row.errors)
            if row.warnings:
                return translate("members_ui", "Cảnh báo: ") + "; ".join(row.warnings)
            return translate("members_ui", "Hợp lệ")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.HEADERS):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and column > 0:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            if row.errors:
                return QBrush(QColor(176, 0, 32))
            if row.warnings:
                return QBrush(QColor(150, 100, 0))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if not 0 <= index.row() < len(self._rows) or self._rows[index.row()].errors:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.HEADERS):
            return translate("members_ui", self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == 0 and 0 <= index.row() < len(self._rows) and not self._rows[index.row()].errors:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class ImportMembersDialog(QDialog):
    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.runner = TaskRunner(self)
        self.table: mi.Table | None = None
        self.created: list[str] = []
        self.setWindowTitle(translate("members_ui", "Nhập danh sách đảng viên từ Excel"))
        fit_to_screen(self, 1000, 640)
        self.pages = QStackedWidget()

        # Page 1: the file and the mapping.
        first = QWidget()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(translate("members_ui", "Chưa chọn tệp"))
        browse = QPushButton(translate("members_ui", "Chọn tệp…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(lambda _c=False: self.browse())
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("members_ui", "Tệp Excel:")))
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.refusal = QLabel()
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.refusal.hide()
        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels(
            [
                translate("members_ui", "Cột trong tệp"),
                translate("members_ui", "Ví dụ"),
                translate("members_ui", "Nhập vào trường"),
            ]
        )
        self.mapping.verticalHeader().hide()
        self.mapping.setWordWrap(False)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.combos: dict[str, QComboBox] = {}
        hint = QLabel(
            translate(
                "members_ui",
                "Chọn trường cho từng cột; cột nào không cần thì chọn “(bỏ qua)”. Lựa chọn được ghi nhớ cho lần sau.",
            )
        )
        hint.setWordWrap(True)
        box = QVBoxLayout(first)
        box.addLayout(row)
        box.addWidget(self.refusal)
        box.addWidget(hint)
        box.addWidget(self.mapping, 1)
        self.pages.addWidget(first)

        # Page 2: the preview.
        second = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.setWordWrap(False)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.preview_view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 55, 200, 90, 170)):
            header.resizeSection(column, width)
        self.preview_model.dataChanged.connect(lambda *_a: self._update_import_button())
        self.apply_refusal = QLabel()
        self.apply_refusal.setObjectName("apply_refusal")
        self.apply_refusal.setWordWrap(True)
        self.apply_refusal.setStyleSheet(ERROR_STYLE)
        self.apply_refusal.hide()
        select_all = QPushButton(translate("members_ui", "Chọn mọi dòng hợp lệ"))
        select_all.setAutoDefault(False)
        select_all.clicked.connect(lambda _c=False: self.preview_model.set_all(True))
        select_none = QPushButton(translate("members_ui", "Bỏ chọn tất cả"))
        select_none.setAutoDefault(False)
        select_none.clicked.connect(lambda _c=False: self.preview_model.set_all(False))
        picks = QHBoxLayout()
        picks.addWidget(self.summary, 1)
        picks.addWidget(select_all)
        picks.addWidget(select_none)
        box2 = QVBoxLayout(second)
        box2.addLayout(picks)
        box2.addWidget(self.preview_view, 1)
        box2.addWidget(self.apply_refusal)
        self.pages.addWidget(second)

        self.back_button = QPushButton(translate("members_ui", "< Quay lại"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(lambda _c=False: self.go_back())
        self.next_button = QPushButton(translate("members_ui", "Xem trước >"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(lambda _c=False: self.next_step())
        cancel = QPushButton(translate("members_ui", "Hủy"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._show_page(0)

    # -- navigation

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page == 1)
        if page == 0:
            self.next_button.setText(translate("members_ui", "Xem trước >"))
            self.next_button.setEnabled(self.table is not None)
        else:
            self._update_import_button()

    def _update_import_button(self) -> None:
        if self.pages.currentIndex() != 1:
            return
        n = len(self.preview_model.chosen())
        self.next_button.setText(translate("members_ui", "Nhập {n} dòng đã chọn").format(n=n))
        self.next_button.setEnabled(n > 0)

    def go_back(self) -> None:
        self._show_page(0)

    def next_step(self) -> None:
        if self.pages.currentIndex() == 0:
            self.show_preview()
        else:
            self.confirm_import()

    def _refuse(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    # -- page 1

    def browse(self) -> None:
        path = choose_workbook(self)
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> bool:
        """Read the workbook (off the GUI thread); a refusal is shown and nothing else happens."""
        self.path.setText(str(path))
        self.table = None
        self.mapping.setRowCount(0)
        self.combos.clear()
        self._refuse(self.refusal, "")
        try:
            table = self.runner.run_and_wait(
                self, translate("members_ui", "Đang đọc tệp…"), lambda _p, _c: mi.read_table(path)
            )
        except Cancelled:
            self._show_page(0)
            return False
        except DomainError as exc:
            self._refuse(self.refusal, exc.text())
            self._show_page(0)
            return False
        self.table = table
        mapping = remembered_mapping(self.settings, table.headers)
        self.mapping.setRowCount(len(table.headers))
        for n, header in enumerate(table.headers):
            samples = [
                mi.sample_text(values[n])
                for _row, values in table.rows[:SAMPLE_ROWS]
                if n < len(values) and values[n] is not None
            ]
            self.mapping.setItem(n, 0, QTableWidgetItem(header))
            self.mapping.setItem(n, 1, QTableWidgetItem(", ".join(samples)))
            combo = QComboBox()
            for key, label in mi.FIELDS.items():
                combo.addItem(translate("import", label), key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(header, "skip"))))
            self.mapping.setCellWidget(n, 2, combo)
            self.combos[header] = combo
        self._show_page(0)
        return True

    def current_mapping(self) -> mi.Mapping:
        assert self.table is not None
        return mi.Mapping(
            {header: str(combo.currentData()) for header, combo in self.combos.items() if header},
            self.table.sheet,
        )

    def set_field(self, header: str, field: str) -> None:
        combo = self.combos[header]
        combo.setCurrentIndex(combo.findData(field))

    def show_preview(self) -> bool:
        if self.table is None:
            return False
        table, mapping = self.table, self.current_mapping()

        def job(_progress: Progress, _cancel: Cancel) -> mi.ImportPreview:
            with read_session(self.ctx.db, self.ctx.actor) as session:
                return mi.preview(session, table, mapping)

        try:
            preview = self.runner.run_and_wait(self, translate("members_ui", "Đang kiểm tra từng dòng…"), job)
        except Cancelled:
            return False
        except DomainError as exc:
            self._refuse(self.refusal, exc.text())
            return False
        remember_mapping(self.settings, mapping)
        self.preview_model.set_preview(preview)
        self.summary.setText(
            translate(
                "members_ui",
                "{total} dòng: {valid} hợp lệ ({warned} có cảnh báo), {invalid} có lỗi sẽ không nhập.",
            ).format(
                total=len(preview.rows),
                valid=len(preview.valid),
                warned=len(preview.warned),
                invalid=len(preview.invalid),
            )
        )
        self._refuse(self.apply_refusal, "")
        self._show_page(1)
        return True

    # -- page 2

    def confirm_import(self) -> bool:
        chosen = self.preview_model.chosen()
        if not chosen:
            return False
        ctx = self.ctx

        def job(progress: Progress, cancel: Cancel) -> list[str]:
            def step(done: int, total: int) -> None:
                if cancel():
                    raise Cancelled
                progress(done, total)

            return mi.import_members(ctx.db, ctx.actor, chosen, step).created  # backs up first

        try:
            self.created = self.runner.run_and_wait(
                self, translate("members_ui", "Đang nhập {n} đảng viên…").format(n=len(chosen)), job
            )
        except Cancelled:
            self._refuse(self.apply_refusal, translate("members_ui", "Đã hủy. Chưa nhập đảng viên nào."))
            return False
        except DomainError as exc:
            self._refuse(
                self.apply_refusal,
                exc.text() + "\n" + translate("members_ui", "Chưa nhập đảng viên nào."),
            )
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> int | None:
        """The number of members imported, or None."""
        dialog = cls(ctx, settings, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return len(dialog.created)
        return None
