"""A million applications: the Overview's numbers still add up and its figures stay small."""

import datetime as dt
import json

import pytest

from nextround.analysis import build_overview
from nextround.figures import funnel_figure, sankey_figure
from nextround.ghosting import apply_ghosting
from nextround.settings import AnalysisSettings
from tests.fixtures.synthetic import synthetic_applications

SETTINGS = AnalysisSettings(as_of=dt.date(2025, 9, 30))


@pytest.mark.slow
def test_overview_of_a_million_rows():
    table = apply_ghosting(
        synthetic_applications(1_000_000, seed=5), SETTINGS.ghosting, SETTINGS.reference_date()
    )
    overview = build_overview(table, SETTINGS)  # its speed: bench/bench_analysis.py
    assert overview.kpis.applications == 1_000_000
    assert overview.funnel["reached"].iloc[0] == 1_000_000
    assert overview.flows["count"].sum() == 2_000_000
    payload = sum(
        len(json.dumps(f.to_plotly_json(), default=str))
        for f in (funnel_figure(overview.funnel), sankey_figure(overview.flows))
    )
    assert payload < 1_000_000
