"""The plan as cards: each action whole (its title, why, links, due date and status), with a tick that
marks it done through ``plan_editor`` (the plan's only writer)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from nextround.action_items import ActionItem
from nextround.text import escape_markdown
from ui import plan_editor


def plan_cards(plan: Sequence[ActionItem], today: date) -> None:
    for index, item in enumerate(plan):
        with st.container(border=True):
            done = item.status == "done"
            st.checkbox(
                f"**{escape_markdown(item.title)}**",
                value=done,
                # The status is part of the key: marked in the table, the card shows it at once.
                key=f"plan_card_{index}_{item.key}_{item.status}",
                on_change=plan_editor.set_status,
                args=(item.key, "to do" if done else "done"),
            )
            st.caption(
                " · ".join((_due(item, today), f"{item.priority} priority", item.category, item.status))
            )
            if item.why:
                st.markdown(escape_markdown(item.why))
            if item.links:
                st.markdown(" · ".join(f"[{escape_markdown(link.label)}]({link.url})" for link in item.links))
            if item.details:
                emails = item.category in ("follow-up", "feedback request")
                with st.expander(
                    "The e-mail, ready to send" if emails else "Details", icon=":material/notes:"
                ):
                    st.text(item.details)


def _due(item: ActionItem, today: date) -> str:
    days = (item.due_on - today).days
    when = f"{item.due_on:%a %d %b %Y}"
    if item.status == "done":
        return f"due {when}"
    if days < 0:
        return f"overdue since {when}"
    return "due today" if days == 0 else f"due {when}"
