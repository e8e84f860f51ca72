"""Lifecycle actions on one or several members (DOMAIN.md §3.2, §3.11): each dialog shows what the
rules say about the chosen members (e.g. "Ngày đủ 12 tháng dự bị: 05/03/2026", the months as in force), writes every member
in one transaction (all or nothing), and shows a refusal inside the dialog, which stays open."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.dates import format_date, today
from models.db import read_session, unit_of_work
from models.errors import DomainError, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.services import membership as ms
from models.services import organisation as org
from ui.context import AppContext
from ui.i18n import translate
from ui.members_model import status_label
from ui.widgets import ERROR_STYLE, DateEdit, FieldErrors, collect

ACTIVE = ("probationary", "official", "exempted", "away")
ENDED_RESTORABLE = ("struck_off", "left", "expelled")
_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")

Values = dict[str, Any]


def parse_month(text: str) -> str:
    """ "3/2026" → "2026-03"; "" stays ""; ValidationError otherwise."""
    if not text.strip():
        return ""
    m = _MONTH.match(text)
    if not m or not 1 <= int(m.group(1)) <= 12:
        raise ValidationError(
            "dues_paid_through",
            translate("members_ui", "Hãy ghi tháng/năm, ví dụ 03/2026."),
        )
    return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"


def _event(member_id: str, v: Values) -> ms.EventInput:
    return ms.EventInput(
        member_id,
        v["event_date"] or today(),
        decision_no=v.get("decision_no", ""),
        decision_date=v.get("decision_date"),
        issuing_body=v.get("issuing_body", ""),
        reason=v.get("reason", ""),
        note=v.get("note", ""),
        other_organisation=v.get("other_organisation", ""),
        letter_no=v.get("letter_no", ""),
        temporary=bool(v.get("temporary", False)),
        dues_paid_through=v.get("dues_paid_through", ""),
        cell_id=v.get("cell_id"),
        until=v.get("until"),
    )


def _recognise(session: Any, member_id: str, v: Values) -> None:
    decision = v["decision_date"] or v["event_date"]
    ms.recognise_official(
        session, _event(member_id, {**v, "event_date": decision, "decision_date": decision})
    )


def _readmit(session: Any, member_id: str, v: Values) -> None:
    detail = ms.get_member(session, member_id)
    ms.readmit(
        session,
        member_id,
        ms.Admit(
            profile=detail.profile,
            cell_id=v["cell_id"] or "",
            consideration_date=v["consideration_date"] or v["event_date"],
            decision_date=v["decision_date"] or v["event_date"],
            decision_no=v["decision_no"],
            ceremony_date=v["event_date"],
            issuing_body=v["issuing_body"],
            over_age_note=v["note"],
        ),
    )


def _card(session: Any, member_id: str, v: Values) -> None:
    ms.issue_card(session, _event(member_id, v), v["party_card_no"], v["card_type"])


def _badge(session: Any, member_id: str, v: Values) -> None:
    ms.award_badge(session, _event(member_id, v), int(v["years"]))


def _simple(fn: Callable[[Any, ms.EventInput], object]) -> Callable[[Any, str, Values], None]:
    def run(session: Any, member_id: str, v: Values) -> None:
        fn(session, _event(member_id, v))

    return run


@dataclass(frozen=True)
class ActionSpec:
    title: str  # source text (translated in "members_ui")
    fields: tuple[str, ...]
    run: Callable[[Any, str, Values], None]
    statuses: tuple[str, ...]
    multi: bool = False
    date_label: str = QT_TRANSLATE_NOOP("members_ui", "Ngày:")
    required: tuple[str, ...] = ("event_date",)


DECISION = ("decision_no", "decision_date", "issuing_body")
ACTIONS: dict[str, ActionSpec] = {
    "recognise": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Công nhận đảng viên chính thức…"),
        ("decision_date", "decision_no", "issuing_body", "note"),
        _recognise,
        ("probationary",),
        multi=True,
        required=("decision_date",),
    ),
    "transfer_out": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Chuyển sinh hoạt đi…"),
        ("event_date", "other_organisation", "temporary", "letter_no", "dues_paid_through", "note"),
        _simple(ms.transfer_out),
        ACTIVE,
        multi=True,
        date_label=QT_TRANSLATE_NOOP("members_ui", "Ngày chuyển đi:"),
    ),
    "end_temp_transfer": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Kết thúc sinh hoạt tạm thời…"),
        ("event_date", "letter_no", "note"),
        _simple(ms.end_temporary_transfer),
        ACTIVE,
    ),
    "exemption_start": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Miễn công tác và sinh hoạt…"),
        ("event_date", "until", "reason", *DECISION, "note"),
        _simple(ms.start_exemption),
        ("probationary", "official"),
        multi=True,
        date_label=QT_TRANSLATE_NOOP("members_ui", "Miễn từ ngày:"),
    ),
    "exemption_end": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Thôi miễn sinh hoạt…"),
        ("event_date", *DECISION, "note"),
        _simple(ms.end_exemption),
        ("exempted",),
        multi=True,
    ),
    "away_start": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Đi làm ăn xa…"),
        ("event_date", "until", "reason", "other_organisation", "note"),
        _simple(ms.start_away),
        ("probationary", "official"),
        multi=True,
        date_label=QT_TRANSLATE_NOOP("members_ui", "Đi từ ngày:"),
    ),
    "away_end": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Trở về sinh hoạt…"),
        ("event_date", "note"),
        _simple(ms.end_away),
        ("away",),
        multi=True,
        date_label=QT_TRANSLATE_NOOP("members_ui", "Ngày trở về:"),
    ),
    "move_cell": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Chuyển chi bộ trong đảng bộ…"),
        ("event_date", "cell_id", *DECISION, "note"),
        _simple(ms.move_to_cell),
        ACTIVE,
        multi=True,
        required=("event_date", "cell_id"),
    ),
    "card": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Cấp thẻ đảng viên…"),
        ("event_date", "party_card_no", "card_type", *DECISION),
        _card,
        ACTIVE,
        date_label=QT_TRANSLATE_NOOP("members_ui", "Ngày cấp thẻ:"),
    ),
    "badge": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Trao huy hiệu Đảng…"),
        ("event_date", "years", *DECISION, "note"),
        _badge,
        ACTIVE,
        date_label=QT_TRANSLATE_NOOP("members_ui", "Ngày trao:"),
    ),
    "strike_off": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Xóa tên…"),
        ("event_date", "reason", *DECISION, "note"),
        _simple(ms.strike_off),
        ACTIVE,
        multi=True,
    ),
    "leave": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Xin ra khỏi Đảng…"),
        ("event_date", "reason", *DECISION, "note"),
        _simple(ms.leave_party),
        ACTIVE,
    ),
    "expel": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Khai trừ…"),
        ("event_date", "reason", *DECISION, "note"),
        _simple(ms.expel),
        ACTIVE,
    ),
    "death": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Từ trần…"),
        ("event_date", "note"),
        _simple(ms.record_death),
        ACTIVE,
        date_label=QT_TRANSLATE_NOOP("members_ui", "Ngày từ trần:"),
    ),
    "restore": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Khôi phục đảng tịch…"),
        ("event_date", *DECISION, "note"),
        _simple(ms.restore),
        ENDED_RESTORABLE,
    ),
    "readmit": ActionSpec(
        QT_TRANSLATE_NOOP("members_ui", "Kết nạp lại…"),
        (
            "cell_id",
            "consideration_date",
            "decision_date",
            "decision_no",
            "issuing_body",
            "event_date",
            "note",
        ),
        _readmit,
        ENDED_RESTORABLE,
        date_label=QT_TRANSLATE_NOOP("members_ui", "Ngày vào Đảng (lễ kết nạp lại):"),
        required=("event_date", "cell_id", "consideration_date", "decision_date"),
    ),
}
FIELD_LABELS = {
    "decision_no": QT_TRANSLATE_NOOP("members_ui", "Số quyết định:"),
    "decision_date": QT_TRANSLATE_NOOP("members_ui", "Ngày quyết định:"),
    "issuing_body": QT_TRANSLATE_NOOP("members_ui", "Cơ quan quyết định:"),
    "reason": QT_TRANSLATE_NOOP("members_ui", "Lý do:"),
    "note": QT_TRANSLATE_NOOP("members_ui", "Ghi chú:"),
    "other_organisation": QT_TRANSLATE_NOOP("members_ui", "Tổ chức đảng nơi đến:"),
    "letter_no": QT_TRANSLATE_NOOP("members_ui", "Số giấy giới thiệu:"),
    "temporary": QT_TRANSLATE_NOOP("members_ui", "Hình thức:"),
    "dues_paid_through": QT_TRANSLATE_NOOP("members_ui", "Đã nộp đảng phí đến tháng:"),
    "cell_id": QT_TRANSLATE_NOOP("members_ui", "Chi bộ:"),
    "until": QT_TRANSLATE_NOOP("members_ui", "Dự kiến đến ngày:"),
    "party_card_no": QT_TRANSLATE_NOOP("members_ui", "Số thẻ đảng viên:"),
    "card_type": QT_TRANSLATE_NOOP("members_ui", "Loại thẻ:"),
    "years": QT_TRANSLATE_NOOP("members_ui", "Huy hiệu:"),
    "consideration_date": QT_TRANSLATE_NOOP("members_ui", "Ngày chi bộ xét:"),
}
DATE_FIELDS = ("event_date", "decision_date", "until", "consideration_date")


def actions_for(status: str) -> list[str]:
    return [key for key, spec in ACTIONS.items() if status in spec.statuses]


@dataclass(frozen=True)
class Chosen:
    id: str
    name: str
    status: str
    facts: str


def _facts(session: Any, key: str, member_id: str) -> Chosen:
    detail = ms.get_member(session, member_id)
    lines = [
        translate("members_ui", "Trạng thái: {s}; chi bộ: {c}; vào Đảng: {a}; chính thức: {o}.").format(
            s=status_label(detail.status),
            c=detail.cell_name or "—",
            a=format_date(detail.admission_date) or "—",
            o=format_date(detail.official_date) or "—",
        )
    ]
    if key == "recognise":
        probation = ms.probation_due(session, member_id)
        if probation is not None:
            late = (today() - probation.due).days
            text = translate("members_ui", "Ngày đủ {n} tháng dự bị: {d}").format(
                n=probation.months, d=format_date(probation.due)
            )
            if late > 0:
                text += translate("members_ui", " (đã quá {n} ngày)").format(n=late)
            lines.append(text + ".")
            lines.append(
                translate(
                    "members_ui",
                    "Đảng viên là chính thức từ ngày đủ {n} tháng, kể cả khi quyết định ra sau ngày đó.",
                ).format(n=probation.months)
            )
    elif key == "badge":
        reached = [
            translate("members_ui", "{y} năm: {d}").format(y=years, d=format_date(on))
            for years, on in ms.badge_eligibility(session, member_id)
            if on <= date(today().year + 3, 12, 31)
        ]
        awarded = [
            str(e.detail.get("years")) for e in ms.history(session, member_id) if e.kind == "badge_awarded"
        ]
        if reached:
            lines.append(translate("members_ui", "Đủ tuổi Đảng: {levels}.").format(levels="; ".join(reached)))
        if awarded:
            lines.append(translate("members_ui", "Đã trao huy hiệu: {y} năm.").format(y=", ".join(awarded)))
    elif key in ("exemption_end", "away_end"):
        start_kind = "exemption_start" if key == "exemption_end" else "away_start"
        starts = [e for e in ms.history(session, member_id) if e.kind == start_kind]
        if starts:
            last = starts[-1]
            text = translate("members_ui", "Bắt đầu từ {d}").format(d=format_date(last.event_date))
            if last.detail.get("until"):
                text += translate("members_ui", ", dự kiến đến {d}").format(
                    d=format_date(date.fromisoformat(last.detail["until"]))
                )
            lines.append(text + ".")
    elif key == "expel":
        lines.append(
            translate(
                "members_ui",
                "Chỉ khai trừ đảng viên chính thức; đảng viên dự bị vi phạm thì xóa tên khỏi danh sách.",
            )
        )
    elif key == "transfer_out":
        lines.append(
            translate(
                "members_ui",
                "Chuyển hẳn: đảng viên ra khỏi danh sách của đảng bộ. Chuyển tạm thời: vẫn tính trong đảng bộ.",
            )
        )
    return Chosen(detail.id, detail.name, detail.status, " ".join(lines))


class ActionDialog(QDialog):
    def __init__(
        self, ctx: AppContext, key: str, member_ids: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key = key
        self.spec = ACTIONS[key]
        self.result_value: int | None = None
        self.setWindowTitle(translate("members_ui", self.spec.title).rstrip("…"))
        self.setMinimumWidth(560)
        with read_session(ctx.db, ctx.actor) as session:
            self.chosen = [_facts(session, key, mid) for mid in member_ids]
            cells = org.list_cells(session, include_closed=False)
            eligible = ms.badge_eligibility(session, member_ids[0]) if key == "badge" and member_ids else []
        layout = QVBoxLayout(self)
        self.facts = QLabel()
        self.facts.setObjectName("facts")
        self.facts.setWordWrap(True)
        shown = self.chosen[:8]
        text = "\n".join(f"{c.name}: {c.facts}" for c in shown)
        if len(self.chosen) > len(shown):
            text += "\n" + translate("members_ui", "… và {n} đảng viên khác.").format(
                n=len(self.chosen) - len(shown)
            )
        self.facts.setText(text)
        layout.addWidget(self.facts)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.widgets: dict[str, QWidget] = {}
        for name in self.spec.fields:
            widget: QWidget
            if name in DATE_FIELDS:
                widget = DateEdit(today() if name == "event_date" and key != "readmit" else None)
            elif name == "temporary":
                widget = QCheckBox(translate("members_ui", "Tạm thời (vẫn tính trong đảng bộ)"))
            elif name == "cell_id":
                combo = QComboBox()
                combo.addItem(translate("members_ui", "— Chọn chi bộ —"), None)
                for cell in cells:
                    combo.addItem(cell.name, cell.id)
                widget = combo
            elif name == "years":
                combo = QComboBox()
                reached = [y for y, on in eligible if on <= today()]
                for years, on in eligible:
                    combo.addItem(
                        translate("members_ui", "{y} năm tuổi Đảng (đủ từ {d})").format(
                            y=years, d=format_date(on)
                        ),
                        years,
                    )
                if reached:
                    combo.setCurrentIndex(combo.findData(max(reached)))
                widget = combo
            elif name == "note":
                widget = QPlainTextEdit()
                widget.setMaximumHeight(70)
            else:
                widget = QLineEdit()
                if name == "dues_paid_through":
                    widget.setPlaceholderText(translate("members_ui", "tháng/năm, ví dụ 03/2026"))
            widget.setObjectName(name)
            self.widgets[name] = widget
            label = self.spec.date_label if name == "event_date" else FIELD_LABELS[name]
            self.errors.add_row(form, translate("members_ui", label), name, widget)
        self.refusal = QLabel()
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.refusal.hide()
        layout.addWidget(self.refusal)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            translate("members_ui", "Ghi nhận"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.addButton(translate("members_ui", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def set_value(self, name: str, value: object) -> None:
        """Fill a field the way a user would (tests)."""
        widget = self.widgets[name]
        if isinstance(widget, DateEdit):
            widget.set_date(value if isinstance(value, date) else None)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))

    def values(self) -> Values:
        errors: dict[str, str] = {}
        v: Values = dict.fromkeys(DATE_FIELDS)
        v.update({"decision_no": "", "issuing_body": "", "note": "", "reason": "", "cell_id": None})
        for name, widget in self.widgets.items():
            if isinstance(widget, DateEdit):
                v[name] = collect(errors, name, lambda w=widget, n=name: w.date(n))  # type: ignore[misc]
            elif isinstance(widget, QCheckBox):
                v[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                v[name] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                v[name] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                v[name] = widget.text()
        if "dues_paid_through" in v:
            v["dues_paid_through"] = collect(
                errors, "dues_paid_through", lambda: parse_month(str(v["dues_paid_through"]))
            )
        for name in self.spec.required:
            if v.get(name) in (None, "") and name not in errors:
                errors[name] = (
                    translate("members_ui", "Hãy chọn chi bộ.")
                    if name == "cell_id"
                    else translate("members_ui", "Hãy nhập ngày, ví dụ 03/02/2026.")
                )
        if "years" in self.widgets and v.get("years") is None:
            errors["years"] = translate("members_ui", "Chưa đủ tuổi Đảng để trao huy hiệu.")
        if errors:
            raise ValidationError.many(errors)
        return v

    def save(self) -> None:
        self.errors.clear()
        self.refusal.hide()
        current = ""
        try:
            values = self.values()
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                for chosen in self.chosen:
                    current = chosen.name
                    self.spec.run(session, chosen.id, values)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            if unplaced:
                self._refuse(current, "\n".join(unplaced))
            return
        except DomainError as exc:
            self._refuse(current, exc.text())
            return
        self.result_value = len(self.chosen)
        self.accept()

    def _refuse(self, name: str, text: str) -> None:
        if name and len(self.chosen) > 1:
            text = translate(
                "members_ui", "{name}: {reason}\nKhông ghi nhận cho ai trong số đã chọn."
            ).format(name=name, reason=text)
        self.refusal.setText(text)
        self.refusal.show()

    @classmethod
    def ask(
        cls, ctx: AppContext, key: str, member_ids: list[str], parent: QWidget | None = None
    ) -> int | None:
        """The number of members the action was recorded for, or None when cancelled."""
        if not member_ids:
            return None
        dialog = cls(ctx, key, member_ids, parent)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
