"""The words of every supported language, merged into one vocabulary (``data/languages/*.toml``).

No language is preferred: a header, status or flag word is read the same whichever file lists it. The
folder's README describes the tables; ``tests/core/importing/test_languages.py`` checks that no status,
stage-column name or kind of entry means two different things.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import numpy as np

from nextround.importing.phrases import PhraseIndex, normalise, words
from nextround.resources import data_path

LANGUAGES_DIR: Final = "languages"


@dataclass(frozen=True)
class Vocabulary:
    """Everything the importer recognises, from all language files at once."""

    headers: PhraseIndex  # column name -> canonical fields it may be
    stage_headers: PhraseIndex  # per-stage column name -> kind (screen, interview, ..., in_progress)
    not_stage: PhraseIndex  # words that make a header about details of a stage, not the stage
    people: frozenset[str]  # stage words that name a person ("recruiter"): "Recruiter?" asks who, not when
    whole_only: frozenset[str]  # stage words that count only as the whole header ("First", "Phone")
    statuses: PhraseIndex  # status / note phrase -> meaning
    yes: frozenset[str]  # normalised yes words and marks of yes/no cells
    no: frozenset[str]
    negators: frozenset[str]
    fillers: frozenset[str]
    passing: frozenset[str]  # words for getting through a step: "did not pass" names one that took place
    hedges: frozenset[str]  # "probably", "大概": a hedged yes or no is the yes or no ("大概无")
    unsure_in_prose: frozenset[str]  # status phrases not read in notes: in prose they mean other things
    offers_in_notes: frozenset[str]  # offer phrases a note cannot mean otherwise ("offered me the job")
    took_part: frozenset[str]  # "got", "had": a stage word right after one is a step taken ("got OA")
    ended_after: frozenset[str]  # "after": so is one after it, in a text that says the application ended
    durations: frozenset[str]  # "days", "weeks": "14 days" in a step's column, how long until it came
    ago: frozenset[str]  # "ago", "vor", "il y a": with a duration, a time told from now ("3 days ago")
    unsent: frozenset[str]  # "never sent" in so many words, with no negator word ("unsent", "en hakenut")
    # where an application sent stands, on the employer's side ("viewed", "under review"): negated or to
    # come ("not viewed", "will be reviewing it"), the employer has not looked yet; it was still sent
    after_sending: frozenset[str]
    # withdrawal words a posting may say of itself ("Expired", "Withdrawn"): beside a closed posting,
    # the posting's, and no application withdrawn
    posting_withdrawals: frozenset[str]
    never_correct: frozenset[str]  # real words one letter from a status word: never "mended" into it
    post_sections: frozenset[str]  # a post's own parts ("Conclusion", "总结"): headings of no application
    numbers: dict[str, int]
    months: dict[str, int]  # normalised month name or abbreviation -> 1..12
    month_spellings: dict[str, int]  # lower-cased as written and folded: what the date reader looks up
    weekday_spellings: frozenset[str]
    year_words: frozenset[str]  # written after a year in a date ("2025 г.", "2025 r."), lower-cased
    raw_marks: dict[str, bool]  # ticks and crosses exactly as written (normalising drops them)
    placeholders: frozenset[str]  # cells that hold no value ("N/A", "null", "#N/A"), lower-cased
    company_forms: PhraseIndex  # legal forms that mark a company name ("AB", "GmbH", "Ltd")
    advert_phrases: PhraseIndex  # phrases of a pasted job advert ("we are looking for", "wir suchen")
    entry_kinds: PhraseIndex  # what an outreach log's entry is: "application" or "not_application"


def language_codes() -> tuple[str, ...]:
    """The language files present, English first, then alphabetical; ``common`` last."""
    codes = sorted(p.stem for p in data_path(LANGUAGES_DIR).glob("*.toml"))
    return tuple(sorted(codes, key=lambda c: (c == "common", c != "en", c)))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The merged vocabulary, built once per process (the files are read-only)."""
    headers: list[tuple[str, str]] = []
    stage_headers: list[tuple[str, str]] = []
    not_stage: list[tuple[str, str]] = []
    statuses: list[tuple[str, str]] = []
    company_forms: list[tuple[str, str]] = []
    advert_phrases: list[tuple[str, str]] = []
    entry_kinds: list[tuple[str, str]] = []
    # normalised words: the [grammar] lists, and the people and whole_only lists of [stage_headers]
    listed: dict[str, set[str]] = defaultdict(set)
    flags: dict[bool, set[str]] = {True: set(), False: set()}
    raw_marks: dict[str, bool] = {}
    numbers: dict[str, int] = {}
    months: dict[str, int] = {}
    month_spellings: dict[str, int] = {}
    weekday_spellings: set[str] = set()
    year_words: set[str] = set()
    placeholders: set[str] = set()
    for code in language_codes():
        with data_path(LANGUAGES_DIR).joinpath(f"{code}.toml").open("rb") as handle:
            data = tomllib.load(handle)
        headers += [(p, field) for field, phrases in data.get("headers", {}).items() for p in phrases]
        for kind, phrases in data.get("stage_headers", {}).items():
            if kind == "not_stage":
                not_stage += [(p, "not_stage") for p in phrases]
            elif kind in ("people", "whole_only"):
                listed[kind].update(normalise(p) for p in phrases)
            else:
                stage_headers += [(p, kind) for p in phrases]
        statuses += [(p, meaning) for meaning, phrases in data.get("statuses", {}).items() for p in phrases]
        for value in (True, False):
            for word in data.get("flags", {}).get("yes" if value else "no", ()):
                if key := normalise(word):
                    flags[value].add(key)
                else:  # a mark with no letters ("✓", "-"): compared as written
                    raw_marks.setdefault(word.strip(), value)
        placeholders.update(v.strip().lower() for v in data.get("placeholders", {}).get("values", ()))
        company_forms += [(w, "company") for w in data.get("company_forms", {}).get("words", ())]
        advert_phrases += [(p, "advert") for p in data.get("job_adverts", {}).get("phrases", ())]
        entry_kinds += [(p, kind) for kind, phrases in data.get("entry_kinds", {}).items() for p in phrases]
        for name, grammar_words in data.get("grammar", {}).items():
            listed[name].update(normalise(w) for w in grammar_words)
        numbers.update({normalise(word): int(n) for word, n in data.get("numbers", {}).items()})
        for month, names in data.get("months", {}).items():
            months.update({normalise(name): int(month) for name in names if normalise(name)})
            for name in names:
                for spelling in (name.lower().strip(". "), normalise(name)):
                    if spelling:
                        month_spellings.setdefault(spelling, int(month))
        year_words.update(word.lower() for word in data.get("years", {}).get("words", ()))
        for name in data.get("weekdays", {}).get("names", ()):
            weekday_spellings.update({name.lower().strip(". "), normalise(name)})
    return Vocabulary(
        headers=PhraseIndex(headers),
        stage_headers=PhraseIndex(stage_headers),
        not_stage=PhraseIndex(not_stage),
        people=frozenset(listed["people"]),
        whole_only=frozenset(listed["whole_only"]),
        statuses=PhraseIndex(statuses),
        yes=frozenset(flags[True]),
        no=frozenset(flags[False] - flags[True]),
        negators=frozenset(n for n in listed["negators"] | listed["not_yet"] if n),
        fillers=frozenset(f for f in listed["fillers"] if f),
        passing=frozenset(listed["passing"]),
        hedges=frozenset(h for h in listed["hedges"] if h),
        unsure_in_prose=frozenset(listed["unsure_in_prose"]),
        offers_in_notes=frozenset(listed["offers_in_notes"]),
        took_part=frozenset(listed["took_part"]),
        ended_after=frozenset(listed["ended_after"]),
        durations=frozenset(listed["durations"]),
        ago=frozenset(listed["ago"]),
        unsent=frozenset(listed["unsent"]),
        after_sending=frozenset(listed["after_sending"]),
        posting_withdrawals=frozenset(listed["posting_withdrawals"]),
        never_correct=frozenset(listed["never_correct"]),
        post_sections=frozenset(listed["post_sections"]),
        numbers=numbers,
        months=months,
        month_spellings=month_spellings,
        weekday_spellings=frozenset(w for w in weekday_spellings if w),
        year_words=frozenset(year_words),
        raw_marks=raw_marks,
        placeholders=frozenset(placeholders),
        company_forms=PhraseIndex(company_forms),
        advert_phrases=PhraseIndex(advert_phrases),
        entry_kinds=PhraseIndex(entry_kinds),
    )


def flag_word(text: str) -> bool | None:
    """True / False for a yes / no cell ("Ja", "nein", "✓", "x", "1"), None for anything else."""
    vocab = vocabulary()
    stripped = text.strip()
    if stripped in vocab.raw_marks:
        return vocab.raw_marks[stripped]
    key = " ".join(words(stripped))
    for hedge in vocab.hedges:  # "probably not", "大概无": the answer, hedged
        if key.startswith(hedge + " "):
            key = key[len(hedge) + 1 :]
            break
    if key in vocab.yes:
        return True
    if key in vocab.no:
        return False
    return None


def cell_answer(value: object) -> bool | None:
    """What one cell says as a yes / no answer: a boolean, the number 1 or 0, or a yes / no word in any
    language; None for anything else (a blank, another number, a date, other text)."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | float | np.integer | np.floating):
        return bool(value) if value in (0, 1) else None
    return flag_word(value) if isinstance(value, str) else None
