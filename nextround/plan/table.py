"""The plan as a table (one row per item) and back: for the editor, the CSV and the XLSX sheet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Final, TypeVar

import pandas as pd

from nextround.action_items import CATEGORIES, PRIORITIES, STATUSES, ActionItem, Link

# Column -> header shown in the editor and the files.
PLAN_COLUMNS: Final[dict[str, str]] = {
    "order": "#",
    "title": "Action",
    "why": "Why",
    "category": "Category",
    "due_on": "Due",
    "priority": "Priority",
    "status": "Status",
    "links": "Links",
    "details": "Details",
    "key": "Key",
}
T = TypeVar("T", bound=str)
_LINK = re.compile(r"\s*(.*?)\s*<([^<>]*)>\s*(?:;|$)")


def links_text(links: Sequence[Link]) -> str:
    return "; ".join(f"{link.label} <{link.url}>" for link in links)


def parse_links(text: object) -> tuple[Link, ...]:
    if not isinstance(text, str) or not text.strip():
        return ()
    return tuple(
        Link(label=m.group(1) or m.group(2), url=m.group(2)) for m in _LINK.finditer(text) if m.group(2)
    )


def items_to_table(items: Sequence[ActionItem]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "order": pd.Series(range(1, len(items) + 1), dtype="int64"),
            "title": pd.Series([i.title for i in items], dtype="str"),
            "why": pd.Series([i.why for i in items], dtype="str"),
            "category": pd.Series([i.category for i in items], dtype="str"),
            "due_on": pd.Series([pd.Timestamp(i.due_on) for i in items], dtype="datetime64[ns]"),
            "priority": pd.Series([i.priority for i in items], dtype="str"),
            "status": pd.Series([i.status for i in items], dtype="str"),
            "links": pd.Series([links_text(i.links) for i in items], dtype="str"),
            "details": pd.Series([i.details for i in items], dtype="str"),
            "key": pd.Series([i.key for i in items], dtype="str"),
        }
    )


def items_from_table(table: pd.DataFrame, today: date) -> list[ActionItem]:
    """Items in the table's "order" (then row order); rows without a title are dropped, unknown
    categories, priorities and statuses fall back to defaults, new rows get a key from their title."""
    table = table.reset_index(drop=True)
    if "order" in table.columns:
        order = pd.to_numeric(table["order"], errors="coerce")
        table = table.assign(_pos=order.fillna(len(table) + 1 + table.index.to_series()))
        table = table.sort_values("_pos", kind="stable")
    items: list[ActionItem] = []
    used: set[str] = set()
    for row in table.to_dict("records"):  # a plan has tens of rows
        title = _text(row.get("title"))
        if not title:
            continue
        key = _text(row.get("key")) or _new_key(title, used)
        if key in used:
            key = _new_key(title, used)
        used.add(key)
        items.append(
            ActionItem(
                key=key,
                title=title,
                why=_text(row.get("why")),
                category=_choice(row.get("category"), CATEGORIES, "application habits"),
                due_on=_date(row.get("due_on")) or today,
                priority=_choice(row.get("priority"), PRIORITIES, "medium"),
                links=parse_links(row.get("links")),
                status=_choice(row.get("status"), STATUSES, "to do"),
                details=_text(row.get("details"), strip=False),
            )
        )
    return items


def _text(value: object, *, strip: bool = True) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip() if strip else str(value)


def _choice(value: object, allowed: Sequence[T], default: T) -> T:
    text = _text(value).casefold()
    return next((choice for choice in allowed if choice == text), default)


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    stamp = pd.to_datetime(value, errors="coerce")
    return None if pd.isna(stamp) else stamp.date()


def _new_key(title: str, used: set[str]) -> str:
    base = "custom:" + (re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:40] or "item")
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    return key
