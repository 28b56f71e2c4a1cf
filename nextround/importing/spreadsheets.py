"""Read workbooks (.xlsx .xlsm .xlsb .xls .ods) into typed rows, after checking them for zip bombs.

calamine reads first (fast, never expands XML entities); openpyxl (with defusedxml) is the fallback
for an xlsx calamine rejects.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast
from xml.etree.ElementTree import ParseError

import openpyxl
import python_calamine
from defusedxml.ElementTree import fromstring

from nextround.importing.cells import MAX_COLUMNS, MAX_GRID_ROWS, too_many_columns, too_many_rows
from nextround.importing.errors import InputError

_FORMULA_SCAN_BYTES = 20_000_000


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells, with empty cells as None."""

    name: str
    hidden: bool
    rows: list[list[object]]
    too_wide: int = 0  # columns of a sheet left unread because it is wider than MAX_COLUMNS


def read_sheets(file_name: str, data: bytes, fmt: str) -> tuple[list[Sheet], list[str]]:
    """Every worksheet in workbook order, and notes for the import report.

    A sheet longer than MAX_GRID_ROWS refuses the file; a sheet wider than MAX_COLUMNS is left unread
    (empty, with a note), and the file is refused when nothing else in it holds data.
    """
    sheets = _read_any(file_name, data, fmt)
    notes = [
        f"Sheet '{s.name}' has {s.too_wide:,} columns, more than the {MAX_COLUMNS:,} that can be read, "
        "so it was left out."
        for s in sheets
        if s.too_wide
    ]
    if notes and not any(s.rows for s in sheets):
        raise InputError(too_many_columns(file_name, max(s.too_wide for s in sheets)))
    if fmt in {"xlsx", "xlsm"}:
        notes.extend(_formula_notes(data, sheets))
    return sheets, notes


def _read_any(file_name: str, data: bytes, fmt: str) -> list[Sheet]:
    try:
        return _read_with_calamine(file_name, data)
    except InputError:
        raise
    except python_calamine.PasswordError as error:
        raise password_protected(file_name) from error
    except Exception as error:
        if any(word in str(error).lower() for word in ("password", "encrypt")):
            raise password_protected(file_name) from error
        if "declared uncompressed size" in str(error):
            raise InputError(
                f"'{file_name}' unpacks to more than the sizes recorded inside it, so it was not read "
                "(it is damaged, or a zip bomb)."
            ) from error
        if fmt not in {"xlsx", "xlsm"}:
            raise _damaged(file_name, fmt, error) from error
        return _read_with_openpyxl(file_name, data, error)


def password_protected(file_name: str) -> InputError:
    return InputError(
        f"'{file_name}' is password-protected: remove the password in Excel "
        "(File → Info → Protect Workbook) and upload it again."
    )


def _damaged(file_name: str, fmt: str, error: BaseException) -> InputError:
    label = {"xls": "an Excel 97-2003 workbook", "ods": "an OpenDocument spreadsheet"}.get(
        fmt, "an Excel workbook"
    )
    detail = (str(error).strip().splitlines() or [type(error).__name__])[0][:120]
    return InputError(
        f"'{file_name}' could not be read as {label} ({detail}); it may be damaged. "
        "Open it in your spreadsheet program, save it again and re-upload."
    )


def _count_rows(file_name: str, sheet_name: str, height: int, before: int) -> int:
    """The rows of the sheets read so far with this one's; past MAX_GRID_ROWS the workbook is refused
    (many sheets of many rows are as costly as one long sheet)."""
    if height > MAX_GRID_ROWS:
        raise InputError(too_many_rows(file_name, f"{height:,} rows in sheet '{sheet_name}'"))
    if before + height > MAX_GRID_ROWS:
        raise InputError(too_many_rows(file_name, f"more than {MAX_GRID_ROWS:,} rows in its sheets together"))
    return before + height


def _read_with_calamine(file_name: str, data: bytes) -> list[Sheet]:
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets: list[Sheet] = []
    total = 0
    try:
        for meta in workbook.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            # Sizes are known before any cell becomes a Python object: refuse or skip the huge ones.
            total = _count_rows(file_name, meta.name, sheet.height, total)
            if sheet.width > MAX_COLUMNS:
                sheets.append(Sheet(meta.name, hidden, [], too_wide=sheet.width))
            else:
                rows = sheet.to_python(skip_empty_area=False)
                sheets.append(Sheet(meta.name, hidden, [_clean_row(r) for r in rows]))
    finally:
        workbook.close()
    return sheets


def _read_with_openpyxl(file_name: str, data: bytes, first_error: BaseException) -> list[Sheet]:
    # openpyxl parses through defusedxml (installed), so XML entities are never expanded.
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise _damaged(file_name, "xlsx", first_error) from error
    sheets: list[Sheet] = []
    total = 0
    try:
        for worksheet in workbook.worksheets:
            hidden = worksheet.sheet_state != "visible"
            # Rows are read up to the limit only: a longer sheet is refused before more become objects.
            values = worksheet.iter_rows(values_only=True)
            rows = [_clean_row(r) for r in itertools.islice(values, MAX_GRID_ROWS + 1 - total)]
            total = _count_rows(file_name, worksheet.title, len(rows), total)
            width = max(map(len, rows), default=0)
            if width > MAX_COLUMNS:
                sheets.append(Sheet(worksheet.title, hidden, [], too_wide=width))
            else:
                sheets.append(Sheet(worksheet.title, hidden, rows))
    except InputError:
        raise
    except Exception as error:
        raise _damaged(file_name, "xlsx", error) from error
    finally:
        workbook.close()
    return sheets


def _clean_cell(cell: object) -> object:
    if cell is None or cell == "":
        return None
    kind = type(cell)  # exact types, compared once: this runs for every cell of a workbook
    if kind is float:
        number = cast(float, cell)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind is dt.datetime:
        moment = cast(dt.datetime, cell)
        return moment.date() if moment == dt.datetime.combine(moment.date(), dt.time()) else moment
    if kind is dt.timedelta:
        return _duration_text(cast(dt.timedelta, cell))
    return cell


def _clean_row(row: Iterable[object]) -> list[object]:
    # Most cells are text: keep them on the fast path and call out only for the rest.
    return [(c or None) if type(c) is str else _clean_cell(c) for c in row]


def _duration_text(value: dt.timedelta) -> str:
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"


# A formula cell with no cached value: <c ...><f>...</f></c>, <f .../>, or an empty <v></v> after it.
_FORMULA_WITHOUT_VALUE = re.compile(
    rb"<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?"
    rb"\s*</(?:\w+:)?c>"
)


def _formula_notes(data: bytes, sheets: list[Sheet]) -> list[str]:
    """Name the sheets whose formulas were saved without results (calamine reads those as empty)."""
    unsaved = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            paths = _sheet_paths(archive)
            parts = set(archive.namelist())
            for sheet in sheets:
                path = paths.get(sheet.name, "")
                if path in parts:
                    with archive.open(path) as stream:
                        if _FORMULA_WITHOUT_VALUE.search(stream.read(_FORMULA_SCAN_BYTES)):
                            unsaved.append(sheet.name)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ParseError):
        return []
    return [
        f"Sheet '{name}' has formulas saved without their results, so those cells read as empty: "
        "open the file in Excel, let it calculate, save and upload again."
        for name in unsaved
    ]


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the path of its XML in the archive (workbook.xml names the sheets, its
    relationships name their parts)."""
    relationships = fromstring(archive.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
    targets = {rel.get("Id"): rel.get("Target", "") for rel in relationships}
    paths: dict[str, str] = {}
    for sheet in fromstring(archive.read("xl/workbook.xml"), forbid_dtd=True).iterfind(".//{*}sheet"):
        ids = [value for key, value in sheet.attrib.items() if key.rpartition("}")[2] == "id"]
        target = targets.get(ids[-1] if ids else None, "")
        if target:
            paths[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return paths
