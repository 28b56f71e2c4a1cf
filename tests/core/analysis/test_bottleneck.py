"""The bottleneck sentence: named only when the sample supports it, with its numbers."""

import pandas as pd

from nextround.analysis import NOT_ENOUGH, diagnose_bottleneck
from nextround.model import conform
from nextround.settings import AnalysisSettings


def table(counts: dict[tuple[str, str], int]) -> pd.DataFrame:
    stages, outcomes = [], []
    for (stage, outcome), n in counts.items():
        stages += [stage] * n
        outcomes += [outcome] * n
    return conform(pd.DataFrame({"stage_reached": stages, "outcome": outcomes}))


def test_too_few_decided_says_so():
    result = diagnose_bottleneck(
        table({("applied", "rejected"): 5, ("screen", "rejected"): 3}), AnalysisSettings()
    )
    assert result.stage is None
    assert not result.supported
    assert result.sentence == NOT_ENOUGH


def test_pending_applications_do_not_make_a_sample():
    result = diagnose_bottleneck(
        table({("applied", "pending"): 50, ("applied", "rejected"): 9}), AnalysisSettings()
    )
    assert result.sentence == NOT_ENOUGH


def test_clear_screening_bottleneck_is_named_with_numbers():
    data = table(
        {
            ("applied", "rejected"): 50,
            ("applied", "ghosted"): 30,
            ("screen", "rejected"): 2,
            ("interview", "rejected"): 6,
            ("final", "rejected"): 4,
            ("offer", "offer"): 8,
        }
    )
    result = diagnose_bottleneck(data, AnalysisSettings())
    assert result.supported
    assert result.stage == "applied"
    assert "80 of 100" in result.sentence
    assert "50 rejected, 30 never heard back" in result.sentence
    assert result.loss_rate is not None
    assert result.loss_rate.count == 80
    assert not result.mostly_ghosting


def test_interview_bottleneck_when_its_interval_is_clear_of_the_others():
    data = table(
        {
            ("applied", "rejected"): 20,
            ("screen", "rejected"): 5,
            ("interview", "rejected"): 70,
            ("final", "rejected"): 3,
            ("offer", "offer"): 7,
        }
    )
    result = diagnose_bottleneck(data, AnalysisSettings())
    assert result.stage == "interview"
    assert "70 of 80" in result.sentence


def test_overlapping_intervals_are_too_close_to_call():
    data = table(
        {
            ("applied", "rejected"): 6,
            ("screen", "rejected"): 6,
            ("interview", "rejected"): 5,
            ("final", "rejected"): 1,
            ("offer", "offer"): 4,
        }
    )
    result = diagnose_bottleneck(data, AnalysisSettings())
    assert result.stage is None
    assert not result.supported
    assert "too close to call" in result.sentence


def test_single_large_stage_is_named_only_when_it_holds_most_losses():
    most = table({("applied", "rejected"): 9, ("screen", "rejected"): 3, ("interview", "offer"): 1})
    assert diagnose_bottleneck(most, AnalysisSettings()).stage == "applied"
    few = table(
        {
            ("applied", "rejected"): 3,
            ("screen", "rejected"): 4,
            ("interview", "rejected"): 3,
            ("offer", "offer"): 2,
        }
    )
    assert diagnose_bottleneck(few, AnalysisSettings()).stage is None


def test_mostly_ghosting_is_flagged():
    data = table({("applied", "ghosted"): 40, ("applied", "rejected"): 10, ("screen", "rejected"): 2})
    result = diagnose_bottleneck(data, AnalysisSettings())
    assert result.stage == "applied"
    assert result.mostly_ghosting
    assert result.ghosting_rate is not None
    assert result.ghosting_rate.count == 40
