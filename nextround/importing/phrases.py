"""One way to read words, for every text the importer looks at: headers, statuses, notes, titles, sources.

``normalise`` folds case, accents and punctuation; ``PhraseIndex`` finds curated phrases in a text. Both
cost time linear in the text, and only the first ``MAX_ANALYSED_CHARS`` characters of a cell are read
(the rest is kept, not analysed): a pasted e-mail in a status cell can never slow the import down.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

MAX_ANALYSED_CHARS: Final = 2_000  # of one cell: statuses and notes say what matters early on

_SPECIAL_LETTERS: Final = str.maketrans(
    {"ß": "ss", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "ı": "i", "đ": "d", "ð": "d", "þ": "th"}
)
_APOSTROPHES: Final = re.compile(r"['’‘`´]")
# French and Italian elisions are two words ("l'entretien", "qu'il", "un'offerta"); English contractions
# are one ("didn't" → didnt), which is what dropping the apostrophe gives.
_ELISION: Final = re.compile(r"\b(l|d|j|n|s|c|m|t|qu|un|dell|all|nell|sull)['’‘](?=\w\w)")
_CJK: Final = r"\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f"
_LETTER: Final = rf"(?:(?![{_CJK}])[^\W_])"
# A mark people use as a status ("❌", "🎉", "✅"): an emoji or a dingbat, a word of its own.
_MARK: Final = r"\u2300-\u23ff\u2600-\u27bf\U0001f300-\U0001faff"
MARK: Final = re.compile(rf"[{_MARK}]")
# A word: letters and digits of any non-CJK script, joined by . & inside ("node.js", "r&d"), a leading
# dot (".net") and trailing + or # ("c++", "c#"). A CJK character or a mark is a word of its own.
_TOKEN: Final = re.compile(rf"[{_CJK}{_MARK}]|\.?{_LETTER}+(?:[.&]{_LETTER}+)*[+#]*")


# A German word for people of every gender ("Bewerber:innen", "Kandidat*innen", "Entwickler_in") is the
# word with "innen" ("bewerberinnen"), as "BewerberInnen" is.
_GENDER_FORM: Final = re.compile(r"(?<=[a-z])[:*_·](?=in(?:nen)?\b)")


def fold(text: str) -> str:
    """Lower case without accents, apostrophes dropped, gender marks joined; at most
    ``MAX_ANALYSED_CHARS`` characters read."""
    text = text[:MAX_ANALYSED_CHARS]
    folded = _GENDER_FORM.sub("", text.lower())
    if not folded.isascii():
        folded = unicodedata.normalize("NFKC", folded).lower().translate(_SPECIAL_LETTERS)
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = unicodedata.normalize("NFKC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return _APOSTROPHES.sub("", _ELISION.sub(r"\1 ", folded))


def label_words(text: str) -> str:
    """A column name or a status written as one word in camel case ("DateApplied", "PhoneScreen",
    "NotApplied", "interview3", as apps export them) with its words apart. Only labels: in a job title or
    a channel, "JavaScript" and "LinkedIn" stay one word, as the vocabulary writes them."""
    return _CAMEL_CASE.sub(" ", text)


# "PhoneScreen", and a step's number glued to its name: "interview3", "Interview2Date" (three letters at
# least before it: "b2b" and "s3" stay as written)
_CAMEL_CASE: Final = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[A-Za-z]{3})(?=\d)|(?<=\d)(?=[A-Z][a-z])")


def words(text: str) -> tuple[str, ...]:
    """The words of a text, folded: "Didn't pass the 2nd-round (C++)" → didnt pass the 2nd round c++."""
    return tuple(_TOKEN.findall(fold(text)))


_ONE_CJK: Final = re.compile(rf"[{_CJK}]")


def word_count(text: str) -> float:
    """How many words a text holds, for telling a label from a sentence: a CJK character is a word to the
    phrase finder, but counts as half of one here ("offer了，也不想去了" is a short label, not prose)."""
    tokens = words(text)
    cjk = sum(1 for token in tokens if _ONE_CJK.fullmatch(token))
    return len(tokens) - cjk / 2


def normalise(text: object) -> str:
    """The matching form of a text: its words joined by single spaces ("" for nothing)."""
    if text is None:
        return ""
    return " ".join(words(str(text)))


@dataclass(frozen=True)
class PhraseHit:
    """One phrase found: its word positions [start, end), the phrase and what it names."""

    start: int
    end: int
    phrase: str
    labels: tuple[str, ...]


class PhraseIndex:
    """Curated phrases, found as whole words in a text's words (CJK phrases character by character,
    so anywhere). At each position only the longest phrase starting there counts, and the search goes
    on after it: a text of n words costs n dictionary look-ups times the longest phrase's length."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        """``phrases`` are (phrase, label) pairs; a phrase may carry several labels (kept in order)."""
        index: dict[tuple[str, ...], dict[str, None]] = {}  # dict keys: the labels in order, once each
        for phrase, label in phrases:
            if key := words(phrase):
                index.setdefault(key, {})[label] = None
        self._index = {key: tuple(labels) for key, labels in index.items()}
        self._first = frozenset(key[0] for key in self._index)
        self._longest = max((len(key) for key in self._index), default=0)

    def labels(self, phrase: str) -> tuple[str, ...]:
        """What a whole text names when it is exactly one phrase; () otherwise."""
        return self._index.get(words(phrase), ())

    @property
    def phrases(self) -> dict[str, tuple[str, ...]]:
        return {" ".join(key): labels for key, labels in self._index.items()}

    def find(self, text: str | Sequence[str], *, overlapping: bool = False) -> list[PhraseHit]:
        """The phrases in ``text`` (a text, or its words), left to right, longest first at each start.

        With ``overlapping``, a phrase may start inside an earlier one ("senior data analyst" finds
        "senior" and "data analyst"); otherwise the search resumes after each phrase found.
        """
        tokens = words(text) if isinstance(text, str) else tuple(text)
        hits: list[PhraseHit] = []
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i] in self._first:
                for size in range(min(self._longest, n - i), 0, -1):
                    key = tokens[i : i + size]
                    if key in self._index:
                        hits.append(PhraseHit(i, i + size, " ".join(key), self._index[key]))
                        if not overlapping:
                            i += size - 1
                        break
            i += 1
        return hits

    def best(self, text: str | Sequence[str]) -> PhraseHit | None:
        """The longest phrase in the text, in characters (the first among equals)."""
        hits = self.find(text, overlapping=True)
        return max(hits, key=lambda hit: (len(hit.phrase), -hit.start)) if hits else None
