"""``nextround gaps``: ranked gaps from a file the test writes, with --skills, --cv and --json."""

from __future__ import annotations

import json

import pytest

from nextround.cli import main

ROWS = [
    ("Acme", "Data Analyst", "Rejected", "2026-11-02", "SQL, Python, dbt"),
    ("Birch", "Data Analyst", "Rejected", "2026-11-03", "SQL, Python"),
    ("Cedar", "Data Analyst", "Rejected after interview", "2026-10-01", "SQL, Airflow"),
    ("Dune", "BI Developer", "Offer", "2026-09-01", "SQL, Looker"),
]


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "applications.csv"
    lines = ["Company,Role,Status,Date Applied,Required Skills"]
    lines += [f'{c},{r},{s},{d},"{k}"' for c, r, s, d, k in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_gaps_json_ranks_by_evidence_of_cost(sheet, capsys):
    code = main(["gaps", str(sheet), "--skills", "sql, excel", "--as-of", "2026-11-25", "--json"])
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["profile"] == ["SQL", "Excel"]
    # Airflow's application got past screening: no cost. Python (2 lost) before dbt (1 lost).
    assert [g["skill"] for g in payload["gaps"]] == ["Python", "dbt"]
    python = payload["gaps"][0]
    assert python["rejected_at_screening"] == 2
    assert python["confidence"] == "thin"
    assert python["cost"] > payload["gaps"][1]["cost"] > 0
    assert "2 lost at CV screening, 2 in the last month" in python["evidence"]
    assert python["headline"].startswith(
        "Asked for by 2 applications, which got past CV screening less often"
    )


def test_gaps_reads_the_profile_from_a_cv(sheet, tmp_path, capsys):
    cv = tmp_path / "cv.txt"
    cv.write_text("Analyst with SQL, Python and dbt; some Excel.", encoding="utf-8")
    assert main(["gaps", str(sheet), "--cv", str(cv), "--as-of", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "Your skills: SQL, Python, dbt, Excel" in out
    assert "No missing skill shows evidence of costing you." in out  # Airflow's application got through


def test_an_unreadable_cv_is_one_line_and_exit_code_2(sheet, tmp_path, capsys):
    cv = tmp_path / "scan.pdf"
    cv.write_bytes(b"%PDF-1.4 garbage")
    assert main(["gaps", str(sheet), "--cv", str(cv)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("nextround: 'scan.pdf' could not be read as a PDF")
    assert "\n" not in err
