"""Composition root: parse arguments, set up logging and exception hooks, then either run a headless
command or start the window.

Headless commands print Vietnamese (or English with --lang en) and exit 0 on success, 1 on a refused
input, 2 on wrong usage. Each command is one function `cmd_<name>(args) -> int` registered in
`build_parser`."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from models.db import Database
    from models.security import Actor

log = logging.getLogger("main")

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
MIN_YEAR, MAX_YEAR = 1900, 2100  # a month or period outside is a typing slip
MIN_DEMO_MEMBERS, MAX_DEMO_MEMBERS = 10, 200_000
EXIT_NOTHING_NEW = 3  # `import`: every package was already imported or is held for a missing one


def setup_console() -> None:
    """Output that never breaks on Windows: a redirected stdout there uses the ANSI code page (cp1252,
    cp1258), which cannot encode Vietnamese, so both streams are switched to UTF-8; the windowed build
    (and `pythonw`) has no streams at all (`sys.stdout is None`), so output goes to the null device
    rather than crashing the first command run from cmd. IT runs commands with the console build
    (`DUX_CONSOLE=1`, see the README)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115 - open until exit
        elif callable(getattr(stream, "reconfigure", None)) and (stream.encoding or "").lower() not in (
            "utf-8",
            "utf8",
        ):
            with contextlib.suppress(AttributeError, ValueError, OSError):  # a stream that cannot change
                stream.flush()
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")


# The installer's AppMutex (installer/SoTayDangUy.iss): while any instance runs, setup and uninstall
# ask the clerk to close it instead of replacing files in use.
APP_MUTEX = "SoTayDangUy.AppMutex"
_app_mutex: list[int] = []


def hold_app_mutex() -> None:
    """Create the named mutex the installer looks for (Windows only; held until the process ends)."""
    platform: str = sys.platform  # a plain str, so the type checker keeps the branch
    if platform != "win32" or _app_mutex:
        return
    import ctypes

    with contextlib.suppress(AttributeError, OSError):
        handle = ctypes.windll.kernel32.CreateMutexW(None, False, APP_MUTEX)  # type: ignore[attr-defined,unused-ignore]
        if handle:
            _app_mutex.append(int(handle))


def out(text: str) -> None:
    """The CLI's only way to print to stdout."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def tr(text: str) -> str:
    return translate("cli", text)


LOG_SLOTS = 9
_log_slot: list[tuple[Path, Any]] = []  # (log file, the InstanceLock that makes it this process's)
_log_slot_exit: list[bool] = []


def own_log_file(folder: Path) -> Path:
    """app.log for the first running instance, app-2.log, app-3.log … for others running at the same
    time (a CLI command while the window is open): each file has one writer, so its rotation (a
    rename, which Windows refuses while another process has the file open) never meets a second one."""
    from models.errors import StorageError
    from models.storage import InstanceLock

    if _log_slot and _log_slot[0][0].parent == folder:
        return _log_slot[0][0]  # a second main() in one process keeps its file
    release_log_slot()
    if not _log_slot_exit:
        atexit.register(release_log_slot)
        _log_slot_exit.append(True)
    for slot in range(1, LOG_SLOTS + 1):
        path = folder / ("app.log" if slot == 1 else f"app-{slot}.log")
        lock = InstanceLock(path)
        try:
            lock.acquire()
        except StorageError:
            continue
        _log_slot.append((path, lock))
        return path
    return folder / "app.log"  # more instances than slots: share the first file


def release_log_slot() -> None:
    while _log_slot:
        _log_slot.pop()[1].release()


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """The log file must never stand in the user's way: a full disk or a read-only log folder loses
    log lines, never prints Python's "--- Logging error ---" blocks on the terminal."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        return


def setup_logging(verbose: bool = False) -> Path:
    from exports.paths import data_dir

    folder = data_dir(create=False) / "logs"
    log_file = folder / "app.log"
    handler: logging.Handler
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log_file = own_log_file(folder)
        handler = _QuietFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in root.handlers:  # a second main() in one process must not leak the previous file
        old.close()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return log_file


def data_dir_problem() -> str | None:
    """None when the per-user data folder (DUX_DATA_DIR) can be created and written, else a
    Vietnamese message naming the folder and what to do (read-only, cannot be created, disk full;
    `data_disk_full()` tells the last one apart: reading still works there)."""
    import errno
    import tempfile

    from exports.paths import data_dir, logs_dir

    folder = os.environ.get("DUX_DATA_DIR") or "…"
    try:
        folder = str(data_dir())
        logs_dir()
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-") as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        log.debug("data folder refused: errno %s", exc.errno)
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            _disk_full.append(True)
            text = QT_TRANSLATE_NOOP(
                "cli",
                "Ổ đĩa chứa thư mục dữ liệu {folder} đã đầy. Hãy xóa bớt tệp không cần rồi mở lại chương trình.",
            )
        elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            text = QT_TRANSLATE_NOOP(
                "cli",
                "Không ghi được vào thư mục dữ liệu {folder} (chỉ đọc hoặc không có quyền). "
                "Hãy chọn thư mục khác bằng biến DUX_DATA_DIR hoặc nhờ cán bộ tin học cấp quyền ghi.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "cli",
                "Không tạo được thư mục dữ liệu {folder}. Hãy kiểm tra đường dẫn (biến DUX_DATA_DIR) "
                "hoặc chọn thư mục khác.",
            )
        return tr(text).format(folder=folder)
    return None


_disk_full: list[bool] = []


def data_disk_full() -> bool:
    """The last `data_dir_problem()` found the data folder's disk full (not read-only, not missing)."""
    return bool(_disk_full)


# Commands that only read the database (their output file may be on another disk, e.g. the stick;
# a backup names its own folder when that one is full): on a full data disk they run after a
# warning, since logging in writes nothing (issue 16).
READ_ONLY_COMMANDS = frozenset(
    {"minutes", "register", "dues-sheet", "consolidate", "verify-audit", "transfer-letter", "backup",
     "rating-results", "badge-list", "admission-paper", "letter"}
)  # fmt: skip


def reads_only(args: argparse.Namespace) -> bool:
    """True when this command line only reads the database (`report` unless it saves or finalises)."""
    command = getattr(args, "command", None)
    if command is None:  # the window: it opens, says the disk is full, and every save says so again
        return True
    if command == "report":
        return not (getattr(args, "narrative", None) or getattr(args, "finalise", False))
    return command in READ_ONLY_COMMANDS


def os_error_text(exc: OSError) -> str:
    """A Vietnamese message for a file the command could not read or write (by errno)."""
    import errno

    path = exc.filename if exc.filename is not None else ""
    by_errno = {
        errno.ENOENT: QT_TRANSLATE_NOOP("cli", "Không tìm thấy {path}. Hãy kiểm tra lại đường dẫn."),
        errno.ENOTDIR: QT_TRANSLATE_NOOP(
            "cli", "Đường dẫn {path} không đúng: một phần của nó không phải thư mục."
        ),
        errno.EISDIR: QT_TRANSLATE_NOOP("cli", "{path} là một thư mục; hãy ghi tên tệp."),
        errno.EACCES: QT_TRANSLATE_NOOP("cli", "Không có quyền đọc hoặc ghi {path}."),
        errno.EPERM: QT_TRANSLATE_NOOP("cli", "Không có quyền đọc hoặc ghi {path}."),
        errno.EROFS: QT_TRANSLATE_NOOP("cli", "Không ghi được {path}: ổ đĩa chỉ cho đọc."),
        errno.ENOSPC: QT_TRANSLATE_NOOP(
            "cli", "Ổ đĩa đã đầy, không ghi được {path}. Hãy xóa bớt tệp rồi làm lại."
        ),
    }
    text = by_errno.get(exc.errno or 0) or QT_TRANSLATE_NOOP(
        "cli", "Không đọc hoặc ghi được {path} (lỗi hệ thống {code}). Hãy kiểm tra ổ đĩa và đường dẫn."
    )
    return tr(text).format(path=path, code=exc.errno)


def show_startup_error(text: str) -> None:
    """The window's start, before any window: a message box (never a traceback)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    del app
    QMessageBox.critical(None, translate("app", "Sổ tay Văn phòng Đảng ủy xã"), text)


def install_cli_translator(lang: str) -> None:
    """English for --lang en: the catalogue compiled from resources/i18n/app_en.ts, loaded by Qt."""
    if lang == "vi":
        return
    from ui.i18n import install_headless_translator

    install_headless_translator(lang)


# ---------------------------------------------------------------- commands


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.app import run_gui
    from ui.files import use_vietnamese_dates

    use_vietnamese_dates(args.lang)
    return run_gui(db_path=Path(args.db) if args.db else None, lang=args.lang, demo=args.demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from exports.demo_db import create_demo_database

    target = Path(args.path)
    if not MIN_DEMO_MEMBERS <= args.members <= MAX_DEMO_MEMBERS:
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "Số đảng viên của xã mẫu phải từ {low} đến {high} (đã ghi --members {given})."
                )
            ).format(low=MIN_DEMO_MEMBERS, high=f"{MAX_DEMO_MEMBERS:,}".replace(",", "."), given=args.members)
        )
        return EXIT_USAGE
    if not target.parent.is_dir():
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "Không có thư mục {folder}. Hãy tạo thư mục trước hoặc chọn nơi ghi khác."
                )
            ).format(folder=target.parent)
        )
        return EXIT_REFUSED
    if target.exists():
        err(
            tr(QT_TRANSLATE_NOOP("cli", "Tệp {path} đã có. Hãy chọn tên khác hoặc xóa tệp cũ.")).format(
                path=target
            )
        )
        return EXIT_REFUSED
    summary = create_demo_database(target, members=args.members, seed=args.seed)
    out(
        tr(
            QT_TRANSLATE_NOOP("cli", "Đã tạo xã mẫu {name}: {cells} chi bộ, {members} đảng viên → {path}")
        ).format(name=summary.unit_name, cells=summary.cells, members=summary.members, path=target)
    )
    out(tr(QT_TRANSLATE_NOOP("cli", "Đăng nhập: admin / demo2026 (chỉ dùng cho dữ liệu mẫu).")))
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from ui.app import self_test

    return self_test(members=args.members)


def open_for_cli(path: str) -> tuple[Database, Actor]:
    """Open an existing (encrypted) database for a headless command, as the account named by
    DUX_USER / DUX_PASSWORD (a demo database falls back to the demo administrator)."""
    from exports.keyring import unlock_from_env

    unlocked = unlock_from_env(Path(path))
    _opened.append(unlocked)
    return unlocked.db, unlocked.actor


def close_cli_databases() -> None:
    """Close what open_for_cli opened, recording the audit chain head in the key file."""
    while _opened:
        unlocked = _opened.pop()
        try:
            unlocked.close()
        except DomainError as exc:
            err(exc.text())


_opened: list[Any] = []


def find_cell_id(session: Any, name: str) -> str:
    """The cell named on the command line, ignoring case and diacritics; a plain "-" typed for the
    en dash of a name ("Nà Dạ - Pá Công", "Nà Dạ-Pá Công") matches "Nà Dạ – Pá Công"."""
    import re

    from models.errors import ValidationError
    from models.services import organisation as org

    try:
        return str(org.find_cell(session, name).id)
    except ValidationError as first:
        dashed = re.sub(r"\s*[-\u2010-\u2015]\s*", " – ", name)
        if dashed == name:
            raise
        try:
            return str(org.find_cell(session, dashed).id)
        except ValidationError:
            raise first from None


def month_arg(text: str) -> str | None:
    """--month NĂM-THÁNG, stripped; None (after saying why) when it is not a month from 1900 to 2100."""
    year_text, _dash, month_text = text.strip().partition("-")
    if not (
        len(year_text) == 4
        and year_text.isdigit()
        and len(month_text) == 2
        and month_text.isdigit()
        and 1 <= int(month_text) <= 12
        and MIN_YEAR <= int(year_text) <= MAX_YEAR
    ):
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "Tháng “{month}” không đúng. Hãy ghi --month NĂM-THÁNG, ví dụ --month 2026-03."
                )
            ).format(month=text)
        )
        return None
    return text.strip()


def cmd_minutes(args: argparse.Namespace) -> int:
    from exports.documents import log_document, save_pdf
    from forms.minutes import blank_minutes, minutes_document
    from models.dates import format_date
    from models.db import read_session
    from models.services import meetings as mt

    month = args.month
    if month is not None:
        month = month_arg(month)
        if month is None:
            return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            if args.list:
                cell_id = find_cell_id(session, args.cell) if args.cell else None
                for row in reversed(mt.list_meetings(session, cell_id=cell_id, month=month)):
                    kind = translate("meetings", mt.KINDS[row.kind])
                    out(f"{row.id}\t{row.cell_name}\t{format_date(row.date)}\t{kind}")
                return EXIT_OK
            if not args.out:
                err(tr(QT_TRANSLATE_NOOP("cli", "Hãy cho biết tệp PDF cần ghi (--out TỆP.pdf).")))
                return EXIT_USAGE
            if args.blank:
                if not (args.cell and month):
                    err(
                        tr(
                            QT_TRANSLATE_NOOP(
                                "cli", "Biên bản trống cần --cell TÊN_CHI_BỘ và --month NĂM-THÁNG."
                            )
                        )
                    )
                    return EXIT_USAGE
                document = blank_minutes(session, find_cell_id(session, args.cell), month, args.kind)
            elif args.meeting_id and args.extract is not None:
                from forms.minutes import extract_document

                items = {a.seq for a in mt.get_meeting(session, args.meeting_id).agenda}
                if args.extract not in items:
                    err(
                        tr(
                            QT_TRANSLATE_NOOP(
                                "cli", "Buổi sinh hoạt không có nội dung số {item}. Các nội dung: {items}."
                            )
                        ).format(item=args.extract, items=", ".join(str(i) for i in sorted(items)) or "–")
                    )
                    return EXIT_REFUSED
                document = extract_document(session, args.meeting_id, args.extract)
            elif args.meeting_id and args.resolution:
                from forms.party_papers import resolution_document

                document = resolution_document(session, args.meeting_id)
            elif args.meeting_id:
                document = minutes_document(session, args.meeting_id)
            else:
                err(
                    tr(
                        QT_TRANSLATE_NOOP(
                            "cli", "Hãy cho biết mã buổi sinh hoạt (xem bằng --list) hoặc dùng --blank."
                        )
                    )
                )
                return EXIT_USAGE
            target = save_pdf(document, Path(args.out))
        log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from exports.documents import document_sheets, log_document, save_pdf, save_xlsx
    from forms.register import member_register
    from models.db import read_session

    target = Path(args.out)
    if target.suffix.lower() not in (".pdf", ".xlsx"):
        err(tr(QT_TRANSLATE_NOOP("cli", "Tệp ra phải có đuôi .pdf hoặc .xlsx.")))
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            cell_id = find_cell_id(session, args.cell) if args.cell else None
            sheet = member_register(session, cell_id=cell_id)
        if target.suffix.lower() == ".pdf":
            save_pdf(sheet.document, target)
        else:
            save_xlsx(document_sheets(sheet.document, "Sổ danh sách"), target)
        log_document(db, actor, "export", sheet.document, target, count=len(sheet.rows))
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path} ({n} đảng viên)")).format(path=target, n=len(sheet.rows)))
    return EXIT_OK


def cmd_dues_sheet(args: argparse.Namespace) -> int:
    from exports.documents import document_sheets, log_document, save_pdf, save_xlsx
    from forms.dues_sheet import dues_sheet
    from models.db import read_session

    target = Path(args.out)
    if target.suffix.lower() not in (".pdf", ".xlsx"):
        err(tr(QT_TRANSLATE_NOOP("cli", "Tệp ra phải có đuôi .pdf hoặc .xlsx.")))
        return EXIT_USAGE
    month = month_arg(args.month)
    if month is None:
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            document = dues_sheet(session, find_cell_id(session, args.cell), month)
        if target.suffix.lower() == ".pdf":
            save_pdf(document, target)
        else:
            save_xlsx(document_sheets(document, "Đảng phí"), target)
        log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
    return EXIT_OK


def cmd_import_members(args: argparse.Namespace) -> int:
    from exports import member_import as mi
    from models.db import read_session

    try:
        mapping = mi.Mapping.from_file(Path(args.mapping))
    except OSError:
        err(tr(QT_TRANSLATE_NOOP("cli", "Không đọc được tệp ánh xạ cột {path}.")).format(path=args.mapping))
        return EXIT_USAGE
    table = mi.read_table(Path(args.file), mapping)
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            preview = mi.preview(session, table, mapping)
        for row in preview.invalid:
            out(
                tr(QT_TRANSLATE_NOOP("cli", "Dòng {row} ({name}): LỖI: {errors}")).format(
                    row=row.row, name=row.name, errors="; ".join(row.errors)
                )
            )
        for row in preview.warned:
            out(
                tr(QT_TRANSLATE_NOOP("cli", "Dòng {row} ({name}): lưu ý: {warnings}")).format(
                    row=row.row, name=row.name, warnings="; ".join(row.warnings)
                )
            )
        summary = tr(QT_TRANSLATE_NOOP("cli", "{total} dòng: {ok} hợp lệ, {bad} có lỗi.")).format(
            total=len(preview.rows), ok=len(preview.valid), bad=len(preview.invalid)
        )
        out(summary)
        if args.dry_run:
            out(tr(QT_TRANSLATE_NOOP("cli", "Chạy thử (--dry-run): chưa nhập gì.")))
            return EXIT_OK if not preview.invalid else EXIT_REFUSED
        if preview.invalid and not args.only_valid:
            err(
                tr(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "Không nhập gì vì có dòng lỗi. Sửa tệp, hoặc thêm --only-valid để chỉ nhập các dòng hợp lệ.",
                    )
                )
            )
            return EXIT_REFUSED
        if not preview.valid:  # --only-valid with nothing valid: no backup, nothing imported
            err(
                tr(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "Không có dòng hợp lệ nào nên không nhập gì (và không sao lưu). Hãy sửa tệp rồi thử lại.",
                    )
                )
            )
            return EXIT_REFUSED
        result = mi.import_members(db, actor, preview.valid)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã sao lưu trước khi nhập: {path}")).format(path=result.backup.path))
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã nhập {n} đảng viên.")).format(n=len(result.created)))
    return EXIT_OK


def _read_narrative(path: str) -> dict[str, Any] | None:
    """The report's text from a JSON file: {"results", "shortcomings", "tasks"} (a string, or a list
    of paragraphs each), "signer" and optionally "number"; None (with the reason printed) if unusable."""
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        data = None
    fields = ("results", "shortcomings", "tasks", "signer")
    if not isinstance(data, dict) or not set(data) <= {*fields, "number"}:
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Không đọc được nội dung báo cáo từ {path}. Tệp phải là JSON với các mục "
                    "results, shortcomings, tasks, signer (và number nếu cần).",
                )
            ).format(path=path)
        )
        return None
    out_data: dict[str, Any] = {}
    for key in fields:
        value = data.get(key, "")
        if isinstance(value, list):
            value = "\n".join(str(v) for v in value)
        out_data[key] = str(value)
    number = data.get("number")
    if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
        err(tr(QT_TRANSLATE_NOOP("cli", "Số báo cáo (number) phải là số nguyên, ví dụ 5.")))
        return None
    out_data["number"] = number
    return out_data


def cmd_report(args: argparse.Namespace) -> int:
    from exports.documents import log_document, save_pdf, save_xlsx
    from exports.report_export import report_sheets
    from forms.indicators import CATALOGUE, Context
    from forms.periods import Period
    from forms.quarterly import current_report, finalise_report, printable_report
    from models import audit
    from models.dates import parse_date, today
    from models.db import read_session, unit_of_work
    from models.services import reports

    period = Period.parse(args.period)
    if args.explain and args.explain not in CATALOGUE:
        err(
            tr(QT_TRANSLATE_NOOP("cli", "Không có chỉ tiêu “{key}”. Các chỉ tiêu: {keys}")).format(
                key=args.explain, keys=", ".join(sorted(CATALOGUE))
            )
        )
        return EXIT_USAGE
    target = Path(args.out) if args.out else None
    if target is not None and target.suffix.lower() not in (".pdf", ".xlsx"):
        err(tr(QT_TRANSLATE_NOOP("cli", "Tệp ra phải có đuôi .pdf hoặc .xlsx.")))
        return EXIT_USAGE
    signed_on = None
    if args.date:
        signed_on = parse_date(args.date)
        if signed_on > today():
            err(
                tr(
                    QT_TRANSLATE_NOOP("cli", "Ngày ký {date} chưa đến. Hãy ghi ngày ký thật (--date).")
                ).format(date=args.date)
            )
            return EXIT_REFUSED
    text = _read_narrative(args.narrative) if args.narrative else None
    if args.narrative and text is None:
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        form_key = "default-quarterly"
        if text is not None:  # saved on its own: a refused finalisation keeps the text
            with unit_of_work(db, actor) as session:
                reports.save_narrative(
                    session,
                    period.key,
                    form_key,
                    text["results"],
                    text["shortcomings"],
                    text["tasks"],
                    text["signer"],
                )
            out(
                tr(QT_TRANSLATE_NOOP("cli", "Đã lưu nội dung báo cáo {period} (bản nháp).")).format(
                    period=period.label
                )
            )
        if args.finalise:
            # The window's two steps (rà soát, chốt), with the same checks, in one transaction.
            with unit_of_work(db, actor) as session:
                current = reports.get(session, period.key, form_key)
                if current is None or current.status == "draft":
                    reports.mark_reviewed(session, period.key, form_key)
                final = finalise_report(session, period, number=text["number"] if text else None)
            out(
                tr(QT_TRANSLATE_NOOP("cli", "Đã chốt báo cáo {period}, số {number}.")).format(
                    period=period.label, number=final.number
                )
            )
        with read_session(db, actor) as session:
            report, snapshot, drift = current_report(session, period)
            if args.explain:
                explained = report.values.get(args.explain) or CATALOGUE[args.explain].compute(
                    Context(session, period)
                )
                out(f"{CATALOGUE[args.explain].label}: {explained.value}")
                for record_id, label in explained.records:
                    out(f"{record_id}\t{label}")
            if target is not None:
                head = audit.head(session)
                document = printable_report(
                    session,
                    report,
                    snapshot,
                    footer=f"Nhật ký kiểm toán #{head[0]}: {head[1][:16]}",
                    on=signed_on,
                )
                if target.suffix.lower() == ".pdf":
                    save_pdf(document, target)
                else:
                    save_xlsx(report_sheets(report, document), target)
                out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
                if document.draft:
                    out(tr(QT_TRANSLATE_NOOP("cli", "Báo cáo chưa chốt: bản in ghi DỰ THẢO.")))
            for problem in report.problems:
                err(problem)
            if drift is not None and drift.flagged:
                err(
                    tr(
                        QT_TRANSLATE_NOOP("cli", "Lưu ý: số liệu đã thay đổi sau khi chốt ({n} chỉ tiêu).")
                    ).format(n=len(drift.changed_figures))
                )
        if target is not None:
            log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    return EXIT_OK


def cmd_transfer_letter(args: argparse.Namespace) -> int:
    """Giấy giới thiệu sinh hoạt đảng for a member's latest transfer out."""
    from exports.documents import log_document, save_pdf
    from forms.party_papers import transfer_letter
    from models.db import read_session

    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            try:
                document = transfer_letter(session, args.member, signer=args.signer or "", number=args.number)
            except LookupError:
                err(
                    tr(
                        QT_TRANSLATE_NOOP(
                            "cli",
                            "Đảng viên {member} chưa có lần chuyển sinh hoạt đi nào. Hãy ghi việc chuyển đi trước.",
                        )
                    ).format(member=args.member)
                )
                return EXIT_REFUSED
        target = save_pdf(document, Path(args.out))
        log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
    return EXIT_OK


def cmd_rating_results(args: argparse.Namespace) -> int:
    """The year's rating results of a cell or the commune, PDF or XLSX."""
    from exports.documents import document_sheets, log_document, save_pdf, save_xlsx
    from forms.party_papers import rating_results
    from models.db import read_session

    target = Path(args.out)
    if target.suffix.lower() not in (".pdf", ".xlsx"):
        err(tr(QT_TRANSLATE_NOOP("cli", "Tệp ra phải có đuôi .pdf hoặc .xlsx.")))
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            cell_id = find_cell_id(session, args.cell) if args.cell else None
            try:
                document = rating_results(
                    session, args.year, cell_id, "organisation" if args.organisations else "member"
                )
            except LookupError:
                err(
                    tr(
                        QT_TRANSLATE_NOOP(
                            "cli", "Chưa có đợt xếp loại năm {year}. Hãy mở đợt xếp loại trước."
                        )
                    ).format(year=args.year)
                )
                return EXIT_REFUSED
        if target.suffix.lower() == ".pdf":
            save_pdf(document, target)
        else:
            save_xlsx(document_sheets(document, "Xếp loại"), target)
        log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
    return EXIT_OK


def cmd_badge_list(args: argparse.Namespace) -> int:
    """The list of members proposed for the Party badge at the next presentation day."""
    from exports.documents import document_sheets, log_document, save_pdf, save_xlsx
    from forms.party_papers import badge_proposals
    from models.dates import parse_date
    from models.db import read_session

    target = Path(args.out)
    if target.suffix.lower() not in (".pdf", ".xlsx"):
        err(tr(QT_TRANSLATE_NOOP("cli", "Tệp ra phải có đuôi .pdf hoặc .xlsx.")))
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            document = badge_proposals(session, parse_date(args.on) if args.on else None)
        if target.suffix.lower() == ".pdf":
            save_pdf(document, target)
        else:
            save_xlsx(document_sheets(document, "Huy hiệu"), target)
        log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
    return EXIT_OK


def cmd_admission_paper(args: argparse.Namespace) -> int:
    """The cell's resolution or the draft decision for admitting a candidate (--candidate) or for
    recognising a probationary member as official (--member)."""
    from exports.documents import log_document, save_pdf
    from forms.party_papers import admission_paper, official_paper
    from models.db import read_session

    if bool(args.candidate) == bool(args.member):
        err(
            tr(QT_TRANSLATE_NOOP("cli", "Hãy cho biết --candidate MÃ_QUẦN_CHÚNG hoặc --member MÃ_ĐẢNG_VIÊN."))
        )
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            try:
                document = (
                    admission_paper(session, args.candidate, args.paper)
                    if args.candidate
                    else official_paper(session, args.member, args.paper)
                )
            except LookupError:
                err(tr(QT_TRANSLATE_NOOP("cli", "Đảng viên này không thuộc chi bộ nào.")))
                return EXIT_REFUSED
        target = save_pdf(document, Path(args.out))
        log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
    return EXIT_OK


def cmd_letter(args: argparse.Namespace) -> int:
    """A công văn or a giấy mời from a JSON file (kind, subject, body, to, recipients, signer, number…)."""
    import dataclasses
    import json

    from exports.documents import log_document, save_pdf
    from forms.party_papers import LETTER_KINDS, Letter, letter_document
    from models.dates import parse_date
    from models.db import read_session

    try:
        data = json.loads(Path(args.source).read_text(encoding="utf-8"))
        known = {f.name for f in dataclasses.fields(Letter)}
        if not isinstance(data, dict) or not set(data) <= known or data.get("kind") not in LETTER_KINDS:
            raise ValueError(args.source)
        for key in ("body", "recipients"):
            if isinstance(data.get(key), str):
                data[key] = [data[key]]
            data[key] = tuple(str(x) for x in data.get(key, ()))
        if data.get("on"):
            data["on"] = parse_date(str(data["on"]))
        letter = Letter(**data)
    except (OSError, UnicodeDecodeError, ValueError, TypeError):
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Không đọc được văn bản từ {path}. Tệp phải là JSON có kind (cong-van hoặc giay-moi), "
                    "subject, body và tùy chọn to, recipients, signer, number, on, guest, time, place.",
                )
            ).format(path=args.source)
        )
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            document = letter_document(session, letter)
        target = save_pdf(document, Path(args.out))
        log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
    if document.draft:
        out(tr(QT_TRANSLATE_NOOP("cli", "Chưa có số hoặc người ký: bản in ghi DỰ THẢO.")))
    return EXIT_OK


def cmd_verify_audit(args: argparse.Namespace) -> int:
    """Walk the audit chain: the entry count, and the first broken link (exit 1 if any)."""
    from exports.keyring import unlock_from_env, verify_audit

    unlocked = unlock_from_env(Path(args.db))
    try:
        report = verify_audit(unlocked)
    finally:
        unlocked.close()
    if report.ok:
        out(
            tr(QT_TRANSLATE_NOOP("cli", "Nhật ký kiểm toán: {n} mục, chuỗi nguyên vẹn.")).format(
                n=report.entries
            )
        )
        return EXIT_OK
    out(
        tr(
            QT_TRANSLATE_NOOP(
                "cli", "Nhật ký kiểm toán: {n} mục; mắt xích hỏng đầu tiên: mục #{id} ({reason})."
            )
        ).format(n=report.entries, id=report.first_broken_id, reason=report.reason)
    )
    return EXIT_REFUSED


def cmd_encrypt_db(args: argparse.Namespace) -> int:
    """Encrypt an existing plain database in place; the new administrator's login and password come
    from DUX_USER / DUX_PASSWORD. Prints the recovery code once."""
    import os

    from exports.keyring import DEMO_LOGIN, ENV_PASSWORD, ENV_USER, encrypt_plain_database

    password = os.environ.get(ENV_PASSWORD)
    if not password:
        err(tr(QT_TRANSLATE_NOOP("cli", "Hãy đặt mật khẩu quản trị mới vào biến môi trường DUX_PASSWORD.")))
        return EXIT_USAGE
    result = encrypt_plain_database(Path(args.db), os.environ.get(ENV_USER) or DEMO_LOGIN, password)
    out(
        tr(QT_TRANSLATE_NOOP("cli", "Đã mã hóa {path}: {tables} bảng, {rows} dòng.")).format(
            path=args.db, tables=result.tables, rows=result.rows
        )
    )
    out(
        tr(
            QT_TRANSLATE_NOOP("cli", "Mã khôi phục (in ra giấy, cất nơi an toàn; chỉ hiện một lần): {code}")
        ).format(code=result.recovery_code)
    )
    return EXIT_OK


def _init_password() -> str | None:
    """DUX_PASSWORD, or typed twice on a terminal; None (after saying why) when neither works."""
    import getpass

    from exports.keyring import ENV_PASSWORD

    password = os.environ.get(ENV_PASSWORD)
    if password:
        return password
    if not sys.stdin.isatty():
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Hãy đặt mật khẩu của quản trị viên đầu tiên vào biến môi trường DUX_PASSWORD, hoặc chạy lệnh trong cửa sổ dòng lệnh để gõ mật khẩu.",
                )
            )
        )
        return None
    first = getpass.getpass(tr(QT_TRANSLATE_NOOP("cli", "Mật khẩu (ít nhất 8 ký tự): ")))
    second = getpass.getpass(tr(QT_TRANSLATE_NOOP("cli", "Nhập lại mật khẩu: ")))
    if first != second:
        err(
            tr(QT_TRANSLATE_NOOP("cli", "Hai lần nhập mật khẩu không giống nhau. Chưa tạo gì; hãy chạy lại."))
        )
        return None
    return first


def cmd_init(args: argparse.Namespace) -> int:
    """A real installation, headless: the same set-up as the first-start wizard."""
    from exports.installation import DEFAULT_ADMIN_LOGIN, create_installation, suggest, upper_details
    from models import setup
    from models.dates import parse_date
    from models.services import organisation as org
    from models.services.users import FIRST_ADMIN_ROLES, ROLE_LABELS

    target = Path(args.db)
    if target.exists():
        err(
            tr(QT_TRANSLATE_NOOP("cli", "Tệp {path} đã có. Hãy chọn tên khác hoặc xóa tệp cũ.")).format(
                path=target
            )
        )
        return EXIT_REFUSED
    level = setup.COMMUNE if args.role == "commune" else args.level
    hint = suggest(level, args.unit, args.province or "")
    province = args.province or hint.province
    if level != setup.PROVINCE:
        hint = suggest(level, args.unit, province)
    if level != setup.PROVINCE and not (args.upper or hint.upper_name):
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", 'Hãy cho biết tỉnh (--province "Sơn La") hoặc cấp trên (--upper "Tỉnh ủy Sơn La").'
                )
            )
        )
        return EXIT_USAGE
    has_upper = level != setup.PROVINCE or bool(args.upper)
    upper_from = hint.upper_valid_from
    if args.upper_from:
        upper_from = parse_date(args.upper_from, field="upper_valid_from")
    upper_name, upper_symbol, upper_header, upper_board = "", "", "", ""
    if has_upper:
        upper_name = args.upper or hint.upper_name
        upper_symbol, upper_header, upper_board = upper_details(upper_name)
        upper_symbol = args.upper_symbol or upper_symbol
        upper_header = args.upper_header or upper_header
        upper_board = args.upper_board or upper_board
    unit = org.UnitSetup(
        name=args.unit,
        committee_name=args.committee or hint.committee_name,
        symbol=args.symbol or hint.symbol,
        place_name=args.place or hint.place_name,
        province=province,
        upper_name=upper_name,
        upper_symbol=upper_symbol,
        upper_header_line=upper_header,
        upper_board=upper_board,
        upper_valid_from=upper_from,
        has_upper=has_upper,
    )
    password = _init_password()
    if password is None:
        return EXIT_REFUSED
    login = args.admin or os.environ.get("DUX_USER") or DEFAULT_ADMIN_LOGIN
    unlocked, code = create_installation(target, level, unit, login, args.admin_name or "", password)
    unlocked.close()
    out(
        tr(QT_TRANSLATE_NOOP("cli", "Đã tạo cơ sở dữ liệu thật ({level}) của {unit} → {path}")).format(
            level=translate("setup", setup.LEVELS[level]), unit=unit.name, path=target
        )
    )
    roles = ", ".join(
        translate("users", ROLE_LABELS[r]).split(" (")[0] for r in ROLE_LABELS if r in FIRST_ADMIN_ROLES
    )
    out(
        tr(QT_TRANSLATE_NOOP("cli", "Quản trị viên đầu tiên: {login} (vai trò: {roles}).")).format(
            login=login, roles=roles
        )
    )
    if has_upper:
        out(tr(QT_TRANSLATE_NOOP("cli", "Cấp trên: {upper}")).format(upper=unit.upper_name))
    else:
        out(tr(QT_TRANSLATE_NOOP("cli", "Cấp trên: không có (đơn vị không gửi dữ liệu lên).")))
    out(
        tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "MÃ KHÔI PHỤC (chỉ hiện một lần; chép ra giấy, cất vào tủ hồ sơ mật; không lưu vào máy): {code}",
            )
        ).format(code=code)
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from exports import sync as sx

    db, actor = open_for_cli(args.db)
    try:
        result = sx.export_package(db, actor, Path(args.to), full=args.full)
    finally:
        close_cli_databases()
    for warning in result.warnings:
        err(warning)
    out(
        tr(QT_TRANSLATE_NOOP("cli", "Đã ghi gói số {sequence} ({records} bản ghi{full}) → {path}")).format(
            sequence=result.sequence,
            records=result.records,
            full=", đầy đủ" if result.full else "",
            path=result.path,
        )
    )
    from exports.atomic import unplug_advice

    out(unplug_advice())
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from exports import sync as sx

    paths = sx.package_files([Path(p) for p in args.packages])
    if not paths:
        err(
            tr(QT_TRANSLATE_NOOP("cli", "Không có gói dữ liệu nào ({ext}) trong thư mục đã chọn.")).format(
                ext=sx.EXTENSION
            )
        )
    db, actor = open_for_cli(args.db)
    try:
        results = sx.import_files(db, actor, paths, dry_run=args.dry_run)
    finally:
        close_cli_databases()
    for result in results:
        if isinstance(result, DomainError):
            err(result.text())
        elif result.status == "refused":  # a held package refused when its turn came
            err(result.message)
        else:
            line = result.message or f"{result.name}: {result.status}"
            if result.counts:
                parts = [
                    f"{kind}: +{c['new']} ~{c['changed']} ={c['unchanged']} -{c['deleted']}"
                    for kind, c in sorted(result.counts.items())
                ]
                line += " [" + "; ".join(parts) + "]"
            out(line)
    summary = sx.summarise(results)
    out(summary.line)
    if summary.refused:
        return EXIT_REFUSED
    if summary.applied or summary.previewed:
        return EXIT_OK
    return EXIT_NOTHING_NEW


def cmd_ack(args: argparse.Namespace) -> int:
    from exports import sync as sx
    from forms.consolidated import communes
    from models.db import read_session

    db, actor = open_for_cli(args.db)
    try:
        if args.file:
            out(sx.import_ack(db, actor, Path(args.file)))  # a folder or a missing file: refused, clearly
            return EXIT_OK
        with read_session(db, actor) as session:
            targets = [c for c in communes(session) if not args.unit or args.unit in (c.unit_id, c.name)]
        if not targets:
            err(tr(QT_TRANSLATE_NOOP("cli", "Chưa có đơn vị cấp dưới nào đăng ký.")))
            return EXIT_REFUSED
        for commune in targets:
            path = sx.write_ack(db, actor, commune.unit_id, Path(args.to))
            out(
                tr(QT_TRANSLATE_NOOP("cli", "Đã ghi xác nhận cho {name} → {path}")).format(
                    name=commune.name, path=path
                )
            )
    finally:
        close_cli_databases()
    return EXIT_OK


def cmd_enrol(args: argparse.Namespace) -> int:
    from exports import sync as sx
    from models.services.sync import KeyReplacement

    if args.replace_keys and not args.issue:
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "--replace-keys cần --issue THƯ_MỤC để ghi ngay tệp đăng ký mang khóa mới."
                )
            )
        )
        return EXIT_USAGE
    if args.issue and args.role is None:
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "--issue cần --role: upper nếu đơn vị này là cấp trên nhận dữ liệu, commune nếu là đơn vị "
                    "cấp dưới gửi dữ liệu.",
                )
            )
        )
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        if args.replace_keys:
            fingerprint = sx.replace_keys(db, actor)
            out(
                tr(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "Đã thay khóa. Gói ký bằng khóa cũ sẽ bị từ chối; gói gửi tiếp theo là gói đầy đủ. Mã đối chiếu mới: {fp}",
                    )
                ).format(fp=fingerprint)
            )
        if args.issue:
            path, fingerprint = sx.write_enrolment(db, actor, Path(args.issue), args.role)
            out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi tệp đăng ký {path}")).format(path=path))
            out(
                tr(QT_TRANSLATE_NOOP("cli", "Mã đối chiếu (đọc qua điện thoại): {fp}")).format(fp=fingerprint)
            )
            return EXIT_OK
        if args.accept:
            bundle, fingerprint = sx.read_enrolment(Path(args.accept))
            out(
                tr(QT_TRANSLATE_NOOP("cli", "Đơn vị: {name}; mã đối chiếu: {fp}")).format(
                    name=bundle.name, fp=fingerprint
                )
            )
            if args.fingerprint is None or "".join(args.fingerprint.split()) != "".join(fingerprint.split()):
                err(
                    tr(
                        QT_TRANSLATE_NOOP(
                            "cli",
                            'Chưa đăng ký: hãy đối chiếu mã với đơn vị kia rồi chạy lại với --fingerprint "…".',
                        )
                    )
                )
                return EXIT_REFUSED
            try:
                peer = sx.enrol_from_file(db, actor, Path(args.accept), replace=args.replace)
            except KeyReplacement as exc:
                err(exc.text())
                err(
                    tr(
                        QT_TRANSLATE_NOOP(
                            "cli",
                            "Chưa thay khóa. Sau khi đã gọi điện xác nhận với đơn vị đó, chạy lại với --replace.",
                        )
                    )
                )
                return EXIT_REFUSED
            if args.replace:
                out(
                    tr(QT_TRANSLATE_NOOP("cli", "Đã thay khóa của {name} (đã ghi nhật ký).")).format(
                        name=peer.name
                    )
                )
            out(tr(QT_TRANSLATE_NOOP("cli", "Đã đăng ký {name}.")).format(name=peer.name))
            return EXIT_OK
    finally:
        close_cli_databases()
    err(
        tr(
            QT_TRANSLATE_NOOP(
                "cli", "Hãy dùng --issue THƯ_MỤC (cấp tệp đăng ký) hoặc --accept TỆP (nhận tệp đăng ký)."
            )
        )
    )
    return EXIT_USAGE


def cmd_consolidate(args: argparse.Namespace) -> int:
    from exports.report_export import export_consolidated
    from forms.consolidated import communes
    from forms.periods import Period
    from models.dates import parse_date
    from models.db import read_session

    period = Period.parse(args.period)
    target = Path(args.out)
    db, actor = open_for_cli(args.db)
    try:
        path = export_consolidated(
            db,
            actor,
            period,
            target,
            signer=args.signer or "",
            title=args.title,
            number=args.number,
            on=parse_date(args.date) if args.date else None,
        )
        with read_session(db, actor) as session:
            count = len(communes(session))
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path} ({n} đơn vị)")).format(path=path, n=count))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from exports import backup as bk

    db, actor = open_for_cli(args.db)
    try:
        info = bk.backup_database(
            db, Path(args.to) if args.to else None, reason="manual", keep=args.keep or None
        )
        bk.log_backup(db, actor, info)
    finally:
        close_cli_databases()
    out(
        tr(QT_TRANSLATE_NOOP("cli", "Đã sao lưu và kiểm tra: {path} ({size} KB)")).format(
            path=info.path, size=max(1, info.size // 1024)
        )
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from exports import backup as bk
    from models.i18n import translate as tr_ctx

    target = Path(args.to)
    key = None
    if target.exists():
        db, _actor = open_for_cli(args.to)
        key = db.key
        close_cli_databases()
    else:  # a new place: the backup's own key file opens it (DUX_USER / DUX_PASSWORD as everywhere)
        key = _backup_key(Path(args.backup))
    preview = bk.restore_preview(target, Path(args.backup), key)
    if not target.exists():
        out(
            tr(
                QT_TRANSLATE_NOOP("cli", "Chưa có cơ sở dữ liệu ở {path}: bản sao lưu sẽ được chép vào đó.")
            ).format(path=target)
        )
    elif preview.identical:
        out(tr(QT_TRANSLATE_NOOP("cli", "Bản sao lưu giống hệt dữ liệu hiện tại.")))
    for change in preview.tables if target.exists() else ():
        out(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "{table}: mất {added} bản ghi mới, {changed} bản ghi đã sửa; {removed} bản ghi đã xóa sẽ trở lại",
                )
            ).format(
                table=tr_ctx("backup", bk.TABLE_LABELS.get(change.table, change.table)),
                added=change.added,
                changed=change.changed,
                removed=change.removed,
            )
        )
    if not args.yes:
        out(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "Chỉ xem trước. Thêm --yes để phục hồi thật (có sao lưu an toàn trước)."
                )
            )
        )
        return EXIT_OK
    result = bk.restore_backup(Path(args.backup), target, key=key)
    db, actor = open_for_cli(args.to)
    try:
        bk.log_restore(db, actor, result)
    finally:
        close_cli_databases()
    if result.safety is not None:
        out(tr(QT_TRANSLATE_NOOP("cli", "Bản sao an toàn của dữ liệu cũ: {path}")).format(path=result.safety))
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã phục hồi {path}.")).format(path=target))
    return EXIT_OK


def _backup_key(backup: Path) -> bytes | None:
    """The key of a backup from the key file beside it, for a restore to a path with no database."""
    from exports import keyring
    from models.auth import LOCK_AFTER, WrongCredentials

    if not keyring.keyring_path(backup).exists():
        return None  # an unencrypted backup (or its key file is missing: check_file says so)
    login, password = keyring.credentials_from_env(backup)
    key = keyring.key_for(backup, login, password, tidy=False)
    if key is None:
        raise WrongCredentials(LOCK_AFTER)
    return key


Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=tr(
            QT_TRANSLATE_NOOP("cli", "Sổ tay Văn phòng Đảng ủy xã. Không có lệnh: mở cửa sổ chương trình.")
        ),
    )
    parser.add_argument("--lang", choices=["vi", "en"], default="vi", help="ngôn ngữ / language")
    parser.add_argument(
        "--db",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "tệp cơ sở dữ liệu (mặc định: dữ liệu thật của đơn vị; lần đầu chạy: hỏi tạo mới, phục hồi hay mở dữ liệu mẫu)",
            )
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=tr(QT_TRANSLATE_NOOP("cli", "mở thẳng dữ liệu mẫu (tệp riêng, cho người phát triển và để tập)")),
    )
    parser.add_argument("--verbose", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title=tr(QT_TRANSLATE_NOOP("cli", "lệnh")), metavar="COMMAND", dest="command")

    p = sub.add_parser("demo", help=tr(QT_TRANSLATE_NOOP("cli", "tạo cơ sở dữ liệu xã mẫu")))
    p.add_argument("path")
    p.add_argument("--members", type=int, default=1200)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "init",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "tạo cơ sở dữ liệu thật của đơn vị (xã, tỉnh hoặc huyện), không cần cửa sổ"
            )
        ),
        description=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "Tạo cơ sở dữ liệu thật (không phải dữ liệu mẫu) như bước thiết lập ban đầu của cửa sổ. Mật khẩu quản trị viên đầu tiên lấy từ DUX_PASSWORD, hoặc được hỏi hai lần. Mã khôi phục in ra một lần.",
            )
        ),
    )
    p.add_argument("db")
    p.add_argument(
        "--role",
        choices=["commune", "upper"],
        required=True,
        help=tr(QT_TRANSLATE_NOOP("cli", "commune: xã gửi dữ liệu lên; upper: cấp trên nhận dữ liệu")),
    )
    p.add_argument(
        "--level",
        choices=["province", "district"],
        default="province",
        help=tr(QT_TRANSLATE_NOOP("cli", "cấp trên là tỉnh (mặc định) hay huyện (dữ liệu trước 1/7/2025)")),
    )
    p.add_argument(
        "--unit",
        required=True,
        help=tr(QT_TRANSLATE_NOOP("cli", 'tên đảng bộ, ví dụ "Đảng bộ xã Mường Lèo"')),
    )
    p.add_argument(
        "--committee", help=tr(QT_TRANSLATE_NOOP("cli", 'tên cấp ủy, ví dụ "Đảng ủy xã Mường Lèo"'))
    )
    p.add_argument("--symbol", help=tr(QT_TRANSLATE_NOOP("cli", "ký hiệu văn bản (ĐU, TU, HU)")))
    p.add_argument("--place", help=tr(QT_TRANSLATE_NOOP("cli", "địa danh ghi ngày tháng")))
    p.add_argument("--province", help=tr(QT_TRANSLATE_NOOP("cli", "tỉnh")))
    p.add_argument(
        "--upper",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "cấp ủy cấp trên (xã: mặc định Tỉnh ủy của tỉnh; tỉnh: mặc định không gửi lên đâu)"
            )
        ),
    )
    p.add_argument("--upper-symbol")
    p.add_argument("--upper-header", help=tr(QT_TRANSLATE_NOOP("cli", "dòng tiêu đề văn bản của cấp trên")))
    p.add_argument("--upper-board")
    p.add_argument("--upper-from", metavar="DD/MM/YYYY")
    p.add_argument(
        "--admin", metavar="LOGIN", help=tr(QT_TRANSLATE_NOOP("cli", "tên đăng nhập (mặc định quantri)"))
    )
    p.add_argument("--admin-name", help=tr(QT_TRANSLATE_NOOP("cli", "họ và tên quản trị viên")))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("self-test", help=tr(QT_TRANSLATE_NOOP("cli", "tự kiểm tra (không cần màn hình)")))
    p.add_argument("--members", type=int, default=60)
    p.set_defaults(func=cmd_self_test)

    p = sub.add_parser(
        "minutes", help=tr(QT_TRANSLATE_NOOP("cli", "liệt kê buổi sinh hoạt, in biên bản PDF"))
    )
    p.add_argument("db")
    p.add_argument("meeting_id", nargs="?")
    p.add_argument("--list", action="store_true")
    p.add_argument("--blank", action="store_true")
    p.add_argument("--kind", choices=["regular", "thematic", "ballot"], default="regular")
    p.add_argument("--resolution", action="store_true")
    p.add_argument("--extract", type=int, metavar="ITEM")
    p.add_argument("--cell")
    p.add_argument("--month", help="YYYY-MM")
    p.add_argument("--out")
    p.set_defaults(func=cmd_minutes)

    p = sub.add_parser(
        "register", help=tr(QT_TRANSLATE_NOOP("cli", "in sổ danh sách đảng viên (PDF hoặc XLSX)"))
    )
    p.add_argument("db")
    p.add_argument("--out", required=True)
    p.add_argument("--cell")
    p.set_defaults(func=cmd_register)

    p = sub.add_parser(
        "dues-sheet",
        help=tr(QT_TRANSLATE_NOOP("cli", "in danh sách thu đảng phí của chi bộ (PDF hoặc XLSX)")),
    )
    p.add_argument("db")
    p.add_argument("--cell", required=True)
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_dues_sheet)

    p = sub.add_parser(
        "import-members", help=tr(QT_TRANSLATE_NOOP("cli", "nhập danh sách đảng viên từ Excel"))
    )
    p.add_argument("db")
    p.add_argument("file")
    p.add_argument("--mapping", required=True)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--only-valid", action="store_true")
    p.set_defaults(func=cmd_import_members)

    p = sub.add_parser(
        "report", help=tr(QT_TRANSLATE_NOOP("cli", "báo cáo định kỳ (PDF hoặc XLSX), giải thích chỉ tiêu"))
    )
    p.add_argument("db")
    p.add_argument("--period", required=True, help="2026-Q3, 2026-H1, 2026-9M, 2026-Y")
    p.add_argument("--out")
    p.add_argument("--explain", metavar="INDICATOR")
    p.add_argument("--narrative", metavar="FILE.json")
    p.add_argument("--finalise", action="store_true")
    p.add_argument("--date", metavar="DD/MM/YYYY")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", help=tr(QT_TRANSLATE_NOOP("cli", "ghi gói dữ liệu gửi cấp trên ra USB")))
    p.add_argument("db")
    p.add_argument("--to", required=True, metavar="DIR")
    p.add_argument("--full", action="store_true")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import",
        help=tr(QT_TRANSLATE_NOOP("cli", "nhập gói dữ liệu của cấp dưới")),
        description=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "Nhập các gói dữ liệu; một thư mục (ví dụ chính USB) là mọi gói trong đó, cũ trước mới sau. "
                "Dòng cuối: SUMMARY applied=… replayed=… held=… refused=… previewed=… records=…. "
                "Mã thoát: 0 đã nhập (hoặc xem trước); 3 không có gì mới (đã nhập trước đây hoặc đang giữ chờ "
                "gói thiếu); 1 có gói bị từ chối; 2 sai cách dùng.",
            )
        ),
    )
    p.add_argument("db")
    p.add_argument("packages", nargs="+", metavar="PACKAGE_OR_FOLDER")
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("ack", help=tr(QT_TRANSLATE_NOOP("cli", "ghi (hoặc nhận) gói xác nhận, đề nghị sửa")))
    p.add_argument("db")
    p.add_argument("--to", metavar="DIR", default=".")
    p.add_argument("--unit", help=tr(QT_TRANSLATE_NOOP("cli", "chỉ cho một đơn vị (mã hoặc tên)")))
    p.add_argument("--file", help=tr(QT_TRANSLATE_NOOP("cli", "nhận gói xác nhận của cấp trên")))
    p.set_defaults(func=cmd_ack)

    p = sub.add_parser(
        "enrol", help=tr(QT_TRANSLATE_NOOP("cli", "đăng ký khóa với cấp trên / cấp dưới bằng tệp"))
    )
    p.add_argument("db")
    p.add_argument("--issue", metavar="DIR")
    p.add_argument(
        "--role",
        choices=["upper", "commune"],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "bắt buộc với --issue: vai trò của đơn vị mình (upper: cấp trên nhận; commune: gửi lên)",
            )
        ),
    )
    p.add_argument("--accept", metavar="FILE")
    p.add_argument("--fingerprint")
    p.add_argument(
        "--replace",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "xác nhận thay khóa của một đơn vị đã đăng ký bằng khóa trong tệp --accept (chỉ khi đã gọi điện xác nhận)",
            )
        ),
    )
    p.add_argument(
        "--replace-keys",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "thay khóa của đơn vị mình (mất máy, nghi lộ khóa) rồi ghi tệp đăng ký mới vào --issue THƯ_MỤC; "
                "đơn vị kia phải đăng ký lại tệp đó",
            )
        ),
    )
    p.set_defaults(func=cmd_enrol)

    p = sub.add_parser(
        "consolidate", help=tr(QT_TRANSLATE_NOOP("cli", "báo cáo tổng hợp các đơn vị cấp dưới"))
    )
    p.add_argument("db")
    p.add_argument("--period", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--signer", metavar="NAME")
    p.add_argument("--title", default="PHÓ BÍ THƯ")
    p.add_argument("--number", type=int)
    p.add_argument("--date", metavar="DD/MM/YYYY")
    p.set_defaults(func=cmd_consolidate)

    p = sub.add_parser(
        "transfer-letter",
        help=tr(QT_TRANSLATE_NOOP("cli", "giấy giới thiệu sinh hoạt đảng của đảng viên chuyển đi")),
    )
    p.add_argument("db")
    p.add_argument("--member", required=True, metavar="MEMBER_ID")
    p.add_argument("--out", required=True)
    p.add_argument("--signer", metavar="NAME")
    p.add_argument("--number", type=int)
    p.set_defaults(func=cmd_transfer_letter)

    p = sub.add_parser(
        "rating-results", help=tr(QT_TRANSLATE_NOOP("cli", "danh sách kết quả xếp loại chất lượng của năm"))
    )
    p.add_argument("db")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--cell")
    p.add_argument("--organisations", action="store_true")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_rating_results)

    p = sub.add_parser(
        "badge-list", help=tr(QT_TRANSLATE_NOOP("cli", "danh sách đề nghị tặng Huy hiệu Đảng đợt tới"))
    )
    p.add_argument("db")
    p.add_argument("--on", metavar="DD/MM/YYYY")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_badge_list)

    p = sub.add_parser(
        "admission-paper",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "nghị quyết chi bộ, dự thảo quyết định kết nạp hoặc công nhận chính thức"
            )
        ),
    )
    p.add_argument("db")
    p.add_argument("--candidate", metavar="ID")
    p.add_argument("--member", metavar="ID")
    p.add_argument("--paper", choices=["resolution", "decision"], required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_admission_paper)

    p = sub.add_parser("letter", help=tr(QT_TRANSLATE_NOOP("cli", "công văn hoặc giấy mời từ tệp JSON")))
    p.add_argument("db")
    p.add_argument("--from", dest="source", required=True, metavar="FILE.json")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_letter)

    p = sub.add_parser("verify-audit", help=tr(QT_TRANSLATE_NOOP("cli", "kiểm tra chuỗi nhật ký kiểm toán")))
    p.add_argument("db")
    p.set_defaults(func=cmd_verify_audit)

    p = sub.add_parser(
        "encrypt-db", help=tr(QT_TRANSLATE_NOOP("cli", "mã hóa một cơ sở dữ liệu cũ chưa mã hóa"))
    )
    p.add_argument("db")
    p.set_defaults(func=cmd_encrypt_db)

    p = sub.add_parser("backup", help=tr(QT_TRANSLATE_NOOP("cli", "sao lưu cơ sở dữ liệu (đã kiểm tra)")))
    p.add_argument("db")
    p.add_argument("--to", metavar="DIR", help=tr(QT_TRANSLATE_NOOP("cli", "thư mục đích, ví dụ USB")))
    p.add_argument("--keep", type=int, default=0, help=tr(QT_TRANSLATE_NOOP("cli", "giữ N bản mới nhất")))
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore", help=tr(QT_TRANSLATE_NOOP("cli", "phục hồi từ bản sao lưu (xem trước, --yes để làm)"))
    )
    p.add_argument("backup")
    p.add_argument("--to", metavar="DB", required=True)
    p.add_argument("--yes", action="store_true")
    p.set_defaults(func=cmd_restore)

    return parser


def early_language(argv: list[str] | None) -> str:
    """--lang, read before the parser is built so that --help and usage errors follow it too."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", default="vi")
    known, _rest = pre.parse_known_args(sys.argv[1:] if argv is None else argv)
    return "en" if known.lang == "en" else "vi"  # anything else is refused by the real parser


def main(argv: list[str] | None = None) -> int:
    setup_console()
    hold_app_mutex()
    install_cli_translator(early_language(argv))
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    func: Command = args.func
    _disk_full.clear()
    problem = data_dir_problem()
    if problem is not None:
        err(problem)
        if func is cmd_gui:
            show_startup_error(problem)
        if not (data_disk_full() and reads_only(args)):
            return EXIT_REFUSED
        # Only a warning: reading still works on a full disk; a write later says the disk is full.
    setup_logging(args.verbose)
    try:
        return func(args)
    except DomainError as exc:
        err(exc.text())
        log.info("command refused: %s", type(exc).__name__)
        return EXIT_REFUSED
    except BrokenPipeError:  # the output was piped into e.g. `head`, which stopped reading
        with contextlib.suppress(OSError):
            sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - open until exit
        return EXIT_OK
    except OSError as exc:
        err(os_error_text(exc))
        log.info("command refused: %s errno %s", type(exc).__name__, exc.errno)
        return EXIT_REFUSED
    finally:
        close_cli_databases()


if __name__ == "__main__":
    sys.exit(main())
