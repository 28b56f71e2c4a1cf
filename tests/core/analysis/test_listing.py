"""The Applications page's table: search, stage and outcome choices, a chart's drill, and the evidence."""

from __future__ import annotations

from datetime import date

import pandas as pd

from nextround.analysis.drill import funnel_drill
from nextround.analysis.listing import ListQuery, build_application_list
from nextround.ghosting import GhostingPolicy, apply_ghosting
from nextround.model import conform
from nextround.settings import AnalysisSettings
from tests.fixtures.synthetic import synthetic_applications

SETTINGS = AnalysisSettings(ghosting=GhostingPolicy(30, 21), as_of=date(2025, 6, 30))


def _table() -> pd.DataFrame:
    return conform(
        pd.DataFrame(
            {
                "source_file": ["a.xlsx"] * 4 + ["b.csv"],
                "source_row": [2, 3, 4, 5, 2],
                "company": ["Acme", "Globex", "Initech", "acme labs", "Hooli"],
                "role": ["Data Analyst", "BI Developer", "Data Engineer", "Analyst", "Data Scientist"],
                "stage_reached": ["screen", "applied", "interview", "applied", "final"],
                "outcome": ["rejected", "pending", "rejected", "pending", "offer"],
                "stage_evidence": ["Phone Screen: Y", None, "Interviews: 2", None, "Status: offer"],
                "outcome_evidence": ["Status: Rejected", None, "Status: no", None, "Status: offer"],
                "applied_on": pd.to_datetime(
                    ["2025-06-01", "2025-04-01", "2025-05-01", "2025-06-20", "2025-03-01"]
                ),
                "notes": [None, "recruiter said they'd call", None, None, None],
            }
        )
    )


def _listed(query: ListQuery) -> list[str]:
    table = apply_ghosting(_table(), SETTINGS.ghosting, SETTINGS.reference_date())
    return build_application_list(table, SETTINGS, query).rows["company"].tolist()


def test_no_query_lists_everything_with_its_evidence_and_keys():
    table = apply_ghosting(_table(), SETTINGS.ghosting, SETTINGS.reference_date())
    listed = build_application_list(table, SETTINGS, ListQuery())
    assert (listed.total, listed.matched, len(listed.rows)) == (5, 5, 5)
    assert listed.keys == (("a.xlsx", 2), ("a.xlsx", 3), ("a.xlsx", 4), ("a.xlsx", 5), ("b.csv", 2))
    acme = listed.rows.iloc[0]
    assert (acme["stage_evidence"], acme["outcome_evidence"]) == ("Phone Screen: Y", "Status: Rejected")
    assert acme["applied_on"] == date(2025, 6, 1)  # a date, as the grid's date column wants


def test_inferred_ghosting_says_so_in_the_evidence():
    table = apply_ghosting(_table(), SETTINGS.ghosting, SETTINGS.reference_date())
    rows = build_application_list(table, SETTINGS, ListQuery()).rows.set_index("company")
    assert rows.loc["Globex", "outcome"] == "ghosted"  # pending since April, 30 days allowed
    assert rows.loc["Globex", "outcome_evidence"] == "no news for over 30 days (inferred)"
    assert rows.loc["acme labs", "outcome"] == "pending"  # ten days only


def test_search_ignores_case_and_looks_in_notes_and_evidence():
    assert _listed(ListQuery(text="ACME")) == ["Acme", "acme labs"]
    assert _listed(ListQuery(text="recruiter said")) == ["Globex"]
    assert _listed(ListQuery(text="phone screen")) == ["Acme"]
    assert _listed(ListQuery(text="  b.csv ")) == ["Hooli"]
    assert _listed(ListQuery(text="(a|b)")) == []  # words, not a pattern


def test_stages_and_outcomes_narrow_as_the_charts_count():
    assert _listed(ListQuery(stages=("applied",))) == ["Globex", "acme labs"]
    assert _listed(ListQuery(outcomes=("ghosted",))) == ["Globex"]  # inferred ghosting is ghosting
    assert _listed(ListQuery(outcomes=("rejected",), stages=("interview",))) == ["Initech"]
    # An offer counts at the offer stage, as on the funnel.
    assert _listed(ListQuery(stages=("offer",))) == ["Hooli"]


def test_a_drill_and_a_search_combine():
    drill = funnel_drill("applied", "passed")
    assert _listed(ListQuery(drill=drill)) == ["Acme", "Initech", "Hooli"]
    assert _listed(ListQuery(drill=drill, text="data")) == ["Acme", "Initech", "Hooli"]
    assert _listed(ListQuery(drill=drill, text="analyst")) == ["Acme"]


def test_a_large_table_lists_the_first_rows_and_counts_them_all():
    table = synthetic_applications(12_000, seed=5)
    listed = build_application_list(table, SETTINGS, ListQuery(text="data"), limit=1_000)
    assert listed.matched > 1_000
    assert len(listed.rows) == len(listed.keys) == 1_000
    assert listed.total == 12_000
