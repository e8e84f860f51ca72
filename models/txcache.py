"""Per-transaction memo of derived values (DESIGN.md §8: "a rule book loaded once per transaction").

A service that reads the same thing many times in one user action — a rule value, a cell's members
and their events — asks `cached(session, name, key, deps, compute)`. The value is kept in the
session until the transaction ends (commit, rollback, savepoint end) or until a flush writes a record
of one of the `deps` classes, whichever comes first; an ORM bulk statement or raw SQL that may write
drops every cached value. The sessions run with autoflush off, so a query would not see unflushed
changes either: a cached value is never staler than the query it replaces."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction

_T = TypeVar("_T")
_INFO_KEY = "_txcache"


class _Memo:
    __slots__ = ("deps", "values")

    def __init__(self, deps: frozenset[type]) -> None:
        self.deps = deps
        self.values: dict[Hashable, Any] = {}


def _memos(session: Session) -> dict[str, _Memo]:
    memos: dict[str, _Memo] | None = session.info.get(_INFO_KEY)
    if memos is None:
        memos = {}
        session.info[_INFO_KEY] = memos
    return memos


def cached(
    session: Session, name: str, key: Hashable, deps: frozenset[type], compute: Callable[[], _T]
) -> _T:
    """`compute()` once per transaction for (`name`, `key`), until a record of a `deps` class is
    flushed. `name` must always be used with the same `deps`."""
    memo = _memos(session).get(name)
    if memo is None:
        memo = _Memo(deps)
        _memos(session)[name] = memo
    try:
        value: _T = memo.values[key]
    except KeyError:
        value = compute()
        memo.values[key] = value
    return value


def put(session: Session, name: str, key: Hashable, deps: frozenset[type], value: Any) -> None:
    """Store a value computed elsewhere (e.g. the audit chain's head after an append)."""
    memos = _memos(session)
    memo = memos.get(name)
    if memo is None:
        memo = memos[name] = _Memo(deps)
    memo.values[key] = value


def peek(session: Session, name: str, key: Hashable) -> Any | None:
    memo = _memos(session).get(name)
    return None if memo is None else memo.values.get(key)


def clear(session: Session) -> None:
    session.info.pop(_INFO_KEY, None)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    memos: dict[str, _Memo] | None = session.info.get(_INFO_KEY)
    if not memos:
        return
    touched = {type(obj) for group in (session.new, session.dirty, session.deleted) for obj in group}
    if not touched:
        return
    for name in [n for n, m in memos.items() if any(issubclass(t, tuple(m.deps)) for t in touched)]:
        del memos[name]


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    # A flush runs in an internal subtransaction; only the real transaction or a savepoint ends here.
    if transaction.parent is None or transaction.nested:
        clear(session)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    if not state.is_select:
        clear(state.session)
