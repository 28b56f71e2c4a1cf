"""Since last time: new applications, answers that came in, the rates' moves (clear only when the
intervals part), and the plan's actions done since the earlier upload."""

from __future__ import annotations

from datetime import date

import pandas as pd

from nextround.action_items import ActionItem
from nextround.analysis.stats import Rate
from nextround.history.changes import RateMove, since_last_time
from nextround.model import conform
from nextround.settings import AnalysisSettings
from tests.fixtures.synthetic import cohort

SINCE, TODAY = date(2025, 9, 1), date(2025, 9, 30)


def _compare(previous: pd.DataFrame, current: pd.DataFrame, **kwargs):
    return since_last_time(
        previous,
        current,
        since=SINCE,
        today=TODAY,
        settings=AnalysisSettings(),
        previous_label="old.xlsx",
        **kwargs,
    )


def test_new_applications_answers_and_what_is_gone():
    previous = cohort(400, seed=1)
    current = previous.iloc[10:].copy()  # ten are gone
    pending = current.index[(current["outcome"] == "pending").to_numpy()][:5]
    current.loc[pending, "outcome"] = "rejected"  # five answers came in
    current = conform(pd.concat([current, cohort(25, seed=8)], ignore_index=True))
    changes = _compare(previous, current)
    assert (changes.previous_applications, changes.applications) == (400, 415)
    assert changes.new_applications == 25
    assert changes.gone == 10
    assert changes.answers_total == 5
    assert all(a.before.endswith("waiting") and a.after.endswith("rejected") for a in changes.answers)
    assert changes.headline().startswith("Since 1 Sep: 25 new applications, ")


def test_nothing_changed_says_so_in_numbers():
    table = cohort(300, seed=3)
    changes = _compare(table, table)
    assert (changes.new_applications, changes.gone, changes.answers_total) == (0, 0, 0)
    assert changes.headline() == f"Since 1 Sep: 0 new applications, {changes.new_with_answer} answers."


def test_the_rates_are_the_overviews_rates_before_and_after():
    previous = cohort(500, seed=1)
    current = conform(pd.concat([previous, cohort(300, seed=2)], ignore_index=True))
    changes = _compare(previous, current)
    assert changes.same_search
    assert [m.metric for m in changes.rates] == [
        "response_rate",
        "screen_rate",
        "interview_rate",
        "offer_rate",
    ]
    screen = changes.rates[1]
    assert screen.sentence(SINCE).startswith("Screen rate ") and screen.sentence(SINCE).endswith(
        " since 1 Sep"
    )


def test_another_search_is_not_compared_with_the_earlier_one():
    # A different tracker replaced the search: rates from two searches say nothing about progress.
    previous, current = cohort(500, seed=1), cohort(800, seed=2)
    changes = _compare(previous, current)
    assert changes.shared < 250 and not changes.same_search
    assert changes.rates == ()
    assert changes.headline() == (
        f"Since 1 Sep: another search, with {changes.shared} applications of the 500 before it, "
        "so nothing is compared."
    )
    half = _compare(previous, previous.iloc[:250])  # half of the earlier search is still there
    assert half.same_search and half.rates


def test_a_move_is_clear_only_when_the_intervals_do_not_overlap():
    assert RateMove("screen_rate", Rate.of(14, 100), Rate.of(40, 100)).clear
    assert not RateMove("screen_rate", Rate.of(14, 100), Rate.of(19, 100)).clear
    small = RateMove("screen_rate", Rate.of(0, 5), Rate.of(5, 5))
    assert not small.clear  # a small sample never makes a clear change
    assert small.sentence(SINCE) == "Screen rate 0 of 5 → 5 of 5 since 1 Sep"
    assert RateMove("screen_rate", Rate.of(14, 100), Rate.of(19, 100)).sentence(SINCE) == (
        "Screen rate 14 % → 19 % since 1 Sep"
    )


def test_a_rate_with_nothing_decided_on_one_side_is_no_comparison():
    nothing_since = RateMove("response_rate", Rate.of(41, 100), Rate.of(0, 0))
    assert nothing_since.sentence(SINCE) == "Response rate 41 % → none decided since 1 Sep"
    assert nothing_since.verdict == "nothing to compare yet."
    assert RateMove("screen_rate", Rate.of(14, 100), Rate.of(19, 100)).verdict.startswith("within the likely")
    assert RateMove("screen_rate", Rate.of(14, 100), Rate.of(40, 100)).verdict == "a clear change."


def test_plan_actions_done_since_the_earlier_upload():
    plan = [
        ActionItem("a", "Done before", "", "follow-up", TODAY, status="done"),
        ActionItem("b", "Done since", "", "follow-up", TODAY, status="done"),
        ActionItem("c", "Still to do", "", "follow-up", TODAY),
    ]
    table = cohort(50)
    changes = _compare(table, table, done_before=frozenset({"a"}), plan=plan)
    assert changes.plan_done == ("Done since",)
    assert changes.headline().endswith("1 action of your plan done.")
