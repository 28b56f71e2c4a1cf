"""Long Status cells (a pasted e-mail) under the 2 GB / wall-time limits of ``bounded``.

These two test the importer's phrase matcher, which today copies every earlier word for each phrase it
finds (memory grows with the square of the cell's length; issue 13). They are marked ``phrase_matcher``
and expected to fail, loudly and strictly, ONLY by exceeding the limits (``BoundExceededError``): any
other failure is reported as a failure, and once the matcher is linear they pass and ``strict`` turns
the marker itself into a failure, so it must be removed. See them fail today with
``pytest -m phrase_matcher --runxfail``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security import hostile_files as hostile
from tests.security.bounded import BoundExceededError, read_bounded

pytestmark = [
    pytest.mark.phrase_matcher,
    pytest.mark.xfail(
        raises=BoundExceededError,
        strict=True,
        reason="the importer's phrase matcher is quadratic in a cell's length (issue 13); remove this "
        "marker once it is linear",
    ),
]


def _read_or_refuse(tmp_path: Path, megabytes: int, cell_kb: int, rows: int, seconds: float) -> None:
    name, data = hostile.long_status_csv(megabytes, cell_kb)
    path = tmp_path / name
    path.write_bytes(data)
    outcome = read_bounded("import", path, seconds=seconds)
    if "refused" in outcome:  # a clear one-line reason is allowed too
        assert "\n" not in outcome["refused"], outcome
    else:
        assert outcome["read"] == {"rows_read": rows, "applications": rows}


def test_a_340_kb_status_cell_imports_in_seconds(tmp_path: Path) -> None:
    _read_or_refuse(tmp_path, 1, 340, rows=1, seconds=20)  # the cell the browser upload choked on


def test_30_mb_of_one_megabyte_status_cells_imports_in_seconds(tmp_path: Path) -> None:
    _read_or_refuse(tmp_path, 30, 1024, rows=30, seconds=30)  # each Status a 1 MB pasted e-mail
