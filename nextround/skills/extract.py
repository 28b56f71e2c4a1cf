"""Which skills each application asked for: its skills column, job description, feedback and notes.

Text is read once per distinct value and mapped back to rows, so a million rows with a few thousand
distinct descriptions stay fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import numpy as np
import pandas as pd

from nextround.importing.roles import family_by_name
from nextround.resources import read_typed
from nextround.skills.vocabulary import Vocabulary, load_vocabulary

# A skill named in the employer's feedback is stronger evidence than one listed in the advert.
MENTION_WEIGHTS: Final[dict[str, float]] = {
    "required_skills": 1.0,
    "job_description": 1.0,
    "notes": 1.0,
    "feedback": 2.0,
}
INFERRED_WEIGHT: Final = 0.5  # a role family's typical skill stands in for an advert that names none

_LIST_SPLIT: Final = re.compile(r"[,;|\n\r\t•·●▪]+|\s+/\s+")
_CUSTOM_MAX_WORDS: Final = 4
_CUSTOM_MAX_CHARS: Final = 40


def skills_from_list(text: str, vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """Skills in a list such as a "Required Skills" cell or a typed profile: "Python, SQL; power-bi".

    Each item is read as a whole first ("sql" is SQL, "go" is Go), then for skills inside it
    ("Python/SQL"); an item the vocabulary does not know is kept as written when it is short enough
    to be a skill name ("Looker Studio Pro"), so the user's own words are never dropped.
    """
    vocab = vocabulary or load_vocabulary()
    found: list[str] = []
    for raw in _LIST_SPLIT.split(text):
        item = " ".join(raw.strip(" .:-*()[]\"'").split())
        if not item:
            continue
        whole = vocab.resolve_exact(item)
        if whole is not None:
            found.append(whole)
            continue
        inside = vocab.skills_in(item)
        if inside:
            found.extend(inside)
        elif _looks_like_skill_name(item):
            found.append(item)
    return _distinct(found)


def skills_from_text(text: str, vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """Skills mentioned in running text (a job description, feedback, notes, a CV)."""
    return (vocabulary or load_vocabulary()).skills_in(text)


@dataclass(frozen=True)
class FeedbackCues:
    """``feedback.toml``: the words that tell praise from a skill named as missing."""

    clause_breaks: tuple[str, ...]
    praise: tuple[str, ...]
    lack: tuple[str, ...]


@lru_cache(maxsize=1)
def feedback_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled (clause break, praise, lack) patterns from ``feedback.toml``, once per process."""
    cues = read_typed("feedback.toml", FeedbackCues)

    def words(terms: tuple[str, ...]) -> str:
        return r"\b(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\b"

    breaks = re.compile(r"[,;.!?\n\r]+|" + words(cues.clause_breaks), re.IGNORECASE)
    return breaks, re.compile(words(cues.praise), re.IGNORECASE), re.compile(words(cues.lack), re.IGNORECASE)


def feedback_skills(
    text: str, vocabulary: Vocabulary | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Skills an employer's feedback names as missing, and those it praises: "Strong SQL but limited
    Python" -> (("Python",), ("SQL",)). A clause naming a skill counts as missing unless it praises
    without saying anything lacked (``feedback.toml``)."""
    vocab = vocabulary or load_vocabulary()
    breaks, praise, lack = feedback_cues()
    missing: list[str] = []
    praised: list[str] = []
    for clause in breaks.split(text):
        found = vocab.skills_in(clause) if clause and clause.strip() else ()
        if not found:
            continue
        kind = praised if praise.search(clause) and not lack.search(clause) else missing
        kind.extend(found)
    lacking = _distinct(missing)
    folded = {name.casefold() for name in lacking}
    return lacking, tuple(name for name in _distinct(praised) if name.casefold() not in folded)


def _looks_like_skill_name(item: str) -> bool:
    return (
        len(item) <= _CUSTOM_MAX_CHARS
        and len(item.split()) <= _CUSTOM_MAX_WORDS
        and any(ch.isalpha() for ch in item)
    )


def _distinct(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


@dataclass(frozen=True)
class Demand:
    """Skill mentions as parallel arrays (one entry per application and skill), for fast aggregation.

    ``skill_ids`` index ``names``; ``rows`` are 0-based positions in the table; ``weights`` the strongest
    mention (feedback naming it missing 2, file text 1, estimated from the role family 0.5);
    ``in_feedback`` whether the employer's feedback named it as missing (praise does not count);
    ``inferred`` whether it is only the role family's typical skill.
    """

    rows: np.ndarray
    skill_ids: np.ndarray
    weights: np.ndarray
    in_feedback: np.ndarray
    inferred: np.ndarray
    names: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return len(self.rows) == 0


def demand_arrays(
    applications: pd.DataFrame, vocabulary: Vocabulary | None = None, *, infer_from_roles: bool = False
) -> Demand:
    """Which skills each application asked for, read once per distinct text and mapped back to rows.

    With ``infer_from_roles``, an application whose text names no skill gets its role family's typical
    skills instead, at a lower weight and marked ``inferred`` (most trackers have no advert text).
    """
    vocab = vocabulary or load_vocabulary()
    readers: dict[str, Callable[[str], tuple[str, ...]]] = {
        "required_skills": lambda text: skills_from_list(text, vocab),
        "job_description": vocab.skills_in,
        "notes": vocab.skills_in,
    }
    ids: dict[str, int] = {}
    parts: list[tuple[np.ndarray, np.ndarray, float, bool, bool]] = []
    for column, reader in readers.items():
        if column in applications.columns:
            values = applications[column].to_numpy(dtype=object, na_value=None)
            rows, skill_ids = _column_demand(values, reader, ids)
            parts.append((rows, skill_ids, MENTION_WEIGHTS[column], False, False))
    if "feedback" in applications.columns:
        # Named as missing: strong evidence of cost; praised: the application asked for it, nothing more.
        values = applications["feedback"].to_numpy(dtype=object, na_value=None)
        read: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # each distinct text read once

        def in_feedback(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
            if text not in read:
                read[text] = feedback_skills(text, vocab)
            return read[text]

        rows, skill_ids = _column_demand(values, lambda text: in_feedback(text)[0], ids)
        parts.append((rows, skill_ids, MENTION_WEIGHTS["feedback"], True, False))
        rows, skill_ids = _column_demand(values, lambda text: in_feedback(text)[1], ids)
        parts.append((rows, skill_ids, MENTION_WEIGHTS["required_skills"], False, False))
    if infer_from_roles and "role_family" in applications.columns:
        named = np.zeros(len(applications), dtype=bool)
        for rows, *_ in parts:
            named[rows] = True
        families = applications["role_family"].to_numpy(dtype=object, na_value=None, copy=True)
        families[named] = None  # an application that names its skills borrows none from its role
        rows, skill_ids = _column_demand(families, lambda name: _typical_skills(name, vocab), ids)
        parts.append((rows, skill_ids, INFERRED_WEIGHT, False, True))
    names = tuple(ids)
    if not parts or all(len(rows) == 0 for rows, *_ in parts):
        empty = np.array([], dtype="int64")
        flags = np.array([], dtype=bool)
        return Demand(empty, empty, np.array([], dtype="float64"), flags, flags, names)
    rows = np.concatenate([p[0] for p in parts])
    skill_ids = np.concatenate([p[1] for p in parts])
    weights = np.concatenate([np.full(len(p[0]), p[2], dtype="float64") for p in parts])
    feedback = np.concatenate([np.full(len(p[0]), p[3], dtype=bool) for p in parts])
    inferred = np.concatenate([np.full(len(p[0]), p[4], dtype=bool) for p in parts])
    # One entry per (row, skill): keep the strongest mention.
    key = rows * max(len(names), 1) + skill_ids
    order = np.lexsort((-weights, key))
    _, first = np.unique(key[order], return_index=True)
    keep = order[first]
    keep.sort()
    return Demand(rows[keep], skill_ids[keep], weights[keep], feedback[keep], inferred[keep], names)


def _typical_skills(family_name: str, vocab: Vocabulary) -> tuple[str, ...]:
    family = family_by_name(family_name)
    if family is None or getattr(family, "generic", False):
        return ()
    return tuple(dict.fromkeys(vocab.canonical(skill) for skill in family.typical_skills))


def _column_demand(
    values: np.ndarray[Any, Any], reader: Callable[[str], tuple[str, ...]], ids: dict[str, int]
) -> tuple[np.ndarray, np.ndarray]:
    """(rows, skill ids) for one text column, reading each distinct text once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    per_unique = [reader(str(text)) for text in uniques]
    counts = np.array([len(found) for found in per_unique] + [0], dtype="int64")  # last: missing
    flat = np.array(
        [ids.setdefault(_folded(ids, name), len(ids)) for found in per_unique for name in found],
        dtype="int64",
    )
    starts = np.concatenate([[0], np.cumsum(counts[:-1])])
    row_counts = counts[codes]  # code -1 picks the trailing 0
    total = int(row_counts.sum())
    if total == 0:
        return np.array([], dtype="int64"), np.array([], dtype="int64")
    rows = np.repeat(np.arange(len(values), dtype="int64"), row_counts)
    within = np.arange(total, dtype="int64") - np.repeat(np.cumsum(row_counts) - row_counts, row_counts)
    return rows, flat[np.repeat(starts[codes], row_counts) + within]


def _folded(ids: dict[str, int], name: str) -> str:
    """The spelling already registered for ``name`` in any case, so "Looker studio" and "Looker Studio"
    from different columns are one skill."""
    if name in ids:
        return name
    folded = name.casefold()
    return next((known for known in ids if known.casefold() == folded), name)


def application_skills(applications: pd.DataFrame, vocabulary: Vocabulary | None = None) -> pd.DataFrame:
    """One row per (application, skill it asked for).

    Columns: ``row`` (0-based position in ``applications``), ``skill`` (canonical name, or the file's own
    words for a skill the vocabulary lacks), ``weight`` (strongest mention: feedback 2, else 1) and
    ``in_feedback`` (the employer's feedback named it).
    """
    demand = demand_arrays(applications, vocabulary)
    if demand.empty:
        return _empty_demand()
    names = np.array(demand.names, dtype=object)
    return pd.DataFrame(
        {
            "row": demand.rows,
            "skill": pd.Series(names[demand.skill_ids], dtype="str"),
            "weight": demand.weights,
            "in_feedback": demand.in_feedback,
        }
    )


def _empty_demand() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": pd.Series(dtype="int64"),
            "skill": pd.Series(dtype="str"),
            "weight": pd.Series(dtype="float64"),
            "in_feedback": pd.Series(dtype="bool"),
        }
    )


def with_pasted_descriptions(
    applications: pd.DataFrame, pasted: Mapping[tuple[str, int], str]
) -> pd.DataFrame:
    """The table with job descriptions the user pasted in the app, keyed by (source_file, source_row).

    A pasted text is appended to any description the file already had, so nothing of the file is lost.
    Returns the same object when nothing was pasted.
    """
    texts = {key: text.strip() for key, text in pasted.items() if text and text.strip()}
    if not texts:
        return applications
    # Only rows whose number was pasted for can match: find them vectorised, then touch just those.
    rows = applications["source_row"]
    near = np.flatnonzero(rows.isin({row for _, row in texts}).to_numpy(dtype=bool))
    files = applications["source_file"].iloc[near].astype("object").fillna("").tolist()
    hits: list[int] = []
    values: list[str] = []
    current = applications["job_description"].iloc[near].astype("object").tolist()
    for position, file, row, had in zip(near, files, rows.iloc[near].tolist(), current, strict=True):
        text = texts.get((file, int(row)))
        if text is None and file == "":
            text = texts.get((None, int(row)))  # type: ignore[arg-type]
        if text is not None:
            hits.append(int(position))
            values.append(text if had is None or pd.isna(had) else f"{had}\n{text}")
    out = applications.copy(deep=False)  # copy-on-write: the input table is never changed
    column = out["job_description"].astype("str")
    if hits:
        column = column.copy()
        column.iloc[hits] = values
    out["job_description"] = column
    return out
