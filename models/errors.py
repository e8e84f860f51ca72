"""Domain errors are data: a Vietnamese message (marked for translation), parameters and, where it
applies, the field it concerns. Everything that is not one of these is a bug."""

from __future__ import annotations

from typing import Any

from models.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "errors"


class DomainError(Exception):
    """Base class of the errors a user can act on; `text()` is the translated message."""

    context: str = CONTEXT

    def __init__(self, message: str, /, *, context: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params
        if context is not None:
            self.context = context

    def text(self) -> str:
        template = translate(self.context, self.message)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template

    def __str__(self) -> str:
        return self.text()


class ValidationError(DomainError):
    """One or more fields are invalid. `errors` maps field name -> message text."""

    def __init__(self, field: str, message: str, /, *, context: str | None = None, **params: Any) -> None:
        super().__init__(message, context=context, **params)
        self.field = field
        self.errors: dict[str, str] = {field: self.text()}

    @classmethod
    def many(cls, errors: dict[str, str]) -> ValidationError:
        """Combine already-translated field messages into one error."""
        first_field, first_text = next(iter(errors.items()))
        err = cls(first_field, first_text)
        err.errors = dict(errors)
        return err


class RuleViolation(DomainError):
    """A Party rule forbids the action (e.g. official recognition before 12 months)."""


class NotFound(DomainError):
    pass


class Conflict(DomainError):
    """The record changed meanwhile, or a duplicate exists."""


class PermissionDenied(DomainError):
    pass


class StorageError(DomainError):
    """The environment failed: disk full, read-only, I/O error, corrupt or foreign file, locked."""

    def __init__(self, message: str, /, *, kind: str, **params: Any) -> None:
        super().__init__(message, context="storage", **params)
        self.kind = kind


def not_found(what: str) -> NotFound:
    return NotFound(
        QT_TRANSLATE_NOOP("errors", "Không tìm thấy {what}. Có thể bản ghi đã bị xóa."), what=what
    )
