"""Nhập gói của cấp dưới (issue 8 §6): every chosen package is verified, decrypted and staged, then
previewed per commune and per kind (new / changed / unchanged / deleted / rejected); replayed and held
packages say so; refused files give their reason. Nothing is written until the user confirms; each
package is then applied in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exports import sync as sx
from models.errors import DomainError
from ui.context import AppContext
from ui.i18n import translate
from ui.tasks import Cancel, Cancelled, Progress, TaskRunner
from ui.widgets import fit_to_screen

COUNT_KEYS = ("new", "changed", "unchanged", "deleted", "rejected")


def kind_label(kind: str) -> str:
    labels = {
        "units": translate("sync_kinds", "Đơn vị"),
        "upper_levels": translate("sync_kinds", "Cấp trên"),
        "villages": translate("sync_kinds", "Bản, tổ dân phố"),
        "cells": translate("sync_kinds", "Chi bộ"),
        "cell_villages": translate("sync_kinds", "Chi bộ phụ trách bản"),
        "cell_positions": translate("sync_kinds", "Chức vụ trong chi bộ"),
        "cell_assignments": translate("sync_kinds", "Phân công phụ trách chi bộ"),
        "members": translate("sync_kinds", "Đảng viên"),
        "member_events": translate("sync_kinds", "Biến động đảng viên"),
        "candidates": translate("sync_kinds", "Quần chúng ưu tú"),
        "admission_plans": translate("sync_kinds", "Kế hoạch kết nạp"),
        "meetings": translate("sync_kinds", "Buổi sinh hoạt"),
        "meeting_agenda": translate("sync_kinds", "Nội dung sinh hoạt"),
        "meeting_attendance": translate("sync_kinds", "Điểm danh sinh hoạt"),
        "meeting_tasks": translate("sync_kinds", "Việc giao trong sinh hoạt"),
        "meeting_votes": translate("sync_kinds", "Biểu quyết"),
        "dues_payments": translate("sync_kinds", "Đảng phí"),
        "inspections": translate("sync_kinds", "Kiểm tra, giám sát"),
        "disciplines": translate("sync_kinds", "Kỷ luật"),
        "petitions": translate("sync_kinds", "Đơn thư"),
        "courses": translate("sync_kinds", "Lớp bồi dưỡng"),
        "course_attendees": translate("sync_kinds", "Học viên"),
        "rating_rounds": translate("sync_kinds", "Đợt đánh giá"),
        "ratings": translate("sync_kinds", "Kết quả xếp loại"),
        "report_snapshots": translate("sync_kinds", "Báo cáo đã chốt"),
        "rule_values": translate("sync_kinds", "Quy định"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class Inspected:
    path: Path
    staged: sx.Staged | None
    error: DomainError | None


def inspect_all(ctx: AppContext, paths: list[Path]) -> list[Inspected]:
    out = []
    for path in paths:
        try:
            out.append(Inspected(path, sx.inspect_package(ctx.db, ctx.actor, path), None))
        except DomainError as exc:
            out.append(Inspected(path, None, exc))
    return out


class ImportPreviewDialog(QDialog):
    def __init__(
        self, ctx: AppContext, runner: TaskRunner, items: list[Inspected], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.items = items
        self.results: list[sx.ImportResult] = []
        self.errors: list[DomainError] = []
        self.setWindowTitle(translate("sync_import", "Xem trước dữ liệu nhập"))
        fit_to_screen(self, 1000, 560)
        ready = self.applicable()
        refused = [i for i in items if i.error is not None]
        self.summary = QLabel(
            translate(
                "sync_import",
                "{n} tệp: {ready} gói sẵn sàng nhập, {refused} tệp không nhập được. Chưa có gì được ghi; "
                "kiểm tra bảng dưới rồi bấm “Nhập”.",
            ).format(n=len(items), ready=len(ready), refused=len(refused))
        )
        self.summary.setWordWrap(True)
        headers = [
            translate("sync_import", "Tệp"),
            translate("sync_import", "Đơn vị gửi"),
            translate("sync_import", "Loại dữ liệu"),
            translate("sync_import", "Mới"),
            translate("sync_import", "Thay đổi"),
            translate("sync_import", "Không đổi"),
            translate("sync_import", "Xóa"),
            translate("sync_import", "Bị từ chối"),
            translate("sync_import", "Tình trạng"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        self._fill()
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            translate("sync_import", "Nhập {n} gói").format(n=len(ready)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.apply_button.setEnabled(bool(ready))
        self.buttons.addButton(translate("sync_import", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def applicable(self) -> list[sx.Staged]:
        staged = [
            i.staged for i in self.items if i.staged is not None and i.staged.status in ("ready", "held")
        ]
        return sorted(staged, key=lambda s: (s.sender_unit_id, int(s.manifest.get("sequence", 0))))

    def _add_row(self, values: list[str], colour: QColor | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            if 3 <= column <= 7:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if colour is not None:
                item.setBackground(QBrush(colour))
            self.table.setItem(row, column, item)

    def _fill(self) -> None:
        for item in self.items:
            name = item.path.name
            if item.error is not None:
                self._add_row(
                    [
                        name,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        translate("sync_import", "Không nhập: ") + item.error.text(),
                    ],
                    QColor(253, 232, 234),
                )
                continue
            staged = item.staged
            assert staged is not None
            sender = staged.sender_name
            if staged.status != "ready" or staged.preview is None:
                self._add_row([name, sender, "", "", "", "", "", "", staged.message], QColor(255, 243, 205))
                continue
            counts = staged.preview.counts()
            sequence = staged.manifest.get("sequence", "")
            full = translate("sync_import", ", gói đầy đủ") if staged.manifest.get("full") else ""
            status = translate("sync_import", "Sẵn sàng nhập (gói số {sequence}{full})").format(
                sequence=sequence, full=full
            )
            if staged.message:  # e.g. the records a full package retracts
                status += " " + staged.message
            for kind, c in sorted(counts.items(), key=lambda kv: kind_label(kv[0])):
                self._add_row(
                    [name, sender, kind_label(kind), *(str(c[k]) for k in COUNT_KEYS), status],
                    QColor(253, 232, 234) if c["rejected"] else None,
                )
        self.table.resizeRowsToContents()

    def counts_for(self, kind: str) -> dict[str, int]:
        """The preview counts of `kind` summed over the packages (for tests and the summary)."""
        total = dict.fromkeys(COUNT_KEYS, 0)
        for item in self.items:
            if item.staged is not None and item.staged.preview is not None:
                for key, value in item.staged.preview.counts().get(kind, {}).items():
                    total[key] += value
        return total

    def apply(self) -> None:
        staged = self.applicable()

        def job(_progress: Progress, _cancel: Cancel) -> tuple[list[sx.ImportResult], list[DomainError]]:
            results: list[sx.ImportResult] = []
            errors: list[DomainError] = []
            backed_up = False  # one verified backup for the batch, before the first package that writes
            for number, package in enumerate(staged, start=1):
                _progress(number - 1, len(staged))
                try:
                    done = sx.apply_package(self.ctx.db, self.ctx.actor, package, backup_first=not backed_up)
                except DomainError as exc:
                    errors.append(exc)
                    continue
                results.extend(done)
                backed_up = backed_up or any(r.status == "applied" for r in done)
            return results, errors

        try:
            self.results, self.errors = self.runner.run_and_wait(
                self, translate("sync_import", "Đang nhập dữ liệu…"), job
            )
        except Cancelled:
            return
        self.accept()

    def report(self) -> str:
        lines = [r.message or f"{r.name}: {r.status}" for r in self.results]
        lines += [translate("sync_import", "Không nhập: ") + e.text() for e in self.errors]
        return "\n".join(lines) or translate("sync_import", "Không có gói nào được nhập.")

    @classmethod
    def ask(
        cls, ctx: AppContext, runner: TaskRunner, paths: list[Path], parent: QWidget | None = None
    ) -> ImportPreviewDialog | None:
        """Inspect the files off the GUI thread, show the preview; the dialog (with its results) when
        the user confirmed, None when cancelled."""

        def job(_progress: Progress, _cancel: Cancel) -> list[Inspected]:
            return inspect_all(ctx, paths)

        try:
            items = runner.run_and_wait(parent, translate("sync_import", "Đang kiểm tra các gói…"), job)
        except Cancelled:
            return None
        dialog = cls(ctx, runner, items, parent)
        return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None
