"""Map a file's columns to the canonical fields, by name (aliases, fuzzy) and by content.

Each column gets one field (or none) with a confidence and the method that decided, so the user can
review and override every choice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import pandas as pd
from rapidfuzz import fuzz, process

from nextround.importing.dates import date_share
from nextround.importing.status import FlagValue, read_flag_cell, read_status, stage_column_kind, status_key
from nextround.resources import load_toml

FIELDS: Final[tuple[str, ...]] = (
    "company",
    "role",
    "applied_on",
    "source",
    "location",
    "url",
    "status",
    "stage",
    "outcome_text",
    "outcome_on",
    "last_event_on",
    "contact_name",
    "contact_email",
    "contact_phone",
    "screening_answers",
    "followed_up",
    "job_description",
    "required_skills",
    "feedback",
    "notes",
    "interview_count",
    "stage_column",
)
IGNORE: Final = "ignore"
DATE_FIELDS: Final = frozenset({"applied_on", "outcome_on", "last_event_on"})
SENSITIVE_FIELDS: Final = frozenset({"contact_email", "contact_phone", "screening_answers"})
# Fields one file can have at most once; stage columns can be many.
SINGLE_FIELDS: Final = frozenset(FIELDS) - {"stage_column"}

_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s().-]{7,20}$")


@dataclass(frozen=True)
class ColumnMapping:
    """How one column of one file was read."""

    column: str  # the header as written (made unique)
    field: str | None  # a name from FIELDS, or None: kept as the user's own column
    confidence: float  # 0..1
    method: str  # "name", "name (fuzzy)", "content", "stage column", "your choice", "not mapped"


def normalise_header(header: object) -> str:
    text = unicodedata.normalize("NFKC", str(header or "")).casefold()
    text = re.sub(r"[_\-/|:.,;()\[\]#*?!'\"]+", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    """Normalised alias -> field."""
    index: dict[str, str] = {}
    for field, entry in load_toml("column_aliases.toml")["fields"].items():
        for alias in entry["aliases"]:
            index.setdefault(normalise_header(alias), field)
    return index


def is_known_label(text: str) -> bool:
    """True when a cell reads like a tracker's column name (helps find the header row)."""
    key = normalise_header(text)
    return bool(key) and (key in _alias_index() or stage_column_kind(str(text)) is not None)


def field_by_name(header: str) -> tuple[str | None, float, str]:
    """The field a header names, with confidence and method; (None, 0, "") when it names none."""
    key = normalise_header(header)
    if not key:
        return None, 0.0, ""
    index = _alias_index()
    if key in index:
        return index[key], 1.0, "name"
    if stage_column_kind(header) is not None:
        return "stage_column", 0.9, "stage column"
    # An alias as whole words inside a longer header ("Company (HQ)", "Date applied to role").
    words = f" {key} "
    best = max(
        (alias for alias in index if len(alias) >= 4 and f" {alias} " in words),
        key=len,
        default=None,
    )
    if best is not None:
        return index[best], 0.8, "name"
    match = process.extractOne(key, list(index), scorer=fuzz.ratio, score_cutoff=88)
    if match is not None:
        return index[match[0]], 0.65, "name (fuzzy)"
    return None, 0.0, ""


def _non_empty_text(values: pd.Series, sample: int = 300) -> pd.Series:
    """Up to ``sample`` non-empty cells as text, from the top of the column (enough to judge content)."""
    head = values.head(sample * 4).dropna()
    texts = pd.Series([str(v).strip() for v in head], dtype=object)
    return texts[texts != ""].head(sample)


def _share(texts: pd.Series, predicate: Callable[[str], bool]) -> float:
    return float(texts.map(predicate).mean()) if len(texts) else 0.0


def _status_share(texts: pd.Series) -> float:
    keys = texts.map(status_key).unique()
    if len(keys) == 0:
        return 0.0
    readable = sum(read_status(k).known and read_status(k).rule != "" for k in keys)
    return readable / len(keys)


def field_by_content(values: pd.Series) -> tuple[str | None, float]:
    """Guess a field from what a column holds; (None, 0) when nothing is clear."""
    texts = _non_empty_text(values)
    if len(texts) == 0:
        return None, 0.0
    if _share(texts, lambda t: bool(_URL.match(t))) >= 0.8:
        return "url", 0.8
    if _share(texts, lambda t: bool(_EMAIL.match(t))) >= 0.8:
        return "contact_email", 0.8
    if date_share(values) >= 0.8:
        return "applied_on", 0.6
    if texts.str.len().mean() >= 120:
        return "job_description", 0.5
    if texts.nunique() <= max(30, len(texts) // 3) and _status_share(texts) >= 0.6:
        return "status", 0.7
    if _share(texts, lambda t: bool(_PHONE.match(t)) and sum(c.isdigit() for c in t) >= 7) >= 0.8:
        return "contact_phone", 0.6
    return None, 0.0


def _holds_stage_flags(values: pd.Series) -> bool:
    """Mostly yes/no/tick/date cells: a per-stage column ("Recruiter": yes, "Phone": 8/5/2019)."""
    texts = _non_empty_text(values)
    if len(texts) == 0:
        return False
    readable = texts.map(lambda t: read_flag_cell(t)[0] not in (FlagValue.UNKNOWN, FlagValue.EMPTY))
    return float(readable.mean()) >= 0.6


def _content_confirms(field: str, values: pd.Series) -> bool:
    """A name match is kept only when the content does not contradict it."""
    texts = _non_empty_text(values)
    if len(texts) == 0:
        return True
    if field in DATE_FIELDS:
        return date_share(values) >= 0.5
    if field == "url":
        return _share(texts, lambda t: bool(_URL.match(t)) or "." in t) >= 0.5
    return True


def map_columns(
    frame: pd.DataFrame,
    overrides: Mapping[str, str] | None = None,
) -> list[ColumnMapping]:
    """Decide a field for every column of ``frame`` (raw cells, headers as columns).

    ``overrides`` maps a header to a field or ``"ignore"``; the user's choice always wins.
    """
    overrides = overrides or {}
    proposals: list[tuple[str, str | None, float, str]] = []
    for column in frame.columns:
        if column in overrides:
            choice = overrides[column]
            proposals.append((column, None if choice == IGNORE else choice, 1.0, "your choice"))
            continue
        field, confidence, method = field_by_name(column)
        if field is not None and not _content_confirms(field, frame[column]):
            field, confidence, method = None, 0.0, ""
        # A header that names a person or a phone but holds yes/no/dates is a stage column.
        if (
            field in ("contact_name", "contact_phone")
            and stage_column_kind(column) is not None
            and _holds_stage_flags(frame[column])
        ):
            field, confidence, method = "stage_column", 0.8, "stage column"
        proposals.append((column, field, confidence, method))

    taken = {field for column, field, _, method in proposals if method == "your choice" and field}
    decided: dict[str, ColumnMapping] = {}
    # Strongest claims first; a single field goes to one column only.
    for column, field, confidence, method in sorted(proposals, key=lambda p: -p[2]):
        if method == "your choice":
            decided[column] = ColumnMapping(column, field, confidence, method)
        elif field is not None and (field not in SINGLE_FIELDS or field not in taken):
            taken.add(field)
            decided[column] = ColumnMapping(column, field, confidence, method)

    for column in frame.columns:
        if column in decided:
            continue
        field, confidence = field_by_content(frame[column])
        if field == "applied_on" and "applied_on" in taken:
            field = "last_event_on" if "last_event_on" not in taken else None
        if field is not None and field not in taken:
            taken.add(field)
            decided[column] = ColumnMapping(column, field, confidence, "content")
        else:
            decided[column] = ColumnMapping(column, None, 0.0, "not mapped")
    return [decided[column] for column in frame.columns]


def columns_for(mapping: Sequence[ColumnMapping], field: str) -> list[str]:
    return [m.column for m in mapping if m.field == field]
