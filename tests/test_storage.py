"""Opening the database: pragmas, single instance, environment errors, migrations."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from models.db import checkpoint, classify, open_database, read_session, unit_of_work
from models.errors import StorageError
from models.migrate import HEAD, KNOWN_REVISIONS, current_revision
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from models.services import organisation as org
from models.setup import open_app_database
from models.storage import drive_kind
from models.text import name_sort_key

FIXTURES = Path(__file__).parent / "fixtures"

# Derived columns a migration recomputes (0010: names sort by the whole given name first).
RECOMPUTED = {("members", "sort_key"), ("candidates", "sort_key")}


def _sha(path: Path) -> str:
    """Digest of the database content (schema and rows), independent of page layout."""
    with sqlite3.connect(path) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


def test_second_instance_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    first = open_app_database(tmp_path / "a.db", create=True, check_drive=False)
    try:
        with pytest.raises(StorageError) as exc:
            open_app_database(tmp_path / "a.db", check_drive=False)
        assert exc.value.kind == "in_use"
        assert "đang được mở ở một cửa sổ khác" in exc.value.text()
    finally:
        first.close()
    open_app_database(tmp_path / "a.db", check_drive=False).close()  # free again once closed


def test_missing_file_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as exc:
        open_database(tmp_path / "none.db", check_drive=False)
    assert exc.value.kind == "cant_open"
    text_file = tmp_path / "notes.db"
    text_file.write_text("không phải cơ sở dữ liệu" * 100, encoding="utf-8")
    with pytest.raises(StorageError) as exc2:
        open_app_database(text_file, check_drive=False)
    assert exc2.value.kind == "not_a_database"
    assert "không phải cơ sở dữ liệu của chương trình" in exc2.value.text()
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes(name TEXT)")
    with pytest.raises(StorageError) as exc3:
        open_app_database(other, check_drive=False)
    assert exc3.value.kind == "foreign"


def test_corrupted_file_is_detected_at_start(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    db = open_app_database(path, create=True, check_drive=False)
    checkpoint(db)
    db.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 997):  # damage pages after the header
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError) as exc:
        open_app_database(path, check_drive=False)
    assert exc.value.kind in {"corrupt", "not_a_database"}


def test_disk_full_maps_to_storage_error_and_rolls_back(db: object, tmp_path: Path) -> None:
    from models.db import Database

    assert isinstance(db, Database)
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    with pytest.raises(StorageError) as exc, unit_of_work(db, SYSTEM_ACTOR) as s:
        s.connection().exec_driver_sql(f"PRAGMA max_page_count={int(pages or 0) + 1}")
        for i in range(400):
            org.add_village(s, org.VillageInput(name=f"Bản thử nghiệm số {i} " + "x" * 150))
    assert exc.value.kind == "full"
    assert "Ổ đĩa đã đầy" in exc.value.text()
    with read_session(db, SYSTEM_ACTOR) as s:
        assert org.list_villages(s) == []


def test_classify_leaves_bugs_alone() -> None:
    assert classify(ValueError("x")) is None
    assert classify(sqlite3.OperationalError("database or disk is full")) is not None


def test_drive_kind_of_a_local_folder(tmp_path: Path) -> None:
    assert drive_kind(tmp_path) in {"fixed", "unknown"}


def test_newer_schema_is_refused_and_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_app_database(path, create=True, check_drive=False).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    before = _sha(path)
    with pytest.raises(StorageError) as exc:
        open_app_database(path, check_drive=False)
    assert exc.value.kind == "too_new"
    assert "phiên bản mới hơn" in exc.value.text()
    assert _sha(path) == before


def test_known_revisions_match_the_alembic_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from models.migrate import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(revisions) == KNOWN_REVISIONS
    assert script.get_current_head() == HEAD


def _rows_by_table(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every row of every table (but alembic_version), sorted, with the column names."""
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type='table' AND name != 'alembic_version'"
            )
        ]
        out: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            out[table] = (columns, sorted(rows, key=repr))
        return out


def test_previous_revision_fixture_is_present() -> None:
    """A real database of the revision before head is kept (scripts/make_previous_schema_fixture.py)."""
    assert (FIXTURES / f"schema_{KNOWN_REVISIONS[-2]}.db").is_file()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.db")), ids=lambda p: p.stem)
def test_every_released_schema_upgrades_without_losing_a_row(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    before = _rows_by_table(path)
    assert sum(len(rows) for _, rows in before.values()) > 0
    db = open_app_database(path, check_drive=False)
    try:
        assert current_revision(db) == HEAD
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        checkpoint(db)
        after = _rows_by_table(path)
        for table, (columns, rows) in before.items():
            assert table in after, table
            new_columns, new_rows = after[table]
            keep = [new_columns.index(c) for c in columns if c in new_columns]
            assert len(keep) == len(columns), f"{table}: a column was dropped"
            # every old row is still there with its old values (migrations may add rows and columns);
            # derived keys a migration recomputes are checked against their definition instead
            same = [n for n, c in enumerate(columns) if (table, c) not in RECOMPUTED]
            missing = Counter(tuple(r[n] for n in same) for r in rows) - Counter(
                tuple(r[keep[n]] for n in same) for r in new_rows
            )
            assert not missing, f"{table}: {len(missing)} rows lost or changed"
            if (table, "sort_key") in RECOMPUTED:
                at = [new_columns.index(c) for c in ("family_name", "middle_name", "given_name", "sort_key")]
                for r in new_rows:
                    assert r[at[3]] == name_sort_key(str(r[at[0]]), str(r[at[1]]), str(r[at[2]])), table
        with read_session(db, SYSTEM_ACTOR) as s:
            id_at = before["members"][0].index("id")
            ids = [str(row[id_at]) for row in before["members"][1]]
            names = sorted(
                (m.profile.family_name, m.profile.middle_name, m.profile.given_name)
                for m in (ms.get_member(s, i) for i in ids)
            )
        columns = before["members"][0]
        idx = [columns.index(c) for c in ("family_name", "middle_name", "given_name")]
        assert names == sorted(tuple(r[i] for i in idx) for r in before["members"][1])
        if fixture.stem != f"schema_{HEAD}":
            copy = db.facts["pre_migration_copy"]
            assert isinstance(copy, Path) and copy.exists()
    finally:
        db.close()
