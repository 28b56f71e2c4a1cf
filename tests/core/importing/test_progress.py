"""How nextround.importing.progress combines status text, stage flags and counts into stage + outcome."""

from __future__ import annotations

import io
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.importing.progress import ProgressSignals, infer_progress
from nextround.importing.status import stage_column_kind
from nextround.model import OUTCOME_DTYPE, OUTCOMES, STAGE_DTYPE, STAGES

# Inline fixtures in the shape of the real files in shared/realworld (never copied).
SMPOTTS_HEADER = (
    "Company,Auto Rejected,In-Progress,HR/ Recruiter Call,Hiring Manager,"
    "Technical Interview/ Assessment,Panel Interview,Offer\n"
)
SMPOTTS_STYLE = (
    SMPOTTS_HEADER
    + """Harnham,N,N,Y,,,,
Splunk,Y,N,Y,,,,
Avality,N,N,Y,N,,,
Branch,N,N,Y,Y,N,,
Mercury,N,N,Y,Y,Y,N,
Qventus,N,N,Y,Y,Y,Y,N
HMH,N,N,Y,Y,,Y,Y
Rebrandly,N,N,G,,,,
Tactiq,N,N,Y,Y,Y,,G
Lob,N,N,,,,,
A Place For Mom,Y,N,,,,,
Netflix,,,,,,,
Live Co,N,Y,Y,N,,,
"""
)
NAKURAMINO_STYLE = """Company,Applied Date,Coding Challenge,Recruiter,Phone,On-Campus,Onsite,Result
Google (Winter),8-Jul,,,8/5/2019 & 8/14/2019,,,Rejection :(
Google,9/25/2019,,,,,,reeejected
Microsoft,7/19/2019,,,,yes,yes,Accepted!
Bloomberg,8/26/2019,,,n/a,,,Rejection
Palantir,8/6/2019,yes,yes,8/22/2019 & 8/27/2019,,,Rejection :(
Twitter,8/14/2019,expired,,,,,
Akuna Capital,7/23/2019,expired,,,,,Rejected
JP Morgan Chase,7/23/2019,yes,,,,,
CapitalOne,8/14/2019,,,,,yes,Rejected
DeepMind,8/28/2019,,yes,yes,,,ongoing
Netflix,,,,,,,
"""


def _flags(frame: pd.DataFrame, headers: list[str]) -> dict:
    return {h: (kind, frame[h]) for h in headers if (kind := stage_column_kind(h)) is not None}


def _readings(result: pd.DataFrame, names: pd.Series) -> dict[str, tuple[str, str]]:
    return {
        name: (stage, outcome)
        for name, stage, outcome in zip(names, result["stage_reached"], result["outcome"], strict=True)
    }


def test_yng_flag_sheet_reads_furthest_stage_rejections_ghosting_and_closed_rows() -> None:
    sheet = pd.read_csv(io.StringIO(SMPOTTS_STYLE), dtype="str", keep_default_na=False, na_values=[""])
    result = infer_progress(ProgressSignals(stage_flags=_flags(sheet, list(sheet.columns[1:]))), len(sheet))
    assert _readings(result, sheet["Company"]) == {
        "Harnham": ("screen", "withdrawn"),  # closed, nothing says who ended it
        "Splunk": ("screen", "rejected"),  # Auto Rejected = Y
        "Avality": ("screen", "rejected"),  # N in the next stage after the last Y
        "Branch": ("interview", "rejected"),  # N in a later column of the same stage
        "Mercury": ("interview", "rejected"),
        "Qventus": ("final", "rejected"),
        "HMH": ("offer", "offer"),
        "Rebrandly": ("screen", "ghosted"),  # G in a stage column: that stage happened, then silence
        "Tactiq": ("interview", "ghosted"),  # G in the Offer column: no offer, silence
        "Lob": ("applied", "withdrawn"),
        "A Place For Mom": ("applied", "rejected"),
        "Netflix": ("applied", "ghosted"),  # not even In-Progress filled in: no response
        "Live Co": ("screen", "pending"),  # In-Progress = Y: the N only means "not yet"
    }
    assert list(result["status_known"]) == [True] * 11 + [False, True]
    assert result["is_application"].all()


def test_blank_rows_are_no_response_only_in_a_sheet_that_marks_live_rows() -> None:
    blank = pd.Series([None, "Y", None], dtype="object")
    onsite = (stage_column_kind("Onsite"), pd.Series([None, None, None], dtype="object"))
    status = pd.Series([None, None, "something odd"], dtype="object")
    with_progress = ProgressSignals(
        status=status,
        stage_flags={"In-Progress": (stage_column_kind("In-Progress"), blank), "Onsite": onsite},
    )
    without = ProgressSignals(status=status, stage_flags={"Onsite": onsite})
    assert list(infer_progress(with_progress, 3)["outcome"]) == ["ghosted", "pending", "pending"]
    assert list(infer_progress(without, 3)["outcome"]) == ["pending", "pending", "pending"]


def test_stage_column_sheet_reads_dates_yes_expired_and_result_text() -> None:
    sheet = pd.read_csv(io.StringIO(NAKURAMINO_STYLE), dtype="str", keep_default_na=False, na_values=[""])
    headers = ["Coding Challenge", "Recruiter", "Phone", "On-Campus", "Onsite"]
    signals = ProgressSignals(outcome_text=sheet["Result"], stage_flags=_flags(sheet, headers))
    result = infer_progress(signals, len(sheet))
    assert _readings(result, sheet["Company"]) == {
        "Google (Winter)": ("screen", "rejected"),
        "Google": ("applied", "rejected"),
        "Microsoft": ("offer", "offer"),
        "Bloomberg": ("applied", "rejected"),
        "Palantir": ("screen", "rejected"),
        "Twitter": ("screen", "withdrawn"),  # let the coding challenge expire
        "Akuna Capital": ("screen", "rejected"),  # the result text outranks "expired"
        "JP Morgan Chase": ("screen", "pending"),
        "CapitalOne": ("final", "rejected"),
        "DeepMind": ("screen", "pending"),
        "Netflix": ("applied", "pending"),
    }
    assert result["last_flag_on"].dtype == "datetime64[ns]"
    assert result["last_flag_on"].iloc[0] == pd.Timestamp("2019-08-14")
    assert result["last_flag_on"].iloc[4] == pd.Timestamp("2019-08-27")
    assert result["last_flag_on"].iloc[1:4].isna().all()
    assert list(result["status_known"]) == [True] * 10 + [False]


def test_result_beats_status_beats_stage_column_for_the_outcome_and_stage_is_the_furthest() -> None:
    signals = ProgressSignals(
        status=pd.Series(["Interviewing", "Rejected", "Applied", "Phone screen"]),
        stage_text=pd.Series(["Final round", "Onsite", "Withdrew", None]),
        outcome_text=pd.Series(["Rejected", None, "Offer", None]),
    )
    result = infer_progress(signals, 4)
    assert list(result["stage_reached"]) == ["final", "final", "offer", "screen"]
    assert list(result["outcome"]) == ["rejected", "rejected", "offer", "pending"]


def test_explicit_text_outranks_flags_and_flags_fill_in_where_text_is_silent() -> None:
    signals = ProgressSignals(
        status=pd.Series(["Rejected", "Applied", None, "Ghosted"]),
        stage_flags={
            "Onsite": (stage_column_kind("Onsite"), pd.Series(["Y", "rejected", None, "Y"])),
            "Offer": (stage_column_kind("Offer"), pd.Series([None, None, "yes", None])),
        },
    )
    result = infer_progress(signals, 4)
    assert list(result["stage_reached"]) == ["final", "final", "offer", "final"]
    assert list(result["outcome"]) == ["rejected", "rejected", "offer", "ghosted"]


def test_interview_count_means_an_interview_was_reached() -> None:
    signals = ProgressSignals(
        status=pd.Series(["Rejected", "Applied", None, None, None]),
        interview_count=pd.Series([2, 0, "3 rounds", None, 1.0], dtype="object"),
    )
    result = infer_progress(signals, 5)
    assert list(result["stage_reached"]) == ["interview", "applied", "interview", "applied", "interview"]
    assert list(result["outcome"]) == ["rejected", "pending", "pending", "pending", "pending"]
    assert list(result["status_known"]) == [True, True, True, False, True]


def test_notes_speak_only_where_nothing_else_does() -> None:
    signals = ProgressSignals(
        status=pd.Series(["Applied", None, None]),
        notes=pd.Series(["rejected by email", "Got rejected after the phone screen", "lovely team"]),
    )
    result = infer_progress(signals, 3)
    assert list(result["stage_reached"]) == ["applied", "screen", "applied"]
    assert list(result["outcome"]) == ["pending", "rejected", "pending"]
    assert list(result["status_known"]) == [True, True, False]


def test_overrides_win_over_the_vocabulary_in_every_text_column() -> None:
    signals = ProgressSignals(
        status=pd.Series(["The email does not", "Rejected", "Saved"]),
        outcome_text=pd.Series([None, None, None]),
        stage_text=pd.Series([None, "Phase B", None]),
    )
    overrides = {
        "the email does not": ("applied", "rejected"),
        "phase b": ("interview", "pending"),
        "saved": ("applied", "pending"),
    }
    result = infer_progress(signals, 3, overrides)
    assert list(result["stage_reached"]) == ["applied", "interview", "applied"]
    assert list(result["outcome"]) == ["rejected", "rejected", "pending"]
    assert result["status_known"].all()
    assert result["is_application"].all()  # the user said "saved" rows are applications here


def test_saved_rows_are_not_applications_unless_something_shows_progress() -> None:
    signals = ProgressSignals(
        status=pd.Series(["SAVED", "Wishlist", "APPLIED", "Saved"]),
        stage_flags={"Phone Screen": (stage_column_kind("Phone Screen"), pd.Series([None, None, None, "Y"]))},
    )
    result = infer_progress(signals, 4)
    assert list(result["is_application"]) == [False, False, True, True]
    assert list(result["stage_reached"]) == ["applied", "applied", "applied", "screen"]


def test_unreadable_texts_stay_pending_and_unknown() -> None:
    signals = ProgressSignals(
        outcome_text=pd.Series(["Negative", "The email does not", "Not provided", None])
    )
    result = infer_progress(signals, 4)
    assert list(result["outcome"]) == ["rejected", "pending", "pending", "pending"]
    assert list(result["status_known"]) == [True, False, False, False]


def test_output_shape_and_dtypes_with_no_signals() -> None:
    result = infer_progress(ProgressSignals(), 3)
    assert list(result.columns) == [
        "stage_reached",
        "outcome",
        "status_known",
        "is_application",
    ]  # no stage-flag columns, so no flag dates
    assert isinstance(result.index, pd.RangeIndex)
    assert len(result) == 3
    assert result["stage_reached"].dtype == STAGE_DTYPE
    assert result["outcome"].dtype == OUTCOME_DTYPE
    assert result["status_known"].dtype == bool
    assert result["is_application"].dtype == bool
    assert list(result["outcome"]) == ["pending"] * 3
    assert not result["status_known"].any()


def test_columns_are_read_by_position_whatever_their_index() -> None:
    status = pd.Series(["Offer", "Rejected"], index=[10, 3])
    result = infer_progress(ProgressSignals(status=status), 2)
    assert list(result["outcome"]) == ["offer", "rejected"]


def test_a_column_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="expected 3"):
        infer_progress(ProgressSignals(status=pd.Series(["Applied"])), 3)


_cell = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.sampled_from(
        ["Y", "N", "G", "yes", "n/a", "expired", "8/5/2019 & 8/14/2019", "Rejected", "一面", "✓"]
    ),
)
_kinds = st.sampled_from(["Phone Screen", "Onsite", "Offer", "Auto Rejected", "In-Progress", "Ghosted", "OA"])


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(st.tuples(_cell, _cell, _cell, _cell, _cell, _cell), min_size=0, max_size=25),
    headers=st.lists(_kinds, max_size=3, unique=True),
)
def test_infer_progress_never_raises_and_returns_valid_categories(
    rows: list[tuple], headers: list[str]
) -> None:
    n = len(rows)
    columns = [pd.Series([row[i] for row in rows], dtype="object") for i in range(6)]
    flags = {h: (stage_column_kind(h), columns[3 + i]) for i, h in enumerate(headers)}
    signals = ProgressSignals(
        status=columns[0], stage_text=columns[1], outcome_text=columns[2], stage_flags=flags,
        interview_count=columns[4], notes=columns[5],
    )  # fmt: skip
    result = infer_progress(signals, n)
    assert len(result) == n
    assert result["stage_reached"].notna().all()
    assert set(result["stage_reached"]) <= set(STAGES)
    assert result["outcome"].notna().all()
    assert set(result["outcome"]) <= set(OUTCOMES)
    assert ((result["outcome"] != "offer") | (result["stage_reached"] == "offer")).all()


@pytest.mark.slow
def test_a_million_rows_take_seconds_not_minutes() -> None:
    n = 1_000_000
    rng = np.random.default_rng(7)
    status = pd.Series(rng.choice(["Applied", "Rejected after phone screen", "Offer", "SAVED", "一面"], n))
    onsite = pd.Series(rng.choice(["Y", "", "8/5/2019", "N"], n))
    notes = pd.Series([f"note {i % 20_000}" for i in range(n)])
    started = time.perf_counter()
    result = infer_progress(
        ProgressSignals(
            status=status, stage_flags={"Onsite": (stage_column_kind("Onsite"), onsite)}, notes=notes
        ),
        n,
    )
    elapsed = time.perf_counter() - started
    assert len(result) == n
    offer_rows = (status == "Offer").to_numpy()
    assert (result["stage_reached"].to_numpy()[offer_rows] == "offer").all()
    assert elapsed < 15, f"{elapsed:.1f}s for a million rows"
