"""Widgets of the Follow-ups page: how the emails are written, and one panel per rejection with its
thank-you, its feedback request and the interview reflection."""

from __future__ import annotations

from datetime import date

import streamlit as st

from nextround.followups.emails import TONES, render_feedback_request, tone_labels
from nextround.followups.reflection import reflection_actions, reflection_checklist
from nextround.followups.views import CandidatePanel, EmailSettings, FollowUpsView
from nextround.text import counted, escape_markdown
from ui import state
from ui.email_drafts import email_editor


def email_settings_inputs() -> EmailSettings:
    """Tone, signature and the feedback delay; remembered for the plan."""
    current = state.email_settings()
    tone_col, name_col, delay_col = st.columns([2, 2, 1])
    with tone_col:
        labels = tone_labels()
        tone = st.segmented_control("Tone", TONES, format_func=labels.__getitem__, default=current.tone)
    with name_col:
        sender = st.text_input("Your name (to sign the emails)", value=current.sender_name)
    with delay_col:
        delay = st.number_input(
            "Feedback request after (days)", min_value=1, max_value=30, value=current.feedback_delay_days
        )
    chosen = EmailSettings(tone or current.tone, sender, int(delay))
    st.session_state[state.FOLLOWUP_TONE] = chosen.tone
    st.session_state[state.FOLLOWUP_SENDER] = chosen.sender_name
    st.session_state[state.FOLLOWUP_DELAY] = chosen.feedback_delay_days
    return chosen


def _mark_done(key: str) -> None:
    # A callback runs before the script, so the list below already shows the change.
    marked = state.followed_up()
    (marked.add if st.session_state[f"done:{key}"] else marked.discard)(key)


def candidate_panel(panel: CandidatePanel, view: FollowUpsView, emails: EmailSettings, today: date) -> None:
    candidate = panel.candidate
    when = f"rejected {candidate.decided_on:%d %b %Y}" if candidate.decided_on else "date not in your file"
    mark = " · followed up :material/check_circle:" if candidate.done else ""
    label = f"{escape_markdown(candidate.label)} · reached {panel.stage} · {when}{mark}"
    with st.expander(label, expanded=not candidate.done and candidate.recent):
        st.checkbox(
            "I have sent the follow-up",
            value=candidate.done,
            key=f"done:{candidate.key}",
            on_change=_mark_done,
            args=(candidate.key,),
        )
        names = []
        if panel.follow_up is not None:
            names.append("Thank-you follow-up")
        if panel.feedback_area is not None:
            names.append("Feedback request")
        if panel.reflection:
            names.append("Interview reflection")
        if panel.follow_up is None:
            st.caption(
                "Not known to be recent, so no thank-you is suggested: a note long after the decision "
                "reads oddly."
            )
        if not names:
            return
        tabs = dict(zip(names, st.tabs(names), strict=True))
        if panel.follow_up is not None:
            with tabs["Thank-you follow-up"]:
                st.caption(
                    "Send it now. It thanks them and keeps the door open; it does not ask for anything."
                )
                email_editor(panel.follow_up, candidate.key)
        if panel.feedback_area is not None:
            with tabs["Feedback request"]:
                days = emails.feedback_delay_days
                st.caption(
                    f"Send on {view.feedback_on:%A %d %B}, {days} days after the thank-you, as its own email."
                )
                area = st.text_input(
                    "Area to ask about", value=panel.feedback_area, key=f"area:{candidate.key}"
                )
                draft = render_feedback_request(
                    candidate, area or "relevant", emails.sender_name, view.feedback_on
                )
                email_editor(draft, panel.feedback_key)
        if panel.reflection:
            with tabs["Interview reflection"]:
                _reflection(panel, today)


def _reflection(panel: CandidatePanel, today: date) -> None:
    candidate = panel.candidate
    st.caption("Recall the interview while it is fresh. What you tick or write becomes actions in your plan.")
    reflections: dict[str, dict[str, bool | str]] = st.session_state.setdefault(state.REFLECTIONS, {})
    saved = reflections.get(candidate.key, {})
    answers: dict[str, bool | str] = {}
    for item in reflection_checklist():
        widget_key = f"reflect:{candidate.key}:{item.id}"
        if item.kind == "check":
            answers[item.id] = st.checkbox(item.prompt, value=bool(saved.get(item.id)), key=widget_key)
        else:
            answers[item.id] = st.text_input(item.prompt, value=str(saved.get(item.id, "")), key=widget_key)
    reflections[candidate.key] = answers
    if st.button("Add to my plan", key=f"reflect-add:{candidate.key}", icon=":material/playlist_add:"):
        actions = reflection_actions(candidate, answers, today)
        chosen = st.session_state.setdefault(state.SELECTED_ACTIONS, [])
        known = {a.key for a in chosen}
        chosen.extend(a for a in actions if a.key not in known)
        if actions:
            st.success(f"{counted(len(actions), 'action')} added to your plan.", icon=":material/check:")
        else:
            st.info("Nothing ticked or written yet.")
