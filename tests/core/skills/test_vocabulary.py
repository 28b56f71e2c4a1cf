"""The skills vocabulary file: size, categories, unambiguous spellings, and coverage of role families."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.importing.roles import role_families
from nextround.resources import load_toml
from nextround.skills.vocabulary import CATEGORIES, load_vocabulary, term_key


def test_at_least_400_skills_in_every_category():
    vocab = load_vocabulary()
    assert len(vocab.skills) >= 400
    per_category = defaultdict(int)
    for skill in vocab.skills.values():
        per_category[skill.category] += 1
    assert set(per_category) == set(CATEGORIES)
    assert all(count >= 20 for count in per_category.values()), per_category


def test_no_spelling_names_two_different_skills():
    data = load_toml("skills.toml")
    owner: dict[str, str] = {}
    clashes = []
    for category in CATEGORIES:
        for entry in data[category]["skills"]:
            for text in (entry["name"], *entry.get("aliases", ()), *entry.get("item_aliases", ())):
                key = term_key(text)
                if owner.setdefault(key, entry["name"]) != entry["name"]:
                    clashes.append((text, owner[key], entry["name"]))
    assert clashes == []


def test_every_guard_is_a_valid_regex():
    data = load_toml("skills.toml")
    for category in CATEGORIES:
        for entry in data[category]["skills"]:
            for pattern in entry.get("not_followed_by", ()):
                re.compile(pattern)


def test_every_typical_skill_of_every_role_family_is_in_the_vocabulary():
    vocab = load_vocabulary()
    unknown = sorted(
        {
            skill
            for family in role_families()
            for skill in family.typical_skills
            if vocab.resolve(skill) is None
        }
    )
    assert unknown == []


@pytest.mark.parametrize("name", ["Python", "Power BI", "dbt", "C++", "Stakeholder management", "Excel"])
def test_every_canonical_name_resolves_to_itself(name):
    vocab = load_vocabulary()
    assert vocab.resolve(name) == name
    assert vocab.canonical(name.lower()) == name


def test_all_names_resolve_to_themselves():
    vocab = load_vocabulary()
    assert [n for n in vocab.names if vocab.resolve(n) != n] == []


def test_a_long_description_is_read_to_its_end():
    # every repetition's mentions are found, in reading order (its speed: bench/bench_small.py)
    vocab = load_vocabulary()
    sentence = "We need SQL, Python and stakeholder management; excellent communication. "
    found = vocab.find(sentence * 60)
    once = [name for name, _ in vocab.find(sentence)]
    assert once and [name for name, _ in found] == once * 60
    assert [position for _, position in found] == sorted(position for _, position in found)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_names_from_the_vocabulary_in_reading_order(text):
    vocab = load_vocabulary()
    found = vocab.find(text)
    assert all(name in vocab.skills for name, _ in found)
    positions = [position for _, position in found]
    assert positions == sorted(positions)


def test_every_implied_skill_exists_and_implication_is_transitive():
    vocab = load_vocabulary()
    missing = sorted({i for s in vocab.skills.values() for i in s.implies if i not in vocab.skills})
    assert missing == []
    assert {"Data visualisation", "Reporting"} <= vocab.with_implied(["Power BI"])
    assert {"React", "JavaScript", "Front-end development"} <= vocab.with_implied(["Next.js"])
