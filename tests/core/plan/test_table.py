"""The plan as an editable table and back."""

from __future__ import annotations

from datetime import date

import pandas as pd

from nextround.action_items import ActionItem, Link
from nextround.plan.table import items_from_table, items_to_table, parse_links

TODAY = date(2026, 11, 25)
ITEMS = [
    ActionItem("a", "First", "why a", "follow-up", TODAY, "high", details="Subject: x\n\nbody\n"),
    ActionItem(
        "b",
        "Second",
        "why b",
        "skill/course",
        date(2026, 12, 1),
        links=(Link("Course", "https://e.org/?q=a;b"),),
    ),
    ActionItem("c", "Third", "why c", "application habits", date(2026, 11, 29), "low", status="doing"),
]


def test_items_survive_the_table():
    assert items_from_table(items_to_table(ITEMS), TODAY) == ITEMS


def test_the_order_column_reorders_and_blank_titles_remove():
    table = items_to_table(ITEMS)
    table.loc[0, "order"] = 9
    table.loc[1, "title"] = "  "
    assert [i.key for i in items_from_table(table, TODAY)] == ["c", "a"]


def test_rows_added_in_the_editor_get_keys_defaults_and_keep_their_place():
    table = items_to_table(ITEMS)
    added = pd.DataFrame(
        [
            {"title": "Call Jo", "category": "nonsense", "status": None, "priority": "HIGH", "due_on": None},
            {"title": "Call Jo", "category": "volunteering", "due_on": "2026-12-24"},
        ]
    )
    items = items_from_table(pd.concat([table, added], ignore_index=True), TODAY)
    assert [i.key for i in items][-2:] == ["custom:call-jo", "custom:call-jo-2"]
    first, second = items[-2:]
    assert (first.category, first.status, first.priority, first.due_on) == (
        "application habits",
        "to do",
        "high",
        TODAY,
    )
    assert (second.category, second.due_on) == ("volunteering", date(2026, 12, 24))


def test_links_text_parses_back():
    assert parse_links("Course <https://a.org/x?y=1>; <https://b.org>") == (
        Link("Course", "https://a.org/x?y=1"),
        Link("https://b.org", "https://b.org"),
    )
    assert parse_links(None) == ()
