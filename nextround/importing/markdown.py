"""Trackers kept as a Markdown table (Obsidian, Notion, a GitHub README), often inside a note.

A Markdown table is a header line, a rule line of dashes (``| --- | :-: |``) and the lines that follow
with pipes. Everything around it (headings, prose, other notes) is not part of the table: it is left
out and said so. Cell markup a person types for looks (**bold**, ~~struck~~, `code`, <br>) is read as
the words it wraps.

A note without a table may keep one heading per application ("# Acme", its role on the next line, then
a checklist of dated steps): it is read as a table of Company, Role and Progress (the steps done). A
note with neither may keep one list item per application ("- Acme: phone screen 3/4, then rejected"):
its first words are the company, the rest its progress.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from nextround.importing.mapping import header_fields
from nextround.importing.phrases import MARK, normalise, word_count, words
from nextround.importing.progress_text import read_text
from nextround.importing.vocabulary import vocabulary
from nextround.model import Stage

# The rule line under a header: cells of dashes with optional alignment colons, with at least one pipe.
_RULE_PATTERN = r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?[ \t]*\r?$"  # | :--: | --- |
_RULE = re.compile(_RULE_PATTERN)
_RULE_BYTES = re.compile(_RULE_PATTERN.encode(), re.MULTILINE)
_LOOK_BYTES = 256 * 1024
_RULE_HINTS = (b"|---", b"| ---", b"|:-", b"| :-", b"---|", b"--- |", b"|-|")  # "|-|-|": one dash a cell
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_HIGHLIGHT = re.compile(r"==(.+?)==")
# **bold**, __bold__, ~~struck~~, `code`, ==highlight==, and a link's words ("[Acme](https://…)", spaces
# and a title around the address allowed: "[Acme](https://… "jobs")"; a link without words keeps its address)
_LINK = re.compile(r'!?\[([^\]]+)\]\(\s*[^)\s]*(?:\s+"[^"]*")?\s*\)')
_MARKUP = re.compile(
    rf"\*\*(.+?)\*\*|__(.+?)__|~{{2,}}(.+?)~{{2,}}|`([^`]+)`|{_HIGHLIGHT.pattern}|{_LINK.pattern}"
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_NUMBERED = re.compile(r"^\d{1,3}[.)、]\s*")
_BRACKETED = re.compile(r"[(（\[【]([^()（）\[\]【】]+)[)）\]】]")  # "Acme (rejected)", "字节（已终止）"
_HEADING = re.compile(r"^ {0,3}(?:[-*+] +)?(#{1,6})\s+(.+?)[\s#]*$")
# A plain-text note's section label on a line of its own: "[[Interviews]]" over "[rejected]", "== Offers =="
_LABEL = re.compile(r"^(\[{1,2})\s*([^\[\]]+?)\s*\]{1,2}\s*$|^([-=~])\3*\s+(.+?)\s+\3+\s*$")
_TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$")  # a post's title in its front matter
# "**Airbnb**" (or "**Airbnb**:") alone on its line
_BOLD_LINE = re.compile(r"^(\*\*|__)(?!\s)([^*_]+?)\1\s*[:：]?\s*$")
# "… they said no. **Rejected**": the bold words that end a paragraph, its verdict ("**test**: fix" is none)
_BOLD_VERDICT = re.compile(r"\*\*(?!\s)([^*]+?)\*\*[\s.!。]*$")
_BRACKET_LINE = re.compile(r"^\s*[\[【]\s*([^\[\]【】]+?)\s*[\]】]\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[(?P<tick>[ xX])\]\s*)?(?P<text>.+)$")
# A note read as a table: the state its sections mark ("❌", "(rejected)", "**Rejected**"), then its steps.
OUTLINE_HEADER: list[str | None] = ["Company", "Role", "Status", "Progress", "Date"]
_BLOCK_LINES = 12  # a block of more lines is a list or a paragraph, not one application's record
_SPACED_STATE_WORDS = 5  # a name parted from its state by a space only ("SNK offer") is followed by few words
_SETEXT_RULE = re.compile(r"^\s*(?:=+|-+)\s*$")  # "Testing" over "=======": a heading
_SEPARATOR_LINE = re.compile(r"^\s*([-=_*~#])\1{2,}\s*$")  # "-----", "=====": a line that only separates
_DISTINCT_TITLES = 0.7  # of a level's headings, at least this share differ, or they are each one's parts
_BOARD_WORDS = 4  # a board's column is named in a few words ("Applied", "面试中"), never in a sentence
_LINE_STATE_WORDS = 3  # the rest of a note's line read as a label, not a sentence, is this short
_STATE_WORDS = 8  # a state set in bold is a label ("Offer but turned down"), not a sentence
ROLE_WORDS = 12  # a line of more words under a heading is a sentence, not the role
# A date with its year in a step ("Applied 2025-09-01", "2020年8月23日"): the earliest is the date applied.
_DATED = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
# Where a list item's name ends: a dash after at most four words ("Acme Labs - rejected"), a colon (but
# not a time's, "15：00") or a bar, spaced or not ("柠檬微趣|笔试挂"), else the first space
# ("百度 部门筛选中").
_BAR = re.compile(r"[|｜]")
_NAME = re.compile(r"^((?:\S+\s+){0,3}?\S+?)(?:\s+[-–—]\s+|\s*[|｜]\s*|:\s+|\s*：\s*(?!\d))|^(\S+)\s+")
# A name in front of brackets: "字节跳动（未投递）", "Acme Labs (rejected)".
_NAME_IN_FRONT_OF_BRACKETS = re.compile(r"^((?:\S+\s+){0,3}?[^\s(（【]+)\s*(?=[(（【])")
# A heading that asks in a sentence ("What does this all mean?"), not a name with a doubt ("Acme - Japan?")
_PROSE_QUESTION = re.compile(r"^[^-–—|｜:：@]*?\w+\s+\w+\s+\w+[^-–—|｜:：@]*[?？]$")
_STEP_KINDS = frozenset({"screen", "interview", "final"})  # the stage columns a heading may name alone
# a line's opening day, marks before it ("✖️2020/07/03: Bytedance", "2020/05: Huawei", "7/22 - Dji")
_LEADING_DATE = re.compile(
    rf"^([{MARK.pattern[1:-1]}\ufe0f\s]*)"  # marks
    r"(\d{4}[/.-]\d{1,2}(?:[/.-]\d{1,2})?|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)"  # the day
    r"\s*(?:[:：]|\s[-–—]\s)\s*(?=\S)"  # a colon or a spaced dash, then the name
)
_DAY = re.compile(r"^\d{1,4}\s*[年月./-]\s*\d")  # an item that starts with a date heads a day, not a company
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# <span class="box-red">挂了</span>: the words it wraps (an address in angle brackets is no tag)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# A reference link ("[拼多多]", "[Acme][1]", its address given elsewhere in the note): its words.
_REFERENCE_LINK = re.compile(r"\[([^\[\]{}\"]+)\](?:\[[^\[\]]*\])?(?!\()")
_PROGRESS_FIELDS = frozenset({"status", "stage", "outcome_text", "response"})  # where it stands
_NAMES_A_JOB = frozenset({"company", "role"})
# what the job or the employer is, where it is and through whom one applied: never how far it got
_SAYS_NO_PROGRESS = frozenset({"job_description", "required_skills", "job_detail", "location", "source",
                               "url", "contact_name", "contact_email", "contact_phone"})  # fmt: skip
# A step's label before its colon ("CV screen: rejected", "서류지원：합격"), not a time's ("11:30")
_STEP_LABEL = re.compile(r"^([^:：]{1,40}?)\s*[:：](?!\d)")
# A record's field: "Status: applied", "Recruiter/contact: Anna" (a label of a few words; not a time's
# colon, "11:30", nor an address's, "https://…")
_FIELD = re.compile(r"^([^:：]{1,40}?)\s*[:：](?!\d|//)\s*(.*)$")
_FIELD_WORDS = 4
# A job listed under a company's heading: its line within the section, its title, its steps
_Job = tuple[int, str, list[str]]
_SaidLine = tuple[str, "re.Match[str] | None", str, bool]  # a line, its list item, its words, in code
_Table = list[tuple[int, list[str | None]]]  # a table's lines: (line number, cells), its header first


@dataclass(frozen=True)
class MarkdownTable:
    """The table's rows (its header first, unless left blank) with their line numbers in the file, the
    lines among them that are layout (rule lines, text between the parts), and what was left out."""

    rows: list[list[str | None]]
    row_numbers: list[int]
    layout: tuple[int, ...]
    notes: tuple[str, ...]
    separator: str = "|"  # "" for a note's headings read as a table
    says_where: bool = True  # a column says where each application stands (a status, a result)


def read_markdown(text: str, may_hold_table: bool) -> MarkdownTable | None:
    """A note's tracker: its table, else one application per heading or per list item. A table that
    says nothing of where things stand (a calendar of interviews) gives way to headings or a list of
    more applications."""
    html = "<table" in text.lower()  # a post's HTML table, in a note only (a CSV's cell may hold one)
    table = read_markdown_table(text, html) if may_hold_table or html else None
    if table is not None and table.says_where:
        return table
    note = (
        read_markdown_outline(text)
        or read_note_blocks(text)
        or read_markdown_list(text)
        or read_note_lines(text)
    )
    if note is None or (table is not None and len(note.rows) <= len(table.rows)):
        return table
    if table is None:
        return note
    rows = len(table.rows) - 1
    left_out = f"A table of {rows:,} row{'s' if rows != 1 else ''} that says nothing of where applications"
    return replace(note, notes=(*note.notes, f"{left_out} stand was not read."))


def may_hold_table(data: bytes) -> bool:
    """Whether a Markdown rule line is in the file's first 256 KB, where a note's tracker table begins
    (a quick look for its pieces first; a large CSV is not searched whole)."""
    head = data[:_LOOK_BYTES]
    return any(hint in head for hint in _RULE_HINTS) and _RULE_BYTES.search(head) is not None


def read_markdown_table(text: str, html: bool = False) -> MarkdownTable | None:
    """The file's Markdown table, or None when it holds none. A note with several tables whose headers
    mean the same ("Company | Result", "Company & team | Result": one per month, say) gives all their
    rows. Of tables with different columns, the tracker is one with a column that says where each
    application stands (a status or a result; a timeline of dates has none), then the one (or ones of
    the same meaning) with the most filled cells. Other tables of jobs are read beside it (see
    _more_jobs); a table with other columns (a legend, a timeline) is left out. ``html``: a note's HTML
    tables (``<table>``, as a blog post keeps them) are read as well."""
    lines = text.split("\n")  # line numbers as an editor counts them (splitlines also splits at \x0b…)
    # three dashes at least, or a dash in each of two or more cells ("|:-:|:-:|"): not one "|-|" in a text
    rules = [
        index
        for index, line in enumerate(lines)
        if _RULE.match(line) and (line.count("-") >= 3 or line.strip().strip("|").count("|") >= 1)
    ]
    tables = [table for index in rules if (table := _table_at(lines, index))]
    apart = _rows_apart(lines, tables)
    inside = sum(len(table) + 1 for table in tables)  # a Markdown table's lines: its rows and its rule
    for table, line_count in _html_tables(text) if html else []:
        tables.append(table)
        inside += line_count
    if not tables:
        return None
    meanings = [_meaning(table[0][1]) for table in tables]
    # Of tables that mean different things (two versions of one table, as a merge conflict leaves them;
    # a tracker and a list of places to apply), the ones that say more in all.
    said: dict[tuple[str, ...], int] = {}
    for meaning, table in zip(meanings, tables, strict=True):
        said[meaning] = said.get(meaning, 0) + _filled_cells(table)
    best = max(said, key=lambda meaning: (not _PROGRESS_FIELDS.isdisjoint(meaning), said[meaning]))
    kept = [table for table, meaning in zip(tables, meanings, strict=True) if meaning == best]
    kept += _more_jobs(
        kept, best, [table for table, meaning in zip(tables, meanings, strict=True) if meaning != best]
    )
    kept.sort(key=lambda table: table[0][0])
    rows = _side_by_side(kept)
    states, list_names = _states_above(lines, kept)
    rows, heading_note = _with_heading_states(rows, kept, states)
    if not any(rows[0][1]):
        del rows[0]  # a header left blank is no header: the importer looks for one
    notes = [heading_note] if heading_note else []
    if list_names:
        named = ", ".join(f"'{name}'" for name in dict.fromkeys(list_names))
        notes.append(f"The heading over a table ({named}) is its name: its rows say which were sent.")
    if apart:
        plural = "s" if len(apart) != 1 else ""
        lines_apart = ", ".join(f"{number:,}" for number in apart[:5]) + (", …" if len(apart) > 5 else "")
        notes.append(
            f"Read {len(apart):,} row{plural} written apart from its table (line{plural} {lines_apart}) "
            "with the table above it of as many columns."
        )
    outside = len([line for line in lines if line.strip()]) - inside
    if outside > 0:
        lines_of = f"{outside:,} line{'s' if outside != 1 else ''} of text"
        read, it = (
            ("the Markdown table", "it")
            if len(kept) == 1
            else (f"the note's {len(kept)} tables as one", "them")
        )
        notes.append(
            f"Read {read}; {lines_of} around {it} {'is' if outside == 1 else 'are'} not part of {it}."
        )
    if len(kept) < len(tables):
        left = len(tables) - len(kept)
        notes.append(f"{left} other Markdown table{'s' if left != 1 else ''} with other columns not read.")
    numbers = [number for number, _ in rows]
    first, taken = kept[0][0][0], set(numbers)
    last = max(number for table in kept for number, _ in table)
    layout = tuple(n for n in range(first, last + 1) if n not in taken)
    if len(taken) < len(numbers):  # an HTML table written on one line: its rows as the table counts them
        numbers, layout = list(range(1, len(rows) + 1)), ()
        notes.append("The table's rows share lines of the file: they are numbered as the table counts them.")
    return MarkdownTable(
        rows=[cells for _, cells in rows],
        row_numbers=numbers,
        layout=layout,
        notes=tuple(notes),
        says_where=not _PROGRESS_FIELDS.isdisjoint(best),
    )


def read_markdown_outline(text: str) -> MarkdownTable | None:
    """One row per heading of the level used most. The heading names the company (its marks, "❌" or
    "==rejected==", are progress); the first plain line under it with letters and no digit is the role;
    the other lines (a checklist's ticked items, dated steps, a code block of events, a quoted "gave
    up") are the progress. Unticked items are steps still to come, left out. None unless three or more
    sections, and at least half of them, speak of an application ("applied", "一面", "rejected"): dates
    and numbers alone are in every changelog."""
    lines = text.split("\n")
    fenced = _fenced(lines)
    headings = [
        (i, m)
        for i, line in enumerate(lines)
        if not fenced[i] and (m := _HEADING.match(line) or _BOLD_LINE.match(line))
    ]
    # a line all in bold ("**Airbnb**") heads a section below "######"
    levels = [len(m.group(1)) if m.re is _HEADING else 7 for _, m in headings]
    level = _application_level(levels, [m.group(2) for _, m in headings])
    own_parts = vocabulary().post_sections
    sections = []
    parent = ""  # the heading above the level read: under "## Resources", a link is no application
    for (i, m), depth in zip(headings, levels, strict=True):
        if depth < level:
            parent = normalise(_plain(m.group(2)))
        elif depth == level and parent not in own_parts:
            sections.append((i, m.group(2)))
    starts = [i for i, _ in sections]
    if (
        len(starts) < 3
        or sum(_where_they_stand(title) is not None for _, title in sections) >= len(sections) / 2
    ):
        return None  # "# 已挂", "## Rejected": a board's columns, the applications are below them
    # A section ends at the next heading of its level or above ("## Template" ends "### Acme").
    closing = [i for (i, _), depth in zip(headings, levels, strict=True) if depth <= level]
    ends = [
        closing[at] if (at := bisect.bisect_right(closing, start)) < len(closing) else len(lines)
        for start in starts
    ]
    bodies = [lines[start + 1 : end] for start, end in zip(starts, ends, strict=True)]
    jobs = _jobs_under_headings(bodies)
    said_lines = [_said_lines(lines, fenced, start + 1, end) for start, end in zip(starts, ends, strict=True)]
    fields = _record_fields(said_lines)
    records: list[tuple[list[str | None], dict[str, str]]] = []
    speaking = sections_read = 0
    read: list[int] = []  # where each application starts: its section, or its job in the section
    for (start, heading), body, listed in zip(sections, said_lines, jobs, strict=True):
        if normalise(_plain(heading)) in own_parts or _PROSE_QUESTION.match(_plain(heading)):
            continue  # "## Conclusion", "#### What does this all mean?": the post's own part, no application
        sections_read += 1
        company, states = _heading_company_and_states(heading)
        if listed:  # "# Acme" over "- Backend Engineer", its steps indented below it: one row a job
            mark = "; ".join(states)
            # the section speaks of applications when one of its jobs does
            speaking += read_text(mark).known or any(_speaks_of_one("; ".join(done)) for *_, done in listed)
            for offset, title, done in listed:
                cells = [company, title, mark or None, "; ".join(done) or None, _first_date(done)]
                records.append((cells, {}))
                read.append(start + 1 + offset)
            continue
        role = None
        progress: list[str] = []
        filled: dict[str, str] = {}  # the record's fields: label -> value
        for line, item, said, in_code in body:
            field = _FIELD.match(said) if fields and not in_code else None
            if field and (label := _field_key(field.group(1))) in fields:
                filled.setdefault(label, field.group(2).strip())
                continue
            if not in_code and _HEADING.match(line):  # a step's heading ("#### On-Site Round"): a label
                states.extend([said] if read_text(said).known else [])  # "## Later ones" says nothing
                continue
            names = _names_a_role(said)
            # its verdict: bold words ending a paragraph, or a bracketed state alone on a line ("[Rejected]")
            verdicts = [*_BOLD_VERDICT.findall(line), *_BRACKET_LINE.findall(line)]
            marked = [verdict for verdict in map(_plain, verdicts) if _is_state(verdict)]
            states.extend(marked)
            if not (item or in_code or marked) and role is None and names:
                role = said
            elif said.strip("=-* ") and not (item and _label_alone(said)):
                progress.append(said)
        steps, state = "; ".join(progress), "; ".join(states)
        in_fields = "; ".join(value for value in filled.values() if value)
        speaking += read_text(state).known or _speaks_of_one(steps) or read_text(in_fields).known
        if role is None and (name := _NAME.match(company)) and name.group(1):  # "Acme - Data Analyst"
            company, role = name.group(1), company[name.end() :]
        records.append(([company, role, state or None, steps or None, _first_date(progress)], filled))
        read.append(start)
    rows = _with_fields(records, fields)
    if speaking < max(3, sections_read / 2):
        return None
    if len(read) > sections_read:
        note = (
            f"Read each job listed under the note's {sections_read:,} headings as an application "
            f"({len(read):,} in all), the heading as its company, the lines below it as the progress."
        )
    else:
        note = f"Read each of the note's {len(read):,} headings as an application, its lines as the progress."
    if fields:
        named = ", ".join(f"'{label}'" for label in list(fields.values())[:3])
        more = ", …" if len(fields) > 3 else ""
        note += f" The records' labels ({named}{more}: {len(fields)} in all) are its columns."
    return note_as_table(rows, read, len(lines), note)


def _application_level(levels: list[int], titles: list[str]) -> int:
    """The heading level of the applications: the one used most, unless its titles repeat steps
    ("#### Round 1", "#### Verdict: No Offer" under each "### Target"): those are the parts of each
    application, which the level above them names. Repeated titles of anything else ("### Commits"
    under each version of a changelog) leave the level as it is."""
    ranked = sorted(set(levels), key=lambda level: (-levels.count(level), level))
    for level in ranked:
        named = [normalise(_plain(title)) for at, title in zip(levels, titles, strict=True) if at == level]
        steps = [title for title in set(named) if read_text(title).known]
        parts = len(set(named)) <= len(named) * _DISTINCT_TITLES and len(steps) >= len(set(named)) / 2
        if not parts or not any(depth < level for depth in levels):
            return level
    return ranked[0] if ranked else 0


def _speaks_of_one(prose: str) -> bool:
    """Whether lines under a heading speak of an application sent: that it was, a step or an answer.
    Words of postings not sent ("to apply", "ready") are in every manual's prose."""
    reading = read_text(prose, prose=True)
    return reading.says_applied or reading.stage > Stage.APPLIED or reading.outcome != "pending"


def _fenced(lines: list[str]) -> list[bool]:
    """Whether each line is inside a fenced code block (a template shown as code is no heading)."""
    inside, fenced = False, []
    for line in lines:
        fence = line.lstrip().startswith("```")
        fenced.append(inside or fence)
        inside ^= fence
    return fenced


def _field_key(label: str) -> str:
    return normalise(label) if word_count(label) <= _FIELD_WORDS else ""


def _said_lines(lines: list[str], fenced: list[bool], start: int, end: int) -> list[_SaidLine]:
    """A section's lines as the outline reads them: each line, its list item, its words (no image, no
    quote mark) and whether it is code; not the fences or the steps still to come (unticked items). A
    heading below the section's ("#### Round 2", "#### Verdict: No Offer") is one of its lines, its words
    those of its title."""
    said: list[_SaidLine] = []
    for index in range(start, end):
        line, item = lines[index], _ITEM.match(lines[index])
        if line.lstrip().startswith("```") or (item and item.group("tick") == " "):
            continue  # a fence's code block (a timeline's events) holds steps; the fence itself is none
        heading = None if fenced[index] else _HEADING.match(line)  # "# a comment" in code is code
        text = heading.group(2) if heading else item.group("text") if item else line.lstrip("> \t")
        words = _plain(_IMAGE.sub("", text))
        said.append((line, item, words, fenced[index]))
    return said


def _record_fields(sections: list[list[_SaidLine]]) -> dict[str, str]:
    """The labels of a note kept as records ("- Status: applied", "Date applied: 2026-10-08"): those
    that recur under at least half of the headings, and three at least; normalised label -> as written
    first. A label under a few headings is a step of theirs, or a line of prose, unless it describes the
    job; one in code is code."""
    seen: Counter[str] = Counter()
    written: dict[str, str] = {}
    for section in sections:
        here: set[str] = set()
        for _, _, said, in_code in section:
            field = None if in_code else _FIELD.match(said)
            if field and (key := _field_key(field.group(1))):
                here.add(key)
                written.setdefault(key, field.group(1).strip())
        seen.update(here)
    least = max(3, len(sections) / 2)
    # A label that names what the job or the employer is ("Company context", "Requirements"), or where and
    # through whom one applied ("Applied via"), is that wherever it is: it never says how far an
    # application got ("rejects 90% of applicants").
    return {  # in the order written
        key: label
        for key, label in written.items()
        if seen[key] >= least or not _SAYS_NO_PROGRESS.isdisjoint(header_fields(label)[0][:1])
    }


def _with_fields(
    records: list[tuple[list[str | None], dict[str, str]]], fields: dict[str, str]
) -> list[list[str | None]]:
    """The outline's table with a column for each field of the records. A field named as one of the
    outline's columns ("Status", "Company") is that column: its value joins the status and the progress,
    and is the company, role or date; a field that names the date applied makes the outline's own date
    (the earliest of the steps) needless."""
    own = {normalise(name or ""): index for index, name in enumerate(OUTLINE_HEADER)}
    added = [key for key in fields if key not in own]
    dated = any(header_fields(fields[key])[0][:1] == ("applied_on",) for key in added)
    rows: list[list[str | None]] = [[*OUTLINE_HEADER, *(fields[key] for key in added)]]
    for cells, filled in records:
        row = [*cells, *(filled.get(key) or None for key in added)]
        for key, value in filled.items():
            if key in own and value:
                index = own[key]
                joins = OUTLINE_HEADER[index] in ("Status", "Progress") and row[index]
                row[index] = f"{row[index]}; {value}" if joins else value
        rows.append(row)
    if dated:
        at = OUTLINE_HEADER.index("Date")
        rows = [row[:at] + row[at + 1 :] for row in rows]
    return rows


def _heading_company_and_states(heading: str) -> tuple[str, list[str]]:
    """A section heading's company and the states it marks: "Acme ==rejected==", "❌ Acme", "Acme
    (rejected after the phone screen)", "01. Acme" (its numbering no part of the name), "[Acme](https://…)"
    (a link's words, never taken for a bracketed state)."""
    heading = _LINK.sub(r"\1", heading)
    states = [part for part in _BRACKETED.findall(heading) if read_text(part, prose=True).known]
    states = [*MARK.findall(heading), *_HIGHLIGHT.findall(heading), *states]
    company = _plain(MARK.sub(" ", _HIGHLIGHT.sub(" ", _BRACKETED.sub(" ", heading)))).strip("= ")
    return _NUMBERED.sub("", company), states


def _jobs_under_headings(sections: list[list[str]]) -> list[list[_Job]]:
    """The jobs each section lists, where the note keeps one company a heading: a list item a job at the
    margin ("- Backend Engineer"), its steps the items indented below it, labelled alike from job to job
    ("Applied via: LinkedIn", "CV screen: rejected"; the label recurs under half the jobs, three at least).
    A label left blank ("Coding test:") is a step not taken yet; what a step that says nothing of progress
    holds ("Requirements" over the advert's "CV > interview > offer") is the job's details, no step.
    A section of anything else (a role on a line of its own, ticked steps) lists none."""
    listed = [_jobs_listed(section) for section in sections]
    labelled = [
        {label.group(1).strip() for step in steps if (label := _STEP_LABEL.match(step))}
        for jobs in listed
        for _, _, steps in jobs
    ]
    counts = Counter(label for labels in labelled for label in labels)
    if not counts or counts.most_common(1)[0][1] < max(3, len(labelled) / 2):
        return [[] for _ in sections]
    return listed


def _jobs_listed(section: list[str]) -> list[_Job]:
    """The section's items at the margin with the items indented below each, when it holds nothing else
    (a plain line, a heading, a ticked item, a state or a date at the margin: one application's record)."""
    jobs: list[_Job] = []
    step_indent, details = 0, False  # the steps' indent, and whether the step above holds details
    for offset, line in enumerate(section):
        if not line.strip():
            continue
        item, indent = _ITEM.match(line), len(line) - len(line.lstrip())
        said = _plain(item.group("text") if item else line).strip()
        if indent == 0:
            if item is None or item.group("tick") or read_text(said, prose=True).known or _DATED.search(said):
                return []
            jobs.append((offset, said, []))
            step_indent = 0
        elif not jobs:
            return []
        elif step_indent == 0 or indent <= step_indent:
            step_indent, details = indent, not read_text(said, prose=True).known
            if not _label_alone(said):
                jobs[-1][2].append(said)
        elif not details:
            jobs[-1][2].append(said)  # "Interviews" over "phone screen 3/2": steps of that step
    return jobs if any(steps for _, _, steps in jobs) else []


def read_markdown_list(text: str) -> MarkdownTable | None:
    """One row per list item that is not indented ("- 拼多多 笔试 8.08 一面 挂", "* Acme: rejected"): the
    words before the first dash, colon or space name the company, the rest is the progress. Indented
    items are steps of the item above, part of its progress; items that start with a date head a day's
    notes. None unless five or more items, and at least half of them, say where an application stands
    (a list of features in a README is no tracker), or two or more headings above half of them do, as a
    board's columns ("## Applied", "## Interviewing": "## Done" and "## To do" could head any list). A
    heading that says where its items stand ("## Failed", "## Offers") is part of each item's progress."""
    lines = text.split("\n")
    items: list[tuple[int, str]] = []
    rows: list[list[str | None]] = [OUTLINE_HEADER]
    state = board_column = None  # what the headings above say (and the board's column they name)
    path: dict[int, str] = {}  # the headings above, by level: "## Interviewed" over "### No offer"
    board: dict[str, int] = {}  # headings that say their items were sent: how many items each heads
    in_code = False
    last: list[str | None] | None = None  # the application whose steps indented items are
    # an item written again under another heading, link or date and all, is the same application with
    # another label ("- [Acme](…/issues/31) -- 2021-10-12" under "## Interview" and "## Offer")
    listed: dict[str, list[str | None]] = {}
    for index, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            in_code = not in_code  # a code block's "# comment" and "- item" are code
        if in_code:
            continue
        if section := _section(line):
            last = None
            level, title = section
            path = {depth: said for depth, said in path.items() if depth < level} | {level: title}
            state = "; ".join(filter(None, map(_where_they_stand, path.values()))) or None
            # a board's column is the heading right above its items, in a few words
            board_column = (
                title if read_text(title).says_applied and len(title.split()) <= _BOARD_WORDS else None
            )
            continue
        item = _ITEM.match(line)
        said = _plain(item.group("text")) if item else ""
        if said and line[:1].isspace():  # an indented item is a step of the application above it
            if last is not None and not _label_alone(said):
                last[3] = "; ".join(part.rstrip(";； ") for part in (last[3], said) if part)
                last[4] = last[4] or _first_date([said])
            continue
        last = None
        if not said or _DAY.match(said):
            continue  # a day's notes are no application's steps
        written = item.group("text").strip() if item else ""
        if (again := listed.get(written)) is not None:
            again[2] = "; ".join(part for part in (again[2], state) if part) or None  # labels, not prose
            continue
        ahead = _BRACKETED.match(said)  # a state in front of the name ("【笔试未通过】拼多多"), never in it
        states, named = ([ahead.group(1)], said[ahead.end() :].strip()) if ahead else ([], said)
        company, progress, parted = _name_and_progress(named)
        role = None  # "Acme - Data Analyst {REMOTE}": words after a dash that say no state are the role
        if parted and _names_a_role(progress) and not read_text(progress).known:
            role, progress = progress, ""
        items.append((index, said))
        if board_column is not None:
            board[board_column] = board.get(board_column, 0) + 1
        # the heading's state is read with the item's words: "## Ongoing" + "expecting a call soon" was sent
        steps = "; ".join(part for part in (state, *states, progress) if part)
        last = [company, role, None, steps or None, _first_date([progress])]
        rows.append(last)
        if "://" in written or _DATED.search(written):
            listed[written] = last
    speaking = sum(read_text(said, prose=True).known for _, said in items)
    on_board = sum(board.values()) if len(board) >= 2 else 0
    if len(items) < 5 or max(speaking, on_board) < len(items) / 2:
        return None
    note = f"Read the note's {len(items):,} list items each as an application, its first words the company."
    return note_as_table(rows, [i for i, _ in items], len(lines), note)


def read_note_blocks(text: str) -> MarkdownTable | None:
    """One row per block of short lines, blocks apart by blank lines, as a plain-text log keeps them
    ("Goldman Sachs" over "- New Analyst", "- Applied on 07/11/2021", "- REJECTED"). A block's first line
    names the company, unless it is a list item: then the block is another application at the company
    above ("- Quantitative Engineer" over "- Applied on 10/16/2021"). The first line after the name with
    letters, no digit and no state is the role; the rest is the progress. None unless five or more
    blocks have a name line, and half of the blocks say where an application stands."""
    lines = text.split("\n")
    rows: list[list[str | None]] = [OUTLINE_HEADER]
    starts: list[int] = []
    named = speaking = 0
    company: str | None = None
    for start, block in _blocks(lines):
        first = block[0][1]
        is_item = _ITEM.match(first) is not None
        labels = not is_item and (_label_alone(first) or read_text(_plain(first), prose=True).known)
        listed = any(_ITEM.match(line) for _, line in block)
        if _section(first) or labels or len(block) > _BLOCK_LINES or not listed:
            # a heading, a list's label ("Interviews:"), a paragraph, a table: no application, and no
            # name for the blocks after it
            company = None
            continue
        if is_item and len(block) == 1:
            continue  # a stray line ("- No response") is no application of its own
        if not is_item:
            company, named = _plain(first), named + 1
        if company is None:
            continue
        said = [_plain(item.group("text") if (item := _ITEM.match(line)) else line) for _, line in block]
        steps = [step for step in (said[1:] if not is_item else said) if not _label_alone(step)]
        role = next((s for s in steps[:1] if _names_a_role(s) and not read_text(s, prose=True).known), None)
        progress = [step for step in steps if step is not role]
        speaking += read_text("; ".join(progress), prose=True).known
        rows.append([company, role, None, "; ".join(progress) or None, _first_date(progress)])
        starts.append(start)
    if named < 5 or speaking < len(starts) / 2:
        return None
    note = (
        f"Read the note's {len(starts):,} blocks of lines each as an application, its first line the company."
    )
    return note_as_table(rows, starts, len(lines), note)


def read_note_lines(text: str) -> MarkdownTable | None:
    """One row per short line of a note that is not a heading ("亚麻 offer", "字节：一面后挂", "Acme:
    rejected after the phone screen", "柠檬微趣|笔试挂"): the words before the first colon, dash, bar or
    space name the company, the rest is the progress; "腾讯、联想：无反应" names two applications. A line
    that starts with a state or a step ("OA 4.28") is a step of the application above; headings that say
    where their lines stand ("# 已挂") are part of each line's progress. A line of a paragraph (a line of
    text next to it, not a label ending in ":") is none, nor is one whose name is no name ("They",
    "short,", "一共投了6家公司" with no progress). None unless five or more lines that are no list item
    name an application, and at least half of them say where it stands; then the items of a list at the
    margin ("1. 华为 | 面试结束") are lines as well."""
    lines = text.split("\n")
    kinds = [_line_kind(lines, index) for index in range(len(lines))]
    rows: list[list[str | None]] = [OUTLINE_HEADER]
    starts: list[int] = []
    named = speaking = dated = 0  # lines that are no list item: naming an application, saying where it
    # stands, and dated only
    last: list[str | None] | None = None
    path: dict[int, str] = {}  # the headings above, by level
    columns: list[str] = []  # those of them that say where their lines stand ("# 已挂")
    boards: dict[str, None] = {}  # every such heading a line was read under, in order
    for index, (kind, said) in enumerate(kinds):
        beside = {kinds[i][0] for i in (index - 1, index + 1) if 0 <= i < len(kinds)}
        if section := _section(lines[index]):
            path = {depth: title for depth, title in path.items() if depth < section[0]}
            path[section[0]] = section[1]
            columns = [stands for title in path.values() if (stands := _where_they_stand(title))]
        if kind == "step" and last is not None:
            last[3] = "; ".join(part for part in (last[3], said) if part)  # "OA 4.28": a step of the above
            continue
        last = last if kind in ("blank", "named") else None
        if kind != "named" or "text" in beside:
            continue
        undated, day = _undated(said)
        names, progress, _ = _name_and_progress(undated)
        reading = read_text(progress, prose=True)
        # a few words are a label ("面试挂了", "offer"); more are a sentence, read as one ("Refactored the
        # parser and fixed tests" names no step)
        known = (word_count(progress) <= _LINE_STATE_WORDS and _is_state(progress)) or reading.known
        # what the headings above say ("# 已挂") is where the line stands, unless its own words say how it
        # ended ("b站 | 没反应" under "# 已挂": no answer came)
        boards.update(dict.fromkeys(columns))
        state = "; ".join(columns) if reading.outcome == "pending" else ""
        plain = _ITEM.match(lines[index]) is None
        for company in [name.strip() for name in names.split("、") if name.strip()]:
            last = [company, None, state or None, progress, day or _first_date([progress])]
            rows.append(last)
            starts.append(index)
            named, speaking = named + plain, speaking + (plain and known)
            dated += plain and not known and day is not None
    # a name under the day it was sent says it was sent ("2020/09/28: Quora"), in a note whose other
    # lines say where applications stand: a diary's dated lines say nothing of any
    if speaking >= max(3, named / 5):
        speaking += dated
    if named < 5 or speaking < named / 2:
        return None
    note = f"Read the note's {len(starts):,} lines each as an application, its first words the company"
    if boards:
        note += ", the headings above them as where they stand (" + ", ".join(f"'{t}'" for t in boards) + ")"
    return note_as_table(rows, starts, len(lines), note + ".")


def _line_kind(lines: list[str], index: int) -> tuple[str, str]:
    """What a note's line is to ``read_note_lines``, with its words: "blank", "gap" (a heading, a list's
    label, code), "step" (it starts with a state), "named" (a name and its progress) or "text"."""
    line = lines[index]
    item = _ITEM.match(line)
    said = _plain(item.group("text") if item and not line[:1].isspace() else line)  # "1. 华为 | 面试结束"
    underlined = index + 1 < len(lines) and _SETEXT_RULE.match(lines[index + 1]) is not None
    if not said:
        return "blank", said
    if _section(line) or underlined or _SETEXT_RULE.match(line) or _label_alone(said):
        return "gap", said
    if (item and line[:1].isspace()) or line.lstrip().startswith(("```", "|", ">")):
        return "gap", said  # another reader's: a list's steps, code, a table, a quote
    # a line that opens with the day it was sent is a record's ("2020/07/22: bilibili 研发 (in-process)"),
    # however long; else a sentence (of many words; in cells parted by bars, one of many words), or one
    # going on below
    undated, day = _undated(said)
    if day is None and (max(map(word_count, _BAR.split(said))) > ROLE_WORDS or said.endswith((",", "，"))):
        return "text", said
    names, progress, parted = _name_and_progress(undated)
    parted = parted or day is not None
    if _is_state(names):
        return "step", said
    # a name in lower case starts a sentence ("short, …"), unless a bar parts it from its steps
    # ("b站 | 没反应") or a day opens the line
    lower = names[:1].islower() and not _BAR.search(said) and day is None
    no_name = not names[:1].isalnum() or lower or names.endswith((",", ".", ";", "，", "。"))
    # a first word and a clause ("The test checks it.", "See test/wpt for more.") is a sentence; a name
    # parted by a space only is followed by a few words of state ("亚麻 offer")
    sentence = not parted and (word_count(progress) > _SPACED_STATE_WORDS or progress.endswith("."))
    if (not progress and day is None) or no_name or sentence or "://" in (progress.split() or [""])[0]:
        return "text", said  # "2020/09/28: Quora": a name under the day it was sent, which says enough
    return "named", said


def _blocks(lines: list[str]) -> list[tuple[int, list[tuple[int, str]]]]:
    """The blocks of lines apart by blank lines (or rule lines: "-----"), each with where it starts."""
    blocks: list[tuple[int, list[tuple[int, str]]]] = []
    current: list[tuple[int, str]] = []
    for index, line in enumerate([*lines, ""]):
        if line.strip() and not _SEPARATOR_LINE.match(line):
            current.append((index, line.rstrip()))
        elif current:
            blocks.append((current[0][0], current))
            current = []
    return blocks


def _section(line: str) -> tuple[int, str] | None:
    """A heading's level and title: Markdown's "## Applied", or a plain-text note's label ("[[1st]]" at
    level 1 over "[no offer]" at 2, "== Offers ==")."""
    if heading := _HEADING.match(line):
        level, title = len(heading.group(1)), heading.group(2)
    elif label := _LABEL.match(line):
        level, title = (3 - len(label.group(1)), label.group(2)) if label.group(1) else (1, label.group(4))
    else:
        return None
    return level, _plain(title).rstrip(":：")


def _names_a_role(said: str) -> bool:
    """A role is a label: letters, no digit, and no sentence ("They wrote a long e-mail.")."""
    labels = any(c.isalpha() for c in said) and not any(c.isdigit() for c in said)
    return labels and len(said.split()) <= ROLE_WORDS and not said.endswith((".", "!", "?", ";", "。", "；"))


def _where_they_stand(title: str) -> str | None:
    """What a heading says of where the applications below it stand: its words, when they say it ("No
    offer"), or with the step a stage column so named would be ("[[1st]]" over "[no offer]": "1st
    (interview)"); None for a heading that says nothing of it."""
    if _board_column(title):
        return title
    kinds = vocabulary().stage_headers.labels(normalise(_plain(title)))  # the whole heading names the step
    return f"{title} ({kinds[0]})" if kinds and kinds[0] in _STEP_KINDS else None


def _board_column(title: str) -> bool:
    """A heading that says where the applications below it stand, and names none ("已挂", "Rejected",
    "No offer", "Phone screen"; not "Acme - rejected", "Acme rejected"): a state, whose first words are
    a state too or part of the words it was read by."""
    said = _plain(title)
    if not _is_state(said):
        return False
    name = _name_and_progress(said)[0]
    return _is_state(name) or set(words(name)) <= set(words(read_text(said).rule))


def _label_alone(text: str) -> bool:
    """A label with nothing after it: a step left blank ("Coding test:", "1차 면접："), a step not taken
    yet; or the label of the lines below it ("Interviews:")."""
    return text.rstrip().endswith((":", "："))


def _is_state(text: str) -> bool:
    """A short text that says where an application stands ("Rejected", "Offer but turned down")."""
    return len(text.split()) <= _STATE_WORDS and read_text(text).known


def _undated(said: str) -> tuple[str, str | None]:
    """A line that opens with the day it was sent ("2020/07/03: Bytedance (terminated)", "✖️ 2020/07/22 -
    Dji"): the line without it, its marks kept at its end ("Dji ✖️"), and the day."""
    dated = _LEADING_DATE.match(said)
    if dated is None:
        return said, None
    marks = dated.group(1).strip()
    return f"{said[dated.end() :]} {marks}".strip(), dated.group(2)


def _name_and_progress(item: str) -> tuple[str, str, bool]:
    """A list item's company, the rest, and whether a dash or colon parted them ("Acme - Analyst"). A
    bracket ends the name ("Acme (rejected)") when the words in front of it do not say where the
    application stands already ("快手 已投递 (待评测)" is 快手)."""
    name = _NAME.match(item)
    if name and name.group(1):
        return name.group(1), item[name.end() :], True
    bracketed = _NAME_IN_FRONT_OF_BRACKETS.match(item)
    if bracketed and not read_text(bracketed.group(1), prose=True).known:
        return bracketed.group(1), item[bracketed.end() :], False
    return (name.group(2), item[name.end() :], False) if name else (item.rstrip(":："), "", False)


def note_as_table(
    rows: list[list[str | None]], starts: list[int], line_count: int, note: str
) -> MarkdownTable:
    """A note's applications as a table: each row numbered by the line it starts on (from 0), the header
    (this reader's own) on no line of the file, every other line layout."""
    numbers = [0, *(i + 1 for i in starts)]
    layout = tuple(sorted(set(range(1, line_count + 1)) - set(numbers)))
    return MarkdownTable(rows, numbers, layout, (note,), separator="")


def _first_date(steps: list[str]) -> str | None:
    """The earliest date with a year the steps hold, as YYYY-MM-DD (a note's sections have no date column)."""
    found = [(int(y), int(m), int(d)) for step in steps for y, m, d in _DATED.findall(step)]
    return "{:04d}-{:02d}-{:02d}".format(*min(found)) if found else None


def _table_at(lines: list[str], rule_index: int) -> _Table:
    """The header above the rule on line ``rule_index`` (from 0) and the pipe lines below it, numbered
    from 1. Rows after blank lines go on with the table when they have its width and no rule line of
    their own under them (a blank line typed into a long table is no new table)."""
    if rule_index == 0 or "|" not in lines[rule_index - 1]:
        return []
    table = [(rule_index, _cells(lines[rule_index - 1]))]
    index = rule_index + 1
    while index < len(lines):
        if "|" in lines[index]:
            table.append((index + 1, _cells(lines[index])))
            index += 1
            continue
        after = next((i for i in range(index, len(lines)) if lines[i].strip()), len(lines))
        if after == index or not _goes_on(lines, after, len(table[0][1])):
            break
        index = after
    return table


def _rows_apart(lines: list[str], tables: list[_Table]) -> list[int]:
    """Rows written apart from their table (appended at the end of the note, under a legend): a line of
    cells in no table, with no rule under it, joins the last table above it of as many cells. Their line
    numbers (from 1)."""
    if not tables:
        return []
    taken = {number for table in tables for number, _ in table} | {table[0][0] + 1 for table in tables}
    fenced = _fenced(lines)
    joined: list[int] = []
    for index, line in enumerate(lines):
        if index + 1 in taken or fenced[index] or not line.lstrip().startswith("|"):
            continue
        cells = _cells(line)
        above = [table for table in tables if table[-1][0] < index + 1 and len(table[0][1]) == len(cells)]
        if above and (index + 1 >= len(lines) or not _RULE.match(lines[index + 1])):
            above[-1].append((index + 1, cells))
            joined.append(index + 1)
    return joined


def _states_above(lines: list[str], tables: list[_Table]) -> tuple[list[str | None], list[str]]:
    """What the heading right above each table says of where its applications stand ("## Rejected";
    a post titled "Companies I interviewed with"), None when it says nothing of it; and the headings
    that say so only as the list's name (see _names_the_list)."""
    states: list[str | None] = []
    names: list[str] = []
    top = 0  # where the text above the table begins: the file's start, or the end of the table before
    for table in tables:
        above = lines[top : table[0][0] - 1]
        titles = [section[1] for line in above if (section := _section(line))]
        if not titles and top == 0:
            titles = [title.group(1) for line in front_matter_lines(lines) if (title := _TITLE.match(line))]
        state = titles[-1] if titles else None
        if state is None or not read_text(state, prose=True).known:
            states.append(None)
        elif _names_the_list(state, table):
            states.append(None)
            names.append(state)
        else:
            states.append(state)
        top = table[-1][0]
    return states, names


def _names_the_list(state: str, table: _Table) -> bool:
    """Whether a heading that says its rows were sent ("### 投递", "## Applied") is the list's name: rows
    of the table say so themselves ("8月16日投递"), so those that do not were not sent (yet)."""
    reading = read_text(state, prose=True)
    if reading.stage > Stage.APPLIED or reading.outcome != "pending":
        return False
    return any(read_text(cell, prose=True).says_applied for _, cells in table[1:] for cell in cells if cell)


def _with_heading_states(rows: _Table, kept: list[_Table], states: list[str | None]) -> tuple[_Table, str]:
    """The rows with a column of what each table's heading says ("## Rejected" over one table,
    "## Interviewing" over the next: a board of tables), and the note that says so ("" when none does)."""
    if not any(states) or not any(rows[0][1]):
        return rows, ""
    meaning = _meaning(rows[0][1])
    column = "Progress" if "stage" not in meaning else "Status"
    in_order = [state for table, state in zip(kept, states, strict=True) for _ in table[1:]]
    with_states = [(rows[0][0], [*rows[0][1], column])]
    with_states += [
        (number, [*cells, _ended_as_said(state, cells, meaning)])
        for (number, cells), state in zip(rows[1:], in_order, strict=True)
    ]
    named = ", ".join(f"'{state}'" for state in dict.fromkeys(state for state in states if state))
    return (
        with_states,
        f"The heading over a table ({named}) is read as where its rows stand: column '{column}'.",
    )


def _ended_as_said(state: str | None, cells: list[str | None], meaning: tuple[str, ...]) -> str | None:
    """What the heading over a row's table says of it, ended as the row's own notes or reason say where
    they name another end: "Companies I interviewed with … → Ghosted", a history read to its last step
    (the notes are read after the heading's column, which would otherwise decide)."""
    if state is None:
        return None
    heading = read_text(state, prose=True).outcome
    for field, cell in zip(meaning, cells, strict=False):
        said = read_text(cell, prose=True).outcome if field in ("notes", "feedback") and cell else "pending"
        if said not in ("pending", heading):
            return f"{state} → {_plain(cell or '')}"
    return state


def front_matter_lines(lines: list[str]) -> list[str]:
    """A post's front matter: the lines between a first line of "---" and the next."""
    if not lines or lines[0].strip() != "---":
        return []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    return lines[1:end]


def _html_tables(text: str) -> list[tuple[_Table, int]]:
    """Each HTML table's rows, numbered by the line each starts on, and the lines of text it takes."""
    tables = []
    lowered, start, line, counted = text.lower(), 0, 1, 0
    # each "<table" with the first "</table>" after it, found by position: a table never closed ends
    # the search (a pattern would look for its end again from every later "<table", in time squared)
    while (start := lowered.find("<table", start)) >= 0 and (end := lowered.find("</table", start)) >= 0:
        line, counted = line + text.count("\n", counted, start), start  # lines counted once, in order
        stop = lowered.find(">", end) + 1 or len(text)  # the closing tag is the table's too
        html, start = text[start:stop], stop
        parser = _HtmlRows(first_line=line)
        parser.feed(html)
        parser.close()
        rows = [(number, cells) for number, cells in parser.rows if any(cells)]
        if len(rows) >= 2:
            tables.append((rows, sum(1 for html_line in html.split("\n") if html_line.strip())))
    return tables


class _HtmlRows(HTMLParser):
    """The rows of an HTML table (``<tr>`` of ``<td>`` or ``<th>``): each cell's words, a line break
    read as a space, and the line of the file each row starts on."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: _Table = []
        self._first_line = first_line
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._end_cell()
            self.rows.append((self._first_line + self.getpos()[0] - 1, []))
        elif tag in ("td", "th"):
            self._end_cell()
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "tr"):
            self._end_cell()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self.rows:
            # the parser has decoded the cell's entities: escaped again, they are decoded once, in _plain
            # ("AT&amp;amp;T" is "AT&amp;T"; "&lt;b&gt;" is the text "<b>", no tag)
            said = html.escape("".join(self._cell), quote=False)
            self.rows[-1][1].append(_plain(said) or None)
        self._cell = None


def _more_jobs(kept: list[_Table], best: tuple[str, ...], others: list[_Table]) -> list[_Table]:
    """Other tables of jobs beside the tracker's, with columns of their own ("Earlier applications:
    Date | Company | Role"): each names a company and a role, as the tracker does, and lists other jobs
    (a second version of the same table, as a merge conflict leaves it, lists the same ones)."""
    if not set(best) >= _NAMES_A_JOB:
        return []
    known = {company for table in kept for company in _companies(table)}
    more = []
    for table in others:
        if set(_meaning(table[0][1])) >= _NAMES_A_JOB:
            companies = _companies(table)
            if sum(company in known for company in companies) <= len(companies) / 2:
                more.append(table)
    return more


def _companies(table: _Table) -> list[str | None]:
    column = _meaning(table[0][1]).index("company")
    return [cells[column] if column < len(cells) else None for _, cells in table[1:]]


def _side_by_side(tables: list[_Table]) -> _Table:
    """The rows of tables with different columns under one header: each column where its meaning is
    (a column's name the first table to have it gives), blank where a table has none. Tables of one
    meaning are read as they are (a row with a cell too many is mended later, as a CSV's)."""
    if len({_meaning(table[0][1]) for table in tables}) == 1:
        return [tables[0][0], *(line for table in tables for line in table[1:])]
    slots: dict[tuple[str, int], int] = {}  # (meaning, its n-th use in one header) -> column
    header: list[str | None] = []
    placed: list[list[int]] = []  # each table's columns, where they go
    for table in tables:
        seen: dict[str, int] = {}
        where = []
        for cell, meaning in zip(table[0][1], _meaning(table[0][1]), strict=True):
            seen[meaning] = seen.get(meaning, 0) + 1
            key = (meaning, seen[meaning])
            if key not in slots:
                slots[key] = len(header)
                header.append(cell)
            where.append(slots[key])
        placed.append(where)
    rows = [(tables[0][0][0], header)]
    for table, where in zip(tables, placed, strict=True):
        for number, cells in table[1:]:
            row: list[str | None] = [None] * len(header)
            for column, cell in zip(where, cells, strict=False):
                row[column] = cell
            rows.append((number, row + cells[len(where) :]))  # a cell too many is kept, to be mended
    return rows


def _meaning(header: list[str | None]) -> tuple[str, ...]:
    """What each column of a table's header is read as (its field, else its words)."""
    return tuple(
        fields[0] if (fields := header_fields(cell or "")[0]) else normalise(cell) for cell in header
    )


def _filled_cells(table: _Table) -> int:
    return sum(cell is not None for _, cells in table[1:] for cell in cells)


def _goes_on(lines: list[str], index: int, width: int) -> bool:
    """Whether line ``index`` is one more row of a table ``width`` cells wide, not a new table's header."""
    if index >= len(lines) or "|" not in lines[index] or len(_cells(lines[index])) != width:
        return False
    return index + 1 >= len(lines) or not _RULE.match(lines[index + 1])


def _cells(line: str) -> list[str | None]:
    """One table line's cells: the outer pipes dropped, markup read as its words, empty as None."""
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [_plain(cell) or None for cell in _CELL_SPLIT.split(line)]


def _plain(cell: str) -> str:
    cell = _HTML_TAG.sub("", _LINE_BREAK.sub(" ", cell)).replace("\\|", "|")
    cell = html.unescape(cell)  # "Dropped&nbsp;out" is Dropped out, "R&amp;D" is R&D
    for _ in range(3):  # markup inside markup: "**[Acme](https://…)**" is Acme
        cell, found = _MARKUP.subn(lambda match: next(g for g in match.groups() if g is not None), cell)
        if not found:
            break
    cell = _REFERENCE_LINK.sub(r"\1", cell)
    return " ".join(cell.split())
