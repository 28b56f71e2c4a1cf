"""A real 526-application tracker in the browser: the doubtful column is asked about, one click moves
the screen rate, one click moves it back (the file stays in ../shared/realworld; never copied)."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

from tests.fixtures.browser import NO_ERRORS, go_to, screenshot, upload_files, wait_for_app
from tests.realworld.expectations import REALWORLD

TRACKER = REALWORLD / "manuelelizaldi_526apps_4sheets_pivots.xlsx"
QUESTION = re.compile(r"Messaged Recruiter or Team.{1,2}reads as something you did")  # quotes may curl


@pytest.fixture
def tracker() -> None:
    if not TRACKER.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the real-world corpus: {TRACKER} is missing")
        pytest.skip(f"no real-world corpus at {REALWORLD}")


def _upload(page: Page) -> None:
    upload_files(page, TRACKER)
    expect(page.get_by_text("Please check these readings")).to_be_visible(timeout=60_000)
    wait_for_app(page)


def _screen_rate(page: Page) -> str:
    go_to(page, "Overview", "Where to act first")
    return page.get_by_test_id("stMetric").filter(has_text="Screen rate").first.inner_text()


def test_the_doubtful_column_is_a_question_and_one_click_gives_the_other_reading(
    page: Page, app_url: str, tracker: None
):
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_role("button", name="Upload your spreadsheet").click()
    page.wait_for_url(re.compile(r".*/import_data"))
    wait_for_app(page)
    _upload(page)
    expect(page.get_by_text(QUESTION)).to_be_visible()
    expect(page.get_by_text("195 applications say yes")).to_be_visible()
    screenshot(page, "realworld_526_review_question")
    as_read = _screen_rate(page)
    assert re.search(r"\b[4-8] %", as_read), as_read  # 31 of 526 reached a screen: about 6 %
    screenshot(page, "realworld_526_overview_as_read")

    go_to(page, "Import", "Import your applications")
    _upload(page)
    page.get_by_role("button", name="No, it means a screen").click()
    expect(page.get_by_role("button", name="No, it means a screen")).to_be_disabled()
    wait_for_app(page)
    as_screens = _screen_rate(page)
    assert re.search(r"\b(3\d|4\d) %", as_screens), as_screens  # every message counted as a screen
    screenshot(page, "realworld_526_overview_messages_as_screens")

    go_to(page, "Import", "Import your applications")
    _upload(page)
    page.get_by_role("button", name="Yes, leave it out").click()
    expect(page.get_by_role("button", name="Yes, leave it out")).to_be_disabled()
    assert _screen_rate(page) == as_read  # one click on Overview lands there (go_to clicks once)
    assert page.locator(NO_ERRORS).count() == 0
