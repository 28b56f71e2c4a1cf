"""The skill analysis works per group of identical applications: the same answers as row by row, fast."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from nextround.ghosting import apply_ghosting
from nextround.settings import AnalysisSettings
from nextround.skills import analyse_skills
from nextround.skills.extract import with_pasted_descriptions
from tests.fixtures.synthetic import cohort

SETTINGS = AnalysisSettings(as_of=dt.date(2025, 9, 30))
TODAY = SETTINGS.reference_date()


def _table(rows: int, seed: int) -> pd.DataFrame:
    table = apply_ghosting(cohort(rows, seed=seed), SETTINGS.ghosting, TODAY)
    rng = np.random.default_rng(seed)
    feedback = np.array([None, None, None, "Lacked SQL depth", "more Python please"], dtype=object)
    table["feedback"] = pd.Series(feedback[rng.integers(0, len(feedback), rows)], dtype="str")
    table.loc[table.index[: rows // 20], "role_family"] = pd.NA
    return table


def test_grouping_identical_applications_gives_the_row_by_row_answer():
    table = _table(3_000, seed=11)
    # A per-row marker that names no skill makes every application its own group: the row-by-row path.
    unique = table.copy()
    marker = pd.Series([f" ref-{i}" for i in range(len(table))], index=table.index, dtype="str")
    unique["notes"] = marker
    for profile in ((), ("SQL", "Python"), ("Excel", "Figma")):
        grouped = analyse_skills(table, profile, TODAY)
        single = analyse_skills(unique, profile, TODAY)
        assert grouped.gaps == single.gaps
        assert grouped.strengths == single.strengths
        assert (grouped.with_skill_data, grouped.note) == (single.with_skill_data, single.note)
        pd.testing.assert_frame_equal(grouped.demand, single.demand, check_exact=False, rtol=1e-9)


def test_every_count_doubles_when_every_application_is_there_twice():
    table = _table(2_000, seed=12)
    once = analyse_skills(table, ("SQL",), TODAY)
    twice = analyse_skills(pd.concat([table, table], ignore_index=True), ("SQL",), TODAY)
    first = {g.skill: g for g in once.gaps}
    assert {g.skill for g in twice.gaps} == set(first)
    for gap in twice.gaps:
        for count in ("asked_by", "screening", "after_screen", "after_interviews", "offers", "in_feedback"):
            assert getattr(gap, count) == 2 * getattr(first[gap.skill], count), (gap.skill, count)
        # Twice the evidence: shrinkage pulls less, so the cost at least doubles.
        assert gap.score >= 2 * first[gap.skill].score - 2e-3
        assert gap.roles == first[gap.skill].roles


def test_pasting_into_a_large_table_touches_only_the_matching_rows():
    table = cohort(50_000, seed=13)
    table["source_file"] = pd.Series(np.where(np.arange(50_000) < 25_000, "a.csv", "b.csv"), dtype="str")
    table["source_row"] = np.concatenate([np.arange(2, 25_002), np.arange(2, 25_002)])
    pasted = {("a.csv", 10): "Needs Rust.", ("b.csv", 10): "Needs Go.", ("c.csv", 10): "Nobody."}
    out = with_pasted_descriptions(table, pasted)
    changed = np.flatnonzero(
        (out["job_description"].fillna("") != table["job_description"].fillna("")).to_numpy()
    )
    assert changed.tolist() == [8, 25_008]
    for position, text in ((8, "Needs Rust."), (25_008, "Needs Go.")):
        before = table["job_description"].iloc[position]
        expected = text if pd.isna(before) else f"{before}\n{text}"
        assert out["job_description"].iloc[position] == expected
