"""Every test keeps what it remembers in a temporary data folder, never in the user's real one.

The variable is set when pytest loads this file, so servers started by session fixtures (the browser
tests) inherit it too; each test then gets a fresh folder of its own.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from nextround.store.location import DATA_DIR_VARIABLE

_SESSION_FOLDER = tempfile.mkdtemp(prefix="nextround-test-data-")
os.environ[DATA_DIR_VARIABLE] = _SESSION_FOLDER
atexit.register(shutil.rmtree, _SESSION_FOLDER, ignore_errors=True)


@pytest.fixture(autouse=True)
def data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own data folder (``NEXTROUND_DATA_DIR``)."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder
