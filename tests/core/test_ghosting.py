from datetime import date

import pandas as pd

from nextround.ghosting import GhostingPolicy, apply_ghosting
from nextround.model import conform


def _table():
    return conform(
        pd.DataFrame(
            {
                "stage_reached": ["applied", "applied", "screen", "screen", "applied", "offer"],
                "outcome": ["pending", "pending", "pending", "pending", "pending", "offer"],
                "applied_on": ["2025-01-01", "2025-01-20", "2025-01-01", "2025-01-01", None, "2025-01-01"],
                "last_event_on": [None, None, "2025-01-15", "2025-01-25", None, None],
            }
        )
    )


def test_pending_rows_silent_past_the_threshold_are_ghosted_and_marked_inferred():
    result = apply_ghosting(_table(), GhostingPolicy(30, 21), date(2025, 2, 10))
    # 40 days after applying > 30; 20 days < 30; 26 days after a screen > 21; 16 days < 21;
    # no date at all: silence cannot be measured; decided rows untouched.
    assert result["outcome"].tolist() == ["ghosted", "pending", "ghosted", "pending", "pending", "offer"]
    assert result["ghosted_inferred"].tolist() == [True, False, True, False, False, False]


def test_reapplying_with_a_longer_threshold_undoes_earlier_inference():
    once = apply_ghosting(_table(), GhostingPolicy(30, 21), date(2025, 2, 10))
    again = apply_ghosting(once, GhostingPolicy(60, 60), date(2025, 2, 10))
    assert again["outcome"].tolist() == ["pending"] * 5 + ["offer"]
    assert not again["ghosted_inferred"].any()


def test_explicit_ghosting_is_never_undone():
    table = _table()
    table.loc[1, "outcome"] = "ghosted"
    result = apply_ghosting(table, GhostingPolicy(60, 60), date(2025, 2, 10))
    assert result.loc[1, "outcome"] == "ghosted"
    assert not result.loc[1, "ghosted_inferred"]
