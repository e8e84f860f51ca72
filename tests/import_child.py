"""Child process of the crash-during-import scan (tests/test_encryption.py): logs in to a demo
database as the demo administrator and imports an Excel member list the way the CLI does
(`exports.member_import`: read, preview, then `import_members` — a verified backup, then every row in
one transaction). Prints `PREVIEW <valid rows>`, then `ROW <n>` after each row is created (the parent
SIGKILLs it there) and `DONE` at the end.

    python tests/import_child.py DB FILE.xlsx
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exports import keyring
from exports import member_import as mi
from models.db import read_session


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def main(db_path: Path, workbook: Path) -> None:
    unlocked = keyring.unlock(db_path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False)
    table = mi.read_table(workbook)
    with read_session(unlocked.db, unlocked.actor) as session:
        preview = mi.preview(session, table, mi.suggest_mapping(table.headers))
    _say(f"PREVIEW {len(preview.valid)} {len(preview.invalid)}")
    mi.import_members(unlocked.db, unlocked.actor, preview.valid, lambda n, _total: _say(f"ROW {n}"))
    unlocked.close()
    _say("DONE")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
