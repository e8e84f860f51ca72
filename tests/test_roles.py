"""Permissions are enforced in the services (issue 3): every public service function is called
directly, for every role, and a role without the permission is refused with PermissionDenied.

Built by introspection, so a new service is covered the day it is written. A function's permission is
the first one it asks `require` for when called by the all-powerful system actor with dummy
arguments; since `require` runs first, dummy arguments are enough. Functions that take a session but
reach no `require` with dummy arguments (helpers, read plumbing, or a service that validates before
checking the permission) must be listed in UNGUARDED with a reason, so none slips in unnoticed."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

import models.services
from models import security
from models.db import Database
from models.errors import PermissionDenied
from models.security import ROLE_PERMISSIONS, SYSTEM_ACTOR, Actor, Permission, Role
from tests.conftest import report_line

ROLES = (Role.CLERK, Role.APPROVER, Role.INSPECTION, Role.ADMIN)

# Session-taking public functions that reach no `require` with dummy arguments. Keep the reason.
UNGUARDED: dict[str, str] = {
    # shared helpers called inside guarded services
    "common.own_unit_id": "helper",
    "common.meta": "helper",
    "common.set_meta": "helper",
    "common.get_live": "helper",
    "dues.amount_due": "helper",
    "dues.require_rates_known": "helper",
    "inspection.official_members_of_cell": "helper",
    "meetings.roster": "helper",
    "meetings.quality_from_score": "helper",
    "meetings.meeting_checks": "helper",
    "meetings.next_number": "helper",
    "meetings.copy_structure": "helper",
    "membership.rederive": "helper",
    "membership.validate_profile": "helper",
    "membership.similar_names": "helper",
    "membership.admission_checks": "helper",
    "membership.party_age_months": "helper",
    "membership.badge_eligibility": "helper",
    "organisation.is_set_up": "start-up check, no personal data",
    "users.own_account": "the logged-in user's own account only (name in the window, roles reloaded)",
    "organisation.current_upper_level": "letterhead of documents, no personal data",
    "organisation.upper_levels": "letterhead of documents, no personal data",
    "organisation.find_cell": "CLI lookup of a cell by name",
    "rating.level_names": "helper",
    "rating.level_from_score": "helper",
    "rating.quota_warnings": "helper",
    "register.next_award_day": "helper",
    "admission.add_working_days": "helper",
}


def service_modules() -> Iterator[ModuleType]:
    for info in pkgutil.iter_modules(models.services.__path__):
        yield importlib.import_module(f"models.services.{info.name}")


def service_functions() -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for module in service_modules():
        short = module.__name__.rsplit(".", 1)[1]
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "session":
                found.append((f"{short}.{name}", fn))
    return sorted(found, key=lambda item: item[0])


def dummy_call(fn: Callable[..., Any], session: Any) -> None:
    args: list[Any] = [session]
    kwargs: dict[str, Any] = {}
    for p in list(inspect.signature(fn).parameters.values())[1:]:
        if p.default is not inspect.Parameter.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.kind is p.KEYWORD_ONLY:
            kwargs[p.name] = None
        else:
            args.append(None)
    fn(*args, **kwargs)


class Recorder:
    def __init__(self) -> None:
        self.asked: list[Permission] = []

    def __call__(self, session: Any, permission: Permission) -> Actor:
        self.asked.append(permission)
        return security.require(session, permission)


def run_as(
    db: Database, actor: Actor, fn: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> tuple[BaseException | None, list[Permission]]:
    recorder = Recorder()
    with monkeypatch.context() as patch:
        for module in service_modules():
            if getattr(module, "require", None) is security.require:
                patch.setattr(module, "require", recorder)
        session = db.sessions()
        session.info["actor"] = actor
        try:
            dummy_call(fn, session)
        except Exception as exc:
            return exc, recorder.asked
        finally:
            session.rollback()
            session.close()
    return None, recorder.asked


def test_role_matrix(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    functions = service_functions()
    guarded: dict[str, Permission] = {}
    unguarded: list[str] = []
    for name, fn in functions:
        _, asked = run_as(db, SYSTEM_ACTOR, fn, monkeypatch)
        if asked:
            guarded[name] = asked[0]
        else:
            unguarded.append(name)

    checked = refused = 0
    problems: list[str] = []
    for name, fn in functions:
        if name not in guarded:
            continue
        permission = guarded[name]
        for role in ROLES:
            actor = Actor(user_id=f"u-{role}", login=f"test-{role}", roles=frozenset({role}))
            exc, _ = run_as(db, actor, fn, monkeypatch)
            checked += 1
            allowed = permission in ROLE_PERMISSIONS[role]
            if not allowed:
                refused += 1
                if not isinstance(exc, PermissionDenied):
                    problems.append(f"{name} ({permission}) not refused for {role}: {exc!r}")
            elif isinstance(exc, PermissionDenied):
                problems.append(f"{name} ({permission}) refused for {role}, which holds it")
    assert problems == []
    assert len(guarded) >= 100
    assert checked == len(guarded) * len(ROLES)
    assert sorted(set(UNGUARDED) - {name for name, _ in functions}) == [], "stale UNGUARDED entries"
    unexpected = sorted(set(unguarded) - set(UNGUARDED))
    assert unexpected == [], (
        "These services reach no require() with dummy arguments: make require() their first statement, "
        "or list them in UNGUARDED with a reason"
    )
    # In the terminal summary of every run: the counts the issue asks for.
    report_line(
        f"role matrix: {len(guarded)} guarded services x {len(ROLES)} roles = {checked} calls, "
        f"{refused} refused as expected; {len(unguarded)} unguarded helpers, each with its reason"
    )


def test_every_role_is_in_the_matrix() -> None:
    assert set(ROLES) | {Role.SYSTEM} == set(Role)
    assert ROLE_PERMISSIONS[Role.SYSTEM] == frozenset(Permission)
    # Only the inspection role sees inspection, discipline and petition details.
    assert [r for r in ROLES if Permission.VIEW_SENSITIVE in ROLE_PERMISSIONS[r]] == [Role.INSPECTION]
    assert [r for r in ROLES if Permission.ADMIN_USERS in ROLE_PERMISSIONS[r]] == [Role.ADMIN]
