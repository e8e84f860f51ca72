"""Layers point down only: main.py → ui → exports → forms → models (DESIGN.md §1).

A short AST walk over every module: a violation fails CI instead of waiting for review."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("models", "forms", "exports", "ui")
ORDER = {"models": 0, "forms": 1, "exports": 2, "ui": 3}
# Third-party packages each layer may not import.
FORBIDDEN = {
    "models": {"PySide6", "shiboken6", "reportlab", "openpyxl", "pypdf"},
    "forms": {"PySide6", "shiboken6", "sqlalchemy", "alembic", "reportlab", "openpyxl"},
    "exports": {"PySide6", "shiboken6", "sqlalchemy", "alembic"},
    "ui": {"sqlalchemy", "alembic", "reportlab", "openpyxl"},
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(package: str) -> list[str]:
    problems: list[str] = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for line, module in imported_modules(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(ROOT)}:{line} imports {module}"
            if top in FORBIDDEN[package]:
                problems.append(where)
            elif top in ORDER and ORDER[top] > ORDER[package]:
                problems.append(where + " (upward)")
            elif top == "main":
                problems.append(where + " (the composition root)")
    return problems


@pytest.mark.parametrize("package", PACKAGES)
def test_layer_imports_point_down_only(package: str) -> None:
    assert violations(package) == []


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from PySide6.QtWidgets import QWidget\nimport sqlalchemy\nfrom ui import app\n", encoding="utf-8"
    )
    modules = [m for _, m in imported_modules(bad)]
    assert modules == ["PySide6.QtWidgets", "sqlalchemy", "ui"]
    assert "PySide6" in FORBIDDEN["models"] and "sqlalchemy" in FORBIDDEN["ui"]
