"""Tổng quan (home page, issue 7 §6): the figures a commune secretary asks for at a glance — members by
status, admissions against this year's plan, cells that have not met this month, overdue official
recognitions, dues collected — and four charts (membership trend, age pyramid, ethnicity shares,
meeting attendance by cell). Every figure is a link: it opens the list behind it and emits
`link_activated(area)` so the main window can switch to the page that manages it."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from forms.document import vi_int
from forms.indicators import Explained, Record, age_band
from models.dates import format_date, full_years_between, today
from models.db import read_session
from models.services import admission, dues, meetings
from models.services import membership as ms
from models.services import organisation as org
from models.services import register as rg
from models.services.statistics import Facts
from ui.context import AppContext
from ui.dialogs.report_explain import ExplainDialog
from ui.i18n import translate
from ui.pages.base import Page

AGE_BANDS = (("le30", "≤30"), ("31_40", "31–40"), ("41_50", "41–50"), ("51_60", "51–60"), ("ge61", "≥61"))
LINK_STYLE = (
    "QPushButton { border: none; color: #14469f; text-decoration: underline; font-weight: bold;"
    " text-align: right; padding: 0 2px; }"
)
ALERT_STYLE = LINK_STYLE.replace("#14469f", "#b00020")


def number(value: int) -> str:
    return vi_int(value)


def money(value: int) -> str:
    return vi_int(value) + " đ"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    text: str
    records: tuple[Record, ...]
    area: str  # the sidebar area that manages these records
    alert: bool = False


@dataclass
class DashboardData:
    unit_name: str = ""
    upper_name: str = ""
    figures: list[Figure] = field(default_factory=list)
    trend: list[tuple[int, int]] = field(default_factory=list)  # (year, members at 31/12)
    pyramid: dict[str, tuple[int, int]] = field(default_factory=dict)  # band → (men, women)
    ethnicities: list[tuple[str, int]] = field(default_factory=list)
    attendance: list[tuple[str, float]] = field(default_factory=list)  # (cell, % present this year)

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


class _Register:
    """The counted members of the register, read once: every member figure and its list come from
    the same rows (the same filter as `register.counts`: in the register, counted — a member received
    for temporary activity is neither counted nor listed)."""

    def __init__(self, session: Any) -> None:
        self.ids = rg.member_ids(session, rg.RegisterFilter())
        self.rows = rg.member_rows(session, self.ids)

    def records(self, statuses: tuple[str, ...] = ()) -> tuple[Record, ...]:
        return tuple(
            (i, f"{self.rows[i].name} — {self.rows[i].cell_name}")
            for i in self.ids
            if i in self.rows and (not statuses or self.rows[i].status in statuses)
        )


def load_dashboard(ctx: AppContext, on: date | None = None) -> DashboardData:
    """Every figure and chart series of the home page, read in one snapshot."""
    on = on or today()
    data = DashboardData()
    month = f"{on.year:04d}-{on.month:02d}"
    with read_session(ctx.db, ctx.actor) as session:
        unit = org.own_unit(session)
        upper = org.current_upper_level(session, on)
        data.unit_name, data.upper_name = unit.name, upper.name if upper else ""
        cells = org.list_cells(session, include_closed=False)
        counts = rg.counts(session, rg.RegisterFilter())
        register = _Register(session)
        add = data.figures.append
        add(
            Figure(
                "members",
                translate("dashboard", "Đảng viên đang sinh hoạt"),
                number(counts.total),
                register.records(),
                "members",
            )
        )
        add(
            Figure(
                "official",
                translate("dashboard", "Đảng viên chính thức"),
                number(counts.official),
                register.records(("official",)),
                "members",
            )
        )
        add(
            Figure(
                "probationary",
                translate("dashboard", "Đảng viên dự bị"),
                number(counts.probationary),
                register.records(("probationary",)),
                "members",
            )
        )
        add(
            Figure(
                "exempted",
                translate("dashboard", "Miễn sinh hoạt"),
                number(counts.exempted),
                register.records(("exempted",)),
                "members",
            )
        )
        add(
            Figure(
                "away",
                translate("dashboard", "Đi làm ăn xa, vắng mặt"),
                number(counts.away),
                register.records(("away",)),
                "members",
            )
        )
        add(
            Figure(
                "cells",
                translate("dashboard", "Chi bộ đang hoạt động"),
                number(len(cells)),
                tuple((c.id, c.name) for c in cells),
                "organisation",
            )
        )
        plan = admission.achievement(session, on.year)
        facts = Facts(session)
        admitted = [
            e
            for e in facts.events_between(date(on.year, 1, 1), on)
            if e.kind in ("admitted", "readmitted") and not e.temporary
        ]
        add(
            Figure(
                "admissions",
                translate("dashboard", "Kết nạp năm {year} / kế hoạch").format(year=on.year),
                f"{number(plan.admitted)} / {number(plan.target)}" if plan.target else number(plan.admitted),
                tuple((e.id, f"{e.member_name} ({format_date(e.event_date)})") for e in admitted),
                "admission",
                alert=bool(plan.target) and plan.admitted < plan.target and on.month >= 10,
            )
        )
        overview = meetings.month_overview(session, month)
        not_met = [c for c in overview if c.state != "held"]
        add(
            Figure(
                "not_met",
                translate("dashboard", "Chi bộ chưa sinh hoạt tháng {month}").format(month=on.month),
                number(len(not_met)),
                tuple(
                    (
                        c.cell_id,
                        c.cell_name
                        + (translate("dashboard", " (đã có kế hoạch)") if c.state == "planned" else ""),
                    )
                    for c in not_met
                ),
                "meetings",
                alert=bool(not_met),
            )
        )
        overdue = [r for r in ms.recognitions_due(session, on) if r.days_overdue > 0]
        add(
            Figure(
                "overdue",
                translate("dashboard", "Quá hạn xét công nhận chính thức"),
                number(len(overdue)),
                tuple(
                    (
                        r.member_id,
                        translate(
                            "dashboard", "{name} — {cell} — hết hạn dự bị {due}, quá {days} ngày"
                        ).format(
                            name=r.name, cell=r.cell_name, due=format_date(r.due_date), days=r.days_overdue
                        ),
                    )
                    for r in overdue
                ),
                "members",
                alert=bool(overdue),
            )
        )
        months = [f"{on.year:04d}-{m:02d}" for m in range(1, on.month + 1)]
        paid = dues.totals(session, months)
        add(
            Figure(
                "dues",
                translate("dashboard", "Đảng phí đã thu năm {year}").format(year=on.year),
                money(paid.collected),
                (
                    ("due", translate("dashboard", "Phải thu: {v}").format(v=money(paid.due))),
                    ("collected", translate("dashboard", "Đã thu: {v}").format(v=money(paid.collected))),
                    (
                        "retained",
                        translate("dashboard", "Trích giữ lại: {v}").format(
                            v=money(paid.retained) if paid.retained is not None else "–"
                        ),
                    ),
                    (
                        "remitted",
                        translate("dashboard", "Nộp cấp trên: {v}").format(
                            v=money(paid.remitted) if paid.remitted is not None else "–"
                        ),
                    ),
                ),
                "dues",
                alert=paid.collected < paid.due,
            )
        )
        # Charts.
        first_year = on.year - 9
        for year in range(first_year, on.year + 1):
            day = date(year, 12, 31) if year < on.year else on
            data.trend.append((year, sum(1 for m in facts.members_on(day) if m.counted)))
        current = [m for m in facts.members_on(on) if m.counted]
        bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for m in current:
            band = age_band(full_years_between(m.date_of_birth, on))
            bands[band][1 if m.sex == "F" else 0] += 1
        data.pyramid = {key: (bands[key][0], bands[key][1]) for key, _ in AGE_BANDS}
        shares = Counter(m.ethnicity or translate("dashboard", "Chưa rõ") for m in current).most_common()
        top = shares[:5]
        rest = sum(n for _e, n in shares[5:])
        data.ethnicities = [*top, *([(translate("dashboard", "Dân tộc khác"), rest)] if rest else [])]
        present: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for _meeting, cell_name, here, expected in facts.meetings_between(date(on.year, 1, 1), on):
            present[cell_name][0] += here
            present[cell_name][1] += expected
        data.attendance = sorted(
            ((name, 100.0 * p / e) for name, (p, e) in present.items() if e), key=lambda x: x[1]
        )[:8]
    return data


def _chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(230)
    return chart, view


def _nice_half(widest: int) -> int:
    """Half the axis reach for a pyramid side of `widest` people: a round number (1, 2, 5 × 10^k)."""
    target = max(5, widest) / 2
    scale = 1
    while True:
        for factor in (1, 2, 5):
            if factor * scale >= target:
                return factor * scale
        scale *= 10


class DashboardPage(Page):
    """The home page. `figures[key]` are the clickable numbers (keys as in `DashboardData`)."""

    link_activated = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.data = DashboardData()
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.upper = QLabel()
        self.figures: dict[str, QPushButton] = {}
        self.captions: dict[str, QLabel] = {}
        boxes = QHBoxLayout()
        groups = (
            (
                translate("dashboard", "Đảng viên"),
                ("members", "official", "probationary", "exempted", "away"),
            ),
            (translate("dashboard", "Tổ chức và sinh hoạt"), ("cells", "not_met", "admissions")),
            (translate("dashboard", "Việc cần làm"), ("overdue", "dues")),
        )
        for title, keys in groups:
            box = QGroupBox(title)
            grid = QGridLayout(box)
            grid.setVerticalSpacing(2)
            for row, key in enumerate(keys):
                caption = QLabel()
                caption.setWordWrap(True)
                button = QPushButton()
                button.setObjectName(f"figure_{key}")
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setStyleSheet(LINK_STYLE)
                button.setFlat(True)
                button.clicked.connect(lambda _c=False, k=key: self.open_figure(k))
                grid.addWidget(caption, row, 0)
                grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignRight)
                grid.setColumnStretch(0, 1)
                self.figures[key] = button
                self.captions[key] = caption
            grid.setRowStretch(len(keys), 1)
            boxes.addWidget(box, 1)

        self.trend_chart, trend_view = _chart(translate("dashboard", "Số đảng viên qua các năm"))
        self.pyramid_chart, pyramid_view = _chart(translate("dashboard", "Tháp tuổi đảng viên"))
        self.ethnicity_chart, ethnicity_view = _chart(translate("dashboard", "Cơ cấu dân tộc"))
        self.attendance_chart, attendance_view = _chart(
            translate("dashboard", "Tỷ lệ dự sinh hoạt năm nay, các chi bộ thấp nhất (%)")
        )
        charts = QGridLayout()
        charts.addWidget(trend_view, 0, 0)
        charts.addWidget(pyramid_view, 0, 1)
        charts.addWidget(ethnicity_view, 1, 0)
        charts.addWidget(attendance_view, 1, 1)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.heading)
        inner.addWidget(self.upper)
        inner.addLayout(boxes)
        inner.addLayout(charts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def title(self) -> str:
        return translate("dashboard", "Tổng quan")

    def refresh(self) -> None:
        self.show_data(load_dashboard(self.ctx))

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self.heading.setText(data.unit_name)
        self.upper.setText(
            translate("dashboard", "Trực thuộc: {upper}").format(upper=data.upper_name)
            if data.upper_name
            else ""
        )
        for figure in data.figures:
            button = self.figures[figure.key]
            button.setText(figure.text)
            button.setStyleSheet(ALERT_STYLE if figure.alert else LINK_STYLE)
            button.setToolTip(translate("dashboard", "Bấm để xem danh sách"))
            self.captions[figure.key].setText(figure.label + ":")
        self._draw_trend(data)
        self._draw_pyramid(data)
        self._draw_ethnicities(data)
        self._draw_attendance(data)

    def open_figure(self, key: str) -> None:
        figure = self.data.figure(key)
        self.link_activated.emit(figure.area)
        ExplainDialog.ask(figure.label, figure.text, Explained(len(figure.records), figure.records), self)

    # ------------------------------------------------------------ charts

    @staticmethod
    def _reset(chart: QChart) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def _draw_trend(self, data: DashboardData) -> None:
        chart = self.trend_chart
        self._reset(chart)
        series = QLineSeries()
        series.setName(translate("dashboard", "Đảng viên cuối năm"))
        series.setPointsVisible(True)
        series.setPointLabelsVisible(True)
        series.setPointLabelsFormat("@yPoint")
        for year, count in data.trend:
            series.append(QPointF(year, count))
        chart.addSeries(series)
        chart.legend().hide()
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%d")
        if data.trend:
            axis_x.setRange(data.trend[0][0] - 0.5, data.trend[-1][0] + 0.5)
            # one tick on each whole year (every second year beyond ten), never between years
            axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
            axis_x.setTickAnchor(data.trend[0][0])
            axis_x.setTickInterval(1 if len(data.trend) <= 11 else 2)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        top = max((c for _y, c in data.trend), default=0)
        axis_y.setRange(0, max(5, top * 1.15))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

    def _draw_pyramid(self, data: DashboardData) -> None:
        chart = self.pyramid_chart
        self._reset(chart)
        men = QBarSet(translate("dashboard", "Nam"))
        women = QBarSet(translate("dashboard", "Nữ"))
        men.setColor(QColor(52, 101, 164))
        women.setColor(QColor(204, 80, 110))
        for key, _label in AGE_BANDS:
            m, w = data.pyramid.get(key, (0, 0))
            men.append(-m)
            women.append(w)
        series = QHorizontalStackedBarSeries()
        series.append(men)
        series.append(women)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        chart.legend().show()
        axis_y = QBarCategoryAxis()
        axis_y.append([label for _k, label in AGE_BANDS])
        axis_y.setTruncateLabels(False)  # the age bands were drawn as "…" in a small chart
        widest = max((max(v) for v in data.pyramid.values()), default=0)
        half = _nice_half(widest)
        # men are drawn to the left as negative values; the axis shows head counts, not signs
        axis_x = QCategoryAxis()
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis_x.setRange(-2 * half, 2 * half)
        axis_x.setStartValue(-2 * half)
        for step in (-2, -1, 0, 1, 2):
            # category labels must be unique: the men's side carries an invisible zero-width space
            label = f"{abs(step) * half:,}".replace(",", ".") + ("\u200b" if step < 0 else "")
            axis_x.append(label, step * half)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)

    def _draw_ethnicities(self, data: DashboardData) -> None:
        chart = self.ethnicity_chart
        self._reset(chart)
        series = QPieSeries()
        total = sum(n for _e, n in data.ethnicities) or 1
        for name, count in data.ethnicities:
            pie_slice = series.append(f"{name} {100 * count / total:.0f}%".replace(".", ","), count)
            pie_slice.setLabelVisible(False)
        series.setPieSize(0.75)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.legend().show()

    def _draw_attendance(self, data: DashboardData) -> None:
        chart = self.attendance_chart
        self._reset(chart)
        bars = QBarSet(translate("dashboard", "Có mặt (%)"))
        bars.setColor(QColor(76, 140, 74))
        names = []
        for name, pct in data.attendance:
            bars.append(round(pct))  # whole percent: the bar labels need no decimal separator
            names.append(name.replace("Chi bộ ", "").replace("chi bộ ", ""))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setBarWidth(0.8)
        chart.addSeries(series)
        chart.legend().hide()
        axis_y = QBarCategoryAxis()
        axis_y.append(names or [translate("dashboard", "(chưa có buổi sinh hoạt)")])
        font = QFont(axis_y.labelsFont())
        font.setPointSizeF(max(6.0, font.pointSizeF() - 1.5))
        axis_y.setLabelsFont(font)
        axis_y.setTruncateLabels(False)  # a cell's name elided to "..." says nothing
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%d")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
