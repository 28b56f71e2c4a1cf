"""Read what a status text or a per-stage column says about how far an application got.

The words live in ``data/status_vocabulary.toml`` (its header says how they are matched); each distinct
text is read once and remembered.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Final, Literal

import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import OSA

from nextround.importing.cells import code_counts, distinct_values
from nextround.model import OUTCOME_DTYPE, OUTCOMES, STAGE_DTYPE, STAGES, Stage
from nextround.resources import load_toml

VOCABULARY_FILE: Final = "status_vocabulary.toml"
StageColumnKind = Stage | Literal["rejected", "in_progress", "ghosted", "withdrawn"]

# Strongest first: when a text names several outcomes, the first of these wins.
OUTCOME_STRENGTH: Final[tuple[str, ...]] = ("rejected", "withdrawn", "ghosted", "offer", "pending")
_LATIN: Final = "0-9a-z"
_FUZZY_MIN_LENGTH: Final = 6


@dataclass(frozen=True)
class StatusReading:
    """What one status text says."""

    stage: Stage  # furthest stage the text says was reached (APPLIED when it names none)
    outcome: str  # one of model.OUTCOMES ("pending" when it names none)
    known: bool  # False when the text could not be read at all
    is_application: bool  # False for saved / wishlist / bookmarked: never applied to
    rule: str  # the vocabulary phrases that decided, for the review table ("" if none)


class FlagValue(Enum):
    """What one cell of a per-stage column ("Phone Screen", "Onsite", "Auto Rejected") says."""

    EMPTY = "empty"
    REACHED = "reached"  # Y, yes, x, ✓, done, a date ...
    NOT_REACHED = "not_reached"  # N, no, 0, false, n/a
    GHOSTED = "ghosted"  # G, ghosted, no response
    REJECTED = "rejected"  # rejected, failed, declined
    WITHDRAWN = "withdrawn"  # expired (a challenge left to lapse), withdrew: the stage was reached
    UNKNOWN = "unknown"  # text that says none of these


@dataclass(frozen=True)
class _Entry:
    phrase: str
    kind: Literal["meaning", "not_application", "unreadable"]
    stage: Stage | None
    outcome: str | None


@dataclass(frozen=True)
class _Vocabulary:
    entries: dict[str, _Entry]
    pattern: re.Pattern[str]  # every phrase; used for text with non-Latin characters
    by_first_word: dict[str, list[tuple[str, ...]]]  # Latin phrases by first word, longest first
    words: frozenset[str]
    squeezed: dict[str, str]
    fuzzy_targets: dict[str, list[str]]  # first letter -> stand-alone words
    never_correct: frozenset[str]
    negators: frozenset[str]
    fillers: frozenset[str]


_APOSTROPHES: Final = re.compile(r"['’‘`´]")
_NON_WORD: Final = re.compile(r"[\W_]+")


def normalise_text(text: str) -> str:
    """Lower-case, accent-free, punctuation-free, single-spaced form used for matching."""
    folded = text.lower()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKC", folded).lower()
        for before, after in (("ß", "ss"), ("œ", "oe"), ("æ", "ae"), ("ø", "o"), ("ł", "l")):
            folded = folded.replace(before, after)
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        folded = unicodedata.normalize("NFKC", folded)
    folded = _APOSTROPHES.sub("", folded)
    return _NON_WORD.sub(" ", folded).strip()


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _is_latin_word(word: str) -> bool:
    return word.isascii() and word.isalpha()


def _is_latin_char(char: str) -> bool:
    return ("a" <= char <= "z") or ("0" <= char <= "9")


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """One regex for many phrases, built as a trie so each position is tried once, longest phrase first.

    A phrase that starts (ends) with a Latin letter or digit must not touch another one before (after) it.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict], last: str) -> str:
        branches = [re.escape(char) + emit(child, char) for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append(f"(?![{_LATIN}])" if _is_latin_char(last) else "")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    starts = [
        (f"(?<![{_LATIN}])" if _is_latin_char(char) else "") + re.escape(char) + emit(child, char)
        for char, child in sorted(trie.items())
    ]
    return re.compile("|".join(starts))


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = load_toml(VOCABULARY_FILE)
    entries: dict[str, _Entry] = {}

    def add(phrase: str, entry: _Entry) -> None:
        entries.setdefault(normalise_text(phrase), entry)

    for group in data["meaning"]:
        stage = Stage[group["stage"].upper()] if "stage" in group else None
        for phrase in group["phrases"]:
            add(phrase, _Entry(normalise_text(phrase), "meaning", stage, group.get("outcome")))
    for phrase in data["not_application"]["phrases"]:
        add(phrase, _Entry(normalise_text(phrase), "not_application", None, None))
    for phrase in data["unreadable"]["phrases"]:
        add(phrase, _Entry(normalise_text(phrase), "unreadable", None, None))

    words = frozenset(w for phrase in entries for w in phrase.split() if _is_latin_word(w))
    squeezed: dict[str, str] = {}
    clashes: set[str] = set()
    for word in words:
        key = _squeeze(word)
        if key in squeezed and squeezed[key] != word:
            clashes.add(key)
        squeezed[key] = word
    never_correct = frozenset(data["fuzzy"]["never_correct"])
    fuzzy_targets: dict[str, list[str]] = {}
    for phrase, entry in entries.items():
        if (
            entry.kind == "meaning"
            and _is_latin_word(phrase)
            and len(phrase) >= _FUZZY_MIN_LENGTH
            and phrase not in never_correct
        ):
            fuzzy_targets.setdefault(phrase[0], []).append(phrase)
    return _Vocabulary(
        entries=entries,
        pattern=_phrase_regex(list(entries)),
        by_first_word=_index_by_first_word([p for p in entries if p.isascii()]),
        words=words,
        squeezed={k: v for k, v in squeezed.items() if k not in clashes},
        fuzzy_targets=fuzzy_targets,
        never_correct=never_correct,
        negators=frozenset(data["negators"]["words"]),
        fillers=frozenset(data["negators"]["fillers"]),
    )


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return False


def status_key(text: object) -> str:
    """Grouping / override key: stripped, lower-cased, spaces collapsed, trailing punctuation dropped."""
    if _is_missing(text):
        return ""
    if isinstance(text, float | np.floating) and float(text).is_integer():
        text = int(text)
    key = " ".join(unicodedata.normalize("NFKC", str(text)).lower().split())
    end = len(key)
    while end > 0 and (key[end - 1].isspace() or unicodedata.category(key[end - 1])[0] in "PS"):
        end -= 1
    return key[:end]


@lru_cache(maxsize=50_000)
def _mended_word(word: str) -> str | None:
    """The vocabulary word a misspelt word stands for, or None when it is fine or no clear match."""
    vocabulary = _vocabulary()
    if (
        len(word) < 4
        or not _is_latin_word(word)
        or word in vocabulary.words
        or word in vocabulary.never_correct
    ):
        return None
    fixed = vocabulary.squeezed.get(_squeeze(word))
    if fixed is None and len(word) >= _FUZZY_MIN_LENGTH:
        targets = vocabulary.fuzzy_targets.get(word[0], [])
        best = process.extractOne(word, targets, scorer=OSA.distance, score_cutoff=1)
        fixed = best[0] if best is not None else None
    return fixed


def _correct_words(words: list[str]) -> tuple[list[str], dict[str, str]]:
    """Mend repeated letters and one-letter typos; return the words and {mended word: as written}."""
    mended: list[str] = []
    notes: dict[str, str] = {}
    for word in words:
        fixed = _mended_word(word)
        mended.append(word if fixed is None else fixed)
        if fixed is not None:
            notes.setdefault(fixed, word)
    return mended, notes


def _index_by_first_word(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=lambda p: len(p.split()), reverse=True):
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append(words)
    return index


def _find_phrases(text: str, vocabulary: _Vocabulary) -> list[tuple[str, list[str]]]:
    """Vocabulary phrases in the text, leftmost-longest, each with the words before it."""
    if not text.isascii():
        return [(m.group(0), text[: m.start()].split()) for m in vocabulary.pattern.finditer(text)]
    # Plain Latin text: walking the words is the same match as the regex, many times faster on notes.
    words = text.split()
    found: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(words):
        for phrase in vocabulary.by_first_word.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append((" ".join(phrase), words[:i]))
                i += len(phrase)
                break
        else:
            i += 1
    return found


def _negated(before: list[str], vocabulary: _Vocabulary) -> bool:
    for word in reversed(before):
        if word in vocabulary.fillers:
            continue
        return word in vocabulary.negators
    return False


@lru_cache(maxsize=100_000)
def _read_key(key: str) -> StatusReading:
    nothing = StatusReading(Stage.APPLIED, "pending", known=False, is_application=True, rule="")
    if not key:
        return nothing
    vocabulary = _vocabulary()
    words, corrections = _correct_words(normalise_text(key).split())
    text = " ".join(words)
    meanings: list[_Entry] = []
    not_application: list[_Entry] = []
    unreadable: list[_Entry] = []
    for phrase, before in _find_phrases(text, vocabulary):
        entry = vocabulary.entries[phrase]
        if entry.kind == "not_application":
            not_application.append(entry)
        elif entry.kind == "unreadable":
            unreadable.append(entry)
        elif not (entry.stage is not None and entry.stage > Stage.APPLIED and _negated(before, vocabulary)):
            meanings.append(entry)
    says_something = any(e.stage is not None or e.outcome is not None for e in meanings)
    if not says_something and not not_application:
        rule = "unreadable: " + unreadable[0].phrase if unreadable else ""
        return StatusReading(Stage.APPLIED, "pending", known=False, is_application=True, rule=rule)

    stages = [e.stage for e in meanings if e.stage is not None]
    stages += [Stage.OFFER for e in meanings if e.outcome == "offer" and e.stage is None]
    stage = max(stages, default=Stage.APPLIED)
    named = {e.outcome for e in meanings if e.outcome is not None}
    outcome = next((o for o in OUTCOME_STRENGTH if o in named), "pending")
    says_applied = any(e.stage == Stage.APPLIED for e in meanings)
    is_application = not (not_application and stage == Stage.APPLIED and not says_applied)
    phrases = list(dict.fromkeys(e.phrase for e in meanings + not_application))
    phrases = [f"{p} (read from '{corrections[p]}')" if p in corrections else p for p in phrases]
    if not is_application:
        phrases = [f"{phrases[0]} (not applied)", *phrases[1:]]
    rule = " + ".join(phrases)
    return StatusReading(stage, outcome, known=True, is_application=is_application, rule=rule)


def read_status(text: object) -> StatusReading:
    """Read one status text (any language the vocabulary covers); memoised per status key."""
    return _read_key(status_key(text))


def override_reading(choice: tuple[str, str]) -> StatusReading:
    """The reading a user chose in the status review table: (stage, outcome) labels."""
    stage, outcome = choice
    if stage not in STAGES or outcome not in OUTCOMES:
        raise ValueError(
            f"status override {choice!r}: stage must be one of {STAGES}, outcome one of {OUTCOMES}"
        )
    return StatusReading(Stage[stage.upper()], outcome, known=True, is_application=True, rule="your choice")


def distinct_statuses(values: pd.Series, overrides: Mapping[str, tuple[str, str]] = {}) -> pd.DataFrame:
    """One row per distinct status key (blank ones left out), most frequent first, with its reading.

    Columns: raw (most common spelling), key, count, stage, outcome, known, is_application, rule, overridden.
    """
    codes, uniques = distinct_values(pd.Series(values))
    counts = code_counts(codes, len(uniques))
    spellings = pd.DataFrame(
        {"raw": [str(u) for u in uniques], "key": [status_key(u) for u in uniques], "count": counts}
    )
    spellings = spellings[(spellings["key"] != "") & (spellings["count"] > 0)]
    spellings = spellings.sort_values(["count", "raw"], ascending=[False, True], kind="stable")
    table = (
        spellings.groupby("key", sort=False).agg(raw=("raw", "first"), count=("count", "sum")).reset_index()
    )
    table = table.sort_values(["count", "key"], ascending=[False, True], kind="stable").reset_index(drop=True)
    readings = [override_reading(overrides[k]) if k in overrides else _read_key(k) for k in table["key"]]
    return pd.DataFrame(
        {
            "raw": table["raw"].astype("str"),
            "key": table["key"].astype("str"),
            "count": table["count"].astype("int64"),
            "stage": pd.Categorical([r.stage.label for r in readings], dtype=STAGE_DTYPE),
            "outcome": pd.Categorical([r.outcome for r in readings], dtype=OUTCOME_DTYPE),
            "known": np.array([r.known for r in readings], dtype=bool),
            "is_application": np.array([r.is_application for r in readings], dtype=bool),
            "rule": pd.Series([r.rule for r in readings], dtype="str"),
            "overridden": table["key"].isin(list(overrides)).to_numpy(dtype=bool),
        }
    )


_HeaderVocabulary = tuple[frozenset[str], frozenset[str], list[tuple[StageColumnKind, re.Pattern[str]]]]


@lru_cache(maxsize=1)
def _stage_column_vocabulary() -> _HeaderVocabulary:
    data = load_toml(VOCABULARY_FILE)["stage_columns"]
    kinds: list[tuple[StageColumnKind, str]] = [
        ("rejected", "rejected"),
        ("in_progress", "in_progress"),
        ("ghosted", "ghosted"),
        ("withdrawn", "withdrawn"),
        (Stage.OFFER, "offer"),
        (Stage.FINAL, "final"),
        (Stage.INTERVIEW, "interview"),
        (Stage.SCREEN, "screen"),
    ]
    groups = [(kind, _phrase_regex([normalise_text(p) for p in data[name]])) for kind, name in kinds]
    headers = frozenset(normalise_text(h) for h in data["not_stage_headers"])
    words = frozenset(normalise_text(w) for w in data["not_stage_words"])
    return headers, words, groups


def stage_column_kind(header: str) -> StageColumnKind | None:
    """Classify a per-stage column header; None for ordinary headers ("Company", "Status", "Notes").

    A header naming a stage, or the date of one ("Interview Date"), is a stage column; a header about
    details of a stage ("Interview notes", "Interviewer", "Number of interviews") is not. When several
    stage words appear, the longest phrase decides ("Panel Interview" → final, "HR Interview" → screen).
    """
    key = normalise_text(str(header))
    headers, not_stage_words, groups = _stage_column_vocabulary()
    if not key or key in headers:
        return None
    if any(w in not_stage_words for w in key.split()) or any(
        w in key for w in not_stage_words if not _is_latin_word(w)
    ):
        return None
    best: tuple[int, int, StageColumnKind] | None = None
    for order, (kind, pattern) in enumerate(groups):
        for match in pattern.finditer(key):
            candidate = (len(match.group(0)), -order, kind)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return best[2] if best is not None else None


_ISO_DATE: Final = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC_DATE: Final = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?!\d)")
_MONTHS: Final = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    "august|september|october|november|december"
)
_DATE_LIKE: Final = re.compile(
    rf"^(?:[\d\s/.\-&,]*\d[\d\s/.\-&,]*|\d{{1,2}}[\s\-/.]*(?:{_MONTHS})[a-z]*\.?(?:[\s\-/.,]*\d{{2,4}})?|"
    rf"(?:{_MONTHS})[a-z]*\.?[\s\-/.]*\d{{1,2}}(?:[\s\-/.,]*\d{{2,4}})?)$"
)
_CONNECTORS: Final = re.compile(r"^[\s&,;/+\-]*(?:(?:and|und|et|y|on|am|le|el)[\s&,;/+\-]*)*$")
_FIRST_YEAR: Final = 1990
_LAST_YEAR: Final = 2100
_EXCEL_EPOCH: Final = dt.date(1899, 12, 30)


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dates_in(text: str, dayfirst: bool) -> tuple[list[dt.date], str]:
    """Dates written in the text, and the text with them taken out."""
    found: list[dt.date] = []
    for match in _ISO_DATE.finditer(text):
        if (d := _valid_date(int(match[1]), int(match[2]), int(match[3]))) is not None:
            found.append(d)
    rest = _ISO_DATE.sub(" ", text)
    for match in _NUMERIC_DATE.finditer(rest):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        day_first = first > 12 or (dayfirst and second <= 12)
        day, month = (first, second) if day_first else (second, first)
        if (d := _valid_date(year, month, day)) is not None:
            found.append(d)
    return found, _NUMERIC_DATE.sub(" ", rest)


@lru_cache(maxsize=1)
def _flag_words() -> dict[str, FlagValue]:
    data = load_toml(VOCABULARY_FILE)["flags"]
    words: dict[str, FlagValue] = {}
    for name, value in (
        ("reached", FlagValue.REACHED),
        ("not_reached", FlagValue.NOT_REACHED),
        ("ghosted", FlagValue.GHOSTED),
        ("rejected", FlagValue.REJECTED),
        ("withdrawn", FlagValue.WITHDRAWN),
    ):
        for word in data[name]:
            for key in (status_key(word), word.strip().lower()):  # the raw form keeps ticks and crosses
                if key:
                    words.setdefault(key, value)
    return words


def _flag_from_words(key: str) -> FlagValue:
    if not key:
        return FlagValue.EMPTY
    if (value := _flag_words().get(key)) is not None:
        return value
    reading = _read_key(key)
    if not reading.known or not reading.is_application:
        return FlagValue.UNKNOWN
    return {
        "rejected": FlagValue.REJECTED,
        "ghosted": FlagValue.GHOSTED,
        "withdrawn": FlagValue.WITHDRAWN,
    }.get(reading.outcome, FlagValue.REACHED)


def read_flag_cell(value: object, dayfirst: bool = False) -> tuple[FlagValue, dt.date | None]:
    """Read one cell of a per-stage column, with the latest date it holds (None when it holds none).

    Yes-words, ticks, positive numbers and dates mean REACHED; "expired" (a challenge the candidate let
    lapse) means WITHDRAWN, which still counts the stage as reached; blank and "-" mean EMPTY.
    ``dayfirst`` settles 01/02/2025-style dates (the importer decides it per file).
    """
    if _is_missing(value):
        return FlagValue.EMPTY, None
    if isinstance(value, bool | np.bool_):
        return (FlagValue.REACHED if value else FlagValue.NOT_REACHED), None
    if isinstance(value, dt.date | np.datetime64):
        day = value.date() if isinstance(value, dt.datetime) else value
        if isinstance(day, np.datetime64):
            day = day.astype("datetime64[D]").item()
        in_range = isinstance(day, dt.date) and _FIRST_YEAR <= day.year <= _LAST_YEAR
        return FlagValue.REACHED, day if in_range else None
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        first, last = (dt.date(y, 1, 1) - _EXCEL_EPOCH for y in (_FIRST_YEAR, _LAST_YEAR))
        in_range = first.days <= number < last.days
        serial_date = _EXCEL_EPOCH + dt.timedelta(days=int(number)) if in_range else None
        if serial_date is not None:
            return FlagValue.REACHED, serial_date
        if number == 0:
            return FlagValue.NOT_REACHED, None
        return (FlagValue.REACHED if number > 0 else FlagValue.UNKNOWN), None
    if (word_value := _flag_words().get(str(value).strip().lower())) is not None:
        return word_value, None
    key = status_key(value)
    if key.strip("-–— ") == "":
        return FlagValue.EMPTY, None
    if (word_value := _flag_words().get(key)) is not None:
        return word_value, None
    dates, rest = _dates_in(key, dayfirst)
    latest = max(dates, default=None)
    if _CONNECTORS.match(rest):
        return (FlagValue.REACHED if dates else FlagValue.UNKNOWN), latest
    if not dates and _DATE_LIKE.match(key):
        # A date we cannot pin down ("8/82019", "8-Jul") still says the stage happened.
        return FlagValue.REACHED, None
    word_value = _flag_from_words(status_key(rest))
    if word_value in (FlagValue.UNKNOWN, FlagValue.EMPTY) and dates:
        return FlagValue.REACHED, latest
    return word_value, latest
