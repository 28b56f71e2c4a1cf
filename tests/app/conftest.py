"""AppTest helpers: run a page (or the whole app) with data already in session state."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sample_result():
    from nextround.importing import ImportOptions, SourceFile, import_files
    from nextround.resources import data_path

    path = data_path("sample_applications.xlsx")
    return import_files([SourceFile(path.name, path.read_bytes())], ImportOptions())


def run_page(page: str, applications=None, **state) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    if applications is not None:
        at.session_state["applications"] = applications
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    return at


def remembered(at: AppTest, name: str):
    """What the page left in the session's memo under ``name`` (ui/memo.py)."""
    from ui.memo import MEMO

    return at.session_state[MEMO][name][2]
