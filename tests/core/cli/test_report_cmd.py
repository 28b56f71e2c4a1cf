"""``nextround report``: text for people, JSON for scripts, the same numbers as the core."""

import json
from pathlib import Path

import pytest

from nextround.cli import main

HEADER = "Company,Role,Date Applied,Status,Source"
STATUSES = (
    ["Rejected"] * 6 + ["Rejected after phone screen"] * 3 + ["Interviewing"] * 2 + ["Offer", "Withdrawn"]
)


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    lines = [HEADER] + [
        f"Company {i},Data Analyst,2025-03-{i + 1:02d},{status},{'LinkedIn' if i % 2 else 'Referral'}"
        for i, status in enumerate(STATUSES)
    ]
    path = tmp_path / "applications.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_report_holds_kpis_funnel_and_the_diagnosis(csv_file, capsys):
    assert main(["report", str(csv_file), "--json", "--as-of", "2025-03-20"]) == 0
    report = json.loads(capsys.readouterr().out)
    kpis = report["kpis"]
    assert kpis["applications"] == 13
    assert kpis["withdrawn"] == 1
    assert kpis["offers"] == 1
    assert kpis["rejected"] == 9
    assert [row["reached"] for row in report["funnel"]] == [13, 6, 3, 1, 1]
    applied = report["funnel"][0]
    assert (applied["decided"], applied["passed"]) == (12, 6)  # the withdrawn one leaves the denominator
    assert kpis["response_rate"]["count"] == 12
    assert kpis["response_rate"]["denominator"] == 12
    diagnosis = report["diagnosis"]
    assert (diagnosis["stage"], diagnosis["reason"]) == ("applied", "volume")
    assert "CV screening" in diagnosis["headline"]
    assert diagnosis["because"].startswith(
        "6 of 12 applications with a known result at CV screening didn't get past it"
    )
    assert diagnosis["stages"][0]["rejected"] == 6
    assert report["as_of"] == "2025-03-20"


def test_text_report_for_people(csv_file, capsys):
    assert main(["report", str(csv_file), "--as-of", "2025-03-20"]) == 0
    out = capsys.readouterr().out
    assert "Applications: 13" in out
    assert "Response rate            12 of 12 (100 %" in out
    assert "Applied" in out
    assert out.startswith("Work on CV screening first: that is where most of your applications end.\n6 of 12")
    assert "95 % CI" not in out and "likely range" in out


def test_ghosting_threshold_and_toggle(tmp_path, capsys):
    path = tmp_path / "quiet.csv"
    rows = [HEADER] + [f"C{i},Analyst,2025-01-{i + 1:02d},Applied,LinkedIn" for i in range(12)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert (
        main(["report", str(path), "--json", "--as-of", "2025-06-01", "--count-ghosting-as-rejection"]) == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["kpis"]["ghosted_inferred"] == 12
    assert report["kpis"]["rejection_rate"]["count"] == 12
    assert main(["report", str(path), "--json", "--as-of", "2025-06-01", "--ghosted-after", "365"]) == 0
    assert json.loads(capsys.readouterr().out)["kpis"]["pending"] == 12


def test_unusable_input_exits_2_with_one_line(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert main(["report", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nextround: ")
    assert len(err.strip().splitlines()) == 1


def test_help_lists_the_report_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "report" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    assert "--count-ghosting-as-rejection" in capsys.readouterr().out
