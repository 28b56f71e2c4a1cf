"""The Applications page: every application with its evidence, a chart's part listed exactly, a search,
and a correction that reaches every page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from nextround.analysis import losses_by_stage
from nextround.analysis.drill import drilled, loss_drill
from nextround.ghosting import apply_ghosting
from nextround.settings import AnalysisSettings
from tests.fixtures.app import ROOT, run_page
from ui import state
from ui.application_table import SEARCH, WIDER
from ui.loaders import sample_as_of
from ui.navigation import APPLICATIONS, OVERVIEW


@pytest.fixture(scope="module")
def settings(sample_result) -> AnalysisSettings:
    return AnalysisSettings(as_of=sample_as_of(sample_result))


def _ghosted(sample_result, settings):
    return apply_ghosting(sample_result.applications, settings.ghosting, settings.reference_date())


def _shown(at: AppTest):
    return at.dataframe[0].value  # the editable grid


def _caption_text(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_every_application_is_listed_with_the_evidence_for_its_stage_and_outcome(sample_result, settings):
    at = run_page(APPLICATIONS, sample_result.applications, {state.SETTINGS: settings})
    assert not at.exception, [e.value for e in at.exception]
    shown = _shown(at)
    assert len(shown) == len(sample_result.applications) == 220
    assert {"stage_evidence", "outcome_evidence"} <= set(shown.columns)
    assert "220 of 220 applications" in _caption_text(at)
    assert shown["stage_evidence"].notna().all() and shown["outcome_evidence"].notna().all()


def test_a_heatmap_cell_lists_exactly_its_applications_and_widens_to_its_decided(sample_result, settings):
    ghosted = _ghosted(sample_result, settings)
    by_stage = losses_by_stage(ghosted, "role_family")
    row = next(
        i
        for i, cell in enumerate(by_stage.itertuples(index=False))
        if not cell.small_sample and cell.rejected and cell.no_answer
    )
    drill = loss_drill(by_stage, row)
    expected = drilled(ghosted, drill)
    at = run_page(APPLICATIONS, sample_result.applications, {state.SETTINGS: settings, state.DRILL: drill})
    assert not at.exception
    assert len(_shown(at)) == by_stage.iloc[row]["lost_count"] == len(expected)
    assert list(_shown(at)["company"]) == list(expected["company"])
    assert any("From the chart:" in m.value for m in at.markdown)

    at.toggle(key=WIDER).set_value(True).run()
    assert len(_shown(at)) == by_stage.iloc[row]["decided"]

    next(b for b in at.button if b.label == "Show every application").click().run()
    assert at.session_state[state.DRILL] is None
    assert len(_shown(at)) == 220


def test_the_search_narrows_and_says_when_nothing_matches(sample_result, settings):
    at = run_page(APPLICATIONS, sample_result.applications, {state.SETTINGS: settings})
    at.text_input(key=SEARCH).set_value("data analyst").run()
    shown = _shown(at)
    assert 0 < len(shown) < 220
    assert shown["role"].str.contains("data analyst", case=False).any()
    at.text_input(key=SEARCH).set_value("*no such company*").run()
    assert not at.exception
    assert not at.dataframe
    assert any("No application matches" in i.value and "\\*no such company\\*" in i.value for i in at.info)


def test_a_correction_in_the_table_reaches_every_page(sample_result, settings):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[state.APPLICATIONS] = sample_result.applications
    at.session_state[state.SETTINGS] = settings
    at.run()
    at.switch_page(OVERVIEW).run()
    before = {m.label: m.value for m in at.metric}
    at.switch_page(APPLICATIONS).run()
    shown = _shown(at)
    first = next(i for i, outcome in enumerate(shown["outcome"]) if outcome == "pending")
    key = (shown["source_file"].iloc[first], int(shown["source_row"].iloc[first]))
    # What the grid holds once the user picks "rejected" in the first pending row's outcome cell.
    at.session_state["applications_editor_0"] = {
        "edited_rows": {first: {"outcome": "rejected"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[state.CELL_EDITS][key] == {"outcome": "rejected"}
    table = at.session_state[state.APPLICATIONS]
    corrected = table[(table["source_file"] == key[0]) & (table["source_row"] == key[1])]
    assert list(corrected["outcome"]) == ["rejected"]
    assert _shown(at)["outcome"].iloc[first] == "rejected"  # a fresh grid over the corrected table

    at.switch_page(OVERVIEW).run()
    assert not at.exception
    after = {m.label: m.value for m in at.metric}
    assert int(after["Pending"]) == int(before["Pending"]) - 1
    assert int(after["Decided"]) == int(before["Decided"]) + 1
