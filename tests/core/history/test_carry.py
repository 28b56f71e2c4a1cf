"""A correction follows its application into a newer version of the tracker, unless the file itself
now says something else in that cell."""

from __future__ import annotations

import pandas as pd

from nextround.history.carry import carry_corrections
from nextround.model import conform
from tests.fixtures.synthetic import named_applications


def _tracker(file: str, rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return named_applications(
        [row[:3] for row in rows],
        file,
        outcome=[row[3] for row in rows],
        stage_reached=["applied"] * len(rows),
    )


EARLIER = _tracker(
    "tracker.xlsx",
    [
        ("Acme", "Analyst", "2025-01-15", "pending"),
        ("Globex", "Analyst", "2025-01-16", "pending"),
        ("Initech", "Engineer", "2025-01-17", "pending"),
    ],
)
# The newer version: a row inserted at the top, Globex's outcome updated in the file itself.
NEWER = _tracker(
    "tracker (1).xlsx",
    [
        ("Hooli", "Analyst", "2025-02-01", "pending"),
        ("Acme", "Analyst", "2025-01-15", "pending"),
        ("Globex", "Analyst", "2025-01-16", "rejected"),
        ("Initech", "Engineer", "2025-01-17", "pending"),
    ],
)


def test_a_correction_follows_its_application_to_its_new_row():
    carried, left = carry_corrections(EARLIER, {("tracker.xlsx", 2): {"outcome": "rejected"}}, NEWER)
    assert carried == {("tracker (1).xlsx", 3): {"outcome": "rejected"}}
    assert left == 0


def test_where_the_file_now_says_otherwise_the_file_wins():
    edits = {("tracker.xlsx", 3): {"outcome": "ghosted", "stage_reached": "screen"}}
    carried, left = carry_corrections(EARLIER, edits, NEWER)
    assert carried == {("tracker (1).xlsx", 4): {"stage_reached": "screen"}}  # the outcome is the file's now
    assert left == 1


def test_a_correction_of_the_company_itself_is_found_by_what_the_file_said():
    carried, _ = carry_corrections(EARLIER, {("tracker.xlsx", 4): {"company": "Initech Ltd"}}, NEWER)
    assert carried == {("tracker (1).xlsx", 5): {"company": "Initech Ltd"}}


def test_an_application_gone_from_the_newer_file_takes_its_corrections_with_it():
    newer = NEWER.iloc[[0, 2, 3]].reset_index(drop=True)  # Acme is no longer there
    carried, left = carry_corrections(
        EARLIER, {("tracker.xlsx", 2): {"outcome": "rejected", "role": "BI"}}, newer
    )
    assert carried == {} and left == 2


def test_an_application_twice_in_the_newer_file_is_not_guessed():
    twice = conform(pd.concat([NEWER, NEWER.iloc[[1]]], ignore_index=True))
    carried, left = carry_corrections(EARLIER, {("tracker.xlsx", 2): {"outcome": "rejected"}}, twice)
    assert carried == {} and left == 1


def test_no_corrections_nothing_to_carry():
    assert carry_corrections(EARLIER, {}, NEWER) == ({}, 0)
