"""Figures hold the numbers the core computed, use the theme's colours, and stay small at any size."""

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nextround.analysis import at_stage, build_overview, build_rejections, build_trends
from nextround.figures import (
    funnel_figure,
    ghosting_bars,
    loss_bars,
    loss_heatmap,
    sankey_figure,
    time_histogram,
    trend_figure,
)
from nextround.figures.labels import rate_label, two_lines
from nextround.figures.sankey import STAGE_ORDER
from nextround.figures.theme import read_theme, theme
from nextround.ghosting import apply_ghosting
from nextround.settings import AnalysisSettings
from nextround.text import capitalised
from nextround.wording import LOSS_PLACES
from tests.fixtures.synthetic import synthetic_applications

SETTINGS = AnalysisSettings(as_of=dt.date(2025, 9, 30))


def analysed(n: int, seed: int = 7):
    table = apply_ghosting(synthetic_applications(n, seed), SETTINGS.ghosting, SETTINGS.reference_date())
    return build_overview(table, SETTINGS), build_rejections(table, SETTINGS), build_trends(table, SETTINGS)


@pytest.fixture(scope="module")
def sample():
    return analysed(300)


def test_funnel_bars_hold_the_funnel_counts(sample):
    overview, _, _ = sample
    fig = funnel_figure(overview.funnel)
    by_name = {trace.name: list(trace.x) for trace in fig.data}
    assert by_name["Got past it"] == overview.funnel["passed"].tolist()
    assert by_name["Rejected"] == overview.funnel["rejected"].tolist()
    assert by_name["No answer (inferred)"] == overview.funnel["ghosted_inferred"].tolist()
    stacked = np.sum([trace.x for trace in fig.data], axis=0)
    assert stacked.tolist() == overview.funnel["reached"].tolist()
    applied = overview.funnel.iloc[0]
    assert any(f"({applied.passed}/{applied.decided})" in a.text for a in fig.layout.annotations)


def test_funnel_labels_sit_beside_the_plot_so_the_longest_bar_spans_it(sample):
    overview, _, _ = sample
    fig = funnel_figure(overview.funnel)
    assert fig.layout.xaxis.range[1] <= 1.05 * overview.funnel["reached"].max()
    assert {(a.xref, a.x) for a in fig.layout.annotations} == {("paper", 1)}
    assert fig.layout.margin.r >= 150  # room for "220 reached / passed 21 % (39/186)"


def test_sankey_goes_through_the_furthest_stage(sample):
    overview, _, _ = sample
    fig = sankey_figure(overview.flows)
    sankey = fig.data[0]
    assert sum(sankey.link.value) == 2 * overview.kpis.applications
    assert f"Applied: {overview.kpis.applications:,}" in sankey.node.label
    rejected_total = int(overview.flows.loc[overview.flows["target"] == "Rejected", "count"].sum())
    assert f"Rejected: {rejected_total:,}" in sankey.node.label


def test_heatmap_cells_are_the_didnt_get_past_rates_and_small_samples_are_blank(sample):
    _, rejections, _ = sample
    table = rejections.by_role
    fig = loss_heatmap(table)
    z = np.array(fig.data[0].z, dtype="float64").ravel()
    expected = np.where(table["small_sample"], np.nan, table["lost_rate"])
    np.testing.assert_allclose(z, expected)
    text = np.array(fig.data[0].text).ravel()
    assert all("small sample" in t or "none decided" in t for t in text[table["small_sample"].to_numpy()])


def test_loss_bars_split_rejected_and_no_answer_with_the_interval_of_the_whole(sample):
    _, rejections, _ = sample
    rows = at_stage(rejections.by_source, "applied")
    fig = loss_bars(rows, "applied", "Channel")
    rejected, silent, whisker = fig.data[0], fig.data[1], fig.data[2]
    assert (rejected.name, silent.name) == ("Rejected", "No answer")
    np.testing.assert_allclose(np.array(rejected.x) + np.array(silent.x), rows["lost_rate"].fillna(0))
    np.testing.assert_allclose(
        np.array(whisker.x) + np.array(whisker.error_x.array), rows["lost_high"].fillna(0)
    )
    first = rows.iloc[0]
    assert f"({first.lost_count}/{first.lost_base})" in fig.data[3].text[0]
    assert fig.layout.xaxis.title.text.startswith("Didn't get past CV screening")


def test_ghosting_and_timing_figures_hold_the_counts(sample):
    _, rejections, _ = sample
    ghosting = ghosting_bars(rejections.ghosting_by_stage)
    assert list(ghosting.data[1].y) == rejections.ghosting_by_stage["ghosted_inferred"].tolist()
    timing = time_histogram(rejections.time_to_outcome)
    hist = rejections.time_to_outcome
    assert list(timing.data[1].y) == hist.loc[hist["measure"] == "rejection", "count"].tolist()


def test_trend_figure_shows_rolling_rates_and_pending(sample):
    _, _, trends = sample
    fig = trend_figure(trends)
    lines = [t for t in fig.data if t.type == "scatter" and t.mode == "lines+markers"]
    table = trends.table
    expected = table["rolling_response_rate"].where(table["rolling_response_base"] >= 10)
    np.testing.assert_allclose(np.array(lines[0].y, dtype="float64"), expected)
    assert (table["rolling_response_base"] >= 10).any()
    pending = next(t for t in fig.data if t.name == "Still pending")
    assert list(pending.y) == trends.table["pending"].tolist()


def test_theme_colours_come_from_the_streamlit_config(tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text('[theme]\nprimaryColor = "#123456"\nchartCategoricalColors = ["#111111", "#222222"]\n')
    custom = read_theme(config)
    assert custom.primary == "#123456"
    assert custom.categorical == ("#111111", "#222222")
    assert read_theme(tmp_path / "missing.toml").categorical[0] == "#0072B2"
    assert funnel_figure(analysed(50)[0].funnel).data[0].marker.color == theme().outcome_colour("passed")


def figure_bytes(n: int) -> int:
    overview, rejections, trends = analysed(n)
    figures = [
        funnel_figure(overview.funnel),
        sankey_figure(overview.flows),
        loss_heatmap(rejections.by_role),
        loss_bars(at_stage(rejections.by_source, "applied")),
        trend_figure(trends),
    ]
    return sum(len(json.dumps(f.to_plotly_json(), default=str)) for f in figures)


def test_figure_payload_does_not_grow_with_rows():
    small, large = figure_bytes(1_000), figure_bytes(50_000)
    assert large < 200_000
    assert large < small * 1.2


def test_trend_rates_on_too_few_answers_are_not_drawn():
    from nextround.analysis import cohort_trends
    from nextround.model import conform

    frame = conform(
        pd.DataFrame(
            {
                "applied_on": pd.to_datetime(["2025-01-06"] * 12 + ["2025-01-13"] * 3),
                "stage_reached": ["applied"] * 15,
                "outcome": ["rejected"] * 12 + ["pending"] * 3,
            }
        )
    )
    trends = cohort_trends(frame, SETTINGS, "week", rolling=1)
    fig = trend_figure(trends)
    response = next(t for t in fig.data if t.name and t.name.startswith("Response rate"))
    assert response.y[0] == 1.0
    assert response.y[1] is None or np.isnan(response.y[1])
    assert any(a.text == "mostly pending" for a in fig.layout.annotations)


def test_every_figure_builds_from_an_empty_table():
    from nextround.model import empty_applications

    empty = empty_applications()
    overview = build_overview(empty, SETTINGS)
    rejections = build_rejections(empty, SETTINGS)
    figures = [
        funnel_figure(overview.funnel),
        sankey_figure(overview.flows),
        loss_heatmap(rejections.by_role),
        loss_bars(at_stage(rejections.by_source, "applied")),
        ghosting_bars(rejections.ghosting_by_stage),
        time_histogram(rejections.time_to_outcome),
    ]
    assert all(fig.to_plotly_json()["data"] is not None for fig in figures)
    assert overview.diagnosis.stage is None


def test_user_text_in_chart_labels_is_escaped_not_rendered():
    rates = pd.DataFrame(
        {
            "group": ['<a href="https://x.example">win</a>', "Remote & hybrid"],
            "decided": [10, 12],
            "rejected": [2, 3],
            "no_answer": [1, 1],
            "lost_count": [3, 4],
            "lost_base": [10, 12],
            "lost_rate": [0.3, 0.33],
            "lost_low": [0.1, 0.1],
            "lost_high": [0.6, 0.6],
            "small_sample": [False, False],
        }
    )
    fig = loss_bars(rates, "applied", group_title="<b>CV</b>")
    labels = list(fig.layout.yaxis.ticktext)
    assert labels[0] == '&lt;a href="https://x.example"&gt;win&lt;/a&gt;'
    assert labels[1] == "Remote &amp; hybrid"
    assert fig.layout.yaxis.title.text == "&lt;b&gt;CV&lt;/b&gt;"
    assert fig.data[0].hovertext[1].startswith("Remote &amp; hybrid: ")
    # Cut for a phone before escaping: no entity is split, no tag survives.
    short = list(loss_bars(rates, "applied", compact=True).layout.yaxis.ticktext)
    assert short == ['&lt;a href="http…', "Remote &amp; hybr…"]


def _addresses(fig) -> list[list[object]]:
    return [list(c) for trace in fig.data if trace.customdata is not None for c in trace.customdata]


@pytest.mark.parametrize("compact", [False, True])
def test_every_drillable_point_carries_an_address_the_drill_reads(sample, compact):
    from nextround.analysis.drill import drill_from_points

    overview, rejections, _ = sample
    funnel = funnel_figure(overview.funnel, compact=compact)
    assert len(_addresses(funnel)) == 7 * len(overview.funnel)
    heatmap = loss_heatmap(rejections.by_role, compact=compact)
    assert heatmap.data[0].hoverinfo == "skip"  # the invisible markers take hover and clicks
    assert _addresses(heatmap) == [["cell", i] for i in range(len(rejections.by_role))]
    rows = at_stage(rejections.by_source, "screen")
    bars = loss_bars(rows, "screen", compact=compact)
    assert _addresses(bars) == [["bar", i] for i in range(len(rows))] * 2  # rejected and no answer
    ghosting = ghosting_bars(rejections.ghosting_by_stage, compact=compact)
    for fig, table in ((funnel, None), (heatmap, rejections.by_role), (bars, rows)):
        for address in _addresses(fig):
            assert drill_from_points([{"customdata": address}], table) is not None, address
    for address in _addresses(ghosting):
        assert drill_from_points([{"customdata": address}]) is not None, address


def test_the_heatmap_markers_sit_on_their_cells(sample):
    _, rejections, _ = sample
    table = rejections.by_role
    fig = loss_heatmap(table)
    heat, marks = fig.data[0], fig.data[1]
    groups = list(fig.layout.yaxis.ticktext)
    stages = list(fig.layout.xaxis.ticktext)
    for (x, y), address in zip(zip(marks.x, marks.y, strict=True), marks.customdata, strict=True):
        cell = table.iloc[address[1]]
        assert groups[y] == cell["group"]
        assert stages[x] == capitalised(LOSS_PLACES[cell["stage"]])
        label = rate_label(cell["lost_count"], cell["decided"], cell["lost_rate"], cell["small_sample"])
        assert heat.text[y][x] == two_lines(label)
    assert fig.layout.hoverdistance == -1


@pytest.mark.parametrize("compact", [False, True])
def test_compact_figures_hold_the_same_numbers(sample, compact):
    overview, rejections, trends = sample
    funnel = funnel_figure(overview.funnel, compact=compact)
    stacked = np.sum([trace.x for trace in funnel.data], axis=0)
    assert stacked.tolist() == overview.funnel["reached"].tolist()
    heatmap = loss_heatmap(rejections.by_role, compact=compact)
    expected = np.where(rejections.by_role["small_sample"], np.nan, rejections.by_role["lost_rate"])
    np.testing.assert_allclose(np.array(heatmap.data[0].z, dtype="float64").ravel(), expected)
    for fig in (
        sankey_figure(overview.flows, compact=compact),
        time_histogram(rejections.time_to_outcome, compact=compact),
        ghosting_bars(rejections.ghosting_by_stage, compact=compact),
        trend_figure(trends, compact=compact),
    ):
        assert fig.data


def test_the_compact_funnel_puts_names_and_counts_above_full_width_bars(sample):
    overview, _, _ = sample
    fig = funnel_figure(overview.funnel, compact=True)
    assert fig.layout.yaxis.showticklabels is False
    assert fig.layout.legend.entrywidthmode == "fraction"
    applied = overview.funnel.iloc[0]
    first = fig.layout.annotations[0]
    assert (
        first.text.startswith("<b>Applied</b> · ") and f"({applied.passed}/{applied.decided})" in first.text
    )
    assert (first.x, first.xanchor, first.yanchor) == (0, "left", "bottom")
    assert fig.layout.xaxis.range[1] < 1.1 * overview.funnel["reached"].max()


def test_the_compact_sankey_leaves_out_the_total_column_and_says_it(sample):
    overview, _, _ = sample
    fig = sankey_figure(overview.flows, compact=True)
    labels = list(fig.data[0].node.label)
    assert not any(label.startswith("Applied:") for label in labels)
    assert sum(fig.data[0].link.value) == overview.kpis.applications
    assert f"{overview.kpis.applications:,} applications" in fig.layout.annotations[0].text


def test_the_compact_sankey_keeps_the_funnel_order_top_to_bottom(sample):
    overview, _, _ = sample
    sankey = sankey_figure(overview.flows, compact=True).data[0]
    labels = [label.split(":")[0] for label in sankey.node.label]
    stages = [(y, name) for name, x, y in zip(labels, sankey.node.x, sankey.node.y, strict=True) if x < 0.5]
    assert [name for _, name in sorted(stages)] == [n for n in STAGE_ORDER if n in labels]
