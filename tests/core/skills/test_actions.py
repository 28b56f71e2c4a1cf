"""Actions from gaps, roles and coaching: links built from the skill, free first, the default choice."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from nextround.action_items import CATEGORIES
from nextround.model import conform
from nextround.resources import load_toml
from nextround.skills import suggest_gap_actions, top_gaps
from nextround.skills.actions import course_links, gap_options, volunteering_links
from nextround.skills.coaching import stage_coaching
from nextround.skills.fit import role_fits

TODAY = date(2026, 11, 25)


def sample(n_python: int = 15, n_other: int = 15) -> pd.DataFrame:
    skills = ["Python, SQL, Excel"] * n_python + ["SQL, Excel, Tableau"] * n_other
    stages = ["applied"] * n_python + ["screen"] * (n_other - 3) + ["interview", "final", "offer"]
    outcomes = ["rejected"] * (n_python + n_other - 1) + ["offer"]
    n = n_python + n_other
    return conform(
        pd.DataFrame(
            {
                "role": ["Data Analyst"] * n,
                "role_family": ["Data Analyst"] * n,
                "required_skills": skills,
                "stage_reached": stages,
                "outcome": outcomes,
                "applied_on": pd.to_datetime(["2026-11-01"] * n),
            }
        )
    )


def test_course_links_are_search_links_built_from_the_skill_free_first():
    links = course_links("Power BI", "tool")
    assert links[0].label.startswith("Microsoft Learn: Power BI")  # the vendor's own training first
    general = links[1:]
    assert all("(free)" in link.label for link in general)
    assert any("Power+BI" in link.url for link in general)
    assert all(link.url.startswith("https://") for link in links)


def test_every_provider_and_platform_link_is_https_and_templates_only_use_skill():
    resources = load_toml("learning_resources.toml")
    volunteering = load_toml("volunteering.toml")
    urls = [p["url"] for p in resources["provider"] + resources["specific"]]
    urls += [p["url"] for p in volunteering["platform"]]
    assert all(url.startswith("https://") for url in urls)
    assert all(url.replace("{skill}", "").count("{") == 0 for url in urls)
    assert len(volunteering_links("Data & Analytics")) == 4


def test_suggest_gap_actions_course_and_volunteering_for_the_clear_gap_plus_a_role():
    items = suggest_gap_actions(
        sample(), ["SQL", "Excel", "Tableau", "Power BI", "Stakeholder management"], TODAY
    )
    keys = [item.key for item in items]
    assert keys[:2] == ["gap-course:python", "gap-volunteer:python"]
    assert keys[-1].startswith("role:")
    assert len(items) <= 5
    assert all(item.category in CATEGORIES for item in items)
    course = items[0]
    assert course.priority == "high"
    assert course.due_on == TODAY + timedelta(days=7)
    assert "rejected from at screening" in course.why
    assert course.links


def test_thin_evidence_never_drives_a_suggestion():
    items = suggest_gap_actions(sample(3, 3), ["SQL", "Excel", "Tableau"], TODAY)
    assert not any(item.key.startswith("gap-") for item in items)
    assert top_gaps(sample(3, 3), ["SQL", "Excel", "Tableau"], TODAY)[0].thin_evidence


def test_limit_caps_the_number_of_items():
    assert len(suggest_gap_actions(sample(), ["SQL"], TODAY, limit=2)) == 2
    assert suggest_gap_actions(sample(), ["SQL"], TODAY, limit=0) == []


def test_gap_options_offer_course_volunteering_project_and_other_roles():
    table = sample()
    profile = ["SQL", "Excel", "Tableau", "Power BI", "Stakeholder management", "Communication"]
    gap = top_gaps(table, profile, TODAY)[0]
    options = gap_options(gap, role_fits(table, profile), TODAY)
    keys = [o.key for o in options]
    assert keys[:3] == ["gap-course:python", "gap-volunteer:python", "gap-project:python"]
    assert keys[3] == "gap-avoid:python"
    assert "Python" in options[2].details


def test_stage_coaching_counts_losses_per_stage_later_stages_first():
    coaching = stage_coaching(sample(), TODAY)
    assert [(c.stage, c.losses) for c in coaching] == [
        ("final", 1),
        ("interview", 1),
        ("screen", 12),
        ("applied", 15),
    ]
    interview = coaching[1]
    assert any("STAR" in prompt for prompt in interview.prompts)
    assert interview.small_sample
    assert "small sample" in interview.summary


def test_gaps_mostly_estimated_from_role_families_are_not_suggested():
    table = sample()
    table["required_skills"] = None  # no skills named: every gap is an estimate from the role family
    gaps = top_gaps(table, ["SQL"], TODAY)
    assert gaps
    assert all(g.mostly_estimated for g in gaps)
    assert "An estimate" in gaps[0].certainty
    items = suggest_gap_actions(table, ["SQL"], TODAY)
    assert not any(item.key.startswith("gap-") for item in items)
