"""What a status, stage, result or note text says about how far an application got.

The phrases live in ``data/languages/*.toml`` ([statuses]); each distinct text is read once and
remembered. Rules, in the words of the vocabulary README:

- every phrase found contributes; the stage is the furthest named, the outcome the strongest named
  (rejected > withdrawn > ghosted > offer > pending);
- a stage or outcome word right after a negator does not count ("no interview", "previously
  interviewed"); a negated *applied* word means the row was never sent ("not applied", "no enviada");
- ``not_applied`` words ("saved", "to apply") mark a row that was never sent, unless the text also names
  a stage, an outcome or an applied word; ``not_pursued`` words ("not interested") likewise, but with
  an applied word they read as withdrawn;
- misspelt words are mended first: repeated letters squeezed ("reeejected"), and words of six letters
  or more one edit away from a one-word status ("rejcted").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import OSA

from nextround.importing.cells import code_counts, distinct_values
from nextround.importing.phrases import MARK, MAX_ANALYSED_CHARS, label_words, words
from nextround.importing.vocabulary import vocabulary
from nextround.model import OUTCOMES, STAGE_DTYPE, STAGES, Stage

STEP_ARROWS: Final = r"=+>|-+>|→|⇒|➡"  # the arrows between the steps of a history ("applied => 一面")
_STEPS: Final = re.compile(rf"\s*(?:{STEP_ARROWS})\s*")
OUTCOME_STRENGTH: Final = ("rejected", "withdrawn", "ghosted", "offer", "pending")
_ARTICLES: Final = frozenset({"a", "an", "the", "my", "their", "its"})
_STAGE_OF: Final = {"screen": Stage.SCREEN, "interview": Stage.INTERVIEW, "final": Stage.FINAL}
_SAYS_APPLIED: Final = frozenset({"applied", "screen", "interview", "final", "offer", "offer_lost",
                                  "rejected", "cv_rejected", "ghosted", "withdrawn"})  # fmt: skip
_OUTCOME_OF: Final = {"offer": "offer", "offer_lost": "rejected", "rejected": "rejected",
                      "cv_rejected": "rejected", "closed": "rejected", "ghosted": "ghosted",
                      "withdrawn": "withdrawn"}  # fmt: skip
# A note that mentions an offer is rarely one ("they offer remote work", "gostei da proposta"): an offer is
# recorded in a status or result cell, or in a note's words that mean nothing else ("offered me the job").
_NOT_IN_NOTES: Final = frozenset({"offer", "offer_lost"})
# meanings that end an application: a step named "after" one was taken ("ghosted after the assessment")
_ENDINGS: Final = frozenset({"rejected", "cv_rejected", "offer_lost", "ghosted", "withdrawn", "not_pursued",
                             "two_sided"})  # fmt: skip
_FUZZY_MIN_LENGTH: Final = 6
_SHORTENED_MIN_LENGTH: Final = 5  # a status cut short ("Rejec") is mended from this many letters
_NEGATION_REACH: Final = 6  # words looked back for a negator, fillers skipped


@dataclass(frozen=True)
class TextReading:
    """What one text says."""

    stage: Stage  # the furthest stage named (APPLIED when none)
    outcome: str  # one of model.OUTCOMES ("pending" when none)
    known: bool  # the text said something the importer understood
    says_applied: bool  # it says the application exists (sent, a stage, an answer)
    not_applied: bool  # it says the row was never sent (saved, to apply, not pursued)
    rule: str  # the phrases that decided, for the review table ("" when none)
    says_never_sent: bool = False  # in so many words: "not applied", "no enviada", "did not apply"
    names_applied: bool = False  # an applied word ("Applied", "Enviada"): the status says where it stands
    # the answer is a posting closed ("Position filled", "Vaga encerrada"): a no to an application sent,
    # or the reason none was; alone, it says nothing of sending
    closed: bool = False


# An address or a file's name in a text says nothing of where it stands ("…/applied/123",
# "cv_applied_ai.pdf", "submit-logs/2026-09-16-acme-applied.md").
_ADDRESS: Final = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[\w./\\-]+\.(?:pdf|docx?|odt|rtf|md|tex|txt|png|jpe?g|html?|xlsx?|csv|json)\b",
    re.IGNORECASE,
)
NOT_SENT: Final = "not sent"  # what a status may say besides an outcome: the row is no application
OVERRIDE_OUTCOMES: Final = (*OUTCOMES, NOT_SENT)
NOTHING: Final = TextReading(Stage.APPLIED, "pending", False, False, False, "")


def status_key(text: object) -> str:
    """Grouping and override key of a status text: lower-cased, spaces collapsed, end punctuation off."""
    if text is None or text is pd.NA or text is pd.NaT:
        return ""
    if isinstance(text, float | np.floating | np.datetime64) and np.isnan(text):
        return ""
    if isinstance(text, float | np.floating) and float(text).is_integer():
        text = int(text)
    key = " ".join(unicodedata.normalize("NFKC", str(text)[:MAX_ANALYSED_CHARS]).lower().split())
    end = len(key)
    while end > 0 and unicodedata.category(key[end - 1])[0] in "PSZ" and not MARK.match(key[end - 1]):
        end -= 1  # end punctuation and symbols, but not a mark that says something ("❌", "🎉")
    return key[:end]


def read_text(
    text: object, *, prose: bool = False, note: bool = False, own_side: bool = False
) -> TextReading:
    """Read one text (any language the vocabulary covers); memoised per status key. ``prose`` reads a
    sentence: words that mean other things there ("technical staff", "phone number") are passed over; a
    ``note`` names no offer either ("they offer remote work"); ``own_side``: a two-sided word ("Discarded")
    is the candidate's own, as the rest of the file shows (``side_evidence``)."""
    return _reading_of(text, status_key(text), prose or note, note, own_side)


def _reading_of(
    text: object, key: str, prose: bool = False, note: bool = False, own_side: bool = False
) -> TextReading:
    """The reading of ``text`` (whose key is ``key``); a label that says nothing as written is read with
    its camel-case words apart ("PhoneScreen", "NotApplied"), a brand as written first ("HackerRank")."""
    reading = _read_key(key, prose, note, own_side)
    if (
        reading.known
        or not isinstance(text, str)
        or " " in key
        or (apart := status_key(label_words(text))) == key
    ):
        return reading  # a camel-case label is one word ("PhoneScreen"); a sentence is read as written
    return _read_key(apart, prose, note, own_side)


def side_evidence(columns: Iterable[pd.Series]) -> str | None:
    """Why a two-sided word in these status columns ("Discarded") is the candidate's own, when the file
    shows it: it names the employer's no in words of its own ("Rejected"), or it lists postings not sent
    yet ("Evaluated", "Saved"), so its rows are postings the candidate sorted. None when it shows neither."""
    readings = [
        (value, read_text(value)) for cells in columns for value in distinct_values(cells)[1].tolist()
    ]
    for value, reading in readings:
        if reading.outcome == "rejected":
            return f"this file says '{' '.join(str(value).split())}' for an employer's no"
    for value, reading in readings:
        if reading.not_applied:
            return f"this file also lists postings not sent yet ('{' '.join(str(value).split())}')"
    return None


def is_two_sided(text: object) -> bool:
    """Whether the text says something only once its two-sided word is taken as the candidate's own."""
    return not read_text(text).known and read_text(text, own_side=True).known


def read_as_yours(text: object, overrides: Mapping[str, tuple[str, str]], side_evidence: str | None) -> bool:
    """Whether a status is a two-sided word the file makes the candidate's own ("Discarded" beside
    "Rejected"), the user having not read it otherwise in the table of statuses."""
    return side_evidence is not None and status_key(text) not in overrides and is_two_sided(text)


@lru_cache(maxsize=100_000)
def _read_key(key: str, prose: bool = False, note: bool = False, own_side: bool = False) -> TextReading:
    if not key:
        return NOTHING
    vocab = vocabulary()
    tokens, mended = _mend(words(_ADDRESS.sub(" ", key)), shortened=not (prose or note))
    stages: list[Stage] = []
    outcomes: set[str] = set()
    says_applied = not_applied = not_pursued = never_sent = names_applied = closed = cv_turned_down = False
    unclear: list[str] = []
    used: list[str] = []
    refusal_ends: set[int] = set()  # where a negated refusal ends: "not selected", "pas retenu"
    sent_said: set[str] = set()  # the meanings that say it was sent
    clauses = _clause_numbers(key, len(tokens))
    hits = list(vocab.statuses.find(tokens))
    # "❌ Disqualified": the mark echoes the two-sided word, and says no more of whose no it was
    echoed = any("two_sided" in hit.labels for hit in hits)
    ended = any(not _ENDINGS.isdisjoint(hit.labels) for hit in hits)
    for hit in hits:
        if echoed and MARK.fullmatch(hit.phrase):
            continue
        meaning = hit.labels[0] if len(set(hit.labels)) == 1 else "unclear"  # two languages disagree
        phrase_words = hit.phrase.split()
        # A negated refusal ends where a stage did not happen ("not selected for interview"), unless it
        # says a step was not passed ("did not pass the interview" had it).
        if (
            meaning == "rejected"
            and any(w in vocab.negators for w in phrase_words)
            and not any(w in vocab.passing for w in phrase_words)
        ):
            refusal_ends.add(hit.end)
        skipped_here = (
            prose and hit.phrase in vocab.unsure_in_prose and not _taken(tokens, hit.start, meaning, ended)
        ) or (note and meaning in _NOT_IN_NOTES and hit.phrase not in vocab.offers_in_notes)
        if meaning == "neutral" or skipped_here:
            continue
        if meaning == "two_sided":
            meaning = "not_pursued" if own_side else "unclear"
        if meaning == "unclear":
            unclear.append(hit.phrase)
            continue
        # A stage right after a refusal did not happen: "pas retenu pour un entretien", "niet uitgenodigd
        # voor een gesprek" (not invited to an interview).
        negated = _negated(tokens, hit.start, clauses, refusal_ends if meaning in _STAGE_OF else ()) or (
            meaning in _ANSWERABLE and _answered_no(tokens, hit.end, clauses)
        )
        if negated:
            if meaning == "applied" and hit.phrase not in vocab.after_sending:
                not_applied = never_sent = True
                used.append(f"not {hit.phrase}")
            continue
        used.append(
            f"{hit.phrase} (read from '{mended[hit.phrase]}')" if hit.phrase in mended else hit.phrase
        )
        if "two_sided" in hit.labels:
            used[-1] += " (yours, as the rest of the file shows)"
        if meaning == "not_applied":
            not_applied = True
            never_sent |= hit.phrase in vocab.unsent or any(w in vocab.negators for w in phrase_words)
        elif meaning == "not_pursued":
            not_pursued = True
        elif meaning in _STAGE_OF:
            stages.append(_STAGE_OF[meaning])
        elif meaning in ("offer", "offer_lost"):
            stages.append(Stage.OFFER)
        closed |= meaning == "closed"
        cv_turned_down |= meaning == "cv_rejected"
        if meaning in _OUTCOME_OF:
            outcomes.add(_OUTCOME_OF[meaning])
        if meaning in _SAYS_APPLIED:
            sent_said.add("posting's" if hit.phrase in vocab.posting_withdrawals else meaning)
        names_applied |= meaning == "applied"
    if closed and sent_said == {"posting's"}:
        # "Expired / no longer accepting applications": the posting expired, or was withdrawn; nobody
        # withdrew an application sent
        sent_said.clear()
        outcomes.discard("withdrawn")
    says_applied = bool(sent_said)
    if not_pursued:
        # "Not interested" after sending it is a withdrawal; without a word that it was sent, never sent
        # (a status keeps the withdrawal, for when another column says it was sent after all).
        if says_applied or not note:
            outcomes.add("withdrawn")
        if not says_applied:
            not_applied = True
    if not_applied and (says_applied or closed) and never_sent:
        says_applied = False  # "applied to the other role, not this one": the negation is about this row
        outcomes.clear()  # "posting closed before applying": no answer to an application never sent
    if not used:
        return replace(NOTHING, rule="unreadable: " + unclear[0] if unclear else "")
    # "CV rejected" says where it ended: a later step beside it ("interview 8-12 Oct") was a plan.
    stage = Stage.APPLIED if cv_turned_down else max(stages, default=Stage.APPLIED)
    if "offer" in outcomes:
        # "Offer but turned down": an offer received, then declined, as "offer declined" reads
        outcomes.discard("withdrawn")
    outcome = next((o for o in OUTCOME_STRENGTH if o in outcomes), "pending")
    # A history ("applied => 一面❌ => 一面✅ => offer✅") ended as its last answer says.
    steps = _STEPS.split(key)
    if len(steps) > 1:
        answers = [o for step in steps if (o := _read_key(step, prose, note, own_side).outcome) != "pending"]
        outcome = answers[-1] if answers else outcome
    if not_applied and (says_applied or stage > Stage.APPLIED):
        not_applied = never_sent = False  # an applied word, a stage or an answer says it was sent
    says_applied = says_applied and not not_applied
    rule = " + ".join(dict.fromkeys(used))
    if not_applied:
        rule += " (not applied)"
    return TextReading(
        stage,
        outcome,
        True,
        says_applied,
        not_applied,
        rule,
        never_sent and not_applied,
        names_applied,
        closed and outcome == "rejected" and not says_applied and stage == Stage.APPLIED,
    )


def _clause_numbers(key: str, count: int) -> tuple[int, ...]:
    """Each word's clause (clauses end at , ; . ! ? : brackets and spaced dashes); every word in one clause
    when the words of the parts do not add up to the words of the whole."""
    numbers = [i for i, part in enumerate(_CLAUSE_BREAK.split(key)) for _ in words(part)]
    return tuple(numbers) if len(numbers) == count else (0,) * count


_CLAUSE_BREAK: Final = re.compile(r"[,;!?:()\[\]·•]|\.(?:\s|$)|\s[-–—]+\s")


_ANSWERABLE: Final = frozenset({*_STAGE_OF, "offer", "applied"})  # a step, or sending: "Interview? No"


def _answered_no(tokens: tuple[str, ...], end: int, clauses: tuple[int, ...]) -> bool:
    """A phrase answered with a no that ends its clause: "Phone screen: No", "Interview? No", "NYC
    office/interview No · auth No", as a form's answers read ("interview no response" is no answer). A
    mark after a step is its result, not an answer: "一面❌" failed the first interview."""
    if end >= len(tokens) or tokens[end] not in vocabulary().no or MARK.fullmatch(tokens[end]):
        return False
    return end + 1 == len(tokens) or clauses[end + 1] != clauses[end]


def _taken(tokens: tuple[str, ...], start: int, meaning: str, ended: bool) -> bool:
    """A stage word after a verb of taking part in it, articles and one more word aside: "got OA", "had a
    phone call", "did the final round", "completed video assessment"; or, in a text that says the
    application ended, after a word that places the end after it ("rejected after the final")."""
    if meaning not in _STAGE_OF:
        return False
    vocab = vocabulary()
    before = [word for word in tokens[max(0, start - 4) : start] if word not in _ARTICLES][-2:]
    return any(word in vocab.took_part or (ended and word in vocab.ended_after) for word in before)


def _negated(
    tokens: tuple[str, ...], start: int, clauses: tuple[int, ...], refusal_ends: Collection[int] = ()
) -> bool:
    """A negator (or a "not yet" word) is the first word before the phrase that is not a filler, at most
    a few words back and in the same clause: "no interview", "never got an offer", "should have an
    interview soon", but not "no response, interview booked"; so is the end of a negated phrase in
    ``refusal_ends``."""
    vocab = vocabulary()
    for position in range(start - 1, max(-1, start - 1 - _NEGATION_REACH), -1):
        if clauses[position] != clauses[start]:
            return False
        if position + 1 in refusal_ends:
            return True
        word = tokens[position]
        if word in vocab.negators:
            return True
        if word not in vocab.fillers:
            return False
    return False


@dataclass(frozen=True)
class _Mender:
    words: frozenset[str]  # the status words and the words never corrected: left as they are
    squeezed: dict[str, str]  # a status word with its repeated letters squeezed -> the word
    targets: dict[str, list[str]]  # first letter -> one-word status phrases to correct towards
    beheaded: dict[str, str]  # a one-word status without its first letter ("ccepted") -> the word


def _plain(word: str) -> bool:
    return word.isascii() and word.isalpha()


@lru_cache(maxsize=1)
def _mender() -> _Mender:
    vocab = vocabulary()
    phrases = vocab.statuses.phrases
    known = {word for phrase in phrases for word in phrase.split() if _plain(word)}
    spellings: dict[str, set[str]] = defaultdict(set)  # squeezed -> the status words that squeeze to it
    for word in known:
        spellings[_squeeze(word)].add(word)
    targets: dict[str, list[str]] = {}
    for phrase in _one_word_statuses():
        if (
            len(phrase) >= _FUZZY_MIN_LENGTH
            and phrase not in vocab.never_correct
            and not set(phrases[phrase]) & {"not_applied", "unclear", "two_sided", "neutral", "not_pursued"}
        ):
            targets.setdefault(phrase[0], []).append(phrase)
    squeezed = {key: words.pop() for key, words in spellings.items() if len(words) == 1}
    heads: dict[str, set[str]] = defaultdict(set)
    for phrase in (p for phrases in targets.values() for p in phrases):
        heads[phrase[1:]].add(phrase)
    beheaded = {tail: words.pop() for tail, words in heads.items() if len(words) == 1 and tail not in known}
    return _Mender(frozenset(known) | vocab.never_correct, squeezed, targets, beheaded)


@lru_cache(maxsize=1)
def _one_word_statuses() -> tuple[str, ...]:
    return tuple(p for p in vocabulary().statuses.phrases if " " not in p and _plain(p))


def _squeeze(word: str) -> str:
    return "".join(char for char, _ in itertools.groupby(word))


@lru_cache(maxsize=50_000)
def _mended_word(word: str) -> str | None:
    mender = _mender()
    if len(word) < 4 or not _plain(word) or word in mender.words:
        return None
    fixed = mender.squeezed.get(_squeeze(word))
    if fixed is None and len(word) >= _FUZZY_MIN_LENGTH:
        best = process.extractOne(word, mender.targets.get(word[0], []), scorer=OSA.distance, score_cutoff=1)
        fixed = best[0] if best is not None else mender.beheaded.get(word)  # the first key press lost
    return fixed


@lru_cache(maxsize=50_000)
def _completed_word(word: str) -> str | None:
    """A word cut short of one status word ("rejec" → reject): at least five letters, and every one-word
    status it begins means the same ("inter" begins interview and interested: left alone)."""
    mender = _mender()
    if len(word) < _SHORTENED_MIN_LENGTH or not _plain(word) or word in mender.words:
        return None
    begun = [p for p in _one_word_statuses() if p.startswith(word)]
    meanings = {vocabulary().statuses.labels(p) for p in begun}
    return min(begun, key=len) if len(meanings) == 1 else None


def _mend(tokens: tuple[str, ...], *, shortened: bool) -> tuple[tuple[str, ...], dict[str, str]]:
    """Words with misspellings mended, and {mended word: as written} for the review; with ``shortened``
    (a status cell, not prose), also words cut short ("Inter + Rejec")."""
    mended: list[str] = []
    notes: dict[str, str] = {}
    for word in tokens:
        fixed = _mended_word(word)
        if (
            fixed is not None
            and not shortened
            and (fixed.startswith(word) or _one_letter_changed(word, fixed))
        ):
            # in prose, a word one letter short of a status word ("triage") or one letter other than it
            # ("endkunde", end customer, is no "endrunde") is a word of its own; a letter swapped, lost or
            # doubled inside a word is still mended ("rejcted", "reeejected")
            fixed = None
        fixed = fixed or (_completed_word(word) if shortened else None)
        mended.append(word if fixed is None else fixed)
        if fixed is not None:
            notes.setdefault(fixed, word)
    return tuple(mended), notes


def _one_letter_changed(word: str, fixed: str) -> bool:
    return len(word) == len(fixed) and sorted(word) != sorted(fixed)


def override_reading(choice: tuple[str, str]) -> TextReading:
    """The reading a user chose in the status review table: (stage, outcome) labels; the outcome
    NOT_SENT says the rows are no applications ("Discarded" before applying)."""
    stage, outcome = choice
    if stage not in STAGES or outcome not in OVERRIDE_OUTCOMES:
        raise ValueError(
            f"status override {choice!r}: stage must be one of {STAGES}, outcome one of {OVERRIDE_OUTCOMES}"
        )
    if outcome == NOT_SENT:
        return TextReading(Stage.APPLIED, "pending", True, False, True, "your choice", says_never_sent=True)
    return TextReading(Stage[stage.upper()], outcome, True, True, False, "your choice")


YES_NO_RULE: Final = "yes / no"  # the rule of a result column's yes or no


def result_answer_reading(answer: bool) -> TextReading:
    """A yes or a no in a result column ("Outcome: No"): an offer, or a rejection."""
    return TextReading(
        Stage.OFFER if answer else Stage.APPLIED,
        "offer" if answer else "rejected",
        True,
        True,
        False,
        YES_NO_RULE,
    )


def distinct_statuses(
    values: pd.Series,
    overrides: Mapping[str, tuple[str, str]] = {},
    result_answers: Mapping[str, bool] = {},
    own_side: bool = False,
) -> pd.DataFrame:
    """One row per distinct status key (blank ones left out), most frequent first, with its reading;
    ``result_answers``: the keys of the yes and no cells of result columns, read as their answer;
    ``own_side``: two-sided words are the candidate's, as the rest of the file shows (``side_evidence``).

    Columns: raw (most common spelling), key, count, stage, outcome, known, is_application, rule, overridden.
    """
    codes, uniques = distinct_values(pd.Series(values))
    counts = code_counts(codes, len(uniques))
    # A handful of spellings: plain Python, not a pandas groupby (a few ms of overhead per import).
    spellings = [(str(u), status_key(u), int(n)) for u, n in zip(uniques, counts, strict=True) if n > 0]
    spellings.sort(key=lambda s: (-s[2], s[0]))  # the most common spelling first names its key
    raw_of: dict[str, str] = {}
    count_of: dict[str, int] = {}
    for raw, key, count in spellings:
        if key:
            raw_of.setdefault(key, raw)
            count_of[key] = count_of.get(key, 0) + count
    keys = sorted(count_of, key=lambda k: (-count_of[k], k))

    def reading(key: str) -> TextReading:  # as the rows read it: your choice, a result's yes or no, the words
        if key in overrides:
            return override_reading(overrides[key])
        if key in result_answers:
            return result_answer_reading(result_answers[key])
        return _reading_of(raw_of[key], key, own_side=own_side)

    readings = [reading(k) for k in keys]
    return pd.DataFrame(
        {
            "raw": pd.Series([raw_of[k] for k in keys], dtype="str"),
            "key": pd.Series(keys, dtype="str"),
            "count": np.array([count_of[k] for k in keys], dtype="int64"),
            "stage": pd.Categorical([r.stage.label for r in readings], dtype=STAGE_DTYPE),
            "outcome": pd.Categorical(
                [NOT_SENT if r.not_applied else r.outcome for r in readings], categories=OVERRIDE_OUTCOMES
            ),
            "known": np.array([r.known for r in readings], dtype=bool),
            "is_application": np.array([not r.not_applied for r in readings], dtype=bool),
            "rule": pd.Series([r.rule for r in readings], dtype="str"),
            "overridden": np.array([k in overrides for k in keys], dtype=bool),
        }
    )
