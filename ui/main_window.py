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
    QVBoxLayout,
    QWidget,
)

from exports.paths import data_dir, logs_dir
from models import setup
from models.db import read_session
from models.errors import DomainError, StorageError
from models.security import Permission
from models.services import organisation as org
from models.services import users
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
        self.logout_request = False  # Tệp → Đăng xuất: back to the login
        self.reload_request = False  # the user's own roles changed: the window opens again with them
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
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.demo_banner = QLabel(translate("main_window", "DỮ LIỆU MẪU – không nhập dữ liệu thật"))
        self.demo_banner.setObjectName("demo_banner")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet(
            "background: #fff3b0; color: #9a0000; font-weight: bold; padding: 4px; border-bottom: 1px solid #c9a400;"
        )
        self.demo_banner.hide()
        outer.addWidget(self.demo_banner)
        body = QHBoxLayout()
        body.setContentsMargins(6, 6, 6, 0)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._area_changed)
        self.unit_label = QLabel()
        self.user_label = QLabel()
        self.user_label.setContentsMargins(0, 0, 8, 0)
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
        if self.ctx.unlocked is not None:
            logout_action = QAction(translate("main_window", "Đăng xuất"), self)
            logout_action.setObjectName("logout")
            logout_action.triggered.connect(self.logout)
            file_menu.addAction(logout_action)
            self.logout_action = logout_action
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
        if UsersDialog.ask(self, self.ctx.unlocked):
            self.reload_request = True  # own roles changed: run_gui opens the window again with them
            self.close()

    def logout(self) -> None:
        """Close this session (with the closing backup) and return to the login."""
        self.logout_request = True
        self.close()

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
            kind = setup.installation(session)
            try:
                who = users.own_account(session).full_name or self.ctx.actor.login
            except DomainError:
                who = self.ctx.actor.login
        level = translate("setup", setup.LEVELS[kind.level])
        self.unit_label.setText(f"{unit.name} — {self.ctx.db.path.name}")
        self.user_label.setText(
            translate("main_window", "Người dùng: {name} ({login}) · Cơ sở dữ liệu {level}").format(
                name=who, login=self.ctx.actor.login, level=level
            )
        )
        title = f"{unit.name} ({level})"  # Qt adds " — " and the application's name
        if kind.demo:
            title += " — " + translate("main_window", "DỮ LIỆU MẪU")
        if not self.windowTitle().endswith(translate("app", "CHỈ XEM – dữ liệu bị hỏng")):
            self.setWindowTitle(title)
        self.demo_banner.setVisible(kind.demo)

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
