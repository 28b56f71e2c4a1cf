"""A note kept one per application, as an Obsidian or Logseq vault keeps them ("Acme.md"), its fields in
the YAML front matter at its top ("status: rejected", "applied: 2025-11-12", "interviews: [2025-06-15]"):
one row, the front matter's keys its columns. Without a field that names the company, the note's own
title names it (its "title:", else its file's name), as the vault shows it.

A post's front matter ("title:", "date:", "tags:") is none: the fields must say where an application
stands, in words a status is read in, and name its job or when it was sent.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Final

import yaml

from nextround.importing.documents import PlainYaml, flat_record
from nextround.importing.mapping import header_fields
from nextround.importing.markdown import MarkdownTable, front_matter_lines
from nextround.importing.progress_text import read_text

_SAYS_WHERE: Final = frozenset({"status", "stage", "outcome_text"})
_NAMES_THE_JOB: Final = frozenset({"applied_on", "company", "role"})
_MAX_LINES: Final = 200  # a front matter is a few dozen fields


def read_front_matter(text: str, file_name: str) -> MarkdownTable | None:
    """The application a note's front matter records, or None when it records none."""
    # a front matter that does not end within its first lines is none (the lines are none of it)
    lines = front_matter_lines(text.split("\n", _MAX_LINES)[:_MAX_LINES])
    try:
        fields = yaml.load("\n".join(lines), Loader=PlainYaml) if lines else None
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(fields, dict):
        return None
    cells = {str(key).strip(): value for key, value in flat_record(fields).items()}
    named = {key: set(header_fields(key)[0]) for key in cells}
    says_where = any(
        named[key] & _SAYS_WHERE and value is not None and read_text(str(value)).known
        for key, value in cells.items()
    )
    if not says_where or not any(named[key] & _NAMES_THE_JOB and cells[key] for key in cells):
        return None
    if not any("company" in fields_named for fields_named in named.values()):
        title = cells.pop("title", None)
        cells = {"Company": title or PurePath(file_name).stem, **cells}
    note = "Read the note's fields (its front matter) as one application; its text below them was not read."
    values = [None if value is None else str(value) for value in cells.values()]  # as a note's text holds it
    return MarkdownTable([list(cells), values], [0, 1], (), (note,), separator="")
