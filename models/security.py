"""Who is acting, and what each role may do. Services call `require(session, permission)`; hiding a
button is never the only guard."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from models.errors import PermissionDenied
from models.i18n import QT_TRANSLATE_NOOP


class Role(enum.StrEnum):
    CLERK = "clerk"  # enters and edits records
    APPROVER = "approver"  # finalises reports and minutes, signs off exports
    INSPECTION = "inspection"  # the only role that sees inspection, discipline and petition details
    ADMIN = "admin"  # users, keys, backups, rule tables
    SYSTEM = "system"  # headless jobs started by the operator (demo, migrations)


class Permission(enum.StrEnum):
    VIEW_REGISTER = "view_register"
    EDIT_REGISTER = "edit_register"
    EDIT_ORGANISATION = "edit_organisation"
    EDIT_MEETINGS = "edit_meetings"
    FINALISE = "finalise"
    EXPORT = "export"
    IMPORT = "import"
    VIEW_SENSITIVE = "view_sensitive"
    EDIT_SENSITIVE = "edit_sensitive"
    ADMIN_USERS = "admin_users"
    ADMIN_BACKUP = "admin_backup"
    ADMIN_SETTINGS = "admin_settings"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {
            Permission.VIEW_REGISTER,
            Permission.EDIT_REGISTER,
            Permission.EDIT_ORGANISATION,
            Permission.EDIT_MEETINGS,
            Permission.EXPORT,
        }
    ),
    Role.APPROVER: frozenset(
        {Permission.VIEW_REGISTER, Permission.FINALISE, Permission.EXPORT, Permission.IMPORT}
    ),
    Role.INSPECTION: frozenset(
        {Permission.VIEW_REGISTER, Permission.VIEW_SENSITIVE, Permission.EDIT_SENSITIVE}
    ),
    Role.ADMIN: frozenset(
        {
            Permission.VIEW_REGISTER,
            Permission.ADMIN_USERS,
            Permission.ADMIN_BACKUP,
            Permission.ADMIN_SETTINGS,
            Permission.EDIT_ORGANISATION,
            Permission.IMPORT,
        }
    ),
    Role.SYSTEM: frozenset(Permission),
}

PERMISSION_LABELS: dict[Permission, str] = {
    Permission.VIEW_REGISTER: QT_TRANSLATE_NOOP("security", "xem danh sách đảng viên"),
    Permission.EDIT_REGISTER: QT_TRANSLATE_NOOP("security", "sửa hồ sơ đảng viên"),
    Permission.EDIT_ORGANISATION: QT_TRANSLATE_NOOP("security", "sửa tổ chức (bản, chi bộ)"),
    Permission.EDIT_MEETINGS: QT_TRANSLATE_NOOP("security", "ghi sinh hoạt chi bộ"),
    Permission.FINALISE: QT_TRANSLATE_NOOP("security", "duyệt báo cáo và biên bản"),
    Permission.EXPORT: QT_TRANSLATE_NOOP("security", "xuất dữ liệu"),
    Permission.IMPORT: QT_TRANSLATE_NOOP("security", "nhập dữ liệu"),
    Permission.VIEW_SENSITIVE: QT_TRANSLATE_NOOP("security", "xem kiểm tra, kỷ luật, đơn thư"),
    Permission.EDIT_SENSITIVE: QT_TRANSLATE_NOOP("security", "sửa kiểm tra, kỷ luật, đơn thư"),
    Permission.ADMIN_USERS: QT_TRANSLATE_NOOP("security", "quản lý người dùng"),
    Permission.ADMIN_BACKUP: QT_TRANSLATE_NOOP("security", "sao lưu và phục hồi"),
    Permission.ADMIN_SETTINGS: QT_TRANSLATE_NOOP("security", "cấu hình đơn vị và quy định"),
}


@dataclass(frozen=True)
class Actor:
    """The person (or headless job) on whose behalf a transaction runs."""

    user_id: str
    login: str
    roles: frozenset[Role] = field(default_factory=frozenset)

    def can(self, permission: Permission) -> bool:
        return any(permission in ROLE_PERMISSIONS[r] for r in self.roles)


SYSTEM_ACTOR = Actor(user_id="system", login="system", roles=frozenset({Role.SYSTEM}))


def actor_of(session: Session) -> Actor:
    actor = session.info.get("actor")
    if not isinstance(actor, Actor):
        msg = "session has no actor; open it with unit_of_work(db, actor)"
        raise RuntimeError(msg)
    return actor


def require(session: Session, permission: Permission) -> Actor:
    """Return the session's actor if it holds `permission`, else raise PermissionDenied."""
    actor = actor_of(session)
    if not actor.can(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "security", "Tài khoản “{login}” không có quyền {what}. Hãy nhờ quản trị viên cấp quyền."
            ),
            context="security",
            login=actor.login,
            what=PERMISSION_LABELS[permission],
        )
    return actor
