"""Report forms as data. A form is sections of rows; each row names an indicator from the catalogue
(and optionally the indicator it is a share of). A province's real statistical form is a new
`FormDefinition`; the renderers (PDF, XLSX) and the finalisation never change.

No official form number is invented: the default form is named plainly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from forms.document import Document, Header, Paragraph, SignatureBlock, Table, doc_number, vi_decimal, vi_int
from forms.indicators import (
    CATALOGUE,
    Context,
    Evaluation,
    Explained,
    balance_problems,
    evaluate,
    register_mismatches,
)
from forms.periods import Period
from models.rules import rule
from models.services import organisation as org
from models.services import reports
from models.services.statistics import Facts


@dataclass(frozen=True)
class FormRow:
    key: str  # indicator key
    share_of: str | None = None  # show value as % of this indicator too
    indent: int = 0
    label: str = ""  # overrides the indicator's label


@dataclass(frozen=True)
class FormSection:
    title: str
    rows: tuple[FormRow, ...]
    yearly_only: bool = False


@dataclass(frozen=True)
class FormDefinition:
    key: str
    name: str
    sections: tuple[FormSection, ...]

    def keys(self, period: Period) -> list[str]:
        keys: list[str] = []
        for section in self.sections:
            if section.yearly_only and not period.is_year:
                continue
            for row in section.rows:
                keys.append(row.key)
                if row.share_of:
                    keys.append(row.share_of)
        return list(dict.fromkeys(keys))


def _rows(keys: list[str], share_of: str | None = None, indent: int = 1) -> tuple[FormRow, ...]:
    return tuple(FormRow(k, share_of, indent) for k in keys)


def _family(prefix: str) -> list[str]:
    return [k for k in CATALOGUE if k.startswith(prefix)]


DEFAULT_QUARTERLY = FormDefinition(
    key="default-quarterly",
    name="Biểu số liệu công tác xây dựng Đảng (mẫu chung của chương trình)",
    sections=(
        FormSection(
            "1. Đảng viên đến cuối kỳ",
            (
                FormRow("members.total", indent=0),
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
                FormRow("members.average_age", indent=0),
                *_rows(_family("members.age."), "members.total"),
                *_rows(_family("members.occupation."), "members.total"),
                *_rows(_family("members.education."), "members.total"),
                *_rows(_family("members.professional."), "members.total"),
                *_rows(_family("members.theory."), "members.total"),
            ),
        ),
        FormSection(
            "2. Biến động đảng viên trong kỳ",
            (
                FormRow("move.opening", indent=0),
                *_rows(["move.admitted", "move.readmitted", "move.transfer_in"]),
                *_rows(["move.transfer_out", "move.died", "move.struck_off", "move.left", "move.expelled"]),
                FormRow("move.closing", indent=0),
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
        ),
        FormSection(
            "3. Tổ chức cơ sở đảng",
            (
                FormRow("org.cells", indent=0),
                *_rows(_family("org.cells.")),
                *_rows(["org.secretary_village_head", "org.congress_held"]),
                FormRow("org.villages", indent=0),
                *_rows(["org.villages_no_cell", "org.villages_no_member"]),
            ),
        ),
        FormSection(
            "4. Sinh hoạt chi bộ",
            (
                FormRow("meet.regular_due", indent=0),
                FormRow("meet.regular_held", "meet.regular_due", indent=1),
                *_rows(["meet.thematic_held", "meet.assigned_attended", "meet.attendance_pct"]),
                *_rows(_family("meet.quality.")),
            ),
        ),
        FormSection(
            "5. Kiểm tra, giám sát, kỷ luật",
            (*_rows(_family("insp."), indent=0), *_rows(_family("disc."), indent=0)),
        ),
        FormSection("6. Giải quyết đơn thư", _rows(_family("pet."), indent=0)),
        FormSection("7. Đào tạo, bồi dưỡng", _rows([*_family("train.")], indent=0)),
        FormSection("8. Đảng phí", _rows(_family("dues."), indent=0)),
        FormSection(
            "9. Đánh giá, xếp loại chất lượng (cuối năm)",
            (
                *(
                    FormRow(k, None, 1, f"Đảng viên: {CATALOGUE[k].label.lower()}")
                    for k in _family("rating.members.")
                ),
                *(
                    FormRow(k, None, 1, f"Tổ chức đảng: {CATALOGUE[k].label.lower()}")
                    for k in _family("rating.orgs.")
                ),
            ),
            yearly_only=True,
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


@dataclass(frozen=True)
class ReportTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    keys: tuple[str, ...]  # the indicator of each row (for explanations)


@dataclass(frozen=True)
class Report:
    period: Period
    form: FormDefinition
    values: dict[str, Explained]
    tables: tuple[ReportTable, ...]
    problems: tuple[str, ...]

    def figures(self) -> dict[str, int | float | None]:
        return {k: v.value for k, v in self.values.items()}


def build_tables(
    form: FormDefinition, period: Period, values: dict[str, Explained]
) -> tuple[ReportTable, ...]:
    tables = []
    for section in form.sections:
        if section.yearly_only and not period.is_year:
            continue
        rows, keys = [], []
        for i, row in enumerate(section.rows, start=1):
            ind = CATALOGUE[row.key]
            value = values[row.key].value
            share = ""
            if row.share_of and value is not None:
                base = values[row.share_of].value
                share = vi_decimal(100 * float(value) / float(base), 1) if base else "–"
            label = ("   " * row.indent) + (row.label or ind.label)
            rows.append((str(i), label, ind.unit, format_value(value, ind.unit), share))
            keys.append(row.key)
        tables.append(
            ReportTable(
                section.title, ("TT", "Chỉ tiêu", "Đơn vị", "Số lượng", "Tỷ lệ (%)"), tuple(rows), tuple(keys)
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
) -> Report:
    """Compute every indicator of the form for the period (or present frozen figures), for this
    unit or, at the upper level, for the given units together."""
    ctx = Context(session, period, Facts(session, unit_ids) if unit_ids else None)
    evaluation: Evaluation = evaluate(ctx, form.keys(period))
    values = dict(evaluation.values)
    problems = [*balance_problems(ctx, evaluation), *register_mismatches(ctx)]
    if frozen is not None:
        values = {k: Explained(frozen.get(k), v.records, v.note) for k, v in values.items()}
    return Report(period, form, values, build_tables(form, period, values), tuple(problems))


@dataclass(frozen=True)
class Narrative:
    results: str = ""
    shortcomings: str = ""
    tasks: str = ""


def report_document(
    session: Any,
    report: Report,
    narrative: Narrative,
    *,
    number: int | None = None,
    signer: str = "",
    on: date | None = None,
    footer: str = "",
) -> Document:
    """The report in the Party document format: header, BÁO CÁO, subject, narrative, tables,
    T/M ĐẢNG ỦY signature and Nơi nhận."""
    unit = org.own_unit(session)
    on = on or report.period.end
    upper = org.current_upper_level(session, on)
    header = Header.build(
        upper.header_line if upper else unit.province,
        unit.committee_name,
        doc_number(number, "BC", unit.symbol),
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
        blocks.extend(Paragraph(p) for p in paragraphs or ["(Chưa có nội dung.)"])
    blocks.append(Paragraph("IV. SỐ LIỆU THỐNG KÊ", "heading", indent=False))
    for table in report.tables:
        blocks.append(
            Table(
                table.columns,
                table.rows,
                widths=(0.5, 5.0, 1.0, 1.2, 1.1),
                align=("center", "left", "center", "right", "right"),
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
        signatures=(None, SignatureBlock("T/M ĐẢNG ỦY", "BÍ THƯ", signer)),
        recipients=recipients,
        footer=footer,
        metadata={"period": report.period.key},
    )


def cutoff_date(session: Any, period: Period) -> date:
    """The deadline for submitting the period's report (day of the following month, configurable)."""
    days: dict[str, int] = rule(session, "report.cutoff_day", period.end)
    day = days.get(period.code[0] if period.code.startswith("Q") else period.code, 20)
    month = period.end.month % 12 + 1
    year = period.end.year + (1 if period.end.month == 12 else 0)
    return date(year, month, min(day, 28))


def finalise_report(
    session: Any, period: Period, form: FormDefinition = DEFAULT_QUARTERLY
) -> reports.SnapshotView:
    """Compute, check and freeze: refused while movements do not balance or the register disagrees."""
    report = build_report(session, period, form)
    return reports.finalise(session, period.key, form.key, report.figures(), list(report.problems))


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
