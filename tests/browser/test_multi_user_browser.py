"""Two people on one running app: each browser session sees only its own applications."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.fixtures.browser import NO_ERRORS, screenshot, upload_files, wait_for_app
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, csv_bytes


def _new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def _sidebar(page: Page):
    return page.get_by_test_id("stSidebar")


def test_two_browser_sessions_never_see_each_others_data(browser: Browser, app_url: str, tmp_path):
    tracker = tmp_path / "my applications.csv"
    tracker.write_bytes(csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]))
    sample, upload = _new_page(browser), _new_page(browser)
    try:
        sample.goto(app_url)
        wait_for_app(sample)
        upload.goto(f"{app_url}/import_data")
        wait_for_app(upload)

        sample.get_by_role("button", name="Explore with sample data").click()
        sample.wait_for_url(re.compile(r".*/overview"))
        wait_for_app(sample)
        upload_files(upload, tracker)
        expect(upload.get_by_text("How each column was read")).to_be_visible(timeout=30_000)
        wait_for_app(upload)

        expect(_sidebar(sample).get_by_text("220 applications")).to_be_visible()
        expect(_sidebar(upload).get_by_text("6 applications", exact=True)).to_be_visible()

        # Each goes on to the Overview: still only its own data, whoever loaded last.
        for page in (upload, sample):
            page.get_by_role("link", name="Overview").click()
            expect(page.get_by_role("heading", name="Overview")).to_be_visible()  # the new page, not the old
            wait_for_app(page)
        expect(upload.get_by_test_id("stMetric").filter(has_text="Applications").first).to_contain_text("6")
        expect(sample.get_by_test_id("stMetric").filter(has_text="Applications").first).to_contain_text("220")
        expect(_sidebar(sample).get_by_text("6 applications", exact=True)).to_have_count(0)
        expect(_sidebar(upload).get_by_text("220 applications")).to_have_count(0)
        expect(upload.get_by_text("my applications.csv")).to_be_visible()
        expect(sample.get_by_text("my applications.csv")).to_have_count(0)
        assert sample.locator(NO_ERRORS).count() == 0 and upload.locator(NO_ERRORS).count() == 0
        screenshot(sample, "multi_user_sample_session")
        screenshot(upload, "multi_user_upload_session")
    finally:
        sample.context.close()
        upload.context.close()
