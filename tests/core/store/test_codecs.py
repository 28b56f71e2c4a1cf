"""Every remembered part goes to JSON and back unchanged, and a part of the wrong shape is refused."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextround.action_items import ActionItem, Link
from nextround.analysis.stats import Rate
from nextround.ghosting import GhostingPolicy
from nextround.history.changes import NewAnswer, RateMove, SinceLastTime
from nextround.importing import ImportOptions
from nextround.settings import AnalysisSettings
from nextround.store.codecs import CODECS, CodecError, decode, encode

ITEMS = [
    ActionItem(
        key="gap:sql",
        title="Take a free SQL course — *now*",
        why="Asked by 12 of 30 roles that turned you down",
        category="skill/course",
        due_on=date(2026, 12, 1),
        priority="high",
        links=(Link("Search courses", "https://example.org/?q=sql"),),
        status="done",
        details="Körber · 面试",
    ),
    ActionItem("follow-up:17", "Thank Acme", "Rejected 3 days ago", "follow-up", date(2026, 11, 27)),
]
SINCE = SinceLastTime(
    since=date(2026, 11, 12),
    previous_label="tracker.xlsx",
    previous_applications=212,
    applications=230,
    new_applications=20,
    new_with_answer=3,
    gone=2,
    answers=(NewAnswer("Körber *AG*", "Data Analyst", "screen, pending", "interview, rejected"),),
    answers_total=5,
    rates=(RateMove("screen_rate", Rate.of(30, 212), Rate.of(44, 230)),),
    plan_done=("Take a SQL course",),
)
EXAMPLES: dict[str, object] = {
    "label": "tracker (1).xlsx, Job Applications.csv",
    "settings": AnalysisSettings(GhostingPolicy(45, 14), count_ghosting_as_rejection=True),
    "profile": ("SQL", "Excel", "C++"),
    "pasted": {("tracker.xlsx", 4): "We need SQL.\n— Team", ("b.csv", 10): ""},
    "chosen_actions": ITEMS,
    "plan": ITEMS,
    "plan_dismissed": {"gap:python", "role:analyst"},
    "followed_up": {"follow-up:3"},
    "drafts": {"follow-up:17": "Subject: Thanks\n\nDear Ms Ng,"},
    "draft_versions": {"follow-up:17": 4_000_000_000},
    "reflections": {"17": {"research": True, "tripped": "the SQL question"}},
    "followup_tone": "formal",
    "followup_sender": "Ana",
    "followup_delay": 5,
    "import_options": ImportOptions(
        sheet="2025",
        date_order="dmy",
        column_overrides={"Stage?": "status", "Notes": "ignore"},
        status_overrides={"on hold": ("screen", "pending")},
        keep_sensitive=True,
        answers={"flags-as-stage": "yes"},
    ),
    "cell_edits": {("a.csv", 3): {"outcome": "rejected", "applied_on": "2026-01-05", "followed_up": True}},
    "upload_token": "0123456789abcdef",
    "search_token": None,
    "merge_base_label": "tracker.xlsx",
    "since_last_time": SINCE,
}


def test_every_part_has_an_example():
    assert set(EXAMPLES) == set(CODECS)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_part_comes_back_equal(name: str):
    assert decode(name, encode(name, EXAMPLES[name])) == EXAMPLES[name]


def test_the_same_value_always_gives_the_same_text():
    # The UI saves a part when its text changed: a set must not reorder between runs.
    assert (
        encode("followed_up", {"b", "a", "c"}) == encode("followed_up", {"c", "b", "a"}) == '["a", "b", "c"]'
    )


def test_the_as_of_date_is_not_remembered():
    # The sample data is read as of its own last day; a real search is always read as of today.
    sample = AnalysisSettings(as_of=date(2026, 11, 1))
    assert decode("settings", encode("settings", sample)).as_of is None


def test_a_plan_that_was_never_built_stays_unbuilt():
    assert decode("plan", encode("plan", None)) is None


def test_corrected_dates_are_kept_as_text_apply_edits_reads():
    import pandas as pd

    edits = {("a.csv", 2): {"applied_on": pd.Timestamp("2026-03-04"), "outcome_on": date(2026, 3, 9)}}
    back = decode("cell_edits", encode("cell_edits", edits))
    assert back == {("a.csv", 2): {"applied_on": "2026-03-04T00:00:00", "outcome_on": "2026-03-09"}}


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("plan", json.dumps([{**json.loads(encode("plan", ITEMS))[0], "status": "finished"}])),
        ("plan", json.dumps([{**json.loads(encode("plan", ITEMS))[0], "due_on": "soon"}])),
        ("plan", json.dumps([{"key": "x"}])),
        (
            "settings",
            '{"days_after_applying": "30", "days_after_contact": 21, "count_ghosting_as_rejection": false}',
        ),
        ("followup_delay", "true"),
        ("cell_edits", '[["a.csv", "3", {}]]'),
        ("cell_edits", '[["a.csv", 3, {"company": {"nested": 1}}]]'),
        ("import_options", '{"sheet": null}'),
        ("profile", '"SQL"'),
        ("label", "not json"),
    ],
)
def test_a_part_of_the_wrong_shape_is_refused(name: str, body: str):
    with pytest.raises(CodecError):
        decode(name, body)


texts = st.text(max_size=30)


@given(st.dictionaries(st.tuples(texts, st.integers(1, 10**6)), texts, max_size=5))
def test_pasted_descriptions_round_trip(pasted: dict[tuple[str, int], str]):
    assert decode("pasted", encode("pasted", pasted)) == pasted


@given(
    st.dictionaries(
        st.tuples(texts, st.integers(1, 10**6)),
        st.dictionaries(
            texts, st.one_of(st.none(), st.booleans(), st.integers(-(10**9), 10**9), texts), max_size=3
        ),
        max_size=5,
    )
)
def test_cell_edits_round_trip(edits: dict[tuple[str, int], dict[str, object]]):
    assert decode("cell_edits", encode("cell_edits", edits)) == edits
