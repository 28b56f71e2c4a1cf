"""Where to learn a skill or use it for good: course providers and practice projects
(``learning_resources.toml``) and skill-based volunteering platforms (``volunteering.toml``). Soft
skills are learnt by practice: they get volunteer roles that use the skill itself, never a course."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal
from urllib.parse import quote_plus

from nextround.action_items import Link
from nextround.resources import read_typed

Cost = Literal["free", "free to audit", "free tier", "paid"]
COST_ORDER: Final[tuple[Cost, ...]] = ("free", "free to audit", "free tier", "paid")  # free options first
COURSE_LINKS: Final = 4
VOLUNTEER_LINKS: Final = 4


@dataclass(frozen=True)
class Provider:
    name: str
    url: str  # "{skill}" is replaced by the skill, URL-encoded
    cost: Cost
    categories: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class VendorTraining:
    """A tool vendor's own training for one skill, listed before the general providers."""

    skill: str
    name: str
    url: str
    cost: Cost
    note: str


@dataclass(frozen=True)
class LearningResources:
    provider: tuple[Provider, ...]
    specific: tuple[VendorTraining, ...]
    projects: dict[str, tuple[str, ...]]  # skill category -> practice project ideas; "other" for the rest
    practice_categories: tuple[str, ...]  # learnt by doing, not by a course (soft skills)


@dataclass(frozen=True)
class Platform:
    name: str
    url: str
    region: str
    fields: tuple[str, ...]  # role-family fields it serves; "any" for every field
    note: str


@dataclass(frozen=True)
class FieldRoles:
    role_kinds: tuple[str, ...]


@dataclass(frozen=True)
class Volunteering:
    platform: tuple[Platform, ...]
    fields: dict[str, FieldRoles]  # field -> volunteer roles to look for; "any" for the rest
    skills: dict[str, FieldRoles]  # a soft skill (or its category) -> volunteer roles that use it


@lru_cache(maxsize=1)
def learning_resources() -> LearningResources:
    return read_typed("learning_resources.toml", LearningResources)


@lru_cache(maxsize=1)
def volunteering() -> Volunteering:
    return read_typed("volunteering.toml", Volunteering)


def _fill(template: str, skill: str) -> str:
    return template.replace("{skill}", quote_plus(skill))


def course_links(skill: str, category: str, limit: int = COURSE_LINKS) -> tuple[Link, ...]:
    """Providers for the skill: its vendor's own training first, then free before paid."""
    data = learning_resources()
    specific: list[VendorTraining | Provider] = [
        p for p in data.specific if p.skill.casefold() == skill.casefold()
    ]
    general = sorted(
        (p for p in data.provider if category in p.categories), key=lambda p: COST_ORDER.index(p.cost)
    )
    chosen = [*specific, *general][:limit]
    return tuple(Link(f"{p.name} ({p.cost})", _fill(p.url, skill)) for p in chosen)


def project_idea(skill: str, category: str) -> str:
    projects = learning_resources().projects
    ideas = projects.get(category) or projects["other"]
    return ideas[0].replace("{skill}", skill)


def volunteering_links(field: str, limit: int = VOLUNTEER_LINKS) -> tuple[Link, ...]:
    platforms = volunteering().platform
    specific = [p for p in platforms if field in p.fields and "any" not in p.fields]
    general = [p for p in platforms if "any" in p.fields]
    chosen = [*specific, *general][:limit]
    return tuple(Link(f"{p.name} ({p.region})", p.url) for p in chosen)


def volunteer_role_kinds(field: str) -> tuple[str, ...]:
    fields = volunteering().fields
    return (fields.get(field) or fields["any"]).role_kinds


def learnt_by_practice(category: str) -> bool:
    """A soft skill: shown in examples and learnt by doing, so no course and no "avoid roles"."""
    return category in learning_resources().practice_categories


def skill_role_kinds(skill: str, category: str) -> tuple[str, ...]:
    """Volunteer roles that use a soft skill itself (its own entry, else its category's); () otherwise."""
    by_skill = volunteering().skills
    entry = by_skill.get(skill) or (by_skill.get(category) if learnt_by_practice(category) else None)
    return entry.role_kinds if entry else ()
