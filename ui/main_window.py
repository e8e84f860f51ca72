"""The main window: a sidebar of areas, one page per area, the File and Help menus, and the unit's
name in the status bar. Pages emit `changed` after a write; the window then refreshes every page."""

from __future__ import annotations

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
from models.services import organisation as org
from ui.context import AppContext
from ui.errors import show_info
from ui.i18n import translate
from ui.pages.base import Page
from ui.pages.organisation import OrganisationPage
from ui.pages.overview import OverviewPage
from ui.settings import SIDEBAR_AREA, WINDOW_GEOMETRY, Settings

APP_TITLE_SOURCE = "Sổ tay Văn phòng Đảng ủy xã"
VERSION = "0.1.0"


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, settings: Settings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or Settings()
        self.setWindowTitle(translate("main_window", "Sổ tay Văn phòng Đảng ủy xã"))
        self.setMinimumSize(1000, 600)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self.overview = OverviewPage(ctx)
        self.organisation = OrganisationPage(ctx, self.settings)
        self.add_page("overview", self.overview)
        self.add_page("organisation", self.organisation)
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
        self.refresh_all()
        areas = list(self.pages)
        wanted = self.settings.get(SIDEBAR_AREA)
        self.sidebar.setCurrentRow(areas.index(wanted) if wanted in areas else 0)
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

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("main_window", "&Tệp"))
        open_folder = QAction(translate("main_window", "Mở thư mục dữ liệu"), self)
        open_folder.triggered.connect(lambda: self._open_folder(str(data_dir())))
        file_menu.addAction(open_folder)
        file_menu.addSeparator()
        quit_action = QAction(translate("main_window", "Thoát"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(translate("main_window", "Trợ &giúp"))
        logs = QAction(translate("main_window", "Mở thư mục nhật ký"), self)
        logs.triggered.connect(lambda: self._open_folder(str(logs_dir())))
        help_menu.addAction(logs)
        about = QAction(translate("main_window", "Giới thiệu"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

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
        """Called after every change: each page reloads what it shows."""
        for page in self.pages.values():
            page.refresh()
        with read_session(self.ctx.db, self.ctx.actor) as session:
            unit = org.own_unit(session)
        self.unit_label.setText(f"{unit.name} — {self.ctx.db.path.name}")
        self.user_label.setText(
            translate("main_window", "Người dùng: {login}").format(login=self.ctx.actor.login)
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
