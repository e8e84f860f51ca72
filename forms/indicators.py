"""The indicator catalogue (DOMAIN.md §5): each indicator is a named computation over a period that
returns its value together with the records behind it, so every number in a report can be explained.
Report forms (forms/quarterly.py) only refer to indicators by key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from forms.periods import Period
from models.dates import add_months, format_date, full_years_between
from models.picklists import is_minority
from models.rules import rule
from models.services.membership import OCCUPATIONS, THEORY_LEVELS
from models.services.organisation import CELL_KINDS
from models.services.statistics import EventFact, Facts, MemberFact, day_before, months_between
from models.text import fold

Record = tuple[str, str]  # (record id, label shown when explaining)


@dataclass(frozen=True)
class Explained:
    value: int | float | None
    records: tuple[Record, ...] = ()
    note: str = ""


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
        self.facts = facts or Facts(session)
        self._cache: dict[str, Any] = {}

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


def _members(items: list[MemberFact]) -> Explained:
    return Explained(len(items), tuple((m.id, m.name) for m in items))


def _events(items: list[EventFact]) -> Explained:
    return Explained(
        len(items), tuple((e.id, f"{e.member_name} ({format_date(e.event_date)})") for e in items)
    )


def _grade(text: str) -> int:
    head = (text or "").split("/")[0].strip()
    return int(head) if head.isdigit() else 0


def education_band(text: str) -> str:
    grade = _grade(text)
    if grade >= 10:
        return "thpt"
    if grade >= 6:
        return "thcs"
    return "tieu_hoc"


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
    return lambda ctx: _members([m for m in ctx.closing if pred(m, ctx)])


def _age(m: MemberFact, ctx: Context) -> int:
    return full_years_between(m.date_of_birth, ctx.period.end)


def _where(attribute: str, value: str) -> Callable[[MemberFact, Context], bool]:
    """A predicate on one classification of a member (for the families of indicators)."""

    def predicate(m: MemberFact, ctx: Context) -> bool:
        if attribute == "age":
            return age_band(_age(m, ctx)) == value
        if attribute == "education":
            return education_band(m.general_education) == value
        if attribute == "professional":
            return professional_band(m.professional) == value
        return bool(getattr(m, attribute) == value)

    return predicate


_add("members.total", "Tổng số đảng viên", _filtered(lambda m, c: True))
_add("members.probationary", "Đảng viên dự bị", _filtered(lambda m, c: m.membership == "probationary"))
_add("members.official", "Đảng viên chính thức", _filtered(lambda m, c: m.membership == "official"))
_add("members.women", "Đảng viên nữ", _filtered(lambda m, c: m.sex == "F"))
_add("members.minority", "Đảng viên người dân tộc thiểu số", _filtered(lambda m, c: is_minority(m.ethnicity)))
_add("members.religion", "Đảng viên có đạo", _filtered(lambda m, c: fold(m.religion) not in ("", "khong")))
_add("members.youth", "Đảng viên là đoàn viên thanh niên", _filtered(lambda m, c: m.youth_union))
_add("members.exempted", "Đảng viên được miễn sinh hoạt", _filtered(lambda m, c: m.activity == "exempted"))
_add("members.away", "Đảng viên đi làm ăn xa", _filtered(lambda m, c: m.activity == "away"))
for _band, _label in AGE_BANDS.items():
    _add(f"members.age.{_band}", _label, _filtered(_where("age", _band)))
for _code, _label in OCCUPATIONS.items():
    _add(f"members.occupation.{_code}", _label, _filtered(_where("occupation", _code)))
for _code, _label in EDUCATION.items():
    _add(
        f"members.education.{_code}",
        _label,
        _filtered(_where("education", _code)),
    )
for _code, _label in PROFESSIONAL.items():
    _add(
        f"members.professional.{_code}",
        _label,
        _filtered(_where("professional", _code)),
    )
for _code, _label in THEORY_LEVELS.items():
    _add(f"members.theory.{_code or 'none'}", _label, _filtered(_where("theory", _code)))


@indicator("members.average_age", "Tuổi bình quân", "tuổi")
def _average_age(ctx: Context) -> Explained:
    ages = [_age(m, ctx) for m in ctx.closing]
    return Explained(round(sum(ages) / len(ages), 1) if ages else None)


# ---------------------------------------------------------------- movements in the period

_add("move.opening", "Số đảng viên đầu kỳ", lambda ctx: _members(ctx.opening))
_add("move.admitted", "Kết nạp", lambda ctx: _events(ctx.events("admitted")))
_add(
    "move.readmitted",
    "Kết nạp lại, khôi phục đảng tịch",
    lambda ctx: _events(ctx.events("readmitted", "restored")),
)
_add(
    "move.transfer_in",
    "Chuyển đến (chính thức)",
    lambda ctx: _events([e for e in ctx.events("transfer_in") if not e.temporary]),
)
_add(
    "move.transfer_in_temp",
    "Chuyển đến sinh hoạt tạm thời (không tính)",
    lambda ctx: _events([e for e in ctx.events("transfer_in") if e.temporary]),
)
_add(
    "move.transfer_out",
    "Chuyển đi (chính thức)",
    lambda ctx: _events([e for e in ctx.events("transfer_out") if not e.temporary]),
)
_add("move.died", "Từ trần", lambda ctx: _events(ctx.events("died")))
_add("move.struck_off", "Xóa tên", lambda ctx: _events(ctx.events("struck_off")))
_add("move.left", "Xin ra khỏi Đảng", lambda ctx: _events(ctx.events("left")))
_add("move.expelled", "Khai trừ", lambda ctx: _events(ctx.events("expelled")))
_add("move.closing", "Số đảng viên cuối kỳ", lambda ctx: _members(ctx.closing))
_add(
    "move.admitted.women",
    "Kết nạp: nữ",
    lambda ctx: _events([e for e in ctx.events("admitted", "readmitted") if e.sex == "F"]),
)
_add(
    "move.admitted.minority",
    "Kết nạp: dân tộc thiểu số",
    lambda ctx: _events([e for e in ctx.events("admitted", "readmitted") if is_minority(e.ethnicity)]),
)
_add(
    "move.admitted.youth",
    "Kết nạp: đoàn viên thanh niên",
    lambda ctx: _events([e for e in ctx.events("admitted", "readmitted") if e.youth_union]),
)

MOVEMENT_IN = ("move.admitted", "move.readmitted", "move.transfer_in")
MOVEMENT_OUT = ("move.transfer_out", "move.died", "move.struck_off", "move.left", "move.expelled")


@indicator("move.plan", "Chỉ tiêu kết nạp cả năm", "người")
def _plan(ctx: Context) -> Explained:
    return Explained(ctx.facts.plan(ctx.period.year))


@indicator("move.plan_pct", "Kết nạp từ đầu năm so với chỉ tiêu", "%")
def _plan_pct(ctx: Context) -> Explained:
    plan = ctx.facts.plan(ctx.period.year)
    since_january = ctx.facts.events_between(
        date(ctx.period.year, 1, 1), ctx.period.end, ("admitted", "readmitted")
    )
    if not plan:
        return Explained(None, tuple((e.id, e.member_name) for e in since_january), "chưa có chỉ tiêu")
    return Explained(
        round(100 * len(since_january) / plan, 1), tuple((e.id, e.member_name) for e in since_january)
    )


def _recognitions(ctx: Context, late: bool) -> Explained:
    """Recognition decisions taken in the period; late when the decision came more than the grace
    days after the member completed probation (the member is official from that day anyway)."""
    grace = int(rule(ctx.session, "probation.recognition_grace_days", ctx.period.end))
    start, end = ctx.period.start, ctx.period.end
    decided = [
        e
        for e in ctx.facts.events_between(date(1900, 1, 1), end, ("recognised",))
        if start <= (e.decision_date or e.event_date) <= end
    ]
    return _events(
        [e for e in decided if (((e.decision_date or e.event_date) - e.event_date).days > grace) == late]
    )


_add("move.recognised_on_time", "Công nhận chính thức đúng hạn", lambda ctx: _recognitions(ctx, late=False))
_add("move.recognised_late", "Công nhận chính thức chậm", lambda ctx: _recognitions(ctx, late=True))
_add("badges.awarded", "Trao huy hiệu Đảng", lambda ctx: _events(ctx.events("badge_awarded")))


# ---------------------------------------------------------------- organisation


def _cells(ctx: Context) -> list[Any]:
    cells: list[Any] = ctx.cached("cells", lambda: ctx.facts.cells_on(ctx.period.end))
    return cells


def _cell_records(cells: list[Any]) -> Explained:
    return Explained(len(cells), tuple((c.id, c.name) for c in cells))


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


@indicator("org.villages", "Tổng số bản, tiểu khu", "bản")
def _villages(ctx: Context) -> Explained:
    villages = ctx.facts.villages_on(ctx.period.end)
    return Explained(len(villages), tuple((v.id, v.name) for v in villages))


@indicator("org.villages_no_cell", "Bản chưa có chi bộ", "bản")
def _villages_no_cell(ctx: Context) -> Explained:
    links = ctx.facts.village_cells_on(ctx.period.end)
    villages = [v for v in ctx.facts.villages_on(ctx.period.end) if not links.get(v.id)]
    return Explained(len(villages), tuple((v.id, v.name) for v in villages))


@indicator("org.villages_no_member", "Bản chưa có đảng viên", "bản")
def _villages_no_member(ctx: Context) -> Explained:
    links = ctx.facts.village_cells_on(ctx.period.end)
    with_members = {m.cell_id for m in ctx.closing}
    villages = [
        v for v in ctx.facts.villages_on(ctx.period.end) if not (links.get(v.id, set()) & with_members)
    ]
    return Explained(len(villages), tuple((v.id, v.name) for v in villages))


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
        len(rows), tuple((m.id, f"{name} – {format_date(m.held_date)}") for m, name, _, _ in rows)
    )


@indicator("meet.regular_due", "Buổi sinh hoạt định kỳ phải tổ chức", "buổi")
def _regular_due(ctx: Context) -> Explained:
    months = months_between(ctx.period.start, ctx.period.end)
    cells = _cells(ctx)
    return Explained(
        len(cells) * len(months),
        tuple((c.id, c.name) for c in cells),
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
        round(100 * sum(r[2] for r in rows) / sum(r[3] for r in rows), 1), _meeting_records(rows).records
    )


# ---------------------------------------------------------------- rating (year)


def _disciplines(ctx: Context, form: str) -> Explained:
    rows = [d for d in ctx.facts.disciplines_between(ctx.period.start, ctx.period.end) if d.form == form]
    return Explained(len(rows), tuple((d.id, format_date(d.decision_date)) for d in rows))


def _train_level(ctx: Context, level: str) -> Explained:
    levels = {level, "cu_nhan"} if level == "cao_cap" else {level}
    return Explained(sum(n for c, n in _courses(ctx) if c.kind == "theory" and c.level in levels))


def _rating(ctx: Context, subject: str, level: str) -> Explained:
    rows = [
        r
        for r, _ in ctx.facts.ratings(ctx.period.year, subject)
        if r.level == level and not r.excluded_reason
    ]
    return Explained(len(rows), tuple((r.id, r.member_id or r.cell_id) for r in rows))


for _code, _label in RATING_LEVELS.items():
    _add(f"rating.members.{_code}", _label, partial(_rating, subject="member", level=_code))
    _add(f"rating.orgs.{_code}", _label, partial(_rating, subject="organisation", level=_code), "tổ chức")
_add(
    "rating.members.excluded",
    "Không xếp loại",
    lambda ctx: Explained(
        sum(1 for r, _ in ctx.facts.ratings(ctx.period.year, "member") if r.excluded_reason)
    ),
)


# ---------------------------------------------------------------- inspection, discipline, petitions


def _inspections(ctx: Context, activity: str, subject: str) -> Explained:
    rows = [
        i
        for i in ctx.facts.inspections_between(ctx.period.start, ctx.period.end)
        if i.activity == activity and (i.subject_member_id is not None) == (subject == "member")
    ]
    return Explained(len(rows), tuple((i.id, format_date(i.start_date)) for i in rows))


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


def _petitions(ctx: Context, what: str) -> Explained:
    start, end = ctx.period.start, ctx.period.end
    rows = ctx.facts.petitions_until(end)
    if what == "received":
        chosen = [p for p in rows if p.received_date >= start]
    elif what == "pending":
        chosen = [p for p in rows if p.closed_date is None or p.closed_date > end]
    else:
        chosen = [
            p
            for p in rows
            if p.received_date >= start
            and p.status == what
            and p.closed_date is not None
            and p.closed_date <= end
        ]
    return Explained(len(chosen), tuple((p.id, format_date(p.received_date)) for p in chosen))


for _code, _label in (
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


_add(
    "train.classes",
    "Lớp đào tạo, bồi dưỡng đã mở",
    lambda ctx: Explained(len(_courses(ctx)), tuple((c.id, c.name) for c, _ in _courses(ctx))),
    "lớp",
)
_add(
    "train.trainees",
    "Học viên",
    lambda ctx: Explained(
        sum(n for _, n in _courses(ctx)), tuple((c.id, f"{c.name}: {n}") for c, n in _courses(ctx))
    ),
)
for _code, _label in (
    ("so_cap", "Học viên sơ cấp lý luận chính trị"),
    ("trung_cap", "Học viên trung cấp lý luận chính trị"),
    ("cao_cap", "Học viên cao cấp, cử nhân"),
):
    _add(
        f"train.level.{_code}",
        _label,
        partial(_train_level, level=_code),
    )
_add(
    "train.new_member",
    "Học viên bồi dưỡng đảng viên mới",
    lambda ctx: Explained(sum(n for c, n in _courses(ctx) if c.kind == "new_member")),
)
_add(
    "train.awareness",
    "Học viên lớp nhận thức về Đảng",
    lambda ctx: Explained(sum(n for c, n in _courses(ctx) if c.kind == "awareness")),
)


def _dues(ctx: Context) -> tuple[int, int, int | None]:
    totals: tuple[int, int, int | None] = ctx.cached(
        "dues", lambda: ctx.facts.dues_totals(ctx.period.start, ctx.period.end)
    )
    return totals


def _remitted(ctx: Context) -> Explained:
    _, collected, retained = _dues(ctx)
    return Explained(None if retained is None else collected - retained)


_add("dues.due", "Đảng phí phải thu", lambda ctx: Explained(_dues(ctx)[0]), "đồng")
_add("dues.collected", "Đảng phí đã thu", lambda ctx: Explained(_dues(ctx)[1]), "đồng")
_add("dues.retained", "Đảng phí trích giữ lại", lambda ctx: Explained(_dues(ctx)[2]), "đồng")
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


def register_mismatches(ctx: Context) -> list[str]:
    """For a period ending today or later: members whose stored status disagrees with their history."""
    today_ = date.today()  # noqa: DTZ011 - a calendar date
    if ctx.period.end < today_:
        return []
    states = ctx.facts.states(today_)
    problems = []
    for mid, m in ctx.facts.members.items():
        state = states.get(mid)
        if state is not None and (state.counted != m.counted or state.status != m.status):
            problems.append(
                f"{ctx.facts.name(mid)}: trạng thái lưu “{m.status}” khác lịch sử “{state.status}”."
            )
    return problems


def recognition_due(ctx: Context) -> date:
    return add_months(ctx.period.end, -12)
