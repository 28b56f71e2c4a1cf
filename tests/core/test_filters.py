from datetime import date

import pandas as pd

from nextround.filters import Filters, apply_filters
from nextround.model import conform


def _table():
    return conform(
        pd.DataFrame(
            {
                "applied_on": ["2025-01-01", "2025-02-01", "2025-03-01", None],
                "role_family": ["Data Analyst", "Data Analyst", "Business Analyst", "Data Analyst"],
                "source": ["Referral", "LinkedIn", "LinkedIn", "Referral"],
            }
        )
    )


def test_no_filter_returns_everything():
    assert len(apply_filters(_table(), Filters())) == 4


def test_date_bounds_are_inclusive_and_undated_rows_fall_out():
    result = apply_filters(_table(), Filters(applied_from=date(2025, 2, 1), applied_to=date(2025, 3, 1)))
    assert result["applied_on"].dt.month.tolist() == [2, 3]


def test_family_and_source_filters_combine():
    result = apply_filters(_table(), Filters(role_families=("Data Analyst",), sources=("Referral",)))
    assert len(result) == 2
    assert set(result["source"]) == {"Referral"}
