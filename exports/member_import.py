"""Import of existing member lists from Excel (clerks keep them in Excel today).

Hostile files are refused before parsing: size cap, zip structure (allow-listed member names, no path
traversal, total and per-member size caps, compression-ratio cap), defusedxml active in openpyxl, a
row cap. Text in legacy Vietnamese encodings (TCVN3/ABC, VNI) and formula cells are refused with a
clear message. The import itself is staged: `read_rows` → `preview` (per-row errors and warnings) →
`apply` of the rows the user chose, all in the caller's single transaction. `import_members` is what
the CLI and the wizard call: a verified backup (reason "import") first, then `apply` and an audit
entry in one transaction."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from exports import backup
from models import audit
from models.dates import add_months, format_date, parse_date
from models.db import Database, unit_of_work
from models.errors import DomainError, ValidationError
from models.i18n import QT_TRANSLATE_NOOP, translate
from models.picklists import normalise_ethnicity
from models.security import Actor, Permission, require
from models.services import membership as ms
from models.services import organisation as org
from models.text import clean, fold, looks_legacy_encoded, split_full_name

CTX = "import"
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 250 * 1024 * 1024
MAX_MEMBER_BYTES = 120 * 1024 * 1024
MAX_RATIO = 150
MAX_ZIP_MEMBERS = 2000
MAX_ROWS = 20_000
_ALLOWED_MEMBER = re.compile(
    r"^(\[Content_Types\]\.xml|_rels/\.rels|docProps/[A-Za-z0-9_]+\.xml|xl/[A-Za-z0-9_/.\-\[\]]+\.(xml|rels|bin|png|jpe?g|emf|wmf|gif|vml))$"
)

FIELDS: dict[str, str] = {
    "full_name": QT_TRANSLATE_NOOP("import", "Họ và tên"),
    "family_name": QT_TRANSLATE_NOOP("import", "Họ"),
    "middle_name": QT_TRANSLATE_NOOP("import", "Tên đệm"),
    "given_name": QT_TRANSLATE_NOOP("import", "Tên"),
    "sex": QT_TRANSLATE_NOOP("import", "Giới tính"),
    "date_of_birth": QT_TRANSLATE_NOOP("import", "Ngày sinh"),
    "ethnicity": QT_TRANSLATE_NOOP("import", "Dân tộc"),
    "religion": QT_TRANSLATE_NOOP("import", "Tôn giáo"),
    "place_of_birth": QT_TRANSLATE_NOOP("import", "Nơi sinh"),
    "home_town": QT_TRANSLATE_NOOP("import", "Quê quán"),
    "permanent_address": QT_TRANSLATE_NOOP("import", "Nơi thường trú"),
    "cccd": QT_TRANSLATE_NOOP("import", "Số CCCD"),
    "party_card_no": QT_TRANSLATE_NOOP("import", "Số thẻ đảng viên"),
    "life_history_no": QT_TRANSLATE_NOOP("import", "Số lý lịch"),
    "phone": QT_TRANSLATE_NOOP("import", "Điện thoại"),
    "general_education": QT_TRANSLATE_NOOP("import", "Trình độ học vấn"),
    "cell": QT_TRANSLATE_NOOP("import", "Chi bộ"),
    "admission_decision_date": QT_TRANSLATE_NOOP("import", "Ngày quyết định kết nạp"),
    "admission_date": QT_TRANSLATE_NOOP("import", "Ngày vào Đảng"),
    "official_date": QT_TRANSLATE_NOOP("import", "Ngày chính thức"),
    "skip": QT_TRANSLATE_NOOP("import", "(bỏ qua)"),
}
# Header words clerks use, folded, for suggesting a mapping.
_SYNONYMS = {
    "ho va ten": "full_name", "ho ten": "full_name", "ho": "family_name", "ten dem": "middle_name", "dem": "middle_name",
    "ten": "given_name", "gioi tinh": "sex", "nam/nu": "sex", "ngay sinh": "date_of_birth", "ngay thang nam sinh": "date_of_birth",
    "dan toc": "ethnicity", "ton giao": "religion", "noi sinh": "place_of_birth", "que quan": "home_town",
    "noi thuong tru": "permanent_address", "dia chi": "permanent_address", "so cccd": "cccd", "cccd": "cccd", "so dinh danh": "cccd",
    "so the": "party_card_no", "so the dang vien": "party_card_no", "so ly lich": "life_history_no", "dien thoai": "phone",
    "so dien thoai": "phone", "hoc van": "general_education", "trinh do hoc van": "general_education",
    "van hoa": "general_education", "chi bo": "cell", "ngay vao dang": "admission_date", "ngay ket nap": "admission_date",
    "ngay quyet dinh ket nap": "admission_decision_date", "ngay chinh thuc": "official_date",
}  # fmt: skip


class ImportRefused(DomainError):
    """The whole file is refused (hostile, legacy-encoded, too large, not an Excel workbook)."""

    context = CTX


def _refuse(text: str, **params: Any) -> ImportRefused:
    return ImportRefused(text, context=CTX, **params)


@dataclass(frozen=True)
class Mapping:
    """Which spreadsheet column (by header text) feeds which field; saved as JSON and remembered."""

    columns: dict[str, str]
    sheet: str | None = None
    header_row: int = 1

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        try:
            data = json.loads(text)
            columns = {clean(str(k)): str(v) for k, v in dict(data["columns"]).items()}
            mapping = cls(columns, data.get("sheet"), int(data.get("header_row", 1)))
        except (ValueError, KeyError, TypeError):
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "import",
                    'Tệp ánh xạ cột không đúng dạng JSON {{"columns": {{"Tiêu đề cột": "trường"}}}}.',
                )
            ) from None
        unknown = sorted(v for v in mapping.columns.values() if v not in FIELDS)
        if unknown:
            raise _refuse(
                QT_TRANSLATE_NOOP("import", "Tệp ánh xạ có trường không biết: {fields}."),
                fields=", ".join(unknown),
            )
        return mapping

    @classmethod
    def from_file(cls, path: Path) -> Mapping:
        """A mapping file as Excel users save it: UTF-8 (with or without a byte-order mark) or, as
        Windows Notepad's "Unicode", UTF-16 with its mark; anything else is refused with a message."""
        data = path.read_bytes()
        boms = (
            (codecs.BOM_UTF32_LE, "utf-32"),
            (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF8, "utf-8-sig"),
            (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"),
        )
        encoding = next((name for bom, name in boms if data.startswith(bom)), "utf-8")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "import",
                    "Tệp ánh xạ cột không phải văn bản UTF-8 hoặc UTF-16. Hãy lưu lại tệp với bảng mã UTF-8.",
                )
            ) from None
        return cls.from_json(text)

    def to_json(self) -> str:
        return json.dumps(
            {"sheet": self.sheet, "header_row": self.header_row, "columns": self.columns},
            ensure_ascii=False,
            indent=2,
        )


def suggest_mapping(headers: list[str]) -> Mapping:
    columns = {}
    for header in headers:
        key = fold(header).strip(" :.*")
        columns[header] = _SYNONYMS.get(key, "skip")
    return Mapping(columns)


def check_container(path: Path) -> None:
    """Refuse anything that is not a plausible, bounded XLSX before openpyxl sees it."""
    try:
        size = path.stat().st_size
    except OSError:
        raise _refuse(
            QT_TRANSLATE_NOOP("import", "Không đọc được tệp {name}. Hãy kiểm tra tệp còn trên máy."),
            name=path.name,
        ) from None
    if size > MAX_FILE_BYTES:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "import", "Tệp quá lớn ({mb} MB; tối đa 25 MB). Hãy chia danh sách thành nhiều tệp nhỏ hơn."
            ),
            mb=size // (1024 * 1024),
        )
    if not zipfile.is_zipfile(path):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "import",
                "Tệp {name} không phải bảng tính Excel .xlsx. Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dạng .xlsx.",
            ),
            name=path.name,
        )
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise _refuse(
                QT_TRANSLATE_NOOP("import", "Tệp có cấu trúc bất thường (quá nhiều thành phần). Không nhập.")
            )
        total = 0
        for info in infos:
            name = info.filename
            if (
                name.startswith("/")
                or ".." in name.split("/")
                or "\\" in name
                or not _ALLOWED_MEMBER.match(name)
            ):
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "import", "Tệp có thành phần lạ ({part}); có thể là tệp độc hại. Không nhập."
                    ),
                    part=name[:60],
                )
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if (
                info.file_size > MAX_MEMBER_BYTES
                or total > MAX_UNCOMPRESSED_BYTES
                or (info.file_size > 1_000_000 and ratio > MAX_RATIO)
            ):
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "import",
                        "Tệp giải nén ra quá lớn (có thể là “bom nén”). Không nhập; hãy kiểm tra nguồn gốc tệp.",
                    )
                )
        if "xl/workbook.xml" not in {i.filename for i in infos}:
            raise _refuse(
                QT_TRANSLATE_NOOP("import", "Tệp {name} không phải bảng tính Excel .xlsx hợp lệ."),
                name=path.name,
            )


@dataclass(frozen=True)
class Table:
    sheet: str
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (spreadsheet row number, values)


def read_table(path: Path, mapping: Mapping | None = None, *, max_rows: int = MAX_ROWS) -> Table:
    """Read the sheet's header row and data rows, refusing formulas and legacy encodings."""
    check_container(path)
    import openpyxl
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # pragma: no cover - defusedxml is a locked dependency
        raise _refuse(
            QT_TRANSLATE_NOOP("import", "Thiếu thư viện đọc XML an toàn (defusedxml); không nhập tệp.")
        )
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - any parser failure on a hostile file is a refusal, not a crash
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "import", "Không đọc được bảng tính {name}: tệp bị hỏng hoặc không đúng định dạng."
            ),
            name=path.name,
        ) from None
    try:
        sheet_name = mapping.sheet if mapping and mapping.sheet else wb.sheetnames[0]
        if sheet_name not in wb.sheetnames:
            raise _refuse(
                QT_TRANSLATE_NOOP("import", "Không có trang tính “{sheet}” trong tệp."), sheet=sheet_name
            )
        ws = wb[sheet_name]
        header_row = mapping.header_row if mapping else 1
        declared = ws.max_row  # from the sheet's dimension record; the loop below still counts
        if declared is not None and declared - header_row > max_rows:
            raise _too_many_rows(max_rows)
        headers: list[str] = []
        rows: list[tuple[int, list[Any]]] = []
        for number, row in enumerate(ws.iter_rows(), start=1):
            if number < header_row:
                continue
            values = []
            for cell in row:
                if getattr(cell, "data_type", "") == "f":
                    raise _refuse(
                        QT_TRANSLATE_NOOP(
                            "import",
                            "Ô {cell} chứa công thức. Hãy chép và “dán giá trị” (Paste Values) rồi lưu lại tệp trước khi nhập.",
                        ),
                        cell=getattr(cell, "coordinate", f"dòng {number}"),
                    )
                value = cell.value
                if isinstance(value, str):
                    value = unicodedata.normalize("NFC", value)
                    if looks_legacy_encoded(value):
                        raise _refuse(
                            QT_TRANSLATE_NOOP(
                                "import",
                                "Dòng {row} có chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI), ví dụ “{sample}”. Hãy dùng Unikey → Công cụ chuyển mã sang Unicode rồi nhập lại.",
                            ),
                            row=number,
                            sample=value[:30],
                        )
                values.append(value)
            if number == header_row:
                headers = [clean(str(v)) if v is not None else "" for v in values]
                continue
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if len(rows) >= max_rows:
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "import",
                        "Tệp có hơn {max} dòng. Hãy chia thành nhiều tệp (ví dụ mỗi chi bộ một tệp).",
                    ),
                    max=f"{max_rows:,}".replace(",", "."),
                )
            rows.append((number, values))
    finally:
        wb.close()
    return Table(sheet_name, headers, rows)


def _too_many_rows(max_rows: int) -> ImportRefused:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "import", "Tệp có hơn {max} dòng. Hãy chia thành nhiều tệp (ví dụ mỗi chi bộ một tệp)."
        ),
        max=f"{max_rows:,}".replace(",", "."),
    )


@dataclass
class ImportRow:
    row: int
    values: dict[str, Any]
    profile: ms.Profile | None = None
    cell_id: str | None = None
    admission_decision_date: date | None = None
    admission_date: date | None = None
    official_date: date | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        if self.profile is None:
            return str(self.values.get("full_name") or self.values.get("given_name") or "")
        return " ".join(
            p for p in (self.profile.family_name, self.profile.middle_name, self.profile.given_name) if p
        )


@dataclass(frozen=True)
class ImportPreview:
    rows: list[ImportRow]

    @property
    def valid(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.errors]

    @property
    def invalid(self) -> list[ImportRow]:
        return [r for r in self.rows if r.errors]

    @property
    def warned(self) -> list[ImportRow]:
        return [r for r in self.rows if r.warnings and not r.errors]


def _tr(text: str) -> str:
    return translate(CTX, text)


def _date(value: Any, label: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1000 <= value <= 9999:
        return date(int(value), 1, 1)
    try:
        return parse_date(str(value))
    except ValidationError as exc:
        raise ValueError(f"{label}: {exc.text()}") from None


def _sex(value: Any) -> str | None:
    key = fold(str(value or ""))
    return {"nam": "M", "m": "M", "male": "M", "nu": "F", "f": "F", "female": "F"}.get(key)


def sample_text(value: Any) -> str:
    """A cell as the mapping step shows it: dates as dd/mm/yyyy (Excel gives a date cell as a
    datetime at midnight, shown raw as "1970-03-05 00:00:00"), whole numbers without ".0"."""
    if isinstance(value, datetime):
        return (
            value.strftime("%d/%m/%Y")
            if value.time() == datetime.min.time()
            else value.strftime("%d/%m/%Y %H:%M")
        )
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return _text(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value))


def _parse_row(row: int, values: dict[str, Any], cells: dict[str, str]) -> ImportRow:
    item = ImportRow(row, values)
    try:
        if values.get("full_name"):
            family, middle, given = split_full_name(_text(values["full_name"]))
        else:
            family, middle, given = (
                _text(values.get(k)) for k in ("family_name", "middle_name", "given_name")
            )
        sex = _sex(values.get("sex"))
        if sex is None:
            item.errors.append(_tr(QT_TRANSLATE_NOOP("import", "Giới tính phải là Nam hoặc Nữ.")))
        dob = _date(values.get("date_of_birth"), _tr(FIELDS["date_of_birth"]))
        if dob is None:
            item.errors.append(_tr(QT_TRANSLATE_NOOP("import", "Thiếu ngày sinh.")))
        item.admission_date = _date(values.get("admission_date"), _tr(FIELDS["admission_date"]))
        item.admission_decision_date = _date(
            values.get("admission_decision_date"), _tr(FIELDS["admission_decision_date"])
        )
        item.official_date = _date(values.get("official_date"), _tr(FIELDS["official_date"]))
    except ValueError as exc:
        item.errors.append(str(exc))
        return item
    if item.admission_date is None:
        item.errors.append(_tr(QT_TRANSLATE_NOOP("import", "Thiếu ngày vào Đảng.")))
    cell_name = _text(values.get("cell"))
    item.cell_id = cells.get(fold(cell_name))
    if item.cell_id is None:
        item.errors.append(
            _tr(
                QT_TRANSLATE_NOOP(
                    "import", "Không có chi bộ “{cell}” trong danh sách chi bộ. Hãy thêm chi bộ hoặc sửa tên."
                )
            ).format(cell=cell_name)
        )
    ethnicity_raw = _text(values.get("ethnicity")) or "Kinh"
    ethnicity = normalise_ethnicity(ethnicity_raw)
    if ethnicity is None:
        item.warnings.append(
            _tr(
                QT_TRANSLATE_NOOP("import", "Dân tộc “{value}” không có trong danh mục; giữ nguyên như ghi.")
            ).format(value=ethnicity_raw)
        )
        ethnicity = ethnicity_raw
    if item.errors or dob is None or sex is None:
        return item
    item.profile = ms.Profile(
        family_name=family,
        middle_name=middle,
        given_name=given,
        sex=sex,
        date_of_birth=dob,
        ethnicity=ethnicity,
        religion=_text(values.get("religion")) or "Không",
        place_of_birth=_text(values.get("place_of_birth")),
        home_town=_text(values.get("home_town")),
        permanent_address=_text(values.get("permanent_address")),
        cccd=_text(values.get("cccd")).replace(" ", "") or None,
        party_card_no=_text(values.get("party_card_no")).replace(" ", "") or None,
        life_history_no=_text(values.get("life_history_no")) or None,
        phone=_text(values.get("phone")),
        general_education=_text(values.get("general_education")),
    )
    return item


def preview(session: Any, table: Table, mapping: Mapping) -> ImportPreview:
    """Validate every row against the rules and the database, without writing anything. Refused at
    once for an account that may not enter members (never a preview of "valid" rows it cannot import)."""
    require(session, Permission.EDIT_REGISTER)
    cells: dict[str, str] = {}
    for c in org.list_cells(session, include_closed=False):
        full = fold(c.name)
        short = full.removeprefix("chi bo ").strip()
        for alias in (
            full,
            short,
            short.removeprefix("ban ").strip(),
            short.removeprefix("tieu khu ").strip(),
        ):
            cells.setdefault(alias, c.id)
    index = {h: i for i, h in enumerate(table.headers)}
    missing = [h for h in mapping.columns if h not in index and mapping.columns[h] != "skip"]
    if missing:
        raise _refuse(
            QT_TRANSLATE_NOOP("import", "Tệp không có cột “{column}” như trong ánh xạ. Hãy chọn lại cột."),
            column=missing[0],
        )
    seen_cccd: dict[str, int] = {}
    rows: list[ImportRow] = []
    for number, values in table.rows:
        by_field = {
            target: values[index[header]] if index[header] < len(values) else None
            for header, target in mapping.columns.items()
            if target != "skip"
        }
        item = _parse_row(number, by_field, cells)
        if item.profile is not None:
            try:
                item.warnings += ms.validate_profile(session, item.profile)
            except DomainError as exc:
                item.errors.append(
                    exc.text() if not isinstance(exc, ValidationError) else "; ".join(exc.errors.values())
                )
            if item.cell_id is not None and item.admission_date is not None:
                decision = item.admission_decision_date or item.admission_date
                admit = ms.Admit(
                    item.profile, item.cell_id, decision, decision, "", item.admission_date, over_age_note="-"
                )
                try:
                    ms.admission_checks(session, admit)
                except DomainError as exc:
                    item.errors.append(
                        exc.text() if not isinstance(exc, ValidationError) else "; ".join(exc.errors.values())
                    )
                if item.official_date is not None and item.official_date < add_months(
                    item.admission_date, 12
                ):
                    item.errors.append(
                        _tr(
                            QT_TRANSLATE_NOOP(
                                "import", "Ngày chính thức {official} sớm hơn 12 tháng sau ngày vào Đảng."
                            )
                        ).format(official=format_date(item.official_date))
                    )
            cccd = item.profile.cccd
            if cccd and cccd in seen_cccd:
                item.errors.append(
                    _tr(QT_TRANSLATE_NOOP("import", "Trùng số CCCD với dòng {row}.")).format(
                        row=seen_cccd[cccd]
                    )
                )
            elif cccd:
                seen_cccd[cccd] = number
        rows.append(item)
    return ImportPreview(rows)


def apply(
    session: Any, chosen: list[ImportRow], progress: Callable[[int, int], None] | None = None
) -> list[str]:
    """Create the chosen rows through the member services, in the caller's transaction (all or
    nothing). Each becomes an admission at its recorded dates, recognised as official when dated."""
    created: list[str] = []
    for i, item in enumerate(chosen, start=1):
        if item.errors or item.profile is None or item.cell_id is None or item.admission_date is None:
            raise _refuse(
                QT_TRANSLATE_NOOP("import", "Dòng {row} còn lỗi nên không nhập được."), row=item.row
            )
        decision = item.admission_decision_date or item.admission_date
        try:
            result = ms.admit(
                session,
                ms.Admit(
                    profile=item.profile,
                    cell_id=item.cell_id,
                    consideration_date=decision,
                    decision_date=decision,
                    decision_no="",
                    ceremony_date=item.admission_date,
                    over_age_note="Nhập từ danh sách cũ",
                ),
            )
            if item.official_date is not None:
                ms.recognise_official(session, ms.EventInput(result.member_id, item.official_date))
        except DomainError as exc:
            raise _refuse(
                QT_TRANSLATE_NOOP("import", "Dòng {row}: {reason}"), row=item.row, reason=exc.text()
            ) from exc
        created.append(result.member_id)
        if progress is not None:
            progress(i, len(chosen))
    return created


@dataclass(frozen=True)
class ImportResult:
    created: list[str]  # the new members' ids
    backup: backup.BackupInfo  # the verified copy taken before anything was imported


def import_members(
    db: Database,
    actor: Actor,
    chosen: list[ImportRow],
    progress: Callable[[int, int], None] | None = None,
    *,
    backup_folder: Path | None = None,
) -> ImportResult:
    """Back up the database (verified; if that fails nothing is imported), then create the chosen rows
    and the audit entry of the import in one transaction (all or nothing)."""
    taken = backup.backup_before_import(db, backup_folder)
    with unit_of_work(db, actor) as session:
        created = apply(session, chosen, progress)
        audit.record_output(session, "import", "member", count=len(created), file_format="xlsx")
    return ImportResult(created, taken)
