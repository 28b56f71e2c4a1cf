"""Import: upload, review how the file was read, correct it, and download the cleaned data. The review
of the current search stays here after leaving the page; new files are compared with the search and
join it or replace it only when the user says so."""

import streamlit as st

from nextround.importing import InputError, SourceFile
from nextround.importing.errors import EXTENSIONS
from nextround.text import escape_markdown
from ui import import_review as review
from ui import import_session as session
from ui import since_last_time as since
from ui import state
from ui.loaders import import_uploads, is_sample
from ui.navigation import ACTION_PLAN

st.title("Import your applications")
if since.offer_back_to_search():
    st.stop()
uploads = st.file_uploader(
    "Your spreadsheets (several files of the same kind are combined, e.g. LinkedIn's split export)",
    type=list(EXTENSIONS),
    accept_multiple_files=True,
    key=session.uploader_key(),
)
added = tuple(SourceFile(u.name, u.getvalue()) for u in uploads or ())
files = session.search_files(added)  # the search's own files when nothing new was added
if not files:
    st.caption(
        "Excel (.xlsx .xlsm .xls), LibreOffice (.ods), text (.csv .tsv .txt), or a note (.md .txt) with a "
        "table or one heading or list item per application, or a tracker app's JSON export. "
        "Nothing leaves this computer."
    )
    session.sample_button("No file at hand? Explore with sample data")
    st.stop()

token = review.upload_token(files)
since.start_new_upload(token)
if session.is_plan_workbook(files):
    review.restore_plan(files)
    state.set_source(files, token)
    if added:
        session.clear_uploader()
        st.rerun()  # the uploader is drawn again, empty
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

sample = is_sample(files)  # its review, never remembered and never compared with a search
label = session.label(files)
if not sample and not since.decided(files, token, result, label):  # a search is there: add or replace?
    st.stop()
base = None if sample else st.session_state.get(state.MERGE_BASE)
changed = review.adopt(result, label if sample else since.label(label), base=base, sample=sample)
if added:  # these files are the search now; the review goes on with them, under an empty uploader
    session.clear_uploader()
if changed or added:
    st.rerun()  # the sidebar, drawn before this page, shows the new data (a correction's callback needs none)
if not since.show_latest():  # the outcome of a decision just made, or else the search as it stands
    since.show_search_summary()
st.caption(
    f"Reviewing {session.names(files)}: your corrections so far are kept here. A file added above is "
    "compared with this search first."
)

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
