"""Which rows are applications, and the readings to put to the user as questions.

A row is an application when anything in it says so: an applied date, an applied word, a stage, an
answer, a filled stage column, "Applied? yes". A row that says it was not sent (saved, to apply,
"Applied? no") is left out, and so is an entry of an outreach log that is not an application ("Type:
LinkedIn Connection"), unless it led to an interview or further. A row with a company and a role and
nothing else is an application nobody answered yet; a row with only one of them is a wishlist entry. A
row whose status does not say it was sent ("Open", "Pending review") and that has no date applied is an
application in a file that gives no other way to tell, and left out (and asked about) in a file whose
other rows show how it marks what was sent. Rows after the last named one that repeat one another cell
for cell (a date and a status copied down) are filler, left out and asked about.

Questions are asked where a reading moves many rows or rests on weak evidence: a yes/no column read as
a stage, a column left out because it records what the candidate did, stages read from notes, rows
left out, outcomes inferred from blank flags, a template's default dates ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

import numpy as np
import pandas as pd

from nextround.importing.cells import code_counts, distinct_values
from nextround.importing.mapping import ColumnMapping, header_fields, stage_column_kind, stage_words_in
from nextround.importing.progress_text import NOT_SENT, read_as_yours, read_text, status_key
from nextround.importing.report import QUESTION_ROWS, Choice, Question
from nextround.importing.stage_outcome import Progress, Sent, yes_cells
from nextround.importing.vocabulary import cell_answer
from nextround.model import OUTCOMES, STAGES, Stage

NOTES_QUESTION = "notes"
NOTES_OUTCOME_QUESTION = "notes-outcome"
BLANK_FLAGS_QUESTION = "blank-flags"
NO_WHEN_ANSWERED_QUESTION = "no-when-answered"
NOT_SENT_OVERRULED_QUESTION = "not-sent-overruled"
NEVER_SENT = "never-sent"  # its answer: the "not sent" wins
NOT_SENT_SORTING_QUESTION = "not-sent-sorting"  # its answer COUNT: the sorting column says it was sent
NOT_SENT_QUESTION = "not-sent"
UNCLEAR_QUESTION = "unclear"
ONLY_A_NAME_QUESTION = "only-a-name"
FILLED_DOWN_QUESTION = "filled-down"
NOT_APPLICATIONS_QUESTION = "not-applications"
COUNT = "count"
_ONLY_ONE_NAME = (
    "only names a company or a role, nothing else: looks like a wishlist entry, not an application"
)
_FILLED_DOWN = (
    "no company or role, and the same cell for cell as the other rows at the end of the table "
    "(copied down, never filled in?)"
)
_KEEP = Choice("Yes, that is right")
STEP_WORDS = {  # what a stage column marks, in words: "reached an interview"
    "screen": "a screen",
    "interview": "an interview",
    "final": "the final round",
    "offer": "an offer",
    "rejected": "a rejection",
    "ghosted": "no response",
    "withdrawn": "a withdrawal",
    "in_progress": "still open",
    "cv_screen": "the CV screen passed",
}


def _plural(count: int, one: str, many: str = "") -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def _example(numbers: np.ndarray, where: np.ndarray, labels: pd.Categorical | None = None) -> str:
    """ " (e.g. row 12 — Status: Saved)": the first row where ``where`` holds, with its label if any."""
    rows = np.flatnonzero(where)
    if not len(rows):
        return ""
    label = labels[rows[0]] if labels is not None else None
    shown = f" — {label}" if pd.notna(label) and str(label) else ""
    return f" (e.g. row {int(numbers[rows[0]])}{shown})"


@dataclass(frozen=True)
class Decision:
    """Which rows are applications, and why each other row is left out."""

    keep: np.ndarray
    not_sent: np.ndarray
    inferred_not_sent: np.ndarray  # of those, the importer's readings (not the user's own "never sent")
    unclear: np.ndarray  # nothing says it was sent, in a file that shows how it marks that (left out)
    empty: np.ndarray  # nothing at all beyond an id or a stray cell
    only_one_name: np.ndarray  # a company or a role and nothing else, where the file shows more (a wish)
    only_a_note: np.ndarray  # no name, date, status or flag: a section title or a legend
    filled_down: np.ndarray  # no name, the same as the rows around it, at the table's end (filler)
    not_sent_by: pd.Categorical
    not_application: np.ndarray  # an entry that is not an application (networking), sent and left out
    not_application_by: (
        pd.Categorical | None
    )  # the cell that says so ("Type: Cold Email"); None: no such column
    went_further: int = 0  # such entries counted all the same: they led to an interview or further

    @property
    def skipped(self) -> list[tuple[int, str]]:
        """(row, why it is left out) for every row that is not an application."""
        out: list[tuple[int, str]] = []
        left_out = np.flatnonzero(~self.keep).tolist()
        said = np.asarray(self.not_sent_by[left_out], dtype=object)
        for i, not_sent_by in zip(left_out, said, strict=True):
            if self.not_application[i] and self.not_application_by is not None:
                out.append((i, f"not an application ({self.not_application_by[i]})"))
            elif self.not_sent[i]:
                out.append((i, f"marked as not applied yet ({not_sent_by})"))
            elif self.filled_down[i]:
                out.append((i, _FILLED_DOWN))
            elif self.only_a_note[i]:
                out.append((i, "holds only a note, no company, role, date or status (a title or a legend?)"))
            elif self.empty[i]:
                out.append((i, "has no company, no role and nothing that says it is an application"))
            elif self.only_one_name[i]:
                out.append((i, _ONLY_ONE_NAME))
            else:
                out.append((i, "nothing says it was sent (no date applied, and its status does not say so)"))
        return out

    def questions(self, file: str, numbers: np.ndarray, progress: Progress) -> Iterator[Question]:
        """The rows left out (or counted, when the user said so), asked about."""

        def left_out(
            key: str, where: np.ndarray, rows: str, labels: pd.Categorical | None, more: str = ""
        ) -> Question:
            """ "<rows> are left out (e.g. row 12 — Status: Saved).<more> Is that right?", or counted."""
            count = int(where.sum())
            example = _example(numbers, where, labels)
            text = f"{rows} {_be(count)} left out{example}.{more} Is that right?"
            if self.keep[where].all():
                text = f"{rows} {_be(count)} counted, as you chose{example}."
            choices = (_KEEP, Choice("No, count them as applications", COUNT))
            return _ask(key, file, text, numbers, where, choices)

        if self.not_application.any():
            entries = _plural(int(self.not_application.sum()), "entry", "entries")
            more = ""
            if self.went_further:
                others = _plural(self.went_further, "entry", "entries")
                more = f" {others} of such a kind that led to an interview or further "
                more += f"{_be(self.went_further)} counted."
            kind = f"{entries} of a kind that is not an application (networking, outreach, a follow-up)"
            yield left_out(
                NOT_APPLICATIONS_QUESTION, self.not_application, kind, self.not_application_by, more
            )
        if self.inferred_not_sent.any():
            rows = f"{_plural(int(self.inferred_not_sent.sum()), 'row')} marked as not applied yet"
            yield left_out(NOT_SENT_QUESTION, self.inferred_not_sent, rows, self.not_sent_by)
        if self.only_one_name.any():
            rows = (
                f"{_plural(int(self.only_one_name.sum()), 'row')} with a company or a role and nothing else"
            )
            yield left_out(ONLY_A_NAME_QUESTION, self.only_one_name, f"{rows} (wishlist entries?)", None)
        if self.filled_down.any():
            rows = f"{_plural(int(self.filled_down.sum()), 'row')} at the end of the table, all alike"
            rows += " and with no company or role (copied down, never filled in?),"
            yield left_out(FILLED_DOWN_QUESTION, self.filled_down, rows, None)
        if self.unclear.any():
            rows = f"{_plural(int(self.unclear.sum()), 'row')} with no date applied and nothing that says it "
            rows += "was sent (other rows say whether they were sent)"
            closed = int((self.unclear & progress.only_closed).sum())
            say = _plural(closed, "of them says", "of them say")
            more = f" {say} only that the posting closed, which may be why none was sent." if closed else ""
            yield left_out(UNCLEAR_QUESTION, self.unclear, rows, progress.stage_evidence, more)


def decide_applications(
    progress: Progress,
    has_date: np.ndarray,
    named: np.ndarray,
    both_named: np.ndarray | None,
    answers: Mapping[str, str],
    not_applications: tuple[np.ndarray, pd.Categorical] | None = None,
    says_more: Callable[[np.ndarray], np.ndarray] | None = None,
    filled_down: np.ndarray | None = None,
    never_sent_by_you: np.ndarray | None = None,
) -> Decision:
    """Which rows are applications (see the module's rules). ``named``: the row has a company, role or
    label; ``both_named``: it has a company and a role (None when the file lacks one of the columns);
    ``not_applications``: the entries an outreach log's kind column says are no application, and the
    cell that says so; ``says_more``: for some rows, whether each holds anything beyond the job's name and
    description (a row that does is no bare wish); ``filled_down``: unnamed rows that repeat one another
    at the table's end; ``never_sent_by_you``: rows whose status the user read as never sent (left out
    whatever the answer to the not-sent question, which is about the importer's readings)."""
    sent = progress.sent
    not_sent = sent == Sent.NOT_SENT
    # A note alone, on a row with no name, date, status or flag, is a section title or a legend
    # ("=== Stretch goals (apply anyway) ==="), however it reads.
    only_a_note = ~named & ~has_date & ~progress.beyond_notes & (sent != Sent.NOTHING)
    # A posting closed is an answer to an application sent, unless the file dates what was sent and this
    # row has no date: then it may be the reason none was, and the row is unclear.
    answered = progress.only_closed & (not has_date.any())
    shown = ((sent == Sent.SENT) | has_date | answered) & ~not_sent & ~only_a_note
    file_shows_sent = bool(shown.any() or not_sent.any())  # the file says which rows were sent
    weak = ~shown & ~not_sent
    empty = weak & ~named & ((sent == Sent.NOTHING) | only_a_note)
    only_one = np.zeros(len(sent), dtype=bool)
    if both_named is not None:
        only_one = named & ~both_named & (sent == Sent.NOTHING) & ~progress.beyond_notes
    elif file_shows_sent:  # no role column: a name alone, where the other rows show what was sent
        only_one = named & weak & (sent == Sent.NOTHING) & ~progress.beyond_notes
    if says_more is not None and only_one.any():
        bare = np.flatnonzero(only_one)
        only_one[bare[says_more(bare)]] = False
    # A row with a company and a role and nothing else is an application nobody answered yet.
    keep = shown | (weak & (sent == Sent.NOTHING) & named & ~only_one)
    if answers.get(ONLY_A_NAME_QUESTION) == COUNT:
        keep |= only_one
    # The not-sent question is about the importer's readings, not the user's own "never sent".
    inferred_not_sent = not_sent if never_sent_by_you is None else not_sent & ~never_sent_by_you
    inferred_not_sent = inferred_not_sent & ~progress.not_sent_sorted  # asked in words that say why
    if answers.get(NOT_SENT_QUESTION) == COUNT:
        keep |= inferred_not_sent
    # A status that does not say it was sent, on a row without a date applied: where the file's other rows
    # show how it marks what was sent, this row is something else (a lead, an open posting).
    unclear = weak & (sent == Sent.UNCLEAR) & ~only_a_note
    if not file_shows_sent:
        keep |= unclear
        unclear = np.zeros(len(sent), dtype=bool)  # nothing in the file says otherwise: nothing to ask
    elif answers.get(UNCLEAR_QUESTION) == COUNT:
        keep |= unclear
    filled = np.zeros_like(keep) if filled_down is None else filled_down & keep
    if answers.get(FILLED_DOWN_QUESTION) != COUNT:
        keep = keep & ~filled
    decision = Decision(
        keep,
        not_sent,
        inferred_not_sent,
        unclear,
        empty,
        only_one,
        only_a_note,
        filled,
        progress.not_sent_by,
        np.zeros_like(keep),
        None,
    )
    if not_applications is None:  # no kind column: no entry is of another kind
        return decision
    other, other_by = not_applications
    further = other & keep & (progress.stage >= Stage.INTERVIEW)
    other = other & keep & ~further
    if answers.get(NOT_APPLICATIONS_QUESTION) != COUNT:
        keep = keep & ~other
    return replace(
        decision,
        keep=keep,
        not_application=other,
        not_application_by=other_by,
        went_further=int(further.sum()),
    )


def progress_questions(
    file: str,
    numbers: np.ndarray,
    progress: Progress,
    mapping: Sequence[ColumnMapping],
    raw: pd.DataFrame,
    answers: Mapping[str, str],
) -> list[Question]:
    """Questions about the readings of the applications kept."""
    questions = [q for m in mapping if (q := _column_question(file, numbers, m, raw)) is not None]
    from_notes = progress.stage_from_notes
    if from_notes.any():
        first = int(np.flatnonzero(from_notes)[0])
        text = (
            f"The notes say how far {_plural(int(from_notes.sum()), 'application')} got (e.g. row "
            f"{int(numbers[first])}: {_short(progress.stage_evidence[first])} → "
            f"{STAGES[progress.stage[first]]}). Use what the notes say?"
        )
        choices = (Choice("Yes, use the notes"), Choice("No, ignore the notes", "ignore"))
        questions.append(_ask(NOTES_QUESTION, file, text, numbers, from_notes, choices))
    elif answers.get(NOTES_QUESTION) == "ignore":
        text = "The notes are not read for stages and outcomes, as you chose."
        questions.append(Question(NOTES_QUESTION, file, text, (), (Choice("Read the notes again", ""),)))
    withheld = progress.notes_outcome_withheld
    if withheld.any() or answers.get(NOTES_OUTCOME_QUESTION) == "use":
        count = int(withheld.sum())
        text = (
            f"The notes of {_plural(count, 'application')} say {'it' if count == 1 else 'they'} got further "
            f"or ended{_example(numbers, withheld)}, while the status says it is still open. The status was "
            "kept. Use the notes instead?"
        )
        choices = (Choice("No, keep the status"), Choice("Yes, the notes are newer", "use"))
        questions.append(_ask(NOTES_OUTCOME_QUESTION, file, text, numbers, withheld, choices))
    for column, day, count in progress.default_date_columns:
        text = (
            f"'{column}' holds the same date ({day:%d %b %Y}) in {count:,} rows: read as a template's "
            "default, not as that many steps on one day. Is that right?"
        )
        choices = (_KEEP, Choice("No, these dates are real", "real"))
        questions.append(Question(f"default-date:{column}", file, text, (), choices))
    return questions


def inferred_outcome_questions(
    file: str, numbers: np.ndarray, progress: Progress, answers: Mapping[str, str]
) -> list[Question]:
    """Outcomes read from what is missing or said elsewhere, asked about; given every row, so that an
    answer that leaves rows out ("still waiting": a bare name is then a wish) can still be undone."""
    inferred = (  # (question, rows, which, read as, the yes)
        (BLANK_FLAGS_QUESTION, progress.ghosted_from_blank_flags, "with no flag in any stage column",
         "'no response'", "Yes, no response came"),
        (NO_WHEN_ANSWERED_QUESTION, progress.rejected_by_a_no,
         "with a 'no' to a step and a date of their answer", "rejected", "Yes, they were rejected"),
    )  # fmt: skip
    questions = [
        _inferred(key, what, outcome, confirm, file, numbers, where, answers)
        for key, where, what, outcome, confirm in inferred
        if where.any()
    ]
    overruled = progress.not_sent_overruled
    if overruled.any():
        count, said, other = _not_sent_said(numbers, overruled, progress, progress.not_sent_overruled_by)
        if answers.get(NOT_SENT_OVERRULED_QUESTION) == NEVER_SENT:
            text = f"{said}, and {_be(count)} left out as never sent, as you chose."
        else:
            text = (
                f"{said}, but another column says otherwise ({other}), so "
                f"{'it is' if count == 1 else 'they are'} counted as sent. "
                "Is that right?"
            )
        choices = (Choice("Yes, count them"), Choice("No, they were never sent", NEVER_SENT))
        questions.append(_ask(NOT_SENT_OVERRULED_QUESTION, file, text, numbers, overruled, choices))
    sorted_out = progress.not_sent_sorted
    if sorted_out.any():
        count, said, other = _not_sent_said(numbers, sorted_out, progress, progress.not_sent_sorted_by)
        if answers.get(NOT_SENT_SORTING_QUESTION) == COUNT:
            text = f"{said}, and {_be(count)} counted as sent, as you chose."
        else:
            on, of = progress.sorting_share
            text = (
                f"{said}. Another column says otherwise ({other}), but it says so mostly of rows not "
                f"sent ({on:,} of its {of:,}): your own sorting of postings, not an employer's answer. "
                f"{'It is' if count == 1 else 'They are'} left out. Is that right?"
            )
        choices = (Choice("Yes, they were never sent"), Choice("No, count them as applications", COUNT))
        questions.append(_ask(NOT_SENT_SORTING_QUESTION, file, text, numbers, sorted_out, choices))
    return questions


def _not_sent_said(
    numbers: np.ndarray, rows: np.ndarray, progress: Progress, other_by: pd.Categorical
) -> tuple[int, str, str]:
    """How many of ``rows`` say they were not sent, that in words with an example ("2 rows say they were
    not sent (e.g. row 2 — Status: Not applied)"), and the other column's cell on the first of them."""
    count = int(rows.sum())
    said = f"{_plural(count, 'row')} {'says it was' if count == 1 else 'say they were'} not sent"
    said += _example(numbers, rows, progress.not_sent_by)
    return count, said, _short(other_by[int(np.flatnonzero(rows)[0])])


def _inferred(
    key: str,
    what: str,
    outcome: str,
    confirm: str,
    file: str,
    numbers: np.ndarray,
    where: np.ndarray,
    answers: Mapping[str, str],
) -> Question:
    """An outcome inferred for the rows ``where``: "<N rows> <what> are read as <outcome>. Is that
    right?"; once answered "still waiting", still asked (so the answer can be undone), saying so."""
    count = int(where.sum())
    waiting = answers.get(key) == "pending"
    reading = f"not read as {outcome}, as you chose." if waiting else f"read as {outcome}. Is that right?"
    text = f"{_plural(count, 'row')} {what}{_example(numbers, where)} {_be(count)} {reading}"
    choices = (Choice(confirm), Choice("No, they are still waiting", "pending"))
    return _ask(key, file, text, numbers, where, choices)


def _ask(
    key: str, file: str, text: str, numbers: np.ndarray, where: np.ndarray, choices: tuple[Choice, ...]
) -> Question:
    """A question about the rows where ``where`` holds (listing the first of them, counting them all)."""
    rows = numbers[where]
    return Question(key, file, text, tuple(int(r) for r in rows[:QUESTION_ROWS]), choices, count=len(rows))


def _be(count: int) -> str:
    return "is" if count == 1 else "are"


def _column_question(file: str, numbers: np.ndarray, m: ColumnMapping, raw: pd.DataFrame) -> Question | None:
    """A yes/no column that names a hiring step: read as that step, or left out as something the
    candidate did. Asked whichever way it was read, and still shown (with the answer marked) after
    the user chose."""
    if m.field not in ("stage_column", "candidate_action", None):
        return None  # read as something else (a count, a date, a name): not a yes / no step
    kind = m.kind if m.field == "stage_column" else stage_words_in(m.column)
    if kind not in ("screen", "interview", "final", "offer") or m.column not in raw:
        return None
    values = raw[m.column]
    said_yes = yes_cells(values)
    if not said_yes.any() or not _mostly_yes_no(values):
        return None  # dates in a stage column are strong evidence; yes / no is asked about
    count = _plural(int(said_yes.sum()), "application")
    step = STEP_WORDS[kind]
    as_step = Choice(f"No, it means {step}", column=m.column, field="stage_column")
    chosen = " You chose this." if m.method == "your choice" else " Is that right?"
    read_as_step = m.field == "stage_column"
    if "candidate_action" in header_fields(m.column)[0]:  # asked the same way, whatever was chosen
        choices = (Choice("Yes, leave it out", column=m.column, field="candidate_action"), as_step)
        if read_as_step:
            text = f"'{m.column}' (something you did) is read as {step}: {count}."
        else:
            text = (
                f"'{m.column}' reads as something you did, so it was not counted as {step} ({count} say yes)."
            )
    elif stage_column_kind(m.column) is not None:  # a step's own column: read as it unless told not to
        choices = (
            Choice("Yes, that is right", column=m.column, field="stage_column"),
            Choice("No, ignore this column", column=m.column, field="ignore"),
        )
        example = " ".join(str(values[said_yes].iloc[0]).split())[:40]
        text = f"'{m.column}' = '{example}' → reached {step}: {count}."
        if not read_as_step:
            text = f"'{m.column}' is left out ({count} say yes there)."
    else:
        choices = (Choice("Yes, leave it out", column=m.column, field="ignore"), as_step)
        text = f"'{m.column}' was not read as {step} ({count} say yes there)."
        if read_as_step:
            text = f"'{m.column}' is read as {step}: {count}."
    return _ask(f"column:{m.column}", file, text + chosen, numbers, said_yes, choices)


def _short(label: object) -> str:
    text = str(label)
    return f"'{text[:70]}…'" if len(text) > 70 else f"'{text}'"


def _mostly_yes_no(values: pd.Series) -> bool:
    filled = [v for v in values.dropna().head(300).tolist() if not (isinstance(v, str) and not v.strip())]
    if not filled:
        return False
    answers = sum(1 for v in filled if cell_answer(v) is not None)
    return answers >= 0.6 * len(filled)


UNREAD_ASKED: Final = 3  # the most common status texts nobody could read, asked about by name
_PENDING: Final = OUTCOMES.index("pending")
_STILL_WAITING: Final = ("Still waiting", ("applied", "pending"))
_MEANINGS: Final = (  # what an unread status may mean, as the user would say it
    ("They were rejected", ("applied", "rejected")),
    ("No answer came", ("applied", "ghosted")),
    ("I withdrew", ("applied", "withdrawn")),
    ("I never applied", ("applied", NOT_SENT)),
)


def unread_status_questions(
    file: str,
    numbers: np.ndarray,
    progress: Progress,
    texts: Sequence[pd.Series],
    overrides: Mapping[str, tuple[str, str]],
    side_evidence: str | None = None,
) -> list[Question]:
    """The status texts most applications hold that say neither how far it got nor how it ended
    ("Closed", "结束"), asked about by name: until answered they count as still waiting. A text the user
    already read as something (here or in the table of statuses) is still shown, with its reading; so is
    a two-sided word read as the user's own ("Discarded", where ``side_evidence`` says why)."""
    waiting = progress.outcome == _PENDING
    never_sent = progress.sent == Sent.NOT_SENT  # a note may overrule a two-sided word read as yours
    found: dict[str, tuple[int, str, np.ndarray, int]] = {}  # key -> (rows, text as written, codes, code)
    yours: set[str] = set()  # two-sided words read as the user's own: never sent
    for cells in texts:
        codes, uniques = distinct_values(cells)
        every, left_waiting = code_counts(codes, len(uniques)), code_counts(codes[waiting], len(uniques))
        left_out = code_counts(codes[never_sent], len(uniques))
        for code, value in enumerate(uniques.tolist()):
            key = status_key(value)
            if not key or key in found or cell_answer(value) is not None or read_text(value).known:
                continue  # the vocabulary reads it (an edit in the table of statuses is seen there)
            if read_as_yours(value, overrides, side_evidence):
                yours.add(key)
            # An answered text is shown on all its rows; an open one on those it leaves waiting; one read
            # as yours on those it leaves out.
            held = int(
                every[code] if key in overrides else left_out[code] if key in yours else left_waiting[code]
            )
            if held:
                found[key] = (held, " ".join(str(value).split()), codes, code)
    ranked = sorted(found, key=lambda key: (-found[key][0], key))
    unread = [key for key in ranked if key not in overrides and key not in yours and found[key][0] >= 2]
    chosen = [key for key in ranked if key in overrides]
    questions = []
    for key in [*(k for k in ranked if k in yours), *unread[:UNREAD_ASKED], *chosen]:
        total, text, codes, code = found[key]
        rows = codes == code
        if key not in overrides:
            rows = rows & (never_sent if key in yours else waiting)
        count = _plural(total, "row")
        written = _short(text)[1:-1]
        # "Still waiting" takes a chosen reading back; a reading the importer made itself is set aside.
        waiting_choice = Choice(
            _STILL_WAITING[0], status=key, reading=_STILL_WAITING[1] if key in yours else None
        )
        choices = (
            waiting_choice,
            *(Choice(label, status=key, reading=reading) for label, reading in _MEANINGS),
        )
        if key in overrides:
            meaning = {reading: label for label, reading in (_STILL_WAITING, *_MEANINGS)}.get(overrides[key])
            reading = f"'{meaning}'" if meaning else ", ".join(overrides[key])
            said = f"'{written}' ({count}) is read as {reading}, as you chose."
        elif key in yours:
            said = (
                f"'{written}' ({count}) is read as 'I never applied': '{written}' may be an employer's no or "
                f"your own, and {side_evidence}, so it is read as yours. "
                "Is that right?"
            )
        else:
            said = (
                f"'{written}' ({count}) says neither how far it got nor how it ended, so "
                f"{'it counts' if total == 1 else 'they count'} as still waiting. What does it mean?"
            )
        questions.append(_ask(f"status:{key}", file, said, numbers, rows, choices))
    return questions
