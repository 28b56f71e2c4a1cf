"""Every page runs without an exception, with and without data (streamlit-app-action's smoke test)."""

from __future__ import annotations

import pytest

from tests.fixtures.app import run_page
from ui import state
from ui.navigation import ACTION_PLAN, FOLLOW_UPS, HOME, IMPORT, OVERVIEW, REJECTIONS, SKILL_GAPS, TRENDS

PAGES = [
    HOME,
    IMPORT,
    OVERVIEW,
    REJECTIONS,
    TRENDS,
    SKILL_GAPS,
    FOLLOW_UPS,
    ACTION_PLAN,
]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_with_the_sample_data(page, sample_result):
    at = run_page(page, sample_result.applications)
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_with_no_data(page):
    at = run_page(page)
    assert not at.exception, [e.value for e in at.exception]


def test_the_whole_app_runs_and_the_sample_button_loads_data():
    from streamlit.testing.v1 import AppTest

    from tests.fixtures.app import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    sample = next(b for b in at.button if b.label == "Explore with sample data")
    sample.click().run()
    assert not at.exception
    table = at.session_state[state.APPLICATIONS]
    assert len(table) > 150
    assert at.session_state[state.SETTINGS].as_of is not None
