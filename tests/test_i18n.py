"""Translations: the English catalogue holds every UI string (lupdate would not change it) with a finished
translation for each; English really reaches the widgets and the command line; Qt's own dialogs (message
boxes, file and print dialogs) come out in Vietnamese; the pseudo-localisation switch lengthens text."""

from __future__ import annotations

import ast
import os
import re
import shutil
import struct
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from models.db import Database
from models.i18n import set_translator
from tests.builders import office_actor
from ui.context import AppContext
from ui.i18n import install_translators

ROOT = Path(__file__).resolve().parents[1]
APP_EN = ROOT / "resources" / "i18n" / "app_en.ts"
QTBASE_VI = ROOT / "resources" / "i18n" / "qtbase_vi.ts"
SCRIPT = ROOT / "scripts" / "update_translations.py"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d|%n")

Catalogue = dict[tuple[str, str], ElementTree.Element]


def catalogue(path: Path) -> Catalogue:
    """(context, source) -> <translation> element of a .ts file."""
    found: Catalogue = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None, (name, message.findtext("source"))
            found[(name, message.findtext("source") or "")] = node
    return found


def placeholders(text: str) -> list[str]:
    """{name}, %1, %n; doubled braces are literal braces in str.format, not placeholders."""
    return sorted(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def english(context: str, source: str) -> str:
    return catalogue(APP_EN)[(context, source)].text or ""


def looks_vietnamese(text: str) -> bool:
    """Vietnamese letters: đ, or a Latin letter carrying a diacritic (ă, ơ, ạ, ế …)."""
    return any(
        ch in "đĐ" or (ch.isalpha() and len(unicodedata.normalize("NFD", ch)) > 1 and ord(ch) < 0x2000)
        for ch in text
    )


# ---------------------------------------------------------------- the English catalogue


def test_catalogue_holds_exactly_the_strings_of_the_sources(tmp_path: Path) -> None:
    """What `make translations` (pyside6-lupdate over main.py, ui, models, forms, exports) would change."""
    fresh = tmp_path / "app_en.ts"
    shutil.copyfile(APP_EN, fresh)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--ts", str(fresh)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    committed, updated = set(catalogue(APP_EN)), set(catalogue(fresh))
    missing = sorted(updated - committed)
    stale = sorted(committed - updated)
    assert not missing and not stale, (
        "resources/i18n/app_en.ts is out of date; run `make translations` and translate the new strings.\n"
        + "".join(f"  missing [{c}] {s!r}\n" for c, s in missing)
        + "".join(f"  stale   [{c}] {s!r}\n" for c, s in stale)
    )


def test_every_english_translation_is_finished_and_keeps_its_placeholders() -> None:
    problems = []
    for (context, source), node in catalogue(APP_EN).items():
        text = node.text or ""
        if node.get("type") is not None or not text.strip():
            problems.append(f"untranslated [{context}] {source!r}")
            continue
        if placeholders(source) != placeholders(text):
            problems.append(f"placeholders differ [{context}] {source!r} -> {text!r}")
        if source.count("&") != text.count("&") or source.count("\n") != text.count("\n"):
            problems.append(f"accelerator or line breaks differ [{context}] {source!r} -> {text!r}")
    assert problems == []


def test_no_string_is_filed_under_an_empty_context() -> None:
    """A module-level `tr()` helper is extracted without a context and is then never found at run time."""
    assert [s for c, s in catalogue(APP_EN) if not c] == []


def _translation_calls_lupdate_cannot_read(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2]]
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if name in ("translate", "QT_TRANSLATE_NOOP") and len(literal) == 2 and literal[1] and not literal[0]:
            yield f"{where}: literal text with a non-literal context: {ast.unparse(node)[:80]}"
        if isinstance(func, ast.Name) and name == "tr" and literal[:1] == [True]:
            yield f"{where}: bare tr() outside a class: {ast.unparse(node)[:80]}"


def test_every_translated_literal_is_visible_to_lupdate() -> None:
    files = [ROOT / "main.py"] + [
        p for d in ("ui", "models", "forms", "exports") for p in (ROOT / d).rglob("*.py")
    ]
    found = [problem for path in sorted(files) for problem in _translation_calls_lupdate_cannot_read(path)]
    assert found == []


# ---------------------------------------------------------------- translators at run time


@pytest.fixture
def translators(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[QTranslator]]:
    """Install with `installed += install_translators(qapp, lang)`; removed again after the test."""
    monkeypatch.setenv("DUX_DATA_DIR", str(tmp_path / "data"))  # the compiled .qm cache
    installed: list[QTranslator] = []
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    set_translator(None)


def test_dialogs_in_english(
    qtbot: QtBot, empty_db: Database, translators: list[QTranslator], qapp: QApplication
) -> None:
    """The first-run wizard (translate("setup_wizard", …)) and a self.tr() dialog, whose context is its
    class name. (A whole MainWindow is left to tests/ui: building several in one process trips a bool
    reference-count bug in the bindings at interpreter exit.)"""
    from PySide6.QtWidgets import QLabel, QWizard

    from ui.login import NewPasswordDialog
    from ui.setup_wizard import SetupWizard

    translators += install_translators(qapp, "en")
    wizard = SetupWizard(AppContext(empty_db, office_actor()))
    qtbot.addWidget(wizard)
    assert wizard.windowTitle() == english("setup_wizard", "Thiết lập ban đầu")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button is not None
    assert not looks_vietnamese(next_button.text())
    labels = [label.text() for label in wizard.findChildren(QLabel) if label.text()]
    assert labels
    assert [text for text in labels if looks_vietnamese(text)] == []
    dialog = NewPasswordDialog(None, ask_old=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == english("NewPasswordDialog", "Đổi mật khẩu") == "Change password"


def test_models_messages_follow_the_english_catalogue(
    translators: list[QTranslator], qapp: QApplication
) -> None:
    from models.errors import ValidationError

    translators += install_translators(qapp, "en")
    error = ValidationError("family_name", "Hãy nhập họ.", context="membership")
    assert error.text() == english("membership", "Hãy nhập họ.")
    assert not looks_vietnamese(error.text())


def test_command_line_in_english(tmp_path: Path) -> None:
    env = {**os.environ, "DUX_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--lang", "en", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert english("cli", "tạo cơ sở dữ liệu xã mẫu") in result.stdout
    assert english("cli", "sao lưu cơ sở dữ liệu (đã kiểm tra)") in result.stdout
    assert "tạo cơ sở dữ liệu xã mẫu" not in result.stdout


# ---------------------------------------------------------------- Qt's own dialogs in Vietnamese


def _qt_source_strings() -> set[tuple[str, str]]:
    """(context, source) of every message in the qtbase_*.qm catalogues shipped with PySide6."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    found: set[tuple[str, str]] = set()
    for qm in sorted(folder.glob("qtbase_*.qm")):
        data = qm.read_bytes()
        pos = 16  # magic
        while pos < len(data):
            tag, length = data[pos], struct.unpack(">I", data[pos + 1 : pos + 5])[0]
            pos += 5
            if tag == 0x69:  # the messages block
                p, end, ctx, src = pos, pos + length, "", ""
                while p < end:
                    kind = data[p]
                    p += 1
                    if kind == 1:  # end of message
                        found.add((ctx, src))
                        ctx = src = ""
                        continue
                    if kind == 5:  # obsolete hash field
                        p += 4
                        continue
                    size = struct.unpack(">I", data[p : p + 4])[0]
                    p += 4
                    if size == 0xFFFFFFFF:
                        continue
                    if kind == 6:
                        src = data[p : p + size].decode("utf-8")
                    elif kind == 7:
                        ctx = data[p : p + size].decode("utf-8")
                    p += size
            pos += length
    return found


def test_qtbase_vi_sources_are_qt_strings_and_all_translated() -> None:
    messages = catalogue(QTBASE_VI)
    known = _qt_source_strings()
    assert known, "no qtbase_*.qm found in the PySide6 installation"
    assert [key for key in messages if key not in known] == []
    contexts = {context for context, _source in messages}
    for needed in (
        "QPlatformTheme",
        "QFileDialog",
        "QPrintDialog",
        "QPageSetupWidget",
        "QPrintPreviewDialog",
    ):
        assert needed in contexts
    assert [key for key, node in messages.items() if not node.text or node.get("type")] == []
    for (context, source), node in messages.items():
        text = node.text or ""
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), (context, source)
        assert source.count("&") == text.count("&"), (context, source, text)


def test_qt_dialogs_in_vietnamese(qtbot: QtBot, translators: list[QTranslator], qapp: QApplication) -> None:
    translators += install_translators(qapp, "vi")
    tr = QCoreApplication.translate
    assert tr("QPrintDialog", "Print") == "In"
    assert tr("QPrintPreviewDialog", "Print Preview") == "Xem trước khi in"
    assert tr("QPageSetupWidget", "Portrait") == "Đứng"
    assert tr("QFileDialog", "File &name:") == "&Tên tệp:"
    box = QMessageBox(
        QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(box)
    yes, no = box.button(QMessageBox.StandardButton.Yes), box.button(QMessageBox.StandardButton.No)
    assert yes is not None and no is not None
    assert (yes.text(), no.text()) == ("&Có", "&Không")


# ---------------------------------------------------------------- pseudo-localisation


def test_pseudo_localisation_lengthens_every_string(
    qtbot: QtBot, translators: list[QTranslator], qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.i18n import translate

    monkeypatch.setenv("DUX_TRANS_SCALE", "1.5")
    translators += install_translators(qapp, "vi")
    source = "Sao lưu và phục hồi…"
    text = translate("main_window", source)
    assert text.startswith(source)
    assert len(text) >= 1.5 * len(source) - 1
    button = QPushButton(translate("main_window", "&Tệp"))
    qtbot.addWidget(button)
    assert len(button.text()) > len("&Tệp")
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(box)
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None
    assert len(ok.text()) > len("OK")  # Qt's own strings too
    assert translate("main_window", "") == ""
