"""Translators: the app's own catalogue (Vietnamese source text, English in resources/i18n/app_en.ts),
a small Vietnamese catalogue for Qt's own dialog buttons (qtbase_vi.ts), and a pseudo-localisation
switch that lengthens every string to check layouts (`DUX_TRANS_SCALE=1.4`).

The .ts sources are the only files committed. The frozen build carries them compiled (`make build` runs
`lrelease` into build/i18n, and build.spec bundles the .qm files beside the .ts files), and those are
loaded as they are. From a checkout they are compiled with Qt's `lrelease` into a cache folder under the
user data folder when the compiled file is missing or older than its source; when neither a compiled
file nor `lrelease` is available the .ts file is read directly."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

import resources
from exports import atomic
from exports.paths import data_dir
from models.i18n import set_translator

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")


def translate(context: str, text: str) -> str:
    """The UI's translation call; lupdate extracts `translate("context", "text")` literals."""
    return QCoreApplication.translate(context, text)


def catalogue_source(name: str) -> Path:
    return resources.path("i18n", f"{name}.ts")


def _cache_dir() -> Path:
    path = data_dir() / "i18n-cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _lrelease() -> Path | None:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / "lrelease", folder / "lrelease.exe", folder / "Qt" / "bin" / "lrelease"):
        if candidate.is_file():
            return candidate
    return None


def bundled_catalogue(name: str) -> Path | None:
    """The .qm shipped beside resources/i18n/<name>.ts (the frozen build), unless its source is newer."""
    bundled = resources.path("i18n", f"{name}.qm")
    if not bundled.is_file():
        return None
    source = catalogue_source(name)
    if getattr(sys, "frozen", False) or not source.is_file():
        return bundled
    return bundled if bundled.stat().st_mtime >= source.stat().st_mtime else None


def compiled_catalogue(name: str) -> Path | None:
    """The .qm of resources/i18n/<name>.ts: the bundled one, else one compiled into the cache folder
    (rebuilt when missing or outdated)."""
    bundled = bundled_catalogue(name)
    if bundled is not None:
        return bundled
    source = catalogue_source(name)
    if not source.is_file():
        return None
    target = _cache_dir() / f"{name}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = _lrelease()
    if tool is None:
        return None
    tmp = target.with_suffix(".qm.tmp")
    try:
        subprocess.run(  # noqa: S603 - a fixed tool from the Qt installation, fixed arguments
            [str(tool), "-silent", str(source), "-qm", str(tmp)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        atomic.replace(tmp, target)
    except (OSError, subprocess.SubprocessError):
        log.warning("lrelease failed for %s; reading the .ts file directly", name)
        return None
    return target


class TsTranslator(QTranslator):
    """Reads a .ts file directly (finished and unfinished-but-filled translations)."""

    def __init__(self, source: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str], str] = {}
        root = ElementTree.parse(source).getroot()  # noqa: S314 - our own bundled file
        for context in root.iter("context"):
            ctx = context.findtext("name") or ""
            for message in context.iter("message"):
                text = message.findtext("source") or ""
                node = message.find("translation")
                if node is not None and node.text and node.get("type") not in ("obsolete", "vanished"):
                    self._table[(ctx, text)] = node.text

    def translate(
        self,
        context: str,
        sourceText: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        del disambiguation, n
        return self._table.get((context, sourceText), "")

    def isEmpty(self) -> bool:
        return not self._table


class PseudoTranslator(QTranslator):
    """Pseudo-localisation: every string lengthened by `scale` (Vorta's TRANS_SCALE)."""

    def __init__(self, scale: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scale = scale

    def translate(
        self,
        context: str,
        sourceText: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        del context, disambiguation, n
        extra = max(0, round(len(sourceText) * (self.scale - 1)))
        return sourceText + "·" * extra if sourceText else ""

    def isEmpty(self) -> bool:
        return False


def load_catalogue(name: str, parent: QObject | None = None) -> QTranslator | None:
    """A translator for resources/i18n/<name>.ts, or None when there is no such catalogue."""
    qm = compiled_catalogue(name)
    if qm is not None:
        translator = QTranslator(parent)
        if translator.load(str(qm)):
            return translator
    source = catalogue_source(name)
    if source.is_file():
        return TsTranslator(source, parent)
    return None


def _pseudo_scale() -> float | None:
    raw = os.environ.get("DUX_TRANS_SCALE", "")
    try:
        scale = float(raw) if raw else None
    except ValueError:
        return None
    return scale if scale and scale > 1 else None


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for `lang` on `app`; models' messages then follow the same language."""
    installed: list[QTranslator] = []
    names = ["qtbase_vi"] if lang == "vi" else [f"app_{lang}"]
    for name in names:
        translator = load_catalogue(name, app)
        if translator is not None and app.installTranslator(translator):
            installed.append(translator)
    scale = _pseudo_scale()
    if scale is not None:
        pseudo = PseudoTranslator(scale, app)
        app.installTranslator(pseudo)
        installed.append(pseudo)
    set_translator(lambda context, text: QCoreApplication.translate(context, text))
    return installed


_headless: list[QTranslator] = []


def install_headless_translator(lang: str) -> None:
    """For the command line (no QCoreApplication): route models' messages through the catalogue."""
    if lang == "vi":
        set_translator(None)
        return
    translator = load_catalogue(f"app_{lang}")
    if translator is None:
        sys.stderr.write(f"No catalogue for language {lang!r}; using Vietnamese.\n")
        return
    _headless[:] = [translator]  # keep it alive as long as the translator function is installed

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    set_translator(translate)
