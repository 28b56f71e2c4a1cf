"""A table goes into the store and comes back exactly: every dtype, evidence included."""

from __future__ import annotations

import pandas as pd
import pytest

from nextround.importing import ImportOptions, SourceFile, import_files
from nextround.model import empty_applications
from nextround.resources import data_path
from nextround.store.frames import table_bytes, table_from_bytes
from tests.fixtures.synthetic import cohort


def _sample() -> pd.DataFrame:
    path = data_path("sample_applications.xlsx")
    return import_files([SourceFile(path.name, path.read_bytes())], ImportOptions()).applications


@pytest.mark.parametrize(
    "table", [_sample(), cohort(2_000), empty_applications()], ids=["sample", "cohort", "empty"]
)
def test_a_table_comes_back_exactly(table: pd.DataFrame):
    back = table_from_bytes(table_bytes(table))
    pd.testing.assert_frame_equal(back, table)


def test_the_evidence_and_the_stage_order_survive():
    table = _sample()
    back = table_from_bytes(table_bytes(table))
    assert back["stage_reached"].cat.ordered
    assert list(back["stage_reached"].cat.categories) == ["applied", "screen", "interview", "final", "offer"]
    assert back["stage_evidence"].tolist() == table["stage_evidence"].tolist()
    assert back["stage_evidence"].notna().sum() > 0


def test_a_column_of_numbers_beside_text_is_kept_as_text():
    table = empty_applications().reindex(range(4))
    table["Salary"] = pd.Series([50_000, "about 60k", None, 55_000.5], dtype=object)
    back = table_from_bytes(table_bytes(table))
    assert back["Salary"].tolist()[:2] == ["50000", "about 60k"]
    assert pd.isna(back["Salary"].iloc[2])
    assert back["Salary"].iloc[3] == "55000.5"
