"""Turn an uploaded file's bytes into raw grids of cells, one per sheet, deciding the format from the bytes.

Entry point of reading: ``read_workbook`` raises only ``InputError``; ``application_sheet`` picks the
sheet that holds the applications.
"""

from __future__ import annotations

import functools
import gc
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath

import numpy as np
import pandas as pd

from nextround.importing import spreadsheets, textfiles
from nextround.importing.cells import MAX_COLUMNS, blank_cells, flag_distinct, too_many_columns
from nextround.importing.errors import InputError
from nextround.importing.header import find_header, looks_like_tracker_label

MAX_FILE_BYTES: int = 200 * 1024 * 1024
ACCEPTED = "Upload .xlsx, .xlsm, .xls, .ods, .csv, .tsv or .txt."
WORKBOOK_FORMATS = frozenset({"xlsx", "xlsm", "xlsb", "xls", "ods"})
TEXT_FORMATS = frozenset({"csv", "tsv", "txt"})


@dataclass(frozen=True)
class Grid:
    """One sheet (or one text file) as a table of raw cells, before any header or meaning is known.

    Fully empty rows are left out (``row_numbers`` keeps each row's place); columns are numbered
    0..width-1, trailing empty columns trimmed. Workbook cells are Python objects (object dtype); text
    files give strings (str dtype). Missing cells are None/NaN.
    """

    name: str  # sheet name ("" for text files)
    cells: pd.DataFrame  # one row per non-empty row, positional column labels
    row_numbers: np.ndarray  # int64, 1-based row in the sheet; for text the record number (header = 1)
    repaired: tuple[tuple[int, str], ...] = ()  # (row number, what was repaired)
    problems: tuple[tuple[int, str], ...] = ()  # (row number, reason) rows that could not be read
    hidden: bool = False  # a hidden sheet in the workbook

    @property
    def width(self) -> int:
        return self.cells.shape[1]

    def __len__(self) -> int:
        return len(self.cells)

    def head(self, count: int) -> list[list[object]]:
        """The first rows as lists of cells (None where missing): what header finding looks at."""
        return _as_rows(self.cells.iloc[:count])

    @cached_property
    def rows(self) -> list[list[object]]:
        """Every row as a list of cells; for small grids and tests (large imports stay column-wise)."""
        return _as_rows(self.cells)


def _as_rows(frame: pd.DataFrame) -> list[list[object]]:
    values = frame.to_numpy(dtype=object, na_value=None)
    return values.tolist()


@dataclass(frozen=True)
class Workbook:
    file_name: str
    format: str  # "xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "tsv", "txt"
    grids: tuple[Grid, ...]  # one per worksheet, in workbook order (hidden ones marked)
    encoding: str | None = None  # text files: the encoding detected
    delimiter: str | None = None  # text files: the delimiter sniffed
    notes: tuple[str, ...] = ()  # plain sentences for the import report


def read_workbook(file_name: str, data: bytes) -> Workbook:
    """Read any upload into grids; raises InputError (one sentence for the user), never anything else."""
    with paused_gc():
        try:
            return _read(file_name, data)
        except InputError:
            raise
        except MemoryError:
            raise InputError(f"'{file_name}' is too large to read on this computer.") from None
        except Exception as error:
            raise InputError(f"'{file_name}' could not be read; it may be damaged. {ACCEPTED}") from error


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: reading makes millions of small objects (row lists, then
    skipped-row records) and none forms a cycle, yet each batch of them makes the collector rescan the
    heap (5x slower on a large workbook). Collection resumes afterwards; nesting is harmless."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read(file_name: str, data: bytes) -> Workbook:
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            f"'{file_name}' is {len(data) / 1024 / 1024:,.0f} MB; files up to "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB can be read."
        )
    if not data or (not _strip_blank(data[:4096]) and not _strip_blank(data)):
        raise InputError(f"'{file_name}' is empty. Upload a file with a header row and your applications.")
    extension = PurePath(file_name).suffix.lower().lstrip(".")
    fmt = sniff_format(file_name, data)
    if fmt == "text":
        return _read_text(file_name, data, extension)
    sheets, notes = spreadsheets.read_sheets(file_name, data, fmt)
    if extension and extension != fmt and {extension, fmt} != {"xlsx", "xlsm"}:
        notes.insert(0, f"'{file_name}' is a {_FORMAT_NAMES[fmt]} despite its name, and was read as one.")
    grids = tuple(make_grid(s.name, s.rows, list(range(1, len(s.rows) + 1)), hidden=s.hidden) for s in sheets)
    if not any(len(g) for g in grids):
        raise InputError(f"'{file_name}' is empty: none of its sheets has any cells with data.")
    return Workbook(file_name=file_name, format=fmt, grids=grids, notes=tuple(notes))


def _strip_blank(data: bytes) -> bytes:
    return data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")


_FORMAT_NAMES = {
    "xlsx": "Excel workbook (.xlsx)",
    "xlsm": "macro-enabled Excel workbook (.xlsm)",
    "xlsb": "binary Excel workbook (.xlsb)",
    "xls": "Excel 97-2003 workbook (.xls)",
    "ods": "OpenDocument spreadsheet (.ods)",
}


def _read_text(file_name: str, data: bytes, extension: str) -> Workbook:
    table = textfiles.read_text_table(file_name, data, extension)
    if table.frame is not None:
        grid = grid_from_frame("", table.frame, table.row_numbers)
    else:
        grid = make_grid("", table.rows, table.row_numbers, repaired=table.repaired, problems=table.problems)
    if not len(grid) and not grid.problems:
        raise InputError(f"'{file_name}' is empty. Upload a file with a header row and your applications.")
    if grid.width > MAX_COLUMNS:
        raise InputError(too_many_columns(file_name, grid.width))
    notes = list(table.notes)
    if extension in TEXT_FORMATS:
        fmt = extension
    else:
        fmt = "tsv" if table.delimiter == "\t" else "csv"
        if extension in WORKBOOK_FORMATS:
            notes.insert(0, f"'{file_name}' is a text file, not a workbook; it was read as delimited text.")
    usual = {"csv": ",", "tsv": "\t"}.get(fmt, table.delimiter if table.delimiter in ",\t" else ",")
    if table.delimiter != usual and grid.width > 1:
        notes.append(f"Columns are separated by a {textfiles.DELIMITER_NAMES[table.delimiter]}.")
    return Workbook(
        file_name=file_name,
        format=fmt,
        grids=(grid,),
        encoding=table.encoding,
        delimiter=table.delimiter,
        notes=tuple(notes),
    )


def make_grid(
    name: str,
    rows: list[list[object]],
    row_numbers: Sequence[int] | np.ndarray,
    *,
    repaired: Sequence[tuple[int, str]] = (),
    problems: Sequence[tuple[int, str]] = (),
    hidden: bool = False,
) -> Grid:
    """A grid from row lists (workbooks, repaired text): rows of any length are padded to one width."""
    width = max((len(r) for r in rows), default=0)
    padded = [r if len(r) == width else [*r, *([None] * (width - len(r)))] for r in rows]
    frame = pd.DataFrame(padded, dtype=object) if rows else pd.DataFrame()
    return grid_from_frame(name, frame, row_numbers, repaired=repaired, problems=problems, hidden=hidden)


def grid_from_frame(
    name: str,
    frame: pd.DataFrame,
    row_numbers: Sequence[int] | np.ndarray,
    *,
    repaired: Sequence[tuple[int, str]] = (),
    problems: Sequence[tuple[int, str]] = (),
    hidden: bool = False,
) -> Grid:
    """Drop fully empty rows and trailing empty columns, column by column (no loop over rows)."""
    numbers = np.asarray(row_numbers, dtype="int64")
    if frame.shape[1] == 0 or len(frame) == 0:
        return Grid(name, pd.DataFrame(), numbers[:0], tuple(repaired), tuple(problems), hidden)
    blanks = [blank_cells(frame[c]) for c in frame.columns]
    keep = ~functools.reduce(np.logical_and, blanks)  # pair by pair: no stacked copy of every column
    every = bool(keep.all())
    used = [not (blank if every else blank[keep]).all() for blank in blanks]
    width = max((i + 1 for i, filled in enumerate(used) if filled), default=0)
    cells = frame.iloc[:, :width] if every else frame.iloc[keep, :width]
    cells = cells.set_axis(range(width), axis=1).reset_index(drop=True)
    return Grid(
        name=name,
        cells=cells,
        row_numbers=numbers if every else numbers[keep],
        repaired=tuple(repaired),
        problems=tuple(problems),
        hidden=hidden,
    )


# ------------------------------------------------------------------------------- format from bytes

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff_format(file_name: str, data: bytes) -> str:
    """ "xlsx", "xlsm", "xlsb", "xls", "ods" or "text"; anything else is refused with what it looks like."""
    head = data[:8]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(file_name, data)
    if head.startswith(_OLE2):
        if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
            raise spreadsheets.password_protected(file_name)
        if _utf16("Workbook") in data or _utf16("Book") in data:
            return "xls"
        if _utf16("WordDocument") in data:
            _refuse(file_name, "it looks like a Word document")
        if _utf16("PowerPoint Document") in data:
            _refuse(file_name, "it looks like a PowerPoint presentation")
        _refuse(file_name, "it is an old Office file that holds no workbook")
    looks_like = _looks_like(data)
    if looks_like:
        _refuse(file_name, looks_like)
    return "text"


def _refuse(file_name: str, what: str) -> None:
    raise InputError(f"'{file_name}' is not a spreadsheet ({what}). {ACCEPTED}")


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "it looks like a PDF"),
    (b"\x89PNG\r\n\x1a\n", "it looks like a PNG image"),
    (b"\xff\xd8\xff", "it looks like a JPEG image"),
    (b"GIF87a", "it looks like a GIF image"),
    (b"GIF89a", "it looks like a GIF image"),
    (b"{\\rtf", "it looks like a Rich Text document"),
    (b"\x1f\x8b", "it looks like a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "it looks like a 7-Zip archive"),
    (b"Rar!\x1a\x07", "it looks like a RAR archive"),
    (b"\x00\x00\x00\x0cjP  ", "it looks like a JPEG 2000 image"),
    (b"II*\x00", "it looks like a TIFF image"),
    (b"MM\x00*", "it looks like a TIFF image"),
)
_HTML = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|table|head|body)\b", re.IGNORECASE | re.DOTALL
)


def _looks_like(data: bytes) -> str | None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return what
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "it looks like a WebP image"
    if data[4:12] in {b"ftypheic", b"ftypheix", b"ftypmif1"}:
        return "it looks like a HEIC photo"
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML.match(head):
        return "it is a web page (HTML); open it in Excel or a browser and save it as .xlsx or .csv"
    if head.lstrip().startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "it is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx"
    return None


def _zip_format(file_name: str, data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise InputError(
            f"'{file_name}' is a damaged ZIP or Excel file and cannot be opened. "
            "Open it in your spreadsheet program, save it again and re-upload."
        ) from error
    with archive:
        spreadsheets.check_zip(file_name, archive)
        names = set(archive.namelist())
        if "xl/workbook.xml" in names:
            content_types = _member(archive, "[Content_Types].xml")
            if "xl/vbaProject.bin" in names or b"macroEnabled" in content_types:
                return "xlsm"
            return "xlsx"
        if "xl/workbook.bin" in names:
            return "xlsb"
        mimetype = _member(archive, "mimetype")
        if b"opendocument.spreadsheet" in mimetype:
            return "ods"
        if b"opendocument.text" in mimetype:
            _refuse(file_name, "it looks like an OpenDocument text document")
        if b"opendocument.presentation" in mimetype:
            _refuse(file_name, "it looks like an OpenDocument presentation")
        if "word/document.xml" in names:
            _refuse(file_name, "it looks like a Word document")
        if "ppt/presentation.xml" in names:
            _refuse(file_name, "it looks like a PowerPoint presentation")
        if any(n.startswith("Index/") and n.endswith(".iwa") for n in names) or "Index.zip" in names:
            _refuse(file_name, "it looks like an Apple Numbers or Pages file; export it as .xlsx or .csv")
        if "content.xml" in names:
            _refuse(file_name, "it is an OpenDocument file that holds no spreadsheet")
        _refuse(file_name, "it is a ZIP archive; unzip it and upload the spreadsheet inside")
    raise AssertionError("unreachable")  # pragma: no cover


def _member(archive: zipfile.ZipFile, name: str, limit: int = 65536) -> bytes:
    try:
        with archive.open(name) as stream:
            return stream.read(limit)
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return b""


# -------------------------------------------------------------------------- choosing the right sheet

_NOT_DATA_SHEET = re.compile(
    r"drop ?-?downs?|lists?|lookups?|instructions?|read ?me|how to|help|settings|config|validation|"
    r"options|legend|template|example|sample|dashboard|summary|chart|pivot|stats|notes",
    re.IGNORECASE,
)


def application_sheet(
    workbook: Workbook, is_known_label: Callable[[str], bool] = looks_like_tracker_label
) -> Grid:
    """The sheet that most likely holds the applications (a tracker header with the most data rows)."""
    if len(workbook.grids) == 1:
        return workbook.grids[0]
    best, best_score = workbook.grids[0], -math.inf
    for grid in workbook.grids:
        score = sheet_score(grid, is_known_label)
        if score > best_score:
            best, best_score = grid, score
    return best


def sheet_score(grid: Grid, is_known_label: Callable[[str], bool] = looks_like_tracker_label) -> float:
    """Tracker-like header words, then data rows below it; helper sheets and hidden sheets lose."""
    if not len(grid):
        return -100.0
    guess = find_header(grid, is_known_label)
    header = grid.head(guess.index + 1)[guess.index]
    known = sum(1 for c in header if isinstance(c, str) and c.strip() and is_known_label(c))
    data_rows = _rows_holding_data(grid.cells.iloc[guess.index + 1 :])
    score = 2.0 * min(known, 8) + 3.0 * math.log1p(data_rows) + 0.5 * min(grid.width, 10) / 10
    if _NOT_DATA_SHEET.search(grid.name):
        score -= 12.0
    if grid.hidden:
        score -= 20.0
    return score


def _rows_holding_data(cells: pd.DataFrame) -> int:
    """Rows with a value other than an unticked checkbox (templates ship hundreds of FALSE rows)."""
    if cells.empty:
        return 0
    holds = np.zeros(len(cells), dtype=bool)
    for column in cells.columns:
        holds |= flag_distinct(cells[column], _holds_value, missing=False)
    return int(holds.sum())


def _holds_value(cell: object) -> bool:
    return cell is not False and not (isinstance(cell, str) and not cell.strip())
