"""One action the user can take, as every suggester produces it and the action plan collects it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal, get_args

# In the order the plan presents them: where to act first (the diagnosis), skills, roles, follow-ups,
# feedback requests, practice, habits.
Category = Literal[
    "where to act first",
    "skill/course",
    "volunteering",
    "role targeting",
    "follow-up",
    "feedback request",
    "interview practice",
    "application habits",
]
CATEGORIES: Final[tuple[Category, ...]] = get_args(Category)
Status = Literal["to do", "doing", "done"]
STATUSES: Final[tuple[Status, ...]] = get_args(Status)
Priority = Literal["high", "medium", "low"]
PRIORITIES: Final[tuple[Priority, ...]] = get_args(Priority)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class ActionItem:
    """A concrete, dated step with the evidence for it."""

    key: str  # stable identity for de-duplication and round trips, e.g. "gap:python" or "follow-up:17"
    title: str
    why: str  # the numbers from the user's own data
    category: Category
    due_on: date
    priority: Priority = "medium"
    links: tuple[Link, ...] = ()
    status: Status = "to do"
    details: str = ""  # longer text, e.g. an email draft or a checklist
