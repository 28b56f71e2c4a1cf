"""Turn an uploaded file's bytes into raw grids of cells, one per sheet, deciding the format from the bytes.

Entry point of reading: ``read_workbook`` raises only ``InputError``.
"""

from __future__ import annotations

import csv
import fnmatch
import gc
import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath
from typing import NoReturn
from xml.etree.ElementTree import ParseError

import pyarrow as pa

from nextround.importing import documents, spreadsheets, textfiles
from nextround.importing.cells import MAX_COLUMNS, too_many_columns
from nextround.importing.errors import ACCEPTED, InputError, empty_file
from nextround.importing.grid import Workbook, grid_from_frame, make_grid
from nextround.untrusted import SPREADSHEET_ZIP, check_zip

MAX_FILE_BYTES: int = 200 * 1024 * 1024
WORKBOOK_FORMATS = frozenset({"xlsx", "xlsm", "xlsb", "xls", "ods"})
TEXT_FORMATS = frozenset({"csv", "tsv", "txt", "md", "org", "json"})
# What damaged bytes make zipfile (and its decompressors) and the XML, csv and Arrow parsers raise.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, RuntimeError)
_DAMAGED = (*_ZIP_ERRORS, OSError, KeyError, ValueError, TypeError, csv.Error, ParseError, pa.ArrowException)


def read_workbook(file_name: str, data: bytes) -> Workbook:
    """Read any upload into grids; raises InputError (one sentence for the user), never anything else."""
    with paused_gc():
        try:
            return _read(file_name, data)
        except InputError:
            raise
        except MemoryError:
            raise InputError(f"'{file_name}' is too large to read on this computer.") from None
        except _DAMAGED as error:  # anything else is a bug, and is not hidden as a damaged file
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
        raise empty_file(file_name)
    extension = PurePath(file_name).suffix.lower().lstrip(".")
    fmt = sniff_format(file_name, data)
    if fmt == "text":
        if (records := documents.read_document(file_name, data, extension)) is not None:
            return _read_document(file_name, extension, *records)
        return _read_text(file_name, data, extension)
    sheets, notes = spreadsheets.read_sheets(file_name, data, fmt)
    if extension and extension != fmt and {extension, fmt} != {"xlsx", "xlsm"}:
        notes.insert(0, f"'{file_name}' is {_FORMAT_NAMES[fmt]} despite its name, and was read as one.")
    grids = tuple(make_grid(s.name, s.rows, list(range(1, len(s.rows) + 1)), hidden=s.hidden) for s in sheets)
    if not any(len(g) for g in grids):
        raise InputError(f"'{file_name}' is empty: none of its sheets has any cells with data.")
    return Workbook(file_name=file_name, format=fmt, grids=grids, notes=tuple(notes))


def _strip_blank(data: bytes) -> bytes:
    return data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")


_FORMAT_NAMES = {
    "xlsx": "an Excel workbook (.xlsx)",
    "xlsm": "a macro-enabled Excel workbook (.xlsm)",
    "xlsb": "a binary Excel workbook (.xlsb)",
    "xls": "an Excel 97-2003 workbook (.xls)",
    "ods": "an OpenDocument spreadsheet (.ods)",
}


def _read_document(
    file_name: str, extension: str, rows: list[list[object]], numbers: list[int], notes: list[str]
) -> Workbook:
    grid = make_grid("", rows, numbers, header_given=True)  # record n is row n (line n of JSON Lines)
    fmt = "yaml" if extension in documents.YAML_EXTENSIONS else "json"
    return Workbook(file_name=file_name, format=fmt, grids=(grid,), encoding="utf-8", notes=tuple(notes))


def _read_text(file_name: str, data: bytes, extension: str) -> Workbook:
    table = textfiles.read_text_table(file_name, data, extension)
    if table.frame is not None:
        grid = grid_from_frame("", table.frame, table.row_numbers)
    else:
        grid = make_grid(
            "",
            table.rows,
            table.row_numbers,
            repaired=table.repaired,
            problems=table.problems,
            layout=table.layout,
        )
    if not len(grid) and not grid.problems:
        raise empty_file(file_name)
    if grid.width > MAX_COLUMNS:
        raise InputError(too_many_columns(file_name, grid.width))
    notes = list(table.notes)
    if extension in TEXT_FORMATS:
        fmt = extension
    else:
        fmt = "tsv" if table.delimiter == "\t" else "csv"
        if extension in WORKBOOK_FORMATS:
            notes.insert(0, f"'{file_name}' is a text file, not a workbook; it was read as delimited text.")
    usual = {"csv": ",", "tsv": "\t", "md": "|", "org": "|", "txt": ",\t"}[fmt]
    if table.delimiter not in usual and grid.width > 1:
        notes.append(f"Columns are separated by a {textfiles.delimiter_name(table.delimiter)}.")
    return Workbook(
        file_name=file_name,
        format=fmt,
        grids=(grid,),
        encoding=table.encoding,
        delimiter=table.delimiter,
        notes=tuple(notes),
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


def _refuse(file_name: str, what: str) -> NoReturn:
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


_NUMBERS = "it looks like an Apple Numbers or Pages file; export it as .xlsx or .csv"
# What a ZIP that holds no workbook is, by the first glob that matches one of its part names; the text of
# its "mimetype" part (OpenDocument) is listed as "mimetype:<text>".
_NOT_WORKBOOKS = (
    ("mimetype:*opendocument.text*", "it looks like an OpenDocument text document"),
    ("mimetype:*opendocument.presentation*", "it looks like an OpenDocument presentation"),
    ("word/document.xml", "it looks like a Word document"),
    ("ppt/presentation.xml", "it looks like a PowerPoint presentation"),
    ("Index/*.iwa", _NUMBERS),
    ("Index.zip", _NUMBERS),
    ("content.xml", "it is an OpenDocument file that holds no spreadsheet"),
    ("*", "it is a ZIP archive; unzip it and upload the spreadsheet inside"),
)


def _zip_format(file_name: str, data: bytes) -> str:
    check_zip(file_name, data, SPREADSHEET_ZIP)  # part count, sizes, ratios and XML bombs, before parsing
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if "xl/workbook.xml" in names:
            macros = "xl/vbaProject.bin" in names or b"macroEnabled" in _member(
                archive, "[Content_Types].xml"
            )
            return "xlsm" if macros else "xlsx"
        if "xl/workbook.bin" in names:
            return "xlsb"
        mimetype = _member(archive, "mimetype")
    if b"opendocument.spreadsheet" in mimetype:
        return "ods"
    listing = [*names, f"mimetype:{mimetype.decode('latin-1')}"]
    _refuse(file_name, next(what for glob, what in _NOT_WORKBOOKS if fnmatch.filter(listing, glob)))


def _member(archive: zipfile.ZipFile, name: str, limit: int = 65536) -> bytes:
    try:
        with archive.open(name) as stream:
            return stream.read(limit)
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return b""
