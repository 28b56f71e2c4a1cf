"""The diagnosis, rule by rule, with known answers: where to act first, said in one plain sentence."""

import pandas as pd

from nextround.analysis import NOT_ENOUGH, diagnose
from nextround.analysis.diagnosis import MIN_DECIDED_TO_MATTER
from nextround.analysis.stats import SMALL_SAMPLE
from nextround.model import conform
from nextround.wording import HOW_EVERYTHING_IS_COUNTED
from tests.fixtures.sample import sample_analysed


def table(counts: dict[tuple[str, str], int]) -> pd.DataFrame:
    stages, outcomes = [], []
    for (stage, outcome), n in counts.items():
        stages += [stage] * n
        outcomes += [outcome] * n
    return conform(pd.DataFrame({"stage_reached": stages, "outcome": outcomes}))


def test_too_few_decided_says_so_and_names_no_stage():
    result = diagnose(table({("applied", "rejected"): 5, ("screen", "rejected"): 3}))
    assert (result.stage, result.reason, result.supported) == (None, "not enough", False)
    assert result.headline == NOT_ENOUGH


def test_pending_applications_do_not_make_a_sample():
    assert diagnose(table({("applied", "pending"): 50, ("applied", "rejected"): 9})).stage is None


def test_volume_the_stage_where_most_decided_applications_are_lost():
    result = diagnose(
        table(
            {
                ("applied", "rejected"): 50,
                ("applied", "ghosted"): 30,
                ("screen", "rejected"): 2,
                ("interview", "rejected"): 6,
                ("final", "rejected"): 4,
                ("offer", "offer"): 8,
            }
        )
    )
    assert (result.stage, result.reason) == ("applied", "volume")
    assert result.headline == "Work on CV screening first: that is where most of your applications end."
    assert result.because == (
        "80 of 100 applications with a known result at CV screening didn't get past it "
        "(80 %: 50 rejected, 30 with no answer)"
    )
    assert result.loss is not None and result.loss.lost.count == 80


def test_a_small_later_stage_never_makes_a_large_loss_too_close_to_call():
    """The bundled sample's shape: 147 of 186 lost at screening, 8 of 11 at the final round."""
    result = diagnose(
        table(
            {
                ("applied", "rejected"): 26,
                ("applied", "ghosted"): 121,
                ("screen", "rejected"): 5,
                ("interview", "rejected"): 13,
                ("final", "rejected"): 10,
                ("offer", "offer"): 1,
            }
        )
    )
    # 147 of 176 lost at CV screening (84 %); 10 of 11 at the final round (91 %), a small stage.
    assert result.stage == "applied"
    assert "too close" not in result.sentence
    assert any("The final round loses a larger share (10 of 11)" in line for line in result.details)


def test_even_an_all_lost_small_later_stage_does_not_take_over():
    few = {("applied", "rejected"): 50, ("screen", "rejected"): 30, ("final", "rejected"): 12}
    result = diagnose(table(few))
    # 12 of 12 final rounds lost: clearly worse than 50 of 92 at CV screening, but too few to matter.
    assert result.stage == "applied"
    assert any("too few to outweigh 50 lost at CV screening" in line for line in result.details)


def test_rate_a_later_stage_clearly_worse_with_enough_decisions_takes_over():
    result = diagnose(
        table(
            {
                ("applied", "rejected"): 40,
                ("screen", "rejected"): 5,
                ("interview", "rejected"): 38,
                ("final", "rejected"): 2,
                ("offer", "offer"): 5,
            }
        )
    )
    # CV screening loses 40 of 90 (44 %); interviews 38 of 45 (84 %): clearly worse, 45 decisions.
    assert (result.stage, result.reason) == ("interview", "rate")
    assert (
        result.headline == "Work on interviews first: most of the applications that get that far end there."
    )
    assert result.because.startswith(
        "38 of 45 with a known result there didn't get past it (84 %), against 44 %"
    )


def test_a_later_stage_worse_but_not_clearly_stays_with_the_volume():
    result = diagnose(
        table({("applied", "rejected"): 60, ("screen", "rejected"): 25, ("interview", "offer"): 15})
    )
    # 60 of 100 at CV screening, 25 of 40 at the screening call: larger share, overlapping ranges.
    assert result.stage == "applied"
    assert any("not clearly" in line for line in result.details)


def test_much_silence_is_its_own_finding():
    silent = diagnose(
        table({("applied", "ghosted"): 40, ("applied", "rejected"): 10, ("screen", "rejected"): 2})
    )
    assert silent.much_silence and silent.mostly_silence
    assert silent.silence_sentence.startswith("Most of your applications get no answer at all: 40 of 52")
    answered = diagnose(table({("applied", "ghosted"): 10, ("applied", "rejected"): 40}))
    assert not answered.much_silence and answered.silence_sentence == ""
    # Half silent, not clearly more than half: no finding.
    even = diagnose(table({("applied", "ghosted"): 25, ("applied", "rejected"): 25}))
    assert not even.much_silence


def test_the_details_are_one_click_away_and_frame_references():
    result = diagnose(
        table({("applied", "rejected"): 50, ("screen", "rejected"): 5, ("interview", "offer"): 5})
    )
    assert result.details[0].startswith("CV screening: 50 of 60 didn't get past it (83 %, likely range")
    assert any(line.startswith("For comparison, not a verdict:") for line in result.details)
    assert "95 % CI" not in " ".join(result.details)


def test_the_readme_and_the_page_state_the_rules_with_the_code_s_numbers():
    assert f"at least {MIN_DECIDED_TO_MATTER} decisions" in HOW_EVERYTHING_IS_COUNTED
    assert f"fewer than {SMALL_SAMPLE} decided" in HOW_EVERYTHING_IS_COUNTED.lower()


def test_the_bundled_sample_names_cv_screening():
    result = diagnose(sample_analysed())
    assert (result.stage, result.reason) == ("applied", "volume")
    assert "CV screening" in result.headline
    assert result.because.startswith(
        "147 of 186 applications with a known result at CV screening didn't get past it"
    )
    assert result.much_silence
