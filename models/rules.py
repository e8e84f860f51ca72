"""Configurable rules with valid-from dates (DOMAIN.md §7), seeded from resources/presets/rules.json."""

from __future__ import annotations

import bisect
import functools
import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import resources
from models import txcache
from models.dates import add_months
from models.entities import RuleValue

_RULE_DEPS = frozenset({RuleValue})


def seed_rules(session: Session) -> int:
    """Insert the preset values that are not in the database yet; returns how many were added."""
    preset: dict[str, Any] = resources.load_preset("rules")
    existing = {(r.key, r.valid_from) for r in session.scalars(select(RuleValue))}
    added = 0
    for key, values in preset.items():
        if key.startswith("_"):
            continue
        for item in values:
            valid_from = date.fromisoformat(item["valid_from"])
            if (key, valid_from) in existing:
                continue
            session.add(
                RuleValue(
                    key=key, valid_from=valid_from, value=json.dumps(item["value"]), note=item.get("note", "")
                )
            )
            added += 1
    session.flush()
    return added


def _book(session: Session, key: str) -> list[tuple[date, str]]:
    """Every recorded value of `key`, oldest first; read once per transaction (models.txcache)."""

    def load() -> list[tuple[date, str]]:
        return [
            (valid_from, value)
            for valid_from, value in session.execute(
                select(RuleValue.valid_from, RuleValue.value)
                .where(RuleValue.key == key)
                .order_by(RuleValue.valid_from)
            )
        ]

    return txcache.cached(session, "rules", key, _RULE_DEPS, load)


def rule(session: Session, key: str, on: date) -> Any:
    """The value of `key` in force on `on`. Before the earliest recorded value, the earliest applies
    (historic records predate the table); falls back to the preset when the table lacks the key."""
    book = _book(session, key)
    if book:
        index = bisect.bisect_right(book, on, key=lambda item: item[0])
        return json.loads(book[max(index - 1, 0)][1])
    preset: dict[str, Any] = resources.load_preset("rules")
    candidates = [v for v in preset.get(key, []) if date.fromisoformat(v["valid_from"]) <= on]
    if not candidates:
        msg = f"no rule {key!r} in force on {on}"
        raise KeyError(msg)
    return max(candidates, key=lambda v: v["valid_from"])["value"]


@functools.lru_cache(maxsize=1)
def _preset_rows() -> dict[str, list[tuple[date, Any]]]:
    preset: dict[str, Any] = resources.load_preset("rules")
    return {
        key: [(date.fromisoformat(v["valid_from"]), v["value"]) for v in values]
        for key, values in preset.items()
        if not key.startswith("_")
    }


class RuleBook:
    """Every dated rule value, read in one query when a service call (a transaction) starts and passed
    to whatever judges events: the fold asks for each rule as of the event it judges (the probation
    length in force at the admission ceremony), so no caller chooses a date and a rule row added later
    leaves every earlier history valid. Keys missing from the table fall back to the preset."""

    def __init__(self, rows: dict[str, list[tuple[date, Any]]]) -> None:
        self._rows = {key: sorted(values, key=lambda item: item[0]) for key, values in rows.items()}

    @classmethod
    def preset(cls) -> RuleBook:
        """The preset values only (resources/presets/rules.json): for folds outside a database."""
        return cls(dict(_preset_rows()))

    def value(self, key: str, on: date) -> Any:
        """The value of `key` in force on `on` (before the earliest value, the earliest applies)."""
        values = self._rows.get(key)
        if not values:
            fallback = _preset_rows().get(key)
            if not fallback:
                msg = f"no rule {key!r} in force on {on}"
                raise KeyError(msg)
            values = self._rows[key] = fallback
        chosen = values[0][1]
        for valid_from, value in values:
            if valid_from > on:
                break
            chosen = value
        return chosen

    def probation_months(self, ceremony: date) -> int:
        """Months of probation for a member whose admission ceremony was on `ceremony`."""
        return int(self.value("probation.months", ceremony))

    def probation_end(self, ceremony: date) -> date:
        """The day probation is complete ("Ngày đủ … tháng dự bị") for a ceremony on `ceremony`."""
        return add_months(ceremony, self.probation_months(ceremony))


def rule_book(session: Session) -> RuleBook:
    """The rule book of this transaction: every rule row, read once."""
    rows: dict[str, list[tuple[date, Any]]] = {}
    for key, valid_from, value in session.execute(
        select(RuleValue.key, RuleValue.valid_from, RuleValue.value)
    ):
        rows.setdefault(key, []).append((valid_from, json.loads(value)))
    return RuleBook(rows)
