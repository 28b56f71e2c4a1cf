"""Real browser: load the sample data, enter skills (typed and from a CV), and see the ranked gaps."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.fixtures.browser import NO_ERRORS, screenshot, upload_files, wait_for_app

pytestmark = pytest.mark.browser


def test_sample_data_skills_and_cv_give_ranked_gaps(page: Page, app_url: str, tmp_path):
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_role("button", name="Explore with sample data").click()
    page.wait_for_url(re.compile(r".*/overview"))
    wait_for_app(page)
    page.get_by_role("link", name="Skill gaps").click()
    page.wait_for_url(re.compile(r".*/skill_gaps"))
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Skill gaps")).to_be_visible()

    typed = page.get_by_label("Or type them, separated by commas")
    typed.fill("SQL, Excel, Tableau, Power BI")
    page.get_by_role("button", name="Add skills").click()
    wait_for_app(page)

    cv = tmp_path / "cv.txt"
    cv.write_text("Career changer. Strong communication and stakeholder management.", encoding="utf-8")
    upload_files(page, cv)
    expect(page.get_by_text("Skills found in your CV")).to_be_visible(timeout=30_000)
    wait_for_app(page)
    page.get_by_role("button", name="Add these to my skills").click()
    wait_for_app(page)

    page.get_by_role("heading", name="Your skills").scroll_into_view_if_needed()
    screenshot(page, "skill_gaps_profile")
    expect(page.get_by_text("Skills that cost you the most")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^1\. Python"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"got past CV screening less often")).first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"freeCodeCamp")).first).to_be_visible()
    assert page.locator(NO_ERRORS).count() == 0
    page.get_by_text(re.compile(r"^1\. Python")).scroll_into_view_if_needed()
    screenshot(page, "skill_gaps")

    page.get_by_test_id("stCheckbox").filter(has_text="Start a course in Python").click()
    wait_for_app(page)
    expect(page.get_by_text("1 action chosen on this page")).to_be_visible()
    roles = page.get_by_role("heading", name="Roles that may fit better")
    roles.scroll_into_view_if_needed()
    expect(page.get_by_text(re.compile(r"typical skills")).first).to_be_visible()
    screenshot(page, "skill_gaps_roles")
    coaching = page.get_by_role("heading", name="Where you lose, and what to practise")
    coaching.scroll_into_view_if_needed()
    page.get_by_test_id("stExpander").filter(has_text="lost after interviews").first.click()
    expect(page.get_by_text(re.compile("STAR technique")).first).to_be_visible()
    screenshot(page, "skill_gaps_coaching")
