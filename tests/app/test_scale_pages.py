"""Every page with 100,000 applications in session state: it runs, and its charts stay small.

Figures must carry aggregates, never raw points: each page's Plotly JSON stays under 1 MB whatever the
row count. ``bench/bench_scale.py`` measures the same pages at 1,000,000 rows, with timings.
"""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from nextround.settings import AnalysisSettings
from tests.fixtures.app import ROOT, remembered
from tests.fixtures.messy_data import messy_frame
from tests.fixtures.synthetic import cohort
from ui import state
from ui.navigation import ACTION_PLAN, FOLLOW_UPS, HOME, IMPORT, OVERVIEW, REJECTIONS, SKILL_GAPS, TRENDS
from ui.plan_downloads import FILES

SETTINGS = AnalysisSettings(as_of=dt.date(2025, 9, 30))  # the day after the synthetic search

pytestmark = pytest.mark.slow

ROWS = 100_000
MAX_FIGURE_BYTES = 1_000_000
# Page -> how many charts it shows with this data (a page that silently drops its charts must fail).
PAGES = {
    OVERVIEW: 2,
    REJECTIONS: 6,
    TRENDS: 1,
    SKILL_GAPS: 1,
    FOLLOW_UPS: 0,
    ACTION_PLAN: 0,
    HOME: 0,
}


@pytest.fixture(scope="module")
def applications():
    return cohort(ROWS, seed=7)


def _figure_sizes(at: AppTest) -> list[int]:
    return [len(chart.proto.spec.encode("utf-8")) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("page", PAGES)
def test_page_with_100k_applications_runs_and_ships_small_figures(page, applications):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state[state.APPLICATIONS] = applications
    at.session_state[state.SETTINGS] = SETTINGS
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    sizes = _figure_sizes(at)
    assert len(sizes) >= PAGES[page]
    assert sum(sizes) < MAX_FIGURE_BYTES, sizes
    assert len(at.session_state[state.APPLICATIONS]) == ROWS
    if page == ACTION_PLAN:
        # The workbook carries every row: at this size it is built only when asked for.
        assert "xlsx" not in remembered(at, FILES)
        assert any(b.label == "Prepare the Excel workbook" for b in at.button)


def test_follow_ups_draw_a_bounded_number_of_panels(applications):
    at = AppTest.from_file(str(ROOT / FOLLOW_UPS), default_timeout=120)
    at.session_state[state.APPLICATIONS] = applications
    at.session_state[state.SETTINGS] = SETTINGS
    at.run()
    assert not at.exception
    rejected = int((applications["outcome"] == "rejected").sum())
    assert rejected > 10_000
    # Thousands of rejections, yet only a handful of panels (each with its own widgets) are drawn.
    panels = [box for box in at.checkbox if box.key.startswith("done:")]
    assert 0 < len(panels) <= 30


def test_importing_100k_rows_through_the_page(tmp_path):
    data = messy_frame(ROWS, seed=3).to_csv(index=False).encode("utf-8")
    at = AppTest.from_file(str(ROOT / IMPORT), default_timeout=120)
    at.run()
    at.file_uploader[0].set_value([("cohort.csv", data, "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    report = at.session_state[state.IMPORT_RESULT].report
    assert report.rows_read == ROWS == report.applications + len(report.skipped)
    assert len(at.session_state[state.APPLICATIONS]) == report.applications
    # The editable table is refused above its limit, with a note instead of a frozen browser.
    assert not at.get("arrow_data_editor")
