"""The same application in two files is found by company, role and date — however it is spelled —
paired one to one, and counted once when a file is added to the search."""

from __future__ import annotations

import pandas as pd

from nextround.history.duplicates import EARLIER, add_to_search, application_keys, combine, find_overlap
from nextround.model import conform
from tests.fixtures.synthetic import cohort, named_applications


def test_spelling_case_and_punctuation_do_not_hide_a_duplicate():
    keys = application_keys(
        named_applications(
            [
                ("Acme, Inc.", "Sr. Data Analyst", "2025-01-15"),
                ("ACME Inc", "sr data analyst", "2025-01-15"),
                ("株式会社 ソニー", "データアナリスト", "2025-02-01"),
                ("株式会社ソニー", "データ・アナリスト", "2025-02-01"),
                ("Gießen GmbH", None, "2025-03-01"),
                ("Gießen  GmbH", "", "2025-03-01"),
            ]
        )
    )
    assert keys[0] == keys[1] and keys[2] == keys[3] and keys[4] == keys[5]
    assert len(set(keys)) == 3


def test_a_different_date_or_role_is_a_different_application():
    keys = application_keys(
        named_applications(
            [
                ("Acme", "Data Analyst", "2025-01-15"),
                ("Acme", "Data Analyst", "2025-01-16"),
                ("Acme", "Data Engineer", "2025-01-15"),
            ]
        )
    )
    assert len(set(keys)) == 3


def test_without_a_company_or_a_date_a_row_is_never_a_duplicate():
    keys = application_keys(
        named_applications(
            [(None, "Data Analyst", "2025-01-15"), ("Acme", "Analyst", None), (" ", "x", "2025-01-15")]
        )
    )
    assert keys.isna().all()
    rows = [(None, "Data Analyst", "2025-01-15"), ("Acme", "Analyst", None)]
    overlap = find_overlap(named_applications(rows), named_applications(rows, "b.csv"))
    assert overlap.duplicates == 0 and overlap.unkeyed == 2


def test_duplicates_pair_one_to_one():
    twice = [("Acme", "Analyst", "2025-01-15")] * 2
    once = [("Acme", "Analyst", "2025-01-15"), ("Globex", "Analyst", "2025-01-16")]
    overlap = find_overlap(named_applications(twice), named_applications(once, "b.csv"))
    assert (overlap.duplicates, overlap.incoming_only, overlap.previous_only) == (1, 1, 1)
    added = add_to_search(named_applications(twice), named_applications(once, "b.csv"))
    assert len(added) == 3  # one Acme kept from the search, one from the file, and Globex


def test_a_newer_version_is_recognised_as_such():
    search = cohort(200, seed=1)
    newer = conform(pd.concat([search, cohort(30, seed=5)], ignore_index=True))
    assert find_overlap(search, newer).looks_like_a_newer_version
    assert not find_overlap(search, cohort(200, seed=9)).looks_like_a_newer_version


def test_adding_counts_each_application_once_as_the_newer_file_reads_it():
    search = named_applications(
        [("Acme", "Analyst", "2025-01-15"), ("Globex", "Analyst", "2025-01-16")],
        "tracker.xlsx",
        outcome=["pending", "pending"],
    )
    upload = named_applications(
        [("Acme", "Analyst", "2025-01-15"), ("Initech", "Engineer", "2025-02-01")],
        "tracker.xlsx",
        outcome=["rejected", "pending"],
    )
    added = add_to_search(search, upload)
    assert list(added["company"]) == ["Globex", "Acme", "Initech"]
    assert added.loc[added["company"] == "Acme", "outcome"].tolist() == ["rejected"]
    # Globex came from the earlier upload of a file with the same name: told apart by its file name.
    assert added["source_file"].tolist() == [f"tracker.xlsx{EARLIER}", "tracker.xlsx", "tracker.xlsx"]
    assert added.index.equals(pd.RangeIndex(3))
    assert list(added.columns[: len(search.columns)]) == list(search.columns)


def test_adding_keeps_the_canonical_dtypes_and_the_evidence():
    search, upload = cohort(300, seed=1), cohort(300, seed=2)
    search["stage_evidence"] = pd.Series(["Status: Rejected"] * 300, dtype="category")
    added = add_to_search(search, upload)
    assert len(added) == 600
    assert added["stage_reached"].dtype == search["stage_reached"].dtype
    assert isinstance(added["stage_evidence"].dtype, pd.CategoricalDtype)
    assert (added["stage_evidence"] == "Status: Rejected").sum() == 300


def test_combine_without_an_earlier_search_is_the_upload_itself():
    upload = cohort(10)
    assert combine(None, upload) is upload
