"""Skill gaps: which missing skills cost you the most, how sure that is, and what to do about each.

Job descriptions pasted here are kept in this session only (``PASTED``, keyed by source file and row)
and join the file's own text for the analysis; they are not written into the working table, so pasting
never resets the action plan. The actions ticked here go to ``state.SELECTED_ACTIONS`` for the plan.
"""

import pandas as pd
import streamlit as st

from nextround.action_items import ActionItem
from nextround.figures.skills import skill_demand_figure
from nextround.importing.errors import InputError
from nextround.skills import SkillGap, analyse_skills, gap_options
from nextround.skills.actions import coaching_action, role_action
from nextround.skills.coaching import stage_coaching
from nextround.skills.cv import CV_TYPES, read_cv_text
from nextround.skills.extract import with_pasted_descriptions
from nextround.skills.fit import RoleFit, better_fitting_roles, role_fits
from nextround.skills.profile import build_profile, parse_skill_list, skills_from_cv
from nextround.skills.vocabulary import load_vocabulary
from nextround.text import escape_markdown
from ui import state
from ui.analysis_blocks import chart

PASTED = "skill_pasted_descriptions"  # dict[(source_file, source_row), str]
PICKED = "skills_picked"  # the profile multiselect (the profile itself)
TYPED = "skills_typed"
OWN_KEY_PREFIXES = ("gap-", "role:", "coaching:")  # actions this page owns in SELECTED_ACTIONS
SHOWN_GAPS = 10
PASTE_CHOICES = 300
CONFIDENCE_LABELS = {
    "clear": ":material/verified: clear evidence",
    "suggestive": ":material/help: asked often, not proven",
    "thin": ":material/warning: thin evidence (small sample)",
}
ESTIMATED_LABEL = ":material/calculate: mostly estimated from role families"


@st.cache_data(max_entries=4, show_spinner=False)
def cv_skills(data: bytes, name: str) -> tuple[tuple[str, ...], str]:
    """Skills found in an uploaded CV, or () and the reason it could not be read."""
    try:
        return skills_from_cv(read_cv_text(data, name)), ""
    except InputError as error:
        return (), str(error)


def add_to_profile(names: list[str]) -> None:
    st.session_state[PICKED] = list(build_profile(st.session_state.get(PICKED, []), names))


def add_typed() -> None:
    add_to_profile(list(parse_skill_list(st.session_state.get(TYPED, ""))))
    st.session_state[TYPED] = ""


def links_markdown(item: ActionItem) -> str:
    return " · ".join(f"[{escape_markdown(link.label)}]({link.url})" for link in item.links)


def action_choice(item: ActionItem, chosen_keys: set[str], picked: list[ActionItem]) -> None:
    """A checkbox carrying one action into the plan, with its links and details underneath."""
    if st.checkbox(escape_markdown(item.title), value=item.key in chosen_keys, key=f"pick:{item.key}"):
        picked.append(item)
    if item.links:
        st.markdown(links_markdown(item))
    if item.details:
        st.caption(escape_markdown(item.details))


def gap_panel(
    rank: int, gap: SkillGap, fits: list[RoleFit], chosen_keys: set[str], picked: list[ActionItem]
) -> None:
    with st.container(border=True):
        st.markdown(
            f"**{rank}. {escape_markdown(gap.skill)}** · {escape_markdown(gap.category)} · "
            f"{ESTIMATED_LABEL if gap.mostly_estimated else CONFIDENCE_LABELS[gap.confidence]}"
        )
        st.markdown(escape_markdown(gap.evidence))
        st.caption(escape_markdown(gap.certainty))
        st.markdown("**What you can do this month**")
        for item in gap_options(gap, fits, today):
            action_choice(item, chosen_keys, picked)


st.title("Skill gaps")
st.caption(
    "Which skills did the roles that turned you down ask for that your profile lacks? Losses at "
    "screening weigh most (a CV or keyword gap), losses after interviews less (depth), offers not at all; "
    "recent losses count more."
)
applications = state.require_applications()
today = state.settings().reference_date()
vocabulary = load_vocabulary()

st.subheader("Your skills")
st.session_state.setdefault(PICKED, list(st.session_state.get(state.PROFILE) or ()))
options = list(dict.fromkeys([*vocabulary.names, *st.session_state[PICKED]]))
st.multiselect(
    "Skills you have",
    options,
    key=PICKED,
    placeholder="Pick from the list, or type below",
    accept_new_options=True,
)
with st.form("typed_skills", clear_on_submit=False, border=False):
    st.text_input("Or type them, separated by commas", key=TYPED, placeholder="e.g. SQL, Excel, Tableau")
    st.form_submit_button("Add skills", icon=":material/add:", on_click=add_typed)
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
        st.button("Add these to my skills", on_click=add_to_profile, args=(kept,), icon=":material/add:")

profile = build_profile(st.session_state[PICKED])
st.session_state[state.PROFILE] = profile
if not profile:
    st.info("Add your skills above: until then every skill the roles asked for counts as missing.")

with st.expander("Paste a job description for an application", icon=":material/content_paste:"):
    pasted: dict[tuple[str, int], str] = st.session_state.setdefault(PASTED, {})
    # nlargest, not a full sort: a million rows would take a second on every rerun.
    recent = applications.nlargest(PASTE_CHOICES, "applied_on", keep="first")
    if len(recent) < PASTE_CHOICES:
        undated = applications[applications["applied_on"].isna()].head(PASTE_CHOICES - len(recent))
        recent = pd.concat([recent, undated])
    keys = list(zip(recent["source_file"].fillna(""), recent["source_row"].astype(int), strict=True))
    labels = {
        key: f"{company} — {role} (row {key[1]})"
        for key, company, role in zip(
            keys, recent["company"].fillna("?"), recent["role"].fillna("?"), strict=True
        )
    }
    chosen = st.selectbox("Application", keys, format_func=labels.get, key="paste_for")
    text = st.text_area(
        "Job description", value=pasted.get(chosen, ""), key=f"paste_text:{chosen}", height=160
    )
    if st.button("Use this description", icon=":material/save:"):
        pasted[chosen] = text
        st.success("Saved for this session; the analysis below includes it.", icon=":material/check:")
    st.caption(
        f"The {PASTE_CHOICES} most recent applications are listed. Pasted text stays in this browser session "
        f"only; {sum(1 for t in pasted.values() if t.strip())} pasted so far."
    )

with st.spinner("Reading the skills your roles asked for…"):
    table = with_pasted_descriptions(applications, st.session_state.get(PASTED, {}))
    report = analyse_skills(table, profile, today, vocabulary)
    fits_all = role_fits(table, profile)
st.session_state[state.TOP_GAPS] = tuple(gap.skill for gap in report.gaps[:5])
chosen_keys = {item.key for item in st.session_state.get(state.SELECTED_ACTIONS) or []}
picked: list[ActionItem] = []

if report.note:
    st.info(escape_markdown(report.note), icon=":material/info:")

if not report.demand.empty:
    st.subheader("What the roles asked for")
    chart(
        skill_demand_figure(report.demand),
        f"The skills asked for most often: {report.with_skill_data:,} applications name them in a job "
        "description, skills column, feedback or notes; any others count their role family's typical skills "
        "(see the note above). Coloured by whether your profile has them.",
        key="skill_demand",
    )

st.subheader("Skills that cost you the most")
if not report.gaps:
    st.caption("No missing skill was asked for by an application you lost.")
for rank, gap in enumerate(report.gaps[:SHOWN_GAPS], start=1):
    gap_panel(rank, gap, fits_all, chosen_keys, picked)
if len(report.gaps) > SHOWN_GAPS:
    st.caption(f"And {len(report.gaps) - SHOWN_GAPS} more with less weight.")

if report.strengths:
    st.subheader("Your strengths")
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(s.skill)}**: {escape_markdown(s.evidence)}" for s in report.strengths[:8]
        )
    )

st.subheader("Roles that may fit better")
better = better_fitting_roles(table, profile)
if not better:
    st.caption("No role family has at least half of its typical skills in your profile yet.")
for fit in better:
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(fit.family)}** · {fit.coverage:.0%} of its typical skills")
        st.caption(escape_markdown(fit.reason))
        action_choice(role_action(fit, today), chosen_keys, picked)

coaching = stage_coaching(table, today)
if coaching:
    st.subheader("Where you lose, and what to practise")
    for stage in coaching:
        with st.expander(escape_markdown(stage.summary)):
            st.markdown(escape_markdown(stage.headline))
            st.markdown("\n".join(f"- {escape_markdown(p)}" for p in stage.prompts))
            action_choice(coaching_action(stage, today), chosen_keys, picked)

# Replace this page's own actions by key; keep what other pages put there.
others = [
    a for a in st.session_state.get(state.SELECTED_ACTIONS) or [] if not a.key.startswith(OWN_KEY_PREFIXES)
]
st.session_state[state.SELECTED_ACTIONS] = [*others, *picked]
st.divider()
st.markdown(f"**{len(picked)} action{'s' if len(picked) != 1 else ''} chosen on this page** for your plan.")
st.caption("They appear on the Action plan page, where you can date, edit and download them.")
