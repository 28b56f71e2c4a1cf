"""AppTest fixtures: the bundled sample, imported once per test session."""

from __future__ import annotations

import pytest

from nextround.importing import ImportOptions, ImportResult, SourceFile, import_files
from nextround.resources import data_path


@pytest.fixture(scope="session")
def sample_result() -> ImportResult:
    path = data_path("sample_applications.xlsx")
    return import_files([SourceFile(path.name, path.read_bytes())], ImportOptions())
