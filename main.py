"""Composition root: parse arguments, set up logging and exception hooks, then either run a headless
command or start the window.

Headless commands print Vietnamese (or English with --lang en) and exit 0 on success, 1 on a refused
input, 2 on wrong usage. Each command is one function `cmd_<name>(args) -> int` registered in
`build_parser`."""

from __future__ import annotations

import argparse
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


def out(text: str) -> None:
    """The CLI's only way to print to stdout."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def tr(text: str) -> str:
    return translate("cli", text)


def setup_logging(verbose: bool = False) -> Path:
    from exports.paths import logs_dir

    log_file = logs_dir() / "app.log"
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in root.handlers:  # a second main() in one process must not leak the previous file
        old.close()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return log_file


def data_dir_problem() -> str | None:
    """None when the per-user data folder (DUX_DATA_DIR) can be created and written, else a
    Vietnamese message naming the folder and what to do (read-only, cannot be created, disk full)."""
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
    return run_gui(db_path=Path(args.db) if args.db else None, lang=args.lang)


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
    from models.services import organisation as org

    month = args.month
    if month is not None:
        month = month_arg(month)
        if month is None:
            return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            if args.list:
                cell_id = org.find_cell(session, args.cell).id if args.cell else None
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
                document = blank_minutes(session, org.find_cell(session, args.cell).id, month)
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
    from models.services import organisation as org

    target = Path(args.out)
    if target.suffix.lower() not in (".pdf", ".xlsx"):
        err(tr(QT_TRANSLATE_NOOP("cli", "Tệp ra phải có đuôi .pdf hoặc .xlsx.")))
        return EXIT_USAGE
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            cell_id = org.find_cell(session, args.cell).id if args.cell else None
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
    from models.services import organisation as org

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
            document = dues_sheet(session, org.find_cell(session, args.cell).id, month)
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
        result = mi.import_members(db, actor, preview.valid)
    finally:
        close_cli_databases()
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã sao lưu trước khi nhập: {path}")).format(path=result.backup.path))
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã nhập {n} đảng viên.")).format(n=len(result.created)))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from exports.documents import log_document, save_pdf, save_xlsx
    from exports.report_export import report_sheets
    from forms.indicators import CATALOGUE, Context
    from forms.periods import Period
    from forms.quarterly import current_report, narrative_of, report_document
    from models import audit
    from models.db import read_session

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
    db, actor = open_for_cli(args.db)
    try:
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
                document = report_document(
                    session,
                    report,
                    narrative_of(snapshot),
                    number=snapshot.number if snapshot else None,
                    signer=snapshot.signer if snapshot else "",
                    footer=f"Nhật ký kiểm toán #{head[0]}: {head[1][:16]}",
                )
                if target.suffix.lower() == ".pdf":
                    save_pdf(document, target)
                else:
                    save_xlsx(report_sheets(report, document), target)
                out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path}")).format(path=target))
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
    out(tr(QT_TRANSLATE_NOOP("cli", "Đã ghi xong, có thể rút USB.")))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from exports import sync as sx

    db, actor = open_for_cli(args.db)
    try:
        results = sx.import_files(db, actor, [Path(p) for p in args.packages], dry_run=args.dry_run)
    finally:
        close_cli_databases()
    refused = False
    for result in results:
        if isinstance(result, DomainError):
            err(result.text())
            refused = True
        else:
            line = result.message or f"{result.name}: {result.status}"
            if result.counts:
                parts = [
                    f"{kind}: +{c['new']} ~{c['changed']} ={c['unchanged']} -{c['deleted']}"
                    for kind, c in sorted(result.counts.items())
                ]
                line += " [" + "; ".join(parts) + "]"
            out(line)
    return EXIT_REFUSED if refused else EXIT_OK


def cmd_ack(args: argparse.Namespace) -> int:
    from exports import sync as sx
    from forms.consolidated import communes
    from models.db import read_session

    db, actor = open_for_cli(args.db)
    try:
        if args.file:
            out(sx.import_ack(db, actor, Path(args.file)))
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

    if args.replace_keys and not args.issue:
        err(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "--replace-keys cần --issue THƯ_MỤC để ghi ngay tệp đăng ký mang khóa mới."
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
            peer = sx.enrol_from_file(db, actor, Path(args.accept))
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
    from exports.documents import document_sheets, log_document, save_pdf, save_xlsx
    from forms.consolidated import consolidate, consolidated_document
    from forms.periods import Period
    from models.db import read_session

    period = Period.parse(args.period)
    target = Path(args.out)
    db, actor = open_for_cli(args.db)
    try:
        with read_session(db, actor) as session:
            result = consolidate(session, period)
            document = consolidated_document(session, result)
        if target.suffix.lower() == ".pdf":
            save_pdf(document, target)
        else:
            save_xlsx(document_sheets(document, "Tổng hợp"), target)
        log_document(db, actor, "export", document, target)
    finally:
        close_cli_databases()
    out(
        tr(QT_TRANSLATE_NOOP("cli", "Đã ghi {path} ({n} đơn vị)")).format(path=target, n=len(result.communes))
    )
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
    preview = bk.restore_preview(target, Path(args.backup), key)
    if preview.identical:
        out(tr(QT_TRANSLATE_NOOP("cli", "Bản sao lưu giống hệt dữ liệu hiện tại.")))
    for change in preview.tables:
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


Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=tr(
            QT_TRANSLATE_NOOP("cli", "Sổ tay Văn phòng Đảng ủy xã. Không có lệnh: mở cửa sổ chương trình.")
        ),
    )
    parser.add_argument("--lang", choices=["vi", "en"], default="vi", help="ngôn ngữ / language")
    parser.add_argument("--db", help=tr(QT_TRANSLATE_NOOP("cli", "tệp cơ sở dữ liệu (mặc định: xã mẫu)")))
    parser.add_argument("--verbose", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title=tr(QT_TRANSLATE_NOOP("cli", "lệnh")), metavar="COMMAND")

    p = sub.add_parser("demo", help=tr(QT_TRANSLATE_NOOP("cli", "tạo cơ sở dữ liệu xã mẫu")))
    p.add_argument("path")
    p.add_argument("--members", type=int, default=1200)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=cmd_demo)

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
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", help=tr(QT_TRANSLATE_NOOP("cli", "ghi gói dữ liệu gửi cấp trên ra USB")))
    p.add_argument("db")
    p.add_argument("--to", required=True, metavar="DIR")
    p.add_argument("--full", action="store_true")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help=tr(QT_TRANSLATE_NOOP("cli", "nhập gói dữ liệu của cấp dưới")))
    p.add_argument("db")
    p.add_argument("packages", nargs="+", metavar="PACKAGE")
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
    p.add_argument("--role", choices=["upper", "commune"], default="commune")
    p.add_argument("--accept", metavar="FILE")
    p.add_argument("--fingerprint")
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
    p.set_defaults(func=cmd_consolidate)

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
    install_cli_translator(early_language(argv))
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    func: Command = args.func
    problem = data_dir_problem()
    if problem is not None:
        err(problem)
        if func is cmd_gui:
            show_startup_error(problem)
        return EXIT_REFUSED
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
