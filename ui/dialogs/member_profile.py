"""The member profile (DOMAIN.md §3.1–3.2): identity and profile fields in tabs, errors beside the
fields, warnings (CCCD against sex and birth year, card and life-history numbers, a person with the
same birth date and name) acknowledged before saving, the 3×4 photo, the history timeline and who
changed the record when. The same form admits a new member directly or receives one by transfer."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.dates import format_date
from models.db import read_session, unit_of_work
from models.errors import DomainError, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.picklists import ETHNICITY_CHOICES, RELIGIONS, normalise_ethnicity
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import organisation as org
from ui.context import AppContext
from ui.dialogs.member_actions import ACTIONS, ActionDialog, actions_for, parse_month
from ui.errors import choose
from ui.files import open_path
from ui.i18n import translate
from ui.members_model import audit_action_label, member_audit, member_photo, status_label
from ui.widgets import ERROR_STYLE, DateEdit, FieldErrors, collect, fit_to_screen

PHOTO_MAX_BYTES = 2_000_000
PHOTO_BOX = (300, 400)  # 3×4 at a size that prints well and stays small
WARNING_STYLE = "background: #fff4ce; border: 1px solid #e0c060; padding: 6px;"

FIELD_LABELS = {
    "voided_event": QT_TRANSLATE_NOOP("members_ui", "Sự kiện bị hủy"),
    "void_reason": QT_TRANSLATE_NOOP("members_ui", "Lý do hủy"),
    "family_name": QT_TRANSLATE_NOOP("members_ui", "Họ"),
    "middle_name": QT_TRANSLATE_NOOP("members_ui", "Tên đệm"),
    "given_name": QT_TRANSLATE_NOOP("members_ui", "Tên"),
    "birth_name": QT_TRANSLATE_NOOP("members_ui", "Họ tên khai sinh (nếu khác)"),
    "aliases": QT_TRANSLATE_NOOP("members_ui", "Bí danh"),
    "sex": QT_TRANSLATE_NOOP("members_ui", "Giới tính"),
    "date_of_birth": QT_TRANSLATE_NOOP("members_ui", "Ngày sinh"),
    "place_of_birth": QT_TRANSLATE_NOOP("members_ui", "Nơi sinh"),
    "home_town": QT_TRANSLATE_NOOP("members_ui", "Quê quán"),
    "home_town_current": QT_TRANSLATE_NOOP("members_ui", "Quê quán (tên mới)"),
    "ethnicity": QT_TRANSLATE_NOOP("members_ui", "Dân tộc"),
    "religion": QT_TRANSLATE_NOOP("members_ui", "Tôn giáo"),
    "cccd": QT_TRANSLATE_NOOP("members_ui", "Số CCCD"),
    "life_history_no": QT_TRANSLATE_NOOP("members_ui", "Số lý lịch"),
    "general_education": QT_TRANSLATE_NOOP("members_ui", "Giáo dục phổ thông"),
    "professional_qualification": QT_TRANSLATE_NOOP("members_ui", "Chuyên môn, nghiệp vụ"),
    "academic_degree": QT_TRANSLATE_NOOP("members_ui", "Học hàm, học vị"),
    "political_theory": QT_TRANSLATE_NOOP("members_ui", "Lý luận chính trị"),
    "state_management": QT_TRANSLATE_NOOP("members_ui", "Quản lý nhà nước"),
    "foreign_language": QT_TRANSLATE_NOOP("members_ui", "Ngoại ngữ"),
    "it_level": QT_TRANSLATE_NOOP("members_ui", "Tin học"),
    "minority_language": QT_TRANSLATE_NOOP("members_ui", "Tiếng dân tộc thiểu số"),
    "occupation": QT_TRANSLATE_NOOP("members_ui", "Nghề nghiệp"),
    "position": QT_TRANSLATE_NOOP("members_ui", "Chức vụ hiện nay"),
    "party_card_no": QT_TRANSLATE_NOOP("members_ui", "Số thẻ đảng viên"),
    "card_issue_date": QT_TRANSLATE_NOOP("members_ui", "Ngày cấp thẻ"),
    "card_type": QT_TRANSLATE_NOOP("members_ui", "Loại thẻ"),
    "youth_union_date": QT_TRANSLATE_NOOP("members_ui", "Ngày vào Đoàn"),
    "army_service": QT_TRANSLATE_NOOP("members_ui", "Quân đội, công an, nghỉ hưu"),
    "permanent_address": QT_TRANSLATE_NOOP("members_ui", "Nơi thường trú"),
    "temporary_address": QT_TRANSLATE_NOOP("members_ui", "Nơi tạm trú"),
    "phone": QT_TRANSLATE_NOOP("members_ui", "Điện thoại"),
    "notes": QT_TRANSLATE_NOOP("members_ui", "Ghi chú"),
    "photo": QT_TRANSLATE_NOOP("members_ui", "Ảnh"),
    "status": QT_TRANSLATE_NOOP("members_ui", "Trạng thái"),
    "cell_id": QT_TRANSLATE_NOOP("members_ui", "Chi bộ"),
    "admission_date": QT_TRANSLATE_NOOP("members_ui", "Ngày vào Đảng"),
    "admission_decision_date": QT_TRANSLATE_NOOP("members_ui", "Ngày quyết định kết nạp"),
    "official_date": QT_TRANSLATE_NOOP("members_ui", "Ngày chính thức"),
    "end_date": QT_TRANSLATE_NOOP("members_ui", "Ngày ra khỏi danh sách"),
    "counted": QT_TRANSLATE_NOOP("members_ui", "Tính vào đảng bộ"),
}
ARMY_SERVICE = {
    "": QT_TRANSLATE_NOOP("members_ui", "Không"),
    "army": QT_TRANSLATE_NOOP("members_ui", "Quân đội"),
    "police": QT_TRANSLATE_NOOP("members_ui", "Công an"),
    "retired": QT_TRANSLATE_NOOP("members_ui", "Nghỉ hưu"),
}
# Bookkeeping columns not worth showing to a clerk in "who changed what".
TECHNICAL_FIELDS = frozenset(
    {"id", "revision", "created_at", "updated_at", "sort_key", "search_key", "owner_unit_id", "deleted"}
)
DATE_FIELDS = ("date_of_birth", "card_issue_date", "youth_union_date")


def actor_label(login: str) -> str:
    """Who made a change, as the history shows it: the program's own jobs (demo, import of old
    data, migrations) are "Chương trình (tự động)", not the raw account name "system"."""
    if login == SYSTEM_ACTOR.login:
        return translate("members_ui", "Chương trình (tự động)")
    return login


def field_label(name: str) -> str:
    return translate("members_ui", FIELD_LABELS.get(name, name))


def ask_void_reason(parent: QWidget | None, event: str) -> str | None:
    """The reason for voiding an event, or None when the clerk cancels (tests replace it)."""
    text, ok = QInputDialog.getText(
        parent,
        translate("members_ui", "Hủy sự kiện nhập nhầm"),
        translate(
            "members_ui",
            "Hủy sự kiện “{event}”. Sự kiện không bị xóa hẳn: lịch sử ghi lại việc hủy và lý do, "
            "cấp trên nhận được như mọi thay đổi.\nLý do hủy:",
        ).format(event=event),
    )
    return text if ok else None


def choose_image(parent: QWidget | None) -> str:
    """The file dialog for a photo (tests replace it)."""
    path = open_path(
        parent,
        "photo",
        translate("members_ui", "Chọn ảnh 3×4"),
        translate("members_ui", "Ảnh (*.jpg *.jpeg *.png *.bmp)"),
    )
    return "" if path is None else str(path)


DUPLICATE_OPEN = "open"
DUPLICATE_SAVE = "save"


def duplicate_text(duplicates: list[ms.Duplicate]) -> str:
    """What the clerk reads before choosing: the existing records, named with cell and birth date."""
    lines: list[str] = []
    for dup in duplicates:
        where = dup.cell_name or translate("members_ui", "không thuộc chi bộ nào")
        line = f"• {dup.name}, {translate('members_ui', 'sinh {d}').format(d=format_date(dup.date_of_birth))}"
        lines.append(f"{line}, {where}")
    if duplicates[0].kind == "cccd":
        head = translate(
            "members_ui",
            "Số CCCD này đã có trong hồ sơ đảng viên dưới đây. Không thể lưu hai hồ sơ cùng một số CCCD.",
        )
    else:
        head = translate(
            "members_ui",
            "Đã có đảng viên trùng ngày sinh và họ tên gần giống. Có thể đây là cùng một người:",
        )
    return head + "\n" + "\n".join(lines)


def ask_duplicate_choice(parent: QWidget | None, duplicates: list[ms.Duplicate]) -> str:
    """DUPLICATE_OPEN, DUPLICATE_SAVE (only when no CCCD clashes) or "" to cancel (tests replace it)."""
    options = [(DUPLICATE_OPEN, translate("members_ui", "Mở hồ sơ đã có"))]
    if all(dup.kind == "name" for dup in duplicates):
        options.append((DUPLICATE_SAVE, translate("members_ui", "Vẫn lưu hồ sơ này")))
    return choose(parent, translate("members_ui", "Có thể trùng hồ sơ"), duplicate_text(duplicates), options)


def photo_bytes(path: Path) -> bytes:
    """The image scaled into the 3×4 box and saved as JPEG under 2 MB; ValidationError otherwise."""
    image = QImage(str(path))
    if image.isNull():
        raise ValidationError(
            "photo",
            translate("members_ui", "Không đọc được ảnh {name}. Hãy chọn tệp JPG hoặc PNG.").format(
                name=path.name
            ),
        )
    if image.width() > PHOTO_BOX[0] or image.height() > PHOTO_BOX[1]:
        image = image.scaled(
            PHOTO_BOX[0],
            PHOTO_BOX[1],
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    for quality in (90, 75, 60, 40):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "JPEG", quality)  # type: ignore[call-overload]
        buffer.close()
        if data.size() <= PHOTO_MAX_BYTES:
            return bytes(data.data())
    raise ValidationError(
        "photo", translate("members_ui", "Ảnh quá lớn (tối đa 2 MB). Hãy chọn ảnh nhỏ hơn.")
    )


def _combo(items: dict[str, str], context: str, current: str) -> QComboBox:
    combo = QComboBox()
    for key, text in items.items():
        combo.addItem(translate(context, text), key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _editable(values: tuple[str, ...], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(values))
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setCurrentText(current)
    return combo


def _ethnicity_picker() -> QComboBox:
    """The 54 groups and foreign nationality; typing completes from any part of a name, and on
    leaving the field what was typed ("Thai", "H'Mông", "Dao Đỏ") becomes the official name."""
    combo = _editable(ETHNICITY_CHOICES, "Kinh")
    combo.setObjectName("ethnicity")
    completer = QCompleter(list(ETHNICITY_CHOICES), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)

    def settle() -> None:
        official = normalise_ethnicity(combo.currentText())
        if official is not None and official != combo.currentText():
            combo.setCurrentText(official)

    line = combo.lineEdit()
    assert line is not None
    line.editingFinished.connect(settle)
    return combo


class ProfileForm(QTabWidget):
    """The identity and profile fields in four tabs, with the photo beside the first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self.edits: dict[str, QLineEdit] = {}
        self.dates: dict[str, DateEdit] = {}
        self.photo_data: bytes | None = None
        self.photo_changed = False
        self.sex = _combo({"M": "Nam", "F": "Nữ"}, "members_ui", "M")
        self.ethnicity = _ethnicity_picker()
        self.religion = _editable(RELIGIONS, "Không")
        self.theory = _combo(ms.THEORY_LEVELS, "membership", "")
        self.occupation = _combo(ms.OCCUPATIONS, "membership", "other")
        self.army = _combo(ARMY_SERVICE, "members_ui", "")
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.photo = QLabel()
        self.photo.setFixedSize(150, 200)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #999; background: #f4f4f4;")
        self.photo_button = QPushButton(translate("members_ui", "Chọn ảnh…"))
        self.photo_button.setAutoDefault(False)
        self.photo_button.clicked.connect(lambda _c=False: self.pick_photo())
        self.photo_remove = QPushButton(translate("members_ui", "Bỏ ảnh"))
        self.photo_remove.setAutoDefault(False)
        self.photo_remove.clicked.connect(lambda _c=False: self.set_photo(None, changed=True))
        self.set_photo(None)

        identity = self._tab(translate("members_ui", "Sơ yếu"))
        self._line(identity, "family_name")
        self._line(identity, "middle_name")
        self._line(identity, "given_name")
        self.errors.add_row(identity, field_label("sex") + ":", "sex", self.sex)
        self._date(identity, "date_of_birth")
        self.errors.add_row(identity, field_label("ethnicity") + ":", "ethnicity", self.ethnicity)
        self.errors.add_row(identity, field_label("religion") + ":", "religion", self.religion)
        self._line(identity, "cccd", "12 chữ số")
        self._line(identity, "birth_name")
        self._line(identity, "aliases")
        self._line(identity, "place_of_birth")
        self._line(identity, "home_town")
        self._line(identity, "home_town_current")
        self._line(identity, "life_history_no", "6 chữ số và 1–3 chữ cái")

        education = self._tab(translate("members_ui", "Trình độ"))
        self._line(education, "general_education", "ví dụ 12/12")
        self._line(education, "professional_qualification")
        self._line(education, "academic_degree")
        self.errors.add_row(education, field_label("political_theory") + ":", "political_theory", self.theory)
        self._line(education, "state_management")
        self._line(education, "foreign_language")
        self._line(education, "it_level")
        self._line(education, "minority_language")

        work = self._tab(translate("members_ui", "Công tác"))
        self.errors.add_row(work, field_label("occupation") + ":", "occupation", self.occupation)
        self._line(work, "position")
        self._line(work, "party_card_no", "8 chữ số")
        self._date(work, "card_issue_date")
        self._line(work, "card_type")
        self._date(work, "youth_union_date")
        self.errors.add_row(work, field_label("army_service") + ":", "army_service", self.army)

        contact = self._tab(translate("members_ui", "Liên hệ"))
        self._line(contact, "permanent_address")
        self._line(contact, "temporary_address")
        self._line(contact, "phone")
        self.errors.add_row(contact, field_label("notes") + ":", "notes", self.notes)

        # The photo sits beside the identity fields.
        first = self.widget(0)
        layout = first.layout() if first is not None else None
        assert isinstance(layout, QHBoxLayout)
        side = QVBoxLayout()
        side.addWidget(self.photo)
        side.addWidget(self.errors.wrap("photo", self.photo_button))
        side.addWidget(self.photo_remove)
        side.addStretch(1)
        layout.addLayout(side)

    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        outer = QHBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form, 1)
        self.addTab(page, title)
        return form

    def _line(self, form: QFormLayout, name: str, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(translate("members_ui", placeholder))
        self.edits[name] = edit
        self.errors.add_row(form, field_label(name) + ":", name, edit)

    def _date(self, form: QFormLayout, name: str) -> None:
        edit = DateEdit()
        edit.setObjectName(name)
        self.dates[name] = edit
        self.errors.add_row(form, field_label(name) + ":", name, edit)

    # -- values

    def set_profile(self, profile: ms.Profile) -> None:
        for name, edit in self.edits.items():
            value = getattr(profile, name)
            edit.setText("" if value is None else str(value))
        for name, date_edit in self.dates.items():
            date_edit.set_date(getattr(profile, name))
        self.sex.setCurrentIndex(max(0, self.sex.findData(profile.sex)))
        self.ethnicity.setCurrentText(profile.ethnicity)
        self.religion.setCurrentText(profile.religion)
        self.theory.setCurrentIndex(max(0, self.theory.findData(profile.political_theory)))
        self.occupation.setCurrentIndex(max(0, self.occupation.findData(profile.occupation)))
        army = self.army.findData(profile.army_service)
        if army < 0 and profile.army_service:
            self.army.addItem(profile.army_service, profile.army_service)
            army = self.army.count() - 1
        self.army.setCurrentIndex(max(0, army))
        self.notes.setPlainText(profile.notes)

    def profile(self) -> ms.Profile:
        """The typed profile; raises ValidationError with every unreadable field at once."""
        errors: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for name, edit in self.dates.items():
            dates[name] = collect(errors, name, lambda e=edit, n=name: e.date(n))  # type: ignore[misc]
        if dates["date_of_birth"] is None and "date_of_birth" not in errors:
            errors["date_of_birth"] = translate("members_ui", "Hãy nhập ngày sinh, ví dụ 12/04/1985.")
        ethnicity = normalise_ethnicity(self.ethnicity.currentText())
        if ethnicity is None:
            errors["ethnicity"] = translate(
                "members_ui", "“{value}” không có trong danh mục 54 dân tộc. Hãy chọn trong danh sách."
            ).format(value=self.ethnicity.currentText())
        if errors:
            raise ValidationError.many(errors)
        born = dates["date_of_birth"]
        assert born is not None
        text = {name: edit.text() for name, edit in self.edits.items()}
        return ms.Profile(
            family_name=text["family_name"],
            middle_name=text["middle_name"],
            given_name=text["given_name"],
            sex=str(self.sex.currentData()),
            date_of_birth=born,
            birth_name=text["birth_name"],
            aliases=text["aliases"],
            place_of_birth=text["place_of_birth"],
            home_town=text["home_town"],
            home_town_current=text["home_town_current"],
            permanent_address=text["permanent_address"],
            temporary_address=text["temporary_address"],
            ethnicity=ethnicity or "",
            religion=self.religion.currentText(),
            cccd=text["cccd"] or None,
            party_card_no=text["party_card_no"] or None,
            card_issue_date=dates["card_issue_date"],
            card_type=text["card_type"],
            life_history_no=text["life_history_no"] or None,
            phone=text["phone"],
            general_education=text["general_education"],
            professional_qualification=text["professional_qualification"],
            academic_degree=text["academic_degree"],
            political_theory=str(self.theory.currentData()),
            state_management=text["state_management"],
            foreign_language=text["foreign_language"],
            it_level=text["it_level"],
            minority_language=text["minority_language"],
            occupation=str(self.occupation.currentData()),
            position=text["position"],
            youth_union_date=dates["youth_union_date"],
            army_service=str(self.army.currentData()),
            notes=self.notes.toPlainText(),
        )

    # -- photo

    def set_photo(self, data: bytes | None, *, changed: bool = False) -> None:
        self.photo_data = data
        self.photo_changed = self.photo_changed or changed
        self.photo_remove.setEnabled(data is not None)
        if data is None:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(translate("members_ui", "Chưa có ảnh\n3×4"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.photo.setPixmap(
            pixmap.scaled(
                self.photo.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def pick_photo(self) -> None:
        path = choose_image(self)
        if not path:
            return
        self.errors.clear()
        try:
            self.set_photo(photo_bytes(Path(path)), changed=True)
        except ValidationError as exc:
            self.errors.show(exc.errors)


# ---------------------------------------------------------------- admission and transfer-in fields


def cell_combo(ctx: AppContext, current: str | None = None) -> QComboBox:
    combo = QComboBox()
    with read_session(ctx.db, ctx.actor) as session:
        cells = org.list_cells(session, include_closed=False)
    combo.addItem(translate("members_ui", "— Chọn chi bộ —"), None)
    for cell in cells:
        combo.addItem(cell.name, cell.id)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class EntryForm(QWidget):
    """How the member enters the register: a direct admission or a transfer in."""

    def __init__(self, ctx: AppContext, mode: str, errors: FieldErrors, cell_id: str | None) -> None:
        super().__init__()
        self.mode = mode
        self.errors = errors
        form = QFormLayout(self)
        self.cell = cell_combo(ctx, cell_id)
        errors.add_row(form, translate("members_ui", "Chi bộ:"), "cell_id", self.cell)
        self.dates: dict[str, DateEdit] = {}
        self.lines: dict[str, QLineEdit] = {}

        def add_date(name: str, label: str) -> None:
            self.dates[name] = DateEdit()
            self.dates[name].setObjectName(name)
            errors.add_row(form, translate("members_ui", label), name, self.dates[name])

        def add_line(name: str, label: str, placeholder: str = "") -> None:
            self.lines[name] = QLineEdit()
            self.lines[name].setObjectName(name)
            if placeholder:
                self.lines[name].setPlaceholderText(translate("members_ui", placeholder))
            errors.add_row(form, translate("members_ui", label), name, self.lines[name])

        if mode == "admit":
            add_date("consideration_date", QT_TRANSLATE_NOOP("members_ui", "Ngày chi bộ xét:"))
            add_date("decision_date", QT_TRANSLATE_NOOP("members_ui", "Ngày quyết định kết nạp:"))
            add_line(
                "decision_no",
                QT_TRANSLATE_NOOP("members_ui", "Số quyết định:"),
                QT_TRANSLATE_NOOP("members_ui", "ví dụ 125-QĐ/ĐU"),
            )
            add_line("issuing_body", QT_TRANSLATE_NOOP("members_ui", "Cơ quan ra quyết định:"))
            add_date("ceremony_date", QT_TRANSLATE_NOOP("members_ui", "Ngày vào Đảng (lễ kết nạp):"))
            add_line("introducer_1", QT_TRANSLATE_NOOP("members_ui", "Người giới thiệu thứ nhất:"))
            add_line("introducer_2", QT_TRANSLATE_NOOP("members_ui", "Người giới thiệu thứ hai:"))
            add_line("over_age_note", QT_TRANSLATE_NOOP("members_ui", "Văn bản đồng ý (nếu quá tuổi):"))
        else:
            add_date("event_date", QT_TRANSLATE_NOOP("members_ui", "Ngày chuyển đến:"))
            add_line("other_organisation", QT_TRANSLATE_NOOP("members_ui", "Chuyển từ tổ chức đảng:"))
            add_line("letter_no", QT_TRANSLATE_NOOP("members_ui", "Số giấy giới thiệu:"))
            self.temporary = QCheckBox(translate("members_ui", "Sinh hoạt tạm thời (không tính vào đảng bộ)"))
            errors.add_row(form, "", "temporary", self.temporary)
            add_line(
                "dues_paid_through",
                QT_TRANSLATE_NOOP("members_ui", "Đã nộp đảng phí đến tháng:"),
                QT_TRANSLATE_NOOP("members_ui", "tháng/năm, ví dụ 03/2026"),
            )
            self.membership = _combo(
                {
                    "official": QT_TRANSLATE_NOOP("members_ui", "Đảng viên chính thức"),
                    "probationary": QT_TRANSLATE_NOOP("members_ui", "Đảng viên dự bị"),
                },
                "members_ui",
                "official",
            )
            errors.add_row(form, translate("members_ui", "Khi chuyển đến là:"), "membership", self.membership)
            add_date("admission_decision_date", QT_TRANSLATE_NOOP("members_ui", "Ngày quyết định kết nạp:"))
            add_date("admission_date", QT_TRANSLATE_NOOP("members_ui", "Ngày vào Đảng:"))
            add_date("official_date", QT_TRANSLATE_NOOP("members_ui", "Ngày chính thức:"))

    def read_dates(self, errors: dict[str, str]) -> dict[str, date | None]:
        return {
            name: collect(errors, name, lambda e=edit, n=name: e.date(n))  # type: ignore[misc]
            for name, edit in self.dates.items()
        }

    def cell_id(self, errors: dict[str, str]) -> str:
        value = self.cell.currentData()
        if not isinstance(value, str):
            errors["cell_id"] = translate("members_ui", "Hãy chọn chi bộ.")
            return ""
        return value

    def admit(self, profile: ms.Profile) -> ms.Admit:
        errors: dict[str, str] = {}
        cell_id = self.cell_id(errors)
        dates = self.read_dates(errors)
        for name in ("consideration_date", "decision_date", "ceremony_date"):
            if dates[name] is None and name not in errors:
                errors[name] = translate("members_ui", "Hãy nhập ngày, ví dụ 03/02/2026.")
        if errors:
            raise ValidationError.many(errors)
        consideration, decision, ceremony = (
            dates["consideration_date"],
            dates["decision_date"],
            dates["ceremony_date"],
        )
        assert consideration is not None
        assert decision is not None
        assert ceremony is not None
        return ms.Admit(
            profile=profile,
            cell_id=cell_id,
            consideration_date=consideration,
            decision_date=decision,
            decision_no=self.lines["decision_no"].text(),
            ceremony_date=ceremony,
            introducers=(self.lines["introducer_1"].text(), self.lines["introducer_2"].text()),
            issuing_body=self.lines["issuing_body"].text(),
            over_age_note=self.lines["over_age_note"].text(),
        )

    def transfer_in(self, profile: ms.Profile) -> ms.TransferIn:
        errors: dict[str, str] = {}
        cell_id = self.cell_id(errors)
        dates = self.read_dates(errors)
        if dates["event_date"] is None and "event_date" not in errors:
            errors["event_date"] = translate("members_ui", "Hãy nhập ngày, ví dụ 03/02/2026.")
        dues = collect(
            errors, "dues_paid_through", lambda: parse_month(self.lines["dues_paid_through"].text())
        )
        if errors:
            raise ValidationError.many(errors)
        event_date = dates["event_date"]
        assert event_date is not None
        return ms.TransferIn(
            profile=profile,
            cell_id=cell_id,
            event_date=event_date,
            other_organisation=self.lines["other_organisation"].text(),
            letter_no=self.lines["letter_no"].text(),
            temporary=self.temporary.isChecked(),
            dues_paid_through=dues or "",
            membership=str(self.membership.currentData()),
            admission_decision_date=dates["admission_decision_date"],
            admission_date=dates["admission_date"],
            official_date=dates["official_date"],
        )


# ---------------------------------------------------------------- the dialog


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def event_details(ev: ms.EventView) -> str:
    parts: list[str] = []
    if ev.other_organisation:
        parts.append(ev.other_organisation)
    if ev.temporary:
        parts.append(translate("members_ui", "tạm thời"))
    if ev.letter_no:
        parts.append(translate("members_ui", "giấy giới thiệu số {n}").format(n=ev.letter_no))
    if ev.dues_paid_through:
        year, month = ev.dues_paid_through.split("-")
        parts.append(translate("members_ui", "đảng phí đến {m}/{y}").format(m=month, y=year))
    if ev.detail.get("years"):
        parts.append(translate("members_ui", "huy hiệu {n} năm").format(n=ev.detail["years"]))
    if ev.detail.get("card_no"):
        parts.append(translate("members_ui", "số thẻ {n}").format(n=ev.detail["card_no"]))
    if ev.detail.get("until"):
        parts.append(
            translate("members_ui", "dự kiến đến {d}").format(
                d=format_date(date.fromisoformat(ev.detail["until"]))
            )
        )
    introducers = [n for n in ev.detail.get("introducers", []) if n]
    if introducers:
        parts.append(translate("members_ui", "giới thiệu: {names}").format(names=", ".join(introducers)))
    parts += [p for p in (ev.reason, ev.note) if p]
    return "; ".join(parts)


class MemberProfileDialog(QDialog):
    """`mode` is "edit" (an existing member), "admit" or "transfer_in" (a new member)."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: str | None,
        parent: QWidget | None = None,
        *,
        mode: str = "edit",
        cell_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.member_id = member_id
        self.changed = False
        self.detail: ms.MemberDetail | None = None
        self._acknowledged: list[str] = []
        self.opened_duplicate: str | None = None
        fit_to_screen(self, 1000, 700)
        self.form = ProfileForm()
        self.errors = self.form.errors
        self.entry: EntryForm | None = None
        if mode in ("admit", "transfer_in"):
            self.entry = EntryForm(ctx, mode, self.errors, cell_id)
            self.form.addTab(
                self.entry,
                translate("members_ui", "Kết nạp")
                if mode == "admit"
                else translate("members_ui", "Chuyển đến"),
            )
            self.setWindowTitle(
                translate("members_ui", "Kết nạp đảng viên")
                if mode == "admit"
                else translate("members_ui", "Tiếp nhận đảng viên chuyển đến")
            )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.history = _table(
            [
                translate("members_ui", "Ngày"),
                translate("members_ui", "Sự kiện"),
                translate("members_ui", "Quyết định"),
                translate("members_ui", "Nội dung"),
            ]
        )
        self.audit = _table(
            [
                translate("members_ui", "Thời điểm"),
                translate("members_ui", "Người thực hiện"),
                translate("members_ui", "Việc"),
                translate("members_ui", "Thông tin đã đổi"),
            ]
        )
        if mode == "edit":
            history_tab = QWidget()
            box = QVBoxLayout(history_tab)
            box.addWidget(self.summary)
            box.addWidget(self.history, 3)
            self.void_button = QPushButton(translate("members_ui", "Hủy sự kiện nhập nhầm…"))
            self.void_button.setAutoDefault(False)
            self.void_button.clicked.connect(lambda _c=False: self.void_selected())
            box.addWidget(self.void_button, 0, Qt.AlignmentFlag.AlignLeft)
            box.addWidget(QLabel(translate("members_ui", "Ai đã thay đổi hồ sơ, khi nào:")))
            box.addWidget(self.audit, 2)
            self.form.addTab(history_tab, translate("members_ui", "Lịch sử"))
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.hide()
        self.acknowledge = QCheckBox(translate("members_ui", "Tôi đã kiểm tra các cảnh báo trên, vẫn lưu."))
        self.acknowledge.hide()
        self.refusal = QLabel()
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.refusal.hide()
        self.save_button = QPushButton(translate("members_ui", "Lưu"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda _c=False: self.save())
        close_button = QPushButton(translate("members_ui", "Đóng"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        self.actions_button = QPushButton(translate("members_ui", "Thao tác…"))
        self.actions_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        if mode == "edit":
            buttons.addWidget(self.actions_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.warnings)
        layout.addWidget(self.acknowledge)
        layout.addWidget(self.refusal)
        layout.addLayout(buttons)
        if mode == "edit":
            self.load()

    # -- loading

    def load(self) -> None:
        assert self.member_id is not None
        with read_session(self.ctx.db, self.ctx.actor) as session:
            detail = ms.get_member(session, self.member_id)
            events = ms.history(session, self.member_id)
            voided = ms.voided_events(session, self.member_id)
            due = ms.probation_due(session, self.member_id)
            audit_lines = member_audit(session, self.member_id)
            photo = member_photo(session, self.member_id) if detail.has_photo else None
        self.detail = detail
        self.setWindowTitle(translate("members_ui", "Hồ sơ đảng viên: {name}").format(name=detail.name))
        self.form.set_profile(detail.profile)
        self.form.photo_changed = False
        self.form.set_photo(photo)
        self._build_actions_menu(detail.status)
        facts = [
            translate("members_ui", "Trạng thái: {s}").format(s=status_label(detail.status)),
            translate("members_ui", "Chi bộ: {c}").format(c=detail.cell_name or "—"),
            translate("members_ui", "Ngày vào Đảng: {d}").format(d=format_date(detail.admission_date) or "—"),
            translate("members_ui", "Ngày chính thức: {d}").format(
                d=format_date(detail.official_date) or "—"
            ),
        ]
        if due is not None:
            facts.append(
                translate("members_ui", "Ngày đủ {n} tháng dự bị: {d}").format(
                    n=due.months, d=format_date(due.due)
                )
            )
        if not detail.counted and detail.status not in ms.ENDED:
            facts.append(translate("members_ui", "Sinh hoạt tạm thời, không tính vào đảng bộ"))
        self.summary.setText(" · ".join(facts))
        self.history.setRowCount(0)
        self._history_events: list[ms.EventView | None] = []
        for ev in reversed(events):
            self._history_events.append(ev)
            self._add_row(
                self.history,
                [
                    format_date(ev.event_date),
                    ev.label,
                    " ".join(p for p in (ev.decision_no, format_date(ev.decision_date)) if p),
                    event_details(ev),
                ],
            )
        for ev in reversed(voided):
            self._history_events.append(None)
            self._add_row(
                self.history,
                [
                    format_date(ev.event_date),
                    translate("members_ui", "Đã hủy: {event}").format(event=ev.label),
                    " ".join(p for p in (ev.decision_no, format_date(ev.decision_date)) if p),
                    translate("members_ui", "Lý do hủy: {reason}").format(
                        reason=str(ev.detail.get("voided", {}).get("reason", ""))
                    ),
                ],
            )
        self.audit.setRowCount(0)
        for line in audit_lines:
            try:
                names = json.loads(line.fields) if line.fields else []
            except ValueError:
                names = []
            shown = [field_label(n) for n in names if isinstance(n, str) and n not in TECHNICAL_FIELDS]
            self._add_row(
                self.audit,
                [
                    line.at.astimezone().strftime("%d/%m/%Y %H:%M"),
                    actor_label(line.actor),
                    audit_action_label(line.action),
                    ", ".join(shown),
                ],
            )
        for table in (self.history, self.audit):
            table.resizeColumnsToContents()

    @staticmethod
    def _add_row(table: QTableWidget, values: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(row, column, item)

    def void_selected(self) -> bool:
        """Void the event chosen in the history after asking the reason; True when it was voided."""
        assert self.member_id is not None
        self._show_refusal("")
        row = self.history.currentRow()
        event = self._history_events[row] if 0 <= row < len(self._history_events) else None
        if event is None:
            self._show_refusal(translate("members_ui", "Hãy chọn một sự kiện (chưa hủy) trong lịch sử."))
            return False
        reason = ask_void_reason(self, event.label)
        if reason is None:
            return False
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                ms.void_event(session, event.id, reason)
        except DomainError as exc:
            self._show_refusal(exc.text())
            return False
        self.changed = True
        self.load()
        return True

    def _build_actions_menu(self, status: str) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.actions_button)
        for key in actions_for(status):
            action = menu.addAction(translate("members_ui", ACTIONS[key].title))
            action.triggered.connect(lambda _c=False, k=key: self.run_action(k))
        self.actions_button.setMenu(menu)

    def run_action(self, key: str) -> bool:
        assert self.member_id is not None
        if ActionDialog.ask(self.ctx, key, [self.member_id], self) is None:
            return False
        self.changed = True
        self.load()
        return True

    # -- saving

    def _show_refusal(self, text: str) -> None:
        self.refusal.setText(text)
        self.refusal.setVisible(bool(text))

    def _show_warnings(self, warnings: list[str]) -> None:
        self.warnings.setText(
            translate("members_ui", "Cần kiểm tra trước khi lưu:")
            + "\n"
            + "\n".join(f"• {w}" for w in warnings)
        )
        self.warnings.show()
        self.acknowledge.setChecked(False)
        self.acknowledge.show()
        self._acknowledged = warnings

    def _validate(self, profile: ms.Profile, *, name_warnings: bool) -> list[str]:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            return ms.validate_profile(
                session, profile, exclude_id=self.member_id, name_warnings=name_warnings
            )

    def _duplicates(self, profile: ms.Profile) -> list[ms.Duplicate]:
        with read_session(self.ctx.db, self.ctx.actor) as session:
            return ms.find_duplicates(session, profile, exclude_id=self.member_id)

    def _resolve_duplicates(self, profile: ms.Profile) -> bool:
        """True to go on saving. On a possible duplicate the clerk chooses: open the existing record
        (over this form, which keeps what was typed), save anyway (same name and birth date only; a
        repeated CCCD is refused by the service whatever is chosen), or cancel."""
        duplicates = self._duplicates(profile)
        if not duplicates:
            return True
        choice = ask_duplicate_choice(self, duplicates)
        if choice == DUPLICATE_OPEN:
            self.opened_duplicate = duplicates[0].member_id
            MemberProfileDialog.ask(self.ctx, duplicates[0].member_id, self)
            return False
        if choice == DUPLICATE_SAVE and all(dup.kind == "name" for dup in duplicates):
            return True
        self._show_refusal(duplicate_text(duplicates))
        return False

    def save(self) -> bool:
        """Save; a possible duplicate asks for a choice first, then warnings must be acknowledged
        (the box under them)."""
        self.errors.clear()
        self._show_refusal("")
        try:
            profile = self.form.profile()
            if not self._resolve_duplicates(profile):
                return False
            warnings = self._validate(profile, name_warnings=False)
            if warnings and not (warnings == self._acknowledged and self.acknowledge.isChecked()):
                self._show_warnings(warnings)
                return False
            self._write(profile)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            self._focus_error_tab(exc.errors)
            self._show_refusal("\n".join(unplaced))
            return False
        except DomainError as exc:
            self._show_refusal(exc.text())
            return False
        self.changed = True
        self.accept()
        return True

    def _focus_error_tab(self, errors: dict[str, str]) -> None:
        for index in range(self.form.count()):
            page = self.form.widget(index)
            if page is None:
                continue
            for name in errors:
                widget = page.findChild(QWidget, name) if name else None
                if widget is not None or (name == "cell_id" and page is self.entry):
                    self.form.setCurrentIndex(index)
                    return

    def _write(self, profile: ms.Profile) -> None:
        photo_changed, photo = self.form.photo_changed, self.form.photo_data
        with unit_of_work(self.ctx.db, self.ctx.actor) as session:
            if self.mode == "edit":
                assert self.member_id is not None
                assert self.detail is not None
                ms.update_profile(session, self.member_id, profile, self.detail.revision)
            elif self.mode == "admit":
                assert self.entry is not None
                self.member_id = ms.admit(session, self.entry.admit(profile)).member_id
            else:
                assert self.entry is not None
                self.member_id = ms.transfer_in(session, self.entry.transfer_in(profile)).member_id
            if photo_changed:
                ms.set_photo(session, self.member_id, photo)

    @classmethod
    def ask(
        cls,
        ctx: AppContext,
        member_id: str | None,
        parent: QWidget | None = None,
        *,
        mode: str = "edit",
        cell_id: str | None = None,
    ) -> str | None:
        """The member's id when something was saved or an action was recorded, else None."""
        dialog = cls(ctx, member_id, parent, mode=mode, cell_id=cell_id)
        dialog.exec()
        return dialog.member_id if dialog.changed else None
