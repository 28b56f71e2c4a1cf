"""The search remembered on this computer only, in a real browser against real servers:

- upload, correct a status, tick two plan items, restart the server, open a fresh browser: all there;
  "Forget everything" then leaves no file behind;
- served on a network, each browser has a store of its own: a second browser sees none of the first's
  search, and each finds its own again after a reload;
- "don't remember" on a shared computer writes nothing, and the browser keeps the choice.

Each test starts its own server(s) on its own temporary data folder.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from playwright.sync_api import Browser, Page, expect

from nextround.resources import data_path
from nextround.store import SearchStore, StoreError
from tests.fixtures.browser import (
    NO_ERRORS,
    SERVE_LOCALLY,
    go_to,
    running_app,
    screenshot,
    settle_layout,
    upload_files,
    wait_for_app,
)
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, csv_bytes
from tests.fixtures.grid import cell, choose_in_cell, grid, grid_row, plan_table
from tests.fixtures.messy_data import messy_frame
from tests.fixtures.paths import ROOT

ON_A_NETWORK = ("--server.address", "0.0.0.0", "--server.headless", "true")  # every interface
OTHER_ROWS = [["Wayne Enterprises", "Data Analyst", "03/02/2025", "Interview", "LinkedIn", ""]] * 3


@contextmanager
def _server(data: Path, name: str, args: tuple[str, ...] = SERVE_LOCALLY) -> Iterator[str]:
    env = {**os.environ, "NEXTROUND_DATA_DIR": str(data)}
    with running_app(ROOT / "test-artifacts" / f"streamlit-{name}.log", args, env) as (url, _):
        yield url


@contextmanager
def _fresh_browser(browser: Browser) -> Iterator[Page]:
    """A new browser context: no cookies, no tabs, as after quitting the browser."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Next Round")).to_be_visible()


def _upload(page: Page, path: Path) -> None:
    go_to(page, "Import", "Import your applications")
    upload_files(page, path)
    expect(page.get_by_text("How each column was read")).to_be_visible(timeout=30_000)
    wait_for_app(page)


def _sidebar(page: Page):
    return page.get_by_test_id("stSidebar")


def _screen_rate(page: Page) -> str:
    go_to(page, "Overview", "Where to act first")
    return page.get_by_test_id("stMetric").filter(has_text="Screen rate").first.inner_text()


def _tracker(folder: Path, name: str = "my applications.csv", rows: list[list[str]] | None = None) -> Path:
    path = folder / name
    path.write_bytes(csv_bytes([TRACKER_HEADER, *(rows or TRACKER_ROWS)]))
    return path


def _wait_until(condition: Callable[[], bool], failure: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, failure
        time.sleep(0.2)


def _screens_saved(data: Path) -> int:
    """Applications at the screen stage in the remembered table (0 before anything is saved)."""
    try:
        table = SearchStore(data / "search.sqlite3").read().tables.get("applications")
    except StoreError:  # read while a save holds the file: look again
        return 0
    return 0 if table is None else int((table["stage_reached"] == "screen").sum())


def _forget(page: Page) -> None:
    _sidebar(page).get_by_role("button", name="Forget everything").click()
    page.get_by_role("button", name="Forget everything now").click()
    expect(page.get_by_role("heading", name="Next Round")).to_be_visible()
    wait_for_app(page)


def test_a_restart_keeps_everything_and_forgetting_leaves_no_file(browser: Browser, tmp_path: Path):
    data = tmp_path / "data"
    tracker = tmp_path / "my tracker.xlsx"  # six months, 220 applications: a plan of several actions
    tracker.write_bytes(data_path("sample_applications.xlsx").read_bytes())
    with _server(data, "remember-1") as url, _fresh_browser(browser) as page:
        _open(page, url)
        _upload(page, tracker)
        rate_before = _screen_rate(page)
        go_to(page, "Import", "Import your applications")  # the uploader is empty again: the same file
        upload_files(page, tracker)
        expect(page.get_by_text("How each column was read")).to_be_visible(timeout=30_000)
        wait_for_app(page)
        statuses = grid(page, 1)
        row = grid_row(statuses, 0, "Rejected")
        choose_in_cell(page, statuses, row, 2, "screen")  # those came after a phone screen
        expect(statuses.locator(f"#glide-cell-2-{row}")).to_have_text("screen")
        # The grid shows the choice at once; the file is read again in the run that follows. Leaving
        # the page before that run ends would leave the table as it was, so wait for it to be saved.
        _wait_until(lambda: _screens_saved(data) == 19, "the corrected table was never saved")
        rate_after = _screen_rate(page)
        assert rate_after != rate_before
        go_to(page, "Action plan", "Your action plan")
        done = page.get_by_text(re.compile(r"\d+ of \d+ actions done"))
        expect(done).to_contain_text("0 of")
        plan = plan_table(page)
        choose_in_cell(page, plan, 0, 1, "done", left=60)
        expect(done).to_contain_text("1 of")
        choose_in_cell(page, plan, 1, 1, "done", left=60)
        expect(done).to_contain_text("2 of")
        titles = [cell(plan, 3, row) for row in (0, 1)]
        screenshot(page, "remember_01_before_restart")
    assert [p.name for p in _files(data)] == ["search.sqlite3"]

    with _server(data, "remember-2") as url, _fresh_browser(browser) as page:
        _open(page, url)
        expect(_sidebar(page).get_by_text("220 applications", exact=True)).to_be_visible()
        expect(_sidebar(page).get_by_text(re.compile("my tracker.xlsx"))).to_be_visible()
        assert _screen_rate(page) == rate_after  # the corrected status came back
        screenshot(page, "remember_02_overview_after_restart")
        go_to(page, "Action plan", "Your action plan")
        expect(page.get_by_text(re.compile(r"\d+ of \d+ actions done"))).to_contain_text("2 of")
        plan = plan_table(page)
        assert [cell(plan, 2, row) for row in (0, 1)] == ["done", "done"]
        assert [cell(plan, 3, row) for row in (0, 1)] == titles
        assert page.locator(NO_ERRORS).count() == 0
        screenshot(page, "remember_03_plan_after_restart")

        _forget(page)
        assert _files(data) == []
        expect(_sidebar(page).get_by_text("No data loaded yet.")).to_be_visible()
        page.reload()
        wait_for_app(page)
        expect(_sidebar(page).get_by_text("No data loaded yet.")).to_be_visible()
        assert _files(data) == []
        screenshot(page, "remember_04_forgotten")


def test_on_a_network_a_second_browser_sees_none_of_the_first(browser: Browser, tmp_path: Path):
    data = tmp_path / "data"
    mine, theirs = _tracker(tmp_path), _tracker(tmp_path, "other.csv", OTHER_ROWS)
    with _server(data, "network", ON_A_NETWORK) as url, _fresh_browser(browser) as first:
        _open(first, url)
        _upload(first, mine)
        expect(_sidebar(first).get_by_text("6 applications", exact=True)).to_be_visible()
        expect(_sidebar(first).get_by_text(re.compile("nobody else on the network"))).to_be_visible()
        with _fresh_browser(browser) as second:
            _open(second, url)
            expect(_sidebar(second).get_by_text("No data loaded yet.")).to_be_visible()
            expect(second.get_by_text("my applications.csv")).to_have_count(0)
            _upload(second, theirs)
            expect(_sidebar(second).get_by_text("3 applications", exact=True)).to_be_visible()
            screenshot(second, "remember_network_second_browser")
            second.reload()  # the same browser comes back to its own search
            wait_for_app(second)
            expect(_sidebar(second).get_by_text("3 applications", exact=True)).to_be_visible()
        first.reload()
        wait_for_app(first)
        expect(_sidebar(first).get_by_text("6 applications", exact=True)).to_be_visible()
        expect(first.get_by_text("other.csv")).to_have_count(0)
        assert first.locator(NO_ERRORS).count() == 0
        screenshot(first, "remember_network_first_browser")
        stores = _files(data)
        assert len(stores) == 2 and {p.parent.name for p in stores} == {"visitors"}
        _forget(first)
        assert len(_files(data)) == 1  # the other visitor's store is theirs


def test_dont_remember_writes_nothing_and_the_browser_keeps_the_choice(browser: Browser, tmp_path: Path):
    data = tmp_path / "data"
    tracker = _tracker(tmp_path)
    with _server(data, "dont-remember") as url, _fresh_browser(browser) as page:
        _open(page, url)
        _sidebar(page).get_by_text("Remember my search on this computer").click()
        expect(_sidebar(page).get_by_text(re.compile("Nothing of your search is written"))).to_be_visible()
        _upload(page, tracker)
        expect(_sidebar(page).get_by_text("6 applications", exact=True)).to_be_visible()
        assert _files(data) == []
        screenshot(page, "remember_off_shared_computer")
        page.reload()
        wait_for_app(page)
        expect(_sidebar(page).get_by_text("No data loaded yet.")).to_be_visible()
        expect(_sidebar(page).get_by_text(re.compile("You chose not to remember"))).to_be_visible()
        expect(
            _sidebar(page).get_by_role("switch", name="Remember my search on this computer")
        ).not_to_be_checked()
        assert _files(data) == []


def _phone_width(page: Page) -> None:
    """390 px wide: Streamlit folds the sidebar away; nothing is wider than the screen."""
    page.set_viewport_size({"width": 390, "height": 844})
    expect(_sidebar(page)).to_have_attribute("data-collapsed", "true")
    settle_layout(page)
    width, visible = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return [m.scrollWidth, m.clientWidth]; }"
    )
    assert width <= visible + 1, (width, visible)


def _desk_width(page: Page) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    expect(_sidebar(page)).to_have_attribute("data-collapsed", "false")
    settle_layout(page)


def _messy_versions(folder: Path) -> tuple[Path, Path]:
    """A tracker, and its newer version a few weeks on: answers came in, new applications were added."""
    earlier = messy_frame(150, seed=3)
    newer = earlier.copy()
    waiting = newer.index[newer["Status"].isin(["Applied", "applied - waiting"])][:20]
    newer.loc[waiting[:12], "Status"] = "Rejected after phone screen"
    newer.loc[waiting[12:], "Status"] = "1st interview"
    newer = pd.concat([newer, messy_frame(40, seed=4)], ignore_index=True)
    first, second = folder / "job hunt.csv", folder / "job hunt (2).csv"
    earlier.to_csv(first, index=False)
    newer.to_csv(second, index=False)
    return first, second


def test_a_newer_version_of_the_tracker_says_what_changed(browser: Browser, tmp_path: Path):
    earlier, newer = _messy_versions(tmp_path)
    with _server(tmp_path / "data", "since") as url, _fresh_browser(browser) as page:
        _open(page, url)
        _upload(page, earlier)
        go_to(page, "Action plan", "Your action plan")
        choose_in_cell(page, plan_table(page), 0, 1, "done", left=60)
        expect(page.get_by_text(re.compile(r"\d+ of \d+ actions done"))).to_contain_text("1 of")
        go_to(page, "Overview", "Where to act first")  # leaving Import empties its uploader
        go_to(page, "Import", "Import your applications")
        expect(
            page.get_by_text(re.compile(r"Your search: .*applications from job hunt\.csv"))
        ).to_be_visible()
        upload_files(page, newer)
        expect(page.get_by_role("heading", name="You already have a search here")).to_be_visible(
            timeout=30_000
        )
        wait_for_app(page)
        expect(page.get_by_text(re.compile(r"Response rate .* → .* since"))).to_be_visible()
        screenshot(page, "since_01_replace_or_add")
        _phone_width(page)
        screenshot(page, "since_01_replace_or_add_390px")
        _desk_width(page)
        page.get_by_role("button", name="Replace my search with this file").click()
        expect(page.get_by_text("Your search was replaced by the new files.")).to_be_visible(timeout=30_000)
        wait_for_app(page)
        expect(page.get_by_test_id("stMetric").filter(has_text="Plan actions done")).to_contain_text("1")
        expect(page.get_by_test_id("stMetric").filter(has_text="New applications")).not_to_contain_text(
            re.compile(r"^New applications\s*0$")
        )
        expect(page.get_by_text("Answers to applications you had already sent")).to_be_visible()
        assert page.locator(NO_ERRORS).count() == 0
        screenshot(page, "since_02_what_changed")
        go_to(page, "Welcome", "Next Round")
        expect(
            page.get_by_text(re.compile(r"Welcome back\. .* Since \d+ \w+: \d+ new applications"))
        ).to_be_visible()
        screenshot(page, "since_03_welcome_back")
        _phone_width(page)
        screenshot(page, "since_03_welcome_back_390px")
