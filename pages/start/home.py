"""Welcome: what Next Round does, in two sentences, and the two ways to start."""

import streamlit as st

from ui import since_last_time as since
from ui.import_session import sample_button
from ui.navigation import IMPORT

st.title("Next Round")
since.welcome_back()
st.markdown(
    "Upload the spreadsheet of job applications you already keep, and Next Round shows you honestly "
    "where you are being turned down — at screening, in interviews or in the final round — and for "
    "which roles. Then it turns that into a dated action plan: skills to build, roles that fit better, "
    "and follow-up emails ready to send."
)

upload_col, sample_col = st.columns(2)
with upload_col:
    st.subheader("Your own data")
    st.caption("Excel, CSV, LinkedIn or Simplify exports, Google Sheets downloads — however messy.")
    if st.button("Upload your spreadsheet", type="primary", icon=":material/upload_file:"):
        st.switch_page(IMPORT)
with sample_col:
    st.subheader("Just looking?")
    st.caption("A made-up job search of about 200 applications, to see what you will get.")
    sample_button()

st.divider()
st.caption(
    ":material/lock: Everything stays on this computer: nothing you upload is sent anywhere, and "
    "columns with other people's contact details are left out unless you ask to keep them. Your search "
    "is remembered on this computer only, until you choose “Forget everything” in the sidebar."
)
