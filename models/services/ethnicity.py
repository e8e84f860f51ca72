"""Ethnicity values typed as free text before the picker existed, mapped to the official groups
(models.picklists) in one audited transaction (issue 13: "Thai" next to "Thái" split the filter and
the statistics)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.entities import Member
from models.entities_work import Candidate
from models.errors import ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.picklists import ETHNICITY_CHOICES, normalise_ethnicity
from models.security import Permission, require
from models.services.common import own_unit_id

CTX = "ethnicity"


@dataclass(frozen=True)
class StoredValue:
    value: str  # as stored
    count: int  # members and candidates holding it
    suggestion: str | None  # the official group it most likely means, None when unknown


def values_to_map(session: Session) -> list[StoredValue]:
    """Every stored ethnicity that is not exactly an official name, most frequent first."""
    require(session, Permission.VIEW_REGISTER)
    unit_id = own_unit_id(session)
    counts: dict[str, int] = {}
    for entity in (Member, Candidate):
        for value, count in session.execute(
            select(entity.ethnicity, func.count())
            .where(~entity.deleted, entity.owner_unit_id == unit_id)
            .group_by(entity.ethnicity)
        ):
            counts[value] = counts.get(value, 0) + count
    out = [
        StoredValue(value, count, normalise_ethnicity(value))
        for value, count in counts.items()
        if value not in ETHNICITY_CHOICES
    ]
    out.sort(key=lambda v: (-v.count, v.value))
    return out


def map_values(session: Session, mapping: dict[str, str]) -> int:
    """Replace each stored value by its official group for every member and candidate of this unit;
    one audit entry per record changed. Returns the number of records changed."""
    require(session, Permission.EDIT_REGISTER)
    for new in mapping.values():
        if new not in ETHNICITY_CHOICES:
            raise ValidationError(
                "ethnicity",
                QT_TRANSLATE_NOOP("ethnicity", "“{value}” không có trong danh mục 54 dân tộc."),
                context=CTX,
                value=new,
            )
    unit_id = own_unit_id(session)
    olds = [k for k, v in mapping.items() if k != v]
    records: list[tuple[str, Member | Candidate]] = [
        ("member", m)
        for m in session.scalars(
            select(Member)
            .where(Member.ethnicity.in_(olds), Member.owner_unit_id == unit_id)
            .order_by(Member.id)
        )
    ]
    records += [
        ("candidate", c)
        for c in session.scalars(
            select(Candidate)
            .where(Candidate.ethnicity.in_(olds), Candidate.owner_unit_id == unit_id)
            .order_by(Candidate.id)
        )
    ]
    for name, row in records:
        before = {"ethnicity": row.ethnicity}
        row.ethnicity = mapping[row.ethnicity]
        audit.record(
            session, "ethnicity.map", name, row.id, before=before, after={"ethnicity": row.ethnicity}
        )
    changed = len(records)
    session.flush()
    return changed
