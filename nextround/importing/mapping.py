"""Decide what each column of a tracker holds, from its header in any language AND from its values.

A header proposes fields (``data/languages``: "Firma" → company, "Applied" → the date applied or an
applied yes/no); the values decide among them and can overrule the header: a column of phone numbers is
contact details whatever its name, a "Recruiter" column of yes/no and dates is a stage column. A header
that names something the candidate did ("Messaged recruiter", "Sent CV") or plans ("Next step") is
never read as a stage. Each column gets one field (or none) with a confidence, the method that decided
and, for the review, a reason in plain words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Final

import pandas as pd
from rapidfuzz import fuzz, process

from nextround.importing.cells import EMAIL, URL
from nextround.importing.dates import date_share
from nextround.importing.entry_kinds import names_entry_kinds
from nextround.importing.phrases import label_words, normalise, words
from nextround.importing.progress_text import read_text
from nextround.importing.roles import read_role
from nextround.importing.stage_outcome import Flag, read_flag_cell
from nextround.importing.vocabulary import cell_answer, vocabulary
from nextround.model import UNKNOWN_FAMILY

# Every field a column can be read as, with the words the review shows for it.
FIELD_LABELS: Final[dict[str, str]] = {
    "company": "Company",
    "role": "Job title",
    "label": "Company and job together (one name per application)",
    "record_id": "A running number or id",
    "applied_on": "Date you applied",
    "applied_flag": "Applied? (yes / no)",
    "other_date": "Another date (posted, added, deadline)",
    "source": "Where you found or applied (LinkedIn, referral, site)",
    "location": "Location",
    "url": "Link to the job",
    "status": "Status",
    "stage": "How far it got (stage, history)",
    "outcome_text": "Result (got it or not)",
    "response": "Did they reply",
    "outcome_on": "Date of their answer",
    "last_event_on": "Date of the latest step or contact",
    "contact_name": "Contact person",
    "contact_email": "Contact e-mail (left out)",
    "contact_phone": "Contact phone (left out)",
    "screening_answers": "Your answers to application questions (left out)",
    "followed_up": "Followed up? (yes / no)",
    "job_description": "Job description",
    "required_skills": "Skills asked for",
    "feedback": "Feedback from the employer",
    "notes": "Notes",
    "interview_count": "Number of interviews",
    "next_step": "Your next step (a plan, not progress)",
    "candidate_action": "Something you did (sent CV, messaged): not progress",
    "stage_column": "A hiring step (ticked, yes / no, or dated)",
    "entry_kind": "What kind of entry (an application, or networking)",
    "job_detail": "About the job (industry, salary, contract): kept as written",
}
FIELDS: Final[tuple[str, ...]] = tuple(FIELD_LABELS)
IGNORE: Final = "ignore"
DATE_FIELDS: Final = frozenset({"applied_on", "outcome_on", "last_event_on", "other_date"})
SENSITIVE_FIELDS: Final = frozenset({"contact_email", "contact_phone", "screening_answers"})
# Fields several columns may have; every other field goes to one column only.
MULTI_FIELDS: Final = frozenset(
    {
        "stage_column",
        "notes",
        "stage",
        "other_date",
        "next_step",
        "candidate_action",
        "record_id",
        "job_detail",
    }
)
# Fields a header names only when it is exactly one of their names: "Skill Name" is no "Name".
EXACT_ONLY_FIELDS: Final = frozenset({"label", "record_id"})
# Fields only the values can confirm: a "Type" column of "Full-time" is no entry kind, and not worth a word.
_VALUES_DECIDE: Final = frozenset({"entry_kind"})
_SAMPLE: Final = 300
ADVERT_LENGTH: Final = 400  # median characters of a "notes" column that holds pasted job adverts

_PHONE = re.compile(r"^\+?[\d\s().-]{7,20}$")
_DATE_SHAPE = re.compile(r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_FEW_VALUES = 3  # a column of fewer filled cells is named by its header: its values are no evidence
_ID = re.compile(r"^[A-Za-z]{0,3}[-#]?\d{1,7}[A-Za-z]?$|^[A-Za-z]\d?$")


@dataclass(frozen=True)
class ColumnMapping:
    """How one column of one file was read."""

    column: str  # the header as written (made unique)
    field: str | None  # a key of FIELD_LABELS, or None: kept as the user's own column
    confidence: float  # 0..1
    method: str  # "name", "name (fuzzy)", "content", "stage column", "your choice", "not mapped"
    kind: str | None = None  # for a stage column: screen, interview, final, offer, rejected, ... cv_screen
    reason: str = ""  # why, in plain words, when the values decided against the name


class ValueProfile:
    """What a column's cells hold, as shares of its filled cells (from a sample of the top ``_SAMPLE``).

    Each share is worked out the first time it is asked for: most columns are settled by their header
    after one or two of them.
    """

    def __init__(self, values: pd.Series) -> None:
        head = values.head(_SAMPLE * 4).dropna().tolist()
        self.cells = [v for v in head if not (isinstance(v, str) and not v.strip())][:_SAMPLE]
        self.texts = [str(c).strip() for c in self.cells]
        self.filled = len(self.cells)

    def _share(self, items: Sequence[Any], test: Callable[[Any], object]) -> float:
        if not items:
            return 0.0
        # Each distinct cell is tested once (a sample of 300 statuses holds a handful); keyed with its
        # type, so that 1, 1.0 and True, which are equal, are each tested as what they are.
        counts = Counter((type(item), item) for item in items)
        return sum(count for (_, item), count in counts.items() if test(item)) / len(items)

    @cached_property
    def distinct(self) -> list[str]:
        return list(dict.fromkeys(self.texts))

    @cached_property
    def flags(self) -> float:  # yes / no / ticks / 0-1
        return self._share(self.cells, lambda c: cell_answer(c) is not None)

    @cached_property
    def dates(self) -> float:
        return date_share(pd.Series(self.cells, dtype=object)) if self.cells else 0.0

    @cached_property
    def dated(self) -> float:  # a quick look for dates (typed, or digits in a date's shape)
        return self._share(self.cells, lambda c: isinstance(c, dt.date) or _DATE_SHAPE.match(str(c)))

    @cached_property
    def stage_cells(self) -> float:  # what a stage column holds: flags, dates, stage words
        reached = self._share(self.cells, lambda c: read_flag_cell(c) not in (Flag.UNKNOWN, Flag.EMPTY))
        return max(reached, self.dates)

    @cached_property
    def only_words(self) -> bool:  # three or more cells, and no digit in any (placeholders aside)
        said = [t for t in self.texts if t.lower() not in vocabulary().placeholders]
        return len(said) >= 3 and not any(c.isdigit() for t in said for c in t)

    @cached_property
    def numbers(self) -> float:
        return self._share(self.cells, _is_number)

    @cached_property
    def urls(self) -> float:
        return self._share(self.texts, URL.match)

    @cached_property
    def emails(self) -> float:
        return self._share(self.texts, EMAIL.match)

    @cached_property
    def phones(self) -> float:
        return self._share(self.texts, lambda t: _PHONE.match(t) and sum(c.isdigit() for c in t) >= 7)

    @cached_property
    def long_text(self) -> float:
        return self._share(self.texts, lambda t: len(t) >= 60)

    @cached_property
    def adverts(self) -> float:  # long cells that read like a pasted job advert
        long = [t for t in self.texts if len(t) >= ADVERT_LENGTH]
        return self._share(long, vocabulary().advert_phrases.find)

    @cached_property
    def median_length(self) -> float:
        return float(sorted(len(t) for t in self.texts)[len(self.texts) // 2]) if self.texts else 0.0

    @cached_property
    def statuses(self) -> float:  # readable as a status
        return self._share(self.distinct, lambda t: read_text(t).known)

    @cached_property
    def ids(self) -> float:  # short codes or running numbers
        return self._share(self.texts, _ID.match)

    @cached_property
    def companies(self) -> float:  # names ending in a legal form ("Enfo Sweden AB")
        return self._share(self.distinct, _names_a_company)

    @cached_property
    def titles(self) -> float:  # job titles of a known role family
        return self._share(self.distinct, lambda t: read_role(t).family != UNKNOWN_FAMILY)

    @cached_property
    def entry_kinds(self) -> bool:  # what kind of entry each row is: an application, or networking
        return names_entry_kinds(self.texts)

    @property
    def is_text(self) -> bool:
        return self.filled > 0 and self.flags < 0.5 and self.dates < 0.5 and self.numbers < 0.5


def _is_number(cell: object) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float):
        return True
    return bool(re.fullmatch(r"[-+]?\d+(?:[.,]\d+)?", str(cell).strip()))


def _names_a_company(text: str) -> bool:
    tokens = words(text)
    if len(tokens) < 2 or len(tokens) > 8:
        return False
    forms = vocabulary().company_forms
    return bool(forms.find(tokens[-1:]) or forms.find(tokens[:1]) or forms.find(tokens[-2:]))


# --------------------------------------------------------------------------------------- the header


def stage_words_in(header: str) -> str | None:
    """The stage a header mentions anywhere, as a word ("Messaged Recruiter or Team" → screen), even where
    the header is not a stage column: for asking whether the user meant it as one."""
    best = vocabulary().stage_headers.best(words(header))
    return best.labels[0] if best is not None else None


@lru_cache(maxsize=4096)
def stage_column_kind(header: str) -> str | None:
    """The stage (or outcome) a per-stage column's header names; None for an ordinary header.
    A header in camel case ("PhoneScreen") is read with its words apart when it names none as written.

    A header naming a stage or its date ("Phone Screen", "Interview Date", "Erstes Gespräch") is one;
    a header about details of a stage ("Interview notes", "Interviewer", "Interview type") is not, nor
    a question about a person ("Recruiter?" asks whether a recruiter was involved). The longest phrase
    decides ("Panel Interview" → final).
    """
    kind = _stage_column_kind(header)
    if kind is None and (apart := label_words(header)) != header:
        return _stage_column_kind(apart)
    return kind


def _stage_column_kind(header: str) -> str | None:
    vocab = vocabulary()
    tokens = words(header)
    if not tokens or vocab.not_stage.find(tokens):
        return None
    hits = [h for h in vocab.stage_headers.find(tokens, overlapping=True)
            if h.phrase not in vocab.whole_only or h.end - h.start == len(tokens)]  # fmt: skip
    if not hits:
        return None
    best = max(hits, key=lambda hit: (hit.end - hit.start, len(hit.phrase), -hit.start))
    if header.strip().endswith("?") and best.phrase in vocab.people:
        return None
    return best.labels[0]


@lru_cache(maxsize=4096)
def header_fields(header: str) -> tuple[tuple[str, ...], float, str]:
    """The fields a header may name (best first), its confidence and method; ((), 0, "") for none. A
    header in camel case ("DateApplied") is read with its words apart, when that reads it surer."""
    found = _header_fields(header)
    if found[1] == 1.0 or (apart := label_words(header)) == header:
        return found
    return max(found, _header_fields(apart), key=lambda reading: reading[1])


def _header_fields(header: str) -> tuple[tuple[str, ...], float, str]:
    vocab = vocabulary()
    key = normalise(header)
    if not key:
        return (), 0.0, ""
    exact = vocab.headers.labels(key)
    if exact:
        return exact, 1.0, "name"
    # The longest phrase inside the header that names a field ("application progress": progress, since
    # "application" names an application only as a whole header).
    hits = [
        hit
        for hit in vocab.headers.find(key, overlapping=True)
        if len(hit.phrase) >= 4 or (len(hit.phrase) >= 3 and hit.end - hit.start > 1)
        if any(f not in EXACT_ONLY_FIELDS for f in hit.labels)
    ]
    if hits:
        best = max(hits, key=lambda hit: (len(hit.phrase), -hit.start))
        return tuple(f for f in best.labels if f not in EXACT_ONLY_FIELDS), 0.8, "name"
    match = process.extractOne(key, _header_phrases(), scorer=fuzz.ratio, score_cutoff=88)
    if match is not None and len(key) >= 5:
        return vocab.headers.labels(match[0]), 0.65, "name (fuzzy)"
    return (), 0.0, ""


@lru_cache(maxsize=1)
def _header_phrases() -> list[str]:
    return [p for p in vocabulary().headers.phrases if len(p) >= 4]


@lru_cache(maxsize=4096)
def is_known_label(text: str) -> bool:
    """True when a cell reads like a tracker's column name (helps find the header row and the sheet)."""
    if not isinstance(text, str) or len(text) > 60:
        return False
    return bool(header_fields(text)[0]) or stage_column_kind(text) is not None


# ------------------------------------------------------------------------------------ the decision


_LINK_FIELDS: Final = frozenset({"url", "contact_email"})
_MAY_HOLD_LINKS: Final = _LINK_FIELDS | {"notes", "feedback", "job_description"}
_FEW_STATUSES: Final = 0.2  # below this share of readable statuses, a "status" column is named so only


def _fits(field: str, values: ValueProfile) -> bool:
    """Whether a column's values can be what a header proposes."""
    if field in _VALUES_DECIDE:
        return values.entry_kinds
    if values.filled == 0:
        return True
    if field not in _MAY_HOLD_LINKS and max(values.urls, values.emails) >= 0.5:
        return False  # links and e-mail addresses (the mail that proves it) are not a date or a status
    if field in DATE_FIELDS:
        # A column named like a date is a date column, however odd its values: unreadable ones are
        # reported by row, never thrown away as contact details. Words without a digit anywhere are no
        # dates ("投递", applied, holding the track applied for): the column is kept as the user's own.
        return values.dates >= 0.3 or (values.flags < 0.6 and not values.only_words)
    if field in ("applied_flag", "followed_up"):
        return values.flags >= 0.6
    if field == "interview_count":
        return values.numbers >= 0.6 or values.flags >= 0.6
    if field == "record_id":
        return values.ids >= 0.8 and values.long_text < 0.1
    if field == "job_detail":  # "Remote? yes" is one, a column of dates is not
        return values.dated < 0.5
    if field in ("company", "role", "label", "contact_name", "location", "source"):
        # a name like a code ("3M", "AON3D") among a few is a name: only many of them make an id column
        ids = values.ids >= 0.8 and values.filled >= _FEW_VALUES
        return values.flags < 0.6 and values.dated < 0.5 and not ids
    if field == "url":
        return values.urls >= 0.3 or values.is_text
    if field == "contact_phone":
        return values.phones >= 0.5 or (values.stage_cells < 0.5 and values.dates < 0.3)
    if field == "contact_email":
        return values.emails >= 0.5 or values.stage_cells < 0.5
    return True


def _decide(header: str, values: ValueProfile) -> ColumnMapping:
    """How one column reads, before fields are shared out among the columns."""
    fields, confidence, method = header_fields(header)
    for action in ("candidate_action", "next_step"):
        # "简历通过" (CV passed) names the employer's screen of the CV, not the CV you sent ("简历")
        if action in fields and (confidence == 1.0 or stage_column_kind(header) != "cv_screen"):
            return ColumnMapping(header, action, confidence, method)
    if values.filled and not any(f in DATE_FIELDS for f in fields):
        for field, share, what in (
            ("contact_phone", values.phones, "phone numbers"),
            ("contact_email", values.emails, "e-mail addresses"),
        ):
            if share >= 0.8 and values.dates < 0.5:
                return ColumnMapping(header, field, 0.8, "content", reason=f"its values are {what}")
    # A field the values confirm comes first ("Tür" is a type in Turkish and folds to "tur", a round).
    compatible = sorted((f for f in fields if _fits(f, values)), key=lambda f: f not in _VALUES_DECIDE)
    if compatible and confidence >= 1.0:
        field = compatible[0]
        if field == "status" and values.filled and values.statuses < _FEW_STATUSES:
            # "State" beside "City" and "Zip Code" holds "TX": a column whose name alone says status
            # yields to one whose values read as statuses ("Application Status")
            return ColumnMapping(header, field, 0.9, method)
        adverts = values.median_length >= ADVERT_LENGTH and values.adverts >= 0.5
        if field in ("notes", "feedback", "stage") and adverts:
            reason = "its cells read like job adverts, not notes"
            return ColumnMapping(header, "job_description", 0.7, "content", reason=reason)
        if field == "interview_count" and values.flags >= 0.6 and values.numbers < 0.6:
            return ColumnMapping(header, "stage_column", 0.9, "stage column", "interview")
        return ColumnMapping(header, field, confidence, method)
    kind = stage_column_kind(header)
    if kind is not None and (values.filled == 0 or values.stage_cells >= 0.6):
        return ColumnMapping(header, "stage_column", 0.9, "stage column", kind)
    if compatible:
        return ColumnMapping(header, compatible[0], confidence, method)
    by_content, content_confidence = field_by_content(values)
    fields = tuple(f for f in fields if f not in _VALUES_DECIDE)
    named_like = f"named like {FIELD_LABELS[fields[0]].lower()}" if fields else ""
    if fields and by_content in _LINK_FIELDS:
        # Links under a name like "Proof of outcome" point at the evidence (a mail), not at the job.
        return ColumnMapping(header, None, 0.0, "not mapped", reason=f"{named_like}, but it holds links")
    reason = f"{named_like}, but its values do not fit" if fields else ""
    method = "content" if by_content else "not mapped"
    return ColumnMapping(header, by_content, content_confidence, method, reason=reason)


def field_by_content(values: ValueProfile) -> tuple[str | None, float]:
    """A field guessed from what a column holds alone; (None, 0) when nothing is clear."""
    if values.filled == 0:
        return None, 0.0
    if values.urls >= 0.8:
        return "url", 0.8
    if values.emails >= 0.8:
        return "contact_email", 0.8
    if values.dates >= 0.8:
        return "applied_on", 0.6
    if values.phones >= 0.8:
        return "contact_phone", 0.6
    if values.long_text >= 0.5:
        return "notes", 0.5
    if values.companies >= 0.5:
        return "company", 0.4 + 0.3 * values.companies
    if values.titles >= 0.5 and values.is_text:
        return "role", 0.4 + 0.3 * values.titles
    if values.statuses >= 0.6 and values.flags < 0.5:
        return "status", 0.6
    return None, 0.0


def map_columns(frame: pd.DataFrame, overrides: Mapping[str, str] | None = None) -> list[ColumnMapping]:
    """Decide a field for every column of ``frame`` (raw cells, headers as columns).

    ``overrides`` maps a header to a field or ``"ignore"``; the user's choice always wins.
    """
    overrides = overrides or {}
    proposals = [
        _chosen(column, overrides[column])
        if column in overrides
        else _decide(column, ValueProfile(frame[column]))
        for column in frame.columns
    ]
    decided = {m.column: m for m in proposals if m.method == "your choice"}
    taken = {m.field for m in decided.values() if m.field}
    # Strongest claims first (a stable sort: the first of equals wins); a single field goes to one column.
    for m in sorted(proposals, key=lambda m: -m.confidence):
        if m.column in decided:
            continue
        if m.field is None or m.field in MULTI_FIELDS or m.field not in taken:
            decided[m.column] = m
        elif m.field == "applied_on" and "last_event_on" not in taken and m.method == "content":
            decided[m.column] = ColumnMapping(m.column, "last_event_on", m.confidence, m.method)
        elif m.field == "status" and m.method == "content":  # a second column of statuses: how far it got
            decided[m.column] = ColumnMapping(m.column, "stage", m.confidence, m.method)
        else:
            reason = f"another column is already read as {FIELD_LABELS[m.field].lower()}"
            decided[m.column] = ColumnMapping(m.column, None, 0.0, "not mapped", reason=reason)
        if field := decided[m.column].field:
            taken.add(field)
    mapped = [decided[column] for column in frame.columns]
    return mapped if taken & {"company", "label"} else _unnamed_names_as_company(frame, mapped)


def _chosen(column: str, choice: str) -> ColumnMapping:
    """The user's choice for a column: a field, or IGNORE."""
    field = None if choice == IGNORE else choice
    kind = None
    if field == "stage_column":
        kind = stage_column_kind(column) or stage_words_in(column) or "interview"
    return ColumnMapping(column, field, 1.0, "your choice", kind)


def unnamed(position: int) -> str:
    """What a column without a name is called (1-based position)."""
    return f"Column {position}"


def is_unnamed(header: str) -> bool:
    """Whether a header is the name ``unnamed`` gave a column that had none."""
    return _UNNAMED.fullmatch(header) is not None


def _unnamed_names_as_company(frame: pd.DataFrame, mapping: list[ColumnMapping]) -> list[ColumnMapping]:
    """With no company column, the first column that has no name and holds short, mostly different
    texts is the company (",City,Country,Position": the first header cell was left blank)."""
    for i, m in enumerate(mapping):
        if m.field is not None or m.method == "your choice" or not is_unnamed(m.column):
            continue
        values = ValueProfile(frame[m.column])
        if values.is_text and values.median_length <= 60 and len(values.distinct) >= 0.5 * values.filled:
            mapping[i] = ColumnMapping(m.column, "company", 0.5, "content", reason=UNNAMED_COMPANY_REASON)
            break
    return mapping


_UNNAMED: Final = re.compile(r"Column \d+")
# Said of the first unnamed column of short texts, taken as the company for want of one: a guess, which
# alone does not make a table a tracker.
UNNAMED_COMPANY_REASON: Final = "it has no name, and its values read like the names of employers"


def columns_for(mapping: Sequence[ColumnMapping], field: str) -> list[str]:
    """The columns read as ``field``, in the file's order."""
    return [m.column for m in mapping if m.field == field]
