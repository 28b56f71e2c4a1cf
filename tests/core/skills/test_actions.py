"""Actions from gaps, roles and coaching: links built from the skill, free first, the default choice."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from nextround.action_items import CATEGORIES
from nextround.analysis.funnel import compute_funnel
from nextround.model import conform
from nextround.resources import load_toml
from nextround.settings import AnalysisSettings
from nextround.skills import suggest_gap_actions, top_gaps
from nextround.skills.actions import check_skill_action, course_links, gap_options, volunteering_links
from nextround.skills.coaching import stage_coaching
from nextround.skills.fit import role_fits
from nextround.skills.gaps import analyse_skills

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
    assert course.priority == "medium"  # clear evidence; high is kept for where to act first
    assert course.due_on == TODAY + timedelta(days=7)
    assert "got past CV screening less often (0 % against 100 % for the rest)" in course.why
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


def test_stage_coaching_counts_each_stage_s_known_results_as_the_funnel_does():
    # One application got past screening and was withdrawn at the interview: it has a known result at
    # screening (it passed), so it counts there, as on the Overview; a pending one does not.
    table = sample()
    table.loc[28, ["stage_reached", "outcome"]] = ["interview", "withdrawn"]
    table.loc[0, "outcome"] = "pending"
    funnel = compute_funnel(table, AnalysisSettings())
    applied = next(c for c in stage_coaching(table, TODAY) if c.stage == "applied")
    assert applied.reached == int(funnel.loc[funnel["stage"] == "applied", "decided"].iloc[0]) == 29
    assert applied.summary == (
        "14 applications lost at screening (no contact), 14 in the last month "
        "(of 29 with a known result at this stage)."
    )


def test_gaps_mostly_estimated_from_role_families_are_not_suggested():
    table = sample()
    table["required_skills"] = None  # no skills named: every skill is an estimate from the role family
    table.loc[15:, "role_family"] = "Business Analyst"  # the 15 that got through: another family
    gaps = top_gaps(table, ["SQL"], TODAY)
    assert gaps
    assert all(g.mostly_estimated for g in gaps)
    assert gaps[0].headline.startswith("Probably asked for by 15 applications (an estimate")
    assert "An estimate" in gaps[0].certainty
    items = suggest_gap_actions(table, ["SQL"], TODAY)
    assert not any(item.key.startswith("gap-") for item in items)


def soft_skill_table() -> pd.DataFrame:
    """Teamwork asked for by 15 applications lost at screening; the other 15 got past it."""
    table = sample()
    table["required_skills"] = ["Teamwork, SQL"] * 15 + ["SQL, Excel"] * 15
    table["role_family"] = "Nurse"  # Teamwork is typical of nursing: its field must not pick the actions
    return table


def test_a_soft_skill_gets_practice_never_a_course_nor_a_hospice():
    table = soft_skill_table()
    gap = top_gaps(table, ["SQL", "Excel"], TODAY)[0]
    assert gap.skill == "Teamwork" and gap.category == "interpersonal"
    options = gap_options(gap, role_fits(table, ["SQL", "Excel"]), TODAY)
    keys = [o.key for o in options]
    assert keys == ["gap-practice:teamwork", "gap-volunteer:teamwork", "gap-cv:teamwork"]
    text = " ".join(f"{o.title} {o.details}" for o in options).casefold()
    assert "course" not in text and "hospice" not in text and "hospital" not in text
    assert "star stories" in options[0].title.casefold()
    assert "volunteer team" in options[1].details
    assert not any(o.key.startswith("gap-avoid") for o in options)  # every role asks for teamwork
    suggested = suggest_gap_actions(table, ["SQL", "Excel"], TODAY)
    assert suggested[0].key == "gap-practice:teamwork"


def test_a_technical_skill_volunteers_in_its_field():
    gap = top_gaps(sample(), ["SQL", "Excel", "Tableau"], TODAY)[0]
    volunteering = next(o for o in gap_options(gap, [], TODAY) if o.category == "volunteering")
    assert "dashboard" in volunteering.details or "open-source" in volunteering.details
    assert any("DataKind" in link.label or "GitHub" in link.label for link in volunteering.links)


def test_avoiding_a_skill_never_names_a_role_whose_applications_asked_for_it():
    table = sample()
    profile = ["SQL", "Excel", "Tableau", "Power BI"]
    gap = top_gaps(table, profile, TODAY)[0]
    assert "Data Analyst" in gap.roles
    for option in gap_options(gap, role_fits(table, profile), TODAY):
        if option.key.startswith("gap-avoid"):
            assert "Data Analyst" not in option.title


def test_a_check_action_gives_its_reason_to_act_never_not_holding_you_back():
    # Without a profile, the plan asks to check the skills asked for most. Its why is the evidence of
    # cost where there is some; for a skill whose applications did no worse, only that it is asked often.
    table = sample()
    report = analyse_skills(table, (), TODAY)
    fine = next(g for g in report.not_holding_back if g.skill == "Tableau")
    why = check_skill_action(fine, TODAY).why
    assert why.startswith("Asked for by 15 applications: one of the skills your applications asked for most.")
    assert "not holding you back" not in why
    costly = report.gaps[0]
    assert check_skill_action(costly, TODAY).why == costly.headline
