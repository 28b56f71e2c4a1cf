"""Import: upload, review how the file was read, correct it, and download the cleaned data. The review
of the current search stays here after leaving the page; added files join it only when the user says so."""

import streamlit as st

from nextround.importing import InputError, SourceFile
from nextround.text import escape_markdown
from ui import import_review as review
from ui import import_session as session
from ui import state
from ui.loaders import import_uploads
from ui.navigation import ACTION_PLAN

ACCEPTED = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"]

st.title("Import your applications")
uploads = st.file_uploader(
    "Your spreadsheets (several files of the same kind are combined, e.g. LinkedIn's split export)",
    type=ACCEPTED,
    accept_multiple_files=True,
    key=session.uploader_key(),
)
added = tuple(SourceFile(u.name, u.getvalue()) for u in uploads or ())
if session.is_plan_workbook(added):
    review.start_new_upload(review.upload_token(added))
    session.forget_files()
    review.restore_plan(added)
    if st.button("Open your action plan", type="primary", icon=":material/checklist:"):
        st.switch_page(ACTION_PLAN)
    st.stop()
files = session.search_files(added)  # asks first when added files may be another search
if not files:
    if st.session_state.get(state.APPLICATIONS) is not None:
        st.caption("Your data came from your plan workbook, so there is no import to review.")
    else:
        st.caption(
            "Excel (.xlsx .xlsm .xls), LibreOffice (.ods) or text (.csv .tsv .txt). "
            "Nothing leaves this computer."
        )
        session.sample_button("No file at hand? Explore with sample data")
    st.stop()

token = review.upload_token(files)
review.start_new_upload(token)
try:
    result = import_uploads(files, review.options())
except InputError as error:
    st.error(escape_markdown(str(error)), icon=":material/error:")  # it names the file: user text
    st.stop()

review.adopt(result, session.label(files))
st.caption(
    f"Reviewing {session.names(files)}: your corrections so far are kept here. Files added above join this "
    "search only if you say they belong to it."
)

review.show_summary(result)
review.choose_sheet(result)
review.ask_date_order(result)
review.show_skipped_and_warnings(result)

st.subheader("How each column was read")
st.caption("Change “Read as” where a column was misread; the file is read again with your choice.")
review.review_mapping(result, token)

st.subheader("How each status was read")
st.caption(
    "Each distinct status text in your file, how many rows use it, and the furthest stage and outcome it "
    "was read as. Correct any line; every row with that text follows."
)
review.review_statuses(result, token)

st.subheader("Your applications")
st.caption("Fill in or correct stages and outcomes your file does not have (a LinkedIn export has none).")
review.edit_applications(token)
review.offer_downloads()
