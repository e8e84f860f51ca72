"""A damaged encrypted database at start (issue 3, fault safety): random byte flips in a copy of an
encrypted commune, many times with a fixed seed. Each time the start either opens normally (quick_check
passed), or reports damage and the file opens read-only, refusing every write with the Vietnamese
"read_only" message, or gives a clear StorageError: never another exception type."""

from __future__ import annotations

import hashlib
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from exports import damaged, keyring
from models import auth
from models.db import _MESSAGES, Database, read_session, unit_of_work
from models.entities import Member
from models.errors import StorageError
from models.security import SYSTEM_ACTOR, Permission, Role
from models.services import common, register
from models.services import organisation as org
from tests import builders
from tests.conftest import UNIT, report_line

PASSWORD = "mật khẩu dài 2026"
GIVEN = ("An", "Bình", "Chiến", "Dung", "Đức", "Hoa", "Khánh", "Lan", "Minh", "Nga", "Phúc", "Quý")


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))


def build_commune(path: Path) -> None:
    """An encrypted commune (admin with every role but the system one) with a dozen members."""
    admin, _code = keyring.create_encrypted_database(path, "quantri", PASSWORD, check_drive=False)
    with admin:
        keyring.update_account(
            admin,
            admin.actor.user_id,
            "Quản trị",
            frozenset({Role.ADMIN, Role.CLERK, Role.APPROVER, Role.INSPECTION}),
        )
        with unit_of_work(admin.db, SYSTEM_ACTOR) as session:
            org.setup_unit(session, UNIT)
            cell = builders.village_and_cell(session)
            for given in GIVEN:
                builders.admit(session, cell, builders.profile(given=given))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))
        path = tmp_path_factory.mktemp("pristine") / "xa.db"
        build_commune(path)
    assert not Path(str(path) + "-wal").exists()  # closed cleanly: the file holds everything
    return path


def copy_of(pristine: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / pristine.name
    shutil.copyfile(pristine, target)
    shutil.copyfile(keyring.keyring_path(pristine), keyring.keyring_path(target))
    return target


def flip(path: Path, rng: random.Random, count: int, start: int) -> None:
    data = bytearray(path.read_bytes())
    for _ in range(count):
        offset = rng.randrange(start, len(data))
        data[offset] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def page_of(path: Path, table: str) -> tuple[int, int]:
    """(root page number, page size) of `table` in the encrypted file."""
    key = keyring.key_for(path, "quantri", PASSWORD)
    from models import dbfile

    with dbfile.raw_file(path, key) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
    return int(root), int(size)


def damage_table(path: Path, table: str) -> None:
    root, size = page_of(path, table)
    data = bytearray(path.read_bytes())
    data[(root - 1) * size + size // 2] ^= 0x10
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def member_names(db: Database) -> list[str]:
    with read_session(db, SYSTEM_ACTOR) as session:
        ids = register.member_ids(session, register.RegisterFilter())
        return sorted(row.name for row in register.member_rows(session, ids).values())


def try_write(db: Database) -> StorageError:
    """A write touching only app_meta (which a read-only opening has shown to be readable)."""
    with pytest.raises(StorageError) as exc, unit_of_work(db, SYSTEM_ACTOR) as session:
        common.set_meta(session, "ghi_thu", "1")
    return exc.value


def test_random_byte_flips_never_give_anything_but_a_clear_outcome(pristine: Path, tmp_path: Path) -> None:
    rng = random.Random(20260301)
    outcomes: Counter[str] = Counter()
    write_kinds: Counter[str] = Counter()
    trials = 150
    for trial in range(trials):
        path = copy_of(pristine, tmp_path / str(trial))
        flip(path, rng, rng.choice([1, 2, 5, 40, 300]), start=rng.choice([0, 16, 100, 4096]))
        refusal: StorageError | None = None
        try:
            unlocked = keyring.unlock(path, "quantri", PASSWORD, check_drive=False)
        except StorageError as exc:
            refusal = exc
        if refusal is None:
            with unlocked:  # quick_check passed (a flip in a free page is not read)
                assert not unlocked.db.read_only
                assert len(member_names(unlocked.db)) == len(GIVEN)
            outcomes["normal"] += 1
            continue
        assert refusal.text(), refusal.kind  # a Vietnamese message for every refusal
        if not damaged.is_damage(refusal):
            outcomes[f"refused:{refusal.kind}"] += 1
            continue
        before = digest(path)
        viewer = damaged.open_read_only(path, "quantri", PASSWORD)
        if viewer is None:
            outcomes["damaged, unreadable"] += 1
            continue
        with viewer:
            assert viewer.db.read_only
            unreadable: StorageError | None = None
            names: list[str] = []
            try:
                names = member_names(viewer.db)
            except StorageError as exc:
                unreadable = exc
            if unreadable is None:
                assert set(names) <= {f"Lò Văn {g}" for g in GIVEN}
                outcomes["damaged, read-only"] += 1
            else:
                assert damaged.is_damage(unreadable)
                outcomes["damaged, read-only, register unreadable"] += 1
            write_kinds[try_write(viewer.db).kind] += 1
        assert digest(path) == before  # nothing was written to the damaged file
    report_line(
        f"damaged start: {trials} copies with random byte flips: "
        + "; ".join(f"{n} {what}" for what, n in sorted(outcomes.items()))
        + f"; writes refused read-only: {write_kinds['read_only']}"
    )
    assert sum(outcomes.values()) == trials
    assert outcomes["damaged, read-only"] > 0, outcomes
    assert outcomes["damaged, unreadable"] > 0, outcomes
    assert set(write_kinds) <= {"read_only"} | damaged.DAMAGE_KINDS, write_kinds
    assert write_kinds["read_only"] > 0, write_kinds


def test_a_damaged_table_leaves_the_rest_readable_and_nothing_writable(
    pristine: Path, tmp_path: Path
) -> None:
    path = copy_of(pristine, tmp_path / "one")
    damage_table(path, "villages")
    with pytest.raises(StorageError) as exc:
        keyring.unlock(path, "quantri", PASSWORD, check_drive=False)
    assert damaged.is_damage(exc.value)
    assert "bị hỏng" in exc.value.text()
    before = digest(path)
    viewer = damaged.open_read_only(path, "quantri", PASSWORD)
    assert viewer is not None
    with viewer:
        assert viewer.db.read_only
        assert member_names(viewer.db) == sorted(f"Lò Văn {g}" for g in GIVEN)
        with pytest.raises(StorageError) as unreadable, read_session(viewer.db, viewer.actor) as session:
            org.list_villages(session)
        assert damaged.is_damage(unreadable.value)
        refused = try_write(viewer.db)
        assert refused.kind == "read_only"
        assert refused.text() == _MESSAGES["read_only"]
        with pytest.raises(StorageError) as village, unit_of_work(viewer.db, SYSTEM_ACTOR) as session:
            org.add_village(session, org.VillageInput(name="Bản Mới Thêm"))
        assert damaged.is_damage(village.value)  # a write that must read the damaged table first
        with pytest.raises(StorageError) as member_edit, unit_of_work(viewer.db, SYSTEM_ACTOR) as session:
            member = session.query(Member).first()
            assert member is not None
            member.occupation = "teacher"
        assert member_edit.value.kind == "read_only"
        # reads of sensitive records must be logged, which a read-only file cannot: that role is set aside
        assert not viewer.actor.can(Permission.VIEW_SENSITIVE)
        assert viewer.actor.can(Permission.VIEW_REGISTER)
    assert digest(path) == before  # not even the login was written


def test_page_one_damaged_is_damage_too_and_read_only_says_unreadable(pristine: Path, tmp_path: Path) -> None:
    path = copy_of(pristine, tmp_path / "first")
    data = bytearray(path.read_bytes())
    data[200] ^= 0x01  # inside page 1 (schema), after SQLCipher's salt
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError) as exc:
        keyring.unlock(path, "quantri", PASSWORD, check_drive=False)
    assert damaged.is_damage(exc.value)
    assert damaged.open_read_only(path, "quantri", PASSWORD) is None


def test_read_only_needs_the_right_password_and_an_active_account(pristine: Path, tmp_path: Path) -> None:
    path = copy_of(pristine, tmp_path / "pw")
    with keyring.unlock(path, "quantri", PASSWORD, check_drive=False) as admin:
        from models.services.users import UserInput

        clerk_id = keyring.add_user(
            admin, UserInput("vanthu", "Cầm Thị Lan", frozenset({Role.CLERK})), PASSWORD
        )
        keyring.set_active(admin, clerk_id, False)
    damage_table(path, "villages")
    assert damaged.open_read_only(path, "quantri", "sai mật khẩu") is None
    assert damaged.open_read_only(path, "vanthu", PASSWORD) is None  # deactivated: no key slot left
    viewer = damaged.open_read_only(path, "quantri", PASSWORD)
    assert viewer is not None
    viewer.close()
