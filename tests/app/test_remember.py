"""The search is remembered on this computer only: a new session finds everything the last one left,
"Forget everything" leaves no file, "don't remember" writes nothing, the sample never overwrites the
user's own search, and on a network each visitor has a store of their own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from nextround.action_items import ActionItem
from nextround.ghosting import GhostingPolicy
from nextround.store import SearchStore
from nextround.store.location import REMEMBER_VARIABLE, STORE_NAME
from tests.fixtures.app import run_app, upload
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, csv_bytes
from ui import import_review, remember, sidebar_filters, state
from ui.navigation import ACTION_PLAN, IMPORT, OVERVIEW

TRACKER = ("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]), "text/csv")
PLAN = [
    ActionItem(
        "gap:sql", "Take a SQL course", "Asked by 4 roles", "skill/course", date(2026, 12, 1), status="done"
    ),
    ActionItem(
        "follow-up:1", "Thank Acme", "Rejected last week", "follow-up", date(2026, 12, 2), status="done"
    ),
    ActionItem("role:bi", "Try BI roles", "Your best pass rate", "role targeting", date(2026, 12, 3)),
]


def _uploaded() -> AppTest:
    return upload(run_app(), TRACKER)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _correct_a_status(at: AppTest) -> None:
    """What the status editor's callback stores: "Applied" read as a screen, still pending."""
    statuses = at.session_state[state.IMPORT_RESULT].report.statuses
    key = statuses.loc[statuses["raw"] == "Applied", "key"].iloc[0]
    options = at.session_state[import_review.OPTIONS]
    at.session_state[import_review.OPTIONS] = replace(options, status_overrides={key: ("screen", "pending")})
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_new_session_finds_the_upload_its_corrections_and_everything_else(data_folder: Path):
    at = _uploaded()
    _correct_a_status(at)
    assert (at.session_state[state.APPLICATIONS]["stage_reached"] == "screen").sum() == 2
    at.session_state[state.PROFILE] = ("SQL", "Excel")
    at.session_state[state.FOLLOWED_UP] = {"follow-up:1"}
    at.session_state[state.FOLLOWUP_DRAFTS] = {"follow-up:1": "Dear Acme, thank you."}
    at.number_input(key=sidebar_filters.DAYS_AFTER_APPLYING_KEY).set_value(45)
    at.number_input(key=sidebar_filters.DAYS_AFTER_CONTACT_KEY).set_value(14)
    at.session_state[state.PLAN] = PLAN
    at.switch_page(OVERVIEW).run()
    assert _files(data_folder) == [data_folder / STORE_NAME]

    again = run_app()  # a reload, or the server started again: a new session
    table = again.session_state[state.APPLICATIONS]
    pd.testing.assert_frame_equal(table, at.session_state[state.APPLICATIONS])
    assert (table["stage_reached"] == "screen").sum() == 2
    assert "Status: Applied" in set(table["stage_evidence"])  # the evidence comes back too
    assert again.session_state[state.DATA_LABEL] == "tracker.csv"
    assert again.session_state[import_review.OPTIONS] == at.session_state[import_review.OPTIONS]
    assert again.session_state[state.SOURCE_FILES][0].data == TRACKER[1]
    assert again.session_state[state.PROFILE] == ("SQL", "Excel")
    assert again.session_state[state.FOLLOWED_UP] == {"follow-up:1"}
    assert again.session_state[state.FOLLOWUP_DRAFTS] == {"follow-up:1": "Dear Acme, thank you."}
    assert again.session_state[state.SETTINGS].ghosting == GhostingPolicy(45, 14)
    assert again.session_state[state.PLAN] == PLAN
    again.switch_page(ACTION_PLAN).run()
    assert not again.exception
    assert any(p.value == 2 / 3 or "2 of 3 actions done" in str(p.text) for p in again.get("progress"))


def test_the_same_file_uploaded_again_keeps_its_corrections():
    at = _uploaded()
    _correct_a_status(at)
    again = run_app()
    again.switch_page(IMPORT).run()
    again.file_uploader[0].set_value([TRACKER]).run()
    assert not again.exception
    assert (again.session_state[state.APPLICATIONS]["stage_reached"] == "screen").sum() == 2


def _forget(at: AppTest) -> None:
    next(b for b in at.button if b.label == "Forget everything now").click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_forget_everything_leaves_no_file_and_an_empty_session(data_folder: Path):
    at = _uploaded()
    at.session_state[state.PLAN] = PLAN
    at.run()
    assert _files(data_folder)
    _forget(at)
    assert _files(data_folder) == []
    assert at.session_state[state.APPLICATIONS] is None
    assert at.session_state[state.PLAN] is None
    at.switch_page(OVERVIEW).run()  # running on writes nothing back
    assert _files(data_folder) == []
    assert run_app().session_state[state.APPLICATIONS] is None


def test_dont_remember_removes_the_store_and_writes_nothing_more(data_folder: Path):
    at = _uploaded()
    assert _files(data_folder)
    at.toggle(key=remember.TOGGLE).set_value(False).run()
    assert not at.exception
    assert _files(data_folder) == []
    assert len(at.session_state[state.APPLICATIONS]) == 6  # this tab keeps its data
    at.session_state[state.PROFILE] = ("SQL",)
    at.switch_page(OVERVIEW).run()
    assert _files(data_folder) == []
    assert any("Nothing of your search is written" in c.value for c in at.sidebar.caption)
    at.toggle(key=remember.TOGGLE).set_value(True).run()  # changed their mind: all of it is saved now
    assert SearchStore(data_folder / STORE_NAME).read().parts["profile"] == '["SQL"]'


def test_with_remembering_turned_off_for_the_app_nothing_is_ever_written(
    data_folder: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv(REMEMBER_VARIABLE, "off")
    at = _uploaded()
    at.switch_page(OVERVIEW).run()
    assert not at.exception
    assert _files(data_folder) == []
    assert remember.TOGGLE not in [t.key for t in at.toggle]  # nothing to choose
    assert any("turned off for this app" in c.value for c in at.sidebar.caption)


def test_the_sample_never_overwrites_the_users_own_search(data_folder: Path):
    at = _uploaded()
    at.session_state[state.PLAN] = PLAN
    at.run()
    store = SearchStore(data_folder / STORE_NAME)
    before = store.read()
    at.switch_page("pages/start/home.py").run()
    next(b for b in at.button if b.label == "Explore with sample data").click().run()
    assert len(at.session_state[state.APPLICATIONS]) > 150
    at.session_state[state.PLAN] = PLAN[:1]
    at.run()
    after = store.read()
    assert after.parts == before.parts
    pd.testing.assert_frame_equal(after.tables["applications"], before.tables["applications"])
    next(b for b in at.button if b.label == "Back to your search").click().run()
    assert not at.exception
    assert len(at.session_state[state.APPLICATIONS]) == 6
    assert at.session_state[state.PLAN] == PLAN


def test_an_unreadable_store_is_said_left_alone_and_can_be_forgotten(data_folder: Path):
    path = data_folder / STORE_NAME
    path.write_bytes(b"not a database" * 50)
    at = run_app()
    assert any("could not be opened" in w.value for w in at.sidebar.warning)
    at.switch_page(IMPORT).run()
    at.file_uploader[0].set_value([TRACKER]).run()
    assert not at.exception
    assert path.read_bytes() == b"not a database" * 50  # nothing saved over it
    _forget(at)
    assert _files(data_folder) == []


def test_a_save_that_fails_is_said_and_the_page_goes_on(data_folder: Path, monkeypatch: pytest.MonkeyPatch):
    blocked = data_folder / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(blocked))
    at = _uploaded()
    assert not at.exception
    at.run()
    assert any("could not be saved" in w.value for w in at.sidebar.warning)
    assert len(at.session_state[state.APPLICATIONS]) == 6


def test_on_a_network_each_visitor_has_a_store_of_their_own(
    data_folder: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(remember, "served_on_network", lambda: True)
    first = _uploaded()
    second = run_app()  # another browser: no cookie, so a store of its own
    assert second.session_state[state.APPLICATIONS] is None
    second.session_state[state.PROFILE] = ("Figma",)
    second.run()
    stores = _files(data_folder)
    assert len(stores) == 2 and all(p.parent == data_folder / "visitors" for p in stores)
    assert not (data_folder / STORE_NAME).exists()
    labels = {SearchStore(p).read().parts.get("label") for p in stores}
    assert labels == {'"tracker.csv"', None}
    assert first.session_state[state.PROFILE] == ()
    assert any("nobody else on the network" in c.value for c in first.sidebar.caption)
    # Each browser is given its own id, to keep in a cookie (a script drawn in the sidebar).
    html = [e.proto.body for e in first.get("html")] + [e.proto.body for e in second.get("html")]
    assert len(html) == 2 and html[0] != html[1] and all(remember.VISITOR_COOKIE in h for h in html)
    _forget(first)
    assert [p.parent for p in _files(data_folder)] == [data_folder / "visitors"]  # the other's is kept


def test_the_cookie_script_holds_only_ids_and_choices_never_user_text():
    # The one raw-HTML element of the app (tests/security/test_injection.py lists it).
    script = remember.cookie_script(
        {
            remember.VISITOR_COOKIE: "</script><script>alert(1)</script>" + "a" * 10,
            remember.CHOICE_COOKIE: "off",
            "other": "x",
        }
    )
    assert "alert" not in script and "other" not in script
    assert "nextround_remember=off" in script
    assert remember.cookie_script({remember.CHOICE_COOKIE: "maybe"}) == ""
    visitor = remember.cookie_script({remember.VISITOR_COOKIE: "A" * 32})
    assert '"nextround_visitor=' + "A" * 32 + '"' in visitor and "SameSite=Strict" in visitor
