"""The importer on the real, messy spreadsheets in ../shared/realworld (development corpus).

The files are never copied into the project; this module runs where the folder exists beside the
checkout (developer machines and CI) and says so plainly where it does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nextround.importing import import_paths

REALWORLD = Path(__file__).resolve().parents[4] / "shared" / "realworld"
pytestmark = pytest.mark.skipif(not REALWORLD.is_dir(), reason=f"no real-world corpus at {REALWORLD}")


def _import(name: str, **options):
    from nextround.importing import ImportOptions

    result = import_paths([REALWORLD / name], ImportOptions(**options))
    report = result.report
    assert report.rows_read == report.applications + len(report.skipped)
    return result


def test_uk_bi_tracker_reads_day_first_and_flags_fuzzy_dates():
    result = _import("martinw72uk_uk_bi_ddmmyyyy.csv")
    assert result.report.applications == 23
    assert result.report.date_order_question is None
    first = result.applications.iloc[0]
    assert (first["applied_on"].day, first["applied_on"].month) == (15, 1)
    fuzzy = [w for w in result.report.warnings if "not dates" in w.message]
    assert len(fuzzy) == 1 and len(fuzzy[0].rows) == 2


def test_stage_columns_give_the_furthest_stage_and_company_only_rows_are_wishlist():
    result = _import("nakuramino_internships_2019_stage_columns.csv")
    table = result.applications
    microsoft = table[table["company"] == "Microsoft"].iloc[0]
    assert microsoft["stage_reached"] >= "interview"
    assert microsoft["outcome"] == "offer"
    company_only = [s for s in result.report.skipped if "only names a company" in s.reason]
    assert len(company_only) >= 19
    assert "Netflix" not in set(table["company"])


def test_ragged_rows_are_repaired_or_reported_never_a_url_as_status():
    result = _import("0scarxmz_intern_log_unquoted_commas.csv")
    assert result.report.rows_read == 73
    assert not result.applications["status_raw"].fillna("").str.contains("http").any()


def test_latin1_file_decodes_and_negative_means_rejected():
    result = _import("hasanbeker2_gmail_llm_extracted_de.csv")
    companies = " ".join(result.applications["company"].dropna())
    assert "Körber" in companies or "Gießen" in " ".join(result.applications.astype(str).stack())
    negative = result.applications[result.applications["status_raw"].isin(["Negative", "Negative."])]
    assert len(negative) > 0 and (negative["outcome"] == "rejected").all()


def test_yng_flags_read_furthest_stage_and_ghosting():
    result = _import("smpotts_v1_stage_YNG_flags.csv")
    table = result.applications
    assert result.report.applications >= 190
    assert (table["stage_reached"] >= "screen").sum() > 0
    assert (table["outcome"] == "ghosted").sum() > 0


def test_chinese_headers_and_statuses():
    result = _import("limengsheng_zh_headers_statuses.csv")
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields["公司名称"] == "company"
    assert fields["岗位"] == "role"
    assert fields["当前状态"] == "status"
    assert fields["投递时间"] == "applied_on"
    readings = dict(zip(result.applications["status_raw"], result.applications["stage_reached"], strict=True))
    assert readings["一面"] == "interview"
    assert readings["已投递"] == "applied"


def test_simplify_saved_rows_are_not_applications():
    result = _import("junyizhou_simplify_tracker_export_2026-07-20.csv")
    assert "SAVED" not in set(result.applications["status_raw"].str.upper())
    assert any("saved" in s.reason for s in result.report.skipped)


def test_template_with_banner_and_empty_checkbox_rows_has_no_applications():
    result = _import("sravani_template_banner_header_empty.xlsx")
    assert result.report.files[0].header_row == 3
    assert result.report.applications == 0
    assert "no applications yet" in result.report.empty_reason or "none of the" in result.report.empty_reason
