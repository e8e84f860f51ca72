"""Party-work records for the demo commune (issue 6, item 7): candidates at every stage of the
admission pipeline (some late), admission plans, a rating round per year for members and for cells,
inspections, supervisions and a few disciplines, petitions in the four statuses, training courses
with attendees, dues rates and twelve months of dues with a few members three months or more behind.

Everything goes through the services, so every rule applies; the same seed gives the same records (the
caller installs the demo's seeded ids and clock, see `models.demo.DemoStamps`)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from models.dates import add_months, month_key
from models.db import Database, read_session, unit_of_work
from models.errors import DomainError
from models.security import Actor
from models.services import admission as ad
from models.services import dues
from models.services import inspection as ins
from models.services import membership as ms
from models.services import organisation as org
from models.services import petitions as pt
from models.services import rating as rt
from models.services import training as tr
from models.services.meetings import roster

Progress = Callable[[str, int, int], None]

PIPELINE_ADMISSIONS = 5  # candidates of a demo admitted this year through the real pipeline
PIPELINE_FROM = 100  # smaller demos (tests, self-test) have no cell big enough and admit none

FAMILY = ("Lò", "Cầm", "Quàng", "Lường", "Tòng", "Điêu", "Hoàng", "Vì", "Mè", "Nguyễn", "Lê", "Phạm")
MIDDLE_M = ("Văn", "Văn", "Công", "Đức", "A")
MIDDLE_F = ("Thị", "Thị", "Thu", "Ngọc")
GIVEN_M = ("Thắng", "Hùng", "Duy", "Bun", "Khánh", "Tuấn", "Sơn", "Phong", "Quân", "Hải", "Long")
GIVEN_F = ("Mai", "Lan", "Hoa", "Xuân", "Ánh", "Thảo", "Hương", "Ngân", "Yến", "Dung", "Nhung")
ETHNIC = (("Thái", 6), ("Kinh", 2), ("Mông", 2), ("Khơ Mú", 1))
INSPECTORS = ("Ủy ban Kiểm tra Đảng ủy", "Ban Thường vụ Đảng ủy", "Chi ủy")
PETITION_TOPICS = (
    "Phản ánh việc bình xét hộ nghèo chưa công khai",
    "Tố cáo đảng viên lấn chiếm đất rừng cộng đồng",
    "Khiếu nại việc thu hồi đất làm đường nội bản",
    "Kiến nghị sửa chữa nhà văn hóa bản",
    "Phản ánh chi bộ chậm sinh hoạt định kỳ",
    "Tố cáo việc sử dụng kinh phí hỗ trợ sản xuất",
    "Kiến nghị làm rõ việc chia tiền dịch vụ môi trường rừng",
)


@dataclass
class _Pool:
    cell_id: str
    cell_name: str
    officials: list[str]
    members: list[str]


def _weighted(rng: random.Random, items: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def _nth_weekday_before(on: date, days: int) -> date:
    day = on - timedelta(days=days)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _pools(db: Database, actor: Actor, on: date) -> list[_Pool]:
    with read_session(db, actor) as s:
        out = []
        for cell in org.list_cells(s, include_closed=False):
            entries = roster(s, cell.id, on)
            status = {c.id: c.status for c in ms.member_choices(s, "", cell.id, limit=100_000)}
            out.append(
                _Pool(
                    cell.id,
                    cell.name,
                    [
                        e.member_id
                        for e in entries
                        if e.membership == "official" and status.get(e.member_id) == "official"
                    ],
                    [e.member_id for e in entries],
                )
            )
        return out


def _candidates(
    db: Database, actor: Actor, rng: random.Random, pools: list[_Pool], on: date, admissions: int | None
) -> int:
    """Candidates at every stage; a few past the 60/30 working-day deadlines; exactly `admissions` of
    them admitted this year (they are members now, counted in the demo's size; None: the usual number
    where a cell can take them, else none)."""
    usable = [p for p in pools if len(p.officials) >= 3]
    if admissions is None:
        admissions = PIPELINE_ADMISSIONS if usable else 0
    if not usable:
        if admissions:
            msg = "the demo commune has no cell with three official members to admit candidates in"
            raise RuntimeError(msg)
        return 0
    count = max(10, min(40, len(pools) * 2))
    stages = ["candidate", "class_done", "sympathiser", "verified", "cell_resolved", "decided"]
    targets = [stages[i % len(stages)] if i < 2 * len(stages) else rng.choice(stages) for i in range(count)]
    for at in sorted(rng.sample(range(count + admissions), admissions)):
        targets.insert(at, "admitted")
    made = admitted = 0
    for i, target in enumerate(targets):
        pool = usable[i % len(usable)]
        late = i in (4, 5, 12) or (target in ("cell_resolved", "decided") and rng.random() < 0.25)
        for _attempt in range(20 if target == "admitted" else 1):
            if _candidate(db, actor, rng, pool, target, late, on):
                made += 1
                admitted += target == "admitted"
                break
    if admitted != admissions:
        msg = f"the demo admitted {admitted} candidates instead of {admissions}"
        raise RuntimeError(msg)
    # two who stopped
    with unit_of_work(db, actor) as s:
        open_ones = list(ad.list_candidates(s, stage="candidate", on=on))
        for c in open_ones[:2]:
            ad.drop_candidate(s, c.id, on - timedelta(days=10), "Chuyển đi làm ăn xa, xin dừng xét")
    return made


def _candidate(
    db: Database, actor: Actor, rng: random.Random, pool: _Pool, target: str, late: bool, on: date
) -> bool:
    """One candidate taken to `target` on a timeline that ends before `on` (late ones stalled for
    longer than the deadline); False when the drawn person is refused."""
    stages = ["candidate", "class_done", "sympathiser", "verified", "cell_resolved", "decided", "admitted"]
    sex = "F" if rng.random() < 0.45 else "M"
    born = date(on.year - rng.randint(19, 34), rng.randint(1, 12), rng.randint(1, 28))
    cmd = ad.CandidateInput(
        family_name=rng.choice(FAMILY),
        middle_name=rng.choice(MIDDLE_F if sex == "F" else MIDDLE_M),
        given_name=rng.choice(GIVEN_F if sex == "F" else GIVEN_M),
        sex=sex,
        date_of_birth=born,
        cell_id=pool.cell_id,
        ethnicity=_weighted(rng, ETHNIC),
        general_education=rng.choice(("9/12", "12/12", "12/12")),
        occupation="farmer",
        youth_union_member=rng.random() < 0.6,
        proposed_date=on - timedelta(days=rng.randint(200, 320)),
    )
    resolution = _nth_weekday_before(on, 130 if late and target == "cell_resolved" else rng.randint(20, 60))
    if target == "decided":
        resolution = _nth_weekday_before(on, rng.randint(70, 90))
    if target == "admitted":
        resolution = _nth_weekday_before(on, rng.randint(110, 250))
    with unit_of_work(db, actor) as s:
        try:
            cid, _w = ad.add_candidate(s, cmd)
        except DomainError:
            return False
        index = stages.index(target)
        class_end = resolution - timedelta(days=70)
        helpers: list[str] = []
        if index >= 1:
            ad.record_class(
                s, cid, class_end - timedelta(days=4), class_end, f"{rng.randint(10, 999):03d}/GCN"
            )
        if index >= 2:
            helpers = rng.sample(pool.officials, 2 if rng.random() < 0.7 else 1)
            ad.assign_helpers(s, cid, helpers, class_end + timedelta(days=7))
        if index >= 3:
            ad.record_verification(s, cid, resolution - timedelta(days=14))
        if index >= 4:
            total = len(pool.officials)
            votes = total - (1 if total >= 6 and rng.random() < 0.5 else 0)
            ad.record_cell_resolution(s, cid, resolution, f"{rng.randint(1, 30):02d}-NQ/CB", votes, total)
        if index >= 5:
            days = 75 if late else rng.randint(25, 55)
            decision = ad.add_working_days(s, resolution, days)
            decision = min(decision, on - timedelta(days=1))
            ad.record_decision(s, cid, decision, f"{rng.randint(100, 400)}-QĐ/ĐU")
            if index >= 6:
                ceremony = min(ad.add_working_days(s, decision, rng.randint(5, 25)), on)
                introducers = (helpers[0], helpers[-1])
                # a Youth Union member joined the Union at 16 or 17 (no extra draw: the stream stays)
                youth = (
                    date(born.year + 16 + born.month % 2, born.month, born.day)
                    if cmd.youth_union_member
                    else None
                )
                ad.record_ceremony(s, cid, ceremony, introducers=introducers, youth_union_date=youth)
    return True


def _plans(db: Database, actor: Actor, rng: random.Random, pools: list[_Pool], on: date) -> int:
    made = 0
    with unit_of_work(db, actor) as s:
        for year in range(on.year - 3, on.year + 1):
            total = women = minority = youth = 0
            for pool in pools:
                target = rng.choice((0, 1, 1, 2, 2, 3))
                w, m, y = (rng.randint(0, target) for _ in range(3))
                ad.set_plan(s, year, pool.cell_id, target, w, m, y)
                total, women, minority, youth = total + target, women + w, minority + m, youth + y
                made += 1
            commune = max(1, round(total * 0.9))
            ad.set_plan(
                s, year, None, commune, min(women, commune), min(minority, commune), min(youth, commune)
            )
            made += 1
    return made


def _score(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.11:
        return rng.randint(90, 98)
    if roll < 0.82:
        return rng.randint(70, 89)
    if roll < 0.97:
        return rng.randint(52, 69)
    return rng.randint(35, 49)


def _ratings(db: Database, actor: Actor, rng: random.Random, on: date) -> int:
    rounds = 0
    last = on.year - 1 if on.month < 12 else on.year
    for year in range(last - 2, last + 1):
        for subject in ("member", "organisation"):
            with unit_of_work(db, actor) as s:
                if rt.find_round(s, year, subject):
                    continue
                round_id = rt.open_round(s, year, subject, date(year, 12, 15))
                rows = rt.rating_rows(s, round_id)
                entries: dict[str, rt.RatingEntry] = {}
                for row in rows:
                    if row.excluded_reason:
                        continue
                    if subject == "member" and rng.random() < 0.004:
                        entries[row.key] = rt.RatingEntry(excluded_reason="suspended")
                        continue
                    entries[row.key] = rt.RatingEntry(score=_score(rng))
                rt.set_ratings(s, round_id, entries)
                rounds += 1
    return rounds


def _inspections(
    db: Database, actor: Actor, rng: random.Random, pools: list[_Pool], on: date
) -> tuple[int, int]:
    made = 0
    with unit_of_work(db, actor) as s:
        for i in range(6):
            pool = rng.choice(pools)
            start = on - timedelta(days=rng.randint(30, 700))
            by_member = i % 3 == 2 and pool.members
            violation = i in (2, 5)
            ins.save_inspection(
                s,
                ins.InspectionInput(
                    activity="inspection" if i % 2 == 0 else "supervision",
                    mode="thematic" if i % 3 == 1 else "regular",
                    start_date=start,
                    end_date=start + timedelta(days=rng.randint(5, 20)),
                    subject_member_id=rng.choice(pool.members) if by_member else None,
                    subject_cell_id=None if by_member else pool.cell_id,
                    carried_by=rng.choice(INSPECTORS),
                    content=rng.choice(
                        (
                            "Việc chấp hành Điều lệ Đảng, sinh hoạt chi bộ định kỳ",
                            "Việc thu, nộp và quản lý đảng phí",
                            "Việc thực hiện nhiệm vụ đảng viên nơi cư trú",
                            "Việc giữ gìn phẩm chất đạo đức, lối sống",
                        )
                    ),
                    conclusion="Có vi phạm, đề nghị xem xét kỷ luật"
                    if violation
                    else "Thực hiện tốt, không vi phạm",
                    violation_found=violation,
                ),
            )
            made += 1
    disciplined = 0
    wanted = rng.randint(1, 3)
    for pool in rng.sample(pools, len(pools)):
        if disciplined >= wanted:
            break
        if len(pool.officials) < 3:
            continue
        with unit_of_work(db, actor) as s:
            member_id = rng.choice(pool.members)
            forms = ins.allowed_forms(s, member_id)
            if not forms:
                continue
            form = "canh_cao" if disciplined == 1 else "khien_trach"
            when = on - timedelta(days=rng.randint(40, 300))
            official = ins.official_members_of_cell(s, pool.cell_id, when)
            ins.discipline(
                s,
                ins.DisciplineInput(
                    form=form,
                    decision_date=when,
                    votes_for=official,
                    subject_member_id=member_id,
                    decision_no=f"{rng.randint(1, 40):02d}-QĐ/ĐU",
                    deciding_body="Đảng ủy xã" if form == "canh_cao" else "Chi bộ",
                    reason="Vi phạm quy định về những điều đảng viên không được làm",
                ),
            )
            disciplined += 1
    return made, disciplined


def _petitions(db: Database, actor: Actor, rng: random.Random, pools: list[_Pool], on: date) -> int:
    made = 0
    with unit_of_work(db, actor) as s:
        for i in range(18):
            received = on - timedelta(days=rng.randint(5, 600))
            anonymous = rng.random() < 0.2
            pid = pt.register_petition(
                s,
                pt.PetitionInput(
                    received_date=received,
                    kind=rng.choice(list(pt.KINDS)),
                    summary=rng.choice(PETITION_TOPICS),
                    sender="" if anonymous else f"Ông {rng.choice(FAMILY)} Văn {rng.choice(GIVEN_M)}",
                    anonymous=anonymous,
                    subject_cell_id=rng.choice(pools).cell_id,
                    handler=rng.choice(("Đ/c Phó Bí thư Đảng ủy", "Đ/c Chủ nhiệm UBKT", "Văn phòng Đảng ủy")),
                    deadline=received + timedelta(days=rng.choice((30, 45, 60))),
                ),
            )
            made += 1
            status = ("resolved", "resolved", "filed", "transferred", "pending")[i % 5]
            closed = min(received + timedelta(days=rng.randint(10, 50)), on)
            if status == "pending" or closed > on:
                continue
            pt.close_petition(
                s,
                pid,
                status,
                closed,
                result="Đã xác minh, trả lời công dân bằng văn bản" if status == "resolved" else "",
                transferred_to="Ủy ban nhân dân xã" if status == "transferred" else "",
            )
    return made


def _training(
    db: Database, actor: Actor, rng: random.Random, pools: list[_Pool], on: date
) -> tuple[int, int]:
    courses = trainees = 0
    members = [m for p in pools for m in p.members]
    with read_session(db, actor) as s:
        awareness = [c.id for c in ad.list_candidates(s, on=on) if c.stage in ("candidate", "class_done")]
    specs = (
        ("Lớp sơ cấp lý luận chính trị khóa I", "theory", "so_cap", 400, 25),
        ("Lớp sơ cấp lý luận chính trị khóa II", "theory", "so_cap", 120, 20),
        ("Lớp bồi dưỡng đảng viên mới", "new_member", "", 200, 12),
        ("Lớp bồi dưỡng nhận thức về Đảng", "awareness", "", 60, 0),
        ("Lớp bồi dưỡng nhận thức về Đảng đợt 2", "awareness", "", 12, 0),
    )
    for name, kind, level, days_ago, size in specs:
        start = on - timedelta(days=days_ago)
        with unit_of_work(db, actor) as s:
            cid = tr.add_course(
                s,
                tr.CourseInput(name, kind, start, level=level, organiser="Trung tâm Chính trị huyện"),
            )
            chosen = rng.sample(members, min(size, len(members)))
            cands = awareness[: max(3, len(awareness) // 2)] if kind == "awareness" else []
            if kind == "awareness" and days_ago < 30:
                cands = awareness[len(cands) :]
            trainees += tr.enrol(s, cid, chosen, cands)
            courses += 1
            if days_ago > 30:
                results = dict.fromkeys([*chosen, *cands], ("passed", ""))  # a result for every trainee
                if len(chosen) > 5:
                    results[chosen[0]] = ("failed", "")
                tr.complete_course(s, cid, start + timedelta(days=rng.randint(5, 20)), results)
    return courses, trainees


def _dues(
    db: Database, actor: Actor, rng: random.Random, pools: list[_Pool], on: date, progress: Progress | None
) -> tuple[int, int]:
    with unit_of_work(db, actor) as s:
        dues.set_rate(s, "other", date(2010, 1, 1), fixed=3_000)
        dues.set_rate(s, "student", date(2010, 1, 1), fixed=2_000)
        dues.set_rate(s, "other", date(2026, 2, 3), fixed=10_000)
    first_month = add_months(date(on.year, on.month, 1), -12)
    months = [month_key(add_months(first_month, i)) for i in range(12)]
    members = [m for p in pools for m in p.members]
    behind = set(rng.sample(members, max(2, len(members) // 40))) if members else set()
    stop_from = rng.randint(max(1, len(months) - 7), len(months) - 4)
    portal = {m for m in members if rng.random() < 0.15}
    bases: dict[str, int] = {}
    rows = 0
    for n, month in enumerate(months):
        if progress is not None:
            progress("dues", n, len(months))
        with unit_of_work(db, actor) as s:
            for pool in pools:
                entries: dict[str, dues.DuesEntry] = {}
                for row in dues.sheet(s, pool.cell_id, month):
                    base = row.base_amount
                    if row.category in ("salaried", "pensioner") and base is None:
                        base = bases.setdefault(
                            row.member_id,
                            rng.randrange(4_500_000, 9_000_000, 100_000)
                            if row.category == "salaried"
                            else rng.randrange(3_000_000, 6_000_000, 100_000),
                        )
                    due = dues.amount_due(s, row.category, month, base)
                    if due is None:
                        continue
                    unpaid = row.member_id in behind and n >= stop_from and month.startswith(str(on.year))
                    entries[row.member_id] = dues.DuesEntry(
                        amount_paid=0 if unpaid else due,
                        channel="portal" if row.member_id in portal else "cash",
                        base_amount=base,
                        paid_date=None if unpaid else min(date(int(month[:4]), int(month[5:]), 20), on),
                    )
                if entries:
                    rows += dues.record_month(s, pool.cell_id, month, entries)
    return rows, len(behind)


def pipeline_admissions(members: int) -> int:
    """How many of a demo commune's `members` join through the admission pipeline this year: the
    generator plans the others (`exports.demo_db`), so the member table holds exactly `members`."""
    return PIPELINE_ADMISSIONS if members >= PIPELINE_FROM else 0


def add_demo_work(
    db: Database,
    actor: Actor,
    *,
    seed: int,
    today: date,
    admissions: int | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fill the Party-work records of an existing demo commune; returns counts by kind. Exactly
    `admissions` candidates are admitted (new members); RuntimeError when the commune cannot take
    them. None: PIPELINE_ADMISSIONS where the commune has a cell with three official members, else
    none."""
    rng = random.Random(f"work-{seed}")  # noqa: S311 - demo data, not secrets
    pools = _pools(db, actor, today)
    if not pools:
        if admissions:  # None or 0: nothing asked for
            msg = "the demo commune has no cells to admit candidates in"
            raise RuntimeError(msg)
        return {}
    counts: dict[str, int] = {}
    if progress is not None:
        progress("admission", 0, 6)
    counts["candidates"] = _candidates(db, actor, rng, pools, today, admissions)
    counts["plans"] = _plans(db, actor, rng, pools, today)
    pools = _pools(db, actor, today)  # new probationary members are in the cells now
    if progress is not None:
        progress("rating", 1, 6)
    counts["rating_rounds"] = _ratings(db, actor, rng, today)
    if progress is not None:
        progress("inspection", 2, 6)
    counts["inspections"], counts["disciplines"] = _inspections(db, actor, rng, pools, today)
    if progress is not None:
        progress("petitions", 3, 6)
    counts["petitions"] = _petitions(db, actor, rng, pools, today)
    if progress is not None:
        progress("training", 4, 6)
    counts["courses"], counts["trainees"] = _training(db, actor, rng, pools, today)
    counts["dues_rows"], counts["dues_behind"] = _dues(db, actor, rng, pools, today, progress)
    return counts
