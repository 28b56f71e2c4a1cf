"""AppTest: each analysis page runs on canonical data, shows the core's numbers, and obeys the sidebar."""

import datetime as dt
from dataclasses import replace

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from nextround.analysis import at_stage, build_overview, build_rejections
from nextround.filters import Filters
from nextround.ghosting import apply_ghosting
from nextround.settings import AnalysisSettings
from tests.fixtures.app import run_page
from tests.fixtures.synthetic import synthetic_applications
from ui import state
from ui.navigation import OVERVIEW, REJECTIONS, TRENDS
from ui.sidebar_filters import SOURCES_KEY

SETTINGS = AnalysisSettings(as_of=dt.date(2025, 9, 30))
PAGES = (OVERVIEW, REJECTIONS, TRENDS)


@pytest.fixture(scope="module")
def table():
    return synthetic_applications(400, seed=11)


def open_page(page: str, table: pd.DataFrame, given: dict | None = None) -> AppTest:
    return run_page(page, table, {state.SETTINGS: SETTINGS, **(given or {})})


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [str(m.value) for m in at.metric] + [e.value for e in at.info] + [e.value for e in at.success]
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(page, table):
    at = open_page(page, table)
    assert not at.exception
    assert len(at.get("plotly_chart")) >= 1
    assert len(at.get("download_button")) >= 1


def test_overview_shows_the_core_numbers(table):
    at = open_page(OVERVIEW, table)
    expected = build_overview(apply_ghosting(table, SETTINGS.ghosting, SETTINGS.reference_date()), SETTINGS)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Applications"] == f"{expected.kpis.applications:,}"
    assert metrics["Decided"] == f"{expected.kpis.decided:,}"
    response = expected.kpis.response_rate
    assert metrics["Response rate"] == f"{100 * response.value:.0f} %"
    assert f"{response.count:,} of {response.denominator:,}" in page_text(at)
    text = page_text(at)
    assert expected.diagnosis.headline in text
    assert expected.diagnosis.because in text
    assert len(at.expander) == 1  # the details, one click away, once


def test_overview_respects_the_global_filters(table):
    at = open_page(OVERVIEW, table, {state.FILTERS: Filters(sources=("Referral",))})
    referrals = int((table["source"] == "Referral").sum())
    assert {m.label: m.value for m in at.metric}["Applications"] == f"{referrals:,}"


def test_small_data_is_flagged_as_small_sample(table):
    at = open_page(OVERVIEW, table.head(6))
    assert not at.exception
    assert any("Fewer than 10 decided" in w.value for w in at.warning)
    assert "Not enough decided applications yet to say where to act first." in page_text(at)


def test_rejections_stage_switch_and_user_columns(table):
    at = open_page(REJECTIONS, table)
    assert at.selectbox(key="rejections_other_column").value == "CV version"
    at.segmented_control(key="rejections_stage").set_value("interview").run()
    assert not at.exception
    assert len(at.expander) == 1


def test_trends_by_week(table):
    at = open_page(TRENDS, table)
    at.segmented_control(key="trends_frequency").set_value("week").run()
    assert not at.exception
    assert any("grouped by the week" in c.value for c in at.caption)


def test_trends_say_recent_groups_are_pending_only_where_they_are(table):
    # A search still going: the last weeks' applications, sent within the ghosting window, all wait.
    going = table.copy()
    going["applied_on"] = pd.Timestamp(SETTINGS.as_of) - pd.to_timedelta(going.index % 140, unit="D")
    recent = going["applied_on"] > pd.Timestamp(SETTINGS.as_of) - pd.Timedelta(days=20)
    going.loc[recent, ["stage_reached", "outcome"]] = ["applied", "pending"]
    captions = " ".join(c.value for c in open_page(TRENDS, going).caption)
    assert "are mostly still pending" in captions
    # A search long over: nothing is pending, and the page does not say it is.
    finished = table.assign(outcome=table["outcome"].where(table["outcome"] != "pending", "rejected"))
    captions = " ".join(c.value for c in open_page(TRENDS, finished).caption)
    assert "grouped by the" in captions and "pending" not in captions


def sidebar_script():
    import streamlit as st

    from ui import state
    from ui.sidebar_filters import render_sidebar_filters

    render_sidebar_filters(state.applications())
    st.write(repr(state.filters()))
    st.write(repr(state.settings()))


def test_sidebar_filters_store_filters_and_settings(table):
    at = AppTest.from_function(sidebar_script, default_timeout=30)
    at.session_state[state.APPLICATIONS] = table
    at.session_state[state.SETTINGS] = SETTINGS
    at.run()
    assert not at.exception
    at.sidebar.multiselect(key="filter_sources").set_value(["Referral"])
    at.sidebar.toggle(key="setting_ghosting_as_rejection").set_value(True)
    at.sidebar.number_input(key="setting_ghosted_days_after_applying").set_value(45)
    at.run()
    assert not at.exception
    filters = at.session_state[state.FILTERS]
    settings = at.session_state[state.SETTINGS]
    assert filters.sources == ("Referral",)
    assert filters.applied_from is None  # the whole date span is no filter
    assert settings.count_ghosting_as_rejection
    assert settings.ghosting.days_after_applying == 45
    assert settings.as_of == SETTINGS.as_of
    assert any("applications match" in c.value for c in at.sidebar.caption)


def test_the_date_filter_follows_the_data_loaded(table):
    at = AppTest.from_function(sidebar_script, default_timeout=30)
    at.session_state[state.APPLICATIONS] = table
    at.session_state[state.SETTINGS] = SETTINGS
    at.run()
    picker = at.sidebar.date_input[0]
    first, last = picker.value
    picker.set_value((first, first + (last - first) / 2)).run()
    assert at.session_state[state.FILTERS].applied_to == first + (last - first) / 2
    # other data, a year later: its own span, no filter carried over from the data before
    later = table.assign(applied_on=table["applied_on"] + pd.Timedelta(days=400))
    at.session_state[state.APPLICATIONS] = later
    at.run()
    assert not at.exception
    assert at.sidebar.date_input[0].value == (first + pd.Timedelta(days=400), last + pd.Timedelta(days=400))
    assert at.session_state[state.FILTERS].applied_to is None


@pytest.mark.parametrize("as_rejection", [False, True])
def test_overview_rejection_rate_follows_the_ghosting_toggle(table, as_rejection):
    settings = replace(SETTINGS, count_ghosting_as_rejection=as_rejection)
    at = open_page(OVERVIEW, table, {state.SETTINGS: settings})
    ghosted = apply_ghosting(table, settings.ghosting, settings.reference_date())
    rate = build_overview(ghosted, settings).kpis.rejection_rate
    assert {m.label: m.value for m in at.metric}["Rejected"] == f"{100 * rate.value:.0f} %"
    assert ("no answer included" in page_text(at)) is as_rejection


@pytest.mark.parametrize("page", PAGES)
def test_pages_survive_filters_that_match_nothing(page, table):
    at = run_page(page, table, {state.FILTERS: Filters(role_families=("No such family",))})
    assert not at.exception


def test_sidebar_drops_remembered_choices_the_new_data_lacks(table):
    at = AppTest.from_function(sidebar_script, default_timeout=30)
    at.session_state[state.APPLICATIONS] = table
    at.session_state[SOURCES_KEY] = ["A source from an earlier file"]
    at.run()
    assert not at.exception
    assert at.session_state[state.FILTERS].sources == ()


def contrast_lines(at: AppTest) -> list[str]:
    """The best/worst sentences (the details one click away repeat them with likely ranges)."""
    return [m.value for m in at.markdown if m.value.startswith("By ") and "most often" in m.value]


@pytest.mark.parametrize("seed", [3, 5, 11])
def test_overview_and_rejections_never_rank_groups_the_other_way(seed):
    """The same data, the same sentences: both pages name the same groups as most and least often
    lost at CV screening (once, the Overview said Referral did best and Rejections said Job board)."""
    big = synthetic_applications(4_000, seed=seed)
    overview = open_page(OVERVIEW, big)
    rejections = open_page(REJECTIONS, big)
    assert not overview.exception and not rejections.exception
    on_overview = contrast_lines(overview)
    assert on_overview, "the synthetic search has clear differences between channels"
    assert set(on_overview) <= set(contrast_lines(rejections))
    ghosted = apply_ghosting(big, SETTINGS.ghosting, SETTINGS.reference_date())
    named = build_overview(ghosted, SETTINGS).contrasts
    rejections_view = build_rejections(ghosted, SETTINGS)
    assert [(c.column, c.best, c.worst) for c in named] == [
        (c.column, c.best, c.worst) for c in rejections_view.contrasts
    ]
    # The Rejections page's bars and heatmap rank by the same rate: best below worst.
    assert rejections_view.diagnosis == build_overview(ghosted, SETTINGS).diagnosis
    boxes = [box.value for box in [*rejections.success, *rejections.info]]
    assert rejections_view.diagnosis.headline in boxes
    tables = {"source": rejections_view.by_source, "role_family": rejections_view.by_role}
    for contrast in named:
        rows = at_stage(tables[contrast.column], "applied").set_index("group")
        assert rows.loc[contrast.best, "lost_rate"] < rows.loc[contrast.worst, "lost_rate"]
