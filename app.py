"""Next Round: the frame. Page config, shared state (remembered on this computer), the shared sidebar,
and navigation. No logic."""

import streamlit as st

from ui import remember, state
from ui.navigation import HOME, SECTIONS
from ui.sidebar import render_sidebar

st.set_page_config(page_title="Next Round", page_icon="assets/page_icon.png", layout="wide")
state.init()
remember.restore()

page = st.navigation(
    {
        section: [
            st.Page(e.path, title=e.title, icon=e.icon, url_path=e.url_path, default=e.path == HOME)
            for e in entries
        ]
        for section, entries in SECTIONS.items()
    }
)
render_sidebar()
try:
    page.run()
finally:  # however the run ends (a rerun, a stop, a page switch), what changed is saved
    remember.save()
