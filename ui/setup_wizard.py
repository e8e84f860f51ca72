"""The first-start wizard of a real installation (`InstallWizard`: level, unit, upper level, first
administrator, recovery code), the unit-only wizard for a database that has no unit yet
(`SetupWizard`), and the same unit form reused to edit them later from the Organisation page
(DOMAIN.md §3.3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from exports import keyring
from exports.installation import DEFAULT_ADMIN_LOGIN, PROVINCE_ERA, create_installation, suggest
from models import setup
from models.auth import MIN_PASSWORD
from models.dates import format_date, today
from models.db import read_session, unit_of_work
from models.errors import DomainError, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.services import organisation as org
from models.text import clean
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import translate
from ui.login import RecoveryCodePanel
from ui.widgets import DateEdit, FieldErrors, collect

IDENTITY_FIELDS = ("name", "committee_name", "symbol", "place_name", "province", "term_start", "term_end")


class UnitForm:
    """The fields of `UnitSetup` in two blocks (identity, upper level) with error labels. `level` (a
    models.setup level) decides the suggestions; a province may have no upper level at all."""

    def __init__(self, level: str = setup.COMMUNE) -> None:
        self.level = level
        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("setup_wizard", "ví dụ: Đảng bộ xã Mường Lèo"))
        self.committee_name = QLineEdit()
        self.committee_name.setPlaceholderText(translate("setup_wizard", "ví dụ: Đảng ủy xã Mường Lèo"))
        self.symbol = QLineEdit("ĐU")
        self.symbol.setMaximumWidth(120)
        self.place_name = QLineEdit()
        self.place_name.setPlaceholderText(translate("setup_wizard", "ví dụ: Mường Lèo"))
        self.province = QLineEdit()
        self.province.setPlaceholderText(translate("setup_wizard", "ví dụ: Sơn La"))
        self.term_start = DateEdit()
        self.term_end = DateEdit()
        self.upper_name = QLineEdit()
        self.upper_name.setPlaceholderText(translate("setup_wizard", "ví dụ: Tỉnh ủy Sơn La"))
        self.upper_symbol = QLineEdit()
        self.upper_symbol.setMaximumWidth(120)
        self.upper_header_line = QLineEdit()
        self.upper_header_line.setPlaceholderText(translate("setup_wizard", "ví dụ: ĐẢNG BỘ TỈNH SƠN LA"))
        self.upper_board = QLineEdit()
        self.upper_board.setPlaceholderText(translate("setup_wizard", "ví dụ: Ban Tổ chức Tỉnh ủy"))
        self.upper_valid_from = DateEdit(date(2025, 7, 1))

        self.identity = QWidget()
        form = QFormLayout(self.identity)
        add = self.errors.add_row
        add(form, translate("setup_wizard", "Tên đảng bộ:"), "name", self.name)
        add(form, translate("setup_wizard", "Tên đảng ủy:"), "committee_name", self.committee_name)
        add(form, translate("setup_wizard", "Ký hiệu văn bản:"), "symbol", self.symbol)
        add(form, translate("setup_wizard", "Địa danh ghi ngày tháng:"), "place_name", self.place_name)
        add(form, translate("setup_wizard", "Tỉnh:"), "province", self.province)
        add(form, translate("setup_wizard", "Nhiệm kỳ từ ngày:"), "term_start", self.term_start)
        add(form, translate("setup_wizard", "đến ngày:"), "term_end", self.term_end)

        self.upper = QWidget()
        upper_layout = QVBoxLayout(self.upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        self.no_upper = QCheckBox(
            translate(
                "setup_wizard", "Không gửi dữ liệu lên cấp trên (Tỉnh ủy là cấp cao nhất dùng chương trình)"
            )
        )
        self.no_upper.setObjectName("no_upper")
        self.no_upper.toggled.connect(self._no_upper_toggled)
        upper_layout.addWidget(self.no_upper)
        self.upper_fields = QWidget()
        upper_layout.addWidget(self.upper_fields)
        form = QFormLayout(self.upper_fields)
        add(form, translate("setup_wizard", "Cấp ủy cấp trên:"), "upper_name", self.upper_name)
        add(form, translate("setup_wizard", "Ký hiệu cấp trên:"), "upper_symbol", self.upper_symbol)
        add(
            form,
            translate("setup_wizard", "Dòng tiêu đề văn bản:"),
            "upper_header_line",
            self.upper_header_line,
        )
        add(form, translate("setup_wizard", "Ban Tổ chức cấp trên:"), "upper_board", self.upper_board)
        add(form, translate("setup_wizard", "Trực thuộc từ ngày:"), "upper_valid_from", self.upper_valid_from)
        self.name.editingFinished.connect(self._suggest_from_name)
        self.set_level(level)

    def set_level(self, level: str) -> None:
        """Placeholders and the "no upper level" choice (a province only) follow the level."""
        self.level = level
        examples = {
            setup.COMMUNE: ("Đảng bộ xã Mường Lèo", "Đảng ủy xã Mường Lèo", "Mường Lèo", "Tỉnh ủy Sơn La"),
            setup.PROVINCE: ("Đảng bộ tỉnh Sơn La", "Tỉnh ủy Sơn La", "Sơn La", "Ban Chấp hành Trung ương"),
            setup.DISTRICT: ("Đảng bộ huyện Sốp Cộp", "Huyện ủy Sốp Cộp", "Sốp Cộp", "Tỉnh ủy Sơn La"),
        }[level]
        example = translate("setup_wizard", "ví dụ: {text}")
        self.name.setPlaceholderText(example.format(text=examples[0]))
        self.committee_name.setPlaceholderText(example.format(text=examples[1]))
        self.place_name.setPlaceholderText(example.format(text=examples[2]))
        self.upper_name.setPlaceholderText(example.format(text=examples[3]))
        self.no_upper.setVisible(level == setup.PROVINCE)
        if level != setup.PROVINCE:
            self.no_upper.setChecked(False)

    def _no_upper_toggled(self, on: bool) -> None:
        self.upper_fields.setEnabled(not on)

    def has_upper(self) -> bool:
        return not (self.level == setup.PROVINCE and self.no_upper.isChecked())

    def _suggest_from_name(self) -> None:
        """ "Đảng bộ xã Mường Lèo" suggests "Đảng ủy xã Mường Lèo" and the place name "Mường Lèo"
        (a province "Tỉnh ủy …", a district "Huyện ủy …")."""
        name = clean(self.name.text())
        if not name.startswith("Đảng bộ "):
            return
        hint = suggest(self.level, name, self.province.text())
        if not self.committee_name.text().strip():
            self.committee_name.setText(hint.committee_name)
        if not self.place_name.text().strip():
            self.place_name.setText(hint.place_name)
        if not self.province.text().strip() and self.level == setup.PROVINCE:
            self.province.setText(hint.province)
        if self.level != setup.COMMUNE and self.symbol.text().strip() in ("", "ĐU"):
            self.symbol.setText(hint.symbol)

    def suggest_upper(self) -> None:
        """A commune since 1/7/2025 sits directly under the provincial committee, as does a district
        (older data); a province sends to nobody unless the central level is configured, and is never
        proposed "Tỉnh ủy …" as its own upper level."""
        hint = suggest(self.level, self.name.text(), self.province.text())
        if self.level == setup.PROVINCE and not self.upper_name.text().strip():
            self.no_upper.setChecked(True)
        if not hint.upper_name:
            return
        for edit, value in (
            (self.upper_name, hint.upper_name),
            (self.upper_symbol, hint.upper_symbol),
            (self.upper_header_line, hint.upper_header_line),
            (self.upper_board, hint.upper_board),
        ):
            if not edit.text().strip():
                edit.setText(value)
        if self.upper_valid_from.text().strip() in ("", format_date(PROVINCE_ERA)):
            self.upper_valid_from.set_date(hint.upper_valid_from)

    def load(self, unit: org.UnitView, upper: org.UpperLevelView | None) -> None:
        self.name.setText(unit.name)
        self.committee_name.setText(unit.committee_name)
        self.symbol.setText(unit.symbol)
        self.place_name.setText(unit.place_name)
        self.province.setText(unit.province)
        self.term_start.set_date(unit.term_start)
        self.term_end.set_date(unit.term_end)
        if upper is None and self.level == setup.PROVINCE:
            self.no_upper.setChecked(True)
        if upper is not None:
            self.upper_name.setText(upper.name)
            self.upper_symbol.setText(upper.symbol)
            self.upper_header_line.setText(upper.header_line)
            self.upper_board.setText(upper.organisation_board)
            self.upper_valid_from.set_date(upper.valid_from)

    def command(self) -> org.UnitSetup:
        """The typed command; raises ValidationError listing every date that is not a date."""
        errors: dict[str, str] = {}
        term_start = collect(errors, "term_start", lambda: self.term_start.date("term_start"))
        term_end = collect(errors, "term_end", lambda: self.term_end.date("term_end"))
        has_upper = self.has_upper()
        valid_from = collect(
            errors, "upper_valid_from", lambda: self.upper_valid_from.date("upper_valid_from")
        )
        if not has_upper:
            errors.pop("upper_valid_from", None)
            valid_from = valid_from or PROVINCE_ERA
        if valid_from is None and "upper_valid_from" not in errors:
            errors["upper_valid_from"] = translate(
                "setup_wizard", "Hãy nhập ngày bắt đầu trực thuộc cấp trên, ví dụ 01/07/2025."
            )
        if errors:
            raise ValidationError.many(errors)
        return org.UnitSetup(
            name=self.name.text(),
            committee_name=self.committee_name.text(),
            symbol=self.symbol.text(),
            place_name=self.place_name.text(),
            province=self.province.text(),
            upper_name=self.upper_name.text(),
            upper_symbol=self.upper_symbol.text(),
            upper_header_line=self.upper_header_line.text(),
            upper_board=self.upper_board.text(),
            upper_valid_from=valid_from,
            term_start=term_start,
            term_end=term_end,
            has_upper=has_upper,
        )


UPPER_SUBTITLES = {
    setup.COMMUNE: QT_TRANSLATE_NOOP(
        "setup_wizard",
        "Từ 01/7/2025 đảng ủy xã trực thuộc Tỉnh ủy. Dòng tiêu đề in ở góc trái văn bản, ví dụ “ĐẢNG BỘ TỈNH SƠN LA”.",
    ),
    setup.PROVINCE: QT_TRANSLATE_NOOP(
        "setup_wizard",
        "Tỉnh ủy nhận dữ liệu của các xã và thường không gửi lên đâu. Chỉ ghi cấp trên nếu phải gửi tiếp lên Trung ương.",
    ),
    setup.DISTRICT: QT_TRANSLATE_NOOP(
        "setup_wizard",
        "Huyện ủy (dữ liệu trước 01/7/2025) trực thuộc Tỉnh ủy. Dòng tiêu đề in ở góc trái văn bản, ví dụ “ĐẢNG BỘ TỈNH SƠN LA”.",
    ),
}


class _IdentityPage(QWizardPage):
    def __init__(self, form: UnitForm) -> None:
        super().__init__()
        self.setTitle(translate("setup_wizard", "Đơn vị của bạn"))
        self.setSubTitle(
            translate(
                "setup_wizard",
                "Ghi đúng như trên văn bản của Đảng ủy. Có thể sửa lại sau trong trang Tổ chức.",
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(form.identity)


class _UpperPage(QWizardPage):
    def __init__(self, wizard: SetupWizard | InstallWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("setup_wizard", "Cấp trên trực tiếp"))
        layout = QVBoxLayout(self)
        layout.addWidget(wizard.form.upper)

    def initializePage(self) -> None:
        self.setSubTitle(translate("setup_wizard", UPPER_SUBTITLES[self._wizard.form.level]))
        self._wizard.form.suggest_upper()

    def validatePage(self) -> bool:
        return self._wizard.upper_done()


class SetupWizard(QWizard):
    """Records the own unit of a database that has none yet; `unit_id` is set once saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.unit_id: str | None = None
        self.setWindowTitle(translate("setup_wizard", "Thiết lập ban đầu"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 520)
        with read_session(ctx.db, ctx.actor) as session:
            level = setup.installation(session).level
        self.form = UnitForm(level)
        self.addPage(_IdentityPage(self.form))
        self.addPage(_UpperPage(self))
        _button_texts(self)
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("setup_wizard", "Lưu"))

    def upper_done(self) -> bool:
        return self.save()

    def save(self) -> bool:
        self.form.errors.clear()
        try:
            cmd = self.form.command()
            with unit_of_work(self._ctx.db, self._ctx.actor) as session:
                self.unit_id = org.setup_unit(session, cmd)
        except ValidationError as exc:
            unplaced = self.form.errors.show(exc.errors)
            if any(f in exc.errors for f in IDENTITY_FIELDS):
                self.back()
            if unplaced:
                show_error(self, exc)
            return False
        except DomainError as exc:
            show_error(self, exc)
            return False
        return True

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        """Run the wizard; the new unit's id, or None when the user cancelled."""
        wizard = cls(ctx, parent)
        wizard.exec()
        return wizard.unit_id


def _button_texts(wizard: QWizard) -> None:
    wizard.setButtonText(QWizard.WizardButton.BackButton, translate("setup_wizard", "< Quay lại"))
    wizard.setButtonText(QWizard.WizardButton.NextButton, translate("setup_wizard", "Tiếp >"))
    wizard.setButtonText(QWizard.WizardButton.FinishButton, translate("setup_wizard", "Bắt đầu làm việc"))
    wizard.setButtonText(QWizard.WizardButton.CancelButton, translate("setup_wizard", "Hủy"))


# ---------------------------------------------------------------- a real installation, from nothing

LEVEL_CHOICES = (
    (
        setup.COMMUNE,
        QT_TRANSLATE_NOOP("setup_wizard", "Đảng ủy xã, phường"),
        QT_TRANSLATE_NOOP(
            "setup_wizard",
            "Quản lý chi bộ, đảng viên, sinh hoạt, báo cáo của xã; gửi dữ liệu lên Tỉnh ủy bằng USB.",
        ),
    ),
    (
        setup.PROVINCE,
        QT_TRANSLATE_NOOP("setup_wizard", "Tỉnh ủy (cấp trên nhận dữ liệu)"),
        QT_TRANSLATE_NOOP(
            "setup_wizard", "Nhận gói dữ liệu của các xã, tổng hợp báo cáo, gửi xác nhận và đề nghị sửa."
        ),
    ),
    (
        setup.DISTRICT,
        QT_TRANSLATE_NOOP("setup_wizard", "Huyện ủy (dữ liệu cũ, trước 01/7/2025)"),
        QT_TRANSLATE_NOOP("setup_wizard", "Như Tỉnh ủy, cho dữ liệu của các xã từ thời còn cấp huyện."),
    ),
)


class _LevelPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("setup_wizard", "Máy này dùng cho cơ quan nào?"))
        self.setSubTitle(
            translate(
                "setup_wizard",
                "Đây là dữ liệu thật của đơn vị, được mã hóa. Chọn đúng cấp; không đổi được sau khi tạo.",
            )
        )
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for level, label, detail in LEVEL_CHOICES:
            button = QRadioButton(translate("setup_wizard", label))
            button.setObjectName(f"level_{level}")
            button.setStyleSheet("font-weight: bold;")
            note = QLabel(translate("setup_wizard", detail))
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 8)
            self.group.addButton(button)
            self.buttons[level] = button
            layout.addWidget(button)
            layout.addWidget(note)
        self.buttons[wizard.form.level].setChecked(True)
        layout.addStretch(1)

    def level(self) -> str:
        return next(level for level, button in self.buttons.items() if button.isChecked())

    def validatePage(self) -> bool:
        self._wizard.form.set_level(self.level())
        return True


class _AdminPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("setup_wizard", "Quản trị viên đầu tiên"))
        self.setSubTitle(
            translate(
                "setup_wizard",
                "Tài khoản của người dùng máy này. Mật khẩu mở khóa dữ liệu đã mã hóa: hãy nhớ kỹ, không ghi lên máy.",
            )
        )
        self.errors = FieldErrors()
        self.login = QLineEdit(DEFAULT_ADMIN_LOGIN)
        self.login.setObjectName("admin_login")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("admin_name")
        self.full_name.setPlaceholderText(translate("setup_wizard", "ví dụ: Lò Thị Hoa"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        rule = QLabel(
            translate(
                "setup_wizard",
                "Ít nhất {n} ký tự, khác tên đăng nhập. Một câu ngắn dễ nhớ (có thể có dấu tiếng Việt) an toàn hơn một từ khó nhớ.",
            ).format(n=MIN_PASSWORD)
        )
        rule.setObjectName("password_rule")
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #555;")
        password_row = QWidget()
        row = QHBoxLayout(password_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.password, 1)
        row.addWidget(rule, 1)
        form = QFormLayout()
        self.errors.add_row(form, translate("setup_wizard", "Tên đăng nhập:"), "login", self.login)
        self.errors.add_row(form, translate("setup_wizard", "Họ và tên:"), "full_name", self.full_name)
        self.errors.add_row(form, translate("setup_wizard", "Mật khẩu:"), "password", password_row)
        self.errors.add_row(form, translate("setup_wizard", "Nhập lại mật khẩu:"), "repeat", self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        roles = QLabel(
            translate(
                "setup_wizard",
                "Tài khoản này có mọi vai trò (văn thư, duyệt, kiểm tra, quản trị) để một người làm được mọi việc của văn phòng. Khi có thêm người, vào Tệp → Quản lý người dùng để thêm tài khoản và chia vai trò.",
            )
        )
        roles.setWordWrap(True)
        layout.addWidget(roles)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("setup_wizard", "Tạo cơ sở dữ liệu"))

    def validatePage(self) -> bool:
        return self._wizard.create_database()


class _RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("setup_wizard", "Mã khôi phục"))
        self.setSubTitle(
            translate("setup_wizard", "Đã tạo cơ sở dữ liệu. Việc cuối cùng, và quan trọng nhất:")
        )
        self.layout_ = QVBoxLayout(self)
        self.panel: RecoveryCodePanel | None = None

    def show_code(self, code: str) -> None:
        self.panel = RecoveryCodePanel(self, code)
        # A mandatory field: Qt enables Finish once the tick is set (no Python-side emit needed).
        self.registerField("recovery_confirmed*", self.panel.confirm_box)
        self.layout_.addWidget(self.panel)

    def confirmed(self) -> bool:
        return self.panel is not None and self.panel.confirm_box.isChecked()


class InstallWizard(QWizard):
    """A real installation from nothing: the level (commune, province or district), the unit and its
    upper level, the first administrator, then the database is created (encrypted, never a demo) and
    the recovery code shown until the clerk confirms it was copied. `unlocked` is the administrator's
    open session afterwards (no second login)."""

    LEVEL, IDENTITY, UPPER, ADMIN, RECOVERY = range(5)

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        *,
        level: str = setup.COMMUNE,
        check_drive: bool = True,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._check_drive = check_drive
        self.unlocked: keyring.Unlocked | None = None
        self.code = ""
        self.setWindowTitle(translate("setup_wizard", "Tạo cơ sở dữ liệu của đơn vị"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(720, 560)
        self.form = UnitForm(level)
        self.level_page = _LevelPage(self)
        self.admin_page = _AdminPage(self)
        self.recovery_page = _RecoveryPage()
        self.setPage(self.LEVEL, self.level_page)
        self.setPage(self.IDENTITY, _IdentityPage(self.form))
        self.setPage(self.UPPER, _UpperPage(self))
        self.setPage(self.ADMIN, self.admin_page)
        self.setPage(self.RECOVERY, self.recovery_page)
        _button_texts(self)
        self.currentIdChanged.connect(self._page_changed)

    def _page_changed(self, page_id: int) -> None:
        # Once the database exists nothing can be cancelled: only the confirmation finishes.
        self.button(QWizard.WizardButton.CancelButton).setVisible(page_id != self.RECOVERY)

    def upper_done(self) -> bool:
        """Check the unit before going on (nothing is written until the administrator page)."""
        self.form.errors.clear()
        try:
            org.validate_unit(self.form.command())
        except ValidationError as exc:
            unplaced = self.form.errors.show(exc.errors)
            if any(f in exc.errors for f in IDENTITY_FIELDS):
                self.back()
            if unplaced:
                show_error(self, exc)
            return False
        return True

    def create_database(self) -> bool:
        """Create everything in one go; a refusal (a weak password, a name taken) is shown beside its
        field and nothing is left behind: the clerk corrects it and tries again."""
        page = self.admin_page
        page.errors.clear()
        if page.password.text() != page.repeat.text():
            page.errors.show(
                {"repeat": translate("setup_wizard", "Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.")}
            )
            return False
        try:
            unit = self.form.command()
            self.unlocked, self.code = create_installation(
                self.path,
                self.form.level,
                unit,
                page.login.text(),
                page.full_name.text(),
                page.password.text(),
                check_drive=self._check_drive,
            )
        except ValidationError as exc:
            if any(f in exc.errors for f in IDENTITY_FIELDS) or any(
                f.startswith("upper") for f in exc.errors
            ):
                self.form.errors.show(exc.errors)
                show_error(self, exc)
                return False
            if page.errors.show(exc.errors):
                show_error(self, exc)
            return False
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.recovery_page.show_code(self.code)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.currentId() == self.RECOVERY and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Escape,
        ):
            event.ignore()  # the recovery code is dismissed only by the deliberate confirmation
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.unlocked is not None and not self.recovery_page.confirmed():
            return  # the database exists: the code must be confirmed first
        super().reject()

    def done(self, result: int) -> None:
        if self.unlocked is not None and not self.recovery_page.confirmed():
            return
        super().done(result)

    @classmethod
    def ask(
        cls,
        path: Path,
        parent: QWidget | None = None,
        *,
        level: str = setup.COMMUNE,
        check_drive: bool = True,
    ) -> keyring.Unlocked | None:
        """Run the wizard; the first administrator's open session, or None when cancelled before the
        database was created."""
        wizard = cls(path, parent, level=level, check_drive=check_drive)
        wizard.exec()
        return wizard.unlocked


class UnitDialog(QDialog):
    """Edit the unit's identity and its current upper level (a new upper level from a date closes the
    previous one the day before)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.saved = False
        self.setWindowTitle(translate("setup_wizard", "Sửa thông tin đơn vị"))
        with read_session(ctx.db, ctx.actor) as session:
            self.form = UnitForm(setup.installation(session).level)
            unit = org.own_unit(session)
            self._revision = unit.revision
            self.form.load(unit, org.current_upper_level(session, today()))
        layout = QVBoxLayout(self)
        identity = QGroupBox(translate("setup_wizard", "Đơn vị"))
        QVBoxLayout(identity).addWidget(self.form.identity)
        upper = QGroupBox(translate("setup_wizard", "Cấp trên trực tiếp"))
        upper_layout = QVBoxLayout(upper)
        upper_layout.addWidget(self.form.upper)
        note = QLabel(
            translate(
                "setup_wizard",
                "Nếu đổi cấp trên, hãy ghi ngày bắt đầu trực thuộc cấp trên mới; cấp trên cũ được giữ "
                "lại cho các văn bản trước ngày đó.",
            )
        )
        note.setWordWrap(True)
        upper_layout.addWidget(note)
        layout.addWidget(identity)
        layout.addWidget(upper)
        buttons = QDialogButtonBox()
        buttons.addButton(
            translate("setup_wizard", "Lưu"), QDialogButtonBox.ButtonRole.AcceptRole
        ).setDefault(True)
        buttons.addButton(translate("setup_wizard", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.form.errors.clear()
        try:
            cmd = self.form.command()
            with unit_of_work(self._ctx.db, self._ctx.actor) as session:
                org.update_unit(session, cmd, self._revision)
        except ValidationError as exc:
            if self.form.errors.show(exc.errors):
                show_error(self, exc)
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.saved = True
        self.accept()

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> bool | None:
        dialog = cls(ctx, parent)
        return True if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved else None


class FirstStartDialog(QDialog):
    """The first start, with no database of the office yet: create the real database (a commune, or a
    receiving province or district), restore one from a backup, or open the demo to practise."""

    COMMUNE, UPPER, RESTORE, DEMO, QUIT = "commune", "upper", "restore", "demo", ""

    def __init__(self, parent: QWidget | None, folder: Path) -> None:
        super().__init__(parent)
        self.choice = self.QUIT
        self.setWindowTitle(translate("setup_wizard", "Bắt đầu sử dụng"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        title = QLabel(translate("setup_wizard", "Chào mừng đến với Sổ tay Văn phòng Đảng ủy xã"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        title.setWordWrap(True)
        layout.addWidget(title)
        intro = QLabel(
            translate(
                "setup_wizard",
                "Máy này chưa có dữ liệu của đơn vị. Hãy chọn việc cần làm (dữ liệu được lưu, mã hóa, trong thư mục {folder}):",
            ).format(folder=folder)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.buttons: dict[str, QCommandLinkButton] = {}
        for key, label, detail in (
            (
                self.COMMUNE,
                QT_TRANSLATE_NOOP("setup_wizard", "Tạo dữ liệu thật của Đảng ủy xã, phường"),
                QT_TRANSLATE_NOOP(
                    "setup_wizard", "Khai báo đơn vị, cấp trên và tài khoản quản trị; rồi nhập đảng viên."
                ),
            ),
            (
                self.UPPER,
                QT_TRANSLATE_NOOP("setup_wizard", "Tạo dữ liệu thật của cấp trên (Tỉnh ủy, hoặc Huyện ủy)"),
                QT_TRANSLATE_NOOP("setup_wizard", "Nhận và tổng hợp dữ liệu các xã gửi lên bằng USB."),
            ),
            (
                self.RESTORE,
                QT_TRANSLATE_NOOP("setup_wizard", "Phục hồi từ bản sao lưu…"),
                QT_TRANSLATE_NOOP(
                    "setup_wizard",
                    "Máy mới, hoặc cài lại: chọn tệp sao lưu (.db, cùng tệp .keys bên cạnh) trên USB.",
                ),
            ),
            (
                self.DEMO,
                QT_TRANSLATE_NOOP("setup_wizard", "Mở dữ liệu mẫu để tập"),
                QT_TRANSLATE_NOOP(
                    "setup_wizard",
                    "Một xã giả định, riêng một tệp; không nhập dữ liệu thật vào đây. Lần sau vẫn chọn được.",
                ),
            ),
        ):
            button = QCommandLinkButton(translate("setup_wizard", label), translate("setup_wizard", detail))
            button.setObjectName(f"start_{key}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            self.buttons[key] = button
            layout.addWidget(button)
        quit_row = QHBoxLayout()
        quit_row.addStretch(1)
        quit_button = QPushButton(translate("setup_wizard", "Thoát"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        quit_row.addWidget(quit_button)
        layout.addLayout(quit_row)
        self.buttons[self.COMMUNE].setFocus()

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path) -> str:
        """COMMUNE, UPPER, RESTORE, DEMO, or QUIT (Esc, Thoát, the window closed)."""
        dialog = cls(parent, folder)
        dialog.exec()
        return dialog.choice
