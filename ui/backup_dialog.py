"""Backup and restore dialog: back up now (to the backup folder or a chosen folder such as a USB stick),
list the backups newest first, preview what restoring one would lose, and choose it.

The dialog never replaces the database itself: `ask()` returns the chosen backup and the caller closes
the database, calls `exports.backup.restore_backup` and reopens it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exports import backup as bk
from models.errors import StorageError
from models.i18n import translate
from ui.errors import confirm, show_error
from ui.table import keep_header_texts

if TYPE_CHECKING:
    from models.db import Database
    from models.security import Actor


class BackupDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, actor: Actor | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor  # who asked for a backup (audited); None in the restore-at-start flow
        self.folder = bk.default_folder(db.path)
        self.chosen: Path | None = None
        self.setWindowTitle(QCoreApplication.translate("BackupDialog", "Sao lưu và phục hồi dữ liệu"))
        layout = QVBoxLayout(self)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        layout.addWidget(self.folder_label)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(QCoreApplication.translate("BackupDialog", "Sao lưu ngay"))
        self.usb_button = QPushButton(
            QCoreApplication.translate("BackupDialog", "Sao lưu vào USB/thư mục khác…")
        )
        self.open_button = QPushButton(QCoreApplication.translate("BackupDialog", "Chọn thư mục sao lưu…"))
        for button in (self.backup_button, self.usb_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(
            QLabel(QCoreApplication.translate("BackupDialog", "Các bản sao lưu (mới nhất ở trên):"))
        )
        self.backups = QTableWidget(0, 3)
        self.backups.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BackupDialog", "Thời điểm"),
                QCoreApplication.translate("BackupDialog", "Lý do"),
                QCoreApplication.translate("BackupDialog", "Dung lượng"),
            ]
        )
        self.backups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.backups, 2)
        self.preview_label = QLabel(
            QCoreApplication.translate(
                "BackupDialog", "Chọn một bản sao lưu để xem những gì sẽ mất nếu phục hồi."
            )
        )
        self.preview_label.setWordWrap(True)
        layout.addWidget(self.preview_label)
        self.preview = QTableWidget(0, 4)
        self.preview.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BackupDialog", "Loại dữ liệu"),
                QCoreApplication.translate("BackupDialog", "Bản ghi mới sẽ mất"),
                QCoreApplication.translate("BackupDialog", "Bản ghi đã sửa sẽ mất"),
                QCoreApplication.translate("BackupDialog", "Đã xóa sẽ trở lại"),
            ]
        )
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        keep_header_texts(self.backups)
        keep_header_texts(self.preview)
        layout.addWidget(self.preview, 3)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.restore_button = QPushButton(QCoreApplication.translate("BackupDialog", "Phục hồi bản đã chọn…"))
        self.restore_button.setEnabled(False)
        self.close_button = QPushButton(QCoreApplication.translate("BackupDialog", "Đóng"))
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

        self.backup_button.clicked.connect(lambda: self.back_up(None))
        self.usb_button.clicked.connect(self._back_up_elsewhere)
        self.open_button.clicked.connect(self._choose_folder)
        self.backups.itemSelectionChanged.connect(self.show_preview)
        self.restore_button.clicked.connect(self._restore)
        self.close_button.clicked.connect(self.reject)
        self.refresh()

    # ------------------------------------------------------------ actions

    def refresh(self) -> None:
        self.folder_label.setText(
            QCoreApplication.translate("BackupDialog", "Thư mục sao lưu: {folder}").format(folder=self.folder)
        )
        self.items = bk.list_backups(self.folder, self.db.path.stem)
        self.backups.setRowCount(len(self.items))
        for row, info in enumerate(self.items):
            when = info.created.astimezone().strftime("%d/%m/%Y %H:%M:%S")
            reason = translate("backup", bk.REASONS.get(info.reason, info.reason))
            size = f"{max(1, info.size // 1024):,} KB".replace(",", ".")
            for col, text in enumerate((when, reason, size)):
                self.backups.setItem(row, col, QTableWidgetItem(text))
        self.preview.setRowCount(0)
        self.restore_button.setEnabled(False)

    def back_up(self, folder: Path | None) -> bk.BackupInfo | None:
        try:
            info = bk.backup_database(
                self.db, folder, reason="manual", keep=None if folder else bk.KEEP_DEFAULT
            )
        except StorageError as exc:
            show_error(self, exc)
            return None
        if self.actor is not None:
            try:
                bk.log_backup(self.db, self.actor, info)
            except StorageError as exc:
                show_error(self, exc)
        if folder is not None:
            self.folder = folder
        self.refresh()
        self.preview_label.setText(
            QCoreApplication.translate("BackupDialog", "Đã sao lưu và kiểm tra: {name}").format(
                name=info.path.name
            )
        )
        return info

    def _back_up_elsewhere(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("BackupDialog", "Chọn USB hoặc thư mục để sao lưu")
        )
        if folder:
            self.back_up(Path(folder))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("BackupDialog", "Chọn thư mục có bản sao lưu"), str(self.folder)
        )
        if folder:
            self.folder = Path(folder)
            self.refresh()

    def selected(self) -> bk.BackupInfo | None:
        rows = self.backups.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def show_preview(self) -> None:
        info = self.selected()
        self.preview.setRowCount(0)
        self.restore_button.setEnabled(False)
        if info is None:
            return
        try:
            preview = bk.restore_preview(self.db.path, info.path, self.db.key)
        except StorageError as exc:
            self.preview_label.setText(
                QCoreApplication.translate(
                    "BackupDialog", "Bản sao lưu này bị hỏng hoặc không mở được; không thể phục hồi từ nó."
                )
            )
            show_error(self, exc)
            return
        if preview.identical:
            self.preview_label.setText(
                QCoreApplication.translate("BackupDialog", "Bản sao lưu này giống hệt dữ liệu hiện tại.")
            )
        else:
            self.preview_label.setText(
                QCoreApplication.translate(
                    "BackupDialog",
                    "Nếu phục hồi bản này, {lost} bản ghi nhập hoặc sửa sau lúc sao lưu sẽ mất:",
                ).format(lost=preview.lost)
            )
        self.preview.setRowCount(len(preview.tables))
        for row, change in enumerate(preview.tables):
            label = translate("backup", bk.TABLE_LABELS.get(change.table, change.table))
            for col, text in enumerate((label, str(change.added), str(change.changed), str(change.removed))):
                self.preview.setItem(row, col, QTableWidgetItem(text))
        self.restore_button.setEnabled(True)

    def _restore(self) -> None:
        info = self.selected()
        if info is None:
            return
        if confirm(
            self,
            QCoreApplication.translate("BackupDialog", "Phục hồi dữ liệu"),
            QCoreApplication.translate(
                "BackupDialog",
                "Dữ liệu hiện tại sẽ được sao lưu an toàn trước, rồi thay bằng bản sao lưu đã chọn. Chương trình sẽ mở lại cơ sở dữ liệu. Tiếp tục?",
            ),
            QCoreApplication.translate("BackupDialog", "Phục hồi"),
        ):
            self.chosen = info.path
            self.accept()

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None, actor: Actor | None = None) -> Path | None:
        """Show the dialog; returns the backup the user chose to restore, or None."""
        dialog = cls(db, parent, actor)
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
