"""Nothing to show is said in words, and for the real reason: filters that match nothing, a file without
applications, or charts whose data has no answers or dates yet. No empty chart frame is drawn."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from nextround.filters import Filters
from nextround.model import conform, empty_applications
from nextround.settings import AnalysisSettings
from tests.fixtures.app import ROOT, run_page
from tests.fixtures.synthetic import synthetic_applications
from ui import state
from ui.navigation import APPLICATIONS, OVERVIEW, REJECTIONS, TRENDS
from ui.sidebar_filters import FAMILIES_KEY

SETTINGS = AnalysisSettings(as_of=pd.Timestamp("2025-09-30").date())
DATA_PAGES = (OVERVIEW, REJECTIONS, TRENDS, APPLICATIONS)


def _infos(at) -> str:
    return " ".join(i.value for i in at.info)


@pytest.mark.parametrize("page", DATA_PAGES)
def test_filters_that_match_nothing_say_so(page):
    at = run_page(
        page,
        synthetic_applications(50),
        {state.SETTINGS: SETTINGS, state.FILTERS: Filters(role_families=("No such family",))},
    )
    assert not at.exception
    assert "No applications match the filters in the sidebar (50 loaded)" in _infos(at)
    assert not at.get("plotly_chart")


@pytest.mark.parametrize("page", DATA_PAGES)
def test_a_file_without_applications_is_not_blamed_on_filters(page):
    at = run_page(
        page, empty_applications(), {state.SETTINGS: SETTINGS, state.DATA_LABEL: "empty_*tracker*.csv"}
    )
    assert not at.exception
    said = _infos(at)
    assert "filters" not in said
    assert "empty\\_\\*tracker\\*\\.csv holds no applications" in said  # the file's name, escaped
    assert any(b.label == "Open the import review" for b in at.button)
    assert not at.get("plotly_chart")


def _all_pending(rows: int = 12) -> pd.DataFrame:
    """Applications sent yesterday: none has an answer, a date of one, or has been silent long enough."""
    return conform(
        pd.DataFrame(
            {
                "company": [f"Company {i}" for i in range(rows)],
                "role_family": ["Data Analyst"] * rows,
                "source": ["LinkedIn"] * rows,
                "stage_reached": ["applied"] * rows,
                "outcome": ["pending"] * rows,
                "applied_on": pd.to_datetime(["2025-09-29"] * rows),
            }
        )
    )


def test_charts_without_answers_say_why_instead_of_drawing_an_empty_frame():
    at = run_page(REJECTIONS, _all_pending(), {state.SETTINGS: SETTINGS})
    assert not at.exception, [e.value for e in at.exception]
    said = _infos(at)
    assert said.count("No application has an answer yet") == 2  # the heatmap and the no-answer bars
    assert said.count("No application has an answer at this stage yet") == 2  # the channel and seniority bars
    assert "No reply or rejection has a date yet" in said
    assert not at.get("plotly_chart")


def test_the_overview_draws_the_funnel_of_pending_applications():
    at = run_page(OVERVIEW, _all_pending(), {state.SETTINGS: SETTINGS})
    assert not at.exception
    assert at.get("plotly_chart")  # the funnel and the flows: twelve applications, all pending
    assert "match the filters" not in _infos(at)


def test_the_sidebar_clears_the_filters_it_set():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[state.APPLICATIONS] = synthetic_applications(50)
    at.session_state[state.SETTINGS] = SETTINGS
    at.run()
    at.multiselect(key=FAMILIES_KEY).set_value(["Data Analyst"]).run()
    at.switch_page(OVERVIEW).run()
    assert at.session_state[state.FILTERS].active
    assert {m.label: m.value for m in at.metric}["Applications"] != "50"
    next(b for b in at.sidebar.button if b.label == "Clear the filters").click().run()
    assert not at.exception
    assert not at.session_state[state.FILTERS].active
    assert at.multiselect(key=FAMILIES_KEY).value == []
    assert {m.label: m.value for m in at.metric}["Applications"] == "50"
