"""A chart's part as a row filter: every drill selects exactly the applications the chart counts there."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.analysis import at_stage, compute_funnel, ghosting_by_stage, losses_by_stage
from nextround.analysis.drill import (
    FUNNEL_SEGMENTS,
    Drill,
    Part,
    drill_from_points,
    drill_mask,
    drilled,
    funnel_address,
    ghosting_address,
    loss_drill,
    row_address,
)
from nextround.ghosting import apply_ghosting
from nextround.model import STAGES, conform
from nextround.settings import AnalysisSettings
from tests.fixtures.random_tables import frame, row
from tests.fixtures.synthetic import synthetic_applications

SETTINGS = AnalysisSettings()
FUNNEL_COLUMNS = {
    "passed": "passed",
    "offers": "offers",
    "rejected": "rejected",
    "ghosted_recorded": None,  # ghosted - ghosted_inferred
    "ghosted_inferred": "ghosted_inferred",
    "pending": "pending",
    "withdrawn": "withdrawn",
}


@pytest.fixture(scope="module")
def applications() -> pd.DataFrame:
    table = synthetic_applications(3_000, seed=11)
    return apply_ghosting(table, SETTINGS.ghosting, pd.Timestamp("2025-09-01").date())


def _count(applications: pd.DataFrame, drill: Drill) -> int:
    return int(drill_mask(applications, drill).sum())


def _click(address: list[object]) -> list[dict[str, object]]:
    """What Streamlit hands back for one clicked point (only what the drill reads)."""
    return [{"curve_number": 0, "point_index": 0, "customdata": address}]


def test_every_heatmap_cell_selects_what_didnt_get_past_and_widens_to_its_decided(applications):
    for column in ("role_family", "source", "seniority"):
        by_stage = losses_by_stage(applications, column)
        for index, cell in enumerate(by_stage.itertuples(index=False)):
            drill = drill_from_points(_click(row_address("cell", index)), by_stage)
            assert drill is not None
            assert _count(applications, drill) == cell.lost_count, (column, cell.group, cell.stage)
            assert cell.lost_count == cell.rejected + cell.no_answer
            assert drill.wider is not None
            assert _count(applications, drill.wider) == cell.decided, (column, cell.group, cell.stage)


def test_a_folded_row_selects_every_group_but_the_named_ones():
    table = synthetic_applications(400, seed=3)
    table["company_size"] = pd.Series([f"size {i % 15}" for i in range(len(table))], dtype="str")
    by_stage = losses_by_stage(table, "company_size")
    assert by_stage["folded"].any()
    folded = int(np.flatnonzero(by_stage["folded"].to_numpy())[0])
    drill = loss_drill(by_stage, folded)
    assert drill.exclude
    assert _count(table, drill) == by_stage.iloc[folded]["lost_count"]
    rows = at_stage(by_stage, "applied")
    last = len(rows) - 1
    assert rows.iloc[last]["folded"]
    group = drill_from_points(_click(row_address("bar", last)), rows)
    assert group is not None and _count(table, group) == rows.iloc[last]["lost_count"]


def test_every_funnel_segment_selects_its_count(applications):
    funnel = compute_funnel(applications, SETTINGS).set_index("stage")
    for stage in STAGES:
        for segment, column in FUNNEL_COLUMNS.items():
            drill = drill_from_points(_click(funnel_address(stage, segment)))
            assert drill is not None
            expected = (
                funnel.loc[stage, "ghosted"] - funnel.loc[stage, "ghosted_inferred"]
                if column is None
                else funnel.loc[stage, column]
            )
            assert _count(applications, drill) == expected, (stage, segment)


def test_ghosting_bars_select_recorded_and_inferred_apart(applications):
    table = ghosting_by_stage(applications).set_index("stage")
    for stage in STAGES:
        for kind in ("recorded", "inferred"):
            drill = drill_from_points(_click(ghosting_address(stage, kind)))
            assert drill is not None
            assert _count(applications, drill) == table.loc[stage, f"ghosted_{kind}"]


def test_bars_select_what_didnt_get_past_the_stage_in_their_group(applications):
    losses = losses_by_stage(applications, "source")
    for stage in ("applied", "interview"):
        rows = at_stage(losses, stage)
        for index, group in enumerate(rows.itertuples(index=False)):
            drill = drill_from_points(_click(row_address("bar", index)), rows)
            assert drill is not None and drill.title.endswith(f"· Channel: {group.group}")
            assert set(drilled(applications, drill)["source"]) <= {group.group}
            assert _count(applications, drill) == group.lost_count


@pytest.mark.parametrize(
    "address",
    [
        ["funnel", "nowhere", "passed"],
        ["funnel", "screen", "<b>sneaky</b>"],
        ["cell", 10_000],
        ["cell", -1],
        ["cell", True],
        ["bar", "3"],
        ["something else"],
        [],
    ],
)
def test_an_address_the_page_did_not_draw_selects_nothing(applications, address):
    by_stage = losses_by_stage(applications, "source")
    assert drill_from_points(_click(address), by_stage) is None


def test_points_without_an_address_are_skipped_for_the_first_that_has_one():
    points = [{"x": 1, "y": 2}, {"customdata": "text"}, {"customdata": funnel_address("screen", "rejected")}]
    drill = drill_from_points(points)
    assert drill is not None and drill.parts == (Part(("screen",), ("rejected",)),)
    assert drill_from_points([]) is None


def test_blank_groups_and_missing_readings_are_drilled_as_the_charts_count_them():
    table = conform(
        pd.DataFrame(
            {
                "source": ["LinkedIn", None, "  ", None],
                "stage_reached": [None, "screen", None, "interview"],
                "outcome": ["offer", None, "rejected", "rejected"],
            }
        )
    )
    by_stage = losses_by_stage(table, "source")
    blank_applied = by_stage.index[(by_stage["group"] == "(blank)") & (by_stage["stage"] == "applied")][0]
    drill = loss_drill(by_stage, int(blank_applied))
    assert drill_mask(table, drill).tolist() == [False, False, True, False]
    # An offer with no stage reached the offer stage; a missing outcome is pending.
    offer = drill_from_points(_click(funnel_address("offer", "offers")))
    pending = drill_from_points(_click(funnel_address("screen", "pending")))
    assert offer is not None and drill_mask(table, offer).tolist() == [True, False, False, False]
    assert pending is not None and drill_mask(table, pending).tolist() == [False, True, False, False]


def test_a_drill_on_a_column_the_table_lacks_selects_nothing():
    table = synthetic_applications(20)
    assert not drill_mask(table, Drill("x", column="not there", values=("a",))).any()


@settings(max_examples=60, deadline=None)
@given(st.lists(row, max_size=50), st.booleans())
def test_drills_add_up_to_the_charts_on_any_table(rows, ghosting_is_rejection):
    applications = frame(rows)
    analysis = AnalysisSettings(count_ghosting_as_rejection=ghosting_is_rejection)
    by_stage = losses_by_stage(applications, "source")
    for index, cell in enumerate(by_stage.itertuples(index=False)):
        drill = loss_drill(by_stage, index)
        assert _count(applications, drill) == cell.lost_count
        assert drill.wider is not None and _count(applications, drill.wider) == cell.decided
    funnel = compute_funnel(applications, analysis)
    for stage, reached in zip(funnel["stage"], funnel["reached"], strict=True):
        segments = [drill_from_points(_click(funnel_address(stage, s))) for s in FUNNEL_SEGMENTS]
        assert sum(_count(applications, d) for d in segments if d is not None) == reached
