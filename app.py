"""Next Round: the frame. Page config, shared state, the shared sidebar, and navigation. No logic."""

import streamlit as st

from ui import state
from ui.sidebar import render_sidebar

st.set_page_config(page_title="Next Round", page_icon="assets/page_icon.png", layout="wide")
state.init()

pages = {
    "Start": [
        st.Page("app_pages/home.py", title="Welcome", icon=":material/home:", default=True),
        st.Page("app_pages/import_data.py", title="Import", icon=":material/upload_file:"),
    ],
    "Where am I losing?": [
        st.Page("app_pages/overview.py", title="Overview", icon=":material/insights:"),
        st.Page("app_pages/rejections.py", title="Rejections", icon=":material/block:"),
        st.Page("app_pages/trends.py", title="Trends", icon=":material/show_chart:"),
    ],
    "What do I do next?": [
        st.Page("app_pages/skill_gaps.py", title="Skill gaps", icon=":material/school:"),
        st.Page("app_pages/follow_ups.py", title="Follow-ups", icon=":material/mail:"),
        st.Page("app_pages/action_plan.py", title="Action plan", icon=":material/checklist:"),
    ],
}
page = st.navigation(pages)
render_sidebar()
page.run()
