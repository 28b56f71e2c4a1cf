"""An Emacs Org file (``.org``) read as the Markdown note it is written like: its headings ("** Acme")
are Markdown's ("## Acme"), a heading's task state ("** REJECTED Acme") the state it marks, its links
("[[https://acme.com][Acme]]") and time stamps ("<2025-04-26 Sat>") their words and days, its tables
("|---+---|") Markdown's. The Markdown reader then finds the applications as in any note."""

from __future__ import annotations

import re
from typing import Final

from nextround.importing.progress_text import read_text

_HEADING: Final = re.compile(r"^(\*{1,6})\s+(?=\S)(.*)$")
# a heading's task state ("** APPLIED Stripe", "** TODO Acme"), its priority ("[#A]") and its tags (":job:")
_TASK_STATE: Final = re.compile(r"^([A-Z][A-Z_-]+)\s+(?=\S)")
_PRIORITY: Final = re.compile(r"^\[#[A-Z0-9]\]\s*")
_TAGS: Final = re.compile(r"\s+:(?:[\w@#%]+:)+\s*$")
_KEYWORD: Final = re.compile(r"^\s*#\+(\w+):\s*(.*)$")  # "#+title: Interviews"
_LINK: Final = re.compile(r"\[\[([^\[\]]+)\](?:\[([^\[\]]+)\])?\]")
# "<2025-04-26 Sat>", "[2025-01-07 Tue 17:32]", "<2025-03-01 Sat 10:00-11:00 +1w>": the day
_STAMP: Final = re.compile(r"[<\[](\d{4}-\d{2}-\d{2})(?:\s+[^\s<>\[\]\d]{1,4}\.?)?(?:\s+\d[^<>\[\]]*)?[>\]]")
_TABLE_RULE: Final = re.compile(r"^(\s*)\|([-+]+)\|?\s*$")  # "|---+---|"
_LINE_BREAK: Final = re.compile(r"\s*\\\\\s*$")  # "… \\" at a line's end


def org_as_markdown(text: str) -> str:
    """The Org text as Markdown, line for line (a row's number is its line's in both)."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    if keyword := _KEYWORD.match(line):
        return f"# {keyword.group(2)}" if keyword.group(1).lower() == "title" else ""
    if rule := _TABLE_RULE.match(line):
        return f"{rule.group(1)}|{rule.group(2).replace('+', '|')}|"
    line = _LINK.sub(lambda link: link.group(2) or link.group(1), line)
    line = _LINE_BREAK.sub("", _STAMP.sub(r"\1", line))
    if heading := _HEADING.match(line):
        return "#" * len(heading.group(1)) + " " + _heading(heading.group(2))
    return line


def _heading(title: str) -> str:
    """A heading's words, its task state marked after them as a Markdown heading marks one ("APPLIED
    Stripe :job:" → "Stripe ==APPLIED=="); only a word that reads as a state is one."""
    title = _TAGS.sub("", title)
    state = _TASK_STATE.match(title)
    if state is None or not read_text(state.group(1)).known:  # "NASA JPL": a name in capitals
        return _PRIORITY.sub("", title)
    return f"{_PRIORITY.sub('', title[state.end() :])} =={state.group(1).replace('_', ' ')}=="
