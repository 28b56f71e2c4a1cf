"""Since last time in the app: a newer version of the tracker uploaded over the remembered search asks
"replace or add", brings the corrections along, says what changed, and is remembered with it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from nextround.action_items import ActionItem
from nextround.store import SearchStore
from nextround.store.location import STORE_NAME
from tests.fixtures.app import run_app, upload
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, csv_bytes
from ui import import_review, state
from ui.navigation import HOME, IMPORT

FIRST = ("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]), "text/csv")
NEWER_ROWS = [list(row) for row in TRACKER_ROWS]
NEWER_ROWS[4][3] = "Offer!"  # Hooli: the final round became an offer
NEWER_ROWS += [
    ["Wayne", "Data Analyst", "23/01/2025", "Applied", "LinkedIn", ""],
    ["Oscorp", "Data Analyst", "24/01/2025", "Rejected", "LinkedIn", ""],
]
NEWER = ("tracker (1).csv", csv_bytes([TRACKER_HEADER, *NEWER_ROWS]), "text/csv")
OTHER = (
    "other.csv",
    csv_bytes(
        [
            TRACKER_HEADER,
            TRACKER_ROWS[0],  # Acme again: a duplicate
            ["Wayne", "Data Analyst", "03/02/2025", "Interview", "LinkedIn", ""],
            ["Oscorp", "Data Analyst", "04/02/2025", "Rejected", "LinkedIn", ""],
        ]
    ),
    "text/csv",
)
PLAN = [
    ActionItem("gap:sql", "Take a SQL course", "", "skill/course", date(2026, 12, 1)),
    ActionItem("role:bi", "Try BI roles", "", "role targeting", date(2026, 12, 2)),
]


def _click(at: AppTest, starts: str) -> None:
    next(b for b in at.button if b.label.startswith(starts)).click().run()
    assert not at.exception, [e.value for e in at.exception]


def _table(at: AppTest):
    return at.session_state[state.APPLICATIONS]


def _outcome(at: AppTest, company: str) -> str:
    table = _table(at)
    return str(table.loc[table["company"] == company, "outcome"].iloc[0])


def _first_search() -> None:
    """Last time: the tracker uploaded, Globex corrected to rejected, a plan made."""
    at = upload(run_app(), FIRST)
    at.session_state[import_review.CELL_EDITS] = {("tracker.csv", 3): {"outcome": "rejected"}}
    at.session_state[state.PLAN] = PLAN
    at.run()
    assert _outcome(at, "Globex") == "rejected"


def test_a_newer_version_asks_before_it_replaces_anything(data_folder: Path):
    _first_search()
    at = upload(run_app(), NEWER)
    assert any(s.value == "You already have a search here" for s in at.subheader)
    assert any("**6** of them are already in your search" in m.value for m in at.markdown)
    replace_button = next(b for b in at.button if b.label.startswith("Replace"))
    assert replace_button.proto.type == "primary"  # most of the search is in it: a newer version
    assert len(_table(at)) == 6  # nothing changed yet
    at.run()  # the question is still open: the remembered search still has its own corrections
    saved = SearchStore(data_folder / STORE_NAME).read()
    assert '"outcome": "rejected"' in saved.parts["cell_edits"]
    assert len(saved.tables["applications"]) == 6


def test_replace_brings_the_corrections_along_and_says_what_changed(data_folder: Path):
    _first_search()
    at = run_app()
    plan = at.session_state[state.PLAN]
    at.session_state[state.PLAN] = [replace(plan[0], status="done"), plan[1]]  # ticked since then
    at.run()
    upload(at, NEWER)
    _click(at, "Replace")
    table = _table(at)
    assert len(table) == 8
    assert _outcome(at, "Globex") == "rejected"  # the correction came along to its new row
    assert _outcome(at, "Hooli") == "offer"  # the file's newer word
    assert set(table["source_file"]) == {"tracker (1).csv"}
    assert any("1 of your corrected cells came along" in s.value for s in at.success)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["New applications"] == "2"
    assert metrics["Plan actions done"] == "1"
    text = " ".join(m.value for m in at.markdown)
    assert "Hooli" in text and "Final round, waiting → **Offer**" in text
    assert "Response rate 5 of 6 → 6 of 8 since" in text
    assert "Take a SQL course" in text

    again = run_app()  # everything of it is remembered
    assert len(_table(again)) == 8
    welcome = " ".join(i.value for i in again.info)
    assert "8 applications" in welcome and "2 new applications" in welcome
    checkpoint = again.session_state[state.CHECKPOINT]
    assert checkpoint.label == "tracker (1).csv" and checkpoint.done_keys == {"gap:sql"}


def test_add_counts_the_duplicates_once_and_survives_a_restart():
    _first_search()
    at = upload(run_app(), OTHER)
    assert any("**1** of them are already in your search" in m.value for m in at.markdown)
    _click(at, "Add")
    table = _table(at)
    assert len(table) == 8  # 6 + 3 - the one Acme already there
    assert (table["company"] == "Acme Ltd").sum() == 1
    assert _outcome(at, "Globex") == "rejected"  # the earlier search kept its correction
    assert at.session_state[state.DATA_LABEL] == "tracker.csv + other.csv"

    again = run_app()
    assert len(_table(again)) == 8
    upload(again, OTHER)  # the same files again: no question, the same search
    assert not any(s.value == "You already have a search here" for s in again.subheader)
    assert len(_table(again)) == 8


def test_a_correction_to_the_newer_file_is_remembered_with_it():
    _first_search()
    at = upload(run_app(), NEWER)
    _click(at, "Replace")
    statuses = at.session_state[state.IMPORT_RESULT].report.statuses
    key = statuses.loc[statuses["raw"] == "No response", "key"].iloc[0]
    options = at.session_state[import_review.OPTIONS]
    at.session_state[import_review.OPTIONS] = replace(options, status_overrides={key: ("screen", "rejected")})
    at.run()
    assert _outcome(at, "Stark") == "rejected"
    assert _outcome(run_app(), "Stark") == "rejected"


def test_the_import_page_shows_the_search_and_the_welcome_page_welcomes_back():
    _first_search()
    at = run_app()
    assert any("Welcome back" in i.value and "6 applications" in i.value for i in at.info)
    at.switch_page(IMPORT).run()
    assert any(m.value.startswith("Your search: **6 applications**") for m in at.markdown)


def test_exploring_the_sample_sends_the_user_back_to_their_search_before_anupload():
    _first_search()
    at = run_app()
    at.switch_page(HOME).run()
    _click(at, "Explore with sample data")
    at.switch_page(IMPORT).run()
    assert not at.file_uploader  # a new file would be compared with the sample
    assert any("exploring the sample" in i.value for i in at.info)
    next(b for b in at.button if b.key == "since_back").click().run()
    assert not at.exception
    assert len(_table(at)) == 6
    at.switch_page(IMPORT).run()
    assert at.file_uploader


def test_a_file_without_applications_cannot_replace_the_search(data_folder: Path):
    _first_search()
    header_only = ("empty.csv", csv_bytes([TRACKER_HEADER]), "text/csv")
    at = upload(run_app(), header_only)
    assert any("has a header but no rows below it" in w.value for w in at.warning)
    replace_button = next(b for b in at.button if b.label.startswith("Replace"))
    assert replace_button.disabled and replace_button.proto.type == "secondary"
    assert any(c.value == "It has no applications: your search would be empty." for c in at.caption)
    assert any("This file has no applications." in m.value for m in at.markdown)
    assert not any("of them are already in your search" in m.value for m in at.markdown)
    assert len(_table(at)) == 6  # the search is untouched
