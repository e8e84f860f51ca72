"""The frozen build loads the compiled catalogues it carries (build.spec bundles build/i18n/*.qm beside
the .ts files) instead of parsing the .ts sources at every start."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

import resources
from ui import i18n

SOURCE = resources.path("i18n", "app_en.ts")


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen build's resources folder: the .ts and its compiled .qm side by side."""
    tool = i18n._lrelease()
    if tool is None:
        pytest.skip("lrelease is not part of this PySide6 installation")
    folder = tmp_path / "resources"
    (folder / "i18n").mkdir(parents=True)
    shutil.copyfile(SOURCE, folder / "i18n" / "app_en.ts")
    subprocess.run([str(tool), "-silent", str(SOURCE), "-qm", str(folder / "i18n" / "app_en.qm")], check=True)
    monkeypatch.setattr(resources, "root", lambda: folder)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(i18n, "_cache_dir", lambda: pytest.fail("the frozen build compiled again"))
    return folder


def test_frozen_build_uses_the_bundled_compiled_catalogue(bundle: Path) -> None:
    translator = i18n.load_catalogue("app_en")
    assert isinstance(translator, QTranslator)
    assert not isinstance(translator, i18n.TsTranslator)
    assert translator.filePath() == str(bundle / "i18n" / "app_en.qm")
    english = translator.translate("BackupDialog", "Sao lưu ngay")
    assert english
    assert english == i18n.TsTranslator(SOURCE).translate("BackupDialog", "Sao lưu ngay")


def test_checkout_ignores_a_compiled_catalogue_older_than_its_source(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    qm = bundle / "i18n" / "app_en.qm"
    ts = bundle / "i18n" / "app_en.ts"
    older = ts.stat().st_mtime - 60
    os.utime(qm, (older, older))
    assert i18n.bundled_catalogue("app_en") is None
    os.utime(qm, (older + 120, older + 120))
    assert i18n.bundled_catalogue("app_en") == qm
