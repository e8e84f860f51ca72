"""The rating page (kiểm điểm, xếp loại, DOMAIN.md §3.6): a round per year for members or for cells;
entry by cell in a grid made for typing (type the score, Enter moves down, the level follows live);
excluded rows greyed with the reason; the excellent-quota warning; summary counts and percentages."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from models.dates import today
from models.db import read_session, unit_of_work
from models.errors import DomainError
from models.rules import rule
from models.services import rating as rt
from ui.context import AppContext
from ui.dialogs.work_common import (
    ComboDelegate,
    GridColumn,
    GridModel,
    cell_combo,
    combo_key,
    vi_pct,
    warning_label,
    year_spin,
)
from ui.errors import show_error
from ui.i18n import translate
from ui.pages.base import Page


@dataclass(frozen=True)
class GridRow:
    key: str
    name: str
    score: int | None
    level: str
    excluded_reason: str


class RatingGrid:
    """The level for each score (0–100) of the round's year, and the level names in force."""

    def __init__(self, levels: dict[int, str], names: dict[str, str]) -> None:
        self.levels = levels
        self.names = names

    def set_score(self, row: GridRow, text: str) -> GridRow:
        cleaned = text.strip()
        if not cleaned:
            return replace(row, score=None, level="")
        if not cleaned.isdigit() or not 0 <= int(cleaned) <= 100:
            raise ValueError(translate("rating_ui", "Điểm từ 0 đến 100."))
        score = int(cleaned)
        return replace(row, score=score, level=self.levels[score])

    def set_level(self, row: GridRow, key: str) -> GridRow:
        return replace(row, score=None, level=key if key in self.names else "")

    def set_excluded(self, row: GridRow, key: str) -> GridRow:
        reason = key if key in rt.EXCLUSIONS else ""
        return replace(
            row,
            excluded_reason=reason,
            score=None if reason else row.score,
            level="" if reason else row.level,
        )

    def model(self) -> GridModel:
        return GridModel(
            [
                GridColumn(translate("rating_ui", "Họ và tên"), lambda r: r.name),
                GridColumn(
                    translate("rating_ui", "Điểm"),
                    lambda r: "" if r.score is None else str(r.score),
                    edit=self.set_score,
                    editable=lambda r: not r.excluded_reason,
                    align_right=True,
                ),
                GridColumn(
                    translate("rating_ui", "Mức xếp loại"),
                    lambda r: self.names.get(r.level, ""),
                    edit=self.set_level,
                    choices=lambda _r: [("", "—"), *self.names.items()],
                    editable=lambda r: not r.excluded_reason,
                    edit_value=lambda r: r.level,
                ),
                GridColumn(
                    translate("rating_ui", "Không xếp loại"),
                    lambda r: (
                        translate("rating", rt.EXCLUSIONS[r.excluded_reason]) if r.excluded_reason else ""
                    ),
                    edit=self.set_excluded,
                    choices=lambda _r: (
                        [("", "—")] + [(k, translate("rating", v)) for k, v in rt.EXCLUSIONS.items()]
                    ),
                    edit_value=lambda r: r.excluded_reason,
                ),
            ],
            lambda r: r.key,
            dimmed=lambda r: bool(r.excluded_reason),
        )


class RatingPage(Page):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.round_id: str | None = None
        self.quota_pct = 20.0
        self.cell_of: dict[str, str] = {}  # rating key -> cell name (member rounds: quota per cell)
        self.failure_notices: list[str] = []
        self.year = year_spin(today().year - 1)
        self.subject = QComboBox()
        self.subject.addItem(translate("rating_ui", "Đảng viên"), "member")
        self.subject.addItem(translate("rating_ui", "Tổ chức đảng (chi bộ)"), "organisation")
        self.cell = cell_combo(ctx, with_all=translate("rating_ui", "Tất cả chi bộ"))
        self.open_button = QPushButton(translate("rating_ui", "Mở đợt xếp loại"))
        self.save_button = QPushButton(translate("rating_ui", "Lưu (Ctrl+S)"))
        for b in (self.open_button, self.save_button):
            b.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_round)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.grid = RatingGrid({}, {})
        self.model = self.grid.model()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(ComboDelegate(self.model, self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setItemDelegate(_MoveDownDelegate(self.model, self.view))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.quota = warning_label()
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("rating_ui", "Năm:")))
        top.addWidget(self.year)
        top.addWidget(self.subject)
        top.addWidget(QLabel(translate("rating_ui", "Chi bộ:")))
        top.addWidget(self.cell)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.quota)
        layout.addWidget(self.summary)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.subject.currentIndexChanged.connect(lambda _i: self.refresh())
        self.cell.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model.dataChanged.connect(lambda *_a: self.update_summary())
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)

    def title(self) -> str:
        return translate("rating_ui", "Xếp loại chất lượng")

    def refresh(self) -> None:
        year, subject = self.year.value(), str(self.subject.currentData())
        self.cell.setEnabled(subject == "member")
        cell_id = combo_key(self.cell) if subject == "member" else None
        with read_session(self.ctx.db, self.ctx.actor) as session:
            self.round_id = rt.find_round(session, year, subject)
            names = rt.level_names(session, year)
            levels = {score: rt.level_from_score(session, score, year) for score in range(101)}
            self.quota_pct = float(rule(session, "rating.excellent_quota_pct_of_good", date(year, 12, 31)))
            rows = rt.rating_rows(session, self.round_id, cell_id) if self.round_id else []
            self.failure_notices = (
                rt.repeated_failure_notices(session, year) if self.round_id and subject == "member" else []
            )
        self.cell_of = {r.key: r.cell_name for r in rows} if subject == "member" else {}
        self.grid.levels, self.grid.names = levels, names
        self.model.set_rows(
            [
                GridRow(
                    r.key, r.name if subject == "member" else r.cell_name, r.score, r.level, r.excluded_reason
                )
                for r in rows
            ]
        )
        self.view.resizeColumnsToContents()
        self.open_button.setVisible(self.round_id is None)
        self.save_button.setEnabled(self.round_id is not None)
        if self.round_id is None:
            self.status.setText(
                translate(
                    "rating_ui", "Chưa có đợt xếp loại năm {year}. Bấm “Mở đợt xếp loại” để lập danh sách."
                ).format(year=year)
            )
        else:
            self.status.setText(
                translate(
                    "rating_ui",
                    "Gõ điểm rồi Enter để xuống dòng; mức xếp loại tự tính theo thang 100 điểm. Đảng viên miễn "
                    "sinh hoạt, đình chỉ, kết nạp chưa đủ 6 tháng không xếp loại (dòng màu xám).",
                )
            )
        self.update_summary()

    def update_summary(self) -> None:
        rows = self.model.rows()
        excluded = sum(1 for r in rows if r.excluded_reason)
        rated = [r for r in rows if not r.excluded_reason and r.level]
        counts = {key: sum(1 for r in rated if r.level == key) for key in rt.LEVELS}
        parts = [
            f"{self.grid.names.get(key, key)}: {counts[key]} ({vi_pct(100.0 * counts[key] / len(rated) if rated else 0)})"
            for key in rt.LEVELS
        ]
        self.summary.setText(
            translate(
                "rating_ui", "Đã xếp loại {rated}/{total}; không xếp loại {excluded}; chưa nhập {missing}."
            ).format(
                rated=len(rated),
                total=len(rows),
                excluded=excluded,
                missing=len(rows) - len(rated) - excluded,
            )
            + "\n"
            + "; ".join(parts)
        )
        # The quota is checked in each group rated together: each cell for members (never diluted by
        # the other cells), the commune for the cells themselves.
        groups: dict[str, dict[str, int]] = {}
        for r in rated:
            group = groups.setdefault(self.cell_of.get(r.key, ""), {"xuat_sac": 0, "tot": 0})
            if r.level in group:
                group[r.level] += 1
        warnings = []
        for where, c in groups.items():
            allowed = int(c["tot"] * self.quota_pct / 100)
            if c["xuat_sac"] > allowed:
                warnings.append(
                    (f"{where}: " if where else "")
                    + translate(
                        "rating_ui",
                        "Số “hoàn thành xuất sắc” ({excellent}) vượt {quota}% số “hoàn thành tốt” ({good} → tối đa {allowed}). "
                        "Đây là cảnh báo, vẫn lưu được.",
                    ).format(
                        excellent=c["xuat_sac"], quota=f"{self.quota_pct:g}", good=c["tot"], allowed=allowed
                    )
                )
        if len(warnings) > 3:  # many small cells over: one wrapped line, the grid keeps its room
            over_cells = [
                (w, c) for w, c in groups.items() if c["xuat_sac"] > int(c["tot"] * self.quota_pct / 100)
            ]
            warnings = [
                translate(
                    "rating_ui",
                    "{count} chi bộ có số “hoàn thành xuất sắc” vượt {quota}% số “hoàn thành tốt” (xuất sắc/tối đa): {cells}. "
                    "Đây là cảnh báo, vẫn lưu được.",
                ).format(
                    count=len(over_cells),
                    quota=f"{self.quota_pct:g}",
                    cells="; ".join(
                        f"{w} {c['xuat_sac']}/{int(c['tot'] * self.quota_pct / 100)}" for w, c in over_cells
                    ),
                )
            ]
        notices = warnings + self.failure_notices
        self.quota.setText("\n".join(notices))
        self.quota.setVisible(bool(notices))

    def open_round(self) -> None:
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                rt.open_round(session, self.year.value(), str(self.subject.currentData()), today())
        except DomainError as exc:
            show_error(self, exc)
            return
        self.changed.emit()

    def save(self) -> list[str] | None:
        if self.round_id is None:
            return None
        entries = {
            r.key: rt.RatingEntry(
                score=r.score, level="" if r.score is not None else r.level, excluded_reason=r.excluded_reason
            )
            for r in self.model.dirty_rows()
        }
        if not entries:
            return []
        try:
            with unit_of_work(self.ctx.db, self.ctx.actor) as session:
                warnings = rt.set_ratings(session, self.round_id, entries)
        except DomainError as exc:
            show_error(self, exc)
            return None
        self.changed.emit()
        if warnings:
            self.quota.setText("\n".join(warnings))
            self.quota.show()
        return warnings


class _MoveDownDelegate(ComboDelegate):
    """After typing a score and Enter, the next row's score is current (fast entry down a column)."""

    def __init__(self, model: GridModel, view: QTableView) -> None:
        super().__init__(model, view)
        self._view = view
        self.closeEditor.connect(self._next)

    def _next(self, *_args: object) -> None:
        index = self._view.currentIndex()
        if index.isValid() and index.row() + 1 < self._view.model().rowCount():
            self._view.setCurrentIndex(index.sibling(index.row() + 1, index.column()))
