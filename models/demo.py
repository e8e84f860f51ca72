"""The demo commune: `generate_demo(path, DemoOptions(...))` builds a realistic, deterministic database of a
merged Sơn La border commune after 1/7/2025 (DOMAIN.md §1, §3).

Two phases. First a pure plan: every member's identity and dated history is drawn from one seeded
`random.Random`, including the fates the reports need (probationary and overdue, exempted, away,
transferred, deceased, struck off, left, expelled, re-admitted) and the cell and commune posts. Then the
plan is written **only through the real services** (organisation, membership), in a few large
transactions, so a history the Party rules refuse cannot be stored: a bad plan fails loudly.

Determinism: the same seed and the same anchor date give the same tables, row for row. Random choices
come from the seeded generator; record ids come from a seeded UUID source and created/updated times from
a counting clock that starts on the eve of the anchor date, both installed for the whole run with
`DemoStamps.installed()` (`models.base.id_source`, `models.base.clock_source`; the services keep calling
`new_id`). `exports.demo_db` keeps the same stamps installed while it adds meetings and Party-work
records, so every id of a demo comes from the seed. Only the security material (the database key, the
audit key, the database id) and the audit chain (real times) differ between runs. The anchor ("today"
of the demo) is a fixed date, clamped to the real date, so runs on different days agree too."""

from __future__ import annotations

import bisect
import itertools
import logging
import random
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import demo_data as dd
from models.base import clock_source, id_source
from models.dates import add_months, full_months_between, month_key
from models.dates import today as real_today
from models.db import Database, read_session, unit_of_work
from models.entities import Cell, Member, Village
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import organisation as org
from models.services.common import set_meta
from models.setup import open_app_database

log = logging.getLogger(__name__)

DEMO_TODAY = date(2026, 11, 1)  # the demo's "today": fixed so that every run agrees
DEMO_META_KEY = "demo_seed"
BADGE_DAYS = ((2, 3), (5, 19), (9, 2), (11, 7))
BADGES_RECORDED_FROM = date(2016, 1, 1)  # older awards were not typed in when the office began
_T = TypeVar("_T")


@dataclass(frozen=True)
class DemoOptions:
    members: int = 1200  # rows in the member table (current and former members)
    seed: int = 1
    today: date | None = None  # the demo's "today"; None: DEMO_TODAY (or the real date if earlier)
    batch_size: int = 400  # members written per transaction
    check_drive: bool = True  # refuse removable/network drives (tests pass False for tmp folders)


@dataclass(frozen=True)
class DemoSummary:
    unit_name: str
    cells: int
    members: int  # member records
    counted: int  # members counted in the commune today
    villages: int
    path: Path
    seconds: float = 0.0


def create_demo_database(path: Path, options: DemoOptions) -> Database:
    """The one place that creates the demo's database file (the security work may change how)."""
    return open_app_database(path, create=True, check_drive=options.check_drive)


# ---------------------------------------------------------------- the plan


@dataclass
class Step:
    """One service call in a member's history."""

    when: date
    kind: str
    decision_date: date | None = None
    body: str = ""  # issuing body; decisions get numbers per body and year
    extra: dict[str, Any] = field(default_factory=dict)
    decision_no: str = ""


@dataclass
class Plan:
    index: int
    cell: int  # index into dd.CELLS
    family: str
    middle: str
    given: str
    sex: str
    ethnicity: str
    born: date = date(1970, 1, 1)
    origin: str = "admitted"  # admitted / transfer_in / temp_in
    lowland: int | None = None  # index into dd.LOWLAND_HOME_TOWNS, None for people born locally
    consideration: date = date(2000, 1, 1)
    decision: date = date(2000, 1, 1)
    ceremony: date = date(2000, 1, 1)
    recognised: date | None = None  # decision date of official recognition
    transfer_date: date | None = None
    fate: str = ""
    end: date | None = None  # when the member stopped being counted
    steps: list[Step] = field(default_factory=list)
    position: str = ""
    theory: str | None = None
    occupation: str = ""
    introducers: tuple[str, str] = ("", "")
    profile: ms.Profile | None = None

    @property
    def due(self) -> date:
        return add_months(self.ceremony, 12)

    @property
    def official(self) -> date | None:
        return self.due if self.recognised is not None else None

    @property
    def joined(self) -> date:
        """When the member began in this commune (admission here, or transfer in)."""
        return self.transfer_date or self.ceremony

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.family, self.middle, self.given) if p)

    def age(self, on: date) -> int:
        return full_months_between(self.born, on) // 12


def _weighted(rng: random.Random, items: Sequence[tuple[_T, float]] | Sequence[tuple[_T, int]]) -> _T:
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def _between(rng: random.Random, start: date, end: date) -> date:
    if end <= start:
        return start
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split `total` by `weights` (largest remainder), at least one each when there are enough."""
    base = 1 if total >= len(weights) else 0
    rest = total - base * len(weights)
    shares = [rest * w / sum(weights) for w in weights]
    counts = [base + int(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: (-(shares[i] - int(shares[i])), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


class Planner:
    """Draws the whole commune from one seeded generator; writes nothing."""

    def __init__(self, options: DemoOptions, anchor: date) -> None:
        self.rng = random.Random(f"demo-{options.seed}")  # noqa: S311 - reproducible sample data, not secrets
        self.n = options.members
        self.anchor = anchor
        self.plans: list[Plan] = []
        self.cccds: set[str] = set()
        self.counted_in: list[int] = []
        self.cards: set[str] = set()
        self.posts: list[Post] = []
        self.assignments: list[tuple[int, int, date]] = []  # (cell, plan index, start)

    # -- people

    def person(self, index: int, cell: int) -> Plan:
        rng, spec = self.rng, dd.CELLS[cell]
        ethnicity = _weighted(rng, dd.MIXES[spec.mix])
        sex = "F" if rng.random() < spec.female_share else "M"
        stock = dd.NAMES[ethnicity]
        family = _weighted(rng, stock.families)
        if sex == "M":
            middle, given = _weighted(rng, stock.male_middles), rng.choice(stock.male_given)
        else:
            middle, given = _weighted(rng, stock.female_middles), rng.choice(stock.female_given)
        plan = Plan(index, cell, family, middle, given, sex, ethnicity)
        if ethnicity == "Kinh" and rng.random() < 0.7:
            plan.lowland = rng.randrange(len(dd.LOWLAND_HOME_TOWNS))
        return plan

    def admission_year(self, first: int) -> int:
        years = list(range(first, self.anchor.year + 1))
        weights = [
            0.25 if y < 1980 else 0.5 if y < 1990 else 0.8 if y < 2000 else 1.1 if y < 2010 else 1.6
            for y in years
        ]
        weights[-1] *= self.anchor.timetuple().tm_yday / 366
        return self.rng.choices(years, weights=weights)[0]

    def set_admission(self, plan: Plan, ceremony: date, age_years: float | None = None) -> None:
        """Date the admission: cell consideration, committee decision, ceremony, and a birth date that
        makes the member 18–48 at the consideration and at most 89 on the anchor date."""
        rng = self.rng
        ceremony = min(ceremony, self.anchor - timedelta(days=3))
        decision = ceremony - timedelta(days=rng.randint(5, 28))
        consideration = decision - timedelta(days=rng.randint(10, 45))
        if age_years is None:
            years_since = (self.anchor - consideration).days / 365.25
            top = max(19.0, min(48.0, 89.0 - years_since))
            age_years = rng.triangular(18.2, top, min(23.0, top))
        months = max(217, int(age_years * 12))
        plan.born = add_months(consideration, -months) - timedelta(days=rng.randint(1, 27))
        plan.consideration, plan.decision, plan.ceremony = consideration, decision, ceremony

    def set_recognition(self, plan: Plan, after: date | None = None) -> None:
        """Official recognition decided a few weeks after the 12 months (some late); None when that
        decision would lie after the anchor (the member is still probationary, perhaps overdue)."""
        rng = self.rng
        lag = rng.randint(60, 160) if rng.random() < 0.08 else rng.randint(3, 40)
        decided = max(plan.due, after or plan.due) + timedelta(days=lag)
        plan.recognised = decided if decided <= self.anchor else None

    def draw_members(self) -> None:
        counts = _allocate(self.n, [c.weight for c in dd.CELLS])
        index = 0
        for cell, count in enumerate(counts):
            spec = dd.CELLS[cell]
            for _ in range(count):
                plan = self.person(index, cell)
                index += 1
                for _attempt in range(20):  # staff of schools, agencies and forces are of working age
                    if self.rng.random() < spec.transferred_share:
                        self.draw_transfer_in(plan, spec)
                    else:
                        plan.origin, plan.transfer_date = "admitted", None
                        year = self.admission_year(1966)
                        self.set_admission(plan, _between(self.rng, date(year, 1, 1), date(year, 12, 31)))
                        self.set_recognition(plan)
                    if spec.kind == "village" or plan.age(self.anchor) <= 59:
                        break
                self.plans.append(plan)

    def draw_transfer_in(self, plan: Plan, spec: dd.CellSpec) -> None:
        rng, anchor = self.rng, self.anchor
        staff = spec.kind != "village"
        if staff and anchor >= dd.MERGER_DATE and rng.random() < 0.5:
            moved = dd.MERGER_DATE  # district staff sent to the merged commune
        else:
            moved = _between(rng, date(1995, 1, 1), anchor - timedelta(days=20))
        self.set_admission(plan, _between(rng, moved - timedelta(days=25 * 365), moved - timedelta(days=60)))
        plan.origin, plan.transfer_date = "transfer_in", moved
        if plan.due < moved:
            plan.recognised = plan.due + timedelta(days=rng.randint(3, 40))
            if plan.recognised >= moved:
                plan.recognised = plan.due
        else:
            self.set_recognition(plan, after=moved)

    # -- fates

    def pick(
        self, rate: float, minimum: int, eligible: Callable[[Plan], bool], *, ends: bool = False
    ) -> list[Plan]:
        """Members for one fate: `rate` of the commune, at least `minimum` where possible. A fate that
        `ends` counting never takes a cell's last counted member (every cell keeps members)."""
        want = max(minimum, round(rate * self.n))
        pool = [p for p in self.plans if not p.fate and p.origin != "temp_in" and eligible(p)]
        chosen: list[Plan] = []
        for p in self.rng.sample(pool, len(pool)):
            if len(chosen) == want:
                break
            if ends:
                if self.counted_in[p.cell] < 2:
                    continue
                self.counted_in[p.cell] -= 1
            chosen.append(p)
        return sorted(chosen, key=lambda p: p.index)

    def draw_fates(self) -> None:
        rng, anchor = self.rng, self.anchor
        self.counted_in = [0] * len(dd.CELLS)
        for p in self.plans:
            self.counted_in[p.cell] += 1
        year = timedelta(days=365)

        def official_before(p: Plan, when: date) -> bool:
            return p.recognised is not None and max(p.recognised, p.joined) < when

        # Temporary members received from elsewhere (not counted in the commune).
        staff_cells = {i for i, c in enumerate(dd.CELLS) if c.kind in ("school", "agency", "health")}
        for p in self.pick(0.005, 1, lambda p: p.cell in staff_cells, ends=True):
            moved = _between(rng, anchor - 2 * year, anchor - timedelta(days=30))
            self.set_admission(p, _between(rng, moved - 15 * year, moved - 2 * year))
            p.recognised = p.due + timedelta(days=rng.randint(3, 40))
            p.origin, p.transfer_date, p.fate = "temp_in", moved, "temp_in"
        for p in self.pick(0.001, 1, lambda p: official_before(p, anchor - 12 * year) and p.age(anchor) < 58):
            self.draw_readmission(p)
        for p in self.pick(0.003, 1, lambda p: official_before(p, anchor - 3 * year), ends=True):
            assert p.recognised is not None
            since = max(p.recognised, p.joined)
            p.fate, p.end = "expelled", _between(rng, since + 2 * year, anchor - timedelta(days=20))
        for p in self.pick(0.003, 1, lambda p: official_before(p, anchor - 2 * year), ends=True):
            assert p.recognised is not None
            since = max(p.recognised, p.joined)
            p.fate, p.end = "left", _between(rng, since + year, anchor - timedelta(days=20))
        for p in self.pick(0.01, 1, lambda p: p.joined < anchor - year, ends=True):
            p.fate, p.end = "struck_off", _between(rng, p.joined + year // 2, anchor - timedelta(days=10))
            if p.recognised is not None and p.recognised >= p.end:
                p.recognised = None  # a probationary member struck off
        for p in self.pick(
            0.025, 2, lambda p: official_before(p, anchor - 2 * year) and p.age(anchor) >= 62, ends=True
        ):
            assert p.recognised is not None
            start = max(p.recognised + year, add_months(p.born, 60 * 12), p.joined)
            p.fate, p.end = "deceased", _between(rng, start, anchor - timedelta(days=10))
        for p in self.pick(0.03, 2, lambda p: official_before(p, anchor - year), ends=True):
            assert p.recognised is not None
            p.fate = "transferred_out"
            p.end = _between(rng, max(p.recognised, p.joined) + timedelta(days=30), anchor)
        for p in self.pick(0.05, 2, lambda p: official_before(p, anchor - year) and p.age(anchor) >= 68):
            p.fate = "exempted"
        for p in self.pick(
            0.008, 1, lambda p: official_before(p, anchor - 4 * year) and 40 <= p.age(anchor) < 67
        ):
            p.fate = "exempted_health"
        for p in self.pick(0.003, 1, lambda p: official_before(p, anchor - 5 * year) and p.age(anchor) < 60):
            p.fate = "exempted_ended"
        for p in self.pick(0.035, 2, lambda p: p.age(anchor) <= 42 and p.joined < anchor - year):
            p.fate = "away"
        for p in self.pick(0.012, 1, lambda p: p.age(anchor) <= 45 and p.joined < anchor - 6 * year):
            p.fate = "away_returned"
        for p in self.pick(0.01, 1, lambda p: official_before(p, anchor - year) and p.age(anchor) <= 50):
            p.fate = "temp_out"
        self.ensure_probationers()

    def draw_readmission(self, p: Plan) -> None:
        """Struck off, then re-admitted years later: a new probation, the gap is not Party age."""
        rng, anchor = self.rng, self.anchor
        assert p.recognised is not None
        since = max(p.recognised, p.joined)
        struck = _between(rng, since + timedelta(days=2 * 365), anchor - timedelta(days=8 * 365))
        again = _between(rng, struck + timedelta(days=3 * 365), anchor - timedelta(days=500))
        consideration = again - timedelta(days=rng.randint(40, 70))
        decision = consideration + timedelta(days=rng.randint(15, 30))
        p.fate, p.end = "readmitted", struck
        p.steps.append(
            Step(struck, "struck_off", struck, dd.BODY_COMMUNE, {"reason": dd.STRUCK_OFF_REASONS[0]})
        )
        p.steps.append(
            Step(again, "readmit", decision, self.admission_body(decision), {"consideration": consideration})
        )
        recognised = add_months(again, 12) + timedelta(days=rng.randint(3, 40))
        if recognised <= anchor:
            p.steps.append(Step(recognised, "recognise", recognised, self.admission_body(recognised)))

    def ensure_probationers(self) -> None:
        """At least a few probationary members, some of them overdue for official recognition."""
        rng, anchor = self.rng, self.anchor
        pending = [p for p in self.plans if not p.fate and p.origin == "admitted" and p.recognised is None]
        overdue = [p for p in pending if p.due < anchor - timedelta(days=30)]
        want_overdue = max(2, round(0.008 * self.n)) - len(overdue)
        want_recent = max(3, round(0.02 * self.n)) - (len(pending) - len(overdue))
        pool = [p for p in self.plans if not p.fate and p.origin == "admitted" and p.recognised is not None]
        chosen = sorted(
            rng.sample(pool, min(len(pool), max(want_overdue, 0) + max(want_recent, 0))),
            key=lambda p: p.index,
        )
        for i, p in enumerate(chosen):
            if i < want_overdue:
                ceremony = add_months(anchor, -12) - timedelta(days=rng.randint(35, 150))
            else:
                ceremony = anchor - timedelta(days=rng.randint(20, 330))
            self.set_admission(p, ceremony, age_years=rng.triangular(18.2, 40.0, 24.0))
            p.recognised = None

    # -- histories

    def admission_body(self, on: date) -> str:
        if on >= dd.MERGER_DATE:
            return dd.BODY_COMMUNE
        return dd.BODY_DISTRICT if on >= dd.UPPER_BEFORE_FROM else dd.BODY_BEFORE_2004

    def build_steps(self) -> None:
        rng, anchor = self.rng, self.anchor
        year = timedelta(days=365)
        for p in self.plans:
            head: list[Step] = []
            if p.origin == "admitted":
                head.append(Step(p.ceremony, "admit", p.decision, self.admission_body(p.decision)))
            else:
                assert p.transfer_date is not None
                other = (
                    rng.choice(dd.DISTRICT_ORGANISATIONS)
                    if p.transfer_date == dd.MERGER_DATE
                    else rng.choice(dd.OTHER_ORGANISATIONS)
                )
                letter = f"{rng.randint(1, 180):02d}-GGT/ĐU"
                head.append(Step(p.transfer_date, "transfer_in", extra={"other": other, "letter": letter}))
            if p.recognised is not None and (p.origin == "admitted" or p.recognised > p.joined):
                head.append(Step(p.recognised, "recognise", p.recognised, self.admission_body(p.recognised)))
            p.steps = head + p.steps
            start = max(p.recognised or p.ceremony, p.joined)
            if p.fate == "exempted":
                when = max(start + year, add_months(p.born, 12 * rng.randint(65, 70)))
                when = min(when, anchor - timedelta(days=30))
                p.steps.append(Step(when, "exempt", extra={"reason": "Tuổi cao, sức khỏe yếu"}))
            elif p.fate in ("exempted_health", "exempted_ended"):
                when = _between(rng, max(start + year, anchor - 4 * year), anchor - year)
                p.steps.append(Step(when, "exempt", extra={"reason": rng.choice(dd.HEALTH_REASONS)}))
                if p.fate == "exempted_ended":
                    back = _between(rng, when + year // 2, anchor - timedelta(days=20))
                    p.steps.append(Step(back, "exempt_end"))
            elif p.fate in ("away", "away_returned"):
                if p.fate == "away":
                    when = _between(
                        rng,
                        max(p.joined + timedelta(days=60), anchor - 2 * year),
                        anchor - timedelta(days=15),
                    )
                else:
                    when = _between(
                        rng, max(p.joined + timedelta(days=60), anchor - 6 * year), anchor - 2 * year
                    )
                p.steps.append(Step(when, "away", extra={"reason": rng.choice(dd.AWAY_PLACES)}))
                if p.fate == "away_returned":
                    p.steps.append(
                        Step(_between(rng, when + year // 2, anchor - timedelta(days=20)), "away_end")
                    )
            elif p.fate == "temp_out":
                when = _between(rng, max(start, anchor - 2 * year), anchor - timedelta(days=20))
                p.steps.append(
                    Step(
                        when,
                        "temp_out",
                        extra={
                            "other": rng.choice(dd.TEMPORARY_DESTINATIONS),
                            "letter": f"{rng.randint(1, 180):02d}-GGT/ĐU",
                        },
                    )
                )
                back = when + timedelta(days=rng.randint(120, 400))
                if back <= anchor - timedelta(days=5):
                    p.steps.append(Step(back, "temp_end"))
            elif p.fate == "deceased" and p.end is not None:
                if p.age(p.end) >= 70 and rng.random() < 0.5:
                    when = _between(rng, max(start + year, p.end - 5 * year), p.end - timedelta(days=60))
                    if start < when < p.end:
                        p.steps.append(Step(when, "exempt", extra={"reason": "Tuổi cao, sức khỏe yếu"}))
                p.steps.append(Step(p.end, "die"))
            elif p.fate in ("struck_off", "left", "expelled") and p.end is not None:
                reason = {
                    "struck_off": rng.choice(dd.STRUCK_OFF_REASONS),
                    "left": "Xin ra khỏi Đảng vì hoàn cảnh gia đình",
                    "expelled": "Vi phạm pháp luật, bị Tòa án kết án",
                }[p.fate]
                p.steps.append(Step(p.end, p.fate, p.end, dd.BODY_COMMUNE, {"reason": reason}))
            elif p.fate == "transferred_out" and p.end is not None:
                p.steps.append(
                    Step(
                        p.end,
                        "transfer_out",
                        extra={
                            "other": rng.choice(dd.OTHER_ORGANISATIONS),
                            "letter": f"{rng.randint(1, 180):02d}-GGT/ĐU",
                        },
                    )
                )
            self.add_badges(p)
            p.steps.sort(key=lambda s: s.when)

    def add_badges(self, p: Plan) -> None:
        """Party badges at 30, 40, 45 … years, presented on the next 3/2, 19/5, 2/9 or 7/11."""
        if p.fate in ("readmitted", "temp_in"):
            return
        limit = min(self.anchor, p.end or self.anchor)
        arrived = p.transfer_date or p.decision
        for years in (30, 40, 45, 50, 55, 60):
            due = add_months(p.decision, 12 * years)
            award = next(
                (
                    d
                    for y in (due.year, due.year + 1)
                    for m, dd_ in BADGE_DAYS
                    if (d := date(y, m, dd_)) >= due
                ),
                None,
            )
            if award is None or award >= limit or award <= arrived or award < BADGES_RECORDED_FROM:
                continue
            p.steps.append(Step(award, "badge", extra={"years": years}))

    def number_decisions(self) -> None:
        """Decision numbers run from 01 per issuing body and year, in date order."""
        symbols = {dd.BODY_BEFORE_2004: "QĐ/HU", dd.BODY_DISTRICT: "QĐ/HU", dd.BODY_COMMUNE: "QĐ/ĐU"}
        steps = [
            (s.decision_date, p.index, i, s)
            for p in self.plans
            for i, s in enumerate(p.steps)
            if s.decision_date is not None and s.body
        ]
        counters: dict[tuple[str, int], int] = {}
        for when, _, _, step in sorted(steps, key=lambda t: t[:3]):
            assert when is not None
            key = (step.body, when.year)
            counters[key] = counters.get(key, 0) + 1
            step.decision_no = f"{counters[key]:02d}-{symbols[step.body]}"

    # -- posts

    def congress(self, cell: int) -> date:
        """Cell congresses of the 2025–2027 term: village cells in spring, the cells of the merged
        commune's agencies just after 1/7/2025."""
        villages = [i for i, c in enumerate(dd.CELLS) if c.kind == "village"]
        if cell in villages:
            when = date(2025, 3, 10) + timedelta(days=2 * villages.index(cell))
        else:
            when = date(2025, 7, 8) + timedelta(days=2 * (cell - len(villages)))
        return min(when, self.anchor)

    def eligible_for_post(self, p: Plan, start: date) -> bool:
        return (
            not p.fate
            and p.recognised is not None
            and p.recognised <= start - timedelta(days=180)
            and p.joined <= start
        )

    def draw_posts(self) -> None:
        rng = self.rng
        by_cell: dict[int, list[Plan]] = {}
        for p in self.plans:
            by_cell.setdefault(p.cell, []).append(p)
        secretaries: list[Plan] = []
        for cell, spec in enumerate(dd.CELLS):
            start = self.congress(cell)
            members = by_cell.get(cell, [])
            pool = [p for p in members if self.eligible_for_post(p, start)]
            pool.sort(key=lambda p: abs(p.age(start) - 45) + rng.random() * 12 + (6 if p.sex == "F" else 0))
            roles = ["secretary", "deputy_secretary"] if len(members) >= 5 else ["secretary"]
            if spec.has_committee:
                roles += ["committee_member"] * (3 if len(members) >= 30 else 1)
            for role, p in zip(roles, pool, strict=False):
                head = role == "secretary" and spec.kind == "village" and rng.random() < 0.45
                self.posts.append(Post(p.index, role, cell, start, is_village_head=head))
                title = {"secretary": "Bí thư chi bộ", "deputy_secretary": "Phó Bí thư chi bộ"}.get(
                    role, "Chi ủy viên"
                )
                if head:
                    title += (
                        ", Tiểu khu trưởng" if spec.villages[0].startswith("Tiểu khu") else ", Trưởng bản"
                    )
                p.position, p.theory = title, rng.choice(("so_cap", "so_cap", "trung_cap"))
                if spec.kind == "village":
                    p.occupation = "village_part_time"
                if role == "secretary":
                    secretaries.append(p)
        village_posts = [x for x in self.posts if x.cell is not None and dd.CELLS[x.cell].kind == "village"]
        if village_posts and not any(x.is_village_head for x in village_posts):
            first = next(x for x in village_posts if x.role == "secretary")
            first.is_village_head = True
            self.plans[first.plan].position += ", Trưởng bản"
        self.draw_committee(secretaries)

    def draw_committee(self, secretaries: list[Plan]) -> None:
        """The commune committee elected at the congress after the merger, and who follows which cell."""
        rng, start = self.rng, min(dd.TERM_START, self.anchor)

        def pool(kinds: tuple[str, ...]) -> list[Plan]:
            found = [
                p
                for p in self.plans
                if dd.CELLS[p.cell].kind in kinds
                and self.eligible_for_post(p, start)
                and 28 <= p.age(start) <= 58
            ]
            rng.shuffle(found)
            return found

        agency, forces = pool(("agency",)), pool(("police", "military"))
        villages = [p for p in secretaries if dd.CELLS[p.cell].kind == "village" and 28 <= p.age(start) <= 58]
        taken: set[int] = set()

        def take(*sources: list[Plan]) -> Plan | None:
            for source in sources:
                for p in source:
                    if p.index not in taken:
                        taken.add(p.index)
                        return p
            return None

        size = max(5, min(21, self.n // 60))
        standing = min(5, (size - 3) // 2)
        plan_roles: list[tuple[str, str, tuple[list[Plan], ...]]] = [
            ("commune_secretary", "commune_secretary", (agency, forces, villages)),
            ("commune_deputy_secretary", "chair", (agency, forces, villages)),
            ("commune_deputy_secretary", "commune_deputy_secretary", (agency, villages, forces)),
        ]
        plan_roles += [("standing_member", "standing_member", (forces, agency, villages))] * standing
        plan_roles += [
            (
                "commune_committee_member",
                "commune_committee_member",
                (villages, agency, forces) if i % 2 else (agency, villages, forces),
            )
            for i in range(size - 3 - standing)
        ]
        committee: list[Plan] = []
        for role, title, sources in plan_roles:
            p = take(*sources)
            if p is None:
                break
            self.posts.append(
                Post(
                    p.index,
                    role,
                    None,
                    start,
                    is_council_chair=title == "commune_secretary",
                    is_committee_chair=title == "chair",
                    is_non_local=title in ("commune_secretary", "chair") and p.lowland is not None,
                )
            )
            cell_title = p.position
            p.position = dd.COMMUNE_TITLES[title] + (f"; {cell_title}" if cell_title else "")
            p.theory = "cao_cap" if role in ("commune_secretary", "commune_deputy_secretary") else "trung_cap"
            if dd.CELLS[p.cell].kind == "agency":
                p.occupation = "commune_official"
            if role != "commune_secretary":
                committee.append(p)
        if committee:
            when = min(start + timedelta(days=20), self.anchor)
            for cell in range(len(dd.CELLS)):
                self.assignments.append((cell, committee[cell % len(committee)].index, when))

    # -- identity and profile

    def draw_profiles(self) -> None:
        """Introducers (two official members of the same cell at the time) and the profiles."""
        rng = self.rng
        by_cell: dict[int, list[Plan]] = {}
        for p in sorted(self.plans, key=lambda p: (p.recognised or date.max, p.index)):
            if p.recognised is not None:
                by_cell.setdefault(p.cell, []).append(p)
        recognised = {cell: [q.recognised or date.max for q in plans] for cell, plans in by_cell.items()}
        for p in self.plans:
            plans = by_cell.get(p.cell, [])
            before = bisect.bisect_left(recognised.get(p.cell, []), p.consideration)
            seniors = [
                q.name
                for q in [
                    q
                    for q in plans[max(0, before - 40) : before]
                    if q.joined < p.consideration and (q.end is None or q.end > p.consideration)
                ][-25:]
            ]
            if len(seniors) >= 2:
                first, second = rng.sample(seniors, 2)
            else:
                first, second = (self.person(-1, p.cell).name, self.person(-1, p.cell).name)
            p.introducers = (first, second)
            p.profile = self.profile_of(p)

    def profile_of(self, p: Plan) -> ms.Profile:
        rng, anchor, spec = self.rng, self.anchor, dd.CELLS[p.cell]
        age = p.age(anchor)
        if p.lowland is not None:
            home, code = dd.LOWLAND_HOME_TOWNS[p.lowland]
            current = ""
        else:
            home, code = _weighted(rng, list(zip(dd.OLD_COMMUNES, (70, 20, 10), strict=True))), dd.SON_LA_CODE
            current = dd.CURRENT_COMMUNE
        village = (
            spec.villages[0] if spec.villages else rng.choice(("Tiểu khu 1", "Tiểu khu 2", "Tiểu khu 3"))
        )
        cccd = None
        if rng.random() < (0.93 if age < 80 else 0.7):
            digit = (0 if p.born.year < 2000 else 2) + (1 if p.sex == "F" else 0)
            while cccd is None or cccd in self.cccds:
                cccd = f"{code}{digit}{p.born.year % 100:02d}{rng.randint(0, 999_999):06d}"
            self.cccds.add(cccd)
        card, card_date = None, None
        official = p.official
        if official is not None and p.recognised is not None and rng.random() < 0.93:
            card_date = p.recognised + timedelta(days=rng.randint(45, 240))
            if official < date(2003, 6, 1):
                card_date = _between(rng, date(2003, 6, 1), date(2006, 12, 31))
            if card_date <= anchor:
                while card is None or card in self.cards:
                    card = f"{rng.randint(10_000_000, 99_999_999)}"
                self.cards.add(card)
            else:
                card_date = None
        occupation = p.occupation or _weighted(rng, dd.OCCUPATIONS_BY_KIND[spec.kind])
        if age >= 62 and (spec.kind != "village" or rng.random() < 0.45):
            occupation = "retired"
        if spec.kind == "village" and p.sex == "M" and age >= 22 and rng.random() < 0.12:
            army = "army"
        else:
            army = {"military": "army", "police": "police"}.get(spec.kind, "")
        youth = None
        admitted_age = full_months_between(p.born, p.consideration) // 12
        if admitted_age <= 30 and p.born.year >= 1955:
            youth = min(add_months(p.born, 16 * 12) + timedelta(days=rng.randint(0, 900)), p.consideration)
        return ms.Profile(
            family_name=p.family,
            middle_name=p.middle,
            given_name=p.given,
            sex=p.sex,
            date_of_birth=p.born,
            place_of_birth=home,
            home_town=home,
            home_town_current=current,
            permanent_address=f"{village}, {dd.CURRENT_COMMUNE}",
            ethnicity=p.ethnicity,
            religion="Tin lành" if p.ethnicity == "Mông" and rng.random() < 0.03 else "Không",
            cccd=cccd,
            party_card_no=card,
            card_issue_date=card_date if card else None,
            life_history_no=f"{rng.randint(1, 999_999):06d}SL" if rng.random() < 0.8 else None,
            phone=f"0{rng.choice((9, 8, 3))}{rng.randint(0, 99_999_999):08d}"
            if age < 75 and rng.random() < 0.85
            else "",
            general_education=self.education(p, spec),
            professional_qualification=rng.choice(dd.QUALIFICATIONS_BY_KIND[spec.kind])
            if spec.kind in dd.QUALIFICATIONS_BY_KIND
            else ("Trung cấp Nông lâm" if rng.random() < 0.08 else ""),
            political_theory=p.theory
            if p.theory is not None
            else (
                _weighted(rng, (("", 2), ("so_cap", 5), ("trung_cap", 3)))
                if spec.kind != "village"
                else _weighted(rng, (("", 11), ("so_cap", 9)))
            ),
            minority_language=f"Tiếng {p.ethnicity}" if p.ethnicity != "Kinh" else "",
            occupation=occupation,
            position=p.position,
            youth_union_date=youth,
            army_service=army,
        )

    def education(self, p: Plan, spec: dd.CellSpec) -> str:
        rng, born = self.rng, p.born.year
        if spec.kind != "village" or (p.ethnicity == "Kinh" and born >= 1965):
            return "12/12"
        if born < 1960:
            return rng.choice(
                ("4/10", "7/10", "10/10") if p.ethnicity == "Mông" else ("7/10", "10/10", "10/10")
            )
        if born < 1985:
            return rng.choice(
                ("5/12", "7/12", "9/12") if p.ethnicity == "Mông" else ("9/12", "12/12", "12/12")
            )
        return rng.choice(("9/12", "12/12") if p.ethnicity == "Mông" else ("12/12", "12/12", "9/12"))

    def plan(self) -> list[Plan]:
        self.draw_members()
        self.draw_fates()
        self.build_steps()
        self.number_decisions()
        self.draw_posts()
        self.draw_profiles()
        return self.plans


@dataclass
class Post:
    plan: int
    role: str
    cell: int | None
    start: date
    is_village_head: bool = False
    is_council_chair: bool = False
    is_committee_chair: bool = False
    is_non_local: bool = False


# ---------------------------------------------------------------- writing through the services


def _setup_organisation(session: Session, planner: Planner) -> list[str]:
    """The unit, its upper levels, the villages and the cells; returns the cell ids by CELLS index."""
    org.setup_unit(
        session,
        org.UnitSetup(
            name=dd.UNIT_NAME,
            committee_name=dd.COMMITTEE_NAME,
            symbol="ĐU",
            place_name=dd.PLACE_NAME,
            province=dd.PROVINCE,
            upper_name=dd.UPPER_NOW[0],
            upper_symbol=dd.UPPER_NOW[1],
            upper_header_line=dd.UPPER_NOW[2],
            upper_board=dd.UPPER_NOW[3],
            upper_valid_from=dd.MERGER_DATE,
            term_start=dd.TERM_START,
            term_end=dd.TERM_END,
        ),
    )
    name, symbol, header, board = dd.UPPER_BEFORE
    org.add_upper_level(
        session, name, symbol, header, dd.UPPER_BEFORE_FROM, dd.MERGER_DATE - timedelta(days=1), board
    )
    village_ids = {
        v.name: org.add_village(session, org.VillageInput(v.name, v.kind, v.households, round(v.population)))
        for v in dd.VILLAGES
    }
    old_name, households, closed_on, successor = dd.CLOSED_VILLAGE
    old_id = org.add_village(session, org.VillageInput(old_name, "ban", households, households * 5))
    org.close_village(session, old_id, closed_on, village_ids[successor])
    cell_ids = []
    for index, spec in enumerate(dd.CELLS):
        congress = planner.congress(index)
        cell_ids.append(
            org.add_cell(
                session,
                org.CellInput(
                    name=spec.name,
                    kind=spec.kind,
                    village_ids=tuple(village_ids[v] for v in spec.villages),
                    has_committee=spec.has_committee,
                    term_start=congress,
                    term_end=add_months(congress, 30),
                    congress_date=congress,
                ),
            )
        )
    return cell_ids


def _write_member(session: Session, p: Plan, cell_ids: list[str]) -> str:
    """One member's whole history, step by step, through the membership service."""
    assert p.profile is not None
    cell_id, member_id = cell_ids[p.cell], ""
    for step in p.steps:
        x = step.extra
        ev = ms.EventInput(
            member_id,
            step.when,
            decision_no=step.decision_no,
            decision_date=step.decision_date,
            issuing_body=step.body,
            reason=str(x.get("reason", "")),
            other_organisation=str(x.get("other", "")),
            letter_no=str(x.get("letter", "")),
        )
        if step.kind == "admit":
            member_id = ms.admit(
                session,
                ms.Admit(
                    p.profile,
                    cell_id,
                    p.consideration,
                    p.decision,
                    step.decision_no,
                    p.ceremony,
                    p.introducers,
                    issuing_body=step.body,
                ),
            ).member_id
        elif step.kind == "transfer_in":
            official = p.recognised is not None and p.recognised <= step.when
            member_id = ms.transfer_in(
                session,
                ms.TransferIn(
                    p.profile,
                    cell_id,
                    step.when,
                    ev.other_organisation,
                    ev.letter_no,
                    temporary=p.origin == "temp_in",
                    dues_paid_through=month_key(add_months(step.when, -1)),
                    membership="official" if official else "probationary",
                    admission_decision_date=p.decision,
                    admission_date=p.ceremony,
                    official_date=p.due if official else None,
                ),
            ).member_id
        elif step.kind == "readmit":
            ms.readmit(
                session,
                member_id,
                ms.Admit(
                    p.profile,
                    cell_id,
                    x["consideration"],
                    step.decision_date or step.when,
                    step.decision_no,
                    step.when,
                    p.introducers,
                    issuing_body=step.body,
                ),
            )
        elif step.kind == "badge":
            ms.award_badge(
                session, replace(ev, member_id=member_id, issuing_body=dd.UPPER_NOW[0]), x["years"]
            )
        else:
            ev = replace(ev, member_id=member_id)
            if step.kind in ("temp_out", "transfer_out"):
                ev = replace(ev, temporary=step.kind == "temp_out", dues_paid_through=month_key(step.when))
            _EVENTS[step.kind](session, ev)
    return member_id


_EVENTS: dict[str, Callable[[Session, ms.EventInput], object]] = {
    "recognise": ms.recognise_official,
    "exempt": ms.start_exemption,
    "exempt_end": ms.end_exemption,
    "away": ms.start_away,
    "away_end": ms.end_away,
    "temp_out": ms.transfer_out,
    "temp_end": ms.end_temporary_transfer,
    "transfer_out": ms.transfer_out,
    "struck_off": ms.strike_off,
    "left": ms.leave_party,
    "expelled": ms.expel,
    "die": ms.record_death,
}


def _write_posts(session: Session, planner: Planner, cell_ids: list[str], member_ids: list[str]) -> None:
    for post in planner.posts:
        org.assign_position(
            session,
            org.PositionInput(
                member_id=member_ids[post.plan],
                role=post.role,
                start_date=post.start,
                cell_id=cell_ids[post.cell] if post.cell is not None else None,
                is_village_head=post.is_village_head,
                is_council_chair=post.is_council_chair,
                is_committee_chair=post.is_committee_chair,
                is_non_local=post.is_non_local,
            ),
        )
    for cell, plan_index, start in planner.assignments:
        org.assign_committee_member(session, cell_ids[cell], member_ids[plan_index], start)


class DemoStamps:
    """The ids and created/updated times of every record of one demo run: a seeded UUID stream and a
    clock that starts at 01:00 UTC on the eve of the anchor date (never after the real time, since the
    anchor is never after today) and advances one millisecond per reading."""

    def __init__(self, seed: int, anchor: date) -> None:
        self._rng = random.Random(f"demo-ids-{seed}")  # noqa: S311 - reproducible ids for the demo only
        self._start = datetime(anchor.year, anchor.month, anchor.day, 1, tzinfo=UTC) - timedelta(days=1)
        self._ticks = itertools.count()

    def next_id(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def now(self) -> datetime:
        return self._start + timedelta(milliseconds=next(self._ticks))

    @contextmanager
    def installed(self) -> Iterator[None]:
        with id_source(self.next_id), clock_source(self.now):
            yield


def _batches(items: list[_T], size: int) -> Iterator[list[_T]]:
    for start in range(0, len(items), max(size, 1)):
        yield items[start : start + size]


def demo_anchor(options: DemoOptions) -> date:
    """The demo's "today": options.today, else DEMO_TODAY; never after the real date (the services
    refuse events in the future)."""
    now = real_today()
    anchor = options.today or min(DEMO_TODAY, now)
    if anchor > now:
        msg = f"demo date {anchor} is after today ({now})"
        raise ValueError(msg)
    return anchor


def generate_demo(
    path: Path,
    options: DemoOptions | None = None,
    *,
    create: Callable[[Path, DemoOptions], Database] | None = None,
    stamps: DemoStamps | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Create the demo commune database at `path` (which must not exist). On failure the partly
    written files are removed and the error propagates. `create` makes the empty database (the
    application passes one that makes it encrypted, with the demo administrator); `stamps` (ids and
    times) are shared with a caller that adds more records afterwards."""
    options = options or DemoOptions()
    if options.members < 1:
        msg = "the demo needs at least one member"
        raise ValueError(msg)
    started = time.perf_counter()
    anchor = demo_anchor(options)
    planner = Planner(options, anchor)
    plans = planner.plan()
    log.info("demo planned: %d members in %.1f s", len(plans), time.perf_counter() - started)
    sidecars = [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal", ".lock")]
    existed = {p for p in sidecars if p.exists()}
    try:
        with (stamps or DemoStamps(options.seed, anchor)).installed():
            db = (create or create_demo_database)(path, options)
            try:
                summary = _write(db, planner, options, progress)
            finally:
                db.close()
    except BaseException:
        for leftover in sidecars:
            if leftover not in existed:
                leftover.unlink(missing_ok=True)
        raise
    seconds = time.perf_counter() - started
    log.info("demo commune written in %.1f s", seconds)
    return replace(summary, seconds=seconds)


def _write(
    db: Database, planner: Planner, options: DemoOptions, progress: Callable[[int, int], None] | None
) -> DemoSummary:
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        cell_ids = _setup_organisation(session, planner)
        set_meta(session, DEMO_META_KEY, str(options.seed))
    member_ids: list[str] = []
    for batch in _batches(planner.plans, options.batch_size):
        with unit_of_work(db, SYSTEM_ACTOR) as session:
            member_ids.extend(_write_member(session, p, cell_ids) for p in batch)
        if progress is not None:
            progress(len(member_ids), len(planner.plans))
    with unit_of_work(db, SYSTEM_ACTOR) as session:
        _write_posts(session, planner, cell_ids, member_ids)
    return summarise(db)


def summarise(db: Database) -> DemoSummary:
    """The figures the `demo` command prints, counted in the database."""
    with read_session(db, SYSTEM_ACTOR) as session:
        members = session.scalar(select(func.count(Member.id))) or 0
        counted = session.scalar(select(func.count(Member.id)).where(Member.counted)) or 0
        cells = session.scalar(select(func.count(Cell.id)).where(Cell.status == "active")) or 0
        villages = session.scalar(select(func.count(Village.id)).where(Village.valid_to.is_(None))) or 0
    return DemoSummary(dd.UNIT_NAME, cells, members, counted, villages, db.path)
