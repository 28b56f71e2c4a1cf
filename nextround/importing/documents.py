"""A structured export as a table: one record a row, its keys the header. Read are a JSON document (a tracker
app's export, or pandas' ``to_json``), JSON Lines (``.jsonl``, one record a line, as a script appends them;
a record's row number is its line's) and a YAML document (``.yaml``, a list of entries kept by hand).

Nested values are flattened: an object's fields become columns of their own ("salary.min"), a list of
plain values one cell ("Python; SQL"), and a list of objects (a status log) one cell of its entries in
order ("applied 2025-03-01; screen 2025-03-05"), as a history column holds them.
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from collections.abc import Iterator
from typing import Any, Final

import yaml

from nextround.importing.cells import MAX_COLUMNS, too_many_columns
from nextround.importing.errors import InputError
from nextround.importing.phrases import label_words

MAX_JSON_CHARS: Final = 50_000_000  # parsed whole into Python objects: about ten times its size in memory
MAX_YAML_CHARS: Final = 5_000_000  # YAML is parsed in Python, about 1 MB a second; kept by hand, it is small
_HEAD_BYTES: Final = 4096  # where a JSON document's opening bracket is looked for, past blank space
_JSON_EXTENSIONS: Final = frozenset({"json", "jsonl", "ndjson"})
YAML_EXTENSIONS: Final = frozenset({"yaml", "yml"})
_MAX_DEPTH = 4  # how deep a list of records is looked for ({"export": {"applications": [...]}})

Records = tuple[list[list[object]], list[int], list[str]]  # header and rows, row numbers, a note


def read_document(file_name: str, data: bytes, extension: str) -> Records | None:
    """The header and rows of a JSON or YAML file's records, their row numbers (the header's 0) and a note
    on where they were found; None when the file is no such document (a CSV whose first cell starts with
    "[" or "{" is read as the CSV it is)."""
    if extension in YAML_EXTENSIONS:
        return _as_table(file_name, "YAML", _yaml_document(file_name, data), None)
    # a look at the file's head only: stripping the whole of a large CSV would copy it
    opening = data[:_HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if extension not in _JSON_EXTENSIONS and opening not in (b"[", b"{"):
        return None
    try:
        text = data.decode(json.detect_encoding(data))  # UTF-8, or UTF-16 or -32 by its first bytes
    except UnicodeDecodeError:
        if extension not in _JSON_EXTENSIONS:
            return None
        raise InputError(f"'{file_name}' is not valid JSON (its text is not UTF-8).") from None
    _refuse_beyond(file_name, "JSON", text, MAX_JSON_CHARS)
    try:
        document, line_numbers = _json_document(text)
    except json.JSONDecodeError as error:
        document, line_numbers = _written_by_hand(text), None
        if document is None and extension not in _JSON_EXTENSIONS:
            return None  # "[a, b]" opens a CSV line as well: read as the text it is
        if document is None:
            raise InputError(f"'{file_name}' is not valid JSON ({error.msg}, line {error.lineno}).") from None
    except RecursionError:
        raise InputError(f"'{file_name}' is JSON nested too deeply to be a table of applications.") from None
    return _as_table(file_name, "JSON", document, line_numbers)


def _written_by_hand(text: str) -> list[Any] | dict[Any, Any] | None:
    """A list or mapping written by hand as JSON is not quite (a comma after the last entry, a comment,
    single quotes, strings split over lines) or as Python writes it ("None", "True"): its values, read
    as literals only, never run; None when it is no such list or mapping."""
    if len(text) > _MAX_HAND_WRITTEN_CHARS or not text.rstrip().endswith(("]", "}")):
        return None  # a CSV whose first cell opens with "[" ends as no list does
    try:
        source = tokenize.untokenize(
            (kind, _PYTHON_WORDS.get(word, word) if kind == tokenize.NAME else word)
            for kind, word, *_ in tokenize.generate_tokens(io.StringIO(text).readline)
        )
        document = ast.literal_eval(source)
    except (SyntaxError, ValueError, TypeError, MemoryError, RecursionError, tokenize.TokenError):
        return None
    return document if isinstance(document, list | dict) else None


_MAX_HAND_WRITTEN_CHARS: Final = 5_000_000  # read as Python literals: slower than JSON, and never large
_PYTHON_WORDS: Final = {"true": "True", "false": "False", "null": "None"}


def _as_table(file_name: str, kind: str, document: Any, line_numbers: list[int] | None) -> Records:
    """The records of a document as a table: its longest list of records, or JSON Lines' lines."""
    try:
        if line_numbers is not None:
            found: tuple[str, list[dict[str, Any]]] | None = ("", document)
        else:
            found = max(_record_lists(document, ""), key=lambda found: len(found[1]), default=None)
        flat = [flat_record(record) for record in found[1]] if found else []
    except RecursionError:
        raise InputError(
            f"'{file_name}' is {kind} nested too deeply to be a table of applications."
        ) from None
    if found is None:
        raise InputError(
            f"'{file_name}' is {kind} with no list of records (objects with the same kind of fields) to read "
            "as applications."
        )
    where, records = found
    header = list(dict.fromkeys(key for row in flat for key in row))
    if len(header) > MAX_COLUMNS:
        raise InputError(too_many_columns(file_name, len(header)))
    table: list[list[object]] = [list(header), *([row.get(key) for key in header] for row in flat)]
    if line_numbers is not None:
        note = f"Read the file's {len(records):,} JSON lines, one record a row, their fields the columns."
        return table, [0, *line_numbers], [note]
    place = f" under '{where}'" if where else ""
    note = f"Read the {kind} file's {len(records):,} records{place}, one a row, their fields the columns."
    return table, list(range(len(table))), [note]


def _refuse_beyond(file_name: str, kind: str, text: str, most: int) -> None:
    """A document read whole into Python objects has a limit; a CSV export has none."""
    if len(text) > most:
        raise InputError(
            f"'{file_name}' is a {kind} file of {len(text) / 1e6:,.1f} million characters; {kind} files "
            f"up to {most // 1_000_000} million can be read (a CSV export has no such limit)."
        )


def _yaml_document(file_name: str, data: bytes) -> Any:
    """A YAML file's document (its documents, when "---" parts several), read without anchors and
    aliases: an alias repeats a part of the document, and repeated inside itself it grows without end."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"'{file_name}' is not valid YAML (its text is not UTF-8).") from None
    _refuse_beyond(file_name, "YAML", text, MAX_YAML_CHARS)
    try:
        documents = [document for document in yaml.load_all(text, Loader=PlainYaml) if document is not None]
    except yaml.MarkedYAMLError as error:
        where = f", line {error.problem_mark.line + 1}" if error.problem_mark else ""
        raise InputError(f"'{file_name}' is not valid YAML ({error.problem}{where}).") from None
    except yaml.YAMLError as error:
        raise InputError(f"'{file_name}' is not YAML that could be read ({error}).") from None
    except RecursionError:
        raise InputError(f"'{file_name}' is YAML nested too deeply to be a table of applications.") from None
    return documents[0] if len(documents) == 1 else documents


class PlainYaml(yaml.SafeLoader):
    """Safe YAML (plain values, lists and mappings only) with no aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="an alias ('*name'), which is not read", problem_mark=event.start_mark
            )
        return super().compose_node(parent, index)


def _json_document(text: str) -> tuple[Any, list[int] | None]:
    """The JSON document, or for JSON Lines the list of its records with their line numbers; raises the
    document's own error when neither (a damaged JSON document is reported as the JSON it meant to be)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        if error.msg != "Extra data":  # more than one value: JSON Lines, if every line holds an object
            raise
        numbers, records = [], []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    raise error from None
                if not isinstance(record, dict):
                    raise
                numbers.append(number)
                records.append(record)
        return records, numbers


def _record_lists(value: Any, path: str, depth: int = 0) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Every list of objects in the document, with where it is."""
    if isinstance(value, list):
        records = [item for item in value if isinstance(item, dict)]
        if records and len(records) >= len(value) / 2:
            yield path, records
    elif isinstance(value, dict) and depth < _MAX_DEPTH:
        for key, inner in value.items():
            if key != "schema":  # pandas' table schema describes the columns, it holds no record
                yield from _record_lists(inner, f"{path}.{key}" if path else str(key), depth + 1)


def flat_record(record: dict[str, Any], prefix: str = "") -> dict[str, object]:
    cells: dict[str, object] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            cells.update(flat_record(value, f"{name}."))
        elif isinstance(value, list):
            cells[name] = "; ".join(_entry(item) for item in value if item not in (None, "")) or None
        else:
            cells[name] = None if value == "" else value
    return cells


def _entry(item: object) -> str:
    if isinstance(item, dict):
        return " ".join(_entry(value) for value in item.values() if value not in (None, ""))
    if isinstance(item, list):
        return ", ".join(_entry(value) for value in item)
    if isinstance(item, str) and _IDENTIFIER.fullmatch(item):  # an app's own name of a step: "initialScreen"
        return label_words(item)  # "initial Screen", "interview 3"
    if isinstance(item, str) and (moment := _MOMENT.match(item)):  # a step's day, not its millisecond
        return moment.group(1)
    return str(item)


_IDENTIFIER: Final = re.compile(r"[A-Za-z]+\d*")
_MOMENT: Final = re.compile(  # "2025-04-02T23:17:31.591Z": an ISO moment, its day first
    r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
