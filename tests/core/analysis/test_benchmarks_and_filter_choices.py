"""Benchmarks as data with their sources, CSV downloads that cannot run formulas, filter options."""

import io

import pandas as pd

from nextround.analysis import benchmark_note, csv_bytes, load_benchmarks
from nextround.analysis.filter_choices import filter_choices
from nextround.model import conform


def test_every_benchmark_names_its_source_and_sits_in_zero_to_one():
    benchmarks = load_benchmarks()
    assert {b.metric for b in benchmarks} >= {"response_rate", "interview_rate"}
    for b in benchmarks:
        assert b.source
        assert 0 <= b.low <= b.high <= 1
        assert b.perspective
    stepstone = next(b for b in benchmarks if b.key == "stepstone_interview_rate_2025")
    assert stepstone.url.startswith("https://")
    assert stepstone.date == "2025-10-06"
    assert "Stepstone" in benchmark_note("interview_rate")
    assert benchmark_note("no such metric") == ""
    # A reference is framed as one, with whose funnel it describes (a "2–6 %" bare beside 88 % misleads).
    note = benchmark_note("response_rate")
    assert note.startswith("For comparison, not a verdict on yours: 2–6 %")
    assert "cold applications without a referral" in note


def test_csv_download_neutralises_formulas_in_text_only():
    table = pd.DataFrame({"group": ["=HYPERLINK(1)", "+1", "Referral"], "rate": [-0.5, 0.1, 0.2]})
    text = csv_bytes(table).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text))
    assert back["group"].tolist() == ["'=HYPERLINK(1)", "'+1", "Referral"]
    assert back["rate"].tolist() == [-0.5, 0.1, 0.2]


def test_filter_choices_list_values_by_frequency_and_the_date_span():
    frame = conform(
        pd.DataFrame(
            {
                "role_family": ["Analyst", "Engineer", "Analyst", None],
                "source": ["LinkedIn", " ", "Referral", "LinkedIn"],
                "applied_on": pd.to_datetime(["2025-02-01", None, "2025-01-15", "2025-03-01"]),
            }
        )
    )
    options = filter_choices(frame)
    assert options.role_families == ("Analyst", "Engineer")
    assert options.sources == ("LinkedIn", "Referral")
    assert (options.first_applied.isoformat(), options.last_applied.isoformat()) == (
        "2025-01-15",
        "2025-03-01",
    )
