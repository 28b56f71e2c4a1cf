"""Read a free-text job title as a role family and a seniority level.

The vocabulary is data (``data/role_families.toml``); this module only cleans titles and matches them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from nextround.importing.cells import distinct_texts, take_text
from nextround.importing.phrases import PhraseIndex, normalise
from nextround.importing.phrases import words as words_of
from nextround.model import UNKNOWN_FAMILY
from nextround.resources import load_toml

FAMILIES_FILE = "role_families.toml"
UNSPECIFIED = "unspecified"
# Levels in rising order; "intern" is handled apart because it overrides everything else.
_RANKED_LEVELS = ("junior", "mid", "senior", "lead", "manager", "director", "executive")
_TYPO_CUTOFF = 85  # rapidfuzz ratio for correcting a misspelt word ("Sotware" -> "software")
_TYPO_MIN_LENGTH = 5  # shorter words are too easy to confuse ("bi" / "ai")

_LATIN = r"0-9a-z\u00c0-\u024f"  # letters that make a word: a noise word must not touch one
_GENDER = re.compile(
    r"\(\s*[mwfdxigh*](?:\s*[/|,]\s*[mwfdxigh*]){1,3}\s*\)|\b[mwf]\s*/\s*[mwf]\s*/\s*[dxi]\b", re.I
)
_GENDER_SUFFIX = re.compile(r"(?<=[a-zäöü])(?:[:*_/]in(?:nen)?|\(in\))(?![a-z])", re.I)
_ALL_GENDERS = re.compile(r"\((?:all genders|gn|alle geschlechter)\)", re.I)
_YEAR = r"(?:19|20)\d{2}"
_SEASON = r"(?:summer|fall|autumn|winter|spring)"
_SEASON_YEAR = re.compile(rf"\b{_SEASON}\s*(?:/\s*{_SEASON}\s*)?'?{_YEAR}\b|\b{_YEAR}\s*{_SEASON}\b", re.I)
_YEARS = re.compile(rf"\b{_YEAR}(?:\s*/\s*{_YEAR})?\b")
_VIA_AGENCY = re.compile(r"\s*\bvia\s+[A-Za-z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?", re.UNICODE)
_PARENTHESES = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_SEGMENT_SPLIT = re.compile(r"(\s+[-–—|]\s*|\s*[-–—]\s+|\s*\|\s*)")
_ROLE_SPLIT = re.compile(r"\s+/\s*|\s*/\s+|\s+[-–—|]\s*|\s*[-–—|]\s+|[;,:]")
# Upper-case I and V only: a lower-case "i" or "v" is too often something else.
_ROMAN = re.compile(r"(?<![A-Za-z])(IV|V|I{1,3}|iv|i{2,3})(?![A-Za-z])")
_LEVEL = re.compile(r"(?<![a-z])(?:level|lvl|grade|l)\s*([1-5])(?![0-9])")


@dataclass(frozen=True)
class RoleFamily:
    """One role family from the curated vocabulary."""

    name: str
    field: str
    titles: tuple[str, ...]
    adjacent: tuple[str, ...]
    typical_skills: tuple[str, ...]
    generic: bool = False


@dataclass(frozen=True)
class RoleReading:
    """How one title reads: its family, its seniority and the cleaned title."""

    family: str
    seniority: str
    title: str


@lru_cache(maxsize=1)
def role_families() -> tuple[RoleFamily, ...]:
    """The curated role families, in file order."""
    return tuple(
        RoleFamily(
            name=entry["name"],
            field=entry["field"],
            titles=tuple(entry["titles"]),
            adjacent=tuple(entry["adjacent"]),
            typical_skills=tuple(entry["typical_skills"]),
            generic=bool(entry.get("generic", False)),
        )
        for entry in load_toml(FAMILIES_FILE)["family"]
    )


def family_by_name(name: str) -> RoleFamily | None:
    """The family called ``name`` (exact), or None."""
    return _families_by_name().get(name)


def family_names() -> tuple[str, ...]:
    """Every family name a reading can return, ``UNKNOWN_FAMILY`` last."""
    return (*(family.name for family in role_families()), UNKNOWN_FAMILY)


@lru_cache(maxsize=1)
def _families_by_name() -> dict[str, RoleFamily]:
    return {family.name: family for family in role_families()}


@dataclass(frozen=True)
class _Matcher:
    specific: PhraseIndex
    generic: PhraseIndex
    vocabulary: tuple[str, ...]
    known_words: frozenset[str]
    titles_by_words: dict[frozenset[str], tuple[str, ...]]  # a specific title's words, in any order
    title_lengths: frozenset[int]  # how many different words a specific title has
    levels: PhraseIndex
    role_phrases: PhraseIndex
    numerals: dict[str, str]
    level_numbers: dict[str, str]
    not_titles: tuple[str, ...]
    noise: re.Pattern[str]


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    data = load_toml(FAMILIES_FILE)
    families = role_families()
    # The first family to claim a phrase keeps it, so the file order settles duplicates.
    specific = PhraseIndex((t, f.name) for f in families if not f.generic for t in f.titles)
    generic = PhraseIndex((t, f.name) for f in families if f.generic for t in f.titles)
    by_words: dict[frozenset[str], list[str]] = {}
    for phrase in specific.phrases:
        by_words.setdefault(frozenset(phrase.split(" ")), []).append(phrase)
    seniority = data["seniority"]
    levels = PhraseIndex((word, level) for level in ("intern", *_RANKED_LEVELS) for word in seniority[level])
    # Real words of the vocabulary are never "corrected" into a title word ("trainee" is not "trainer").
    known_words = frozenset(
        word
        for index in (specific, generic, levels)
        for phrase in index.phrases
        for word in phrase.split(" ")
    )
    return _Matcher(
        specific=specific,
        generic=generic,
        vocabulary=tuple(sorted(set().union(*by_words))),
        known_words=known_words,
        titles_by_words={words: tuple(phrases) for words, phrases in by_words.items()},
        title_lengths=frozenset(map(len, by_words)),
        levels=levels,
        role_phrases=PhraseIndex((phrase, phrase) for phrase in seniority["role_phrases"]),
        numerals=dict(seniority["numerals"]),
        level_numbers={str(k): v for k, v in seniority["levels"].items()},
        not_titles=tuple(normalise(t) for t in seniority["not_titles"]),
        noise=_word_pattern((*data["cleaning"]["noise_words"], *data["cleaning"]["locations"])),
    )


def _word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, case-insensitive."""
    ordered = sorted({re.escape(w.lower()) for w in words}, key=len, reverse=True)
    return re.compile(rf"(?<![{_LATIN}])(?:{'|'.join(ordered)})(?![{_LATIN}])", re.I)


def _strip_gender(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw)
    text = _GENDER.sub(" ", text)
    text = _ALL_GENDERS.sub(" ", text)
    return _GENDER_SUFFIX.sub("", text)


def clean_title(raw: str) -> str:
    """The title without gender notes, remote/contract notes, agencies, places, seasons and years."""
    noise = _matcher().noise
    text = _VIA_AGENCY.sub(" ", _strip_gender(raw))
    text = _PARENTHESES.sub(lambda m: " " if noise.search(m.group(1)) else f" ({m.group(1).strip()}) ", text)
    text = _SEASON_YEAR.sub(" ", text)
    text = _YEARS.sub(" ", text)
    # Split keeps the separators at odd positions; drop each noise segment with the separator before it.
    parts = _SEGMENT_SPLIT.split(text)
    kept = [parts[0]] if not _only_noise(parts[0], noise) else []
    for separator, segment in zip(parts[1::2], parts[2::2], strict=True):
        if not _only_noise(segment, noise):
            kept.extend((separator, segment) if kept else (segment,))
    text = "".join(kept)
    text = re.sub(r"\(\s*\)", " ", text)
    return " ".join(text.split()).strip(" -–|,.;:'\"“”")


def _only_noise(fragment: str, noise: re.Pattern[str]) -> bool:
    """True when a segment holds only remote/contract/season notes or places ("- London")."""
    leftover = noise.sub(" ", fragment)
    leftover = re.sub(rf"{_YEAR}|\d+|[^\w]+|\b(?:to|and|or|in|any|the|only)\b", " ", leftover, flags=re.I)
    return not leftover.strip()


def _fuzzy_phrase(text: str, matcher: _Matcher, *, typos_only: bool) -> tuple[str, bool] | None:
    """A curated title whose words stand side by side in the text, in any order, typos corrected.

    "Sotware Engineering Intern" or "Engineer, Software" find "software engineering" / "software engineer".
    A title must be fully present: a lone "Analyst" never becomes "Data Analyst" (rapidfuzz's token-set
    ratio would score that 100). The flag says whether a misspelt word was corrected to find it;
    with ``typos_only`` (an exact title was already found) nothing is searched unless one was.
    """
    words: list[str] = []
    corrected: set[str] = set()
    for word in words_of(text):
        hit = None
        if word not in matcher.known_words and len(word) >= _TYPO_MIN_LENGTH:
            hit = process.extractOne(word, matcher.vocabulary, scorer=fuzz.ratio, score_cutoff=_TYPO_CUTOFF)
        if hit is not None:
            corrected.add(hit[0])
        words.append(word if hit is None else hit[0])
    if typos_only and not corrected:
        return None
    windows = {
        window
        for span in matcher.title_lengths
        for start in range(len(words) - span + 1)
        if len(window := frozenset(words[start : start + span])) == span
    }
    candidates = [phrase for window in windows for phrase in matcher.titles_by_words.get(window, ())]
    if not candidates:
        return None
    best = max(candidates, key=lambda phrase: (len(phrase), phrase))
    return best, not corrected.isdisjoint(best.split(" "))


def _family(cleaned: str, matcher: _Matcher) -> str:
    text = normalise(cleaned)
    exact = None
    # The first part that names a role wins: "Data Engineer - Customer Service" is a data engineer,
    # "Data Scientist / Data Engineer" a data scientist. The whole text last, for phrases across parts.
    for segment in (*_ROLE_SPLIT.split(cleaned), cleaned):
        exact = matcher.specific.best(normalise(segment))
        if exact is not None:
            break
    fuzzy = _fuzzy_phrase(text, matcher, typos_only=exact is not None)
    # A typo-corrected title beats a shorter exact one ("Quantatative Researcher" is not just "researcher").
    if fuzzy is not None and (exact is None or (fuzzy[1] and len(fuzzy[0]) > len(exact.phrase))):
        return matcher.specific.labels(fuzzy[0])[0]
    if exact is not None:
        return exact.labels[0]
    generic = matcher.generic.best(text)
    return generic.labels[0] if generic is not None else UNKNOWN_FAMILY


def _seniority(raw: str, cleaned: str, matcher: _Matcher) -> str:
    # Level words are read before cleaning: "Summer Analyst" and "(Intern)" must survive it.
    text = normalise(_strip_gender(raw))
    # Role names holding a level word ("Product Manager", "Staff Accountant") are not levels.
    roles = matcher.role_phrases.find(text, overlapping=True)
    found = {
        hit.labels[0]
        for hit in matcher.levels.find(text, overlapping=True)
        if not any(r.start < hit.end and hit.start < r.end for r in roles)
    }
    for level in ("intern", *reversed(_RANKED_LEVELS)):  # an intern is one whatever else is said
        if level in found:
            return level
    numbers = _LEVEL.findall(normalise(cleaned))
    if numbers:
        return matcher.level_numbers[numbers[-1]]
    numerals = _ROMAN.findall(cleaned)
    if numerals:
        return matcher.numerals[numerals[-1].upper()]
    return UNSPECIFIED


def _is_title(text: str, matcher: _Matcher) -> bool:
    if not any(ch.isalpha() for ch in text):
        return False
    return not any(text == t or text.startswith(t + " ") for t in matcher.not_titles)


@lru_cache(maxsize=65536)
def _read(raw: str) -> RoleReading:
    matcher = _matcher()
    cleaned = clean_title(raw)
    text = normalise(cleaned)
    if not _is_title(text, matcher):
        return RoleReading(UNKNOWN_FAMILY, UNSPECIFIED, cleaned)
    return RoleReading(_family(cleaned, matcher), _seniority(raw, cleaned, matcher), cleaned)


def read_role(title: object) -> RoleReading:
    """Read one title; anything that is not a title reads as family "Other", seniority "unspecified"."""
    if title is None or (isinstance(title, float) and np.isnan(title)) or title is pd.NA:
        return RoleReading(UNKNOWN_FAMILY, UNSPECIFIED, "")
    return _read(str(title))


def read_roles(titles: pd.Series) -> pd.DataFrame:
    """``role_family`` and ``seniority`` for every title (raw cells or text), read once per distinct value."""
    codes, texts = distinct_texts(titles)
    readings = [read_role(text) for text in texts]
    return pd.DataFrame(
        {
            "role_family": take_text(
                [r.family for r in readings], codes, titles.index, missing=UNKNOWN_FAMILY
            ),
            "seniority": take_text([r.seniority for r in readings], codes, titles.index, missing=UNSPECIFIED),
        },
        index=titles.index,
    )
