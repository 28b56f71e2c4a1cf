"""Where each group ends: didn't get past each stage (rejected or no answer), counts, intervals, the
small-sample mark, folding, the user's own columns, and the most/least-often call-out."""

import pandas as pd
import pytest

from nextround.analysis import at_stage, categorical_columns, contrast_at, losses_by_stage
from nextround.analysis.breakdowns import OTHER_GROUPS
from nextround.model import conform


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


def test_losses_by_stage_is_long_with_the_split_into_rejected_and_no_answer():
    result = losses_by_stage(table({"Analyst": ANALYSTS, "Engineer": ENGINEERS}), "role_family")
    assert len(result) == 8  # 2 groups x 4 stages where an application can be lost
    row = result[(result["group"] == "Analyst") & (result["stage"] == "applied")].iloc[0]
    assert row["applications"] == 17
    assert (row["decided"], row["rejected"], row["no_answer"], row["lost_count"]) == (15, 8, 4, 12)
    assert row["lost_rate"] == pytest.approx(12 / 15)
    assert row["lost_low"] < 12 / 15 < row["lost_high"]
    assert not row["small_sample"]
    engineer_interview = result[(result["group"] == "Engineer") & (result["stage"] == "interview")].iloc[0]
    assert (engineer_interview["decided"], engineer_interview["lost_count"]) == (3, 3)
    assert engineer_interview["small_sample"]
    assert at_stage(result, "applied")["group"].tolist() == ["Analyst", "Engineer"]  # largest first


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
    rows = at_stage(losses_by_stage(frame, "source"), "applied").set_index("group")
    assert rows.loc["(blank)", "applications"] == 3
    assert rows["applications"].sum() == 4


def test_many_groups_are_folded_so_charts_stay_readable():
    groups = {f"Family {i:02d}": {("applied", "rejected"): 20 - i} for i in range(15)}
    rows = at_stage(losses_by_stage(table(groups), "role_family", max_groups=5), "applied")
    assert len(rows) == 5
    assert rows["group"].iloc[-1] == f"{OTHER_GROUPS} (11)"
    assert rows["applications"].sum() == sum(20 - i for i in range(15))


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
    result = contrast_at(
        losses_by_stage(table({"Referral": referral, "Job board": board}, "source"), "source")
    )
    assert result is not None
    assert (result.best, result.worst) == ("Referral", "Job board")
    assert result.sentence == (
        "By channel: Job board most often didn't get past CV screening (92 %, 37 of 40), "
        "Referral least often (25 %, 10 of 40)."
    )
    assert "Referral 10 of 40 (25 %, likely range 14–40 %)" in result.detail
    close = {("screen", "rejected"): 5, ("applied", "rejected"): 7}
    other = {("screen", "rejected"): 4, ("applied", "rejected"): 8}
    assert contrast_at(losses_by_stage(table({"A": close, "B": other}, "source"), "source")) is None
    small = {("screen", "rejected"): 9}
    assert contrast_at(losses_by_stage(table({"A": referral, "B": small}, "source"), "source")) is None


def test_silence_counts_as_not_getting_past_so_a_quiet_channel_never_looks_best():
    """The Overview and the Rejections page once disagreed: a channel that mostly never answers was
    "rejected least often". Didn't get past counts rejections and silence alike."""
    quiet = {("applied", "rejected"): 2, ("applied", "ghosted"): 18}
    answers = {("applied", "rejected"): 10, ("screen", "rejected"): 10}
    result = contrast_at(losses_by_stage(table({"Quiet": quiet, "Answers": answers}, "source"), "source"))
    assert result is not None
    assert (result.best, result.worst) == ("Answers", "Quiet")


def test_contrast_at_a_later_stage():
    strong = {("screen", "rejected"): 2, ("interview", "rejected"): 18}
    weak = {("screen", "rejected"): 18, ("interview", "rejected"): 2}
    losses = losses_by_stage(table({"Strong": strong, "Weak": weak}, "source"), "source")
    result = contrast_at(losses, "screen")
    assert result is not None
    assert (result.best, result.worst, result.stage) == ("Strong", "Weak", "screen")
    assert "didn't get past the screening call" in result.sentence
    assert contrast_at(losses, "applied") is None  # nobody was lost at CV screening


def test_contrast_ignores_the_folded_rest():
    groups = {f"F{i}": {("applied", "rejected"): 30} for i in range(3)}
    groups["Many small"] = {("screen", "rejected"): 1}
    groups |= {f"S{i}": {("screen", "rejected"): 10} for i in range(3)}
    losses = losses_by_stage(table(groups), "role_family", max_groups=3)
    assert at_stage(losses, "applied")["folded"].tolist() == [False, False, True]
    assert contrast_at(losses, "applied") is None  # only the folded row differs
