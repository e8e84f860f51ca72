"""`make translations`: refresh resources/i18n/app_en.ts from the sources with `pyside6-lupdate`.

Every translatable string of the app lives in main.py and the .py files under ui/, models/, forms/
and exports/ (ui code calls `translate("context", "text")` or `self.tr`, the lower layers mark
strings with `QT_TRANSLATE_NOOP("context", "text")`). lupdate is run over exactly those files, in
sorted order, merging into the committed catalogue:

    pyside6-lupdate -silent -no-obsolete -locations none -source-language vi -target-language en \
        main.py <ui|models|forms|exports>/**/*.py -ts resources/i18n/app_en.ts

- `-no-obsolete` drops strings no longer in the sources, so the catalogue holds only live strings;
- `-locations none` keeps line numbers out, so the file changes only when a string changes;
- contexts are sorted by name and messages keep their order in the sources, so the output depends
  only on the sources and the existing translations.

New strings arrive as `type="unfinished"` with an empty translation; translate them and drop the
`type` attribute (tests/test_i18n.py fails on any empty or unfinished English translation, and on a
catalogue that this script would change).

    python scripts/update_translations.py            # update resources/i18n/app_en.ts in place
    python scripts/update_translations.py --check    # exit 1 and list the differences instead
    python scripts/update_translations.py --ts FILE  # update another copy (the freshness test)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "i18n" / "app_en.ts"
PACKAGES = ("ui", "models", "forms", "exports")
OPTIONS = (
    "-silent",
    "-no-obsolete",
    "-locations",
    "none",
    "-source-language",
    "vi",
    "-target-language",
    "en",
)


def lupdate_tool() -> Path:
    """pyside6-lupdate next to the running Python (the venv), else the `lupdate` inside PySide6."""
    here = Path(sys.executable).parent
    for candidate in (here / "pyside6-lupdate", here / "pyside6-lupdate.exe"):
        if candidate.is_file():
            return candidate
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / "lupdate", folder / "lupdate.exe", folder / "Qt" / "bin" / "lupdate"):
        if candidate.is_file():
            return candidate
    sys.exit("lupdate not found: install PySide6 (requirements.lock) in this Python")


def source_files(root: Path = ROOT) -> list[Path]:
    """main.py and every .py file of the application packages, relative to `root`, sorted."""
    files = [Path("main.py")]
    for package in PACKAGES:
        files += sorted(p.relative_to(root) for p in (root / package).rglob("*.py"))
    return files


def run_lupdate(ts: Path, root: Path = ROOT) -> None:
    """Merge the strings of the sources under `root` into the catalogue `ts` (created if missing)."""
    args = [str(lupdate_tool()), *OPTIONS, *(str(f) for f in source_files(root)), "-ts", str(ts.resolve())]
    result = subprocess.run(
        args, cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False
    )
    if result.returncode != 0 or result.stderr.strip():
        sys.exit(f"lupdate failed ({result.returncode}):\n{result.stderr}")


def messages(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> English translation ("" when empty or unfinished)."""
    found: dict[tuple[str, str], str] = {}
    root = ElementTree.parse(ts).getroot()  # noqa: S314 - our own catalogue
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            text = node.text or "" if node is not None and node.get("type") is None else ""
            found[(name, message.findtext("source") or "")] = text
    return found


def differences(committed: Path, root: Path = ROOT) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(missing, stale): strings in the sources but not in `committed`, and the reverse."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / committed.name
        shutil.copyfile(committed, fresh)
        run_lupdate(fresh, root)
        new, old = messages(fresh), messages(committed)
    return sorted(set(new) - set(old)), sorted(set(old) - set(new))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=CATALOGUE, help="catalogue to update")
    parser.add_argument("--check", action="store_true", help="only report what would change")
    args = parser.parse_args()
    ts: Path = args.ts
    if args.check:
        missing, stale = differences(ts)
        for context, source in missing:
            print(f"missing  [{context}] {source!r}")
        for context, source in stale:
            print(f"stale    [{context}] {source!r}")
        return 1 if missing or stale else 0
    before = messages(ts) if ts.is_file() else {}
    run_lupdate(ts)
    after = messages(ts)
    added = set(after) - set(before)
    untranslated = sum(1 for text in after.values() if not text)
    print(
        f"{ts.name}: {len(after)} strings, {len(added)} new, {len(set(before) - set(after))} removed, "
        f"{untranslated} without a finished translation"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
