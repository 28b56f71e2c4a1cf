"""A note that lists names under dates and states: "Sep 25 - Amazon", "Rejected - Cred, Gojek", or a
label on a line of its own ("Nov 06:") over a name per line.

Each name listed is an application: the date it is listed under is when it was sent, the states it is
listed under ("Awaiting", "Rejected") say where it stands. A name under several labels is one
application. The note is read so only when nearly all its lines are such labels and names.
"""

from __future__ import annotations

import re
from typing import Final

from nextround.importing.dates import texts_read_as_dates
from nextround.importing.markdown import OUTLINE_HEADER, MarkdownTable, note_as_table
from nextround.importing.progress_text import read_text

LISTED_LINES: Final = 400  # a list kept by hand is short; a longer file is a table or prose
_LABEL_WORDS: Final = 3  # "Sep 25", "Not selected": a label is a few words
_NAME_WORDS: Final = 6  # "Marcotte Systems (tech support)": a name is a few words, no sentence
_LEAST_GROUPS: Final = 2
_LEAST_NAMES: Final = 3
_LISTED_SHARE: Final = 0.8  # of the note's lines that are not blank: labels and the names under them
# "Sep 25 - Amazon, Eightfold", "Rejected: Cred, Gojek": a label, then the names listed with it
_LABELLED_LINE: Final = re.compile(r"^(?P<label>[^:：]{1,30}?)\s*(?:[:：]|\s[-–—]\s)\s*(?P<names>\S.*)$")
_LABEL_ALONE: Final = re.compile(r"^(?P<label>[^:：]{1,30}?)\s*[:：]?\s*$")
_NAME_SPLIT: Final = re.compile(r"\s*[,;、，]\s*")
_ROLE_IN_BRACKETS: Final = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)$")
_SENTENCE_END: Final = (".", "!", "?", "。")


def read_dated_lists(text: str) -> MarkdownTable | None:
    """The note's names as applications, or None unless it is such a list (see the module's doc)."""
    lines = text.split("\n")
    if len(lines) > LISTED_LINES:
        return None
    rows: dict[str, list[str | None]] = {}  # a name folded -> its row
    starts: list[int] = []
    used: dict[tuple[str, str], None] = {}  # the labels names were listed under: (kind, as written)
    listed_lines = 0
    over: tuple[str, str] | None = None  # a label alone on its line, over the names below it
    for index, line in enumerate(line.strip() for line in lines):
        labelled = _labelled(line) if line else None
        if labelled and not labelled[2]:
            over, listed_lines = labelled[:2], listed_lines + 1
            continue
        if labelled:
            label, names = labelled[:2], labelled[2]
        elif line and over is not None:
            label, names = over, [line]
        else:
            over = None if not line else over  # a blank line ends the names under a label alone
            continue
        names = [name for name in names if _is_name(name)]
        listed_lines += bool(names)
        for name in names:
            used[label] = None
            row = rows.get(key := " ".join(name.lower().split()))
            if row is None:
                bracketed = _ROLE_IN_BRACKETS.match(name)
                row = rows[key] = [*(bracketed.groups() if bracketed else (name, None)), None, None, None]
                starts.append(index)
            kind, said = label
            if kind == "state":
                row[2] = "; ".join(filter(None, (row[2], said)))
            elif row[4] is None:  # the first date it is listed under: when it was sent
                row[3], row[4] = f"applied {said}", said
    filled = sum(bool(line.strip()) for line in lines)
    if len(used) < _LEAST_GROUPS or len(rows) < _LEAST_NAMES or listed_lines < _LISTED_SHARE * filled:
        return None
    note = f"Read the note's {len(rows):,} names each as an application"
    for kind, what in (
        ("date", "sent on the date it is listed under"),
        ("state", "where it stands as the labels it is listed under say"),
    ):
        if labels := [f"'{label}'" for k, label in used if k == kind]:
            note += f", {what} ({', '.join(labels)})"
    return note_as_table([OUTLINE_HEADER, *rows.values()], starts, len(lines), note + ".")


def _labelled(line: str) -> tuple[str, str, list[str]] | None:
    """A line's label, its kind and the names listed with it ("Sep 25 - Amazon, Eightfold"); no names
    for a label alone on its line ("Nov 06:"); None for a line with no label."""
    if (found := _LABELLED_LINE.match(line)) and (kind := _label_kind(found.group("label"))):
        return kind, found.group("label").strip(), _NAME_SPLIT.split(found.group("names"))
    if (alone := _LABEL_ALONE.match(line)) and (
        kind := _label_kind(alone.group("label"), colon=line[-1] in ":：")
    ):
        return kind, alone.group("label").strip(), []
    return None


def _label_kind(label: str, *, colon: bool = True) -> str | None:
    """ "date" for a date ("Sep 25", "Nov 07 "), "state" for where applications stand ("Rejected"); a
    state alone on its line ends in a colon ("Rejected:"), or it is a name."""
    label = label.strip()
    if not label or len(label.split()) > _LABEL_WORDS:
        return None
    if texts_read_as_dates([label])[0]:
        return "date"
    return "state" if colon and read_text(label).known else None


def _is_name(text: str) -> bool:
    """A few words that end no sentence, are no link and say nothing of an application ("Applied to
    Acme" is a step): a company, perhaps with its role in brackets."""
    text = text.strip()
    return (
        bool(text)
        and len(text.split()) <= _NAME_WORDS
        and not text.endswith(_SENTENCE_END)
        and "://" not in text
        and not text.lower().startswith("www.")
        and not read_text(text, prose=True).known  # "PhonePe" is a name, whatever "phone" says in a cell
    )
