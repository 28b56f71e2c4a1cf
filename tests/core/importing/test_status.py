"""Status texts, stage-column headers and stage-flag cells read by nextround.importing.status."""

from __future__ import annotations

import datetime as dt
import tomllib

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextround.importing.status import (
    FlagValue,
    distinct_statuses,
    normalise_text,
    read_flag_cell,
    read_status,
    stage_column_kind,
    status_key,
)
from nextround.model import OUTCOMES, STAGES, Stage
from nextround.resources import data_path

# (text, stage, outcome) — English free text and tracker exports (Huntr, Teal, Simplify).
ENGLISH = [
    ("Applied", "applied", "pending"),
    ("APPLIED", "applied", "pending"),
    ("Rejected after phone screen", "screen", "rejected"),
    ("Rejected after final round", "final", "rejected"),
    ("Interview scheduled", "interview", "pending"),
    ("Phone screen", "screen", "pending"),
    ("Ghosted", "applied", "ghosted"),
    ("No response", "applied", "ghosted"),
    ("Offer", "offer", "offer"),
    ("Withdrew after interview", "interview", "withdrawn"),
    ("Unfortunately…", "applied", "rejected"),
    ("no longer under consideration", "applied", "rejected"),
    ("Suspected Ghost Job", "applied", "ghosted"),
    ("Rejection :(", "applied", "rejected"),
    ("reeejected", "applied", "rejected"),
    ("Accepted!", "offer", "offer"),
    ("Negative", "applied", "rejected"),
    ("Negative.", "applied", "rejected"),
    ("Negative (Application rejected)", "applied", "rejected"),
    ("They moved forward with other candidates", "applied", "rejected"),
    ("Position filled", "applied", "rejected"),
    ("Offer declined", "offer", "offer"),
    ("withdrew", "applied", "withdrawn"),
    ("OA sent", "screen", "pending"),
    ("Coding challenge", "screen", "pending"),
    ("Take-home", "screen", "pending"),
    ("Onsite", "final", "pending"),
    ("Final round", "final", "pending"),
    ("Superday", "final", "pending"),
    ("HM interview", "interview", "pending"),
    ("2nd interview", "interview", "pending"),
    ("Interviewing", "interview", "pending"),
    ("Negotiating", "offer", "offer"),
    ("I Withdrew", "applied", "withdrawn"),
    ("Not Selected", "applied", "rejected"),
    ("SCREEN", "screen", "pending"),
    ("REJECTED", "applied", "rejected"),
    ("ongoing", "applied", "pending"),
    ("Not selected for interview", "applied", "rejected"),
    ("Rejected before the onsite", "applied", "rejected"),
    ("Rejected without interview", "applied", "rejected"),
    ("Final result: rejected", "applied", "rejected"),
    ("Ghosted after 2nd interview", "interview", "ghosted"),
    ("Rejected after HM interview, then ghosted", "interview", "rejected"),
    ("Offer rescinded", "offer", "rejected"),
    ("Accepted another offer", "applied", "withdrawn"),
    ("Lost interest", "applied", "withdrawn"),
    ("Waiting to hear back", "applied", "pending"),
    ("rejcted", "applied", "rejected"),
    ("Intreview", "interview", "pending"),
    ("offfer", "offer", "offer"),
    ("Assessment centre", "final", "pending"),
]
GERMAN = [
    ("Absage", "applied", "rejected"),
    ("abgelehnt", "applied", "rejected"),
    ("Vorstellungsgespräch", "interview", "pending"),
    ("Absage nach Vorstellungsgespräch", "interview", "rejected"),
    ("Zusage", "offer", "offer"),
    ("Beworben", "applied", "pending"),
    ("Telefoninterview", "screen", "pending"),
    ("Keine Rückmeldung", "applied", "ghosted"),
    ("offen", "applied", "pending"),
    ("zurückgezogen", "applied", "withdrawn"),
]
FRENCH = [
    ("refus", "applied", "rejected"),
    ("Candidature non retenue", "applied", "rejected"),
    ("Entretien", "interview", "pending"),
    ("Entretien téléphonique", "screen", "pending"),
    ("Offre", "offer", "offer"),
    ("Sans réponse", "applied", "ghosted"),
    ("Refusé après entretien final", "final", "rejected"),
]
SPANISH = [
    ("Rechazado", "applied", "rejected"),
    ("Entrevista", "interview", "pending"),
    ("Entrevista telefónica", "screen", "pending"),
    ("Oferta", "offer", "offer"),
    ("Sin respuesta", "applied", "ghosted"),
    ("Postulado", "applied", "pending"),
    ("Rechazado tras la entrevista final", "final", "rejected"),
]
CHINESE = [
    ("已投递", "applied", "pending"),
    ("池子", "applied", "pending"),
    ("一面", "interview", "pending"),
    ("二面", "interview", "pending"),
    ("三面", "final", "pending"),
    ("终面", "final", "pending"),
    ("HR面", "final", "pending"),
    ("笔试", "screen", "pending"),
    ("测评", "screen", "pending"),
    ("技术面", "interview", "pending"),
    ("挂", "applied", "rejected"),
    ("感谢信", "applied", "rejected"),
    ("未通过", "applied", "rejected"),
    ("一面未通过", "interview", "rejected"),
    ("二面挂了", "interview", "rejected"),
    ("Offer", "offer", "offer"),
    ("意向书", "offer", "offer"),
    ("简历筛选", "applied", "pending"),
    ("石沉大海", "applied", "ghosted"),
    ("ＯＦＦＥＲ", "offer", "offer"),
]


@pytest.mark.parametrize(("text", "stage", "outcome"), ENGLISH + GERMAN + FRENCH + SPANISH + CHINESE)
def test_status_texts_read_to_stage_and_outcome(text: str, stage: str, outcome: str) -> None:
    reading = read_status(text)
    assert (reading.stage.label, reading.outcome) == (stage, outcome)
    assert reading.known
    assert reading.is_application
    assert reading.rule != ""


@pytest.mark.parametrize(
    "text",
    ["The email does not", "Not provided", "Not provided in the email.", "n/a", "N/A", "-", "unknown", "",
     None, float("nan"), pd.NA, "TBD", "?", "asdfgh", "3", 3, "ARCHIVED", "Final result"],
)  # fmt: skip
def test_unreadable_texts_are_not_known(text: object) -> None:
    reading = read_status(text)
    assert not reading.known
    assert (reading.stage, reading.outcome, reading.is_application) == (Stage.APPLIED, "pending", True)


@pytest.mark.parametrize(
    "text",
    ["SAVED", "Wishlist", "Bookmarked", "Interested", "To apply", "Applying", "not applied yet", "收藏",
     "gemerkt", "guardado", "à postuler"],
)  # fmt: skip
def test_saved_and_wishlist_texts_are_not_applications(text: str) -> None:
    reading = read_status(text)
    assert reading.known
    assert not reading.is_application
    assert "not applied" in reading.rule


@pytest.mark.parametrize(
    ("text", "is_application"),
    [("Applied (saved the posting too)", True), ("Saved, then phone screen", True), ("Not interested", True)],
)
def test_saved_words_do_not_hide_real_progress(text: str, is_application: bool) -> None:
    assert read_status(text).is_application is is_application


@pytest.mark.parametrize(
    "word", ["writing", "selected", "repeated", "related", "declared", "filed", "interest", "expected"]
)
def test_typo_tolerance_never_turns_ordinary_words_into_statuses(word: str) -> None:
    assert not read_status(word).known


def test_rule_says_which_phrase_decided_and_what_was_mended() -> None:
    assert read_status("Rejected after phone screen").rule == "rejected + phone screen"
    assert read_status("reeejected").rule == "rejected (read from 'reeejected')"
    assert read_status("Not provided").rule == "unreadable: not provided"


@pytest.mark.parametrize(
    ("text", "key"),
    [("  Rejected  after   phone screen!! ", "rejected after phone screen"), ("Rejection :(", "rejection"),
     ("APPLIED", "applied"), (None, ""), (float("nan"), ""), (2.0, "2"), ("n/a", "n/a"),
     ("Ｏｆｆｅｒ", "offer")],
)  # fmt: skip
def test_status_key(text: object, key: str) -> None:
    assert status_key(text) == key


def test_distinct_statuses_groups_spellings_and_applies_overrides() -> None:
    values = pd.Series(
        [
            "Rejected",
            "rejected.",
            "Rejected",
            "Applied",
            None,
            "",
            "The email does not",
            "Applied",
            "Rejected",
        ]
    )
    table = distinct_statuses(values, {"the email does not": ("applied", "rejected")})
    assert list(table.columns) == [
        "raw", "key", "count", "stage", "outcome", "known", "is_application", "rule", "overridden",
    ]  # fmt: skip
    assert list(table["key"]) == ["rejected", "applied", "the email does not"]
    assert list(table["raw"]) == ["Rejected", "Applied", "The email does not"]
    assert list(table["count"]) == [4, 2, 1]
    assert list(table["outcome"]) == ["rejected", "pending", "rejected"]
    assert list(table["known"]) == [True, True, True]
    assert list(table["overridden"]) == [False, False, True]
    assert table["stage"].dtype == pd.CategoricalDtype(list(STAGES), ordered=True)


def test_distinct_statuses_of_nothing_is_an_empty_table() -> None:
    table = distinct_statuses(pd.Series([None, "", "  "], dtype="object"))
    assert len(table) == 0
    assert "overridden" in table.columns


def test_bad_override_is_refused() -> None:
    with pytest.raises(ValueError, match="status override"):
        distinct_statuses(pd.Series(["x"]), {"x": ("phone", "rejected")})


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Phone Screen", Stage.SCREEN), ("Recruiter", Stage.SCREEN), ("HR/ Recruiter Call", Stage.SCREEN),
        ("Coding Challenge", Stage.SCREEN), ("OA", Stage.SCREEN), ("Assessment", Stage.SCREEN),
        ("Phone", Stage.SCREEN), ("HR Interview", Stage.SCREEN), ("笔试", Stage.SCREEN),
        ("Interview", Stage.INTERVIEW), ("Hiring Manager", Stage.INTERVIEW),
        ("Technical Interview/ Assessment", Stage.INTERVIEW), ("1st interview", Stage.INTERVIEW),
        ("On-Campus", Stage.INTERVIEW), ("Interview Date", Stage.INTERVIEW), ("一面", Stage.INTERVIEW),
        ("Onsite", Stage.FINAL), ("Panel Interview", Stage.FINAL), ("Final Round", Stage.FINAL),
        ("Superday", Stage.FINAL), ("终面", Stage.FINAL),
        ("Offer", Stage.OFFER), ("Offer received", Stage.OFFER),
        ("Auto Rejected", "rejected"), ("Rejected", "rejected"), ("In-Progress", "in_progress"),
        ("Ghosted", "ghosted"), ("Withdrawn", "withdrawn"),
    ],
)  # fmt: skip
def test_stage_column_headers(header: str, kind: object) -> None:
    assert stage_column_kind(header) == kind


@pytest.mark.parametrize(
    "header",
    ["Company", "Status", "Stage", "Result", "Outcome", "Notes", "Date Applied", "Applied Date", "Role name",
     "Interview notes", "Interviewer", "Number of interviews", "Final Result", "Current stage", "Job Title",
     "Location", "Salary", "", "当前状态", "Offer amount", "ONSITE/REMOTE", "Onsite / Hybrid / Remote"],
)  # fmt: skip
def test_ordinary_headers_are_not_stage_columns(header: str) -> None:
    assert stage_column_kind(header) is None


@pytest.mark.parametrize(
    ("cell", "value", "day"),
    [
        ("Y", FlagValue.REACHED, None), ("yes", FlagValue.REACHED, None), ("1", FlagValue.REACHED, None),
        (1, FlagValue.REACHED, None), (True, FlagValue.REACHED, None), ("x", FlagValue.REACHED, None),
        ("✓", FlagValue.REACHED, None), ("✔", FlagValue.REACHED, None), ("passed", FlagValue.REACHED, None),
        ("done", FlagValue.REACHED, None), (np.True_, FlagValue.REACHED, None),
        ("8/5/2019 & 8/14/2019", FlagValue.REACHED, dt.date(2019, 8, 14)),
        ("2019-08-22", FlagValue.REACHED, dt.date(2019, 8, 22)),
        (dt.datetime(2024, 3, 1, 9, 30), FlagValue.REACHED, dt.date(2024, 3, 1)),
        (pd.Timestamp("2024-03-02"), FlagValue.REACHED, dt.date(2024, 3, 2)),
        (45000, FlagValue.REACHED, dt.date(2023, 3, 15)),
        ("8/82019 ", FlagValue.REACHED, None), ("8-Jul", FlagValue.REACHED, None),
        ("N", FlagValue.NOT_REACHED, None), ("no", FlagValue.NOT_REACHED, None),
        (0, FlagValue.NOT_REACHED, None),
        (False, FlagValue.NOT_REACHED, None), ("n/a", FlagValue.NOT_REACHED, None),
        ("G", FlagValue.GHOSTED, None), ("ghosted", FlagValue.GHOSTED, None),
        ("rejected", FlagValue.REJECTED, None), ("failed", FlagValue.REJECTED, None),
        ("rejected 9/12/2019", FlagValue.REJECTED, dt.date(2019, 9, 12)),
        ("expired", FlagValue.WITHDRAWN, None),
        ("", FlagValue.EMPTY, None), (None, FlagValue.EMPTY, None), (float("nan"), FlagValue.EMPTY, None),
        ("-", FlagValue.EMPTY, None), (pd.NaT, FlagValue.EMPTY, None),
        ("went well, I think", FlagValue.UNKNOWN, None),
    ],
)  # fmt: skip
def test_flag_cells(cell: object, value: FlagValue, day: dt.date | None) -> None:
    assert read_flag_cell(cell) == (value, day)


def test_flag_dates_follow_the_files_day_order() -> None:
    assert read_flag_cell("03/04/2024")[1] == dt.date(2024, 3, 4)
    assert read_flag_cell("03/04/2024", dayfirst=True)[1] == dt.date(2024, 4, 3)
    assert read_flag_cell("15/01/2025")[1] == dt.date(2025, 1, 15)  # only one order is possible


def test_vocabulary_has_no_duplicate_or_conflicting_phrases() -> None:
    with data_path("status_vocabulary.toml").open("rb") as handle:
        data = tomllib.load(handle)
    seen: dict[str, str] = {}
    groups = [(f"meaning {m.get('stage')}/{m.get('outcome')}", m["phrases"]) for m in data["meaning"]]
    groups += [("not_application", data["not_application"]["phrases"])]
    groups += [("unreadable", data["unreadable"]["phrases"])]
    for group, phrases in groups:
        for phrase in phrases:
            key = normalise_text(phrase)
            assert key, f"{phrase!r} in {group} is empty once normalised"
            assert key not in seen, f"{phrase!r} in {group} repeats {seen.get(key)}"
            seen[key] = group
    for meaning in data["meaning"]:
        assert meaning.get("stage", "applied") in STAGES
        assert meaning.get("outcome", "pending") in OUTCOMES
    flag_seen: dict[str, str] = {}
    for name in ("reached", "not_reached", "ghosted", "rejected", "withdrawn"):
        for word in data["flags"][name]:
            assert word.lower() not in flag_seen, (
                f"flag {word!r} in {name} repeats {flag_seen.get(word.lower())}"
            )
            flag_seen[word.lower()] = name
    header_seen: dict[str, str] = {}
    for name in ("rejected", "in_progress", "ghosted", "withdrawn", "offer", "final", "interview", "screen"):
        for header in data["stage_columns"][name]:
            key = normalise_text(header)
            assert key not in header_seen, f"header {header!r} in {name} repeats {header_seen.get(key)}"
            header_seen[key] = name


@given(st.one_of(st.text(max_size=60), st.none(), st.integers(), st.floats(), st.booleans()))
def test_any_text_reads_to_a_valid_reading_and_keys_are_stable(text: object) -> None:
    reading = read_status(text)
    assert reading.outcome in OUTCOMES
    assert isinstance(reading.stage, Stage)
    assert reading.known or reading.outcome == "pending"
    assert status_key(status_key(text)) == status_key(text)
    assert read_status(status_key(text)) == reading


@given(
    st.one_of(
        st.text(max_size=40), st.none(), st.integers(), st.floats(), st.booleans(),
        st.dates(), st.datetimes(), st.sampled_from(["8/5/2019 & 8/14/2019", "1/1/1800", "99/99/2020"]),
    )
)  # fmt: skip
def test_any_flag_cell_reads_to_a_flag_and_a_plausible_date(cell: object) -> None:
    value, day = read_flag_cell(cell)
    assert isinstance(value, FlagValue)
    assert day is None or 1990 <= day.year <= 2100
