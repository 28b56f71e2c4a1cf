"""Spreadsheet formula neutralisation (OWASP CSV injection) and its exact undo."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.formula_guard import FORMULA_TRIGGERS, neutralise_cell, neutralise_frame, restore_cell
from tests.fixtures.hostile import FORMULAS


@pytest.mark.parametrize("value", FORMULAS)
def test_hostile_text_gets_a_leading_apostrophe(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Körber", "", "'quoted", "Acme = good", 5, -2.5, None, True])
def test_harmless_values_are_unchanged(value):
    assert neutralise_cell(value) == value


def test_an_apostrophe_before_a_trigger_is_doubled_so_restore_is_exact():
    assert neutralise_cell("'=1") == "''=1"
    assert restore_cell("''=1") == "'=1"
    assert restore_cell("'quoted") == "'quoted"


@settings(deadline=None)  # timing varies on a shared machine; correctness does not
@given(st.text(max_size=30))
def test_restore_undoes_neutralise(text):
    assert restore_cell(neutralise_cell(text)) == text
    out = neutralise_cell(text)
    assert not str(out).startswith(FORMULA_TRIGGERS)


def test_frames_are_neutralised_per_column_type():
    frame = pd.DataFrame(
        {
            "company": pd.Series([*FORMULAS, "Körber", None], dtype="str"),
            "mixed": pd.Series(["=1", 2, None, "ok", -3, "@x", "-", "+"], dtype=object),
            "number": [-1, 2, -3, 4, 5, 6, 7, 8],
            "stage": pd.Categorical(
                ["applied", "=cat", "applied", "applied", "applied", "applied", "applied", "x"]
            ),
        }
    )
    out = neutralise_frame(frame)
    assert list(out["company"][:6]) == ["'" + h for h in FORMULAS]
    assert out["company"][6] == "Körber"
    assert pd.isna(out["company"][7])
    assert list(out["mixed"]) == ["'=1", 2, None, "ok", -3, "'@x", "'-", "'+"]
    assert list(out["number"]) == [-1, 2, -3, 4, 5, 6, 7, 8]
    assert out["stage"][1] == "'=cat"
    assert out["company"].dtype == frame["company"].dtype
    assert frame["company"][0] == FORMULAS[0]  # the input is not modified
