"""Widgets of the Skill gaps page: the profile (picked, typed or read from a CV), pasted job
descriptions, and the panels whose ticked actions go to the plan (``state.SELECTED_ACTIONS``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import streamlit as st

from nextround.action_items import ActionItem
from nextround.importing.errors import InputError
from nextround.skills.cv import CV_TYPES, read_cv_text
from nextround.skills.profile import build_profile, parse_skill_list, skills_from_cv
from nextround.skills.views import PASTE_CHOICES, CoachingChoice, GapChoice, PasteTarget, RoleChoice
from nextround.text import escape_markdown
from ui import state

OWN_KEY_PREFIXES: Final = ("gap-", "role:", "coaching:")  # actions the Skill gaps page owns
CONFIDENCE_LABELS: Final = {
    "clear": ":material/verified: clear evidence",
    "suggestive": ":material/help: a sign, not proven",
    "thin": ":material/warning: thin evidence (small sample)",
}
ESTIMATED_LABEL: Final = ":material/calculate: mostly estimated from role families"


@st.cache_data(max_entries=4, show_spinner=False)
def cv_skills(data: bytes, name: str) -> tuple[tuple[str, ...], str]:
    """Skills found in an uploaded CV, or () and the reason it could not be read."""
    try:
        return skills_from_cv(read_cv_text(data, name)), ""
    except InputError as error:
        return (), str(error)


def _add_to_profile(names: Sequence[str]) -> None:
    st.session_state[state.SKILLS_PICKED] = list(
        build_profile(st.session_state.get(state.SKILLS_PICKED, []), names)
    )


def _add_typed() -> None:
    _add_to_profile(parse_skill_list(st.session_state.get(state.SKILLS_TYPED, "")))
    st.session_state[state.SKILLS_TYPED] = ""


def profile_inputs(known_skills: Sequence[str]) -> tuple[str, ...]:
    """Pick, type or read the user's skills; the profile is kept in ``state.PROFILE`` for other pages."""
    st.session_state.setdefault(state.SKILLS_PICKED, list(state.profile()))
    options = list(dict.fromkeys([*known_skills, *st.session_state[state.SKILLS_PICKED]]))
    st.multiselect(
        "Skills you have",
        options,
        key=state.SKILLS_PICKED,
        placeholder="Pick from the list, or type below",
        accept_new_options=True,
    )
    with st.form("typed_skills", clear_on_submit=False, border=False):
        st.text_input(
            "Or type them, separated by commas",
            key=state.SKILLS_TYPED,
            placeholder="e.g. SQL, Excel, Tableau",
        )
        st.form_submit_button("Add skills", icon=":material/add:", on_click=_add_typed)
    upload = st.file_uploader(
        "Or read them from your CV (PDF, DOCX or TXT)", type=list(CV_TYPES), key="cv_upload"
    )
    if upload is not None:
        found, problem = cv_skills(upload.getvalue(), upload.name)
        if problem:
            st.error(escape_markdown(problem), icon=":material/error:")
        elif not found:
            st.warning("No skills from our list were found in this CV. Pick or type them instead.")
        else:
            kept = st.multiselect(
                "Skills found in your CV (remove any that are wrong, then add them)",
                list(found),
                default=list(found),
                key=f"cv_found:{upload.file_id}",
            )
            st.button("Add these to my skills", on_click=_add_to_profile, args=(kept,), icon=":material/add:")
    profile = build_profile(st.session_state[state.SKILLS_PICKED])
    st.session_state[state.PROFILE] = profile
    return profile


def paste_descriptions(targets: Sequence[PasteTarget]) -> None:
    """Paste a job description for one application; it joins the analysis for this session."""
    with st.expander("Paste a job description for an application", icon=":material/content_paste:"):
        pasted = state.pasted_descriptions()
        labels = {target.key: target.label for target in targets}
        keys: list[tuple[str, int]] = list(labels)
        chosen = st.selectbox("Application", keys, format_func=labels.__getitem__, key="paste_for")
        if chosen is None:
            return
        text = st.text_area(
            "Job description", value=pasted.get(chosen, ""), key=f"paste_text:{chosen}", height=160
        )
        if st.button("Use this description", icon=":material/save:"):
            pasted[chosen] = text
            st.success("Saved for this session; the analysis below includes it.", icon=":material/check:")
        st.caption(
            f"The {PASTE_CHOICES} most recent applications are listed. Pasted text stays in this browser "
            f"session only; {sum(1 for t in pasted.values() if t.strip())} pasted so far."
        )


class ActionPicker:
    """Checkboxes that carry actions into the plan; ``keep()`` stores this page's picks."""

    def __init__(self) -> None:
        self.chosen_keys = {item.key for item in state.chosen_actions()}
        self.picked: list[ActionItem] = []

    def choice(self, item: ActionItem) -> None:
        """A checkbox for one action, with its links and details underneath."""
        if st.checkbox(
            escape_markdown(item.title), value=item.key in self.chosen_keys, key=f"pick:{item.key}"
        ):
            self.picked.append(item)
        if item.links:
            st.markdown(" · ".join(f"[{escape_markdown(link.label)}]({link.url})" for link in item.links))
        if item.details:
            st.caption(escape_markdown(item.details))

    def keep(self) -> None:
        """Replace this page's own actions by key; keep what other pages chose."""
        others = [a for a in state.chosen_actions() if not a.key.startswith(OWN_KEY_PREFIXES)]
        st.session_state[state.SELECTED_ACTIONS] = [*others, *self.picked]


def gap_panel(choice: GapChoice, picker: ActionPicker) -> None:
    gap = choice.gap
    with st.container(border=True):
        st.markdown(
            f"**{choice.rank}. {escape_markdown(gap.skill)}** · {escape_markdown(gap.category)} · "
            f"{ESTIMATED_LABEL if gap.mostly_estimated else CONFIDENCE_LABELS[gap.confidence]}"
        )
        st.markdown(escape_markdown(gap.headline))
        st.caption(escape_markdown(f"{gap.certainty} {gap.evidence}"))
        st.markdown("**What you can do this month**")
        for item in choice.options:
            picker.choice(item)


def role_panel(role: RoleChoice, picker: ActionPicker) -> None:
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(role.fit.family)}** · {role.fit.coverage:.0%} of its typical skills")
        st.caption(escape_markdown(role.fit.reason))
        picker.choice(role.action)


def coaching_panel(choice: CoachingChoice, picker: ActionPicker) -> None:
    with st.expander(escape_markdown(choice.coaching.summary)):
        st.markdown(escape_markdown(choice.coaching.headline))
        st.markdown("\n".join(f"- {escape_markdown(p)}" for p in choice.coaching.prompts))
        picker.choice(choice.action)
