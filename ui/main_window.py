"""The main window: a sidebar of areas, one page per area, the File and Help menus, and the unit's
name in the status bar. Pages emit `changed` after a write; the window then refreshes every page."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from exports.paths import data_dir, logs_dir
from models.db import read_session
from models.errors import DomainError, StorageError
from models.security import Permission
from models.services import organisation as org
from ui.context import AppContext
from ui.errors import show_error, show_info
from ui.i18n import translate
from ui.pages.admission import AdmissionPage
from ui.pages.base import Page
from ui.pages.dashboard import DashboardPage
from ui.pages.dues import DuesPage
from ui.pages.inspection import InspectionPage
from ui.pages.meetings import MeetingsPage
from ui.pages.members import MembersPage
from ui.pages.organisation import OrganisationPage
from ui.pages.petitions import PetitionsPage
from ui.pages.rating import RatingPage
from ui.pages.reports import ReportsPage
from ui.pages.sync import SyncPage
from ui.pages.training import TrainingPage
from ui.settings import SIDEBAR_AREA, WINDOW_GEOMETRY, Settings

log = logging.getLogger(__name__)

APP_TITLE_SOURCE = "Sổ tay Văn phòng Đảng ủy xã"
VERSION = "0.1.0"


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, settings: Settings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or Settings()
        self.setWindowTitle(translate("main_window", "Sổ tay Văn phòng Đảng ủy xã"))
        self.setMinimumSize(760, 480)  # fits 1366×768 at 125 % (about 1093×576 free)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self.restore_request: Path | None = None
        self.overview = DashboardPage(ctx)
        self.organisation = OrganisationPage(ctx, self.settings)
        self.add_page("overview", self.overview)
        self.add_page("organisation", self.organisation)
        self.add_page("members", MembersPage(ctx, self.settings))
        self.add_page("meetings", MeetingsPage(ctx))
        self.add_page("admission", AdmissionPage(ctx))
        self.add_page("rating", RatingPage(ctx))
        if ctx.actor.can(Permission.VIEW_SENSITIVE):
            self.add_page("inspection", InspectionPage(ctx))
            self.add_page("petitions", PetitionsPage(ctx))
        self.add_page("training", TrainingPage(ctx))
        self.add_page("dues", DuesPage(ctx))
        self.reports = ReportsPage(ctx)
        self.add_page("reports", self.reports)
        self.sync = SyncPage(ctx)
        self.add_page("sync", self.sync)
        self.overview.link_activated.connect(
            lambda area: self.show_area(area) if area in self.pages else None
        )
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._area_changed)
        self.unit_label = QLabel()
        self.user_label = QLabel()
        self.statusBar().addWidget(self.unit_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self._stale: set[str] = set()
        self.refresh_all()
        areas = list(self.pages)
        wanted = self.settings.get(SIDEBAR_AREA)
        self.sidebar.setCurrentRow(areas.index(wanted) if wanted in areas else 0)
        self._refresh_current()
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def add_page(self, key: str, page: Page) -> None:
        item = QListWidgetItem(page.title())
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(150, 34))
        self.sidebar.addItem(item)
        self.stack.addWidget(page)
        self.pages[key] = page
        page.changed.connect(self.refresh_all)

    def area_titles(self) -> list[str]:
        return [self.sidebar.item(i).text() for i in range(self.sidebar.count())]

    def show_area(self, key: str) -> None:
        keys = list(self.pages)
        self.sidebar.setCurrentRow(keys.index(key))

    def _area_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.settings.set(SIDEBAR_AREA, list(self.pages)[row])
        self._refresh_current()

    def current_area(self) -> str | None:
        row = self.sidebar.currentRow()
        return list(self.pages)[row] if 0 <= row < len(self.pages) else None

    def _refresh_current(self) -> None:
        """A page reloads when it is shown after a change, not while hidden (start-up opens one page,
        not all twelve)."""
        key = self.current_area()
        if key is not None and key in self._stale:
            self._stale.discard(key)
            self._refresh_page(self.pages[key])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("main_window", "&Tệp"))
        open_folder = QAction(translate("main_window", "Mở thư mục dữ liệu"), self)
        open_folder.triggered.connect(lambda: self._open_folder(str(data_dir())))
        file_menu.addAction(open_folder)
        backup_action = QAction(translate("main_window", "Sao lưu và phục hồi…"), self)
        backup_action.triggered.connect(self.open_backups)
        file_menu.addAction(backup_action)
        if self.ctx.unlocked is not None:
            password_action = QAction(translate("main_window", "Đổi mật khẩu…"), self)
            password_action.triggered.connect(self.change_password)
            file_menu.addAction(password_action)
            if self.ctx.actor.can(Permission.ADMIN_USERS):
                users_action = QAction(translate("main_window", "Quản lý người dùng…"), self)
                users_action.triggered.connect(self.manage_users)
                file_menu.addAction(users_action)
        file_menu.addSeparator()
        quit_action = QAction(translate("main_window", "Thoát"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(translate("main_window", "Trợ &giúp"))
        manual = QAction(translate("main_window", "Hướng dẫn sử dụng"), self)
        manual.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        manual.triggered.connect(self.open_manual)
        help_menu.addAction(manual)
        self.manual_action = manual
        logs = QAction(translate("main_window", "Mở thư mục nhật ký"), self)
        logs.triggered.connect(lambda: self._open_folder(str(logs_dir())))
        help_menu.addAction(logs)
        about = QAction(translate("main_window", "Giới thiệu"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def open_backups(self) -> None:
        """Back up now, or choose a backup to restore: the window closes and the restore runs
        before the database is opened again (run_gui)."""
        from ui.backup_dialog import BackupDialog

        chosen = BackupDialog.ask(self.ctx.db, self, self.ctx.actor)
        if chosen is not None:
            self.restore_request = chosen
            self.close()

    def open_manual(self) -> None:
        from ui.help_dialog import HelpDialog

        HelpDialog.ask(self)

    def change_password(self) -> None:
        from exports import keyring
        from ui.login import NewPasswordDialog

        assert self.ctx.unlocked is not None
        answer = NewPasswordDialog.ask(self, ask_old=True)
        if answer is None:
            return
        try:
            keyring.change_own_password(self.ctx.unlocked, *answer)
        except DomainError as exc:
            show_error(self, exc)
            return
        show_info(
            self, translate("main_window", "Đổi mật khẩu"), translate("main_window", "Đã đổi mật khẩu.")
        )

    def manage_users(self) -> None:
        from ui.users_dialog import UsersDialog

        assert self.ctx.unlocked is not None
        UsersDialog.ask(self, self.ctx.unlocked)

    def _open_folder(self, path: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def show_about(self) -> None:
        show_info(
            self,
            translate("main_window", "Giới thiệu"),
            translate(
                "main_window",
                "Sổ tay Văn phòng Đảng ủy xã, phiên bản {version}.\n"
                "Quản lý tổ chức, đảng viên, sinh hoạt chi bộ và báo cáo; chạy trên máy, không cần mạng.\n\n"
                "Cơ sở dữ liệu: {path}",
            ).format(version=VERSION, path=self.ctx.db.path),
        )

    def refresh_all(self) -> None:
        """Called after every change: the page on screen reloads at once, every other page when it is
        next shown. On a damaged database opened read-only, a page whose data cannot be read stays
        empty and the others still show theirs."""
        self._stale = set(self.pages)
        self._refresh_current()
        with read_session(self.ctx.db, self.ctx.actor) as session:
            unit = org.own_unit(session)
        self.unit_label.setText(f"{unit.name} — {self.ctx.db.path.name}")
        self.user_label.setText(
            translate("main_window", "Người dùng: {login}").format(login=self.ctx.actor.login)
        )

    def _refresh_page(self, page: Page) -> None:
        if not self.ctx.db.read_only:
            page.refresh()
            return
        try:
            page.refresh()
        except StorageError as exc:
            log.warning("read-only database: a page is unreadable (%s)", exc.kind)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
