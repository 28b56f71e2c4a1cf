"""The search, remembered on this computer only: loaded when a session starts, saved at the end of every
run that changed something, forgotten on request.

Where it goes (chosen once per session):
- the server listens on this computer only (the default, 127.0.0.1): one store, the one user's;
- someone serves the app on a network (``server.address`` anything else): one store per browser, named
  by a random id this browser keeps in a cookie, so no visitor ever opens another's;
- nowhere, when whoever started the app set ``NEXTROUND_REMEMBER=off``, or the user chose "don't
  remember" (the choice, and only it, stays in this browser's cookie).

The bundled sample is never remembered: exploring it leaves the user's own search as it was.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import streamlit as st

from nextround.followups.emails import DEFAULT_FEEDBACK_DELAY_DAYS
from nextround.importing import ImportOptions
from nextround.settings import AnalysisSettings
from nextround.store import (
    Changes,
    CodecError,
    SearchStore,
    StoreError,
    data_dir,
    decode,
    encode,
    is_local_address,
    is_visitor_id,
    new_visitor_id,
    remembering_allowed,
    store_path,
)
from nextround.store.location import VISITORS, data_dir_is_chosen
from ui import import_review, state

LOG = logging.getLogger(__name__)

# Each remembered part of the search (nextround/store/codecs.py) and the session key it lives in.
PARTS: Final[Mapping[str, str]] = {
    "label": state.DATA_LABEL,
    "settings": state.SETTINGS,
    "profile": state.PROFILE,
    "pasted": state.PASTED,
    "chosen_actions": state.SELECTED_ACTIONS,
    "plan": state.PLAN,
    "plan_dismissed": state.PLAN_DISMISSED,
    "followed_up": state.FOLLOWED_UP,
    "drafts": state.FOLLOWUP_DRAFTS,
    "draft_versions": state.DRAFT_VERSIONS,
    "reflections": state.REFLECTIONS,
    "followup_tone": state.FOLLOWUP_TONE,
    "followup_sender": state.FOLLOWUP_SENDER,
    "followup_delay": state.FOLLOWUP_DELAY,
    "import_options": import_review.OPTIONS,
    "cell_edits": import_review.CELL_EDITS,
    "upload_token": import_review.UPLOAD_TOKEN,
    "search_token": state.SEARCH_TOKEN,
    "merge_base_label": state.MERGE_BASE_LABEL,
}
# The import's own choices: not remembered while a new upload waits for the user's decision, so the
# remembered search keeps the choices it was read with until the new files take its place.
IMPORT_PARTS: Final = frozenset({"import_options", "cell_edits", "upload_token"})
# Each remembered table and the session key it lives in.
TABLES: Final[Mapping[str, str]] = {"applications": state.APPLICATIONS, "base": state.MERGE_BASE}
# A part's value while the session has none: what the pages themselves start from.
DEFAULTS: Final[Mapping[str, Any]] = {
    "label": "",
    "settings": AnalysisSettings(),
    "profile": (),
    "pasted": {},
    "chosen_actions": [],
    "plan": None,
    "plan_dismissed": frozenset(),
    "followed_up": frozenset(),
    "drafts": {},
    "draft_versions": {},
    "reflections": {},
    "followup_tone": "warm",
    "followup_sender": "",
    "followup_delay": DEFAULT_FEEDBACK_DELAY_DAYS,
    "import_options": ImportOptions(),
    "cell_edits": {},
    "upload_token": None,
    "search_token": None,
    "merge_base_label": "",
}
VISITOR_COOKIE: Final = "nextround_visitor"
CHOICE_COOKIE: Final = "nextround_remember"
CHOICE: Final = "remember_on_this_computer"  # this session's choice (kept apart from its widget's state,
# which Streamlit drops when the page changes; the toggle starts from it every run)
TOGGLE: Final = "remember_toggle"  # the sidebar toggle's widget key
_PLACE: Final = "_remember_place"  # Place, chosen once per session
_SAVED: Final = "_remember_saved"  # Snapshot: what the store holds; absent until the session has loaded it
_PROBLEM: Final = "_remember_problem"  # a sentence for the sidebar when loading or saving failed
_COOKIES: Final = "_remember_cookies"  # cookies this browser is still to be given: name -> value
_KEPT_ON_RESET: Final = (_PLACE, CHOICE, _COOKIES)  # who this browser is and what it chose
_COOKIE_DAYS: Final = 400  # the longest a browser keeps a cookie


@dataclass(frozen=True)
class Place:
    """Where this session's search is remembered (``path`` None: nowhere, and ``reason`` says why)."""

    path: Path | None
    reason: str = ""
    on_network: bool = False
    unreadable: bool = False  # the file exists but cannot be read: left alone until the user forgets it


@dataclass
class Snapshot:
    """What the store holds now, to save only what changed: each part's JSON, and the tables, files and
    checkpoint it was last given (compared by identity: a million rows are never compared cell by cell)."""

    parts: dict[str, str] = field(default_factory=dict)
    tables: dict[str, object] = field(default_factory=dict)
    files_token: str | None = None
    checkpoint: object = None


# -- where ---------------------------------------------------------------------------------------------


def served_on_network() -> bool:
    """Whether the server listens beyond this computer (Streamlit's own default, "", is every interface)."""
    return not is_local_address(str(st.get_option("server.address") or ""))


def _choose_place(respect_choice: bool = True) -> Place:
    if not remembering_allowed():
        return Place(None, "Remembering is turned off for this app.")
    if respect_choice and st.context.cookies.get(CHOICE_COOKIE) == "off":
        return Place(None, "You chose not to remember on this computer.")
    if not served_on_network():
        return Place(store_path(data_dir()))
    visitor = st.context.cookies.get(VISITOR_COOKIE)
    if not is_visitor_id(visitor):
        visitor = new_visitor_id()
        _give_cookie(VISITOR_COOKIE, visitor)
    return Place(store_path(data_dir(), visitor), on_network=True)


def place() -> Place:
    return st.session_state.get(_PLACE) or Place(None)


def remembering() -> bool:
    """Whether this session's changes are being written to the store."""
    current = place()
    return current.path is not None and not current.unreadable and bool(st.session_state.get(CHOICE, True))


def has_remembered_search() -> bool:
    current = place()
    return current.path is not None and current.path.exists()


# -- load and save -------------------------------------------------------------------------------------


def _defaults() -> dict[str, str]:
    return {part: encode(part, value) for part, value in DEFAULTS.items()}


def restore() -> None:
    """Load the remembered search into this session, once (app.py calls this on every run)."""
    if _PLACE not in st.session_state:
        st.session_state[_PLACE] = _choose_place()
        st.session_state.setdefault(CHOICE, st.session_state[_PLACE].path is not None)
    if _SAVED in st.session_state:
        return
    snapshot = Snapshot(parts=_defaults())
    st.session_state[_SAVED] = snapshot
    current = place()
    if current.path is None:
        return
    try:
        saved = SearchStore(current.path).read()
    except StoreError as error:
        st.session_state[_PLACE] = replace(current, unreadable=True)
        _problem(
            f"Your remembered search could not be opened: {error}. It is left as it is and nothing is saved "
            "over it; “Forget everything” removes it."
        )
        return
    unreadable = []
    for part, body in saved.parts.items():
        if part not in PARTS:
            continue
        try:
            st.session_state[PARTS[part]] = decode(part, body)
        except CodecError as error:
            LOG.warning("Remembered part %s not read: %s", part, error)
            unreadable.append(part.replace("_", " "))
            continue
        snapshot.parts[part] = body
    for name, key in TABLES.items():
        table = saved.tables.get(name)
        if table is not None:
            st.session_state[key] = snapshot.tables[name] = table
    if saved.files:
        st.session_state[state.SOURCE_FILES] = saved.files
    snapshot.files_token = st.session_state.get(state.SEARCH_TOKEN) if "search_token" in saved.parts else None
    if saved.checkpoint is not None:
        st.session_state[state.CHECKPOINT] = snapshot.checkpoint = saved.checkpoint
    if unreadable:
        _problem(
            f"Part of your remembered search could not be read ({', '.join(unreadable)}) and starts afresh."
        )


def save() -> None:
    """Write what changed since the last save (app.py calls this after every run, however it ended).

    Never raises: a save that fails leaves the store as it was and says so in the sidebar.
    """
    snapshot: Snapshot | None = st.session_state.get(_SAVED)
    if snapshot is None or not remembering() or state.exploring_sample():
        return
    path = place().path
    assert path is not None  # remembering() checked it
    try:
        changes, after = _changes(snapshot)
        if changes.empty:
            return
        SearchStore(path).save(changes)
    except (StoreError, CodecError, TypeError, ValueError) as error:
        LOG.warning("The search was not saved: %s", error)
        _problem(f"Your latest changes could not be saved on this computer ({error}). They stay in this tab.")
        return
    st.session_state[_SAVED] = after
    st.session_state.pop(_PROBLEM, None)


def _changes(snapshot: Snapshot) -> tuple[Changes, Snapshot]:
    after = Snapshot(dict(snapshot.parts), dict(snapshot.tables), snapshot.files_token, snapshot.checkpoint)
    waiting = upload_waiting()
    parts: dict[str, str | None] = {}
    for part, key in PARTS.items():
        if waiting and part in IMPORT_PARTS:
            continue
        body = encode(part, st.session_state.get(key, DEFAULTS[part]))
        if body != snapshot.parts.get(part):
            parts[part] = after.parts[part] = body
    tables: dict[str, Any] = {}
    for name, key in TABLES.items():
        table = st.session_state.get(key)
        if table is not snapshot.tables.get(name):
            tables[name] = after.tables[name] = table
    files = None
    token = st.session_state.get(state.SEARCH_TOKEN)
    if token != snapshot.files_token:
        files = state.source_files()
        after.files_token = token
    checkpoint = st.session_state.get(state.CHECKPOINT)
    if checkpoint is not None and checkpoint is not snapshot.checkpoint:
        after.checkpoint = checkpoint
    else:
        checkpoint = None
    return Changes(parts=parts, tables=tables, files=files, checkpoint=checkpoint), after


def has_search() -> bool:
    """Whether the working data is a search read from the user's own files (not the sample)."""
    return (
        st.session_state.get(state.APPLICATIONS) is not None
        and not state.exploring_sample()
        and st.session_state.get(state.SEARCH_TOKEN) is not None
    )


def upload_waiting() -> bool:
    """Whether new files were uploaded over a search and wait for the user to add or replace."""
    upload = st.session_state.get(import_review.UPLOAD_TOKEN)
    return has_search() and upload is not None and upload != st.session_state.get(state.SEARCH_TOKEN)


# -- forgetting and choosing ---------------------------------------------------------------------------


def forget_everything() -> None:
    """Remove the store (and its folders when they are left empty), and start this session afresh."""
    current = place()
    if current.path is not None:
        SearchStore(current.path).forget()
        _remove_empty_folders(current.path)
        st.session_state[_PLACE] = replace(current, unreadable=False)
    _reset_session()


def back_to_remembered_search() -> None:
    """Leave the sample (or anything unsaved) and load the remembered search again."""
    _reset_session()


def _reset_session() -> None:
    kept = {key: st.session_state[key] for key in _KEPT_ON_RESET if key in st.session_state}
    st.session_state.clear()
    st.session_state.update(kept)


def _remove_empty_folders(path: Path) -> None:
    folders = [path.parent]
    if path.parent.name == VISITORS:
        folders.append(path.parent.parent)
    for folder in folders:
        if folder == data_dir() and data_dir_is_chosen():
            return  # a folder the user named is theirs to keep
        try:
            folder.rmdir()
        except OSError:
            return  # not empty (another visitor's store), or already gone


def choice() -> bool:
    return bool(st.session_state.get(CHOICE, True))


def choice_changed() -> None:
    """The sidebar toggle: on saves everything at the end of this run; off removes the store now."""
    st.session_state[CHOICE] = bool(st.session_state[TOGGLE])
    if st.session_state[CHOICE]:
        st.session_state[_PLACE] = _choose_place(respect_choice=False)
        st.session_state[_SAVED] = Snapshot(parts=_defaults())  # the file is gone: the next save writes all
        _give_cookie(CHOICE_COOKIE, "on")
    else:
        current = place()
        if current.path is not None:
            SearchStore(current.path).forget()
            _remove_empty_folders(current.path)
        _give_cookie(CHOICE_COOKIE, "off")


def _problem(sentence: str) -> None:
    st.session_state[_PROBLEM] = sentence


def problem() -> str:
    return str(st.session_state.get(_PROBLEM) or "")


# -- cookies -------------------------------------------------------------------------------------------


def _give_cookie(name: str, value: str) -> None:
    st.session_state.setdefault(_COOKIES, {})[name] = value


def pending_cookies() -> dict[str, str]:
    """The cookies this browser is still to be given: name -> value."""
    return dict(st.session_state.get(_COOKIES) or {})


def cookie_script(pending: Mapping[str, str]) -> str:
    """JavaScript that gives this browser the ``pending`` cookies ("" when none). Only ours are
    written, and only with values we made (a visitor id, "on" or "off"): never user text."""
    lines = [
        f"document.cookie = {json.dumps(f'{name}={value}')} + {json.dumps(_cookie_attributes())} + secure;"
        for name, value in pending.items()
        if name in (VISITOR_COOKIE, CHOICE_COOKIE) and (is_visitor_id(value) or value in ("on", "off"))
    ]
    if not lines:
        return ""
    return (
        "<script>const secure = location.protocol === 'https:' ? '; Secure' : '';"
        + "".join(lines)
        + "</script>"
    )


def _cookie_attributes() -> str:
    return f"; Max-Age={_COOKIE_DAYS * 86_400}; Path=/; SameSite=Strict"
