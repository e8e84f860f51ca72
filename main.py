"""Composition root: parse arguments, set up logging and exception hooks, then either run a headless
command or start the window.

Headless commands print Vietnamese (or English with --lang en) and exit 0 on success, 1 on a refused
input, 2 on wrong usage. Each command is one function `cmd_<name>(args) -> int` registered in
`build_parser`."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Callable
from pathlib import Path

from models.errors import DomainError
from models.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger("main")

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


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
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return log_file


def install_cli_translator(lang: str) -> None:
    """English for --lang en: the catalogue compiled from resources/i18n/app_en.ts, loaded by Qt."""
    if lang == "vi":
        return
    from ui.i18n import install_headless_translator

    install_headless_translator(lang)


# ---------------------------------------------------------------- commands


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.app import run_gui

    return run_gui(db_path=Path(args.db) if args.db else None, lang=args.lang)


def cmd_demo(args: argparse.Namespace) -> int:
    from models.demo import DemoOptions, generate_demo

    target = Path(args.path)
    if target.exists():
        err(
            tr(QT_TRANSLATE_NOOP("cli", "Tệp {path} đã có. Hãy chọn tên khác hoặc xóa tệp cũ.")).format(
                path=target
            )
        )
        return EXIT_REFUSED
    summary = generate_demo(target, DemoOptions(members=args.members, seed=args.seed))
    out(
        tr(
            QT_TRANSLATE_NOOP("cli", "Đã tạo xã mẫu {name}: {cells} chi bộ, {members} đảng viên → {path}")
        ).format(name=summary.unit_name, cells=summary.cells, members=summary.members, path=target)
    )
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from ui.app import self_test

    return self_test(members=args.members)


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

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    setup_logging(args.verbose)
    install_cli_translator(args.lang)
    func: Command = args.func
    try:
        return func(args)
    except DomainError as exc:
        err(exc.text())
        log.info("command refused: %s", type(exc).__name__)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
