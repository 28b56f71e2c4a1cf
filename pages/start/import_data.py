"""Import: upload, review how the file was read, correct it, and download the cleaned data."""

import streamlit as st

from nextround.importing import InputError, SourceFile
from nextround.text import escape_markdown
from ui import import_review as review
from ui import since_last_time as since
from ui import state
from ui.loaders import import_uploads, use_sample
from ui.navigation import ACTION_PLAN, OVERVIEW

ACCEPTED = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"]

st.title("Import your applications")
if since.offer_back_to_search():
    st.stop()
uploads = st.file_uploader(
    "Your spreadsheets (several files of the same kind are combined, e.g. LinkedIn's split export)",
    type=ACCEPTED,
    accept_multiple_files=True,
)
if not uploads:
    since.show_search_summary()
    st.caption(
        "Excel (.xlsx .xlsm .xls), LibreOffice (.ods) or text (.csv .tsv .txt). Nothing leaves this computer."
    )
    if st.button("No file at hand? Explore with sample data", icon=":material/science:"):
        use_sample()
        st.switch_page(OVERVIEW)
    st.stop()

files = tuple(SourceFile(u.name, u.getvalue()) for u in uploads)
token = review.upload_token(files)
since.start_new_upload(token)
if review.restore_plan(files):
    state.set_source(files, token)
    if st.button("Open your action plan", type="primary", icon=":material/checklist:"):
        st.switch_page(ACTION_PLAN)
    st.stop()
try:
    result = import_uploads(files, review.options())
except InputError as error:
    st.error(escape_markdown(str(error)), icon=":material/error:")  # it names the file: user text
    if st.session_state.get(state.APPLICATIONS) is not None:
        st.caption("Nothing was changed: the data you had loaded before is still there.")
    st.stop()

label = ", ".join(f.name for f in files)
if not since.decided(files, token, result, label):  # a search is there: add to it, or replace it?
    st.stop()
review.adopt(result, since.label(label), base=st.session_state.get(state.MERGE_BASE))
since.show_latest()

review.show_summary(result)
review.ask_questions(result, token)
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
