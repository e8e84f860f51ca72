"""Configurable rules with valid-from dates (DOMAIN.md §7), seeded from resources/presets/rules.json."""

from __future__ import annotations

import bisect
import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import resources
from models import txcache
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
