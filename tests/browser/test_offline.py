"""Nothing leaves the computer: the real server, started as a user starts it, and every page in Chromium.

The server runs ``streamlit run app.py`` with only the project's ``.streamlit/config.toml`` (no
``--server.address`` on the command line), and a ``sitecustomize`` on its PYTHONPATH that records, and
blocks, every name lookup and connection to anything but this machine. The browser records every
request, and every favicon link, to a host other than the server's.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from tests.fixtures.browser import running_app, wait_for_app

pytestmark = pytest.mark.browser

SITECUSTOMIZE = '''
"""Test probe, loaded at start-up: record and block any lookup or connection off this machine."""
import ipaddress
import os
import socket

_LOG = os.environ["NEXTROUND_NETWORK_LOG"]


def _note(line):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(line + "\\n")


def _local(host):
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host in (None, "", "localhost", "ip6-localhost"):
        return True
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def getaddrinfo(host, *args, **kwargs):
    if not _local(host):
        _note(f"lookup {host}")
        raise socket.gaierror(socket.EAI_NONAME, "blocked by the offline test")
    return _getaddrinfo(host, *args, **kwargs)


def _check(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
        _note(f"connect {address[0]}:{address[1]}")
        raise OSError(101, "blocked by the offline test")


def connect(self, address):
    _check(self, address)
    return _connect(self, address)


def connect_ex(self, address):
    _check(self, address)
    return _connect_ex(self, address)


socket.getaddrinfo = getaddrinfo
socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
_note(f"probe loaded in {os.getpid()}")
'''


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """The app as ``make run`` starts it; yields its URL, the probe's log and the server's output."""
    probe = tmp_path_factory.mktemp("probe")
    (probe / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    network_log = probe / "network.log"
    output = probe / "streamlit.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(probe), os.environ.get("PYTHONPATH")])),
        "NEXTROUND_NETWORK_LOG": str(network_log),
    }
    with running_app(output, [], env) as (url, _):  # no --server.address: config.toml decides
        _wait_for_banner(output)
        yield url, network_log, output


def _wait_for_banner(output: Path, timeout: float = 30) -> None:
    """Streamlit looks up its addresses just before it prints where it listens: wait for that."""
    deadline = time.monotonic() + timeout
    while "URL:" not in output.read_text(encoding="utf-8", errors="replace"):
        if time.monotonic() > deadline:
            raise AssertionError("the server never said where it listens")
        time.sleep(0.2)


def _attempts(network_log: Path) -> list[str]:
    lines = network_log.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("probe loaded") for line in lines), "the probe did not load in the server"
    return [line for line in lines if not line.startswith("probe loaded")]


def test_the_server_listens_on_this_computer_only_and_looks_nothing_up(server) -> None:
    _, network_log, output = server
    assert _attempts(network_log) == []
    banner = output.read_text(encoding="utf-8")
    assert "Network URL" not in banner and "External URL" not in banner, banner


def test_no_page_load_reaches_another_host(server, browser: Browser) -> None:
    url, network_log, _ = server
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    elsewhere: list[str] = []

    def note(request: Request) -> None:
        host = urlsplit(request.url).hostname
        if host is not None and host not in {"127.0.0.1", "localhost"}:
            elsewhere.append(request.url)

    def blocked(route) -> None:  # nothing may leave the sandbox even when the test is about to fail
        if urlsplit(route.request.url).hostname in {"127.0.0.1", "localhost", None}:
            route.continue_()
        else:
            route.abort()

    context.on("request", note)
    context.route("**/*", blocked)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(url)
        wait_for_app(page)
        _assert_local_favicons(page)
        hrefs = _page_hrefs(page)
        assert len(hrefs) >= 8, hrefs
        page.get_by_role("button", name="Explore with sample data").click()
        wait_for_app(page)
        for href in hrefs:  # within the app, with data: every chart and table drawn
            page.locator(f'[data-testid="stSidebarNav"] a[href="{href}"]').click()
            wait_for_app(page)
            _assert_local_favicons(page)
        for href in hrefs:  # and each page loaded afresh, as a bookmark opens it
            page.goto(href)
            wait_for_app(page)
            _assert_local_favicons(page)
    finally:
        context.close()
    assert elsewhere == []
    assert _attempts(network_log) == []


def _page_hrefs(page: Page) -> list[str]:
    nav = page.get_by_test_id("stSidebarNav").get_by_role("link")
    expect(nav.first).to_be_visible()
    return [nav.nth(i).get_attribute("href") or "" for i in range(nav.count())]


def _assert_local_favicons(page: Page) -> None:
    """Headless Chromium reports no favicon request, so read where the page points for its icon."""
    icons = page.eval_on_selector_all("link[rel~='icon']", "links => links.map(link => link.href)")
    assert icons, "the page has no favicon link"
    for href in icons:
        assert urlsplit(href).hostname in {"127.0.0.1", "localhost", None}, href
