"""Translation markers for Qt-free code.

`QT_TRANSLATE_NOOP(context, text)` marks a Vietnamese source string so `pyside6-lupdate` extracts it,
and returns it unchanged. The UI (or the CLI) installs a translator with `set_translator`, and
`translate()` uses it to show the text in the chosen language.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's spelling, recognised by lupdate
    """Mark `text` for translation in `context`; returns it unchanged."""
    del context
    return text


def _identity(context: str, text: str) -> str:
    del context
    return text


_translator: list[Translator] = [_identity]


def set_translator(translator: Translator | None) -> None:
    """Install the function that translates (context, source text); None restores the identity."""
    _translator[0] = translator or _identity


def translate(context: str, text: str) -> str:
    return _translator[0](context, text)
