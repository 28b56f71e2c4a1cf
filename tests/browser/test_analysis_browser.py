"""Real browser: the sample data on the Overview, Rejections and Trends pages, filters included."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.fixtures.browser import NO_ERRORS, screenshot, wait_for_app


def _load_sample(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.get_by_role("button", name="Explore with sample data").click()
    page.wait_for_url(re.compile(r".*/overview"))
    wait_for_app(page)


def test_analysis_pages_render_with_the_sample(page: Page, app_url: str):
    _load_sample(page, app_url)
    expect(page.get_by_role("heading", name="Where to act first")).to_be_visible()
    # The sample loses 147 of 186 decided applications at CV screening: that is where to act.
    headline = page.get_by_test_id("stAlert").filter(has_text="Work on CV screening first")
    expect(headline).to_be_visible()
    expect(
        page.get_by_text("147 of 186 applications with a known result at CV screening didn't get past it")
    ).to_be_visible()
    expect(page.get_by_text("too close to call")).to_have_count(0)
    expect(page.get_by_text("95 % CI")).to_have_count(0)
    expect(page.get_by_test_id("stExpander")).to_have_count(1)  # the details, one click away
    expect(page.get_by_test_id("stMetric").filter(has_text="Response rate")).to_contain_text("%")
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "10_overview")

    page.get_by_role("link", name="Rejections").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="By stage and role family")).to_be_visible()
    expect(page.locator(".js-plotly-plot").nth(4)).to_be_visible()  # five charts or more
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "11_rejections")

    page.get_by_role("link", name="Trends").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Trends")).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    assert page.locator(NO_ERRORS).count() == 0
    screenshot(page, "12_trends")


def test_ghosting_toggle_changes_the_overview(page: Page, app_url: str):
    _load_sample(page, app_url)
    rejection = page.get_by_test_id("stMetric").filter(has_text=re.compile(r"^Rejected"))
    before = rejection.inner_text()
    page.get_by_test_id("stSidebar").get_by_text("Count ghosting as rejection", exact=True).click()
    wait_for_app(page)
    assert page.locator(NO_ERRORS).count() == 0
    expect(rejection).not_to_have_text(before)
    expect(page.get_by_text("no answer included")).to_be_visible()
    screenshot(page, "13_overview_ghosting_as_rejection")


def test_a_quick_click_after_the_sample_keeps_the_ghosting_thresholds(browser: Browser, app_url: str):
    """A person clicks a page link the moment the Overview's address appears, while the first run with
    data is still drawing the sidebar: the thresholds must stay at their defaults (they fell to the
    inputs' minimum, 1 day, before the widgets got their starting value from ``value=``)."""
    for _ in range(3):  # the race was lost every time; three fresh sessions make a pass mean something
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        try:
            page.goto(app_url)
            wait_for_app(page)
            page.get_by_role("button", name="Explore with sample data").click()
            page.wait_for_url(re.compile(r".*/overview"))
            page.get_by_test_id("stSidebar").get_by_role("link", name="Rejections", exact=True).click()
            expect(page.get_by_role("heading", name="By stage and role family")).to_be_visible()
            wait_for_app(page)
            sidebar = page.get_by_test_id("stSidebar")
            expect(sidebar.get_by_role("spinbutton", name=re.compile("after applying"))).to_have_value("30")
            expect(sidebar.get_by_role("spinbutton", name=re.compile("screen or interview"))).to_have_value(
                "21"
            )
            assert page.locator(NO_ERRORS).count() == 0
        finally:
            context.close()
