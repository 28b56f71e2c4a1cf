"""The interview reflection checklist (``reflection.toml``) and the plan actions its answers give."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from nextround.action_items import ActionItem, Category
from nextround.followups.candidates import FollowUpCandidate
from nextround.model import Stage
from nextround.resources import read_typed


@dataclass(frozen=True)
class ReflectionItem:
    id: str
    kind: Literal["check", "text"]
    prompt: str
    action: str
    category: Category


@dataclass(frozen=True)
class ReflectionFile:
    item: tuple[ReflectionItem, ...]


@lru_cache(maxsize=1)
def reflection_checklist() -> tuple[ReflectionItem, ...]:
    """The checklist, parsed once per process."""
    return read_typed("reflection.toml", ReflectionFile).item


def wants_reflection(candidate: FollowUpCandidate) -> bool:
    """The checklist is about an interview: it applies from the interview stage on."""
    return Stage[candidate.stage_reached.upper()] >= Stage.INTERVIEW


def reflection_actions(
    candidate: FollowUpCandidate,
    answers: Mapping[str, bool | str],
    today: date,
) -> list[ActionItem]:
    """One plan action per ticked statement or non-empty answer, citing this interview."""
    actions = []
    for item in reflection_checklist():
        answer = answers.get(item.id)
        if item.kind == "check" and answer is True:
            details = item.prompt
        elif item.kind == "text" and isinstance(answer, str) and answer.strip():
            details = f"{item.prompt}\n{answer.strip()}"
        else:
            continue
        actions.append(
            ActionItem(
                key=f"reflection:{item.id}:{candidate.key}",
                title=item.action,
                why=f"Your reflection on the {candidate.stage_reached} stage: {candidate.label}.",
                category=item.category,
                due_on=today + timedelta(days=7),
                priority="high" if item.category == "interview practice" else "medium",
                details=details,
            )
        )
    return actions
