"""User accounts: list, create, change name and roles, deactivate, and the audit side of password
resets and unlocks. Administrators only. The key slots themselves live in the key file and are written
by `exports.keyring`, in the same user action (one transaction)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit
from models.auth import format_roles, normalise_login, parse_roles, record_key_change
from models.entities import User
from models.errors import Conflict, NotFound, RuleViolation, ValidationError
from models.i18n import QT_TRANSLATE_NOOP
from models.security import Permission, Role, actor_of, require

CONTEXT = "users"
_LOGIN_RE = re.compile(r"^[a-z0-9._-]{2,60}$")
ROLE_LABELS: dict[Role, str] = {
    Role.CLERK: QT_TRANSLATE_NOOP("users", "Văn thư (nhập, sửa hồ sơ)"),
    Role.APPROVER: QT_TRANSLATE_NOOP("users", "Duyệt (báo cáo, biên bản, xuất)"),
    Role.INSPECTION: QT_TRANSLATE_NOOP("users", "Kiểm tra (kỷ luật, đơn thư)"),
    Role.ADMIN: QT_TRANSLATE_NOOP("users", "Quản trị (người dùng, khóa, sao lưu)"),
}
# The first administrator of an installation runs a one-person office: every role, changeable later.
FIRST_ADMIN_ROLES = frozenset({Role.CLERK, Role.APPROVER, Role.INSPECTION, Role.ADMIN})


@dataclass(frozen=True)
class UserInput:
    login: str
    full_name: str
    roles: frozenset[Role]


@dataclass(frozen=True)
class UserView:
    id: str
    login: str
    full_name: str
    roles: frozenset[Role]
    active: bool
    must_change_password: bool
    created_at: datetime
    updated_at: datetime


def _view(user: User) -> UserView:
    return UserView(
        id=user.id,
        login=user.login,
        full_name=user.full_name,
        roles=parse_roles(user.roles),
        active=user.active,
        must_change_password=user.must_change_password,
        created_at=user.created_at,
        updated_at=user.updated_at,
    )


def _snapshot(user: User) -> dict[str, object]:
    return {
        "login": user.login,
        "full_name": user.full_name,
        "roles": user.roles,
        "active": user.active,
        "must_change_password": user.must_change_password,
    }


def _get(session: Session, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("users", "Không tìm thấy người dùng. Có thể tài khoản vừa bị xóa."),
            context=CONTEXT,
        )
    return user


def _validate(cmd: UserInput, *, check_login: bool = True) -> None:
    errors: dict[str, str] = {}
    if check_login and not _LOGIN_RE.match(normalise_login(cmd.login)):
        errors["login"] = ValidationError(
            "login",
            QT_TRANSLATE_NOOP(
                "users",
                "Tên đăng nhập gồm 2–60 chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ: vanthu.lan).",
            ),
            context=CONTEXT,
        ).text()
    if not cmd.full_name.strip():
        errors["full_name"] = ValidationError(
            "full_name", QT_TRANSLATE_NOOP("users", "Hãy nhập họ và tên."), context=CONTEXT
        ).text()
    if not (cmd.roles - {Role.SYSTEM}):
        errors["roles"] = ValidationError(
            "roles", QT_TRANSLATE_NOOP("users", "Hãy chọn ít nhất một vai trò."), context=CONTEXT
        ).text()
    if errors:
        raise ValidationError.many(errors)


def _active_admins(session: Session, excluding: str) -> int:
    rows = session.scalars(select(User.roles).where(User.active.is_(True), User.id != excluding))
    return sum(1 for roles in rows if Role.ADMIN in parse_roles(roles))


def _keep_an_admin(session: Session, user_id: str) -> None:
    if _active_admins(session, user_id) == 0:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "users",
                "Phải còn ít nhất một quản trị viên đang hoạt động. Hãy cấp quyền quản trị cho người khác trước.",
            ),
            context=CONTEXT,
        )


def list_users(session: Session, *, include_inactive: bool = True) -> list[UserView]:
    require(session, Permission.ADMIN_USERS)
    query = select(User).order_by(User.active.desc(), User.login)
    if not include_inactive:
        query = query.where(User.active.is_(True))
    return [_view(u) for u in session.scalars(query)]


def get_user(session: Session, user_id: str) -> UserView:
    require(session, Permission.ADMIN_USERS)
    return _view(_get(session, user_id))


def own_account(session: Session) -> UserView:
    """The logged-in user's own account (no permission needed: the window shows who is logged in,
    and a session reloads its roles after an administrator changed them)."""
    return _view(_get(session, actor_of(session).user_id))


def count_users(session: Session) -> int:
    require(session, Permission.ADMIN_USERS)
    return int(session.scalar(select(func.count()).select_from(User)) or 0)


def create_user(session: Session, cmd: UserInput, *, must_change_password: bool = True) -> str:
    """Add an account (its key slot is written by the caller in the same action)."""
    require(session, Permission.ADMIN_USERS)
    _validate(cmd)
    login = normalise_login(cmd.login)
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("users", "Tên đăng nhập “{login}” đã có. Hãy chọn tên khác."),
            context=CONTEXT,
            login=login,
        )
    user = User(
        login=login,
        full_name=cmd.full_name.strip(),
        roles=format_roles(cmd.roles),
        active=True,
        must_change_password=must_change_password,
    )
    session.add(user)
    session.flush()
    audit.record(session, "create", "user", user.id, after=_snapshot(user))
    return user.id


def update_user(session: Session, user_id: str, full_name: str, roles: frozenset[Role]) -> None:
    """Change the name and roles; the last active administrator keeps the admin role."""
    require(session, Permission.ADMIN_USERS)
    user = _get(session, user_id)
    _validate(UserInput(user.login, full_name, roles), check_login=False)
    before = _snapshot(user)
    if Role.ADMIN not in roles and Role.ADMIN in parse_roles(user.roles) and user.active:
        _keep_an_admin(session, user_id)
    user.full_name = full_name.strip()
    user.roles = format_roles(roles)
    user.touch()
    audit.record(session, "update", "user", user.id, before=before, after=_snapshot(user))


def set_active(session: Session, user_id: str, active: bool) -> None:
    """Deactivate (the key slot is removed by the caller) or reactivate (with a new password)."""
    actor = require(session, Permission.ADMIN_USERS)
    user = _get(session, user_id)
    if user.active == active:
        return
    if not active:
        if user.id == actor.user_id:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "users", "Không thể tự ngừng tài khoản đang đăng nhập. Hãy nhờ quản trị viên khác."
                ),
                context=CONTEXT,
            )
        if Role.ADMIN in parse_roles(user.roles):
            _keep_an_admin(session, user_id)
    before = _snapshot(user)
    user.active = active
    if active:
        user.must_change_password = True
    user.touch()
    audit.record(
        session, "activate" if active else "deactivate", "user", user.id, before=before, after=_snapshot(user)
    )


def reset_password(session: Session, user_id: str) -> UserView:
    """Audit a password reset by an administrator; the user must choose a new one at next login."""
    require(session, Permission.ADMIN_USERS)
    user = _get(session, user_id)
    if not user.active:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "users", "Tài khoản đã ngừng sử dụng. Hãy kích hoạt lại trước khi đặt mật khẩu."
            ),
            context=CONTEXT,
        )
    user.must_change_password = True
    user.touch()
    record_key_change(session, "password_reset", user.id)
    return _view(user)


def record_unlock(session: Session, user_id: str) -> UserView:
    """Audit an administrator's unlock of an account locked by wrong passwords."""
    require(session, Permission.ADMIN_USERS)
    user = _get(session, user_id)
    record_key_change(session, "unlock", user.id)
    return _view(user)
