"""How every signal of a sheet (texts, stage columns, counts) combines into stage, outcome and evidence."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nextround.importing.dates import parse_date_column
from nextround.importing.mapping import stage_column_kind
from nextround.importing.stage_outcome import (
    Progress,
    Sent,
    Signals,
    StageColumn,
    TextSignal,
    _combinations,
    _infer_rows,
    infer_progress,
)
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


def _stage_columns(frame: pd.DataFrame, headers: list[str], order: str = "mdy") -> list[StageColumn]:
    return [
        StageColumn(h, kind, frame[h], parse_date_column(frame[h], order).values.to_numpy())
        for h in headers
        if (kind := stage_column_kind(h)) is not None
    ]


def _column(header: str, values: list[object]) -> StageColumn:
    cells = pd.Series(values, dtype="object")
    return StageColumn(
        header, stage_column_kind(header) or "interview", cells, parse_date_column(cells).values.to_numpy()
    )


def _texts(**columns: pd.Series) -> list[TextSignal]:
    return [TextSignal(role.title(), role, cells) for role, cells in columns.items()]  # type: ignore[arg-type]


def _readings(progress, names: pd.Series) -> dict[str, tuple[str, str]]:
    frame = progress.frame()
    return {
        name: (stage, outcome)
        for name, stage, outcome in zip(names, frame["stage_reached"], frame["outcome"], strict=True)
    }


def test_yng_flag_sheet_reads_furthest_stage_rejections_ghosting_and_closed_rows() -> None:
    sheet = pd.read_csv(io.StringIO(SMPOTTS_STYLE), dtype="str", keep_default_na=False, na_values=[""])
    progress = infer_progress(
        Signals(stage_columns=_stage_columns(sheet, list(sheet.columns[1:]))), len(sheet)
    )
    assert _readings(progress, sheet["Company"]) == {
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
    assert list(progress.known) == [True] * 11 + [False, True]
    assert list(progress.ghosted_from_blank_flags) == [False] * 11 + [True, False]
    assert str(progress.outcome_evidence[11]) == "no flag in any stage column: read as no response"
    assert str(progress.outcome_evidence[1]) == "Auto Rejected: Y"
    assert str(progress.stage_evidence[5]) == "Panel Interview: Y"
    # Told they are still waiting, the blank rows stay pending and are still shown, to undo the answer.
    waiting = infer_progress(
        Signals(stage_columns=_stage_columns(sheet, list(sheet.columns[1:])), blank_flags_are_ghosted=False),
        len(sheet),
    )
    assert _readings(waiting, sheet["Company"])["Netflix"] == ("applied", "pending")
    assert list(waiting.ghosted_from_blank_flags) == [False] * 11 + [True, False]


def test_blank_rows_are_no_response_only_in_a_sheet_that_marks_live_rows() -> None:
    status = _texts(status=pd.Series([None, None, "something odd"], dtype="object"))
    progress_column = _column("In-Progress", [None, "Y", None])
    onsite = _column("Onsite", [None, None, None])
    with_progress = Signals(texts=status, stage_columns=[progress_column, onsite])
    without = Signals(texts=status, stage_columns=[onsite])
    asked_not_to = Signals(
        texts=status, stage_columns=[progress_column, onsite], blank_flags_are_ghosted=False
    )
    assert list(infer_progress(with_progress, 3).frame()["outcome"]) == ["ghosted", "pending", "pending"]
    assert list(infer_progress(without, 3).frame()["outcome"]) == ["pending", "pending", "pending"]
    assert list(infer_progress(asked_not_to, 3).frame()["outcome"]) == ["pending", "pending", "pending"]


def test_stage_column_sheet_reads_dates_yes_expired_and_result_text() -> None:
    sheet = pd.read_csv(io.StringIO(NAKURAMINO_STYLE), dtype="str", keep_default_na=False, na_values=[""])
    headers = ["Coding Challenge", "Recruiter", "Phone", "On-Campus", "Onsite"]
    signals = Signals(
        texts=[TextSignal("Result", "result", sheet["Result"])], stage_columns=_stage_columns(sheet, headers)
    )
    progress = infer_progress(signals, len(sheet))
    assert _readings(progress, sheet["Company"]) == {
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
    assert progress.last_flag_on is not None
    assert pd.isna(progress.last_flag_on[1:4]).all()
    assert list(progress.known) == [True] * 10 + [False]


def test_a_yes_no_column_decides_over_a_date_column_of_the_same_stage() -> None:
    interview = _column("Interview", ["yes", "no", None])
    interview_date = _column("Interview date", ["2024-05-01", "2024-05-02", "2024-05-03"])
    progress = infer_progress(Signals(stage_columns=[interview, interview_date]), 3)
    assert list(progress.frame()["stage_reached"]) == ["interview", "applied", "interview"]


def test_a_no_to_the_next_round_leaves_the_round_before_it() -> None:
    for first, second in (
        ("一面", "二面"),
        ("Interview 1", "Interview 2"),
        ("First interview", "Second interview"),
    ):
        rounds = [
            _column(first, ["2024-09-27", "2024-10-16", None]),
            _column(second, ["无" if "面" in second else "no"] * 3),
        ]
        progress = infer_progress(Signals(stage_columns=rounds), 3)
        assert list(progress.frame()["stage_reached"]) == ["interview", "interview", "applied"], first


def test_one_date_in_most_rows_of_a_stage_column_is_a_template_default() -> None:
    dates = ["2025-07-01"] * 6 + ["2025-06-12", None]
    progress = infer_progress(Signals(stage_columns=[_column("Interview Date", dates)]), 8)
    assert list(progress.frame()["stage_reached"]) == ["applied"] * 6 + ["interview", "applied"]
    assert progress.default_date_columns == (("Interview Date", pd.Timestamp("2025-07-01"), 6),)
    real = Signals(
        stage_columns=[_column("Interview Date", dates)], real_default_dates=frozenset({"Interview Date"})
    )
    assert list(infer_progress(real, 8).frame()["stage_reached"])[:6] == ["interview"] * 6


def test_result_beats_status_beats_stage_text_for_the_outcome_and_stage_is_the_furthest() -> None:
    signals = Signals(
        texts=[
            TextSignal(
                "Status", "status", pd.Series(["Interviewing", "Rejected", "Applied", "Phone screen"])
            ),
            TextSignal("Stage", "stage", pd.Series(["Final round", "Onsite", "Withdrew", None])),
            TextSignal("Result", "result", pd.Series(["Rejected", None, "Offer", None])),
        ]
    )
    frame = infer_progress(signals, 4).frame()
    assert list(frame["stage_reached"]) == ["final", "final", "offer", "screen"]
    assert list(frame["outcome"]) == ["rejected", "rejected", "offer", "pending"]
    assert list(frame["outcome_evidence"].astype(object).fillna("")) == [
        "Result: Rejected",
        "Status: Rejected",
        "Result: Offer",
        "",
    ]


def test_a_result_column_of_yes_and_no_means_offer_and_rejected_a_response_column_only_replied() -> None:
    signals = Signals(
        texts=[
            TextSignal("Outcome", "result", pd.Series(["No", "Yes", None])),
            TextSignal("Response", "response", pd.Series([None, None, "No"])),
        ]
    )
    frame = infer_progress(signals, 3).frame()
    assert list(frame["outcome"]) == ["rejected", "offer", "pending"]


def test_explicit_text_outranks_flags_and_flags_fill_in_where_text_is_silent() -> None:
    signals = Signals(
        texts=_texts(status=pd.Series(["Rejected", "Applied", None, "Ghosted"])),
        stage_columns=[
            _column("Onsite", ["Y", "rejected", None, "Y"]),
            _column("Offer", [None, None, "yes", None]),
        ],
    )
    frame = infer_progress(signals, 4).frame()
    assert list(frame["stage_reached"]) == ["final", "final", "offer", "final"]
    assert list(frame["outcome"]) == ["rejected", "rejected", "offer", "ghosted"]


def test_interview_count_means_an_interview_was_reached() -> None:
    signals = Signals(
        texts=_texts(status=pd.Series(["Rejected", "Applied", None, None, None])),
        interview_count=("Interviews", pd.Series([2, 0, "three rounds", None, 1.0], dtype="object")),
    )
    progress = infer_progress(signals, 5)
    assert list(progress.frame()["stage_reached"]) == [
        "interview",
        "applied",
        "interview",
        "applied",
        "interview",
    ]
    assert list(progress.frame()["outcome"]) == ["rejected", "pending", "pending", "pending", "pending"]
    assert list(progress.known) == [True, True, True, False, True]


def test_a_superscript_in_an_interview_count_is_not_a_number() -> None:
    # Found by test_infer_progress_never_raises_and_returns_valid_categories: "²".isdigit() is True.
    signals = Signals(
        texts=_texts(status=pd.Series(["Applied", "Applied"])),
        interview_count=("Interviews", pd.Series(["²", "2"], dtype="object")),
    )
    assert list(infer_progress(signals, 2).frame()["stage_reached"]) == ["applied", "interview"]


def test_notes_raise_the_stage_and_decide_only_outcomes_nothing_else_decided() -> None:
    signals = Signals(
        texts=[
            TextSignal("Status", "status", pd.Series(["Applied", None, None, "Rejected", "Applied"])),
            TextSignal(
                "Notes",
                "notes",
                pd.Series(
                    [
                        "first one was rejected in 2023",
                        "Got rejected after the phone screen",
                        "lovely team",
                        "Had four interviews and then they said no",
                        "they offer remote work",
                    ]
                ),
            ),
        ]
    )
    progress = infer_progress(signals, 5)
    frame = progress.frame()
    assert list(frame["stage_reached"]) == ["applied", "screen", "applied", "interview", "applied"]
    assert list(frame["outcome"]) == ["pending", "rejected", "pending", "rejected", "pending"]
    assert list(progress.stage_from_notes) == [False, True, False, True, False]
    ignored = infer_progress(Signals(texts=signals.texts, read_notes=False), 5).frame()
    assert list(ignored["stage_reached"]) == ["applied"] * 5


def test_overrides_win_over_the_vocabulary_in_every_text_column() -> None:
    signals = Signals(
        texts=[
            TextSignal("Status", "status", pd.Series(["The email does not", "Rejected", "Saved"])),
            TextSignal("Stage", "stage", pd.Series([None, "Phase B", None])),
        ]
    )
    overrides = {
        "the email does not": ("applied", "rejected"),
        "phase b": ("interview", "pending"),
        "saved": ("applied", "pending"),
    }
    progress = infer_progress(signals, 3, overrides)
    assert list(progress.frame()["stage_reached"]) == ["applied", "interview", "applied"]
    assert list(progress.frame()["outcome"]) == ["rejected", "rejected", "pending"]
    assert progress.known.all()
    assert (progress.sent == Sent.SENT).all()  # the user said "saved" rows are applications here


def test_what_the_signals_say_about_sending() -> None:
    signals = Signals(
        texts=_texts(status=pd.Series(["SAVED", "Open", "APPLIED", "Saved", None, "Not started"])),
        stage_columns=[_column("Phone Screen", [None, None, None, None, None, "2023-02-17"])],
        applied_flag=("Applied?", pd.Series([None, None, None, None, "No", None], dtype="object")),
    )
    progress = infer_progress(signals, 6)
    assert list(progress.sent) == [
        Sent.NOT_SENT,
        Sent.UNCLEAR,
        Sent.SENT,
        Sent.NOT_SENT,
        Sent.NOT_SENT,
        Sent.NOT_SENT,
    ]
    assert list(progress.not_sent_by[[0, 4, 5]]) == ["Status: SAVED", "Applied?: No", "Status: Not started"]


def test_a_note_that_reads_as_not_sent_decides_only_where_the_status_says_neither() -> None:
    note = "Drafted CV and cover letter, kept for later"
    signals = Signals(
        texts=_texts(
            status=pd.Series(["On hold", "Submitted", "On hold", "On hold"]),
            notes=pd.Series([note, note, "Recruiter was friendly", None]),
        )
    )
    progress = infer_progress(signals, 4)
    assert list(progress.sent) == [Sent.NOT_SENT, Sent.SENT, Sent.UNCLEAR, Sent.UNCLEAR]
    assert progress.not_sent_by[0] == f"Notes: {note}"


def test_unreadable_texts_stay_pending_and_unknown() -> None:
    signals = Signals(
        texts=[
            TextSignal(
                "Result", "result", pd.Series(["Negative", "The email does not", "Not provided", None])
            )
        ]
    )
    progress = infer_progress(signals, 4)
    assert list(progress.frame()["outcome"]) == ["rejected", "pending", "pending", "pending"]
    assert list(progress.known) == [True, False, False, False]


def test_output_shape_and_dtypes_with_no_signals() -> None:
    progress = infer_progress(Signals(), 3)
    frame = progress.frame()
    assert list(frame.columns) == ["stage_reached", "outcome", "stage_evidence", "outcome_evidence"]
    assert isinstance(frame.index, pd.RangeIndex)
    assert frame["stage_reached"].dtype == STAGE_DTYPE
    assert frame["outcome"].dtype == OUTCOME_DTYPE
    assert list(frame["outcome"]) == ["pending"] * 3
    assert not progress.known.any()
    assert progress.last_flag_on is None


def test_columns_are_read_by_position_whatever_their_index() -> None:
    status = pd.Series(["Offer", "Rejected"], index=[10, 3])
    frame = infer_progress(Signals(texts=_texts(status=status)), 2).frame()
    assert list(frame["outcome"]) == ["offer", "rejected"]


def test_a_column_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="expected 3"):
        infer_progress(Signals(texts=_texts(status=pd.Series(["Applied"]))), 3)


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
@example(rows=[(None, None, None, None, "²", None)], headers=[])  # a digit float() refuses
def test_infer_progress_never_raises_and_returns_valid_categories(
    rows: list[tuple], headers: list[str]
) -> None:
    n = len(rows)
    columns = [pd.Series([row[i] for row in rows], dtype="object") for i in range(6)]
    signals = Signals(
        texts=[
            TextSignal("Status", "status", columns[0]),
            TextSignal("Stage", "stage", columns[1]),
            TextSignal("Result", "result", columns[2]),
            TextSignal("Notes", "notes", columns[5]),
        ],
        stage_columns=[
            StageColumn(
                h,
                stage_column_kind(h) or "screen",
                columns[3 + i],
                parse_date_column(columns[3 + i]).values.to_numpy(),
            )
            for i, h in enumerate(headers)
        ],
        interview_count=("Interviews", columns[4]),
    )
    frame = infer_progress(signals, n).frame()
    assert len(frame) == n
    assert frame["stage_reached"].notna().all()
    assert set(frame["stage_reached"]) <= set(STAGES)
    assert frame["outcome"].notna().all()
    assert set(frame["outcome"]) <= set(OUTCOMES)
    assert ((frame["outcome"] != "offer") | (frame["stage_reached"] == "offer")).all()


@pytest.mark.slow
def test_a_million_rows_read_each_distinct_cell_once() -> None:
    n = 1_000_000
    rng = np.random.default_rng(7)
    status = pd.Series(rng.choice(["Applied", "Rejected after phone screen", "Offer", "SAVED", "一面"], n))
    onsite = pd.Series(rng.choice(["Y", "", "8/5/2019", "N"], n))
    notes = pd.Series([f"note {i % 20_000}" for i in range(n)])
    onsite_column = StageColumn("Onsite", "final", onsite, parse_date_column(onsite, "mdy").values.to_numpy())
    progress = infer_progress(
        Signals(
            texts=[TextSignal("Status", "status", status), TextSignal("Notes", "notes", notes)],
            stage_columns=[onsite_column],
        ),
        n,
    )
    frame = progress.frame()
    assert len(frame) == n
    offer_rows = (status == "Offer").to_numpy()
    assert (frame["stage_reached"].to_numpy()[offer_rows] == "offer").all()
    assert len(frame["stage_evidence"].cat.categories) < 50  # evidence is stored per distinct cell


def _same_progress(left: Progress, right: Progress) -> None:
    for name in Progress.__dataclass_fields__:
        a, b = getattr(left, name), getattr(right, name)
        if isinstance(a, np.ndarray):
            assert a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind == "f"), name
        elif isinstance(a, pd.Categorical):
            assert list(a.categories) == list(b.categories) and np.array_equal(a.codes, b.codes), name
        else:
            assert a == b, name


@settings(max_examples=60, deadline=None)
@given(
    distinct=st.lists(st.tuples(_cell, _cell, _cell, _cell, _cell), min_size=1, max_size=3),
    seed=st.integers(0, 2**16),
    read_notes=st.booleans(),
)
def test_rows_read_once_per_distinct_combination_of_cells_read_as_row_by_row(
    distinct: list[tuple], seed: int, read_notes: bool
) -> None:
    # Few combinations of many rows (a million rows of twenty statuses) are read once each.
    n = 2_500
    picks = np.random.default_rng(seed).integers(0, len(distinct), n)
    columns = [pd.Series([distinct[p][i] for p in picks], dtype="object") for i in range(5)]
    signals = Signals(
        texts=[
            TextSignal("Status", "status", columns[0]),
            TextSignal("Result", "result", columns[1]),
            TextSignal("Notes", "notes", columns[2]),
        ],
        applied_flag=("Applied?", columns[3]),
        interview_count=("Interviews", columns[4]),
        read_notes=read_notes,
    )
    assert _combinations(signals, n) is not None  # the shortcut is taken
    _same_progress(infer_progress(signals, n), _infer_rows(signals, n, {}))
