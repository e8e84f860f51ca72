"""Test data built through the real services."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from models.security import Actor, Role
from models.services import membership as ms
from models.services import organisation as org

# The columns of a typical Excel member list as clerks keep it (import tests, the crash harness and the
# import benchmark write files with these headers).
MEMBER_LIST_HEADERS = [
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Chi bộ",
    "Ngày vào Đảng",
    "Ngày chính thức",
]


def village_and_cell(session: Session, village: str = "Bản Na Hát", cell: str = "Chi bộ bản Na Hát") -> str:
    village_id = org.add_village(session, org.VillageInput(name=village, kind="ban"))
    return org.add_cell(session, org.CellInput(name=cell, kind="village", village_ids=(village_id,)))


def profile(
    family: str = "Lò",
    middle: str = "Văn",
    given: str = "Thanh",
    *,
    sex: str = "M",
    born: date = date(1985, 4, 12),
    cccd: str | None = None,
    ethnicity: str = "Thái",
    education: str = "12/12",
) -> ms.Profile:
    return ms.Profile(
        family_name=family,
        middle_name=middle,
        given_name=given,
        sex=sex,
        date_of_birth=born,
        ethnicity=ethnicity,
        cccd=cccd,
        general_education=education,
        occupation="farmer",
    )


def admit(
    session: Session,
    cell_id: str,
    p: ms.Profile | None = None,
    *,
    ceremony: date = date(2020, 3, 5),
    consideration: date | None = None,
    over_age_note: str = "",
) -> str:
    consideration = consideration or date(ceremony.year, ceremony.month, 1)
    result = ms.admit(
        session,
        ms.Admit(
            profile=p or profile(),
            cell_id=cell_id,
            consideration_date=consideration,
            decision_date=consideration,
            decision_no="123-QĐ/ĐU",
            ceremony_date=ceremony,
            introducers=("Lường Văn Hùng", "Cầm Thị Lan"),
            over_age_note=over_age_note,
        ),
    )
    return result.member_id


def office_actor() -> Actor:
    """A one-clerk office's account: every role (what the demo administrator has)."""
    return Actor(
        user_id="office",
        login="vanphong",
        roles=frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER, Role.INSPECTION}),
    )
