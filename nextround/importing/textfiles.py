"""Read delimited text (.csv, .tsv, .txt, .md) into rows: encoding, delimiter, NUL bytes, ragged rows.

A well-formed file goes straight through Arrow's C++ parser; any other takes the careful path, where a
row with too many fields is merged back only where one way clearly fits best.
"""

from __future__ import annotations

import csv
import heapq
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar, cast

import charset_normalizer
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from nextround.importing import markdown
from nextround.importing.cells import EMAIL, MAX_COLUMNS, MAX_GRID_ROWS, URL, too_many_columns, too_many_rows
from nextround.importing.dated_lists import LISTED_LINES, read_dated_lists
from nextround.importing.dates import texts_read_as_dates
from nextround.importing.errors import ACCEPTED, InputError, empty_file
from nextround.importing.front_matter import read_front_matter
from nextround.importing.orgmode import org_as_markdown

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
SNIFF_CHARS = 128 * 1024
_NOTE_EXTENSIONS = frozenset({"txt", "md", "markdown"})
_MAX_MERGE_CANDIDATES = 5000
_MAX_CAREFUL_ROWS = 20_000
_MAX_LINES_IN_A_CELL = 50
_COUNT_SLICE = 1 << 18
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters text files do not hold
_PROSE_SPLIT = 0.9  # under it, a note's lines split unevenly: sentences, not rows of a table
_EVEN_SPLIT = 1.05  # the split score an unusual sign must reach: lines nearly all alike, the header too
_CLEAR_MARGIN = 1.5  # log-likelihood units the best merge must beat the runner-up by
# Records can span lines (notes with line breaks), so only a line count far beyond any real tracker
# is refused before parsing; the parsed record count is checked against MAX_GRID_ROWS after.
MAX_LINES = 10 * MAX_GRID_ROWS
_T = TypeVar("_T")

# Single-byte encodings a detector confuses for Western text (with every iso8859_*, mac_* and cp12xx);
# we decide among them ourselves.
_LATIN_FAMILY = frozenset(
    {"latin_1", "cp850", "cp437", "cp858", "hp_roman8", "cp1125", "cp1140", "ptcp154", "kz1048"}
)
_ENCODING_LABELS = {
    "utf_8": "UTF-8",
    "utf_8_sig": "UTF-8 with a byte-order mark",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16 (little-endian)",
    "utf_16_be": "UTF-16 (big-endian)",
    "utf_32": "UTF-32",
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "latin_1": "Latin-1",
}


@dataclass(frozen=True)
class TextTable:
    """What a text file held, before empty rows are dropped and the grid is shaped.

    A well-formed file comes back column-wise in ``frame`` (``rows`` empty); a file that needed the
    careful path comes back as ``rows``.
    """

    rows: list[list[str | None]]
    row_numbers: Sequence[int] | np.ndarray
    encoding: str
    delimiter: str
    repaired: tuple[tuple[int, str], ...] = ()
    problems: tuple[tuple[int, str], ...] = ()
    notes: tuple[str, ...] = ()
    frame: pd.DataFrame | None = None
    layout: tuple[int, ...] = ()  # line numbers that are layout, not rows (a Markdown table's rule line)


# ----------------------------------------------------------------------------------------- encoding


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf_32"),
    (b"\x00\x00\xfe\xff", "utf_32"),
    (b"\xef\xbb\xbf", "utf_8_sig"),
    (b"\xff\xfe", "utf_16"),
    (b"\xfe\xff", "utf_16"),
)


def decode_text(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes to text; return (text, codec name, notes). Never produces mojibake for UTF-8/Latin."""
    codec = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    if codec is not None:
        try:
            return data.decode(codec), codec, []
        except UnicodeDecodeError:  # a BOM followed by undecodable bytes: keep what decodes, say so
            replaced = f"Some bytes could not be read as {_label(codec)} and were replaced with '�'."
            return data.decode(codec, errors="replace"), codec, [replaced]
    if utf16 := _utf16_without_bom(data):
        return data.decode(utf16, errors="replace"), utf16, []
    try:
        return data.decode("utf_8"), "utf_8", []
    except UnicodeDecodeError:
        pass
    codec = _guess_single_or_multibyte(data)
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        codec = "latin_1"
        text = data.decode(codec)
    return text, codec, [f"Read as {_label(codec)}: the file is not UTF-8."]


def _label(codec: str) -> str:
    return _ENCODING_LABELS.get(codec, codec.replace("_", "-").upper())


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf_16_le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf_16_be"
    return None


def _guess_single_or_multibyte(data: bytes) -> str:
    sample = data[: 256 * 1024]
    best = charset_normalizer.from_bytes(sample).best()
    guess = best.encoding if best is not None else "cp1252"
    if guess in _LATIN_FAMILY or guess.startswith(("iso8859", "mac_", "cp12")):
        return _western_or_central(sample)
    return guess


def _western_or_central(sample: bytes) -> str:
    """cp1252 unless the text reads clearly better as Central European (Polish "ł" is "³" in cp1252)."""
    western = _misplaced_symbols(sample.decode("cp1252", errors="replace"))
    central = _misplaced_symbols(sample.decode("cp1250", errors="replace"))
    if central * 2 < western:
        return "cp1250"
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "latin_1"
    return "cp1252"


def _misplaced_symbols(text: str) -> int:
    """Non-ASCII symbols glued to a letter ("Spó³ka"): the mark of a wrong single-byte code page."""
    padded = f" {text} "
    return sum(
        1
        for before, char, after in zip(padded, padded[1:], padded[2:], strict=False)
        if char > "\x7f" and not char.isalpha() and (before.isalpha() or after.isalpha())
    )


# ----------------------------------------------------------------------------------------- sniffing


def sniff_delimiter(text: str, preferred: str | None = None) -> str:
    """The delimiter whose field counts are most consistent over the first lines (quotes respected).
    When no usual one (comma, semicolon, tab, pipe) splits the lines evenly, any other sign of the
    header line that splits every line into the same three or more fields is taken ("@", "^", "~")."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rfind("\n") + 1]
    best, best_score = preferred or ",", -1.0
    for delimiter in DELIMITERS:
        score = _split_score(sample, delimiter, least=2) + (0.05 if delimiter == preferred else 0.0)
        if score > best_score:
            best, best_score = delimiter, score
    if best_score < _EVEN_SPLIT:
        header = next((line for line in _lines(sample) if line.strip()), "")
        signs = dict.fromkeys(c for c in header if not (c.isalnum() or c.isspace() or c in "\"'"))
        for sign in signs:
            score = _split_score(sample, sign, least=3)
            if score >= _EVEN_SPLIT and score > best_score:
                best, best_score = sign, score
    return best


def _is_prose(sample: str, delimiter: str) -> bool:
    """Whether the delimiter splits the lines too unevenly for a table: sentences, a note's lines."""
    return _split_score(sample, delimiter, least=2) < _PROSE_SPLIT


def _split_score(sample: str, delimiter: str, least: int) -> float:
    """How evenly ``delimiter`` splits the lines into at least ``least`` fields: the share of lines with
    the usual count, then a wider table and a header agreeing with the data break near-ties; -1: not."""
    if delimiter not in sample:
        return -1.0
    counts = [len(r) for r in _safe_rows(sample, delimiter, limit=200) if any(c.strip() for c in r)]
    if not counts:
        return -1.0
    mode, mode_n = Counter(counts).most_common(1)[0]
    if mode < least:
        return -1.0
    return mode_n / len(counts) + 0.02 * min(mode, 10) + (0.1 if counts[0] == mode else 0.0)


def delimiter_name(delimiter: str) -> str:
    """The delimiter in words: "comma", "tab", or the sign itself ("'@' sign")."""
    return DELIMITER_NAMES.get(delimiter) or f"'{delimiter}' sign"


def _safe_rows(text: str, delimiter: str, limit: int) -> list[list[str]]:
    try:
        return list(itertools.islice(csv.reader(_lines(text), delimiter=delimiter), limit))
    except csv.Error:
        return []


def _lines(text: str) -> list[str]:
    """Lines with their endings; split on \\n only where splitlines would also split on \\x85, \\u2028..."""
    if not _EXOTIC_BREAKS.search(text):
        return text.splitlines(keepends=True)
    return _LINE.findall(text)


_SEP_HINT = re.compile(r"sep=([,;\t|])\r?\n")
_EXOTIC_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LINE = re.compile("[^\n]*\n|[^\n]+")


# ------------------------------------------------------------------------------------------ reading


def read_text_table(file_name: str, data: bytes, extension: str) -> TextTable:
    """Decode, sniff and parse a delimited text file; ragged rows are repaired or reported."""
    newlines = count_byte(data, b"\n")
    lines = newlines or count_byte(data, b"\r")
    if lines > MAX_LINES:
        raise InputError(too_many_rows(file_name, f"{lines:,} lines"))
    markdown_file = extension in {"md", "markdown", "org"}
    markdown_table = markdown.may_hold_table(data)
    if extension in _NOTE_EXTENSIONS and (listed := _dated_lists(data, newlines)) is not None:
        return _from_markdown(listed, "utf-8", [])  # "Sep 25 - Amazon, Eightfold", "Rejected - Cred"
    quick = (
        None if markdown_table or markdown_file else _read_clean_utf8(file_name, data, extension, newlines)
    )
    if quick is not None:
        return quick
    text, codec, notes = decode_text(data)
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        notes.append(f"Removed {count:,} NUL byte{'s' if count != 1 else ''} (a sign of a damaged export).")
    _refuse_binary(file_name, text)
    if not text.strip():
        raise empty_file(file_name)
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")  # old Mac line endings
    if extension == "org":  # an Org note is read as the Markdown it is written like
        text = org_as_markdown(text)
        markdown_table = markdown.may_hold_table(text.encode())
    if markdown_file and (one := read_front_matter(text, file_name)) is not None:
        return _from_markdown(one, codec, notes)  # one note per application, its fields at its top
    if markdown_file:
        table = markdown.read_markdown(text, markdown_table)
    else:
        table = markdown.read_markdown_table(text) if markdown_table else None
    if table is not None:
        return _from_markdown(table, codec, notes)
    hint = _SEP_HINT.match(text)
    if hint:  # Excel's "sep=;" first line names the delimiter and is not shown as a row
        delimiter = hint.group(1)
        text = text[hint.end() :]
    else:
        delimiter = sniff_delimiter(text, preferred="\t" if extension in {"tsv", "txt", "tab"} else None)
    prose = _is_prose(text[:SNIFF_CHARS], delimiter)
    if prose and extension == "txt" and (note := markdown.read_markdown(text, may_hold_table=False)):
        return _from_markdown(note, codec, notes)  # a plain-text note: a list under "[rejected]" labels
    if markdown_file and prose:
        raise InputError(  # prose: the commas of its sentences would make columns of words
            f"'{file_name}' is a note without a table, a heading per application or a list of them: "
            "nothing in it could be read as applications."
        )
    _check_width(file_name, text[:SNIFF_CHARS], delimiter)
    encoded = text.encode("utf-8")
    fast = _read_well_formed(encoded, delimiter, count_byte(encoded, b"\n"))
    if fast is not None:
        return _whole_table(file_name, fast, codec, delimiter, notes)
    try:
        records = _bounded_records(file_name, csv.reader(_lines(text), delimiter=delimiter))
        swallowed = _swallowed_lines(records, text.count("\n"))
    except csv.Error:
        swallowed = True
    if swallowed:
        # An unclosed quote runs one field over the rest of the file; read quotes as plain text instead.
        try:
            records = _bounded_records(
                file_name, csv.reader(_lines(text), delimiter=delimiter, quoting=csv.QUOTE_NONE)
            )
        except csv.Error as error:
            raise InputError(f"'{file_name}' could not be read as a table ({error}).") from error
        notes.append("A quote mark was never closed, so quote marks were read as ordinary characters.")
    del text
    rows = cast("list[list[str | None]]", records)
    for record in rows:
        if "" in record:
            record[:] = [c if c else None for c in record]  # in place: a careful read may hold a million
    rows, row_numbers, repaired, problems = _fix_ragged_rows(rows, list(range(1, len(rows) + 1)), delimiter)
    return TextTable(rows, row_numbers, codec, delimiter, tuple(repaired), tuple(problems), tuple(notes))


def _dated_lists(data: bytes, newlines: int) -> markdown.MarkdownTable | None:
    """A short UTF-8 note read as names listed under dates and states, before its commas make a CSV."""
    if newlines >= LISTED_LINES:
        return None
    try:
        return read_dated_lists(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None


def _from_markdown(table: markdown.MarkdownTable, codec: str, notes: list[str]) -> TextTable:
    """A note's table (or its headings or list read as one) as the text table it is."""
    rows, numbers = list(table.rows), list(table.row_numbers)
    repaired: list[tuple[int, str]] = []
    problems: list[tuple[int, str]] = []
    if table.separator:  # a pipe typed into a Markdown table's cell is a stray delimiter, as in a CSV
        rows, numbers, repaired, problems = _fix_ragged_rows(rows, numbers, table.separator)
    return TextTable(
        rows,
        numbers,
        codec,
        table.separator,
        tuple(repaired),
        tuple(problems),
        notes=(*notes, *table.notes),
        layout=table.layout,
    )


def count_byte(data: bytes, byte: bytes) -> int:
    """How often one byte occurs; numpy in cache-sized slices counts a large file 4× faster than
    ``bytes.count``."""
    if len(data) < _COUNT_SLICE:
        return data.count(byte)
    array, value = np.frombuffer(data, dtype=np.uint8), ord(byte)
    return sum(
        int(np.count_nonzero(array[start : start + _COUNT_SLICE] == value))
        for start in range(0, len(array), _COUNT_SLICE)
    )


def _read_clean_utf8(file_name: str, data: bytes, extension: str, newlines: int) -> TextTable | None:
    """The common big file — UTF-8, no NUL bytes, no blank lines, one field count — parsed straight
    from the bytes without decoding it in Python; None sends the file down the careful path."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if body.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or b"\x00" in body:
        return None
    sample = body[:SNIFF_CHARS].decode("utf-8", errors="ignore")
    if not sample.strip() or _SEP_HINT.match(sample) or "\n" not in sample:
        return None
    try:
        body[: SNIFF_CHARS - 4].decode("utf-8")
    except UnicodeDecodeError:
        return None
    _refuse_binary(file_name, sample)
    delimiter = sniff_delimiter(sample, preferred="\t" if extension in {"tsv", "txt", "tab"} else None)
    if extension == "txt" and _is_prose(sample, delimiter):
        return None  # a plain-text note, perhaps: read with care
    _check_width(file_name, sample, delimiter)
    frame = _read_well_formed(body, delimiter, newlines)
    if frame is None:
        return None
    return _whole_table(file_name, frame, "utf_8_sig" if body is not data else "utf_8", delimiter)


def _check_width(file_name: str, sample: str, delimiter: str) -> None:
    """Refuse a table far wider than a tracker before parsing it (trailing empty fields do not count)."""
    records = _safe_rows(sample, delimiter, limit=200)
    width = max((i + 1 for record in records for i, field in enumerate(record) if field.strip()), default=0)
    if width > MAX_COLUMNS:
        raise InputError(too_many_columns(file_name, width))


def _whole_table(
    file_name: str, frame: pd.DataFrame, codec: str, delimiter: str, notes: Sequence[str] = ()
) -> TextTable:
    """A well-formed file's table, refused when it has more rows than can be imported."""
    if len(frame) > MAX_GRID_ROWS:
        raise InputError(too_many_rows(file_name, f"{len(frame):,} rows"))
    rows = np.arange(1, len(frame) + 1)
    return TextTable([], rows, codec, delimiter, notes=tuple(notes), frame=frame)


def _bounded_records(file_name: str, reader: Iterator[list[str]]) -> list[list[str]]:
    """Every record, refusing (without reading on) a file with more than MAX_GRID_ROWS of them."""
    records = list(itertools.islice(reader, MAX_GRID_ROWS + 1))
    if len(records) > MAX_GRID_ROWS:
        raise InputError(too_many_rows(file_name, f"more than {MAX_GRID_ROWS:,} rows"))
    return records


def _read_well_formed(data: bytes, delimiter: str, newlines: int) -> pd.DataFrame | None:
    """The whole file column-wise through Arrow's C++ parser, when every record has the header's
    field count (a blank line does not), so record numbers stay exact; None sends it the careful way.

    ``newlines`` is the number of line feeds in ``data`` (the caller has counted them already).
    """
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None  # old Mac line endings or stray CRs: the careful path knows them
    first = next(
        iter(_safe_rows(data[:SNIFF_CHARS].decode("utf-8", errors="ignore"), delimiter, limit=1)), None
    )
    if not first:
        return None
    width = len(first)
    lines = newlines + (0 if data.endswith(b"\n") else 1)
    # Parallel parsing first; it is exact when every record is one line. A cell holding a line
    # break shows as fewer records than lines, and the file is parsed again serially.
    table = _arrow_table(data, delimiter, width, newlines_in_values=False)
    if table is None or table.num_rows != lines:
        table = _arrow_table(data, delimiter, width, newlines_in_values=True)
        if table is not None and lines - table.num_rows > _MAX_LINES_IN_A_CELL:
            return None  # lines swallowed into cells (an unclosed quote?): the careful path handles them
    if table is None:
        return None
    frame = table.to_pandas()  # categoricals, the columns converted in parallel
    return frame.set_axis(range(width), axis=1)


def _arrow_table(data: bytes, delimiter: str, width: int, *, newlines_in_values: bool) -> pa.Table | None:
    """Every field as text; None when any record has another field count or the bytes are not UTF-8."""
    invalid = 0

    def count_invalid(_row: object) -> str:
        # One bad record already sends the file the careful way: stop at once instead of calling
        # back into Python for each of millions of bad rows.
        nonlocal invalid
        invalid += 1
        return "error"

    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=1 << 22),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=newlines_in_values,
                # A blank line is a one-field record here, so it is "invalid" and the file goes the
                # careful way, which keeps every record's number exact.
                ignore_empty_lines=False,
                invalid_row_handler=count_invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                # Dictionary-encoded while parsing: each column arrives as codes + distinct values,
                # which is what every later step reads (and faster than plain strings here).
                column_types={f"f{i}": pa.dictionary(pa.int32(), pa.string()) for i in range(width)},
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                null_values=[""],
                # Every value lands in a column's dictionary, so the (few) distinct values are checked
                # for UTF-8 below instead of every cell while parsing.
                check_utf8=False,
            ),
        )
        if invalid or table.num_columns != width:
            return None
        for column in table.columns:
            for chunk in column.chunks:
                chunk.dictionary.validate(full=True)  # ArrowInvalid when a value is not UTF-8
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
        return None
    return table


def _swallowed_lines(records: list[list[str]], line_count: int) -> bool:
    """True when one field holds a run of lines no real cell has: the sign of an unclosed quote."""
    if line_count - len(records) <= _MAX_LINES_IN_A_CELL:
        return False
    return any(field.count("\n") > _MAX_LINES_IN_A_CELL for r in records for field in r if "\n" in field)


def _refuse_binary(file_name: str, text: str) -> None:
    sample = text[:65536]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if controls / len(sample) > 0.05:
        raise InputError(
            f"'{file_name}' does not look like a spreadsheet or a text table (it holds binary data). "
            + ACCEPTED
        )


def expected_width(rows: Sequence[Sequence[object]]) -> int:
    """Fields per record: the most common count, or the header's when the first row is wider, or when
    no count is common and no record is narrower than the header (stray commas in a text column)."""
    counts = Counter(len(r) for r in rows if len(r) > 1)
    if not counts:
        return max((len(r) for r in rows), default=0)
    mode = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    first = next((r for r in rows if len(r) > 1), None)
    if first is None or len(first) == mode or not _all_labels([c for c in first if c]):
        return mode
    scattered = counts[mode] < 0.5 * sum(counts.values()) and min(counts) == len(first)
    return len(first) if len(first) > mode or scattered else mode


def _all_labels(cells: list[object]) -> bool:
    texts = [c for c in cells if isinstance(c, str) and 0 < len(c.strip()) <= 40]
    kind_of = value_kinds(texts)
    return len(texts) == len(cells) and all(kind_of[t] == "text" for t in texts)


def _fix_ragged_rows(
    rows: list[list[str | None]], row_numbers: list[int], delimiter: str
) -> tuple[list[list[str | None]], list[int], list[tuple[int, str]], list[tuple[int, str]]]:
    """Repair or report rows with more fields than the table (rows reported are taken out), and give a
    row with too few the empty cells where they clearly belong (else they are taken to be at its end).
    Returns (rows, row numbers, repaired, problems)."""
    width = expected_width(rows)
    long_rows = [i for i, r in enumerate(rows) if len(r) > width]
    short_rows = [i for i, r in enumerate(rows) if 1 < len(r) < width][:_MAX_CAREFUL_ROWS]
    if not long_rows and not short_rows:
        return rows, row_numbers, [], []
    well_formed = [r for r in rows if len(r) == width]
    if len(well_formed) > 5:
        well_formed = well_formed[1:]  # the first is most likely the header, not a value
    sample = well_formed[:: max(1, len(well_formed) // 5000)]
    profiles = [ColumnProfile.build([r[j] for r in sample]) for j in range(width)]
    careful = long_rows[:_MAX_CAREFUL_ROWS]
    # Every value a merge could make, in every row, read in one go (the date reader reads many at once).
    kind_of = value_kinds(
        [text for i in careful for text in _merged_values(rows[i], width, delimiter)]
        + [text for i in short_rows for text in rows[i]]
    )
    repaired: list[tuple[int, str]] = []
    for i in short_rows:
        if (placed := place_missing_fields(rows[i], profiles, kind_of)) is not None:
            rows[i] = placed[0]
            repaired.append((row_numbers[i], placed[1]))
    unclear: dict[int, str] = {}  # row -> why it could not be repaired alone
    as_read = [rows[i] for i in careful]  # before any repair: the evidence of all long rows together
    for position, i in enumerate(long_rows):
        row = rows[i]
        if position < len(careful):
            fixed, reason = repair_row(row, profiles, delimiter, kind_of)
        else:
            fixed, reason = None, "too many rows have extra fields to repair each one"
        if fixed is None and _only_empty(row[width:]):
            fixed, reason = row[:width], ""  # trailing empty fields, no merge clearly better: nothing lost
        if fixed is None:
            unclear[i] = reason
        else:
            rows[i] = fixed
            if reason:
                repaired.append((row_numbers[i], reason))
    # A row that does not tell alone is told by all of them: one text column took every stray delimiter.
    taker = _column_taking_extras(as_read, profiles, delimiter) if unclear else None
    told = set(careful) if taker is not None else set()
    problems: list[tuple[int, str]] = []
    for i, reason in unclear.items():
        extra = len(rows[i]) - width
        if taker is not None and i in told:
            rows[i] = _merged_at(rows[i], taker, extra, delimiter)
            repaired.append((row_numbers[i], _merge_note(extra, delimiter, str(taker + 1))))
        else:
            problems.append(
                (row_numbers[i], f"has {len(rows[i])} fields under a {width}-column header; {reason}")
            )
    if problems:
        dropped = {i for i in unclear if i not in told}
        rows = [r for i, r in enumerate(rows) if i not in dropped]
        row_numbers = [n for i, n in enumerate(row_numbers) if i not in dropped]
    return rows, row_numbers, repaired, problems


def _column_taking_extras(
    long_rows: list[list[str | None]], profiles: list[ColumnProfile], delimiter: str
) -> int | None:
    """The one column whose value took the extra fields of every long row, when the rows fit clearly
    better that way than with any other column taking them; None for a single long row, or no clear one."""
    if len(long_rows) < 2:
        return None
    width = len(profiles)
    layouts = [
        [_merged_at(row, column, len(row) - width, delimiter) for row in long_rows] for column in range(width)
    ]
    kind_of = value_kinds([v for layout in layouts for row in layout for v in row])
    scored = (
        (sum(p.fit(v, kind_of[v]) for row in layout for p, v in zip(profiles, row, strict=True)), column)
        for column, layout in enumerate(layouts)
    )
    return _clear_winner(scored, _CLEAR_MARGIN * len(long_rows))


def _clear_winner(scored: Iterable[tuple[float, _T]], margin: float = _CLEAR_MARGIN) -> _T | None:
    """The candidate of the highest score when it beats every other one by ``margin``, else None."""
    top = heapq.nlargest(2, scored, key=lambda candidate: candidate[0])
    if len(top) > 1 and top[0][0] - top[1][0] < margin:
        return None
    return top[0][1]


def _merged_at(row: list[str | None], column: int, extra: int, delimiter: str) -> list[str | None]:
    """The row with the ``extra`` fields after ``column`` joined into its value."""
    return [*row[:column], _joined(row, column, column + extra, delimiter), *row[column + extra + 1 :]]


def _filled(fields: Sequence[str | None]) -> list[str]:
    return [c for c in fields if c and c.strip()]


def _only_empty(fields: Sequence[str | None]) -> bool:
    return not _filled(fields)


# --------------------------------------------------------------------------------- ragged-row repair

_NUMBER = re.compile(r"^\s*[-+]?[$€£]?\d[\d.,' ]*%?\s*$")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
KINDS = ("empty", "url", "email", "date", "number", "text")


def value_kinds(values: Sequence[str | None]) -> dict[str | None, str]:
    """ "empty", "url", "email", "date", "number" or "text" for each distinct text value; dates are what
    the importer's one date reader reads (every shape and language it knows)."""
    distinct = list(dict.fromkeys(values))
    texts = [v for v in distinct if v is not None and v.strip()]
    dated: dict[str | None, bool] = dict(zip(texts, texts_read_as_dates(texts).tolist(), strict=True))
    return {v: _kind(v, dated.get(v, False)) for v in distinct}


def _kind(value: str | None, dated: bool) -> str:
    if value is None or not value.strip():
        return "empty"
    if URL.match(value):
        return "url"
    if EMAIL.match(value):
        return "email"
    if dated:
        return "date"
    if _NUMBER.match(value):
        return "number"
    return "text"


@dataclass(frozen=True)
class ColumnProfile:
    """What the well-formed values of one column look like."""

    n: int
    kinds: dict[str, int]
    values: frozenset[str] | None  # the value set of a low-cardinality column
    words: Counter
    log_len_mean: float
    log_len_sd: float
    leading_space_share: float

    @staticmethod
    def build(values: list[str | None]) -> ColumnProfile:
        kind_of = value_kinds(values)
        filled = [v.strip() for v in values if v is not None and v.strip()]
        distinct = {v.casefold() for v in filled}
        categorical = len(filled) >= 5 and len(distinct) <= max(3, min(15, len(filled) // 3))
        words = Counter(w.casefold() for v in filled for w in _WORD.findall(v))
        logs = [math.log1p(len(v)) for v in filled] or [0.0]
        mean = sum(logs) / len(logs)
        sd = math.sqrt(sum((x - mean) ** 2 for x in logs) / len(logs))
        return ColumnProfile(
            n=len(values),
            kinds=dict(Counter(kind_of[v] for v in values)),
            values=frozenset(distinct) if categorical else None,
            words=words,
            log_len_mean=mean,
            log_len_sd=max(sd, 0.5),
            leading_space_share=sum(1 for v in values if v and v[:1].isspace()) / max(1, len(filled)),
        )

    def fit(self, value: str | None, kind: str) -> float:
        """Log-likelihood-like score of ``value`` (of ``kind``) belonging to this column (higher fits
        better)."""
        count = self.kinds.get(kind, 0)
        score = math.log((count + 0.5) / (self.n + 0.5 * len(KINDS)))
        dominant, dominant_n = max(self.kinds.items(), key=lambda kv: kv[1], default=("", 0))
        if self.n >= 5 and dominant_n >= 0.8 * self.n and dominant not in {kind, "text"}:
            score -= 3.0  # a column of URLs or dates does not take a stray word, nor lose its value
        if value is None or kind == "empty":
            return score
        stripped = value.strip()
        if self.values is not None:
            score += 1.0 if stripped.casefold() in self.values else -3.0
        if kind == "text":
            tokens = [w.casefold() for w in _WORD.findall(stripped)]
            if tokens and self.words:
                seen = sum(1 for t in tokens if t in self.words) / len(tokens)
                score += 2.0 * seen - 1.0
            z = (math.log1p(len(stripped)) - self.log_len_mean) / self.log_len_sd
            score -= 0.25 * min(z * z, 9.0)
        if value[:1].isspace() and self.leading_space_share < 0.05:
            score -= 3.0  # a delimiter followed by a space is usually a comma inside the text
        if value.count("(") != value.count(")") or value.count("[") != value.count("]"):
            score -= 2.0  # a bracket left open: the value was cut at a delimiter inside it
        return score


def repair_row(
    row: list[str | None],
    profiles: list[ColumnProfile],
    delimiter: str,
    kind_of: Mapping[str | None, str],
) -> tuple[list[str | None] | None, str]:
    """Merge adjacent fields back until the row fits, dropping trailing empty fields first where that
    fits better; return (row, what was merged, "" for nothing) or (None, why not).
    ``kind_of`` holds the kind of each value a merge can make (``_merged_values``)."""
    width = len(profiles)
    extra = len(row) - width
    name = delimiter_name(delimiter)
    if not _mergeable(row, width):
        return None, f"too many ways to merge its fields to tell which {name}s are part of a value"
    empty_tail = next((k for k in range(extra, 0, -1) if _only_empty(row[len(row) - k :])), 0)

    fits: dict[tuple[int, int, int], float] = {}  # (column, first field, last field) -> fit

    def fit(column: int, first: int, last: int) -> float:
        if (column, first, last) not in fits:
            value = _joined(row, first, last, delimiter)
            fits[column, first, last] = profiles[column].fit(value, kind_of[value])
        return fits[column, first, last]

    # Each way: drop some of the trailing empty fields, then join as many seams as are still extra.
    ways = [
        (dropped, merged)
        for dropped in range(empty_tail + 1)
        for merged in itertools.combinations(range(len(row) - dropped - 1), extra - dropped)
    ]
    # Ways that give the same row are one way: any two of a run of empty fields joined ("Acme,,,,Hessen").
    # Each row is kept with the spans of fields that make it, the way of fewest joins first.
    layouts: dict[tuple[str | None, ...], list[tuple[int, int]]] = {}
    for dropped, merged in sorted(ways, key=lambda way: len(way[1])):
        spans = _spans(len(row) - dropped, merged)
        layouts.setdefault(tuple(_joined(row, a, b, delimiter) for a, b in spans), spans)
    best = _clear_winner(
        (sum(fit(j, a, b) for j, (a, b) in enumerate(spans)), (layout, spans))
        for layout, spans in layouts.items()
    )
    if best is None:
        return None, f"could not tell which {name} is part of a value"
    layout, spans = best
    seams = sum(last - first for first, last in spans)
    if not seams:
        return list(layout), ""  # only trailing empty fields dropped: nothing was lost, nothing to report
    # a seam joined two words of a value; one beside an empty field only dropped a stray delimiter
    joins = [len(_filled(row[first : last + 1])) - 1 for first, last in spans]
    words_joined = sum(count for count in joins if count > 0)
    if not words_joined:
        return list(layout), f"{seams} stray {name}{'s' if seams > 1 else ''} beside empty fields dropped"
    columns = [str(j + 1) for j, count in enumerate(joins) if count > 0]
    return list(layout), _merge_note(words_joined, delimiter, ", ".join(columns))


def _merge_note(joined: int, delimiter: str, where: str) -> str:
    """What a repair did, for the warning: "2 unquoted commas read as part of the value in column 3"."""
    name = delimiter_name(delimiter) + ("s" if joined > 1 else "")
    return f"{joined} unquoted {name} read as part of the value in column {where}"


def place_missing_fields(
    row: list[str | None], profiles: list[ColumnProfile], kind_of: Mapping[str | None, str]
) -> tuple[list[str | None], str] | None:
    """A row with too few fields, with empty cells where they clearly fit best ("Harvey Norman,careers
    site,To Apply" under Company, Location, Source, Status: the location is missing, not the status),
    and what was done; None when the missing cells are at the end or it is not clear where they go."""
    width, missing = len(profiles), len(profiles) - len(row)
    if math.comb(width, missing) > _MAX_MERGE_CANDIDATES:
        return None

    fits: dict[tuple[int, str | None], float] = {}

    def fit(column: int, value: str | None) -> float:
        if (column, value) not in fits:
            fits[column, value] = profiles[column].fit(value, "empty" if value is None else kind_of[value])
        return fits[column, value]

    def placed(gaps: tuple[int, ...]) -> list[str | None]:
        values = iter(row)
        return [None if j in gaps else next(values) for j in range(width)]

    best = _clear_winner(
        (sum(fit(j, v) for j, v in enumerate(placed(gaps))), gaps)
        for gaps in itertools.combinations(range(width), missing)
    )
    if best is None or best == tuple(range(len(row), width)):
        return None
    where = ", ".join(str(g + 1) for g in best)
    fields = f"{missing} missing field{'s' if missing > 1 else ''}"
    return placed(best), f"{fields} read as empty in column {where}"


def _mergeable(row: list[str | None], width: int) -> bool:
    """Few enough ways to merge the row's extra fields back to try each one."""
    return math.comb(len(row) - 1, len(row) - width) <= _MAX_MERGE_CANDIDATES


def _merged_values(row: list[str | None], width: int, delimiter: str) -> list[str | None]:
    """Every value a merge back to ``width`` fields can make: each run of adjacent fields, joined."""
    if not _mergeable(row, width):
        return []
    longest = len(row) - width + 1
    return [
        _joined(row, first, last, delimiter)
        for first in range(len(row))
        for last in range(first, min(len(row), first + longest))
    ]


def _spans(fields: int, merged: tuple[int, ...]) -> list[tuple[int, int]]:
    """(first, last) field of each output column when the seams in ``merged`` are joined back."""
    spans, first = [], 0
    for seam in range(fields - 1):  # seam k lies between field k and field k + 1
        if seam not in merged:
            spans.append((first, seam))
            first = seam + 1
    spans.append((first, fields - 1))
    return spans


def _joined(row: list[str | None], first: int, last: int, delimiter: str) -> str | None:
    if first == last:
        return row[first]
    # A stray delimiter beside an empty field made one empty field more: joined back, it adds nothing (no
    # value of bare commas, no comma at a value's end), so every way of dropping it gives one row.
    return delimiter.join(_filled(row[first : last + 1])) or None
