"""The sidebar every page shares: what data is loaded, the global filters, and where the search is kept."""

from __future__ import annotations

import streamlit as st

from nextround.text import escape_markdown
from ui import state
from ui.sidebar_filters import render_sidebar_filters
from ui.sidebar_store import render_store_controls


def render_sidebar() -> None:
    table = st.session_state.get(state.APPLICATIONS)
    with st.sidebar:
        if table is None:
            st.caption("No data loaded yet.")
        else:
            st.markdown(f"**{len(table):,} applications**")
            as_of = state.settings().reference_date()
            st.caption(f"From {escape_markdown(state.data_label())} · as of {as_of:%d %b %Y}")
    if table is not None:
        render_sidebar_filters(state.applications())
    render_store_controls()
