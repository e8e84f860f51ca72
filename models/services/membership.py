"""Members and their lifecycle (DOMAIN.md §3.1–3.2, §3.4, §3.11).

A member's status is never edited: each action appends a dated event and `rederive` folds the whole
history into the member row's cached status, counting flag and key dates. The fold also validates the
sequence, so a history the Party rules do not allow cannot be stored, however the events arrive."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.dates import add_months, format_date, full_months_between, today
from models.entities import Cell, Member, MemberEvent
from models.errors import Conflict, RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP, translate
from models.identity import card_warnings, cccd_warnings, life_history_warnings
from models.rules import RuleBook, rule, rule_book
from models.security import Permission, require
from models.services.common import check_revision, get_live, own_unit_id, snapshot
from models.text import clean, fold, name_sort_key

CTX = "membership"

STATUS_LABELS = {
    "probationary": QT_TRANSLATE_NOOP("membership", "Dự bị"),
    "official": QT_TRANSLATE_NOOP("membership", "Chính thức"),
    "exempted": QT_TRANSLATE_NOOP("membership", "Miễn sinh hoạt"),
    "away": QT_TRANSLATE_NOOP("membership", "Đi làm ăn xa"),
    "transferred_out": QT_TRANSLATE_NOOP("membership", "Đã chuyển đi"),
    "struck_off": QT_TRANSLATE_NOOP("membership", "Đã xóa tên"),
    "left": QT_TRANSLATE_NOOP("membership", "Đã ra khỏi Đảng"),
    "expelled": QT_TRANSLATE_NOOP("membership", "Đã khai trừ"),
    "deceased": QT_TRANSLATE_NOOP("membership", "Đã từ trần"),
}
EVENT_LABELS = {
    "admitted": QT_TRANSLATE_NOOP("membership", "Kết nạp"),
    "recognised": QT_TRANSLATE_NOOP("membership", "Công nhận chính thức"),
    "transfer_in": QT_TRANSLATE_NOOP("membership", "Chuyển đến"),
    "transfer_out": QT_TRANSLATE_NOOP("membership", "Chuyển đi"),
    "temp_transfer_end": QT_TRANSLATE_NOOP("membership", "Kết thúc sinh hoạt tạm thời"),
    "exemption_start": QT_TRANSLATE_NOOP("membership", "Miễn công tác và sinh hoạt"),
    "exemption_end": QT_TRANSLATE_NOOP("membership", "Thôi miễn sinh hoạt"),
    "away_start": QT_TRANSLATE_NOOP("membership", "Đi làm ăn xa"),
    "away_end": QT_TRANSLATE_NOOP("membership", "Trở về sinh hoạt"),
    "struck_off": QT_TRANSLATE_NOOP("membership", "Xóa tên"),
    "left": QT_TRANSLATE_NOOP("membership", "Xin ra khỏi Đảng"),
    "expelled": QT_TRANSLATE_NOOP("membership", "Khai trừ"),
    "died": QT_TRANSLATE_NOOP("membership", "Từ trần"),
    "readmitted": QT_TRANSLATE_NOOP("membership", "Kết nạp lại"),
    "restored": QT_TRANSLATE_NOOP("membership", "Khôi phục đảng tịch"),
    "cell_changed": QT_TRANSLATE_NOOP("membership", "Chuyển chi bộ trong đảng bộ"),
    "card_issued": QT_TRANSLATE_NOOP("membership", "Cấp thẻ đảng viên"),
    "badge_awarded": QT_TRANSLATE_NOOP("membership", "Trao huy hiệu Đảng"),
}
OCCUPATIONS = {
    "party_state_staff": QT_TRANSLATE_NOOP(
        "membership", "Cán bộ, công chức cơ quan Đảng, Nhà nước, đoàn thể"
    ),
    "commune_official": QT_TRANSLATE_NOOP("membership", "Cán bộ, công chức xã"),
    "village_part_time": QT_TRANSLATE_NOOP("membership", "Người hoạt động không chuyên trách ở bản"),
    "public_service": QT_TRANSLATE_NOOP("membership", "Viên chức sự nghiệp"),
    "enterprise": QT_TRANSLATE_NOOP("membership", "Làm việc trong doanh nghiệp"),
    "farmer": QT_TRANSLATE_NOOP("membership", "Nông, lâm, ngư nghiệp"),
    "army": QT_TRANSLATE_NOOP("membership", "Quân đội"),
    "police": QT_TRANSLATE_NOOP("membership", "Công an"),
    "student": QT_TRANSLATE_NOOP("membership", "Học sinh, sinh viên"),
    "retired": QT_TRANSLATE_NOOP("membership", "Nghỉ hưu"),
    "other": QT_TRANSLATE_NOOP("membership", "Khác"),
}
THEORY_LEVELS = {
    "": QT_TRANSLATE_NOOP("membership", "Chưa qua đào tạo"),
    "so_cap": QT_TRANSLATE_NOOP("membership", "Sơ cấp"),
    "trung_cap": QT_TRANSLATE_NOOP("membership", "Trung cấp"),
    "cao_cap": QT_TRANSLATE_NOOP("membership", "Cao cấp"),
    "cu_nhan": QT_TRANSLATE_NOOP("membership", "Cử nhân"),
}
ENDED = frozenset({"transferred_out", "struck_off", "left", "expelled", "deceased"})
RESTORABLE = frozenset({"struck_off", "left", "expelled"})


def _rule_error(text: str, **params: Any) -> RuleViolation:
    return RuleViolation(text, context=CTX, **params)


class HistoryRefusal(RuleViolation):
    """A refusal of the fold, with the recorded event of the history it is about."""

    def __init__(self, cause: RuleViolation, event: Any) -> None:
        super().__init__(cause.message, context=cause.context, **cause.params)
        self.event = event


def _field_error(field_name: str, text: str, **params: Any) -> ValidationError:
    return ValidationError(field_name, text, context=CTX, **params)


# ---------------------------------------------------------------- commands


@dataclass(frozen=True)
class Profile:
    """Identity and profile fields (DOMAIN.md §3.1); text is cleaned to NFC on the way in."""

    family_name: str
    middle_name: str
    given_name: str
    sex: str  # "M" / "F"
    date_of_birth: date
    birth_name: str = ""
    aliases: str = ""
    place_of_birth: str = ""
    home_town: str = ""
    home_town_current: str = ""
    permanent_address: str = ""
    temporary_address: str = ""
    ethnicity: str = "Kinh"
    religion: str = "Không"
    cccd: str | None = None
    party_card_no: str | None = None
    card_issue_date: date | None = None
    card_type: str = ""
    life_history_no: str | None = None
    phone: str = ""
    general_education: str = ""
    professional_qualification: str = ""
    academic_degree: str = ""
    political_theory: str = ""
    state_management: str = ""
    foreign_language: str = ""
    it_level: str = ""
    minority_language: str = ""
    occupation: str = "other"
    position: str = ""
    youth_union_date: date | None = None
    army_service: str = ""
    notes: str = ""


PROFILE_FIELDS = tuple(f.name for f in fields(Profile))
_OPTIONAL_IDS = ("cccd", "party_card_no", "life_history_no")


@dataclass(frozen=True)
class Admit:
    profile: Profile
    cell_id: str
    consideration_date: date  # the cell's resolution: age is counted on this day
    decision_date: date
    decision_no: str
    ceremony_date: date  # "ngày vào Đảng"
    introducers: tuple[str, str] = ("", "")
    issuing_body: str = ""
    over_age_note: str = ""  # required when over the maximum age (provincial consent)


@dataclass(frozen=True)
class EventInput:
    member_id: str
    event_date: date
    decision_no: str = ""
    decision_date: date | None = None
    issuing_body: str = ""
    reason: str = ""
    note: str = ""
    other_organisation: str = ""
    letter_no: str = ""
    temporary: bool = False
    dues_paid_through: str = ""  # "YYYY-MM"
    cell_id: str | None = None
    until: date | None = None  # planned end of an exemption or of working away


@dataclass(frozen=True)
class TransferIn:
    profile: Profile
    cell_id: str
    event_date: date
    other_organisation: str
    letter_no: str = ""
    temporary: bool = False
    dues_paid_through: str = ""
    membership: str = "official"  # probationary / official at the time of transfer
    admission_decision_date: date | None = None
    admission_date: date | None = None
    official_date: date | None = None


@dataclass(frozen=True)
class AdmitResult:
    member_id: str
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- the fold


@dataclass
class MemberState:
    membership: str | None = None  # probationary / official
    activity: str = "active"  # active / exempted / away
    ended: str | None = None
    counted: bool = False
    temp_in: bool = False
    temp_out: bool = False
    first_decision: date | None = None
    decision_date: date | None = None
    ceremony: date | None = None
    official: date | None = None
    end_date: date | None = None
    interruption_start: date | None = None
    interrupted_days: int = 0
    before_end: tuple[str | None, str, bool] | None = None

    @property
    def status(self) -> str:
        if self.ended:
            return self.ended
        if self.activity != "active":
            return self.activity
        return self.membership or "probationary"

    def party_days(self, on: date) -> int:
        """Days of Party age on `on`: from the first admission decision, minus interruptions."""
        if self.first_decision is None or on < self.first_decision:
            return 0
        days = (on - self.first_decision).days - self.interrupted_days
        if self.interruption_start is not None and on > self.interruption_start:
            days -= (on - self.interruption_start).days
        return max(days, 0)


def _load(ev: MemberEvent) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(ev.detail) if ev.detail else {}
    return result


def _require_active(state: MemberState, ev: MemberEvent) -> None:
    if state.membership is None:
        raise _rule_error(
            QT_TRANSLATE_NOOP("membership", "Ngày {date}: người này chưa là đảng viên của đảng bộ."),
            date=format_date(ev.event_date),
        )
    if state.ended:
        _refuse_ended(state, ev.event_date, ev.kind)


def _refuse_ended(state: MemberState, when: date, kind: str) -> None:
    """The refusal of an event after the history ended, naming the recorded end and its date."""
    assert state.ended is not None
    raise _rule_error(
        QT_TRANSLATE_NOOP(
            "membership",
            "Ngày {date}: đảng viên đã ở trạng thái “{status}” từ ngày {since}, không thể {action}.",
        ),
        date=format_date(when),
        status=translate(CTX, STATUS_LABELS[state.ended]),
        since=format_date(state.end_date) or "?",
        action=translate(CTX, EVENT_LABELS[kind]).lower(),
    )


def _apply(state: MemberState, ev: MemberEvent, rules: RuleBook) -> None:
    kind = ev.kind
    if kind in ("admitted", "readmitted"):
        if kind == "admitted" and state.membership is not None:
            raise _rule_error(QT_TRANSLATE_NOOP("membership", "Đảng viên đã được kết nạp trước đó."))
        if kind == "readmitted" and state.ended == "deceased":
            _refuse_ended(state, ev.event_date, ev.kind)
        if kind == "readmitted" and state.ended not in RESTORABLE:
            raise _rule_error(
                QT_TRANSLATE_NOOP(
                    "membership", "Chỉ kết nạp lại người đã bị xóa tên, đã ra khỏi Đảng hoặc bị khai trừ."
                )
            )
        decision = ev.decision_date or ev.event_date
        if state.interruption_start is not None:
            state.interrupted_days += max((decision - state.interruption_start).days, 0)
            state.interruption_start = None
        state.membership, state.activity, state.ended = "probationary", "active", None
        state.counted, state.temp_in, state.temp_out = True, False, False
        state.first_decision = state.first_decision or decision
        state.decision_date, state.ceremony, state.official, state.end_date = (
            decision,
            ev.event_date,
            None,
            None,
        )
    elif kind == "recognised":
        _require_active(state, ev)
        if state.membership != "probationary" or state.ceremony is None:
            raise _rule_error(
                QT_TRANSLATE_NOOP("membership", "Chỉ công nhận chính thức cho đảng viên dự bị.")
            )
        probation_months = rules.probation_months(state.ceremony)
        due = add_months(state.ceremony, probation_months)
        if ev.event_date < due:
            raise _rule_error(
                QT_TRANSLATE_NOOP(
                    "membership",
                    "Chưa đủ {months} tháng dự bị. Ngày đủ {months} tháng dự bị: {due}.",
                ),
                months=probation_months,
                due=format_date(due),
            )
        state.membership, state.official = "official", ev.event_date
    elif kind == "transfer_in":
        detail = _load(ev)  # only a transfer carries what the state needs from its details
        if state.membership is not None and state.ended != "transferred_out":
            raise _rule_error(
                QT_TRANSLATE_NOOP("membership", "Đảng viên đang sinh hoạt tại đảng bộ, không thể chuyển đến.")
            )
        state.membership = detail.get("membership", "official")
        state.activity, state.ended, state.end_date = "active", None, None
        state.temp_in, state.temp_out = ev.temporary, False
        state.counted = not ev.temporary
        if detail.get("admission_decision_date"):
            state.first_decision = state.first_decision or date.fromisoformat(
                detail["admission_decision_date"]
            )
            state.decision_date = date.fromisoformat(detail["admission_decision_date"])
        if detail.get("admission_date"):
            state.ceremony = date.fromisoformat(detail["admission_date"])
        if detail.get("official_date"):
            state.official = date.fromisoformat(detail["official_date"])
    elif kind == "transfer_out":
        _require_active(state, ev)
        if ev.temporary:
            if state.temp_out or state.temp_in:
                raise _rule_error(
                    QT_TRANSLATE_NOOP(
                        "membership", "Đảng viên đang sinh hoạt tạm thời, không thể chuyển tạm thời lần nữa."
                    )
                )
            state.temp_out = True
        else:
            state.ended, state.counted, state.end_date = "transferred_out", False, ev.event_date
            state.temp_out = state.temp_in = False
    elif kind == "temp_transfer_end":
        _require_active(state, ev)
        if state.temp_out:
            state.temp_out = False
        elif state.temp_in:
            state.temp_in, state.ended, state.counted, state.end_date = (
                False,
                "transferred_out",
                False,
                ev.event_date,
            )
        else:
            raise _rule_error(QT_TRANSLATE_NOOP("membership", "Đảng viên không sinh hoạt tạm thời."))
    elif kind in ("exemption_start", "away_start"):
        _require_active(state, ev)
        if state.activity != "active":
            raise _rule_error(
                QT_TRANSLATE_NOOP(
                    "membership", "Đảng viên đang ở trạng thái “{status}”; hãy kết thúc trạng thái đó trước."
                ),
                status=translate(CTX, STATUS_LABELS[state.activity]),
            )
        state.activity = "exempted" if kind == "exemption_start" else "away"
    elif kind in ("exemption_end", "away_end"):
        _require_active(state, ev)
        expected = "exempted" if kind == "exemption_end" else "away"
        if state.activity != expected:
            raise _rule_error(
                QT_TRANSLATE_NOOP("membership", "Đảng viên không ở trạng thái “{status}”."),
                status=translate(CTX, STATUS_LABELS[expected]),
            )
        state.activity = "active"
    elif kind in ("struck_off", "left", "expelled", "died"):
        _require_active(state, ev)
        if kind == "expelled" and state.membership != "official":
            raise _rule_error(
                QT_TRANSLATE_NOOP(
                    "membership",
                    "Chỉ khai trừ đảng viên chính thức. Đảng viên dự bị vi phạm thì xóa tên khỏi danh sách.",
                )
            )
        state.before_end = (state.membership, state.activity, state.counted)
        state.ended = {
            "struck_off": "struck_off",
            "left": "left",
            "expelled": "expelled",
            "died": "deceased",
        }[kind]
        state.counted, state.end_date = False, ev.event_date
        if kind != "died":
            state.interruption_start = ev.event_date
    elif kind == "restored":
        if state.ended == "deceased":
            _refuse_ended(state, ev.event_date, ev.kind)
        if state.ended not in RESTORABLE or state.before_end is None:
            raise _rule_error(
                QT_TRANSLATE_NOOP(
                    "membership",
                    "Chỉ khôi phục đảng tịch cho người đã bị xóa tên, khai trừ hoặc ra khỏi Đảng.",
                )
            )
        state.membership, state.activity, state.counted = state.before_end
        state.ended, state.end_date, state.interruption_start = None, None, None
    elif kind in ("card_issued", "badge_awarded", "cell_changed"):
        _require_active(state, ev)
    else:  # pragma: no cover - a programming error, not user input
        msg = f"unknown event kind {kind!r}"
        raise ValueError(msg)


def fold_events(
    events: Sequence[Any], rules: RuleBook | None = None, *, as_of: date | None = None
) -> MemberState:
    """The member's state after the events (up to `as_of`), validating every step; each rule is taken
    from `rules` (default: the preset) as of the event it judges."""
    rules = rules or RuleBook.preset()
    state = MemberState()
    for ev in sorted(events, key=lambda e: (e.event_date, e.seq)):
        if as_of is not None and ev.event_date > as_of:
            break
        if ev.deleted:
            continue
        try:
            _apply(state, ev, rules)
        except HistoryRefusal:
            raise
        except RuleViolation as exc:
            raise HistoryRefusal(exc, ev) from None
    return state


def _events_of(session: Session, member_id: str) -> list[MemberEvent]:
    return list(
        session.scalars(
            select(MemberEvent)
            .where(MemberEvent.member_id == member_id, ~MemberEvent.deleted)
            .order_by(MemberEvent.event_date, MemberEvent.seq)
        )
    )


def rederive(session: Session, member: Member) -> MemberState:
    """Recompute the member row's cached status and dates from its events (validating them)."""
    state = fold_events(_events_of(session, member.id), rule_book(session))
    member.status = state.status
    member.counted = state.counted
    member.admission_decision_date = state.first_decision
    member.admission_date = state.ceremony
    member.official_date = state.official
    member.end_date = state.end_date
    return state


# ---------------------------------------------------------------- validation


def _clean_profile(profile: Profile) -> Profile:
    values: dict[str, Any] = {}
    for name in PROFILE_FIELDS:
        value = getattr(profile, name)
        if isinstance(value, str):
            value = clean(value) if name != "notes" else value.strip()
            if name in _OPTIONAL_IDS:
                value = value.replace(" ", "") or None
        values[name] = value
    return Profile(**values)


def validate_profile(
    session: Session, profile: Profile, *, exclude_id: str | None = None, name_warnings: bool = True
) -> list[str]:
    """Raise ValidationError for invalid fields; return the warnings the clerk should see.

    name_warnings=False leaves out "same birth date and name" when the clerk has already chosen to save
    anyway after seeing the duplicate (find_duplicates)."""
    errors: dict[str, str] = {}

    def add(field_name: str, text: str, **params: Any) -> None:
        errors.setdefault(field_name, _field_error(field_name, text, **params).text())

    if not profile.family_name:
        add("family_name", QT_TRANSLATE_NOOP("membership", "Hãy nhập họ."))
    if not profile.given_name:
        add("given_name", QT_TRANSLATE_NOOP("membership", "Hãy nhập tên."))
    for name in ("family_name", "middle_name", "given_name"):
        value = getattr(profile, name)
        if any(ch.isdigit() for ch in value):
            add(name, QT_TRANSLATE_NOOP("membership", "Họ tên không được chứa chữ số."))
        if len(value) > 60:
            add(name, QT_TRANSLATE_NOOP("membership", "Quá dài (tối đa 60 ký tự)."))
    if profile.sex not in ("M", "F"):
        add("sex", QT_TRANSLATE_NOOP("membership", "Hãy chọn giới tính Nam hoặc Nữ."))
    now = today()
    if profile.date_of_birth > now:
        add("date_of_birth", QT_TRANSLATE_NOOP("membership", "Ngày sinh ở tương lai. Hãy sửa lại."))
    elif full_months_between(profile.date_of_birth, now) > 120 * 12:
        add(
            "date_of_birth",
            QT_TRANSLATE_NOOP("membership", "Ngày sinh quá xa (trên 120 tuổi). Hãy kiểm tra lại năm sinh."),
        )
    if profile.occupation not in OCCUPATIONS:
        add("occupation", QT_TRANSLATE_NOOP("membership", "Hãy chọn nghề nghiệp trong danh sách."))
    if profile.political_theory not in THEORY_LEVELS:
        add(
            "political_theory",
            QT_TRANSLATE_NOOP("membership", "Hãy chọn trình độ lý luận chính trị trong danh sách."),
        )
    if profile.cccd and not profile.cccd.isdigit():
        add("cccd", QT_TRANSLATE_NOOP("membership", "Số CCCD chỉ gồm chữ số."))
    for name in ("card_issue_date", "youth_union_date"):
        value = getattr(profile, name)
        if value is not None and value > now:
            add(name, QT_TRANSLATE_NOOP("membership", "Ngày ở tương lai. Hãy sửa lại."))
    for name in PROFILE_FIELDS:
        value = getattr(profile, name)
        if isinstance(value, str) and name != "notes" and len(value) > 200:
            add(name, QT_TRANSLATE_NOOP("membership", "Quá dài (tối đa 200 ký tự)."))
    if errors:
        raise ValidationError.many(errors)
    if profile.cccd and _cccd_clashes(session, profile.cccd, exclude_id):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "membership",
                "Số CCCD {cccd} đã có trong danh sách đảng viên. Hãy tìm hồ sơ đó thay vì tạo hồ sơ mới.",
            ),
            context=CTX,
            cccd=profile.cccd,
        )
    warnings = cccd_warnings(profile.cccd, profile.sex, profile.date_of_birth)
    warnings += card_warnings(profile.party_card_no, int(rule(session, "card.number_digits", now)))
    warnings += life_history_warnings(profile.life_history_no)
    warnings += [
        translate(
            CTX,
            QT_TRANSLATE_NOOP(
                "membership",
                "Có người trùng ngày sinh và họ tên: {name}. Hãy kiểm tra có phải cùng một người.",
            ),
        ).format(name=name)
        for name in (similar_names(session, profile, exclude_id) if name_warnings else [])
    ]
    return warnings


def similar_names(session: Session, profile: Profile, exclude_id: str | None) -> list[str]:
    """Members with the same date of birth and the same folded given and family name."""
    return [name for _id, name in _similar_members(session, profile, exclude_id)]


def _cccd_clashes(session: Session, cccd: str, exclude_id: str | None) -> list[tuple[str, str]]:
    """(id, name) of the counted members holding this CCCD: saving another one is refused."""
    rows = session.execute(
        select(Member.id, Member.family_name, Member.middle_name, Member.given_name).where(
            Member.cccd == cccd, ~Member.deleted, Member.id != (exclude_id or ""), Member.counted
        )
    )
    return [(mid, " ".join(p for p in (f, m, g) if p)) for mid, f, m, g in rows]


def _similar_members(session: Session, profile: Profile, exclude_id: str | None) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Member.id, Member.family_name, Member.middle_name, Member.given_name).where(
            Member.date_of_birth == profile.date_of_birth,
            ~Member.deleted,
            Member.id != (exclude_id or ""),
        )
    )
    target = (fold(profile.family_name), fold(profile.given_name))
    return [
        (mid, " ".join(p for p in (f, m, g) if p)) for mid, f, m, g in rows if (fold(f), fold(g)) == target
    ]


@dataclass(frozen=True)
class Duplicate:
    """An existing record the profile being saved may repeat. kind "cccd": the same CCCD (saving is
    refused); kind "name": the same date of birth and folded family and given name (a warning)."""

    member_id: str
    name: str
    kind: str
    cell_name: str
    date_of_birth: date


def find_duplicates(session: Session, profile: Profile, *, exclude_id: str | None = None) -> list[Duplicate]:
    """The records a save would duplicate, CCCD clashes first, so the clerk can open one instead."""
    require(session, Permission.VIEW_REGISTER)
    found: dict[str, str] = {}
    if profile.cccd:
        found.update(
            dict.fromkeys((mid for mid, _ in _cccd_clashes(session, profile.cccd, exclude_id)), "cccd")
        )
    for mid, _name in _similar_members(session, profile, exclude_id):
        found.setdefault(mid, "name")
    if not found:
        return []
    rows = session.execute(
        select(
            Member.id,
            Member.family_name,
            Member.middle_name,
            Member.given_name,
            Member.date_of_birth,
            Cell.name,
        )
        .outerjoin(Cell, Cell.id == Member.cell_id)
        .where(Member.id.in_(found))
    )
    out = [
        Duplicate(mid, " ".join(p for p in (f, m, g) if p), found[mid], cell or "", dob)
        for mid, f, m, g, dob, cell in rows
    ]
    out.sort(key=lambda d: (d.kind != "cccd", d.name))
    return out


def _apply_profile(member: Member, profile: Profile) -> None:
    for name in PROFILE_FIELDS:
        setattr(member, name, getattr(profile, name))
    member.sort_key = name_sort_key(profile.family_name, profile.middle_name, profile.given_name)
    member.search_key = fold(
        " ".join(p for p in (profile.family_name, profile.middle_name, profile.given_name) if p)
    )


def _active_cell(session: Session, cell_id: str) -> Cell:
    cell = get_live(session, Cell, cell_id, QT_TRANSLATE_NOOP("membership", "chi bộ"))
    if cell.status != "active":
        raise _field_error(
            "cell_id",
            QT_TRANSLATE_NOOP("membership", "Chi bộ {name} đã sáp nhập hoặc giải thể."),
            name=cell.name,
        )
    return cell


def _not_future(field_name: str, value: date | None) -> None:
    if value is not None and value > today():
        raise _field_error(
            field_name,
            QT_TRANSLATE_NOOP("membership", "Ngày {date} ở tương lai. Hãy nhập ngày đã xảy ra."),
            date=format_date(value),
        )


def _next_seq(session: Session, member_id: str) -> int:
    return (
        int(
            session.scalar(
                select(func.coalesce(func.max(MemberEvent.seq), 0)).where(MemberEvent.member_id == member_id)
            )
            or 0
        )
        + 1
    )


def _add_event(
    session: Session, member: Member, kind: str, ev: EventInput, detail: dict[str, Any] | None = None
) -> MemberEvent:
    _not_future("event_date", ev.event_date)
    _not_future("decision_date", ev.decision_date)
    if ev.dues_paid_through and not (len(ev.dues_paid_through) == 7 and ev.dues_paid_through[4] == "-"):
        raise _field_error(
            "dues_paid_through", QT_TRANSLATE_NOOP("membership", "Tháng đã nộp đảng phí ghi dạng tháng/năm.")
        )
    event = MemberEvent(
        owner_unit_id=member.owner_unit_id,
        member_id=member.id,
        kind=kind,
        event_date=ev.event_date,
        seq=_next_seq(session, member.id),
        decision_no=clean(ev.decision_no),
        decision_date=ev.decision_date,
        issuing_body=clean(ev.issuing_body),
        cell_id=ev.cell_id or member.cell_id,
        other_organisation=clean(ev.other_organisation),
        letter_no=clean(ev.letter_no),
        temporary=ev.temporary,
        dues_paid_through=ev.dues_paid_through,
        reason=clean(ev.reason),
        note=ev.note.strip(),
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else "",
    )
    session.add(event)
    session.flush()
    return event


def _record_event(
    session: Session, kind: str, ev: EventInput, detail: dict[str, Any] | None = None
) -> MemberState:
    require(session, Permission.EDIT_REGISTER)
    member = get_live(session, Member, ev.member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    before = snapshot(member)
    event = _add_event(session, member, kind, ev, detail)
    try:
        state = rederive(session, member)
    except HistoryRefusal as exc:
        refused = exc.event
        if refused is event:
            raise
        # The new event is valid where it stands, but a later recorded event no longer is: name both.
        raise _rule_error(
            QT_TRANSLATE_NOOP(
                "membership",
                "Không thể ghi “{action}” ngày {date}: lịch sử đã có “{recorded}” ngày {recorded_date}, "
                "không còn hợp lệ sau sự kiện mới ({problem}). Hãy kiểm tra ngày của hai sự kiện; nếu "
                "sự kiện đã có là nhập nhầm, hãy hủy nó trước.",
            ),
            action=translate(CTX, EVENT_LABELS[kind]),
            date=format_date(ev.event_date),
            recorded=translate(CTX, EVENT_LABELS[refused.kind]),
            recorded_date=format_date(refused.event_date),
            problem=exc.text().rstrip("."),
        ) from exc
    session.flush()
    audit.record(session, f"member.{kind}", "member", member.id, before=before, after=snapshot(member))
    return state


# ---------------------------------------------------------------- admission and profile


def admission_checks(session: Session, cmd: Admit) -> list[str]:
    """Validate an admission; returns warnings (e.g. education below the rule in mountain areas)."""
    profile = cmd.profile
    for name, value in (
        ("consideration_date", cmd.consideration_date),
        ("decision_date", cmd.decision_date),
        ("ceremony_date", cmd.ceremony_date),
    ):
        _not_future(name, value)
    if cmd.decision_date < cmd.consideration_date:
        raise _field_error(
            "decision_date",
            QT_TRANSLATE_NOOP("membership", "Ngày quyết định kết nạp phải sau ngày chi bộ xét."),
        )
    if cmd.ceremony_date < cmd.decision_date:
        raise _field_error(
            "ceremony_date", QT_TRANSLATE_NOOP("membership", "Lễ kết nạp phải sau ngày ra quyết định.")
        )
    if profile.date_of_birth >= cmd.consideration_date:
        raise _field_error(
            "date_of_birth", QT_TRANSLATE_NOOP("membership", "Ngày sinh phải trước ngày chi bộ xét kết nạp.")
        )
    months = full_months_between(profile.date_of_birth, cmd.consideration_date)
    min_years = int(rule(session, "admission.min_age_years", cmd.consideration_date))
    max_years = int(rule(session, "admission.max_age_years", cmd.consideration_date))
    if months < min_years * 12:
        raise _rule_error(
            QT_TRANSLATE_NOOP(
                "membership",
                "Chưa đủ {min} tuổi khi chi bộ xét (mới {years} tuổi {months} tháng). Không thể kết nạp.",
            ),
            min=min_years,
            years=months // 12,
            months=months % 12,
        )
    warnings: list[str] = []
    if months > max_years * 12:
        if not cmd.over_age_note.strip():
            raise _rule_error(
                QT_TRANSLATE_NOOP(
                    "membership",
                    "Trên {max} tuổi khi chi bộ xét ({years} tuổi {months} tháng): cần ý kiến đồng ý của Tỉnh ủy. Hãy ghi số văn bản đồng ý vào ô ghi chú rồi lưu lại.",
                ),
                max=max_years,
                years=months // 12,
                months=months % 12,
            )
        warnings.append(
            translate(
                CTX, QT_TRANSLATE_NOOP("membership", "Kết nạp trên {max} tuổi theo văn bản: {note}")
            ).format(max=max_years, note=clean(cmd.over_age_note))
        )
    min_education = str(rule(session, "admission.min_education", cmd.consideration_date))
    if _grade(profile.general_education) < _grade(min_education):
        warnings.append(
            translate(
                CTX,
                QT_TRANSLATE_NOOP(
                    "membership",
                    "Trình độ học vấn {value} thấp hơn quy định ({rule}); chỉ được xét ở vùng cao, vùng đồng bào dân tộc thiểu số.",
                ),
            ).format(value=profile.general_education or "?", rule=min_education)
        )
    return warnings


# Grades of the old 10-year school system (North, until the 1980s: primary 1–4, lower secondary
# 5–7, upper secondary 8–10) on today's 12-year scale: finishing lower secondary (7/10) is 9/12,
# finishing upper secondary (10/10) is 12/12.
_TEN_YEAR_TO_TWELVE = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 7, 7: 9, 8: 10, 9: 11, 10: 12}


def school_grade(text: str) -> int:
    """General education as a grade of the 12-year system: "9/12" → 9, "7/10" → 9, "10/10" → 12,
    "12" → 12; 0 when not given or not a grade."""
    head, _, scale = (text or "").partition("/")
    head, scale = head.strip(), scale.strip()
    if not head.isdigit():
        return 0
    grade = int(head)
    if scale == "10":
        return _TEN_YEAR_TO_TWELVE.get(grade, grade)
    return grade


def _grade(text: str) -> int:
    return school_grade(text)


def admit(session: Session, cmd: Admit) -> AdmitResult:
    require(session, Permission.EDIT_REGISTER)
    profile = _clean_profile(cmd.profile)
    cmd = replace(cmd, profile=profile)
    warnings = validate_profile(session, profile) + admission_checks(session, cmd)
    _active_cell(session, cmd.cell_id)
    member = Member(owner_unit_id=own_unit_id(session), cell_id=cmd.cell_id, status="probationary")
    _apply_profile(member, profile)
    session.add(member)
    session.flush()
    detail = {
        "consideration_date": cmd.consideration_date.isoformat(),
        "introducers": [clean(n) for n in cmd.introducers],
        "over_age_note": clean(cmd.over_age_note),
    }
    _add_event(
        session,
        member,
        "admitted",
        EventInput(
            member.id,
            cmd.ceremony_date,
            decision_no=cmd.decision_no,
            decision_date=cmd.decision_date,
            issuing_body=cmd.issuing_body,
            cell_id=cmd.cell_id,
        ),
        detail,
    )
    rederive(session, member)
    session.flush()
    audit.record(session, "member.admitted", "member", member.id, after=snapshot(member))
    return AdmitResult(member.id, tuple(warnings))


def update_profile(
    session: Session, member_id: str, profile: Profile, expected_revision: int | None = None
) -> list[str]:
    """Save profile fields; returns warnings. Status and dates are not profile fields."""
    require(session, Permission.EDIT_REGISTER)
    member = get_live(session, Member, member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    check_revision(member, expected_revision)
    profile = _clean_profile(profile)
    warnings = validate_profile(session, profile, exclude_id=member_id)
    before = snapshot(member)
    _apply_profile(member, profile)
    session.flush()
    audit.record(session, "member.update", "member", member.id, before=before, after=snapshot(member))
    return warnings


def set_photo(session: Session, member_id: str, photo: bytes | None) -> None:
    require(session, Permission.EDIT_REGISTER)
    member = get_live(session, Member, member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    if photo is not None and len(photo) > 2_000_000:
        raise _field_error(
            "photo", QT_TRANSLATE_NOOP("membership", "Ảnh quá lớn (tối đa 2 MB). Hãy chọn ảnh nhỏ hơn.")
        )
    member.photo = photo
    audit.record(session, "member.photo", "member", member.id, fields=["photo"])


# ---------------------------------------------------------------- lifecycle actions


@dataclass(frozen=True)
class ProbationDue:
    """When a probationary member completes probation, under the rule in force at the ceremony."""

    due: date
    months: int


def probation_due(session: Session, member_id: str) -> ProbationDue | None:
    """The day the member completes probation and the probation length in force at the ceremony
    ("Ngày đủ {months} tháng dự bị"), or None if not probationary."""
    require(session, Permission.VIEW_REGISTER)
    member = get_live(session, Member, member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    rules = rule_book(session)
    ceremony = member.admission_date
    if member.status != "probationary" or ceremony is None:
        state = fold_events(_events_of(session, member_id), rules)
        if state.membership != "probationary" or state.ceremony is None or state.ended:
            return None
        ceremony = state.ceremony
    return ProbationDue(rules.probation_end(ceremony), rules.probation_months(ceremony))


def official_due_date(session: Session, member_id: str) -> date | None:
    """The day the member completes probation, or None if not probationary (see probation_due)."""
    due = probation_due(session, member_id)
    return due.due if due is not None else None


def recognise_official(session: Session, ev: EventInput) -> date:
    """Record official recognition. The member is official from the day probation is complete
    (ceremony + the months in force at the ceremony), even when the
    decision (ev.decision_date, default ev.event_date) comes later; refused before that day.
    Returns the official date."""
    require(session, Permission.EDIT_REGISTER)
    member = get_live(session, Member, ev.member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    rules = rule_book(session)
    state = fold_events(_events_of(session, member.id), rules)
    if state.membership != "probationary" or state.ceremony is None or state.ended:
        raise _rule_error(QT_TRANSLATE_NOOP("membership", "Chỉ công nhận chính thức cho đảng viên dự bị."))
    months = rules.probation_months(state.ceremony)
    due = add_months(state.ceremony, months)
    decision = ev.decision_date or ev.event_date
    if decision < due:
        raise _rule_error(
            QT_TRANSLATE_NOOP(
                "membership", "Chưa đủ {months} tháng dự bị. Ngày đủ {months} tháng dự bị: {due}."
            ),
            months=months,
            due=format_date(due),
        )
    _record_event(session, "recognised", replace(ev, event_date=due, decision_date=decision))
    return due


def transfer_out(session: Session, ev: EventInput) -> None:
    """Permanent (ev.temporary False) or temporary transfer to `ev.other_organisation`."""
    require(session, Permission.EDIT_REGISTER)
    if not clean(ev.other_organisation):
        raise _field_error(
            "other_organisation", QT_TRANSLATE_NOOP("membership", "Hãy nhập tổ chức đảng nơi chuyển đến.")
        )
    _record_event(session, "transfer_out", ev)


def end_temporary_transfer(session: Session, ev: EventInput) -> None:
    """A member on temporary transfer returns; or a member received temporarily goes back."""
    _record_event(session, "temp_transfer_end", ev)


def transfer_in(session: Session, cmd: TransferIn) -> AdmitResult:
    """Receive a member from another organisation. Temporary members are not counted in the commune."""
    require(session, Permission.EDIT_REGISTER)
    profile = _clean_profile(cmd.profile)
    warnings = validate_profile(session, profile)
    _active_cell(session, cmd.cell_id)
    if cmd.membership not in ("probationary", "official"):
        raise _field_error(
            "membership", QT_TRANSLATE_NOOP("membership", "Hãy chọn đảng viên dự bị hoặc chính thức.")
        )
    if not clean(cmd.other_organisation):
        raise _field_error(
            "other_organisation", QT_TRANSLATE_NOOP("membership", "Hãy nhập tổ chức đảng nơi chuyển đi.")
        )
    if cmd.admission_date is None or cmd.admission_decision_date is None:
        raise _field_error(
            "admission_date",
            QT_TRANSLATE_NOOP("membership", "Hãy nhập ngày quyết định kết nạp và ngày vào Đảng."),
        )
    if cmd.membership == "official" and cmd.official_date is None:
        raise _field_error("official_date", QT_TRANSLATE_NOOP("membership", "Hãy nhập ngày chính thức."))
    if cmd.admission_date > cmd.event_date:
        raise _field_error(
            "admission_date", QT_TRANSLATE_NOOP("membership", "Ngày vào Đảng phải trước ngày chuyển đến.")
        )
    member = Member(owner_unit_id=own_unit_id(session), cell_id=cmd.cell_id, status=cmd.membership)
    _apply_profile(member, profile)
    session.add(member)
    session.flush()
    detail = {
        "membership": cmd.membership,
        "admission_decision_date": cmd.admission_decision_date.isoformat(),
        "admission_date": cmd.admission_date.isoformat(),
        "official_date": cmd.official_date.isoformat() if cmd.official_date else "",
    }
    _add_event(
        session,
        member,
        "transfer_in",
        EventInput(
            member.id,
            cmd.event_date,
            other_organisation=cmd.other_organisation,
            letter_no=cmd.letter_no,
            temporary=cmd.temporary,
            dues_paid_through=cmd.dues_paid_through,
            cell_id=cmd.cell_id,
        ),
        detail,
    )
    rederive(session, member)
    session.flush()
    audit.record(session, "member.transfer_in", "member", member.id, after=snapshot(member))
    return AdmitResult(member.id, tuple(warnings))


def start_exemption(session: Session, ev: EventInput) -> None:
    """Exemption from Party work and activities (age or health; ev.reason), decided by the cell."""
    require(session, Permission.EDIT_REGISTER)
    _record_event(session, "exemption_start", ev, _until(ev))


def end_exemption(session: Session, ev: EventInput) -> None:
    _record_event(session, "exemption_end", ev)


def start_away(session: Session, ev: EventInput) -> None:
    """Working far away: temporarily exempted from activities, tracked apart."""
    require(session, Permission.EDIT_REGISTER)
    _record_event(session, "away_start", ev, _until(ev))


def _until(ev: EventInput) -> dict[str, Any] | None:
    if ev.until is None:
        return None
    if ev.until <= ev.event_date:
        raise _field_error(
            "until", QT_TRANSLATE_NOOP("membership", "Ngày kết thúc dự kiến phải sau ngày bắt đầu.")
        )
    return {"until": ev.until.isoformat()}


def end_away(session: Session, ev: EventInput) -> None:
    _record_event(session, "away_end", ev)


def strike_off(session: Session, ev: EventInput) -> None:
    _record_event(session, "struck_off", ev)


def leave_party(session: Session, ev: EventInput) -> None:
    _record_event(session, "left", ev)


def expel(session: Session, ev: EventInput) -> None:
    """Expulsion (discipline). Official members only; a probationary member is struck off instead."""
    _record_event(session, "expelled", ev)


def record_death(session: Session, ev: EventInput) -> None:
    _record_event(session, "died", ev)


def restore(session: Session, ev: EventInput) -> None:
    """Restoration of Party status (after a decision annulling striking off or expulsion)."""
    _record_event(session, "restored", ev)


def readmit(session: Session, member_id: str, cmd: Admit) -> list[str]:
    """Re-admission of a former member: a new probation; the gap is not Party age."""
    require(session, Permission.EDIT_REGISTER)
    member = get_live(session, Member, member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    # What the history says comes before what the person's age says: a dead member is refused as such.
    state = fold_events(_events_of(session, member.id), rule_book(session))
    if state.ended == "deceased":
        _refuse_ended(state, cmd.ceremony_date, "readmitted")
    warnings = admission_checks(session, replace(cmd, profile=_clean_profile(cmd.profile)))
    _active_cell(session, cmd.cell_id)
    member.cell_id = cmd.cell_id
    _record_event(
        session,
        "readmitted",
        EventInput(
            member_id,
            cmd.ceremony_date,
            decision_no=cmd.decision_no,
            decision_date=cmd.decision_date,
            issuing_body=cmd.issuing_body,
            cell_id=cmd.cell_id,
        ),
        {
            "consideration_date": cmd.consideration_date.isoformat(),
            "introducers": [clean(n) for n in cmd.introducers],
        },
    )
    return warnings


def move_to_cell(session: Session, ev: EventInput) -> None:
    """Move a member to another cell of the commune (ev.cell_id)."""
    require(session, Permission.EDIT_REGISTER)
    if ev.cell_id is None:
        raise _field_error("cell_id", QT_TRANSLATE_NOOP("membership", "Hãy chọn chi bộ mới."))
    require(session, Permission.EDIT_REGISTER)
    _active_cell(session, ev.cell_id)
    member = get_live(session, Member, ev.member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    if member.cell_id == ev.cell_id:
        raise _field_error(
            "cell_id", QT_TRANSLATE_NOOP("membership", "Đảng viên đang sinh hoạt ở chi bộ này.")
        )
    member.cell_id = ev.cell_id
    _record_event(session, "cell_changed", ev)


def issue_card(session: Session, ev: EventInput, card_no: str, card_type: str = "") -> list[str]:
    require(session, Permission.EDIT_REGISTER)
    card = clean(card_no).replace(" ", "")
    if not card:
        raise _field_error("party_card_no", QT_TRANSLATE_NOOP("membership", "Hãy nhập số thẻ đảng viên."))
    require(session, Permission.EDIT_REGISTER)
    member = get_live(session, Member, ev.member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    member.party_card_no, member.card_issue_date, member.card_type = card, ev.event_date, clean(card_type)
    _record_event(session, "card_issued", ev, {"card_no": card})
    return card_warnings(card, int(rule(session, "card.number_digits", ev.event_date)))


def award_badge(session: Session, ev: EventInput, years: int) -> None:
    """Record a Party badge. Refused for a level the member already holds, and before the member's
    Party age on the award day reaches the level less the early months the rules allow (12 months for
    30–65 years, 24 for 70 years and more, in the preset)."""
    require(session, Permission.EDIT_REGISTER)
    allowed = list(rule(session, "badge.years", ev.event_date))
    if years not in allowed:
        raise _field_error(
            "years",
            QT_TRANSLATE_NOOP("membership", "Huy hiệu chỉ có các mốc {years} năm."),
            years=", ".join(map(str, allowed)),
        )
    member = get_live(session, Member, ev.member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    events = _events_of(session, member.id)
    for earlier in events:
        if earlier.kind == "badge_awarded" and _load(earlier).get("years") == years:
            raise _rule_error(
                QT_TRANSLATE_NOOP(
                    "membership", "Đảng viên đã được trao Huy hiệu {years} năm tuổi Đảng ngày {date}."
                ),
                years=years,
                date=format_date(earlier.event_date),
            )
    state = fold_events(events, rule_book(session), as_of=ev.event_date)
    if state.first_decision is not None:
        eligible = add_months(state.first_decision, 12 * years) + timedelta(days=state.interrupted_days)
        early_rule: dict[str, int] = rule(session, "badge.early_months", ev.event_date)
        early = int(early_rule["70-90"] if years >= 70 else early_rule["30-65"])
        earliest = add_months(eligible, -early)
        if ev.event_date < earliest:
            age = full_months_between(
                state.first_decision, state.first_decision + timedelta(days=state.party_days(ev.event_date))
            )
            raise _rule_error(
                QT_TRANSLATE_NOOP(
                    "membership",
                    "Ngày {date} đảng viên mới có {age} năm tuổi Đảng, chưa đủ điều kiện nhận Huy hiệu "
                    "{years} năm tuổi Đảng: đủ {years} năm vào ngày {eligible}; được xét tặng sớm "
                    "(không quá {early} tháng) từ ngày {earliest}.",
                ),
                date=format_date(ev.event_date),
                age=age // 12,
                years=years,
                eligible=format_date(eligible),
                early=early,
                earliest=format_date(earliest),
            )
    _record_event(session, "badge_awarded", ev, {"years": years})


def void_event(session: Session, event_id: str, reason: str) -> None:
    """Void a mistyped event of a member's history: the event keeps its row as a tombstone (deleted,
    with the reason and date in its details, so the upper level receives the void like any change), the
    history is folded again without it — refused, naming the problem, when what remains is not a valid
    history — and the member row follows (status, dates, a card or a cell the event had set)."""
    require(session, Permission.EDIT_REGISTER)
    reason = clean(reason)
    if not reason:
        raise _field_error("reason", QT_TRANSLATE_NOOP("membership", "Hãy ghi lý do hủy sự kiện."))
    event = get_live(session, MemberEvent, event_id, QT_TRANSLATE_NOOP("membership", "sự kiện"))
    member = get_live(session, Member, event.member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    remaining = [e for e in _events_of(session, member.id) if e.id != event.id]
    if not remaining:
        raise _rule_error(
            QT_TRANSLATE_NOOP(
                "membership",
                "Không thể hủy sự kiện duy nhất trong lịch sử của đảng viên. Nếu cả hồ sơ nhập nhầm, "
                "hãy xóa hồ sơ.",
            )
        )
    try:
        fold_events(remaining, rule_book(session))
    except RuleViolation as exc:
        raise _rule_error(
            QT_TRANSLATE_NOOP(
                "membership",
                "Không thể hủy sự kiện “{event}” ngày {date}: lịch sử còn lại không hợp lệ. {problem}",
            ),
            event=translate(CTX, EVENT_LABELS[event.kind]),
            date=format_date(event.event_date),
            problem=exc.text(),
        ) from exc
    before = {**snapshot(member), "voided_event": "", "void_reason": ""}
    detail = _load(event)
    detail["voided"] = {"reason": reason, "on": today().isoformat()}
    event.detail = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    event.deleted = True  # the tombstone; revision and update time are stamped on flush
    if event.kind == "card_issued":
        cards = [e for e in remaining if e.kind == "card_issued"]
        last = cards[-1] if cards else None
        member.party_card_no = _load(last).get("card_no") if last is not None else None
        member.card_issue_date = last.event_date if last is not None else None
    elif event.kind == "cell_changed":
        cells = [e.cell_id for e in remaining if e.cell_id]
        member.cell_id = cells[-1] if cells else member.cell_id
    session.flush()
    rederive(session, member)
    session.flush()
    audit.record(
        session,
        "member.event_voided",
        "member",
        member.id,
        before=before,
        after={**snapshot(member), "voided_event": event.id, "void_reason": reason},
    )


def voided_events(session: Session, member_id: str) -> list[EventView]:
    """The voided events of a member's history, with the reason in `detail["voided"]`."""
    require(session, Permission.VIEW_REGISTER)
    rows = session.scalars(
        select(MemberEvent)
        .where(MemberEvent.member_id == member_id, MemberEvent.deleted)
        .order_by(MemberEvent.event_date, MemberEvent.seq)
    )
    return [_view(e) for e in rows]


# ---------------------------------------------------------------- read models


@dataclass(frozen=True)
class MemberChoice:
    id: str
    name: str
    date_of_birth: date
    cell_id: str | None
    cell_name: str
    status: str


@dataclass(frozen=True)
class MemberDetail:
    id: str
    profile: Profile
    cell_id: str | None
    cell_name: str
    status: str
    counted: bool
    admission_decision_date: date | None
    admission_date: date | None
    official_date: date | None
    end_date: date | None
    revision: int
    has_photo: bool

    @property
    def name(self) -> str:
        return " ".join(
            p for p in (self.profile.family_name, self.profile.middle_name, self.profile.given_name) if p
        )


@dataclass(frozen=True)
class EventView:
    id: str
    kind: str
    event_date: date
    decision_no: str
    decision_date: date | None
    issuing_body: str
    other_organisation: str
    letter_no: str
    temporary: bool
    dues_paid_through: str
    reason: str
    note: str
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return translate(CTX, EVENT_LABELS.get(self.kind, self.kind))


def member_choices(
    session: Session, text: str = "", cell_id: str | None = None, limit: int = 50
) -> list[MemberChoice]:
    """Counted members matching a folded search (name), for pickers; sorted the Vietnamese way."""
    require(session, Permission.VIEW_REGISTER)
    query = (
        select(
            Member.id,
            Member.family_name,
            Member.middle_name,
            Member.given_name,
            Member.date_of_birth,
            Member.cell_id,
            Cell.name,
            Member.status,
        )
        .outerjoin(Cell, Cell.id == Member.cell_id)
        .where(~Member.deleted, Member.counted, Member.owner_unit_id == own_unit_id(session))
        .order_by(Member.sort_key)
        .limit(limit)
    )
    for word in fold(text).split():
        query = query.where(Member.search_key.contains(word, autoescape=True))
    if cell_id is not None:
        query = query.where(Member.cell_id == cell_id)
    return [
        MemberChoice(mid, " ".join(p for p in (f, m, g) if p), dob, cid, cname or "", status)
        for mid, f, m, g, dob, cid, cname, status in session.execute(query)
    ]


def get_member(session: Session, member_id: str) -> MemberDetail:
    require(session, Permission.VIEW_REGISTER)
    member = get_live(session, Member, member_id, QT_TRANSLATE_NOOP("membership", "đảng viên"))
    cell_name = session.scalar(select(Cell.name).where(Cell.id == member.cell_id)) if member.cell_id else ""
    has_photo = bool(session.scalar(select(func.length(Member.photo)).where(Member.id == member_id)))
    profile = Profile(**{name: getattr(member, name) for name in PROFILE_FIELDS})
    return MemberDetail(
        member.id,
        profile,
        member.cell_id,
        cell_name or "",
        member.status,
        member.counted,
        member.admission_decision_date,
        member.admission_date,
        member.official_date,
        member.end_date,
        member.revision,
        has_photo,
    )


def history(session: Session, member_id: str) -> list[EventView]:
    require(session, Permission.VIEW_REGISTER)
    return [_view(e) for e in _events_of(session, member_id)]


def _view(e: MemberEvent) -> EventView:
    return EventView(
        e.id,
        e.kind,
        e.event_date,
        e.decision_no,
        e.decision_date,
        e.issuing_body,
        e.other_organisation,
        e.letter_no,
        e.temporary,
        e.dues_paid_through,
        e.reason,
        e.note,
        _load(e),
    )


def member_state(session: Session, member_id: str, as_of: date | None = None) -> MemberState:
    require(session, Permission.VIEW_REGISTER)
    return fold_events(_events_of(session, member_id), rule_book(session), as_of=as_of)


def party_age_months(session: Session, member_id: str, on: date) -> int:
    """Party age in whole months on `on`, counted from the admission decision, minus interruptions."""
    state = member_state(session, member_id, as_of=on)
    if state.first_decision is None:
        return 0
    return full_months_between(
        state.first_decision, state.first_decision + timedelta(days=state.party_days(on))
    )


def badge_eligibility(session: Session, member_id: str) -> list[tuple[int, date]]:
    """(years, date the member reaches that Party age) for every badge level, interruptions included."""
    state = member_state(session, member_id)
    if state.first_decision is None:
        return []
    years_list: list[int] = list(rule(session, "badge.years", today()))
    delay = timedelta(days=state.interrupted_days)
    return [(years, add_months(state.first_decision, 12 * years) + delay) for years in years_list]


@dataclass(frozen=True)
class RecognitionDue:
    member_id: str
    name: str
    cell_name: str
    admission_date: date
    due_date: date
    days_overdue: int


def recognitions_due(session: Session, on: date, *, within_days: int = 0) -> list[RecognitionDue]:
    """Probationary members whose probation ends on or before `on` + within_days; overdue first."""
    require(session, Permission.VIEW_REGISTER)
    rows = session.execute(
        select(
            Member.id,
            Member.family_name,
            Member.middle_name,
            Member.given_name,
            Cell.name,
            Member.admission_date,
        )
        .outerjoin(Cell, Cell.id == Member.cell_id)
        .where(
            ~Member.deleted,
            Member.counted,
            Member.official_date.is_(None),
            Member.admission_date.is_not(None),
            Member.status.in_(("probationary", "exempted", "away")),
            Member.owner_unit_id == own_unit_id(session),
        )
    )
    out: list[RecognitionDue] = []
    rules = rule_book(session)
    horizon = on + timedelta(days=within_days)
    for mid, f, m, g, cell_name, admitted in rows:
        assert admitted is not None
        due = rules.probation_end(admitted)
        if due <= horizon:
            out.append(
                RecognitionDue(
                    mid, " ".join(p for p in (f, m, g) if p), cell_name or "", admitted, due, (on - due).days
                )
            )
    out.sort(key=lambda r: r.due_date)
    return out
