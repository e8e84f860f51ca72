"""Helpers shared by the services: the owning unit, optimistic revision checks, field snapshots."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from models import txcache
from models.base import Synced
from models.dates import format_date, today
from models.entities import AppMeta
from models.errors import Conflict, NotFound, ValidationError
from models.i18n import QT_TRANSLATE_NOOP

OWN_UNIT_KEY = "own_unit_id"
_META_DEPS = frozenset({AppMeta})
_T = TypeVar("_T", bound=Synced)


def own_unit_id(session: Session) -> str:
    """The unit this database belongs to (read once per transaction: every write asks for it)."""

    def load() -> str:
        row = session.get(AppMeta, OWN_UNIT_KEY)
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("services", "Chưa khai báo đơn vị. Hãy hoàn thành bước thiết lập ban đầu."),
                context="services",
            )
        return row.value

    return txcache.cached(session, "own_unit_id", None, _META_DEPS, load)


def meta(session: Session, key: str) -> str | None:
    row = session.get(AppMeta, key)
    return row.value if row else None


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(AppMeta, key)
    if row is None:
        session.add(AppMeta(key=key, value=value))
    else:
        row.value = value


def snapshot(obj: Any, exclude: tuple[str, ...] = ("photo",)) -> dict[str, Any]:
    """Column values of a mapped object (for audit digests and change lists)."""
    mapper = inspect(type(obj))
    return {c.key: getattr(obj, c.key) for c in mapper.column_attrs if c.key not in exclude}


def check_revision(obj: Synced, expected: int | None) -> None:
    if expected is not None and obj.revision != expected:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "services",
                "Bản ghi vừa được người khác sửa. Hãy đóng cửa sổ, mở lại để xem thay đổi rồi sửa tiếp.",
            ),
            context="services",
        )


def get_live(session: Session, cls: type[_T], record_id: str, what: str) -> _T:
    obj = session.get(cls, record_id)
    if obj is None or obj.deleted:
        raise NotFound(
            QT_TRANSLATE_NOOP("services", "Không tìm thấy {what}. Có thể bản ghi đã bị xóa."),
            context="services",
            what=what,
        )
    return obj


def require_text(field: str, value: str, label: str) -> None:
    if not value:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("services", "Hãy nhập {label}."), context="services", label=label
        )


def not_in_future(field: str, value: date | None) -> None:
    if value is not None and value > today():
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("services", "Ngày {value} ở tương lai. Hãy nhập ngày đã xảy ra."),
            context="services",
            value=format_date(value),
        )


def date_order(field: str, start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("services", "Ngày kết thúc ({end}) trước ngày bắt đầu ({start}). Hãy sửa lại."),
            context="services",
            end=format_date(end),
            start=format_date(start),
        )
