"""The first-run wizard: the unit's identity and its upper level (DOMAIN.md §3.3), and the same form
reused to edit them later from the Organisation page."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from models.dates import today
from models.db import read_session, unit_of_work
from models.errors import DomainError, ValidationError
from models.services import organisation as org
from models.text import clean, upper_vi
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import translate
from ui.widgets import DateEdit, FieldErrors, collect

IDENTITY_FIELDS = ("name", "committee_name", "symbol", "place_name", "province", "term_start", "term_end")


class UnitForm:
    """The fields of `UnitSetup` in two blocks (identity, upper level) with error labels."""

    def __init__(self) -> None:
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
        form = QFormLayout(self.upper)
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

    def _suggest_from_name(self) -> None:
        """ "Đảng bộ xã Mường Lèo" suggests "Đảng ủy xã Mường Lèo" and the place name "Mường Lèo"."""
        name = clean(self.name.text())
        prefix = "Đảng bộ "
        if not name.startswith(prefix):
            return
        rest = name[len(prefix) :]
        if not self.committee_name.text().strip():
            self.committee_name.setText("Đảng ủy " + rest)
        place = rest.split(" ", 1)[1] if " " in rest else rest
        if not self.place_name.text().strip():
            self.place_name.setText(place)

    def suggest_upper(self) -> None:
        """A commune since 1/7/2025 sits directly under the provincial committee."""
        province = clean(self.province.text())
        if not province:
            return
        if not self.upper_name.text().strip():
            self.upper_name.setText(f"Tỉnh ủy {province}")
        if not self.upper_symbol.text().strip():
            self.upper_symbol.setText("TU")
        if not self.upper_header_line.text().strip():
            self.upper_header_line.setText(upper_vi(f"Đảng bộ tỉnh {province}"))
        if not self.upper_board.text().strip():
            self.upper_board.setText("Ban Tổ chức Tỉnh ủy")

    def load(self, unit: org.UnitView, upper: org.UpperLevelView | None) -> None:
        self.name.setText(unit.name)
        self.committee_name.setText(unit.committee_name)
        self.symbol.setText(unit.symbol)
        self.place_name.setText(unit.place_name)
        self.province.setText(unit.province)
        self.term_start.set_date(unit.term_start)
        self.term_end.set_date(unit.term_end)
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
        valid_from = collect(
            errors, "upper_valid_from", lambda: self.upper_valid_from.date("upper_valid_from")
        )
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
        )


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
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("setup_wizard", "Cấp trên trực tiếp"))
        self.setSubTitle(
            translate(
                "setup_wizard",
                "Từ 01/7/2025 đảng ủy xã trực thuộc Tỉnh ủy. Dòng tiêu đề in ở góc trái văn bản, "
                "ví dụ “ĐẢNG BỘ TỈNH SƠN LA”.",
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(wizard.form.upper)

    def initializePage(self) -> None:
        self._wizard.form.suggest_upper()

    def validatePage(self) -> bool:
        return self._wizard.save()


class SetupWizard(QWizard):
    """Records the own unit; `unit_id` is set once saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.unit_id: str | None = None
        self.setWindowTitle(translate("setup_wizard", "Thiết lập ban đầu"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 520)
        self.form = UnitForm()
        self.addPage(_IdentityPage(self.form))
        self.addPage(_UpperPage(self))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("setup_wizard", "< Quay lại"))
        self.setButtonText(QWizard.WizardButton.NextButton, translate("setup_wizard", "Tiếp >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("setup_wizard", "Lưu"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("setup_wizard", "Hủy"))

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


class UnitDialog(QDialog):
    """Edit the unit's identity and its current upper level (a new upper level from a date closes the
    previous one the day before)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.saved = False
        self.setWindowTitle(translate("setup_wizard", "Sửa thông tin đơn vị"))
        self.form = UnitForm()
        with read_session(ctx.db, ctx.actor) as session:
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
