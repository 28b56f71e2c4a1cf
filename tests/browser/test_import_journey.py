"""Real-browser journeys through the front door: landing, sample data, upload, a bad file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.fixtures.browser import (
    NO_ERRORS,
    free_port,
    screenshot,
    start_server,
    stop_server,
    upload_files,
    wait_for_app,
    wait_healthy,
)
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, banner_workbook, csv_bytes, linkedin_export


def _open(page: Page, url: str, path: str = "") -> None:
    page.goto(f"{url}/{path}")
    wait_for_app(page)


def _upload_on_the_import_page(page: Page, url: str, path: Path) -> None:
    """Upload ``path`` on the Import page and wait for its review."""
    _open(page, url, "import_data")
    upload_files(page, path)
    expect(page.get_by_text("How each column was read")).to_be_visible(timeout=30_000)
    wait_for_app(page)


def test_landing_then_sample_data_opens_the_overview(page: Page, app_url: str):
    _open(page, app_url)
    expect(page.get_by_role("heading", name="Next Round")).to_be_visible()
    screenshot(page, "01_landing")
    page.get_by_role("button", name="Explore with sample data").click()
    page.wait_for_url(re.compile(r".*/overview"))
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar").get_by_text("220 applications")).to_be_visible()
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "02_overview_sample")


def test_upload_a_messy_workbook_shows_the_report(page: Page, app_url: str, tmp_path):
    workbook = tmp_path / "my tracker.xlsx"
    workbook.write_bytes(banner_workbook())
    _upload_on_the_import_page(page, app_url, workbook)
    expect(page.get_by_test_id("stMetric").filter(has_text="Applications")).to_contain_text("2")
    expect(page.get_by_text("Skipped rows (2)")).to_be_visible()
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "03_import_report")


def test_a_renamed_pdf_gets_a_clear_message_and_the_app_stays_usable(page: Page, app_url: str, tmp_path):
    bad = tmp_path / "cv.xlsx"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    _open(page, app_url, "import_data")
    upload_files(page, bad)
    expect(page.get_by_text(re.compile("cv.xlsx.*PDF", re.IGNORECASE))).to_be_visible(timeout=30_000)
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "04_bad_file")
    page.get_by_role("link", name="Welcome").click()
    wait_for_app(page)
    expect(page.get_by_role("button", name="Explore with sample data")).to_be_visible()


def test_a_json_export_is_read_and_a_table_of_no_applications_is_refused(page: Page, app_url: str, tmp_path):
    records = [
        {
            "companyName": "Acme",
            "role": "Analyst",
            "status": "applicationRejected",
            "dateApplied": "2025-03-01",
        },
        {"companyName": "Beta", "role": "Engineer", "status": "interview2", "dateApplied": "2025-03-04"},
        {"companyName": "Gamma", "role": "Lead", "status": "applied", "dateApplied": "2025-03-06"},
    ]
    export = tmp_path / "tracker-export.json"
    export.write_text(json.dumps(records))
    _upload_on_the_import_page(page, app_url, export)
    expect(page.get_by_test_id("stMetric").filter(has_text="Applications")).to_contain_text("3")
    expect(page.get_by_text("Read the JSON file's 3 records")).to_be_visible()
    expect(page.get_by_text("columns named by its fields")).to_be_visible()
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "03b_import_json")

    calendar = tmp_path / "releases.csv"
    calendar.write_bytes(
        csv_bytes([["version", "codename", "release"], ["24.04", "Noble Numbat", "2024-04-25"]])
    )
    _open(page, app_url, "import_data")
    upload_files(page, calendar)
    expect(
        page.get_by_text(re.compile("releases.csv.*does not look like a job-application tracker"))
    ).to_be_visible(timeout=30_000)
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "04b_not_a_tracker")


def test_the_date_filter_shows_the_span_of_the_data_now_loaded(page: Page, app_url: str, tmp_path):
    # an uploaded 2025 tracker, then the sample data (May to November 2026): the filter shown is the one
    # applied, not the earlier data's span
    tracker = tmp_path / "tracker.csv"
    tracker.write_bytes(csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]))
    _upload_on_the_import_page(page, app_url, tracker)
    dates = page.get_by_test_id("stSidebar").get_by_test_id("stDateInput").locator("input")
    expect(dates.first).to_have_value("2025-01-15")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Welcome").click()
    wait_for_app(page)
    page.get_by_role("button", name="Explore with sample data").click()
    page.get_by_role("button", name="Replace with the sample data").click()  # asked first: it is your search
    expect(page.get_by_test_id("stSidebar").get_by_text("220 applications")).to_be_visible(timeout=30_000)
    wait_for_app(page)
    expect(dates.first).to_have_value("2026-05-25")
    expect(dates.last).to_have_value("2026-11-20")
    assert page.locator(NO_ERRORS).count() == 0


def test_a_deep_link_as_the_first_request_gets_the_whole_app(browser: Browser):
    """A bookmarked /overview opened on a freshly started server runs the frame (app.py) and its page,
    with no "Page not found" over it (scripts/serve.py tells Streamlit that app.py lists the pages)."""
    port = free_port()
    server = start_server(port)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, server)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"{url}/overview")
        wait_for_app(page)
        nav = page.get_by_test_id("stSidebarNav")
        for section in ("Start", "Where am I losing?", "What do I do next?"):
            expect(nav.get_by_text(section, exact=True)).to_be_visible()
        expect(nav.get_by_text("Welcome")).to_be_visible()
        expect(nav.get_by_text("Action plan")).to_be_visible()
        expect(page.get_by_role("heading", name="Overview")).to_be_visible()
        expect(page.get_by_text("No applications loaded yet")).to_be_visible()
        expect(page.get_by_text("Page not found")).to_have_count(0)  # no dialog over the right page
        context.close()
    finally:
        stop_server(server)


def test_a_second_tracker_is_not_merged_without_asking(page: Page, app_url: str, tmp_path):
    first = tmp_path / "my tracker.xlsx"
    first.write_bytes(banner_workbook())
    second = tmp_path / "Job Applications.csv"
    second.write_bytes(csv_bytes(linkedin_export(0, 5)))
    _open(page, app_url)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Import your applications")).to_be_visible()
    wait_for_app(page)
    upload_files(page, first)
    expect(page.get_by_text("How each column was read")).to_be_visible(timeout=30_000)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("2 applications")).to_be_visible()
    upload_files(page, second)  # the uploader emptied after the first: this only adds
    expect(page.get_by_role("heading", name="You already have a search here")).to_be_visible(timeout=30_000)
    expect(sidebar.get_by_text("2 applications")).to_be_visible()  # nothing merged while asked
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "05_second_tracker_asks")
    page.get_by_role("button", name="Replace my search with this file").click()
    expect(sidebar.get_by_text("5 applications")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Reviewing Job Applications\.csv"))).to_be_visible()
