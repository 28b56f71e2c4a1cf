"""The user's skill profile: picked from the vocabulary, typed as a list, or found in a CV's text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from nextround.skills.extract import skills_from_list, skills_from_text
from nextround.skills.vocabulary import Vocabulary, load_vocabulary


def parse_skill_list(text: str, vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """Skills the user typed, e.g. "python, SQL; Power-BI, stakeholder mgmt" (unknown items kept)."""
    return skills_from_list(text, vocabulary)


def skills_from_cv(cv_text: str, vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """Skills a CV mentions, in order of first mention, for the user to review before use."""
    return skills_from_text(cv_text, vocabulary)


def build_profile(*sources: Iterable[str], vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """One profile from several lists of skill names: canonical spelling, no duplicates, order kept."""
    vocab = vocabulary or load_vocabulary()
    seen: dict[str, str] = {}
    for source in sources:
        for name in source:
            if name and name.strip():
                canonical = vocab.canonical(name)
                seen.setdefault(canonical.casefold(), canonical)
    return tuple(seen.values())


def profile_keys(profile: Sequence[str], vocabulary: Vocabulary | None = None) -> frozenset[str]:
    """Case-folded canonical names the profile covers, implied skills included, for "has it this skill?"."""
    vocab = vocabulary or load_vocabulary()
    named = (vocab.canonical(name) for name in profile if name.strip())
    return frozenset(name.casefold() for name in vocab.with_implied(named))
