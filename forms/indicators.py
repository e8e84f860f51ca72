"""The indicator catalogue (DOMAIN.md §5): each indicator is a named computation over a period that
returns its value together with the records behind it, so every number in a report can be explained.
Report forms (forms/quarterly.py) only refer to indicators by key."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache, partial
from typing import Any

from forms.document import vi_int
from forms.periods import Period
from models.dates import add_months, format_date, full_years_between
from models.i18n import translate
from models.picklists import is_minority
from models.security import Permission, actor_of
from models.services.dues import percent_of
from models.services.membership import OCCUPATIONS, STATUS_LABELS, THEORY_LEVELS, school_grade
from models.services.organisation import CELL_KINDS
from models.services.rating import EXCLUSIONS, REPEATED_FAILURE_RULE
from models.services.statistics import (
    AttendeeFact,
    DuesFact,
    EventFact,
    Facts,
    MemberFact,
    day_before,
    has_religion,
    months_between,
)
from models.text import fold

Record = tuple[str, str]  # (record id, label shown when explaining)


class Explained:
    """A figure, the records behind it and a note. The records may be given as a function: it is
    called the first time they are asked for (a click, `--explain`), not while the report is computed.
    Such a function only reads the lists the value was counted from and facts already read (never the
    session), so the records always agree with the value, whenever they are asked for."""

    __slots__ = ("_make", "_records", "note", "value")

    def __init__(
        self,
        value: int | float | None,
        records: tuple[Record, ...] | Callable[[], Iterable[Record]] = (),
        note: str = "",
    ) -> None:
        self.value = value
        self.note = note
        self._make: Callable[[], Iterable[Record]] | None = None
        self._records: tuple[Record, ...] | None = None
        if callable(records):
            self._make = records
        else:
            self._records = tuple(records)

    @property
    def records(self) -> tuple[Record, ...]:
        if self._records is None:
            make, self._make = self._make, None
            self._records = tuple(make()) if make is not None else ()
        return self._records

    @property
    def materialised(self) -> bool:
        """Whether the records have been built (for tests: computing a report builds none)."""
        return self._records is not None

    def later(self) -> Callable[[], tuple[Record, ...]]:
        """The records as a function, for another Explained that shows the same ones."""
        return lambda: self.records

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Explained):
            return NotImplemented
        return (self.value, self.note, self.records) == (other.value, other.note, other.records)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Explained(value={self.value!r}, note={self.note!r})"


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str
    compute: Callable[[Context], Explained]
    sensitive: bool = False  # its records (not its value) are sensitive


class Context:
    """The period and the facts, with per-run caches shared by all indicators."""

    def __init__(self, session: Any, period: Period, facts: Facts | None = None) -> None:
        self.session = session
        self.period = period
        self.start, self.end = period.start, period.end
        self.facts = facts or Facts(session)
        self._cache: dict[str, Any] = {}
        # Inspection, discipline and petition records name people only for the inspection role.
        self.sees_sensitive = actor_of(session).can(Permission.VIEW_SENSITIVE)

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def members_at(self, on: date) -> list[MemberFact]:
        result: list[MemberFact] = self.cached(
            f"members:{on}", lambda: [m for m in self.facts.members_on(on) if m.counted]
        )
        return result

    @property
    def closing(self) -> list[MemberFact]:
        return self.members_at(self.period.end)

    @property
    def opening(self) -> list[MemberFact]:
        return self.members_at(day_before(self.period.start))

    def events(self, *kinds: str) -> list[EventFact]:
        every: list[EventFact] = self.cached(
            "events", lambda: self.facts.events_between(self.period.start, self.period.end)
        )
        return [e for e in every if e.kind in kinds]


def _members(ctx: Context, items: list[MemberFact]) -> Explained:
    label = ctx.facts.member_label
    return Explained(len(items), lambda: ((m.id, label(m.id, m.cell_id)) for m in items))


def _event_label(ctx: Context, e: EventFact) -> str:
    cell = ctx.facts.cell_name(e.cell_id or ctx.facts.cell_on(e.member_id, e.event_date))
    return f"{e.member_name} ({format_date(e.event_date)})" + (f" — {cell}" if cell else "")


def _events(ctx: Context, items: list[EventFact]) -> Explained:
    return Explained(len(items), lambda: ((e.id, _event_label(ctx, e)) for e in items))


def money(amount: int) -> str:
    return f"{vi_int(amount)} đồng"


def month_label(month: str) -> str:
    """ "2026-01" → "tháng 01/2026"."""
    return f"tháng {month[5:]}/{month[:4]}"


def ratio_half_up(numerator: float | Decimal, denominator: float, places: int = 1) -> float:
    """numerator / denominator rounded half up to `places` decimals, as Vietnamese reports print
    figures (not Python's round-half-even on a binary float)."""
    exact = Decimal(str(numerator)) / Decimal(str(denominator))
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def percent(part: float, whole: float, places: int = 1) -> float:
    """part as a percentage of whole, rounded half up as printed: 1 of 16 → 6.3 (6,3 %)."""
    return ratio_half_up(100 * Decimal(str(part)), whole, places) if whole else 0.0


def education_band(text: str) -> str:
    """Upper secondary (10–12), lower secondary (6–9) or primary, on the 12-year scale: grades of
    the old 10-year system ("7/10", "10/10") are mapped first (models.services.membership)."""
    grade = school_grade(text)
    if grade >= 10:
        return "thpt"
    if grade >= 6:
        return "thcs"
    return "tieu_hoc"


@lru_cache(maxsize=1024)
def professional_band(text: str) -> str:
    t = fold(text)
    if "tien si" in t or "thac si" in t or "sau dai hoc" in t:
        return "sau_dai_hoc"
    if "dai hoc" in t or "cu nhan" in t or "ky su" in t or "bac si" in t:
        return "dai_hoc"
    if "cao dang" in t:
        return "cao_dang"
    if "trung cap" in t:
        return "trung_cap"
    return "chua_dao_tao"


def age_band(age: int) -> str:
    if age <= 30:
        return "le30"
    if age <= 40:
        return "31_40"
    if age <= 50:
        return "41_50"
    if age <= 60:
        return "51_60"
    return "ge61"


AGE_BANDS = {
    "le30": "Từ 30 tuổi trở xuống",
    "31_40": "Từ 31 đến 40 tuổi",
    "41_50": "Từ 41 đến 50 tuổi",
    "51_60": "Từ 51 đến 60 tuổi",
    "ge61": "Từ 61 tuổi trở lên",
}
EDUCATION = {"tieu_hoc": "Tiểu học", "thcs": "Trung học cơ sở", "thpt": "Trung học phổ thông"}
PROFESSIONAL = {
    "sau_dai_hoc": "Sau đại học",
    "dai_hoc": "Đại học",
    "cao_dang": "Cao đẳng",
    "trung_cap": "Trung cấp",
    "chua_dao_tao": "Chưa qua đào tạo",
}
RATING_LEVELS = {
    "xuat_sac": "Hoàn thành xuất sắc nhiệm vụ",
    "tot": "Hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "Hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "Không hoàn thành nhiệm vụ",
}
QUALITY = {"tot": "Tốt", "kha": "Khá", "trung_binh": "Trung bình", "kem": "Kém"}
DISCIPLINE = {
    "khien_trach": "Khiển trách",
    "canh_cao": "Cảnh cáo",
    "cach_chuc": "Cách chức",
    "khai_tru": "Khai trừ",
    "giai_tan": "Giải tán",
}

CATALOGUE: dict[str, Indicator] = {}


def indicator(
    key: str, label: str, unit: str = "người", *, sensitive: bool = False
) -> Callable[[Callable[[Context], Explained]], Callable[[Context], Explained]]:
    def register(fn: Callable[[Context], Explained]) -> Callable[[Context], Explained]:
        CATALOGUE[key] = Indicator(key, label, unit, fn, sensitive)
        return fn

    return register


def _add(
    key: str, label: str, fn: Callable[[Context], Explained], unit: str = "người", *, sensitive: bool = False
) -> None:
    CATALOGUE[key] = Indicator(key, label, unit, fn, sensitive)


# ---------------------------------------------------------------- members at the end of the period


def _filtered(pred: Callable[[MemberFact, Context], bool]) -> Callable[[Context], Explained]:
    return lambda ctx: _members(ctx, [m for m in ctx.closing if pred(m, ctx)])


def _age(m: MemberFact, ctx: Context) -> int:
    ages: dict[str, int] = ctx.cached("ages", dict)
    age = ages.get(m.id)
    if age is None:
        age = ages[m.id] = full_years_between(m.date_of_birth, ctx.end)
    return age


def _classify(attribute: str, m: MemberFact, ctx: Context) -> str:
    """One classification of a member (for the families of indicators)."""
    if attribute == "age":
        return age_band(_age(m, ctx))
    if attribute == "education":
        return education_band(m.general_education)
    if attribute == "professional":
        return professional_band(m.professional)
    return str(getattr(m, attribute))


def _where(attribute: str, value: str) -> Callable[[Context], Explained]:
    """The closing members of one class (the closing list split once per classification)."""

    def split(ctx: Context) -> dict[str, list[MemberFact]]:
        groups: dict[str, list[MemberFact]] = {}
        for m in ctx.closing:
            groups.setdefault(_classify(attribute, m, ctx), []).append(m)
        return groups

    return lambda ctx: _members(ctx, ctx.cached(f"classes:{attribute}", lambda: split(ctx)).get(value, []))


_minority = lru_cache(maxsize=512)(is_minority)


_has_religion = lru_cache(maxsize=512)(has_religion)


_add("members.total", "Tổng số đảng viên", _filtered(lambda m, c: True))
_add("members.probationary", "Đảng viên dự bị", _filtered(lambda m, c: m.membership == "probationary"))
_add("members.official", "Đảng viên chính thức", _filtered(lambda m, c: m.membership == "official"))
_add("members.women", "Đảng viên nữ", _filtered(lambda m, c: m.sex == "F"))
_add("members.minority", "Đảng viên người dân tộc thiểu số", _filtered(lambda m, c: _minority(m.ethnicity)))
_add("members.religion", "Đảng viên có đạo", _filtered(lambda m, c: _has_religion(m.religion)))


def _youth(ctx: Context) -> Explained:
    """Members of the Youth Union at the period end: admitted to the Union by then and still of Youth
    Union age (16 to 30, the rule "youth_union.max_age_years"): a Union date alone does not count."""
    explained = _members(ctx, [m for m in ctx.closing if m.youth_union])
    explained.note = (
        f"đã vào Đoàn và chưa quá {ctx.facts.youth_max_age(ctx.period.end)} tuổi "
        f"ngày {format_date(ctx.period.end)}"
    )
    return explained


_add("members.youth", "Đảng viên là đoàn viên thanh niên", _youth)
_add("members.exempted", "Đảng viên được miễn sinh hoạt", _filtered(lambda m, c: m.activity == "exempted"))
_add("members.away", "Đảng viên đi làm ăn xa", _filtered(lambda m, c: m.activity == "away"))
for _band, _label in AGE_BANDS.items():
    _add(f"members.age.{_band}", _label, _where("age", _band))
for _code, _label in OCCUPATIONS.items():
    _add(f"members.occupation.{_code}", _label, _where("occupation", _code))
for _code, _label in EDUCATION.items():
    _add(
        f"members.education.{_code}",
        _label,
        _where("education", _code),
    )
for _code, _label in PROFESSIONAL.items():
    _add(
        f"members.professional.{_code}",
        _label,
        _where("professional", _code),
    )
for _code, _label in THEORY_LEVELS.items():
    _add(f"members.theory.{_code or 'none'}", _label, _where("theory", _code))


@indicator("members.average_age", "Tuổi bình quân", "tuổi")
def _average_age(ctx: Context) -> Explained:
    ages = [(m, _age(m, ctx)) for m in ctx.closing]
    if not ages:
        return Explained(None)
    return Explained(
        ratio_half_up(sum(a for _, a in ages), len(ages)),
        lambda: ((m.id, f"{ctx.facts.member_label(m.id, m.cell_id)}: {a} tuổi") for m, a in ages),
        f"tổng số tuổi {sum(a for _, a in ages)} : {len(ages)} đảng viên",
    )


# ---------------------------------------------------------------- movements in the period

_add("move.opening", "Số đảng viên đầu kỳ", lambda ctx: _members(ctx, ctx.opening))
_add("move.admitted", "Kết nạp", lambda ctx: _events(ctx, ctx.events("admitted")))
_add(
    "move.readmitted",
    "Kết nạp lại, khôi phục đảng tịch",
    lambda ctx: _events(ctx, ctx.events("readmitted", "restored")),
)
_add(
    "move.transfer_in",
    "Chuyển đến (chính thức)",
    lambda ctx: _events(ctx, [e for e in ctx.events("transfer_in") if not e.temporary]),
)
_add(
    "move.transfer_in_temp",
    "Chuyển đến sinh hoạt tạm thời (không tính)",
    lambda ctx: _events(ctx, [e for e in ctx.events("transfer_in") if e.temporary]),
)
_add(
    "move.transfer_out",
    "Chuyển đi (chính thức)",
    lambda ctx: _events(ctx, [e for e in ctx.events("transfer_out") if not e.temporary]),
)
_add("move.died", "Từ trần", lambda ctx: _events(ctx, ctx.events("died")))
_add("move.struck_off", "Xóa tên", lambda ctx: _events(ctx, ctx.events("struck_off")))
_add("move.left", "Xin ra khỏi Đảng", lambda ctx: _events(ctx, ctx.events("left")))
_add("move.expelled", "Khai trừ", lambda ctx: _events(ctx, ctx.events("expelled")))
_add("move.closing", "Số đảng viên cuối kỳ", lambda ctx: _members(ctx, ctx.closing))
_add(
    "move.admitted.women",
    "Kết nạp: nữ",
    lambda ctx: _events(ctx, [e for e in ctx.events("admitted", "readmitted") if e.sex == "F"]),
)
_add(
    "move.admitted.minority",
    "Kết nạp: dân tộc thiểu số",
    lambda ctx: _events(ctx, [e for e in ctx.events("admitted", "readmitted") if _minority(e.ethnicity)]),
)
_add(
    "move.admitted.youth",
    "Kết nạp: đoàn viên thanh niên",
    lambda ctx: _events(ctx, [e for e in ctx.events("admitted", "readmitted") if e.youth_union]),
)

MOVEMENT_IN = ("move.admitted", "move.readmitted", "move.transfer_in")
MOVEMENT_OUT = ("move.transfer_out", "move.died", "move.struck_off", "move.left", "move.expelled")
BALANCE_KEYS = ("move.opening", *MOVEMENT_IN, *MOVEMENT_OUT, "move.closing")


@indicator("move.plan", "Chỉ tiêu kết nạp cả năm", "người")
def _plan(ctx: Context) -> Explained:
    plans = ctx.facts.plans(ctx.period.year)
    return Explained(
        sum(p.target for p in plans),
        lambda: (
            (
                p.id,
                f"Chỉ tiêu năm {ctx.period.year} của "
                + (ctx.facts.cell_name(p.cell_id) if p.cell_id else "đảng bộ")
                + f": {vi_int(p.target)} người",
            )
            for p in plans
        ),
    )


@indicator("move.plan_pct", "Kết nạp từ đầu năm so với chỉ tiêu", "%")
def _plan_pct(ctx: Context) -> Explained:
    plan = ctx.facts.plan(ctx.period.year)
    since_january = ctx.facts.events_between(
        date(ctx.period.year, 1, 1), ctx.period.end, ("admitted", "readmitted")
    )

    def records() -> Iterable[Record]:
        return ((e.id, _event_label(ctx, e)) for e in since_january)

    if not plan:
        return Explained(None, records, "chưa có chỉ tiêu")
    return Explained(percent(len(since_january), plan), records, f"{len(since_january)} / {plan} người")


def _recognitions(ctx: Context, late: bool) -> Explained:
    """Recognition decisions taken in the period; on time when the decision came within the rule's
    working days ("probation.recognition_working_days", 30) after the member completed probation —
    weekends and public holidays not counted — and late otherwise (the member is official from the
    end of probation anyway)."""
    start, end = ctx.period.start, ctx.period.end
    decided = ctx.facts.decided_between(start, end, ("recognised",))
    explained = _events(
        ctx,
        [
            e
            for e in decided
            if ((e.decision_date or e.event_date) > ctx.facts.recognition_deadline(e.event_date)) == late
        ],
    )
    days = int(ctx.facts.rule("probation.recognition_working_days", end))
    explained.note = (
        f"quyết định {'sau' if late else 'trong'} {days} ngày làm việc kể từ ngày đủ thời gian dự bị "
        "(không kể thứ Bảy, Chủ nhật, ngày lễ, Tết)"
    )
    return explained


_add("move.recognised_on_time", "Công nhận chính thức đúng hạn", lambda ctx: _recognitions(ctx, late=False))
_add("move.recognised_late", "Công nhận chính thức chậm", lambda ctx: _recognitions(ctx, late=True))
_add("badges.awarded", "Trao huy hiệu Đảng", lambda ctx: _events(ctx, ctx.events("badge_awarded")))


# ---------------------------------------------------------------- organisation


def _cells(ctx: Context) -> list[Any]:
    cells: list[Any] = ctx.cached("cells", lambda: ctx.facts.cells_on(ctx.period.end))
    return cells


def _cell_records(cells: list[Any]) -> Explained:
    return Explained(len(cells), lambda: ((c.id, c.name) for c in cells))


def _cells_of_kind(ctx: Context, kind: str) -> Explained:
    return _cell_records([c for c in _cells(ctx) if c.kind == kind])


_add("org.cells", "Tổng số chi bộ", lambda ctx: _cell_records(_cells(ctx)), "chi bộ")
for _code, _label in CELL_KINDS.items():
    _add(
        f"org.cells.{_code}",
        _label,
        partial(_cells_of_kind, kind=_code),
        "chi bộ",
    )
_add(
    "org.cells.committee",
    "Chi bộ có chi ủy",
    lambda ctx: _cell_records([c for c in _cells(ctx) if c.has_committee]),
    "chi bộ",
)


@indicator("org.secretary_village_head", "Bí thư chi bộ kiêm trưởng bản", "chi bộ")
def _secretary_head(ctx: Context) -> Explained:
    cells = {c.id: c for c in _cells(ctx)}
    hits = {
        p.cell_id
        for p in ctx.facts.positions_on(ctx.period.end)
        if p.role == "secretary" and p.is_village_head and p.cell_id in cells
    }
    return _cell_records([cells[c] for c in sorted(hits, key=lambda c: cells[c].sort_key)])


def _villages_on(ctx: Context) -> list[Any]:
    villages: list[Any] = ctx.cached("villages", lambda: ctx.facts.villages_on(ctx.end))
    return villages


def _village_cells(ctx: Context) -> dict[str, set[str]]:
    links: dict[str, set[str]] = ctx.cached("village_cells", lambda: ctx.facts.village_cells_on(ctx.end))
    return links


@indicator("org.villages", "Tổng số bản, tiểu khu", "bản")
def _villages(ctx: Context) -> Explained:
    villages = _villages_on(ctx)
    return Explained(len(villages), lambda: ((v.id, v.name) for v in villages))


@indicator("org.villages_no_cell", "Bản chưa có chi bộ", "bản")
def _villages_no_cell(ctx: Context) -> Explained:
    links = _village_cells(ctx)
    villages = [v for v in _villages_on(ctx) if not links.get(v.id)]
    return Explained(len(villages), lambda: ((v.id, v.name) for v in villages))


@indicator("org.villages_no_member", "Bản chưa có đảng viên", "bản")
def _villages_no_member(ctx: Context) -> Explained:
    links = _village_cells(ctx)
    with_members = {m.cell_id for m in ctx.closing}
    villages = [v for v in _villages_on(ctx) if not (links.get(v.id, set()) & with_members)]
    return Explained(len(villages), lambda: ((v.id, v.name) for v in villages))


@indicator("org.congress_held", "Chi bộ đã tổ chức đại hội trong nhiệm kỳ", "chi bộ")
def _congress(ctx: Context) -> Explained:
    start = ctx.facts.term_start() or date(ctx.period.year, 1, 1)
    return _cell_records(
        [c for c in _cells(ctx) if c.congress_date is not None and start <= c.congress_date <= ctx.period.end]
    )


# ---------------------------------------------------------------- meetings


def _meetings(ctx: Context) -> list[tuple[Any, str, int, int]]:
    rows: list[tuple[Any, str, int, int]] = ctx.cached(
        "meetings", lambda: ctx.facts.meetings_between(ctx.period.start, ctx.period.end)
    )
    return rows


def _meetings_of_quality(ctx: Context, quality: str) -> Explained:
    return _meeting_records([r for r in _meetings(ctx) if r[0].quality_rating == quality])


def _meeting_records(rows: list[tuple[Any, str, int, int]]) -> Explained:
    return Explained(
        len(rows), lambda: ((m.id, f"{name} – {format_date(m.held_date)}") for m, name, _, _ in rows)
    )


@indicator("meet.regular_due", "Buổi sinh hoạt định kỳ phải tổ chức", "buổi")
def _regular_due(ctx: Context) -> Explained:
    months = months_between(ctx.period.start, ctx.period.end)
    cells = _cells(ctx)
    return Explained(
        len(cells) * len(months),
        lambda: ((c.id, c.name) for c in cells),
        f"{len(cells)} chi bộ × {len(months)} tháng",
    )


_add(
    "meet.regular_held",
    "Buổi sinh hoạt định kỳ đã tổ chức",
    lambda ctx: _meeting_records([r for r in _meetings(ctx) if r[0].kind == "regular"]),
    "buổi",
)
_add(
    "meet.thematic_held",
    "Buổi sinh hoạt chuyên đề",
    lambda ctx: _meeting_records(
        [r for r in _meetings(ctx) if r[0].kind == "thematic" or r[0].combined_thematic]
    ),
    "buổi",
)
_add(
    "meet.assigned_attended",
    "Buổi có cấp ủy viên phụ trách dự",
    lambda ctx: _meeting_records([r for r in _meetings(ctx) if r[0].assigned_member_attended]),
    "buổi",
)
for _code, _label in QUALITY.items():
    _add(
        f"meet.quality.{_code}",
        f"Chất lượng: {_label}",
        partial(_meetings_of_quality, quality=_code),
        "buổi",
    )


@indicator("meet.attendance_pct", "Tỷ lệ đảng viên dự sinh hoạt bình quân", "%")
def _attendance(ctx: Context) -> Explained:
    rows = [r for r in _meetings(ctx) if r[3]]
    if not rows:
        return Explained(None)
    return Explained(
        percent(sum(r[2] for r in rows), sum(r[3] for r in rows)), _meeting_records(rows).later()
    )


# ---------------------------------------------------------------- rating (year)


def _ratings(ctx: Context, subject: str) -> list[Any]:
    rows: list[Any] = ctx.cached(
        f"ratings:{subject}", lambda: [r for r, _ in ctx.facts.ratings(ctx.period.year, subject)]
    )
    return rows


def _rating_label(ctx: Context, r: Any) -> str:
    if r.member_id:
        return ctx.facts.member_label(r.member_id, r.cell_id)
    return ctx.facts.cell_name(r.cell_id)


def _rating_records(ctx: Context, rows: list[Any]) -> Explained:
    return Explained(len(rows), lambda: ((r.id, _rating_label(ctx, r)) for r in rows))


def _rating(ctx: Context, subject: str, level: str) -> Explained:
    return _rating_records(
        ctx, [r for r in _ratings(ctx, subject) if r.level == level and not r.excluded_reason]
    )


def _rated(ctx: Context, subject: str) -> Explained:
    return _rating_records(ctx, [r for r in _ratings(ctx, subject) if r.level and not r.excluded_reason])


def _excluded(ctx: Context, subject: str) -> Explained:
    rows = [r for r in _ratings(ctx, subject) if r.excluded_reason]
    return Explained(
        len(rows),
        lambda: (
            (
                r.id,
                f"{_rating_label(ctx, r)}: {translate('rating', EXCLUSIONS.get(r.excluded_reason, r.excluded_reason))}",
            )
            for r in rows
        ),
    )


def excellent_quota_pct(ctx: Context) -> float:
    return float(ctx.facts.rule("rating.excellent_quota_pct_of_good", date(ctx.period.year, 12, 31)))


def _quota_groups(ctx: Context, subject: str) -> list[tuple[str | None, list[Any], list[Any]]]:
    """The groups the quota applies to, each with its (excellent, good) ratings: every cell on its own
    for members (members are rated in their cell), the commune as one group for the cells."""
    rated = [r for r in _ratings(ctx, subject) if not r.excluded_reason]
    if subject != "member":
        return [(None, [r for r in rated if r.level == "xuat_sac"], [r for r in rated if r.level == "tot"])]
    groups: dict[str | None, tuple[list[Any], list[Any]]] = {}
    for r in rated:
        excellent, good = groups.setdefault(r.cell_id, ([], []))
        if r.level == "xuat_sac":
            excellent.append(r)
        elif r.level == "tot":
            good.append(r)
    return [(cell, e, g) for cell, (e, g) in groups.items()]


def _quota(ctx: Context, subject: str) -> Explained:
    """The most that may be rated excellent: the quota share of those rated good (rounded down), summed
    over the groups the quota applies to (each cell for members)."""
    good = _rating(ctx, subject, "tot")
    pct = excellent_quota_pct(ctx)
    allowed = sum(int(len(g) * pct / 100) for _, _, g in _quota_groups(ctx, subject))
    note = f"{pct:g}% của số “hoàn thành tốt”" + (" trong từng chi bộ" if subject == "member" else "")
    return Explained(allowed, good.later(), note)


def _over_quota(ctx: Context, subject: str) -> Explained:
    """Excellent ratings over the quota, counted in each group on its own and added up: a cell 4 over
    is 4 over whatever the other cells did (issue 21). The records are the excess cells' excellent
    ratings."""
    pct = excellent_quota_pct(ctx)
    over, records = 0, []
    for _cell, excellent, good in _quota_groups(ctx, subject):
        excess = len(excellent) - int(len(good) * pct / 100)
        if excess > 0:
            over += excess
            records += excellent
    return Explained(over, lambda: ((r.id, _rating_label(ctx, r)) for r in records))


def _failed_two_years(ctx: Context) -> Explained:
    """Members rated "không hoàn thành nhiệm vụ" in the year and the year before: a ground to consider
    striking off (REPEATED_FAILURE_RULE), reported, never acted on."""
    year = ctx.period.year
    this = [r for r in _ratings(ctx, "member") if r.level == "khong_hoan_thanh" and not r.excluded_reason]
    before = ctx.cached(
        "ratings:member:previous",
        lambda: {
            r.member_id
            for r, _ in ctx.facts.ratings(year - 1, "member")
            if r.level == "khong_hoan_thanh" and not r.excluded_reason
        },
    )
    rows = [r for r in this if r.member_id in before]
    return Explained(
        len(rows),
        lambda: ((r.id, f"{_rating_label(ctx, r)}: năm {year - 1} và năm {year}") for r in rows),
        translate("rating", REPEATED_FAILURE_RULE),
    )


for _subject, _prefix, _unit in (
    ("member", "rating.members", "người"),
    ("organisation", "rating.orgs", "tổ chức"),
):
    _add(f"{_prefix}.rated", "Được xếp loại", partial(_rated, subject=_subject), _unit)
    for _code, _label in RATING_LEVELS.items():
        _add(f"{_prefix}.{_code}", _label, partial(_rating, subject=_subject, level=_code), _unit)
    _add(
        f"{_prefix}.quota",
        "Tối đa được xếp hoàn thành xuất sắc (theo tỷ lệ so với hoàn thành tốt)",
        partial(_quota, subject=_subject),
        _unit,
    )
    _add(
        f"{_prefix}.over_quota",
        "Số hoàn thành xuất sắc vượt tỷ lệ cho phép",
        partial(_over_quota, subject=_subject),
        _unit,
    )
_add("rating.members.excluded", "Không xếp loại", partial(_excluded, subject="member"))
_add(
    "rating.members.failed_two_years",
    "Đảng viên hai năm liền không hoàn thành nhiệm vụ (căn cứ xem xét xóa tên)",
    _failed_two_years,
)


# ---------------------------------------------------------------- inspection, discipline, petitions


def _subject_name(ctx: Context, member_id: str | None, cell_id: str | None) -> str:
    if member_id:
        return f"đảng viên {ctx.facts.member_label(member_id)}"
    return ctx.facts.cell_name(cell_id) or "tổ chức đảng"


def _inspections(ctx: Context, activity: str, subject: str) -> Explained:
    rows = [
        i
        for i in ctx.facts.inspections_between(ctx.period.start, ctx.period.end)
        if i.activity == activity and (i.subject_member_id is not None) == (subject == "member")
    ]
    word = "Kiểm tra" if activity == "inspection" else "Giám sát"
    return Explained(
        len(rows),
        lambda: (
            (
                i.id,
                f"{word} ngày {format_date(i.start_date)}"
                + (
                    f": {_subject_name(ctx, i.subject_member_id, i.subject_cell_id)}"
                    if ctx.sees_sensitive
                    else ""
                ),
            )
            for i in rows
        ),
    )


def _disciplines(ctx: Context, form: str) -> Explained:
    rows = [d for d in ctx.facts.disciplines_between(ctx.period.start, ctx.period.end) if d.form == form]
    return Explained(
        len(rows),
        lambda: (
            (
                d.id,
                f"{DISCIPLINE[form]}, quyết định ngày {format_date(d.decision_date)}"
                + (
                    f": {_subject_name(ctx, d.subject_member_id, d.subject_cell_id)}"
                    if ctx.sees_sensitive
                    else ""
                ),
            )
            for d in rows
        ),
    )


for _act, _act_label in (("inspection", "Kiểm tra"), ("supervision", "Giám sát")):
    for _subj, _subj_label in (("organisation", "tổ chức đảng"), ("member", "đảng viên")):
        _add(
            f"insp.{_act}.{_subj}",
            f"{_act_label} {_subj_label}",
            partial(_inspections, activity=_act, subject=_subj),
            "cuộc",
            sensitive=True,
        )
for _code, _label in DISCIPLINE.items():
    _add(
        f"disc.{_code}",
        f"Kỷ luật: {_label}",
        partial(_disciplines, form=_code),
        "trường hợp",
        sensitive=True,
    )

PETITION_STATUS = {
    "pending": "đang giải quyết",
    "resolved": "đã giải quyết",
    "filed": "lưu đơn",
    "transferred": "đã chuyển",
}


def _petition_label(ctx: Context, p: Any) -> str:
    text = f"Đơn nhận ngày {format_date(p.received_date)}"
    if p.closed_date is not None and p.closed_date <= ctx.period.end:
        text += f", {PETITION_STATUS.get(p.status, p.status)} ngày {format_date(p.closed_date)}"
    if ctx.sees_sensitive:
        about = p.subject_text or (p.summary or "").split("\n")[0]
        text += f": {about[:80]}" if about else ""
    return text


def _petitions(ctx: Context, what: str) -> Explained:
    start, end = ctx.period.start, ctx.period.end
    rows = ctx.facts.petitions_until(end)
    if what == "opening":  # still being handled when the period starts
        chosen = [
            p for p in rows if p.received_date < start and (p.closed_date is None or p.closed_date >= start)
        ]
    elif what == "received":
        chosen = [p for p in rows if p.received_date >= start]
    elif what == "pending":
        chosen = [p for p in rows if p.closed_date is None or p.closed_date > end]
    else:  # closed in the period, whenever received (received in Q2 and resolved in Q3 counts in Q3)
        chosen = [
            p
            for p in rows
            if p.status == what and p.closed_date is not None and start <= p.closed_date <= end
        ]
    return Explained(len(chosen), lambda: ((p.id, _petition_label(ctx, p)) for p in chosen))


for _code, _label in (
    ("opening", "Đang giải quyết đầu kỳ (từ kỳ trước chuyển sang)"),
    ("received", "Đơn thư nhận trong kỳ"),
    ("resolved", "Đã giải quyết"),
    ("filed", "Lưu đơn"),
    ("transferred", "Chuyển cơ quan có thẩm quyền"),
    ("pending", "Đang giải quyết cuối kỳ"),
):
    _add(f"pet.{_code}", _label, partial(_petitions, what=_code), "đơn", sensitive=True)


# ---------------------------------------------------------------- training and dues


def _courses(ctx: Context) -> list[tuple[Any, int]]:
    rows: list[tuple[Any, int]] = ctx.cached(
        "courses", lambda: ctx.facts.courses_between(ctx.period.start, ctx.period.end)
    )
    return rows


def _attendees(ctx: Context) -> list[AttendeeFact]:
    rows: list[AttendeeFact] = ctx.cached(
        "attendees", lambda: ctx.facts.attendees_between(ctx.period.start, ctx.period.end)
    )
    return rows


def _trainees(ctx: Context, kinds: tuple[str, ...] = (), levels: tuple[str, ...] = ()) -> Explained:
    rows = [
        a for a in _attendees(ctx) if (not kinds or a.kind in kinds) and (not levels or a.level in levels)
    ]
    return Explained(len(rows), lambda: ((a.id, f"{a.person} — lớp {a.course_name}") for a in rows))


_add(
    "train.classes",
    "Lớp đào tạo, bồi dưỡng đã mở",
    lambda ctx: Explained(
        len(_courses(ctx)),
        lambda: (
            (c.id, f"{c.name} (khai giảng {format_date(c.start_date)}, {n} học viên)")
            for c, n in _courses(ctx)
        ),
    ),
    "lớp",
)
_add("train.trainees", "Học viên", _trainees)
for _code, _label, _levels in (
    ("so_cap", "Học viên sơ cấp lý luận chính trị", ("so_cap",)),
    ("trung_cap", "Học viên trung cấp lý luận chính trị", ("trung_cap",)),
    ("cao_cap", "Học viên cao cấp, cử nhân", ("cao_cap", "cu_nhan")),
):
    _add(f"train.level.{_code}", _label, partial(_trainees, kinds=("theory",), levels=_levels))
_add("train.new_member", "Học viên bồi dưỡng đảng viên mới", partial(_trainees, kinds=("new_member",)))
_add("train.awareness", "Học viên lớp nhận thức về Đảng", partial(_trainees, kinds=("awareness",)))


# The one dues rounding (models.services.dues.percent_of), said where the figures are explained.
DUES_ROUNDING_NOTE = (
    "Số tiền tính theo tỷ lệ phần trăm được làm tròn đến đồng, phần lẻ từ 0,5 đồng trở lên làm tròn lên "
    "(Quyết định 342-QĐ/TW và Quy định 01-QĐ/TW chỉ quy định tỷ lệ, không quy định cách làm tròn)."
)


def _dues_rows(ctx: Context) -> list[DuesFact]:
    rows: list[DuesFact] = ctx.cached(
        "dues_rows", lambda: ctx.facts.dues_rows(ctx.period.start, ctx.period.end)
    )
    return rows


def _dues(ctx: Context) -> tuple[int, int, int | None]:
    totals: tuple[int, int, int | None] = ctx.cached(
        "dues", lambda: ctx.facts.dues_totals(ctx.period.start, ctx.period.end)
    )
    return totals


def _dues_label(ctx: Context, d: DuesFact) -> str:
    return (
        f"{ctx.facts.member_label(d.member_id, d.cell_id)} — {month_label(d.month)}: "
        f"phải nộp {money(d.due)}, đã nộp {money(d.paid)}"
    )


def _dues_due(ctx: Context) -> Explained:
    rows = [d for d in _dues_rows(ctx) if d.due]
    return Explained(_dues(ctx)[0], lambda: ((d.id, _dues_label(ctx, d)) for d in rows))


def _dues_collected(ctx: Context) -> Explained:
    rows = [d for d in _dues_rows(ctx) if d.paid]
    return Explained(_dues(ctx)[1], lambda: ((d.id, _dues_label(ctx, d)) for d in rows))


def _dues_months(ctx: Context) -> list[tuple[str, int, float | None]]:
    """(month, collected, retention %) for the months with dues rows."""

    def make() -> list[tuple[str, int, float | None]]:
        paid: dict[str, int] = {}
        for d in _dues_rows(ctx):
            paid[d.month] = paid.get(d.month, 0) + d.paid
        return [(m, paid[m], ctx.facts.retention_pct(m)) for m in sorted(paid)]

    months: list[tuple[str, int, float | None]] = ctx.cached("dues_months", make)
    return months


def _retained(ctx: Context) -> Explained:
    months = _dues_months(ctx)
    records = lambda: (  # noqa: E731 - the records, built when asked for
        (
            month,
            f"{month_label(month).capitalize()}: đã thu {money(paid)} × {pct:g}% = {money(percent_of(paid, pct))}"
            if pct is not None
            else f"{month_label(month).capitalize()}: đã thu {money(paid)}, chưa có tỷ lệ trích giữ lại",
        )
        for month, paid, pct in months
    )
    return Explained(_dues(ctx)[2], records, DUES_ROUNDING_NOTE)


def _remitted(ctx: Context) -> Explained:
    _, collected, retained = _dues(ctx)
    months = _dues_months(ctx)
    records = lambda: (  # noqa: E731 - the records, built when asked for
        (
            month,
            f"{month_label(month).capitalize()}: đã thu {money(paid)} − giữ lại {money(percent_of(paid, pct))}"
            f" = {money(paid - percent_of(paid, pct))}",
        )
        for month, paid, pct in months
        if pct is not None
    )
    return Explained(None if retained is None else collected - retained, records, DUES_ROUNDING_NOTE)


_add("dues.due", "Đảng phí phải thu", _dues_due, "đồng")
_add("dues.collected", "Đảng phí đã thu", _dues_collected, "đồng")
_add("dues.retained", "Đảng phí trích giữ lại", _retained, "đồng")
_add("dues.remitted", "Đảng phí nộp cấp trên", _remitted, "đồng")

# ---------------------------------------------------------------- evaluation


@dataclass
class Evaluation:
    values: dict[str, Explained] = field(default_factory=dict)

    def value(self, key: str) -> int | float | None:
        return self.values[key].value


def evaluate(ctx: Context, keys: list[str]) -> Evaluation:
    result = Evaluation()
    for key in keys:
        result.values[key] = CATALOGUE[key].compute(ctx)
    return result


def balance_problems(ctx: Context, values: Evaluation) -> list[str]:
    """Movements must balance: opening + in − out = closing. Returns what does not hold, naming the
    members whose state does not match the register."""
    problems = []
    opening = int(values.value("move.opening") or 0)
    moved_in = sum(int(values.value(k) or 0) for k in MOVEMENT_IN)
    moved_out = sum(int(values.value(k) or 0) for k in MOVEMENT_OUT)
    closing = int(values.value("move.closing") or 0)
    if opening + moved_in - moved_out != closing:
        problems.append(
            f"Biến động không cân đối: đầu kỳ {opening} + tăng {moved_in} − giảm {moved_out} = {opening + moved_in - moved_out}, nhưng cuối kỳ là {closing}."
        )
    start_ids = {m.id for m in ctx.opening}
    end_ids = {m.id for m in ctx.closing}
    explained_in = {rid for k in MOVEMENT_IN for rid, _ in values.values[k].records}
    joined_events = {
        e.member_id
        for k in ("admitted", "readmitted", "restored", "transfer_in")
        for e in ctx.events(k)
        if e.id in explained_in
    }
    for mid in sorted(end_ids - start_ids - joined_events):
        problems.append(
            f"{ctx.facts.name(mid)}: có trong danh sách cuối kỳ nhưng không có sự kiện kết nạp hay chuyển đến trong kỳ."
        )
    return problems


PETITION_IN = ("pet.opening", "pet.received")
PETITION_OUT = ("pet.resolved", "pet.filed", "pet.transferred", "pet.pending")


def petition_problems(ctx: Context, values: Evaluation) -> list[str]:
    """Letters must balance like members: opening + received = resolved + filed + transferred + still
    pending at the end. A letter counted on one side and not the other (e.g. closed with no date, or
    marked pending with a closing date) is named."""
    opening, received = (int(values.value(k) or 0) for k in PETITION_IN)
    resolved, filed, transferred, closing = (int(values.value(k) or 0) for k in PETITION_OUT)
    if opening + received == resolved + filed + transferred + closing:
        return []
    problems = [
        f"Đơn thư không cân đối: đầu kỳ {opening} + nhận {received} = {opening + received}, nhưng đã giải "
        f"quyết {resolved} + lưu {filed} + chuyển {transferred} + cuối kỳ {closing} = "
        f"{resolved + filed + transferred + closing}."
    ]
    ins = Counter(rid for k in PETITION_IN for rid, _ in values.values[k].records)
    outs = Counter(rid for k in PETITION_OUT for rid, _ in values.values[k].records)
    labels = {rid: label for k in (*PETITION_IN, *PETITION_OUT) for rid, label in values.values[k].records}
    for rid in sorted((ins - outs) + (outs - ins)):
        problems.append(f"{labels[rid]}: không khớp giữa số nhận và số đã xử lý trong kỳ.")
    return problems


ENDED_STATUSES = frozenset({"transferred_out", "struck_off", "left", "expelled", "deceased"})
VIEW_LABELS = {
    None: "không có trong danh sách",
    "probationary": "đảng viên dự bị",
    "official": "đảng viên chính thức",
}


def register_view(
    status: str, admission: date | None, official: date | None, end: date | None, on: date
) -> str | None:
    """What a register row (status and key dates) says about a day: not in the list (None), a
    probationary or an official member."""
    if admission is None or admission > on:
        return None
    if status in ENDED_STATUSES and (end is None or end <= on):
        return None
    return "official" if official is not None and official <= on else "probationary"


def _disagreement(ctx: Context, member_id: str, stored: str, history: str) -> tuple[str, str, str]:
    """The member and the two statuses, as a register mismatch names them."""
    return (
        ctx.facts.member_label(member_id),
        translate("membership", STATUS_LABELS.get(stored, stored)),
        translate("membership", STATUS_LABELS.get(history, history)),
    )


def register_mismatches(ctx: Context) -> list[str]:
    """Members whose register row disagrees with their history, as it matters for the period.

    For a period still running, the stored status and "counted" flag are compared with the history as
    of today. For a past period, the register as of the period end (read from the row's status and
    dates) is compared with what the history's own status and dates say about that day, so a stale
    or damaged row is named when it changes who was a member, or which kind, at the period end."""
    today_ = date.today()  # noqa: DTZ011 - a calendar date
    on = min(ctx.end, today_)
    running = ctx.end >= today_
    states = ctx.facts.states(today_)
    problems = []
    for mid, m in ctx.facts.members.items():
        state = states.get(mid)
        if state is None:
            continue
        if running:
            if state.counted != m.counted or state.status != m.status:
                who, stored, history = _disagreement(ctx, mid, m.status, state.status)
                problems.append(f"{who}: trạng thái lưu “{stored}” khác lịch sử “{history}”.")
            continue
        in_register = register_view(m.status, m.admission_date, m.official_date, m.end_date, on)
        in_history = register_view(state.status, state.ceremony, state.official, state.end_date, on)
        if in_register != in_history:
            who, stored, history = _disagreement(ctx, mid, m.status, state.status)
            problems.append(
                f"{who}: trạng thái lưu “{stored}” khác lịch sử “{history}”; ngày {format_date(on)} sổ đảng "
                f"viên ghi {VIEW_LABELS[in_register]}, lịch sử ghi {VIEW_LABELS[in_history]}."
            )
    return problems


def recognition_due(ctx: Context) -> date:
    return add_months(ctx.period.end, -12)
