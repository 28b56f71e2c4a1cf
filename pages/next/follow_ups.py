"""Follow-ups: a thank-you email for each recent rejection, a feedback request a few days later where
someone met you, and the interview reflection — ready to edit, copy, download and carry into the plan."""

import zlib

import streamlit as st

from nextround.followups.candidates import FollowUpCandidate, followup_candidates
from nextround.followups.emails import (
    DEFAULT_FEEDBACK_DELAY_DAYS,
    TONES,
    EmailDraft,
    feedback_area,
    feedback_send_on,
    render_feedback_request,
    render_follow_up,
    to_eml,
    to_text,
    tone_labels,
    wants_feedback_request,
)
from nextround.followups.reflection import reflection_actions, reflection_checklist, wants_reflection
from nextround.plan.inputs import analysis_inputs, top_gap_names
from nextround.text import escape_markdown
from nextround.wording import STAGE_LABELS
from ui import state

DONE, TONE, SENDER, DELAY, DRAFTS = (
    state.FOLLOWUPS_DONE,
    state.FOLLOWUP_TONE,
    state.FOLLOWUP_SENDER,
    state.FOLLOWUP_DELAY,
    state.FOLLOWUP_DRAFTS,
)
VERSIONS = "followup_draft_versions"  # plan item key -> which generated draft the edit started from
REFLECTIONS = "followup_reflections"  # candidate key -> reflection answers, kept across pages
SHOWN = 15

st.title("Follow-ups and feedback")
st.caption(
    "After a rejection, be proactive: send a short thank-you soon (never asking for anything), then, "
    "a few days later and only where someone met you, ask a few specific questions."
)
applications = state.require_applications()
today = state.settings().reference_date()
with st.spinner("Finding the rejections to follow up…"):
    bottleneck_stage = analysis_inputs(applications, state.settings()).bottleneck_stage
    top_gaps = tuple(st.session_state.get(state.TOP_GAPS) or ()) or top_gap_names(
        applications, st.session_state.get(state.PROFILE) or (), today
    )
done_keys: set[str] = st.session_state.setdefault(DONE, set())
drafts: dict[str, str] = st.session_state.setdefault(DRAFTS, {})
versions: dict[str, int] = st.session_state.setdefault(VERSIONS, {})
reflections: dict[str, dict] = st.session_state.setdefault(REFLECTIONS, {})

tone_col, name_col, delay_col = st.columns([2, 2, 1])
with tone_col:
    labels = tone_labels()
    tone = st.segmented_control(
        "Tone", TONES, format_func=labels.get, default=st.session_state.get(TONE, "warm")
    ) or st.session_state.get(TONE, "warm")
with name_col:
    sender = st.text_input("Your name (to sign the emails)", value=st.session_state.get(SENDER, ""))
with delay_col:
    delay = st.number_input(
        "Feedback request after (days)",
        min_value=1,
        max_value=30,
        value=int(st.session_state.get(DELAY, DEFAULT_FEEDBACK_DELAY_DAYS)),
    )
st.session_state[TONE], st.session_state[SENDER], st.session_state[DELAY] = tone, sender, int(delay)

listing = followup_candidates(applications, today, marked_done=done_keys)
if listing.total == 0:
    st.info("No rejections in your data, so there is nobody to follow up with. Keep going!")
    st.stop()
if listing.dated:
    st.caption(
        f"{listing.total:,} rejections in your data; {listing.recent_total:,} decided in the last "
        f"{listing.window_days} days (as of {today:%d %b %Y}). Screens and interviews come first."
    )
else:
    st.caption(
        f"{listing.total:,} rejections; your file has no decision dates, so all are listed, "
        "those that reached a screen or interview first."
    )


def download_buttons(draft: EmailDraft, text: str, key: str) -> None:
    subject, _, body = text.partition("\n\n") if text.startswith("Subject: ") else ("", "", text)
    edited = EmailDraft(
        draft.kind, draft.company, draft.role, subject.removeprefix("Subject: ") or draft.subject, body
    )
    txt_col, eml_col = st.columns(2)
    stem = f"{draft.kind.replace(' ', '-')}-{zlib.crc32(key.encode()):08x}"
    txt_col.download_button(
        "Download .txt",
        text.encode("utf-8"),
        f"{stem}.txt",
        "text/plain",
        key=f"txt:{key}",
        icon=":material/description:",
    )
    eml_col.download_button(
        "Download .eml (opens in your mail app)",
        to_eml(edited),
        f"{stem}.eml",
        "message/rfc822",
        key=f"eml:{key}",
        icon=":material/mail:",
    )
    with st.expander("Copy as plain text"):
        st.code(text, language=None, wrap_lines=True)


def email_editor(draft: EmailDraft, plan_key: str) -> None:
    generated = to_text(draft)
    version = zlib.crc32(generated.encode("utf-8"))
    # An edit survives leaving the page; a new tone or name gives a new draft.
    kept = drafts.get(plan_key) if versions.get(plan_key) == version else None
    text = st.text_area(
        "Edit before sending", value=kept or generated, height=300, key=f"body:{plan_key}:{version:08x}"
    )
    if text != generated:
        drafts[plan_key], versions[plan_key] = text, version
    else:
        drafts.pop(plan_key, None)
        versions.pop(plan_key, None)
    download_buttons(draft, text, plan_key)


def mark_done(key: str) -> None:
    # A callback runs before the script, so the list below already shows the change.
    marked = st.session_state.setdefault(DONE, set())
    (marked.add if st.session_state[f"done:{key}"] else marked.discard)(key)


def candidate_panel(candidate: FollowUpCandidate) -> None:
    when = f"rejected {candidate.decided_on:%d %b %Y}" if candidate.decided_on else "no decision date"
    mark = " · followed up :material/check_circle:" if candidate.done else ""
    stage = STAGE_LABELS.get(str(candidate.stage_reached), str(candidate.stage_reached)).lower()
    label = f"{escape_markdown(candidate.label)} · reached {stage} · {when}{mark}"  # "reached final round"
    with st.expander(label, expanded=not candidate.done and candidate.recent):
        st.checkbox(
            "I have sent the follow-up",
            value=candidate.done,
            key=f"done:{candidate.key}",
            on_change=mark_done,
            args=(candidate.key,),
        )
        names = ["Thank-you follow-up"]
        if wants_feedback_request(candidate):
            names.append("Feedback request")
        if wants_reflection(candidate):
            names.append("Interview reflection")
        tabs = dict(zip(names, st.tabs(names), strict=True))
        with tabs["Thank-you follow-up"]:
            st.caption("Send it now. It thanks them and keeps the door open; it does not ask for anything.")
            email_editor(render_follow_up(candidate, tone, sender), candidate.key)
        if "Feedback request" in tabs:
            with tabs["Feedback request"]:
                send_on = feedback_send_on(today, int(delay))
                st.caption(
                    f"Send on {send_on:%A %d %B}, {int(delay)} days after the thank-you, as its own email."
                )
                area = st.text_input(
                    "Area to ask about",
                    value=feedback_area(candidate, top_gaps, bottleneck_stage),
                    key=f"area:{candidate.key}",
                )
                draft = render_feedback_request(candidate, area or "relevant", sender, send_on)
                email_editor(draft, f"feedback:{candidate.key.removeprefix('follow-up:')}")
        if "Interview reflection" in tabs:
            with tabs["Interview reflection"]:
                reflection(candidate)


def reflection(candidate: FollowUpCandidate) -> None:
    st.caption("Recall the interview while it is fresh. What you tick or write becomes actions in your plan.")
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
            st.success(f"{len(actions)} action(s) added to your plan.", icon=":material/check:")
        else:
            st.info("Nothing ticked or written yet.")


recent = [c for c in listing.candidates if c.recent]
older = [c for c in listing.candidates if not c.recent]
st.subheader(f"Recent rejections ({listing.recent_total:,})")
if not recent:
    st.caption(f"None decided in the last {listing.window_days} days. Older ones are below.")
for candidate in recent[:SHOWN]:
    candidate_panel(candidate)
if len(recent) > SHOWN:
    st.caption(f"And {listing.recent_total - SHOWN:,} more; start with these.")
if older:
    st.subheader(f"Older rejections ({listing.total - listing.recent_total:,})")
    st.caption("A late thank-you still keeps a door open, especially where you met someone.")
    for candidate in older[: SHOWN if not recent else 5]:
        candidate_panel(candidate)
