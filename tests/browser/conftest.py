"""Browser tests: the real app (``streamlit run app.py``) driven in Debian's headless Chromium.

In CI (``CI`` set) a missing Chromium FAILS the run; on a laptop without it the tests skip and say
why. `make test` installs Debian's chromium, so both normally run them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from nextround.store.location import REMEMBER_VARIABLE
from tests.fixtures.browser import CHROMIUM, CHROMIUM_ARGS, running_app
from tests.fixtures.paths import ROOT

expect.set_options(timeout=30_000)  # a first page load on a busy machine can take a while


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """One server for the journeys, remembering nothing: on 127.0.0.1 every browser is the one local
    user, so a remembered search would carry from one test into the next. The store has its own
    browser tests (test_remember_browser.py), each with its own server and data folder."""
    env = {**os.environ, REMEMBER_VARIABLE: "off"}
    with running_app(ROOT / "test-artifacts" / "streamlit.log", env=env) as (url, _):
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium package."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()
