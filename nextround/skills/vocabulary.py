"""The skills vocabulary (``skills.toml``) and one compiled matcher that finds skills in text.

Matching rules are documented at the top of ``nextround/data/skills.toml``; this module only implements them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from nextround.resources import read_typed

SKILLS_FILE: Final = "skills.toml"
CATEGORIES: Final[tuple[str, ...]] = (
    "technical",
    "tool",
    "method",
    "domain",
    "certification",
    "language",
    "interpersonal",
)
CUSTOM_CATEGORY: Final = "other"  # a skill the user or the file named that the vocabulary lacks

_BEFORE: Final = r"(?<![\w+#@.])"  # not inside a longer word, not after ".", "+", "#", "@"
_AFTER: Final = r"(?![\w+#]|\.\w)"  # not before a letter, "+", "#" or ".js"-like suffix
_ACRONYM: Final = re.compile(r"^[A-Z0-9&/+#.]{2,5}$")
_SEPARATORS: Final = re.compile(r"[\s\-‐‑–]+")
_START: Final = re.compile(r"(?<![\w+#@.])[\w.]")  # where a term may begin


@dataclass(frozen=True)
class Skill:
    name: str
    category: str
    aliases: tuple[str, ...]
    implies: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Term:
    text: str
    skill: str
    case_sensitive: bool
    not_followed_by: tuple[str, ...]
    not_preceded_by: tuple[str, ...]


def term_key(text: str) -> str:
    """Spelling-insensitive key for comparing a whole list item with a skill name or alias."""
    return _SEPARATORS.sub("", text).casefold()


def _term_regex(term: _Term) -> str:
    parts: list[str] = []
    for char in term.text:
        if char == " ":
            if not parts or parts[-1] != r"[\s\-]+":
                parts.append(r"[\s\-]+")
        elif char == "-":
            parts.append(r"[\s\-]?")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    if not term.case_sensitive and len(term.text) >= 4 and term.text[-1].isalpha():
        body += "(?:e?s)?"  # plurals: "data pipelines", "dashboards"
    if not term.case_sensitive:
        body = f"(?i:{body})"
    behind = "".join(f"(?<!{re.escape(text)})" for text in term.not_preceded_by)
    ahead = "".join(f"(?!{pattern})" for pattern in term.not_followed_by)
    return f"{behind}{body}{ahead}"


def _start_key(text: str, index: int) -> str:
    """Bucket of a term by its first two characters, so each place in a text tries only a few terms."""
    first = text[index].casefold()
    second = text[index + 1].casefold() if index + 1 < len(text) and text[index + 1].isalnum() else "_"
    return first + second


class Vocabulary:
    """Skills by canonical name, plus a matcher over every name and alias."""

    def __init__(self, skills: Iterable[Skill], terms: Iterable[_Term], item_aliases: dict[str, str]) -> None:
        self.skills: dict[str, Skill] = {skill.name: skill for skill in skills}
        ordered = sorted(terms, key=lambda t: len(t.text), reverse=True)
        self._term_skill = tuple(t.skill for t in ordered)
        buckets: dict[str, list[str]] = {}
        for index, term in enumerate(ordered):
            keys = {_start_key(term.text, 0)}
            if len(term.text) > 2 and term.text[1] == "-":  # "e-learning" also matches "elearning"
                keys.add(_start_key(term.text[0] + term.text[2:], 0))
            for key in keys:
                buckets.setdefault(key, []).append(f"(?P<t{index}>{_term_regex(term)})")
        # Longest first within a bucket, so at one place the longest term wins.
        self._buckets = {key: re.compile(f"(?:{'|'.join(alts)}){_AFTER}") for key, alts in buckets.items()}
        self._by_key: dict[str, str] = {}
        for term in ordered:
            self._by_key.setdefault(term_key(term.text), term.skill)
        for alias, skill in item_aliases.items():
            self._by_key.setdefault(term_key(alias), skill)
        self._by_folded_name = {name.casefold(): name for name in self.skills}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self.skills, key=str.casefold))

    def category(self, name: str) -> str:
        skill = self.skills.get(name)
        return skill.category if skill else CUSTOM_CATEGORY

    def find(self, text: str) -> list[tuple[str, int]]:
        """Every skill mention in ``text`` as (canonical name, position), in reading order."""
        found: list[tuple[str, int]] = []
        resume_at = 0
        for start in _START.finditer(text):
            index = start.start()
            if index < resume_at:
                continue
            pattern = self._buckets.get(_start_key(text, index))
            match = pattern.match(text, index) if pattern is not None else None
            if match is None or match.lastgroup is None:
                continue
            found.append((self._term_skill[int(match.lastgroup[1:])], index))
            resume_at = match.end()
        return found

    def skills_in(self, text: str) -> tuple[str, ...]:
        """The distinct skills mentioned in ``text``, in order of first mention."""
        return tuple(dict.fromkeys(name for name, _ in self.find(text)))

    def with_implied(self, names: Iterable[str]) -> frozenset[str]:
        """The names plus every skill they imply (transitively): Power BI gives Data visualisation too."""
        result = set(names)
        queue = list(result)
        while queue:
            skill = self.skills.get(queue.pop())
            for implied in skill.implies if skill else ():
                if implied not in result:
                    result.add(implied)
                    queue.append(implied)
        return frozenset(result)

    def resolve_exact(self, item: str) -> str | None:
        """The skill whose name, alias or list-only alias is exactly ``item`` (any case or spacing)."""
        return self._by_key.get(term_key(item))

    def resolve(self, item: str) -> str | None:
        """A list item ("sql", "Power-BI", "golang") as a canonical name: exact spelling first (any case,
        since a lone item is unambiguous; list-only aliases count here), then the first skill mentioned
        inside it; None if neither."""
        key = term_key(item)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        inside = self.skills_in(item)
        return inside[0] if inside else None

    def canonical(self, name: str) -> str:
        """The vocabulary's spelling of a skill name, or the name itself (trimmed) for a custom skill."""
        cleaned = " ".join(name.split())
        return self._by_folded_name.get(cleaned.casefold()) or self.resolve(cleaned) or cleaned


@dataclass(frozen=True)
class SkillEntry:
    """One skill as ``skills.toml`` lists it (the matching rules are documented at the top of the file)."""

    name: str
    aliases: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    item_aliases: tuple[str, ...] = ()  # spellings that name the skill only as a whole list item
    case_sensitive: bool | None = None  # None: as its category says
    not_followed_by: tuple[str, ...] = ()  # regular expressions
    not_preceded_by: tuple[str, ...] = ()  # plain text


@dataclass(frozen=True)
class SkillCategory:
    skills: tuple[SkillEntry, ...]
    case_sensitive: bool = False


@dataclass(frozen=True)
class SkillsFile:
    technical: SkillCategory
    tool: SkillCategory
    method: SkillCategory
    domain: SkillCategory
    certification: SkillCategory
    language: SkillCategory
    interpersonal: SkillCategory


def _load(data: SkillsFile) -> Vocabulary:
    skills: list[Skill] = []
    terms: list[_Term] = []
    item_aliases: dict[str, str] = {}
    for category in CATEGORIES:
        table: SkillCategory = getattr(data, category)
        for entry in table.skills:
            name = entry.name
            skills.append(Skill(name, category, entry.aliases, entry.implies))
            item_aliases.update(dict.fromkeys(entry.item_aliases, name))
            case_sensitive = table.case_sensitive if entry.case_sensitive is None else entry.case_sensitive
            for text in (name, *entry.aliases):
                terms.append(
                    _Term(
                        text=text,
                        skill=name,
                        # Acronyms match only in capitals: "ML" is not "ml", "PR" is not "pr".
                        case_sensitive=case_sensitive or bool(_ACRONYM.match(text)),
                        not_followed_by=entry.not_followed_by,
                        not_preceded_by=entry.not_preceded_by,
                    )
                )
    return Vocabulary(skills, terms, item_aliases)


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The shipped vocabulary, compiled once per process (it is read-only and the same for everyone)."""
    return _load(read_typed(SKILLS_FILE, SkillsFile))


_COMMON_NOUNS: Final = frozenset({"interpersonal", "method", "domain"})  # skill categories


def in_sentence(skill: str) -> str:
    """A skill name as it reads mid-sentence: "Stakeholder management" -> "stakeholder management",
    while names of tools, languages and certifications ("Python", "Power BI", "German") keep theirs."""
    if skill[:1].isupper() and skill[1:2].islower() and load_vocabulary().category(skill) in _COMMON_NOUNS:
        return skill[0].lower() + skill[1:]
    return skill
