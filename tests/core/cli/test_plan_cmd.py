"""``nextround plan``: every format written and readable, the format from the extension, one-line refusals."""

from __future__ import annotations

import csv
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from nextround.cli import main
from nextround.plan.roundtrip import read_plan_workbook
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, csv_bytes


@pytest.fixture
def tracker(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_bytes(csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]))
    return path


def test_markdown_plan_from_the_extension(tracker, tmp_path, capsys):
    out = tmp_path / "plan.md"
    assert main(["plan", str(tracker), "--date-order", "dmy", "-o", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Your next round: the action plan")
    assert "You sent 6 applications between 15 Jan 2025 and 22 Jan 2025" in text
    assert "### Application habits" in text


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "ics", "csv"])
def test_every_format_reads_back(tracker, tmp_path, fmt):
    out = tmp_path / "plan.out"
    assert main(["plan", str(tracker), "--date-order", "dmy", "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    if fmt == "pdf":
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert "Your next round" in text
    elif fmt == "xlsx":
        restored = read_plan_workbook(data)
        assert restored is not None
        assert len(restored.applications) == 6
        assert set(restored.applications["company"]) >= {"Acme Ltd", "Globex"}
        assert restored.items
    elif fmt == "ics":
        assert [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]
    else:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows
        assert {"Action", "Why", "Due", "Status"} <= set(rows[0])


def test_skills_are_accepted(tracker, tmp_path):
    out = tmp_path / "plan.csv"
    assert main(["plan", str(tracker), "--date-order", "dmy", "--skills", "SQL, Python", "-o", str(out)]) == 0


def test_an_unknown_extension_without_format_is_refused_in_one_line(tracker, tmp_path, capsys):
    assert main(["plan", str(tracker), "-o", str(tmp_path / "plan.bin")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("nextround: --out")
    assert error.count("\n") == 1


def test_a_missing_cv_is_refused_in_one_line(tracker, tmp_path, capsys):
    code = main(["plan", str(tracker), "--cv", str(tmp_path / "nope.pdf"), "-o", str(tmp_path / "p.md")])
    assert code == 2
    assert "nope.pdf" in capsys.readouterr().err


def test_plan_help_names_the_formats(capsys):
    with pytest.raises(SystemExit):
        main(["plan", "--help"])
    assert "md,pdf,xlsx,ics,csv" in capsys.readouterr().out


def test_skills_from_a_cv(tracker, tmp_path):
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Data analyst. Skills: SQL, Python, Excel, Tableau, stakeholder management.", encoding="utf-8"
    )
    out = tmp_path / "plan.md"
    assert main(["plan", str(tracker), "--date-order", "dmy", "--cv", str(cv), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Your next round")


def test_plan_as_of_dates_every_action_from_that_day(tracker, tmp_path, capsys):
    out = tmp_path / "plan.csv"
    args = ["plan", str(tracker), "--date-order", "dmy", "--as-of", "2025-02-03", "-o", str(out)]
    assert main(args) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    due = sorted(row["Due"] for row in rows)
    assert due[0] >= "2025-02-03" and due[-1] <= "2025-03-03"
    assert capsys.readouterr().out.startswith(f"Wrote {len(rows)} actions to ")


def test_the_sample_plan_starts_where_to_act_first_with_a_cv_action(tmp_path):
    """The bundled sample loses most at CV screening: the plan's first steps are about the CV."""
    from nextround.resources import data_path

    out = tmp_path / "plan.md"
    assert (
        main(["plan", str(data_path("sample_applications.xlsx")), "--as-of", "2026-11-21", "-o", str(out)])
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "**Where to act first:** Work on CV screening first" in text
    plan = text.split("## The plan", 1)[1]
    first_section = plan.split("### ", 2)[1]
    assert first_section.startswith("Where to act first")
    assert "Tailor your CV and cover letter to each advert" in first_section.split("- [ ]", 2)[1]
    assert "Follow up a week after each application" in first_section  # much silence
    assert "high priority" in first_section
