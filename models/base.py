"""Declarative base, column types and the mixin every travelling record carries."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from typing import Annotated, Any

from sqlalchemy import Boolean, Date, DateTime, Integer, MetaData, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as naive UTC; refuses naive values."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        del dialect
        if value is None:
            return None
        if value.tzinfo is None:
            msg = "naive datetime given to a UTC column"
            raise ValueError(msg)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        del dialect
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


_id_source: ContextVar[Callable[[], str] | None] = ContextVar("id_source", default=None)


def new_id() -> str:
    """A new record id: a random UUID, or the next id of a deterministic source (see `id_source`)."""
    source = _id_source.get()
    return source() if source is not None else str(uuid.uuid4())


_STABLE = uuid.UUID("5d0c3a52-6f0e-4c39-9a51-0b7f3c1e2a44")  # namespace of derived child ids


def stable_id(parent_id: str, collection: str, key: str | int) -> str:
    """The id of a child row derived from its parent and its place (e.g. a meeting and a member, or
    an agenda position): editing a collection by difference finds the same row again, and the upper
    level receives a change of that row, never a second row."""
    return str(uuid.uuid5(_STABLE, f"{parent_id}/{collection}/{key}"))


@contextmanager
def id_source(source: Callable[[], str]) -> Iterator[None]:
    """Within the block, new records take their ids from `source` (the demo generator uses a seeded
    source so the same seed gives the same database)."""
    token = _id_source.set(source)
    try:
        yield
    finally:
        _id_source.reset(token)


_clock: ContextVar[Callable[[], datetime] | None] = ContextVar("clock", default=None)


@contextmanager
def clock_source(source: Callable[[], datetime]) -> Iterator[None]:
    """Within the block, created/updated times come from `source` (the demo generator uses a
    deterministic clock so the same seed gives the same member tables)."""
    token = _clock.set(source)
    try:
        yield
    finally:
        _clock.reset(token)


def _now() -> datetime:
    source = _clock.get()
    return source() if source is not None else datetime.now(UTC)


UuidPk = Annotated[str, mapped_column(String(36), primary_key=True, default=new_id)]
UuidRef = Annotated[str, mapped_column(String(36))]
Str40 = Annotated[str, mapped_column(String(40))]
Str200 = Annotated[str, mapped_column(String(200))]
LongText = Annotated[str, mapped_column(Text)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy's class-level configuration
        datetime: UtcDateTime(),
        date: Date(),
        str: String(200),
        bool: Boolean(),
        int: Integer(),
    }


class Synced:
    """Columns of every record that travels to the upper level: UUID key, owning unit, revision,
    created/updated times, a tombstone instead of a hard delete, and the database's change number of
    the last write. Services never stamp these themselves: one session hook
    (`models.sync_schema.stamp_changes`) does it for every flush that inserts or changes such a row,
    and refuses a hard delete."""

    id: Mapped[UuidPk]
    owner_unit_id: Mapped[str] = mapped_column(String(36), index=True)
    revision: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now)
    deleted: Mapped[bool] = mapped_column(default=False)
    # The per-database change number of the last write (local bookkeeping: it does not travel).
    change_seq: Mapped[int] = mapped_column(server_default="0", index=True)


def now() -> datetime:
    """The (possibly deterministic, see `clock_source`) time stamped on created/updated times."""
    return _now()
