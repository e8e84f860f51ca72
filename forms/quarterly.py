"""Report forms as data. A form is sections; a section declares its columns (row number, label, unit,
figures) and its rows; each figure cell names an indicator from the catalogue, or an indicator as a
share of another. A province's real statistical form is a new `FormDefinition`: `build_tables` lays
out whatever a definition declares, and the renderers (PDF, XLSX) and the finalisation never change.

No official form number is invented: the default form is named plainly."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from forms.document import Document, Header, Paragraph, SignatureBlock, Table, doc_number, vi_decimal, vi_int
from forms.indicators import (
    BALANCE_KEYS,
    CATALOGUE,
    PETITION_IN,
    PETITION_OUT,
    RATING_LEVELS,
    Context,
    Evaluation,
    Explained,
    balance_problems,
    evaluate,
    percent,
    petition_problems,
    register_mismatches,
)
from forms.periods import Period
from models.dates import today
from models.rules import rule
from models.services import organisation as org
from models.services import reports
from models.services.statistics import Facts


@dataclass(frozen=True)
class FormColumn:
    """A column of a section's table. `role` says what its cells hold: "index" (the row number),
    "label" (the row's text), "unit" (the unit of the row's first figure) or "value" (a figure: the
    row names, for each value column, the indicator shown there)."""

    title: str
    role: str = "value"
    width: float = 1.2  # relative width in the PDF (Excel: about 9 characters per unit)


@dataclass(frozen=True)
class FormCell:
    """One figure of a row: an indicator, or — the "share" variant — the indicator as a percentage of
    another one (`share_of`)."""

    key: str
    share_of: str | None = None

    def indicators(self) -> tuple[str, ...]:
        return (self.key, self.share_of) if self.share_of else (self.key,)


@dataclass(frozen=True)
class FormRow:
    """One row: a figure per value column of the section (None leaves it blank). A row without any
    figure is a group heading: its label, no number."""

    cells: tuple[FormCell | None, ...]
    label: str = ""  # default: the label of the first cell's indicator
    indent: int = 0


@dataclass(frozen=True)
class FormSection:
    title: str
    columns: tuple[FormColumn, ...]
    rows: tuple[FormRow, ...]
    yearly_only: bool = False
    sheet_name: str = ""  # a short worksheet name; default: derived from the title


@dataclass(frozen=True)
class FormDefinition:
    key: str
    name: str
    sections: tuple[FormSection, ...]

    def shown_sections(self, period: Period) -> list[FormSection]:
        return [s for s in self.sections if period.is_year or not s.yearly_only]

    def keys(self, period: Period) -> list[str]:
        keys = [
            key
            for section in self.shown_sections(period)
            for row in section.rows
            for cell in row.cells
            if cell is not None
            for key in cell.indicators()
        ]
        return list(dict.fromkeys(keys))


# ---------------------------------------------------------------- the default form

INDEX = FormColumn("TT", "index", 0.5)
LABEL = FormColumn("Chỉ tiêu", "label", 4.6)
UNIT = FormColumn("Đơn vị", "unit", 1.4)
STANDARD_COLUMNS = (INDEX, LABEL, UNIT, FormColumn("Số lượng"), FormColumn("Tỷ lệ (%)", width=1.1))


def figure(key: str, share_of: str | None = None, indent: int = 0, label: str = "") -> FormRow:
    """A row of the standard columns: the figure, and its share of `share_of` when given."""
    return FormRow((FormCell(key), FormCell(key, share_of) if share_of else None), label, indent)


def _rows(keys: list[str], share_of: str | None = None, indent: int = 1) -> tuple[FormRow, ...]:
    return tuple(figure(k, share_of, indent) for k in keys)


def heading(label: str, columns: int = 2) -> FormRow:
    return FormRow((None,) * columns, label)


def _family(prefix: str) -> list[str]:
    return [k for k in CATALOGUE if k.startswith(prefix)]


def _rating_row(level: str, label: str) -> FormRow:
    return FormRow(
        (
            FormCell(f"rating.members.{level}"),
            FormCell(f"rating.members.{level}", "rating.members.rated"),
            FormCell(f"rating.orgs.{level}"),
            FormCell(f"rating.orgs.{level}", "rating.orgs.rated"),
        ),
        label,
        1,
    )


DEFAULT_QUARTERLY = FormDefinition(
    key="default-quarterly",
    name="Biểu số liệu công tác xây dựng Đảng (mẫu chung của chương trình)",
    sections=(
        FormSection(
            "1. Đảng viên đến cuối kỳ",
            STANDARD_COLUMNS,
            (
                figure("members.total"),
                *_rows(
                    [
                        "members.official",
                        "members.probationary",
                        "members.women",
                        "members.minority",
                        "members.religion",
                        "members.youth",
                        "members.exempted",
                        "members.away",
                    ],
                    "members.total",
                ),
                figure("members.average_age"),
                heading("Chia theo độ tuổi:"),
                *_rows(_family("members.age."), "members.total"),
                heading("Chia theo nghề nghiệp:"),
                *_rows(_family("members.occupation."), "members.total"),
                heading("Trình độ giáo dục phổ thông:"),
                *_rows(_family("members.education."), "members.total"),
                heading("Trình độ chuyên môn:"),
                *_rows(_family("members.professional."), "members.total"),
                heading("Trình độ lý luận chính trị:"),
                *_rows(_family("members.theory."), "members.total"),
            ),
            sheet_name="1. Đảng viên",
        ),
        FormSection(
            "2. Biến động đảng viên trong kỳ",
            STANDARD_COLUMNS,
            (
                figure("move.opening"),
                *_rows(["move.admitted", "move.readmitted", "move.transfer_in"]),
                *_rows(["move.transfer_out", "move.died", "move.struck_off", "move.left", "move.expelled"]),
                figure("move.closing"),
                *_rows(
                    [
                        "move.transfer_in_temp",
                        "move.admitted.women",
                        "move.admitted.minority",
                        "move.admitted.youth",
                        "move.plan",
                        "move.plan_pct",
                        "move.recognised_on_time",
                        "move.recognised_late",
                        "badges.awarded",
                    ]
                ),
            ),
            sheet_name="2. Biến động",
        ),
        FormSection(
            "3. Tổ chức cơ sở đảng",
            STANDARD_COLUMNS,
            (
                figure("org.cells"),
                *_rows(_family("org.cells.")),
                *_rows(["org.secretary_village_head", "org.congress_held"]),
                figure("org.villages"),
                *_rows(["org.villages_no_cell", "org.villages_no_member"]),
            ),
            sheet_name="3. Tổ chức đảng",
        ),
        FormSection(
            "4. Sinh hoạt chi bộ",
            STANDARD_COLUMNS,
            (
                figure("meet.regular_due"),
                figure("meet.regular_held", "meet.regular_due", indent=1),
                *_rows(["meet.thematic_held", "meet.assigned_attended", "meet.attendance_pct"]),
                *_rows(_family("meet.quality.")),
            ),
            sheet_name="4. Sinh hoạt chi bộ",
        ),
        FormSection(
            "5. Kiểm tra, giám sát, kỷ luật",
            STANDARD_COLUMNS,
            (*_rows(_family("insp."), indent=0), *_rows(_family("disc."), indent=0)),
            sheet_name="5. Kiểm tra, kỷ luật",
        ),
        FormSection(
            "6. Giải quyết đơn thư",
            STANDARD_COLUMNS,
            _rows(_family("pet."), indent=0),
            sheet_name="6. Đơn thư",
        ),
        FormSection(
            "7. Đào tạo, bồi dưỡng",
            STANDARD_COLUMNS,
            _rows(_family("train."), indent=0),
            sheet_name="7. Đào tạo",
        ),
        FormSection(
            "8. Đảng phí", STANDARD_COLUMNS, _rows(_family("dues."), indent=0), sheet_name="8. Đảng phí"
        ),
        FormSection(
            "9. Đánh giá, xếp loại chất lượng (cuối năm)",
            (
                INDEX,
                FormColumn("Mức xếp loại", "label", 4.0),
                FormColumn("Đảng viên", width=1.1),
                FormColumn("Tỷ lệ (%)", width=1.0),
                FormColumn("Tổ chức đảng", width=1.1),
                FormColumn("Tỷ lệ (%)", width=1.0),
            ),
            (
                FormRow(
                    (FormCell("rating.members.rated"), None, FormCell("rating.orgs.rated"), None),
                    "Tổng số được xếp loại",
                ),
                *(_rating_row(level, label) for level, label in RATING_LEVELS.items()),
                FormRow((FormCell("rating.members.excluded"), None, None, None), "Không xếp loại"),
                FormRow(
                    (FormCell("rating.members.quota"), None, FormCell("rating.orgs.quota"), None),
                    "Tối đa được xếp hoàn thành xuất sắc (tỷ lệ so với hoàn thành tốt)",
                ),
                FormRow(
                    (FormCell("rating.members.over_quota"), None, FormCell("rating.orgs.over_quota"), None),
                    "Số hoàn thành xuất sắc vượt tỷ lệ",
                ),
                FormRow(
                    (FormCell("rating.members.failed_two_years"), None, None, None),
                    "Đảng viên hai năm liền không hoàn thành nhiệm vụ",
                ),
            ),
            yearly_only=True,
            sheet_name="9. Xếp loại chất lượng",
        ),
    ),
)
FORMS = {DEFAULT_QUARTERLY.key: DEFAULT_QUARTERLY}


def format_value(value: int | float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "%":
        return vi_decimal(float(value), 1)
    if isinstance(value, float) and not value.is_integer():
        return vi_decimal(value, 1)
    return vi_int(int(value))


# ---------------------------------------------------------------- the computed tables


@dataclass(frozen=True)
class ReportCell:
    """One printed cell: its text (PDF, screen), its value for a spreadsheet (a number, or the text),
    its kind ("int", "decimal", "percent" for numbers; "text") and the indicator it explains."""

    text: str
    value: int | float | str
    kind: str = "text"
    key: str | None = None
    share_of: str | None = None  # the "share" variant: `key` as a percentage of this indicator


@dataclass(frozen=True)
class ReportTable:
    title: str
    sheet_name: str
    columns: tuple[str, ...]
    roles: tuple[str, ...]
    widths: tuple[float, ...]
    cells: tuple[tuple[ReportCell, ...], ...]

    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(c.text for c in row) for row in self.cells)

    @property
    def align(self) -> tuple[str, ...]:
        return tuple(
            {"index": "center", "label": "left", "unit": "center"}.get(r, "right") for r in self.roles
        )

    def keys(self) -> list[str]:
        """The indicators of the table, in reading order."""
        return list(dict.fromkeys(c.key for row in self.cells for c in row if c.key))


@dataclass(frozen=True)
class Report:
    period: Period
    form: FormDefinition
    values: dict[str, Explained]
    tables: tuple[ReportTable, ...]
    problems: tuple[str, ...]

    def figures(self) -> dict[str, int | float | None]:
        return {k: v.value for k, v in self.values.items()}


INDENT_MARKS = ("", "- ", "+ ")  # sub-rows as the Party's reports mark them (a PDF drops leading spaces)


def _figure_cell(cell: FormCell, values: dict[str, Explained]) -> ReportCell:
    value = values[cell.key].value
    if cell.share_of is not None:
        base = values[cell.share_of].value
        if value is None or not base:
            return ReportCell("–", "–", "text", cell.key, cell.share_of)
        share = percent(float(value), float(base))
        return ReportCell(vi_decimal(share, 1), share, "percent", cell.key, cell.share_of)
    unit = CATALOGUE[cell.key].unit
    if value is None:
        return ReportCell("–", "–", "text", cell.key)
    if unit == "%":
        return ReportCell(format_value(value, unit), round(float(value), 1), "percent", cell.key)
    if isinstance(value, float) and not value.is_integer():
        return ReportCell(format_value(value, unit), round(value, 1), "decimal", cell.key)
    return ReportCell(format_value(value, unit), int(value), "int", cell.key)


def build_tables(
    form: FormDefinition, period: Period, values: dict[str, Explained]
) -> tuple[ReportTable, ...]:
    """Lay out each shown section as its columns declare: nothing here knows a section or a row."""
    tables = []
    for section in form.shown_sections(period):
        value_columns = sum(1 for c in section.columns if c.role == "value")
        rows = []
        number = 0
        for row in section.rows:
            if len(row.cells) != value_columns:
                msg = f"{section.title}: a row has {len(row.cells)} cells for {value_columns} value columns"
                raise ValueError(msg)
            first = next((c for c in row.cells if c is not None), None)
            number += first is not None
            label = row.label or (CATALOGUE[first.key].label if first else "")
            figures = iter(row.cells)
            printed = []
            for column in section.columns:
                if column.role == "index":
                    printed.append(ReportCell(str(number), number, "int") if first else ReportCell("", ""))
                elif column.role == "label":
                    text = INDENT_MARKS[min(row.indent, len(INDENT_MARKS) - 1)] + label
                    printed.append(ReportCell(text, text))
                elif column.role == "unit":
                    unit = CATALOGUE[first.key].unit if first else ""
                    printed.append(ReportCell(unit, unit))
                else:
                    cell = next(figures)
                    printed.append(ReportCell("", "") if cell is None else _figure_cell(cell, values))
            rows.append(tuple(printed))
        tables.append(
            ReportTable(
                section.title,
                section.sheet_name,
                tuple(c.title for c in section.columns),
                tuple(c.role for c in section.columns),
                tuple(c.width for c in section.columns),
                tuple(rows),
            )
        )
    return tuple(tables)


def build_report(
    session: Any,
    period: Period,
    form: FormDefinition = DEFAULT_QUARTERLY,
    *,
    frozen: dict[str, int | float | None] | None = None,
    unit_ids: list[str] | None = None,
    facts: Facts | None = None,
) -> Report:
    """Compute every indicator of the form for the period (or present frozen figures), for this
    unit or, at the upper level, for the given units together (or over facts already read)."""
    with collector_paused():
        if facts is None and unit_ids:
            facts = Facts(session, unit_ids)
        ctx = Context(session, period, facts)
        evaluation: Evaluation = evaluate(ctx, form.keys(period))
        values = dict(evaluation.values)
        # The movement balance is checked whatever the form shows.
        missing = [k for k in (*BALANCE_KEYS, *PETITION_IN, *PETITION_OUT) if k not in values]
        checked = Evaluation({**values, **evaluate(ctx, missing).values}) if missing else evaluation
        problems = [
            *balance_problems(ctx, checked),
            *petition_problems(ctx, checked),  # letters balance like members
            *register_mismatches(ctx),
        ]
        if frozen is not None:
            values = {k: Explained(frozen.get(k), v.later(), v.note) for k, v in values.items()}
        return Report(period, form, values, build_tables(form, period, values), tuple(problems))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Computing a report allocates many short-lived rows and tuples and creates no reference cycles
    of its own: the cyclic garbage collector's passes over them (a third of the time) are paused
    meanwhile, then it is left as it was (nested or concurrent reports never leave it off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass(frozen=True)
class Narrative:
    results: str = ""
    shortcomings: str = ""
    tasks: str = ""


BLANK_NAME = "." * 40
BLANK_LINE = "." * 110


def signing_date(on: date | None = None) -> date:
    """The date line of a report: the date of signing, the printing date by default, never later
    than today (a year report printed on 2 December is not dated 31/12)."""
    now = today()
    return min(on or now, now)


def report_document(
    session: Any,
    report: Report,
    narrative: Narrative,
    *,
    number: int | None = None,
    signer: str = "",
    on: date | None = None,
    footer: str = "",
    draft: bool = False,
) -> Document:
    """The report in the Party document format: header, BÁO CÁO, subject, narrative, tables,
    T/M ĐẢNG ỦY signature and Nơi nhận. A draft says DỰ THẢO on every page and shows what is still
    missing (number, text, signer's name) as blanks to fill, never as finished text."""
    unit = org.own_unit(session)
    on = signing_date(on)
    upper = org.current_upper_level(session, on)
    header = Header.build(
        upper.header_line if upper else unit.province,
        unit.committee_name,
        doc_number(None if draft else number, "BC", unit.symbol),
        unit.place_name,
        on,
    )
    blocks: list[Paragraph | Table] = []
    for title, text in (
        ("I. KẾT QUẢ ĐẠT ĐƯỢC", narrative.results),
        ("II. HẠN CHẾ, KHUYẾT ĐIỂM", narrative.shortcomings),
        ("III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", narrative.tasks),
    ):
        blocks.append(Paragraph(title, "heading", indent=False))
        paragraphs = [p for p in (text or "").split("\n") if p.strip()]
        blocks.extend(Paragraph(p) for p in paragraphs)
        if not paragraphs:
            blocks.extend(Paragraph(BLANK_LINE, "fill", indent=False) for _ in range(4))
    blocks.append(Paragraph("IV. SỐ LIỆU THỐNG KÊ", "heading", indent=False))
    for table in report.tables:
        blocks.append(
            Table(
                table.columns,
                table.rows,
                widths=table.widths,
                align=table.align,
                font_size=11,
                caption=table.title,
            )
        )
    board = upper.organisation_board if upper and upper.organisation_board else "Ban Tổ chức cấp trên"
    recipients = (f"- {board} (b/c),", "- Thường trực Đảng ủy,", "- Lưu VP.")
    subject = f"Kết quả công tác xây dựng Đảng {report.period.label}"
    return Document(
        header=header,
        title="BÁO CÁO",
        subject=subject,
        blocks=tuple(blocks),
        signatures=(None, SignatureBlock("T/M ĐẢNG ỦY", "BÍ THƯ", signer.strip() or BLANK_NAME)),
        recipients=recipients,
        footer=footer,
        draft=draft,
        metadata={"period": report.period.key},
    )


def printable_report(
    session: Any,
    report: Report,
    snapshot: reports.SnapshotView | None,
    *,
    footer: str = "",
    on: date | None = None,
) -> Document:
    """The report as printed by the window and the command line alike: a finalised one with its
    number, signer and the date it was finalised; anything else is a DỰ THẢO dated the printing day."""
    final = snapshot is not None and snapshot.status == "final"
    if on is None and final and snapshot is not None and snapshot.finalised_at is not None:
        on = snapshot.finalised_at.astimezone().date()
    return report_document(
        session,
        report,
        narrative_of(snapshot),
        number=snapshot.number if snapshot else None,
        signer=snapshot.signer if snapshot else "",
        on=on,
        footer=footer,
        draft=not final,
    )


def cutoff_date(session: Any, period: Period) -> date:
    """The deadline for submitting the period's report (day of the following month, configurable)."""
    days: dict[str, int] = rule(session, "report.cutoff_day", period.end)
    day = days.get(period.code[0] if period.code.startswith("Q") else period.code, 20)
    month = period.end.month % 12 + 1
    year = period.end.year + (1 if period.end.month == 12 else 0)
    return date(year, month, min(day, 28))


def finalise_report(
    session: Any, period: Period, form: FormDefinition = DEFAULT_QUARTERLY, number: int | None = None
) -> reports.SnapshotView:
    """Compute, check and freeze: refused while movements do not balance or the register disagrees."""
    report = build_report(session, period, form)
    return reports.finalise(session, period.key, form.key, report.figures(), list(report.problems), number)


def current_report(
    session: Any, period: Period, form: FormDefinition = DEFAULT_QUARTERLY
) -> tuple[Report, reports.SnapshotView | None, reports.Drift | None]:
    """The report as it should be printed: a finalised one keeps its frozen figures (with the drift
    since then); a draft shows the live figures."""
    snapshot = reports.get(session, period.key, form.key)
    live = build_report(session, period, form)
    if snapshot is None or snapshot.status != "final":
        return live, snapshot, None
    frozen = build_report(session, period, form, frozen=snapshot.figures)
    return frozen, snapshot, reports.drift(session, snapshot, live.figures())


def narrative_of(snapshot: reports.SnapshotView | None) -> Narrative:
    if snapshot is None:
        return Narrative()
    n = snapshot.narrative
    return Narrative(n.get("results", ""), n.get("shortcomings", ""), n.get("tasks", ""))
