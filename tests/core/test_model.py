import pandas as pd

from nextround.model import CANONICAL_COLUMNS, STAGES, conform, empty_applications, extra_columns


def test_empty_table_has_every_canonical_column_in_order():
    table = empty_applications()
    assert tuple(table.columns) == CANONICAL_COLUMNS
    assert list(table["stage_reached"].cat.categories) == list(STAGES)
    assert table["stage_reached"].cat.ordered


def test_conform_adds_missing_columns_and_keeps_the_users_own_after_them():
    table = conform(pd.DataFrame({"company": ["Acme"], "CV version": ["v2"], "stage_reached": ["screen"]}))
    assert tuple(table.columns[: len(CANONICAL_COLUMNS)]) == CANONICAL_COLUMNS
    assert extra_columns(table) == ["CV version"]
    assert table.loc[0, "source_row"] == 1
    assert not table.loc[0, "ghosted_inferred"]
    assert table["stage_reached"].iloc[0] > "applied"
