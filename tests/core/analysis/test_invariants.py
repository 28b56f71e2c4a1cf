"""Invariants on random canonical tables: rates in [0, 1], a monotone funnel, counts that add up."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.analysis import (
    build_overview,
    cohort_trends,
    compute_funnel,
    compute_kpis,
    losses_by_stage,
)
from nextround.settings import AnalysisSettings
from tests.fixtures.random_tables import frame, row


def rates_in_unit_interval(values) -> bool:
    known = np.asarray(values, dtype="float64")
    known = known[~np.isnan(known)]
    return bool(((known >= 0) & (known <= 1)).all())


@settings(max_examples=80, deadline=None)
@given(st.lists(row, max_size=60), st.booleans())
def test_funnel_invariants(rows, ghosting_is_rejection):
    applications = frame(rows)
    analysis = AnalysisSettings(count_ghosting_as_rejection=ghosting_is_rejection)
    funnel = compute_funnel(applications, analysis)
    reached = funnel["reached"].to_numpy()
    assert reached[0] == len(applications)
    assert (np.diff(reached) <= 0).all()
    parts = funnel[["passed", "rejected", "ghosted", "pending", "withdrawn", "offers"]].sum(axis=1)
    assert (parts.to_numpy() == reached).all()
    for column in ("pass_rate", "pass_low", "pass_high", "rejection_rate", "rejection_low", "rejection_high"):
        assert rates_in_unit_interval(funnel[column])


@settings(max_examples=80, deadline=None)
@given(st.lists(row, max_size=60), st.booleans())
def test_kpi_and_group_invariants(rows, ghosting_is_rejection):
    applications = frame(rows)
    analysis = AnalysisSettings(count_ghosting_as_rejection=ghosting_is_rejection)
    kpis = compute_kpis(applications, analysis)
    assert kpis.applications == kpis.decided + kpis.pending + kpis.withdrawn
    assert kpis.decided == kpis.rejected + kpis.ghosted_explicit + kpis.ghosted_inferred + kpis.offers
    for rate in (
        kpis.response_rate,
        kpis.screen_rate,
        kpis.interview_rate,
        kpis.offer_rate,
        kpis.rejection_rate,
    ):
        assert rate.count <= rate.denominator or rate.denominator == 0
        if rate.value is not None:
            assert 0 <= rate.low <= rate.value + 1e-12
            assert rate.value <= rate.high + 1e-12
    by_stage = losses_by_stage(applications, "source")
    first = by_stage[by_stage["stage"] == "applied"]
    assert first["applications"].sum() == len(applications)
    assert (by_stage["lost_count"] == by_stage["rejected"] + by_stage["no_answer"]).all()
    assert rates_in_unit_interval(by_stage["lost_rate"])
    trends = cohort_trends(applications, analysis).table
    assert trends["applications"].sum() + applications["applied_on"].isna().sum() == len(applications)
    assert rates_in_unit_interval(trends["rolling_response_rate"])
    overview = build_overview(applications, analysis)
    first_hop = overview.flows[overview.flows["source"] == "Applied"]["count"].sum()
    assert first_hop == len(applications)
    assert overview.flows["count"].sum() == 2 * len(applications)
    diagnosis = overview.diagnosis
    if diagnosis.stage is not None:
        named = diagnosis.loss
        most = max(loss.lost.count for loss in diagnosis.losses)
        assert named is not None and not named.lost.small_sample
        # Volume names the stage of most losses; a rate override needs enough decisions and a clear gap.
        if diagnosis.reason == "volume":
            assert named.lost.count == most
        else:
            volume = next(loss for loss in diagnosis.losses if loss.lost.count == most)
            assert named.decided >= 20 and named.lost.clearly_above(volume.lost)
