"""An email draft the user can edit before sending, with its .txt and .eml downloads.

An edit is kept (``state.FOLLOWUP_DRAFTS``) for the plan and for coming back to the page; it belongs
to the generated draft it started from (``state.DRAFT_VERSIONS``), so a new tone or name gives a new
draft instead of keeping text written for the old one.
"""

from __future__ import annotations

import zlib

import streamlit as st

from nextround.followups.emails import EmailDraft, to_eml, to_text
from ui import state


def _version(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def email_editor(draft: EmailDraft, plan_key: str) -> None:
    """The draft in a text area (the user's edit if it was made on this very draft), then downloads."""
    drafts = state.email_drafts()
    versions: dict[str, int] = st.session_state.setdefault(state.DRAFT_VERSIONS, {})
    generated = to_text(draft)
    version = _version(generated)
    kept = drafts.get(plan_key) if versions.get(plan_key) == version else None
    text = st.text_area(
        "Edit before sending", value=kept or generated, height=300, key=f"body:{plan_key}:{version:08x}"
    )
    if text != generated:
        drafts[plan_key], versions[plan_key] = text, version
    else:
        drafts.pop(plan_key, None)
        versions.pop(plan_key, None)
    _downloads(draft, text, plan_key)


def _downloads(draft: EmailDraft, text: str, key: str) -> None:
    subject, _, body = text.partition("\n\n") if text.startswith("Subject: ") else ("", "", text)
    edited = EmailDraft(
        draft.kind, draft.company, draft.role, subject.removeprefix("Subject: ") or draft.subject, body
    )
    txt_col, eml_col = st.columns(2)
    stem = f"{draft.kind.replace(' ', '-')}-{_version(key):08x}"
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
