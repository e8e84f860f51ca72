"""Annual review and rating (kiểm điểm, xếp loại chất lượng, DOMAIN.md §3.6): a round per year for
members and for organisations, automatic exclusions, the 100-point thresholds and level names from
the rule table (historic names kept), and the excellent quota warning."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import audit
from models.dates import add_months
from models.entities import Cell, Member
from models.entities_work import Rating, RatingRound
from models.errors import RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP, translate
from models.rules import rule
from models.security import Permission, require
from models.services.common import get_live, own_unit_id, snapshot
from models.services.statistics import Facts

CTX = "rating"
LEVELS = ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
EXCLUSIONS = {
    "exempted": QT_TRANSLATE_NOOP("rating", "Miễn sinh hoạt"),
    "suspended": QT_TRANSLATE_NOOP("rating", "Đình chỉ sinh hoạt"),
    "new": QT_TRANSLATE_NOOP("rating", "Kết nạp chưa đủ 6 tháng"),
}


def level_names(session: Session, year: int) -> dict[str, str]:
    """The level names in force for `year` (old names for old years)."""
    names: dict[str, str] = rule(session, "rating.levels", date(year, 12, 31))
    return names


def level_from_score(session: Session, score: int, year: int) -> str:
    thresholds: dict[str, int] = rule(session, "rating.thresholds", date(year, 12, 31))
    if score >= thresholds["xuat_sac"]:
        return "xuat_sac"
    if score >= thresholds["tot"]:
        return "tot"
    if score >= thresholds["hoan_thanh"]:
        return "hoan_thanh"
    return "khong_hoan_thanh"


def open_round(session: Session, year: int, subject: str, review_date: date) -> str:
    """Create the round with a row per counted member (or per active cell), exclusions computed."""
    require(session, Permission.EDIT_REGISTER)
    if subject not in ("member", "organisation"):
        raise ValidationError(
            "subject", QT_TRANSLATE_NOOP("rating", "Chọn xếp loại đảng viên hoặc tổ chức đảng."), context=CTX
        )
    unit_id = own_unit_id(session)
    existing = session.scalar(
        select(RatingRound.id).where(
            RatingRound.owner_unit_id == unit_id,
            RatingRound.year == year,
            RatingRound.subject == subject,
            ~RatingRound.deleted,
        )
    )
    if existing:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("rating", "Đã có đợt xếp loại năm {year}."), context=CTX, year=year
        )
    rnd = RatingRound(owner_unit_id=unit_id, year=year, subject=subject, review_date=review_date)
    session.add(rnd)
    session.flush()
    year_end = date(year, 12, 31)
    # The roster of the RATED year (issue 21): members and cells at 31/12 of `year` by the same fold of
    # the histories the report uses — not today's roster, so back-entering 2022 lists 2022's members
    # in their 2022 cells, and nobody admitted later. The 6-month boundary is counted to the review,
    # or to the year's end when the review is entered later.
    facts = Facts(session)
    as_of = min(review_date, year_end)
    cells = [c.id for c in facts.cells_on(year_end) if c.owner_unit_id == unit_id]
    if subject == "organisation":
        for cell_id in cells:
            session.add(Rating(owner_unit_id=unit_id, round_id=rnd.id, cell_id=cell_id, member_id=None))
    else:
        min_months = int(rule(session, "rating.min_months_since_admission", as_of))
        admitted = {mid: m.admission_date for mid, m in facts.members.items()}
        for fact in facts.members_on(year_end):
            if not fact.counted or fact.temp_in or fact.cell_id is None:
                continue
            reason = ""
            if fact.activity == "exempted":
                reason = "exempted"
            elif (ad := admitted.get(fact.id)) is not None and add_months(ad, min_months) > as_of:
                reason = "new"
            session.add(
                Rating(
                    owner_unit_id=unit_id,
                    round_id=rnd.id,
                    cell_id=fact.cell_id,
                    member_id=fact.id,
                    excluded_reason=reason,
                )
            )
    session.flush()
    audit.record(session, "create", "rating_round", rnd.id, after=snapshot(rnd))
    return rnd.id


@dataclass(frozen=True)
class RatingEntry:
    score: int | None = None
    level: str = ""  # used when no score is given (old years, or a decision without points)
    excluded_reason: str | None = None  # set to exclude (e.g. "suspended"), "" to include again
    note: str = ""


def set_ratings(session: Session, round_id: str, entries: dict[str, RatingEntry]) -> list[str]:
    """Save ratings keyed by member id (member rounds) or cell id (organisation rounds); returns the
    quota warnings of the groups touched."""
    require(session, Permission.EDIT_REGISTER)
    rnd = get_live(session, RatingRound, round_id, QT_TRANSLATE_NOOP("rating", "đợt xếp loại"))
    if rnd.closed:
        raise RuleViolation(QT_TRANSLATE_NOOP("rating", "Đợt xếp loại đã khóa."), context=CTX)
    key_col = Rating.member_id if rnd.subject == "member" else Rating.cell_id
    rows = {
        getattr(r, key_col.key): r
        for r in session.scalars(
            select(Rating).where(Rating.round_id == round_id, key_col.in_(list(entries)))
        )
    }
    errors: dict[str, str] = {}
    for key, entry in entries.items():
        row = rows.get(key)
        if row is None:
            errors[key] = translate(CTX, QT_TRANSLATE_NOOP("rating", "Không thuộc đợt xếp loại này."))
            continue
        if entry.excluded_reason is not None:
            if entry.excluded_reason and entry.excluded_reason not in EXCLUSIONS:
                errors[key] = translate(
                    CTX, QT_TRANSLATE_NOOP("rating", "Lý do không xếp loại không hợp lệ.")
                )
                continue
            row.excluded_reason = entry.excluded_reason
        if row.excluded_reason and (entry.score is not None or entry.level):
            errors[key] = translate(
                CTX, QT_TRANSLATE_NOOP("rating", "Người này không xếp loại ({reason}).")
            ).format(reason=translate(CTX, EXCLUSIONS[row.excluded_reason]))
            continue
        if entry.score is not None and not 0 <= entry.score <= 100:
            errors[key] = translate(CTX, QT_TRANSLATE_NOOP("rating", "Điểm từ 0 đến 100."))
            continue
        if entry.level and entry.level not in LEVELS:
            errors[key] = translate(CTX, QT_TRANSLATE_NOOP("rating", "Mức xếp loại không hợp lệ."))
            continue
        before = snapshot(row)
        row.score = entry.score
        row.level = (
            level_from_score(session, entry.score, rnd.year) if entry.score is not None else entry.level
        )
        row.note = entry.note
        audit.record(session, "update", "rating", row.id, before=before, after=snapshot(row))
    if errors:
        raise ValidationError.many(errors)
    session.flush()
    cells = {r.cell_id for r in rows.values()}
    return [w for cell_id in sorted(cells) for w in quota_warnings(session, round_id, cell_id)]


@dataclass(frozen=True)
class RatingSummary:
    rated: int
    excluded: int
    unrated: int
    by_level: dict[str, int]

    def percent(self, level: str) -> float:
        return 100.0 * self.by_level.get(level, 0) / self.rated if self.rated else 0.0


def summary(session: Session, round_id: str, cell_id: str | None = None) -> RatingSummary:
    require(session, Permission.VIEW_REGISTER)
    query = select(Rating.level, Rating.excluded_reason).where(Rating.round_id == round_id, ~Rating.deleted)
    if cell_id is not None:
        query = query.where(Rating.cell_id == cell_id)
    rows = session.execute(query).all()
    levels = Counter(level for level, excluded in rows if level and not excluded)
    excluded = sum(1 for _, reason in rows if reason)
    rated = sum(levels.values())
    return RatingSummary(
        rated, excluded, len(rows) - rated - excluded, {lv: levels.get(lv, 0) for lv in LEVELS}
    )


def quota_warnings(session: Session, round_id: str, cell_id: str | None = None) -> list[str]:
    """The excellent level is capped at a share (20%) of those rated good IN THE GROUP: a warning.
    Members are rated in their cell, so for a member round without `cell_id` every cell is checked on
    its own (a cell over its quota is never hidden by other cells' "good" ratings, issue 21); the cells
    themselves are rated as one group, the commune."""
    rnd = get_live(session, RatingRound, round_id, QT_TRANSLATE_NOOP("rating", "đợt xếp loại"))
    if rnd.subject == "member" and cell_id is None:
        return [
            w
            for cell, _excess in quota_excess(session, round_id)
            for w in quota_warnings(session, round_id, cell)
        ]
    result = summary(session, round_id, cell_id)
    quota = float(rule(session, "rating.excellent_quota_pct_of_good", rnd.review_date))
    excellent, good = result.by_level["xuat_sac"], result.by_level["tot"]
    allowed = int(good * quota / 100)
    if excellent > allowed:
        where = (
            session.scalar(select(Cell.name).where(Cell.id == cell_id))
            if cell_id
            else translate(CTX, QT_TRANSLATE_NOOP("rating", "toàn đảng bộ"))
        )
        return [
            translate(
                CTX,
                QT_TRANSLATE_NOOP(
                    "rating",
                    "{where}: {excellent} “hoàn thành xuất sắc”, vượt {quota}% số “hoàn thành tốt” ({good} → tối đa {allowed}).",
                ),
            ).format(where=where, excellent=excellent, quota=f"{quota:g}", good=good, allowed=allowed)
        ]
    return []


def quota_excess(session: Session, round_id: str) -> list[tuple[str, int]]:
    """(cell id, excellent ratings over the cell's quota) for every cell of a member round that is over,
    in cell order."""
    require(session, Permission.VIEW_REGISTER)
    rnd = get_live(session, RatingRound, round_id, QT_TRANSLATE_NOOP("rating", "đợt xếp loại"))
    quota = float(rule(session, "rating.excellent_quota_pct_of_good", rnd.review_date))
    counts: dict[str, Counter[str]] = {}
    for cell_id, level in session.execute(
        select(Rating.cell_id, Rating.level)
        .join(Cell, Cell.id == Rating.cell_id)
        .where(Rating.round_id == round_id, ~Rating.deleted, Rating.excluded_reason == "")
        .order_by(Cell.sort_key)
    ):
        counts.setdefault(cell_id, Counter())[level] += 1
    out = []
    for cell_id, c in counts.items():
        over = c["xuat_sac"] - int(c["tot"] * quota / 100)
        if over > 0:
            out.append((cell_id, over))
    return out


# The rule cited by the notice of a member failing two years running (a ground to CONSIDER striking the
# member off; the app never acts by itself).
REPEATED_FAILURE_RULE = QT_TRANSLATE_NOOP(
    "rating",
    "Điều 8 Điều lệ Đảng và Quy định thi hành Điều lệ Đảng (24-QĐ/TW, 2021): đảng viên 2 năm liền xếp loại “không hoàn thành nhiệm vụ” thì chi bộ xem xét, đề nghị xóa tên",
)


@dataclass(frozen=True)
class RepeatedFailure:
    member_id: str
    name: str
    cell_name: str
    years: tuple[int, int]


def repeated_failures(session: Session, year: int) -> list[RepeatedFailure]:
    """Members rated "không hoàn thành nhiệm vụ" in `year` and in the year before (both member rounds)."""
    require(session, Permission.VIEW_REGISTER)
    failed: dict[int, set[str]] = {year - 1: set(), year: set()}
    for y, member_id in session.execute(
        select(RatingRound.year, Rating.member_id)
        .join(RatingRound, RatingRound.id == Rating.round_id)
        .where(
            RatingRound.owner_unit_id == own_unit_id(session),
            RatingRound.subject == "member",
            RatingRound.year.in_((year - 1, year)),
            ~RatingRound.deleted,
            ~Rating.deleted,
            Rating.level == "khong_hoan_thanh",
            Rating.excluded_reason == "",
        )
    ):
        if member_id is not None:
            failed[y].add(member_id)
    both = failed[year - 1] & failed[year]
    rows = session.execute(
        select(Member.id, Member.family_name, Member.middle_name, Member.given_name, Cell.name)
        .outerjoin(Cell, Cell.id == Member.cell_id)
        .where(Member.id.in_(both))
        .order_by(Member.sort_key)
    ).all()
    return [
        RepeatedFailure(mid, " ".join(p for p in (f, m, g) if p), cell or "", (year - 1, year))
        for mid, f, m, g, cell in rows
    ]


def repeated_failure_notices(session: Session, year: int) -> list[str]:
    """One notice per member failing `year` and the year before, with the rule cited."""
    require(session, Permission.VIEW_REGISTER)
    rule_text = translate(CTX, REPEATED_FAILURE_RULE)
    return [
        translate(
            CTX,
            QT_TRANSLATE_NOOP(
                "rating",
                "{name} ({cell}): “không hoàn thành nhiệm vụ” hai năm liền ({first} và {second}). Căn cứ: {rule}. Đây là thông báo để chi bộ xem xét, chương trình không tự xử lý.",
            ),
        ).format(name=f.name, cell=f.cell_name, first=f.years[0], second=f.years[1], rule=rule_text)
        for f in repeated_failures(session, year)
    ]


def notices(session: Session, round_id: str) -> list[str]:
    """What the rating page shows under the grid: every cell over its excellent quota, and every member
    failing two years running with the rule cited. Notices, not blocks."""
    require(session, Permission.VIEW_REGISTER)
    rnd = get_live(session, RatingRound, round_id, QT_TRANSLATE_NOOP("rating", "đợt xếp loại"))
    out = quota_warnings(session, round_id)
    if rnd.subject == "member":
        out += repeated_failure_notices(session, rnd.year)
    return out


@dataclass(frozen=True)
class RatingRow:
    key: str  # member id or cell id
    name: str
    cell_id: str
    cell_name: str
    score: int | None
    level: str
    excluded_reason: str


def rating_rows(session: Session, round_id: str, cell_id: str | None = None) -> list[RatingRow]:
    require(session, Permission.VIEW_REGISTER)
    rnd = get_live(session, RatingRound, round_id, QT_TRANSLATE_NOOP("rating", "đợt xếp loại"))
    query: Any
    if rnd.subject == "member":
        query = (
            select(Rating, Member.family_name, Member.middle_name, Member.given_name, Cell.name)
            .join(Member, Member.id == Rating.member_id)
            .join(Cell, Cell.id == Rating.cell_id)
            .where(Rating.round_id == round_id, ~Rating.deleted)
            .order_by(Cell.sort_key, Member.sort_key)
        )
    else:
        query = (
            select(Rating, Cell.name, Cell.name, Cell.name, Cell.name)
            .join(Cell, Cell.id == Rating.cell_id)
            .where(Rating.round_id == round_id, ~Rating.deleted)
            .order_by(Cell.sort_key)
        )
    if cell_id is not None:
        query = query.where(Rating.cell_id == cell_id)
    out = []
    for r, a, b, c, cell_name in session.execute(query):
        name = " ".join(p for p in (a, b, c) if p) if rnd.subject == "member" else cell_name
        out.append(
            RatingRow(
                r.member_id or r.cell_id, name, r.cell_id, cell_name, r.score, r.level, r.excluded_reason
            )
        )
    return out


def find_round(session: Session, year: int, subject: str) -> str | None:
    require(session, Permission.VIEW_REGISTER)
    return session.scalar(
        select(RatingRound.id).where(
            RatingRound.owner_unit_id == own_unit_id(session),
            RatingRound.year == year,
            RatingRound.subject == subject,
            ~RatingRound.deleted,
        )
    )
