"""Rates by group: counts, intervals, the small-sample mark, folding, the user's own columns."""

import pandas as pd
import pytest

from nextround.analysis import (
    categorical_columns,
    contrast_from_rates,
    contrast_groups,
    rates_by_group,
    rejection_by_stage,
)
from nextround.analysis.breakdowns import OTHER_GROUPS
from nextround.model import conform
from nextround.settings import AnalysisSettings


def table(groups: dict[str, dict[tuple[str, str], int]], column: str = "role_family") -> pd.DataFrame:
    values, stages, outcomes = [], [], []
    for value, counts in groups.items():
        for (stage, outcome), n in counts.items():
            values += [value] * n
            stages += [stage] * n
            outcomes += [outcome] * n
    return conform(pd.DataFrame({column: values, "stage_reached": stages, "outcome": outcomes}))


ANALYSTS = {
    ("applied", "rejected"): 8,
    ("applied", "ghosted"): 4,
    ("screen", "rejected"): 3,
    ("applied", "pending"): 2,
}
ENGINEERS = {("applied", "rejected"): 2, ("interview", "rejected"): 3}


def test_rates_by_group_counts_and_small_sample():
    rates = rates_by_group(
        table({"Analyst": ANALYSTS, "Engineer": ENGINEERS}), AnalysisSettings(), "role_family"
    )
    rates = rates.set_index("group")
    assert rates.loc["Analyst", "applications"] == 17
    assert rates.loc["Analyst", "decided"] == 15
    assert rates.loc["Analyst", "rejection_count"] == 11
    assert rates.loc["Analyst", "rejection_rate"] == pytest.approx(11 / 15)
    assert rates.loc["Analyst", "response_count"] == 11  # 8 rejected at applied + 3 screened
    assert rates.loc["Analyst", "response_base"] == 15
    assert not rates.loc["Analyst", "small_sample"]
    assert rates.loc["Engineer", "small_sample"]
    assert rates.index.tolist() == ["Analyst", "Engineer"]  # largest first


def test_ghosting_as_rejection_in_groups():
    rates = rates_by_group(
        table({"Analyst": ANALYSTS}), AnalysisSettings(count_ghosting_as_rejection=True), "role_family"
    )
    assert rates.loc[0, "rejection_count"] == 15


def test_rejection_by_stage_is_long_with_one_row_per_group_and_stage():
    result = rejection_by_stage(
        table({"Analyst": ANALYSTS, "Engineer": ENGINEERS}), AnalysisSettings(), "role_family"
    )
    assert len(result) == 8
    row = result[(result["group"] == "Analyst") & (result["stage"] == "applied")].iloc[0]
    assert (row["decided"], row["rejected"]) == (15, 8)
    assert row["rejection_rate"] == pytest.approx(8 / 15)
    engineer_interview = result[(result["group"] == "Engineer") & (result["stage"] == "interview")].iloc[0]
    assert (engineer_interview["decided"], engineer_interview["rejected"]) == (3, 3)
    assert engineer_interview["small_sample"]


def test_blank_values_form_one_group():
    frame = conform(
        pd.DataFrame(
            {
                "source": ["LinkedIn", None, "  ", None],
                "outcome": ["rejected"] * 4,
                "stage_reached": ["applied"] * 4,
            }
        )
    )
    rates = rates_by_group(frame, AnalysisSettings(), "source").set_index("group")
    assert rates.loc["(blank)", "applications"] == 3
    assert rates["applications"].sum() == 4


def test_many_groups_are_folded_so_charts_stay_readable():
    groups = {f"Family {i:02d}": {("applied", "rejected"): 20 - i} for i in range(15)}
    rates = rates_by_group(table(groups), AnalysisSettings(), "role_family", max_groups=5)
    assert len(rates) == 5
    assert rates["group"].iloc[-1] == f"{OTHER_GROUPS} (11)"
    assert rates["applications"].sum() == sum(20 - i for i in range(15))


def test_categorical_columns_are_the_users_columns_with_2_to_20_values():
    frame = conform(
        pd.DataFrame(
            {
                "company": ["A", "B", "C"],
                "CV version": ["v1", "v2", "v1"],
                "Notes 2": ["x", "x", "x"],
                "Id": ["1", "2", "3"],
            }
        )
    )
    assert categorical_columns(frame) == ["CV version", "Id"]
    many = conform(pd.DataFrame({"Ref": [str(i) for i in range(30)]}))
    assert categorical_columns(many) == []


def test_contrast_named_only_when_intervals_do_not_overlap():
    referral = {("screen", "rejected"): 30, ("applied", "rejected"): 10}
    board = {("screen", "rejected"): 3, ("applied", "ghosted"): 37}
    result = contrast_groups(
        table({"Referral": referral, "Job board": board}, "source"), AnalysisSettings(), "source"
    )
    assert result is not None
    assert (result.best, result.worst) == ("Referral", "Job board")
    assert "30 of 40" in result.sentence
    close = {("screen", "rejected"): 5, ("applied", "rejected"): 7}
    other = {("screen", "rejected"): 4, ("applied", "rejected"): 8}
    assert contrast_groups(table({"A": close, "B": other}, "source"), AnalysisSettings(), "source") is None
    small = {("screen", "rejected"): 9}
    assert contrast_groups(table({"A": referral, "B": small}, "source"), AnalysisSettings(), "source") is None


def test_contrast_on_rejection_rate_names_the_least_rejected_as_best():
    low = {("applied", "rejected"): 2, ("applied", "ghosted"): 18}
    high = {("applied", "rejected"): 18, ("applied", "ghosted"): 2}
    rates = rates_by_group(table({"Quiet": low, "Blunt": high}, "source"), AnalysisSettings(), "source")
    result = contrast_from_rates(rates, "rejection")
    assert result is not None
    assert (result.best, result.worst) == ("Quiet", "Blunt")
    assert result.sentence.startswith("By channel, Quiet is rejected least often, 10 % (2 of 20")
    assert "Blunt most often, 90 % (18 of 20" in result.sentence
    with_ghosting = rates_by_group(
        table({"Quiet": low, "Blunt": high}, "source"),
        AnalysisSettings(count_ghosting_as_rejection=True),
        "source",
    )
    assert contrast_from_rates(with_ghosting, "rejection") is None  # both 100 % once ghosting counts


def test_contrast_ignores_the_folded_rest():
    groups = {f"F{i}": {("applied", "rejected"): 30} for i in range(3)}
    groups["Many small"] = {("screen", "rejected"): 1}
    groups |= {f"S{i}": {("screen", "rejected"): 10} for i in range(3)}
    rates = rates_by_group(table(groups), AnalysisSettings(), "role_family", max_groups=3)
    assert rates["folded"].tolist() == [False, False, True]
    assert contrast_from_rates(rates, "screen") is None  # only the folded row differs
