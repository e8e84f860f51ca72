"""Benchmark (issue 7): the time to compute the quarterly form on a 2,000-member commune with ten years
of meetings, next to the same aggregates as hand-written raw SQL on the same file (the floor).

    .venv/bin/python scripts/bench_report.py [--db PATH] [--runs 5] [--period 2026-Q3]

Without --db a demo commune is generated (models.demo, seed 3) and ten years of monthly meetings are
written through the meetings service."""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from forms.periods import Period
from forms.quarterly import build_report
from models.db import Database, read_session, unit_of_work
from models.demo import DemoOptions, generate_demo
from models.security import SYSTEM_ACTOR
from models.services import meetings as mt
from models.services import organisation as org
from models.setup import open_app_database

RAW_SQL = {
    "members by status, sex, minority": """
        SELECT status, sex, ethnicity <> 'Kinh', count(*) FROM members
        WHERE NOT deleted AND counted AND status IN ('official','probationary','exempted','away')
          AND (admission_date IS NULL OR admission_date <= :end)
        GROUP BY 1, 2, 3""",
    "members by age band": """
        SELECT CASE WHEN (julianday(:end) - julianday(date_of_birth)) / 365.25 <= 30 THEN 1
                    WHEN (julianday(:end) - julianday(date_of_birth)) / 365.25 <= 40 THEN 2
                    WHEN (julianday(:end) - julianday(date_of_birth)) / 365.25 <= 50 THEN 3
                    WHEN (julianday(:end) - julianday(date_of_birth)) / 365.25 <= 60 THEN 4 ELSE 5 END,
               count(*), avg((julianday(:end) - julianday(date_of_birth)) / 365.25)
        FROM members WHERE NOT deleted AND counted
          AND status IN ('official','probationary','exempted','away') GROUP BY 1""",
    "members by occupation, education, theory": """
        SELECT occupation, general_education, political_theory, count(*) FROM members
        WHERE NOT deleted AND counted AND status IN ('official','probationary','exempted','away')
        GROUP BY 1, 2, 3""",
    "movements in the period": """
        SELECT kind, count(*) FROM member_events
        WHERE NOT deleted AND event_date BETWEEN :start AND :end GROUP BY kind""",
    "opening count": """
        SELECT count(DISTINCT member_id) FROM member_events
        WHERE NOT deleted AND kind IN ('admitted','readmitted','transfer_in') AND event_date < :start""",
    "cells by kind": "SELECT kind, count(*) FROM cells WHERE NOT deleted AND status = 'active' GROUP BY kind",
    "meetings held, thematic, quality": """
        SELECT kind, quality_rating, count(*) FROM meetings
        WHERE NOT deleted AND status = 'held' AND month BETWEEN :m1 AND :m2 GROUP BY 1, 2""",
    "attendance": """
        SELECT sum(a.status = 'present'), sum(a.status IN ('present','absent_excused','absent_unexcused'))
        FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
        WHERE NOT m.deleted AND m.status = 'held' AND m.month BETWEEN :m1 AND :m2""",
    "dues": """
        SELECT sum(amount_due), sum(amount_paid) FROM dues_payments
        WHERE NOT deleted AND month BETWEEN :m1 AND :m2""",
}


def add_meetings(db: Database, years: int, end: date, seed: int = 3) -> int:
    """A regular meeting per cell per month for `years` years, attendance from the roster."""
    rng = random.Random(seed)  # noqa: S311 - test data, not cryptography
    with read_session(db, SYSTEM_ACTOR) as session:
        cells = [c.id for c in org.list_cells(session, include_closed=False)]
    written = 0
    for year in range(end.year - years + 1, end.year + 1):
        for month in range(1, 13):
            if date(year, month, 1) > end:
                break
            held = date(year, month, rng.randint(2, 9))
            with unit_of_work(db, SYSTEM_ACTOR) as session:
                for cell in cells:
                    roster = mt.roster(session, cell, held)
                    if not roster:
                        continue
                    attendance = {
                        r.member_id: (
                            ("present", "")
                            if r.activity == "active" and rng.random() < 0.88
                            else ("absent_excused", "Đi làm xa")
                        )
                        for r in roster
                    }
                    mt.save_meeting(
                        session,
                        mt.MeetingInput(
                            cell_id=cell,
                            kind="thematic" if month % 3 == 0 else "regular",
                            month=f"{year:04d}-{month:02d}",
                            held_date=held,
                            start_time="19:30",
                            end_time="21:30",
                            place="Nhà văn hóa bản",
                            chair_name="Bí thư chi bộ",
                            secretary_name="Phó bí thư",
                            attendance=attendance,
                            thematic_topic="Học tập và làm theo tư tưởng Hồ Chí Minh"
                            if month % 3 == 0
                            else "",
                            quality_score=rng.randint(60, 100),
                        ),
                    )
                    written += 1
        print(f"  meetings of {year}: {written} so far", flush=True)
    return written


def median_ms(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="an existing database (default: generate one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--period", default="2026-Q3")
    parser.add_argument("--members", type=int, default=2000)
    args = parser.parse_args()
    period = Period.parse(args.period)
    if args.db:
        path = Path(args.db)
    else:
        path = Path(tempfile.mkdtemp(prefix="bench-report-")) / "commune.db"
        started = time.perf_counter()
        summary = generate_demo(path, DemoOptions(members=args.members, seed=3, check_drive=False))
        print(
            f"demo: {summary.members} member records, {summary.cells} cells ({time.perf_counter() - started:.0f} s)"
        )
        db = open_app_database(path, create=False, check_drive=False)
        started = time.perf_counter()
        n = add_meetings(db, 10, date(2026, 10, 31))
        db.close()
        print(f"meetings: {n} written through the service ({time.perf_counter() - started:.0f} s)")
    db = open_app_database(path, create=False, check_drive=False)

    def form() -> None:
        with read_session(db, SYSTEM_ACTOR) as session:
            build_report(session, period)

    form()  # warm the page cache
    form_ms = median_ms(form, args.runs)
    db.close()
    params = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "m1": period.start.strftime("%Y-%m"),
        "m2": period.end.strftime("%Y-%m"),
    }
    conn = sqlite3.connect(path)

    def raw() -> None:
        for sql in RAW_SQL.values():
            conn.execute(sql, params).fetchall()

    raw()
    raw_ms = median_ms(raw, args.runs)
    conn.close()
    print(f"period {period.key}, median of {args.runs} runs")
    print(f"  quarterly form (every indicator, with explanations): {form_ms:8.1f} ms")
    print(f"  raw SQL floor ({len(RAW_SQL)} aggregate queries):          {raw_ms:8.1f} ms")
    print(f"  ratio: {form_ms / raw_ms:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
