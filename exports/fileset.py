"""Files that belong together commit together, and the app's own leftovers are cleared at the next start.

A database and its key file (`<db>.keys`) must always match: a restore and `encrypt-db` replace both.
Two renames are never one atomic step, so the new files are first written complete under staged names
beside their final ones (fsynced and verified), then a *journal* `.<db>.commit` naming every move
(staged name → final name) is written atomically: that rename is the single commit point. The moves
follow and the journal is removed. A kill before the journal exists leaves the old files untouched
(the staged ones are leftovers); a kill after it is completed by `complete_pending`, which every way of
opening the database runs first. The journal holds only file names in the database's own folder.

`tidy` removes the app's own temporary files by exact pattern — the atomic writer's `.NAME.xxxxxxxx.tmp`
(and the SQLite journals of such a file), a restore's staged copy, an interrupted encryption's copy,
a backup's key file whose backup never got its final name — and nothing else. It runs only while it
can take the database's single-instance lock, so a second window's work in progress is never touched.

Processes may also leave openpyxl's sheet files in the app's private temporary folder (see
`private_temp_dir`); those of processes that no longer run are removed too."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
import sys
import time
from pathlib import Path

from exports import atomic
from exports.paths import data_dir
from models.errors import StorageError
from models.storage import InstanceLock, fsync_dir

log = logging.getLogger(__name__)

JOURNAL_FORMAT = "dux-commit"
_HEX8 = r"[0-9a-f]{8}"
_SQLITE_SIDE = r"(?:-wal|-shm|-journal)?"
_BACKUP_NAME = r"-\d{8}-\d{6}Z(?:-\d+)?-[a-z]+\.(?:db|bak)"


CRASH_ENV = "DUX_CRASH_AT"


def crash_point(step: str) -> None:
    """A deterministic kill point for the crash harness: when the environment variable `DUX_CRASH_AT`
    names this step, the process kills itself (SIGKILL: no clean-up, like a power cut of the process).
    Unset in real use, where it costs one dictionary look-up."""
    if os.environ.get(CRASH_ENV) == step:
        import signal

        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        time.sleep(10)  # the signal arrives before this returns


# ---------------------------------------------------------------- the commit journal


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.commit")


def staged_name(final: Path, purpose: str) -> Path:
    """A staged file beside `final`: `.NAME.PURPOSE-xxxxxxxx.tmp` (a pattern `tidy` knows)."""
    return final.with_name(f".{final.name}.{purpose}-{secrets.token_hex(4)}.tmp")


def commit(
    db_path: Path, moves: list[tuple[Path, Path]], *, remove: tuple[Path, ...] = (), step: str = ""
) -> None:
    """Rename every staged file over its final name as one step: the journal is the commit point.
    `remove` (e.g. the old file's -wal) is deleted after the commit point and before the first move.
    All paths must be in the database's folder; every staged file must already be complete."""
    folder = db_path.parent
    paths = [p for move in moves for p in move] + list(remove)
    if not moves or any(p.parent != folder for p in paths):
        msg = "a file set commits within one folder"
        raise ValueError(msg)
    journal = journal_path(db_path)
    body = {
        "format": JOURNAL_FORMAT,
        "moves": [[src.name, dst.name] for src, dst in moves],
        "remove": [p.name for p in remove],
    }
    atomic.write_bytes(journal, json.dumps(body).encode("ascii"))
    crash_point(f"{step}:journal")
    _replay(folder, moves, list(remove), step)
    journal.unlink()
    fsync_dir(folder)


def _replay(folder: Path, moves: list[tuple[Path, Path]], remove: list[Path], step: str = "") -> None:
    if moves[0][0].exists():  # not moved yet: the old file's companions go first
        for path in remove:
            path.unlink(missing_ok=True)
    for n, (src, dst) in enumerate(moves):
        if src.exists():
            atomic.replace(src, dst)
        crash_point(f"{step}:move{n}")
    fsync_dir(folder)


def complete_pending(db_path: Path) -> bool:
    """Finish a commit a kill interrupted (True if there was one). Call before opening `db_path`."""
    journal = journal_path(Path(db_path).absolute())
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return False
    except OSError as exc:
        log.warning("commit journal unreadable: %s", type(exc).__name__)
        return False
    folder = journal.parent
    try:
        body = json.loads(raw.decode("ascii"))
        if body.get("format") != JOURNAL_FORMAT:
            raise ValueError(body.get("format"))
        moves = [(folder / Path(src).name, folder / Path(dst).name) for src, dst in body["moves"]]
        remove = [folder / Path(name).name for name in body.get("remove", [])]
        if not moves:
            raise ValueError("no moves")
    except (ValueError, TypeError, KeyError, UnicodeDecodeError):
        # Written atomically, so never half a journal; something else wrote it: leave the files alone.
        log.warning("commit journal not recognised; left in place")
        return False
    try:
        _replay(folder, moves, remove)
        journal.unlink()
        fsync_dir(folder)
    except OSError as exc:
        raise atomic.write_error(exc, moves[-1][1] if moves else journal) from exc
    log.info("completed an interrupted commit of %d files", len(moves))
    return True


# ---------------------------------------------------------------- housekeeping


def _db_folder_patterns(name: str) -> list[re.Pattern[str]]:
    n = re.escape(name)
    return [
        # the atomic writer's temporary files of the database's own files (key file, copies)
        re.compile(rf"^\.{n}(?:\.keys)?\.{_HEX8}\.tmp{_SQLITE_SIDE}$"),
        # staged files of a restore or an encryption (a commit that never reached its journal)
        re.compile(rf"^\.{n}(?:\.keys)?\.(?:restore|encrypt)-{_HEX8}\.tmp{_SQLITE_SIDE}$"),
        # the atomic writer's temporary file of a staged file or of the commit journal
        re.compile(rf"^\.\.{n}(?:\.keys)?\.(?:restore|encrypt)-{_HEX8}\.tmp\.{_HEX8}\.tmp$"),
        re.compile(rf"^\.\.{n}\.commit\.{_HEX8}\.tmp$"),
        # the encrypted copy of an older version of encrypt-db
        re.compile(rf"^\.{n}\.encrypting{_SQLITE_SIDE}$"),
    ]


def _backup_folder_patterns(stem: str) -> list[re.Pattern[str]]:
    s = re.escape(stem)
    return [re.compile(rf"^\.{s}{_BACKUP_NAME}(?:\.keys)?\.{_HEX8}\.tmp{_SQLITE_SIDE}$")]


_ORPHAN_BACKUP_KEYS = r"^{stem}{name}\.keys$"


def _remove(path: Path) -> int:
    try:
        size = path.stat().st_size
        path.unlink()
    except OSError:
        return 0
    return size


def _sweep(folder: Path, patterns: list[re.Pattern[str]], keep: set[str]) -> tuple[int, int]:
    files = size = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0, 0
    for entry in entries:
        if entry.name in keep or not any(p.match(entry.name) for p in patterns):
            continue
        if entry.is_file():
            size += _remove(entry)
            files += 1
    return files, size


def tidy_backup_folder(folder: Path, stem: str) -> tuple[int, int]:
    """Leftovers of killed backups of database `stem` in `folder`: temporary copies (and their SQLite
    journals), and key files whose backup was never renamed into place. (files, bytes) removed."""
    files, size = _sweep(folder, _backup_folder_patterns(stem), set())
    orphan = re.compile(_ORPHAN_BACKUP_KEYS.format(stem=re.escape(stem), name=_BACKUP_NAME))
    try:
        entries = list(folder.iterdir())
    except OSError:
        return files, size
    for entry in entries:
        if orphan.match(entry.name) and not entry.with_name(entry.name[: -len(".keys")]).exists():
            size += _remove(entry)
            files += 1
    return files, size


def tidy(db_path: Path, backup_folder: Path | None = None) -> tuple[int, int]:
    """Complete an interrupted commit, then remove the app's own leftovers beside the database, in its
    backup folder and in the private temporary folder. Skipped while another window has the database
    open. Returns (files, bytes) removed."""
    db_path = Path(db_path).absolute()
    if not db_path.parent.is_dir():
        return 0, 0
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except StorageError:
        return 0, 0  # in use: its temporary files may be work in progress
    except OSError:
        return 0, 0  # a read-only folder: nothing of ours can be there to finish either
    try:
        with contextlib.suppress(StorageError):
            complete_pending(db_path)
        keep = set()
        with contextlib.suppress(OSError):
            if journal_path(db_path).exists():  # an unrecognised journal: keep what it may name
                keep = {p.name for p in db_path.parent.iterdir() if p.name.startswith(".")}
        files, size = _sweep(db_path.parent, _db_folder_patterns(db_path.name), keep)
        from exports.backup import default_folder

        for folder in {backup_folder or default_folder(db_path), default_folder(db_path)}:
            f, s = tidy_backup_folder(folder, db_path.stem)
            files, size = files + f, size + s
    finally:
        lock.release()
    f, s = tidy_private_temp()
    files, size = files + f, size + s
    if files:
        log.info("removed %d leftover temporary files (%d bytes)", files, size)
    return files, size


# ---------------------------------------------------------------- the private temporary folder

PRIVATE_TEMP = "tmp"
_OWN_TEMP = re.compile(r"^(?:openpyxl)\.(?P<pid>\d+)\.[0-9a-z_]+\.xml$")
STALE_SECONDS = 24 * 3600


def private_temp_dir() -> Path:
    """`tmp/` in the app's per-user data folder, readable by this user only (0700): the only place a
    temporary file that may hold personal data is written (never the system temp folder)."""
    folder = data_dir() / PRIVATE_TEMP
    folder.mkdir(mode=0o700, exist_ok=True)
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
    return folder


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # os.kill would end it; age decides instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def tidy_private_temp(now: float | None = None) -> tuple[int, int]:
    """Remove temporary files of processes that ended (or older than a day) from the private folder
    (which is not created here: a start that never exported has nothing there)."""
    folder = data_dir(create=False) / PRIVATE_TEMP
    files = size = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0, 0
    moment = time.time() if now is None else now
    for entry in entries:
        match = _OWN_TEMP.match(entry.name)
        if match is None:
            continue
        try:
            old = moment - entry.stat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old or not _alive(int(match["pid"])):
            size += _remove(entry)
            files += 1
    return files, size
