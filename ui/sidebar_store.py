"""The sidebar's "On this computer" section: whether the search is remembered, the choice not to on a
shared computer, going back to the remembered search from the sample, and "Forget everything"."""

from __future__ import annotations

import streamlit as st

from nextround.store import remembering_allowed
from nextround.text import escape_markdown
from ui import remember, state
from ui.navigation import HOME

FORGET_HELP = (
    "Removes your applications, corrections, skills, action plan and e-mail drafts from this computer "
    "and from this tab. It cannot be undone."
)


def render_store_controls() -> None:
    with st.sidebar:
        st.subheader("On this computer", divider="gray")
        if remember.problem():
            st.warning(escape_markdown(remember.problem()), icon=":material/warning:")
        if remembering_allowed():
            st.toggle(
                "Remember my search on this computer",
                value=remember.choice(),
                key=remember.TOGGLE,
                on_change=remember.choice_changed,
                help="Turn it off on a shared computer: what was remembered is removed, nothing more is "
                "written, and this browser keeps only this choice.",
            )
        _say_where()
        with st.popover("Forget everything", icon=":material/delete_forever:"):
            st.markdown(FORGET_HELP)
            if st.button("Forget everything now", type="primary", icon=":material/delete_forever:"):
                remember.forget_everything()
                st.switch_page(HOME)
        script = remember.cookie_script(remember.pending_cookies())
        if script:
            st.html(script, unsafe_allow_javascript=True)


def _say_where() -> None:
    place = remember.place()
    if not remember.remembering():
        reason = place.reason if place.path is None and place.reason else ""
        st.caption(
            (reason + " " if reason else "")
            + "Nothing of your search is written: it lasts until you close this tab."
        )
    elif state.exploring_sample():
        st.caption(
            "You are exploring the sample data: it is not remembered, and your own search stays as it was."
        )
        if remember.has_remembered_search() and st.button(
            "Back to your search",
            icon=":material/undo:",
            help="Leave the sample and open your remembered search.",
        ):
            remember.back_to_remembered_search()
            st.rerun()
    else:
        where = " (this browser's own: nobody else on the network sees it)" if place.on_network else ""
        st.caption(f":material/lock: Your search is kept in a file on this computer only{where}.")
