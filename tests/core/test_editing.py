import pandas as pd

from nextround.editing import apply_edits, editable_view
from nextround.model import conform


def _table():
    return conform(
        pd.DataFrame(
            {
                "source_file": ["a.csv", "a.csv", "b.csv"],
                "source_row": [2, 3, 2],
                "company": ["Acme", "Globex", "Initech"],
                "role": ["Data Analyst", "Analyst", "Engineer"],
                "stage_reached": ["applied", "screen", "applied"],
                "outcome": ["ghosted", "pending", "pending"],
                "ghosted_inferred": [True, False, False],
            }
        )
    )


def test_edits_land_on_the_row_they_were_made_on_by_file_and_row_number():
    edited = apply_edits(_table(), {("b.csv", 2): {"outcome": "rejected", "stage_reached": "interview"}})
    assert edited.loc[2, "outcome"] == "rejected"
    assert edited.loc[2, "stage_reached"] == "interview"
    assert edited.loc[0, "outcome"] == "ghosted"


def test_deciding_an_outcome_clears_inferred_ghosting():
    edited = apply_edits(_table(), {("a.csv", 2): {"outcome": "rejected"}})
    assert not edited.loc[0, "ghosted_inferred"]


def test_a_new_role_rereads_family_and_seniority():
    edited = apply_edits(_table(), {("a.csv", 3): {"role": "Senior Data Scientist"}})
    assert edited.loc[1, "role_family"] == "Data Scientist"
    assert edited.loc[1, "seniority"] == "senior"


def test_invalid_values_are_ignored_and_edits_for_missing_rows_are_dropped():
    edited = apply_edits(
        _table(), {("a.csv", 2): {"outcome": "maybe", "source_row": 99}, ("zzz", 1): {"company": "X"}}
    )
    assert edited.loc[0, "outcome"] == "ghosted"
    assert edited["source_row"].tolist() == [2, 3, 2]


def test_dates_are_parsed_and_the_view_shows_plain_dates():
    edited = apply_edits(_table(), {("a.csv", 2): {"applied_on": "2025-03-04"}})
    assert edited.loc[0, "applied_on"] == pd.Timestamp(2025, 3, 4)
    assert str(editable_view(edited).loc[0, "applied_on"]) == "2025-03-04"
