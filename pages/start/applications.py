"""Applications: every application with its furthest stage, its outcome and the evidence for them. Find
and narrow them (or arrive from a part of a chart), and correct them: every page follows."""

import streamlit as st

from nextround.analysis.listing import build_application_list
from ui import state
from ui.application_table import application_query, application_table
from ui.memo import remembered

st.title("Your applications")
applications = state.require_applications()
settings = state.settings()
query = application_query()
listing = remembered("application_list", build_application_list, applications, settings, query)
application_table(listing, query)
