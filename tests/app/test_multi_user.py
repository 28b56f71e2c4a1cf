"""Two sessions of the app at once never see each other's data, and cached imports are not shared objects."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.fixtures.app import ROOT
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, csv_bytes
from ui import state
from ui.navigation import IMPORT, OVERVIEW

TRACKER = ("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]), "text/csv")
OTHER_ROWS = [["Wayne Enterprises", "Data Analyst", "03/02/2025", "Interview", "LinkedIn", ""]] * 3


def _app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _with_sample() -> AppTest:
    at = _app()
    next(b for b in at.button if b.label == "Explore with sample data").click().run()
    assert not at.exception
    return at


def _with_upload(*files: tuple[str, bytes, str]) -> AppTest:
    at = _app()
    at.switch_page(IMPORT).run()
    at.file_uploader[0].set_value(list(files)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _overview_count(at: AppTest) -> str:
    at.switch_page(OVERVIEW).run()
    assert not at.exception, [e.value for e in at.exception]
    return next(m.value for m in at.metric if m.label == "Applications")


def test_sample_in_one_session_and_an_upload_in_the_other_stay_apart():
    sample = _with_sample()
    upload = _with_upload(TRACKER)
    sample_table = sample.session_state[state.APPLICATIONS]
    upload_table = upload.session_state[state.APPLICATIONS]
    assert len(upload_table) == 6
    assert len(sample_table) > 150
    assert set(upload_table["company"]) == {row[0] for row in TRACKER_ROWS}
    assert not set(upload_table["company"]) & set(sample_table["company"])
    # Each page shows its own session's counts, also after the other session ran again.
    sample.run()
    assert _overview_count(upload) == "6"
    assert _overview_count(sample) == f"{len(sample_table):,}"
    assert sample.session_state[state.DATA_LABEL] == "the sample data"
    assert upload.session_state[state.DATA_LABEL] == "tracker.csv"


def test_two_interleaved_uploads_keep_their_own_rows():
    # AppTest sessions cannot run in parallel threads of one process (its runtime is torn down by
    # whichever finishes first), so the two sessions interleave here; truly concurrent sessions are
    # covered by tests/browser/test_multi_user_browser.py against one running server.
    first, second = _app(), _app()
    for at in (first, second):
        at.switch_page(IMPORT).run()
    first.file_uploader[0].set_value([TRACKER])
    second.file_uploader[0].set_value([("other.csv", csv_bytes([TRACKER_HEADER, *OTHER_ROWS]), "text/csv")])
    first.run()
    second.run()
    first.run()
    assert not first.exception and not second.exception
    assert len(first.session_state[state.APPLICATIONS]) == 6
    assert set(second.session_state[state.APPLICATIONS]["company"]) == {"Wayne Enterprises"}
    assert _overview_count(first) == "6"
    assert _overview_count(second) == "3"


def test_the_same_file_in_two_sessions_gives_each_its_own_copy():
    # The import cache is keyed by the bytes, so both sessions hit one entry; each must still get its own
    # objects, or an edit in one session would change the other's data.
    first, second = _with_upload(TRACKER), _with_upload(TRACKER)
    mine, theirs = first.session_state[state.APPLICATIONS], second.session_state[state.APPLICATIONS]
    assert mine is not theirs
    assert first.session_state[state.IMPORT_RESULT] is not second.session_state[state.IMPORT_RESULT]
    mine.loc[mine.index[0], "company"] = "Changed in session one"
    assert theirs["company"].iloc[0] == "Acme Ltd"
    assert _overview_count(second) == "6"
