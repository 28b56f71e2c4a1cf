"""AppTest: the Skill gaps page ranks the missing skills of a canonical table and carries chosen actions."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from nextround.action_items import ActionItem
from nextround.settings import AnalysisSettings
from nextround.skills.views import top_gap_names
from tests.fixtures.app import run_page, skill_gap_applications
from ui import state
from ui.navigation import SKILL_GAPS

SETTINGS = AnalysisSettings(as_of=dt.date(2026, 11, 25))
PROFILE = ["SQL", "Excel", "Tableau", "Power BI", "Communication", "Stakeholder management"]


@pytest.fixture(scope="module")
def applications() -> pd.DataFrame:
    return skill_gap_applications()


def run(applications: pd.DataFrame, given: dict | None = None) -> AppTest:
    return run_page(SKILL_GAPS, applications, {state.SETTINGS: SETTINGS, **(given or {})})


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_entering_skills_shows_ranked_gaps_with_evidence(applications):
    at = run(applications)
    assert not at.exception
    at.multiselect(key=state.SKILLS_PICKED).set_value(PROFILE).run()
    assert not at.exception
    text = markdown(at).replace("\\", "")  # read as shown: user text is escaped
    assert "**1. Python**" in text
    assert "**2. dbt**" in text
    assert "Asked for by 15 applications, which got past CV screening less often (0 % against 100 %" in text
    assert "clear evidence" in text
    # Airflow's applications all got past screening: asked often, never a cost.
    assert "**3. Airflow**" not in text
    assert "**Airflow**: Asked for by 15 applications, which got past CV screening more often" in text
    assert at.session_state[state.PROFILE] == tuple(PROFILE)
    # The Follow-ups and Action plan pages get the same ranking from one call on the data and profile.
    assert top_gap_names(applications, PROFILE, SETTINGS.reference_date()) == ("Python", "dbt")
    assert len(at.get("plotly_chart")) == 2  # its wide layout and its phone layout (ui/responsive.py)


def test_typed_skills_join_the_profile(applications):
    at = run(applications)
    at.text_input(key=state.SKILLS_TYPED).input("sql, python, DBT")
    at.button[0].click().run()
    assert not at.exception
    assert at.session_state[state.PROFILE] == ("SQL", "Python", "dbt")
    assert "**Airflow**" in markdown(at)  # asked often, not holding you back


def test_ticked_options_go_to_selected_actions_and_others_are_kept(applications):
    other = ActionItem("follow-up:7", "Thank Acme", "rejected last week", "follow-up", dt.date(2026, 11, 26))
    at = run(applications, {state.PROFILE: tuple(PROFILE), state.SELECTED_ACTIONS: [other]})
    at.checkbox(key="pick:gap-course:python").check().run()
    assert not at.exception
    chosen = at.session_state[state.SELECTED_ACTIONS]
    assert [a.key for a in chosen] == ["follow-up:7", "gap-course:python"]
    assert any("freecodecamp.org" in link.url for link in chosen[1].links)
    at.checkbox(key="pick:gap-course:python").uncheck().run()
    assert [a.key for a in at.session_state[state.SELECTED_ACTIONS]] == ["follow-up:7"]


def test_pasted_description_adds_its_skills(applications):
    at = run(applications, {state.PROFILE: tuple(PROFILE)})
    at.text_area(key="paste_text:('mine.xlsx', 1)").input("We need Kubernetes and Kubernetes only.")
    next(b for b in at.button if b.label == "Use this description").click().run()
    assert not at.exception
    assert "Kubernetes" in markdown(at)


def test_user_text_is_escaped_not_rendered(applications):
    table = applications.copy()
    table["role_family"] = "Data *Analyst* <b>x</b> [link](http://evil.example)"
    at = run(table, {state.PROFILE: ("SQL",)})
    assert not at.exception
    text = markdown(at) + "\n".join(c.value for c in at.caption)
    assert "Roles\\: Data \\*Analyst\\* \\<b\\>x\\</b\\> \\[link\\]" in text
    assert "<b>" not in text
    assert "[link](http" not in text
