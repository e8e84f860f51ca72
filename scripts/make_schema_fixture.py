"""Write tests/fixtures/schema_<HEAD>.db: a small commune made through the services at the current
schema, kept in the repository so later revisions are tested upgrading it. Run once per released
schema revision:  .venv/bin/python scripts/make_schema_fixture.py"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.db import checkpoint, unit_of_work
from models.migrate import HEAD
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import organisation as org
from models.setup import open_app_database
from tests.builders import admit, profile, village_and_cell
from tests.conftest import UNIT


def main() -> None:
    target = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / f"schema_{HEAD}.db"
    target.unlink(missing_ok=True)
    db = open_app_database(target, create=True, check_drive=False)
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        org.setup_unit(s, UNIT)
        org.add_upper_level(
            s, "Huyện ủy Sốp Cộp", "HU", "ĐẢNG BỘ HUYỆN SỐP CỘP", date(2010, 1, 1), date(2025, 6, 30)
        )
        cell = village_and_cell(s)
        other = village_and_cell(s, "Bản Huổi Hẹ", "Chi bộ bản Huổi Hẹ")
        a = admit(s, cell, profile(cccd="014085001234"), ceremony=date(2015, 3, 5))
        ms.recognise_official(s, ms.EventInput(a, date(2016, 3, 5), decision_no="12-QĐ/HU"))
        b = admit(
            s,
            other,
            profile("Giàng", "A", "Páo", born=date(1990, 7, 7), ethnicity="Mông"),
            ceremony=date(2025, 1, 9),
        )
        c = admit(
            s, cell, profile("Cầm", "Thị", "Hoa", sex="F", born=date(1960, 2, 2)), ceremony=date(1990, 5, 19)
        )
        ms.start_exemption(s, ms.EventInput(c, date(2022, 1, 1), reason="Tuổi cao"))
        org.assign_position(
            s,
            org.PositionInput(
                member_id=a, role="secretary", cell_id=cell, start_date=date(2020, 8, 1), is_village_head=True
            ),
        )
        org.assign_position(
            s, org.PositionInput(member_id=b, role="commune_committee_member", start_date=date(2025, 9, 1))
        )
        org.assign_committee_member(s, other, b, date(2025, 9, 15))
    checkpoint(db)
    db.close()
    for suffix in ("-wal", "-shm", ".lock"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    print(target)


if __name__ == "__main__":
    main()
