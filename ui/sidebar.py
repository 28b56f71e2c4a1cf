"""The sidebar every page shares: what data is loaded, then the global filters."""

from __future__ import annotations

import streamlit as st

from nextround.text import escape_markdown
from ui import state
from ui.sidebar_filters import render_sidebar_filters


def render_sidebar() -> None:
    table = st.session_state.get(state.APPLICATIONS)
    with st.sidebar:
        if table is None:
            st.caption("No data loaded yet.")
            return
        st.markdown(f"**{len(table):,} applications**")
        st.caption(
            f"From {escape_markdown(state.data_label())} · as of {state.settings().reference_date():%d %b %Y}"
        )
    render_sidebar_filters(state.applications())
