"""User management (administrators): list, add, change name and roles, reset a password, unlock,
deactivate or reactivate. Every button is one action through `exports.keyring`; the services refuse
anyone without the administrator role, whatever this dialog shows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exports import keyring
from models.errors import DomainError
from models.i18n import translate
from models.security import Role
from models.services.users import ROLE_LABELS, UserInput, UserView
from ui.errors import show_error, show_info

ROLES = (Role.CLERK, Role.APPROVER, Role.INSPECTION, Role.ADMIN)


class UserEditDialog(QDialog):
    """Login (new accounts only), full name, roles and, for a new account, the first password."""

    def __init__(self, parent: QWidget | None, user: UserView | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm người dùng") if user is None else self.tr("Sửa người dùng"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.login_edit = QLineEdit(user.login if user else "")
        self.login_edit.setEnabled(user is None)
        self.name_edit = QLineEdit(user.full_name if user else "")
        form.addRow(self.tr("Tên đăng nhập:"), self.login_edit)
        form.addRow(self.tr("Họ và tên:"), self.name_edit)
        self.role_boxes: dict[Role, QCheckBox] = {}
        roles_box = QVBoxLayout()
        for role in ROLES:
            box = QCheckBox(translate("users", ROLE_LABELS[role]))
            box.setChecked(user is not None and role in user.roles)
            self.role_boxes[role] = box
            roles_box.addWidget(box)
        form.addRow(self.tr("Vai trò:"), roles_box)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if user is None:
            form.addRow(self.tr("Mật khẩu ban đầu:"), self.password_edit)
        layout.addLayout(form)
        if user is None:
            note = QLabel(self.tr("Người dùng sẽ phải đổi mật khẩu này ở lần đăng nhập đầu tiên."))
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def roles(self) -> frozenset[Role]:
        return frozenset(r for r, box in self.role_boxes.items() if box.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None, user: UserView | None) -> tuple[UserInput, str] | None:
        dialog = cls(parent, user)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (
            UserInput(dialog.login_edit.text(), dialog.name_edit.text(), dialog.roles()),
            dialog.password_edit.text(),
        )


class PasswordDialog(QDialog):
    """A new password set by the administrator (reset or reactivation)."""

    def __init__(self, parent: QWidget | None, login: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đặt lại mật khẩu"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr("Mật khẩu mới cho “{login}”. Người dùng sẽ phải đổi ở lần đăng nhập tới.").format(
                login=login
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, login: str) -> str | None:
        dialog = cls(parent, login)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.password_edit.text()


class UsersDialog(QDialog):
    """The accounts of this installation."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None, unlocked: keyring.Unlocked) -> None:
        super().__init__(parent)
        self.unlocked = unlocked
        self.own_roles_changed = False
        self.rows: list[tuple[UserView, keyring.SlotState | None]] = []
        self.setWindowTitle(self.tr("Quản lý người dùng"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tên đăng nhập"), self.tr("Họ và tên"), self.tr("Vai trò"), self.tr("Trạng thái"), ""]
        )
        self.table.setColumnHidden(4, True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm…"))
        self.edit_button = QPushButton(self.tr("Sửa vai trò…"))
        self.reset_button = QPushButton(self.tr("Đặt lại mật khẩu…"))
        self.unlock_button = QPushButton(self.tr("Mở khóa"))
        self.active_button = QPushButton(self.tr("Ngừng sử dụng"))
        for button in (
            self.add_button,
            self.edit_button,
            self.reset_button,
            self.unlock_button,
            self.active_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def _status(self, user: UserView, state: keyring.SlotState | None) -> str:
        if not user.active:
            return self.tr("Ngừng sử dụng")
        if state is not None and state.locked:
            return self.tr("Bị khóa (sai mật khẩu)")
        if state is not None and state.failures:
            return self.tr("Hoạt động ({n} lần nhập sai)").format(n=state.failures)
        if user.must_change_password:
            return self.tr("Hoạt động (chờ đổi mật khẩu)")
        return self.tr("Hoạt động")

    def refresh(self) -> None:
        try:
            self.rows = keyring.list_accounts(self.unlocked)
        except DomainError as exc:
            show_error(self, exc)
            self.rows = []
        self.table.setRowCount(len(self.rows))
        for i, (user, state) in enumerate(self.rows):
            roles = ", ".join(
                translate("users", ROLE_LABELS[r]).split(" (")[0] for r in ROLES if r in user.roles
            )
            for col, text in enumerate(
                (user.login, user.full_name, roles, self._status(user, state), user.id)
            ):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(3)
        self._update_buttons()

    def selected(self) -> tuple[UserView, keyring.SlotState | None] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for button in (self.edit_button, self.reset_button, self.unlock_button, self.active_button):
            button.setEnabled(chosen is not None)
        if chosen is not None:
            user, state = chosen
            self.unlock_button.setEnabled(
                user.active and state is not None and (state.locked or state.failures > 0)
            )
            self.active_button.setText(self.tr("Ngừng sử dụng") if user.active else self.tr("Dùng lại…"))

    def _run(self, action: str, done: str) -> None:
        del action
        self.refresh()
        if done:
            show_info(self, self.tr("Người dùng"), done)

    def add_user(self) -> None:
        answer = UserEditDialog.ask(self, None)
        if answer is None:
            return
        try:
            keyring.add_user(self.unlocked, answer[0], answer[1])
        except DomainError as exc:
            show_error(self, exc)
            return
        self._run("add", "")

    def edit_user(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = UserEditDialog.ask(self, chosen[0])
        if answer is None:
            return
        try:
            keyring.update_account(self.unlocked, chosen[0].id, answer[0].full_name, answer[0].roles)
        except DomainError as exc:
            show_error(self, exc)
            return
        own = chosen[0].id == self.unlocked.actor.user_id and answer[0].roles != chosen[0].roles
        self.own_roles_changed = self.own_roles_changed or own
        self._run(
            "edit",
            self.tr(
                "Vai trò mới của bạn có hiệu lực ngay khi đóng hộp Quản lý người dùng: cửa sổ chương trình sẽ mở lại với quyền mới, không cần đăng nhập lại."
            )
            if own
            else "",
        )

    def reset_password(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        password = PasswordDialog.ask(self, chosen[0].login)
        if password is None:
            return
        try:
            keyring.reset_password(self.unlocked, chosen[0].id, password)
        except DomainError as exc:
            show_error(self, exc)
            return
        self._run(
            "reset", self.tr("Đã đặt mật khẩu mới. Hãy báo cho người dùng trực tiếp, không gửi qua mạng.")
        )

    def unlock_user(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            keyring.unlock_account(self.unlocked, chosen[0].id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self._run("unlock", self.tr("Đã mở khóa tài khoản."))

    def toggle_active(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        user = chosen[0]
        password: str | None = None
        if not user.active:
            password = PasswordDialog.ask(self, user.login)
            if password is None:
                return
        try:
            keyring.set_active(self.unlocked, user.id, not user.active, password)
        except DomainError as exc:
            show_error(self, exc)
            return
        self._run("active", "")

    @classmethod
    def ask(cls, parent: QWidget | None, unlocked: keyring.Unlocked) -> bool:
        """Run the dialog; True when the logged-in user's own roles were changed (the window then
        opens again with them)."""
        dialog = cls(parent, unlocked)
        dialog.exec()
        return dialog.own_roles_changed
