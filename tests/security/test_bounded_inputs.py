"""Hostile files read in a fresh process limited to 2 GB of address space and a wall time (``bounded``).

Each file must be read or refused with one sentence, within the limits: a step that costs the square of
its input fails here instead of on a user's machine. The spreadsheet files measured in
``test_hostile_uploads`` (``_measure``) run under the same limits there; the rest run here.
"""

from __future__ import annotations

import functools
import inspect
import sys
from pathlib import Path

import pytest

from nextround.importing import readers
from nextround.importing.cells import MAX_APPLICATIONS
from tests.fixtures import hostile_files as hostile
from tests.security.bounded import BoundExceededError, read_bounded, run_limited

# Builders whose files test_hostile_uploads._measure already reads under the limits.
MEASURED = {
    "laughs_in_shared_strings",
    "lying_sizes",
    "rows_csv",
    "ragged_rows_csv",
    "wide_csv",
    "wide_xlsx",
    "long_cells_csv",
    "long_cells_xlsx",
}
SPREADSHEETS = {
    "laughs_in_sheet": (),
    "external_entity": (),
    "declared_huge_sheet": (),
    "over_the_size_limit": (readers.MAX_FILE_BYTES,),
    "binary_junk": ("junk.xlsx",),
    "nul_bytes_csv": (),
    "renamed_pdf": (),
    "password_protected": (),
    "tidy_csv": (100_000,),
    "unclosed_html_tables_md": (),
    "many_html_tables_md": (),
}
CV_BOMBS = {
    "docx_zip_bomb": "would unpack to 315 MB",
    "docx_laughs": "declares XML entities",
    "pdf_bomb": "compression bomb",
    "pdf_many_pages": "has 2,000 pages",
}
NOT_FILES = {"handmade_xlsx", "handmade_docx", "handmade_pdf", "text_content", "shared_row", "shared_strings"}


@functools.cache
def _built(builder: str, *args: object) -> tuple[str, bytes]:
    return getattr(hostile, builder)(*args)


def _write(tmp_path: Path, builder: str, *args: object) -> Path:
    name, data = _built(builder, *args)
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_every_hostile_file_is_read_under_the_limits_somewhere() -> None:
    builders = {
        name
        for name, value in vars(hostile).items()
        if inspect.isfunction(value) and value.__module__ == hostile.__name__ and not name.startswith("_")
    }
    files = builders - NOT_FILES - {"plain_sheet", "set_declared_size"}
    covered = MEASURED | set(SPREADSHEETS) | set(CV_BOMBS)
    covered |= {"many_sheets_xlsx", "docx_cv", "pdf_cv", "long_status_csv"}  # tested one by one
    assert files == covered


@pytest.mark.parametrize("builder", sorted(SPREADSHEETS))
def test_hostile_spreadsheets_are_read_or_refused_within_the_limits(builder: str, tmp_path: Path) -> None:
    outcome = read_bounded("import", _write(tmp_path, builder, *SPREADSHEETS[builder]), seconds=30)
    if "refused" in outcome:
        assert "\n" not in outcome["refused"] and "Traceback" not in outcome["refused"]
    else:
        assert outcome["read"]["rows_read"] <= MAX_APPLICATIONS


def test_a_workbook_of_many_long_sheets_stays_bounded(tmp_path: Path) -> None:
    # 200 sheets of 5,000 rows: a million rows in all, each sheet a plausible tracker.
    outcome = read_bounded("import", _write(tmp_path, "many_sheets_xlsx", 200, 5_000), seconds=30)
    # Either one sheet of 5,000 applications is read (not the million rows of all 200), or the workbook is
    # refused naming its size; the wall time is bounded above (30 s), never asserted as a speed.
    assert outcome.get("read") == {"rows_read": 5_000, "applications": 5_000} or "rows" in outcome["refused"]


@pytest.mark.parametrize("builder", sorted(CV_BOMBS))
def test_cv_bombs_get_one_sentence_within_the_limits(builder: str, tmp_path: Path) -> None:
    outcome = read_bounded("cv", _write(tmp_path, builder), seconds=30)
    message = outcome["refused"]
    # the message says how it was refused: from the sizes and counts the file declares, not by unpacking
    # it ("would unpack to 315 MB", "has 2,000 pages"); the bounded process caps its memory and time
    assert CV_BOMBS[builder] in message and "\n" not in message


@pytest.mark.parametrize("builder", ["docx_cv", "pdf_cv"])
def test_real_cvs_are_read_within_the_limits(builder: str, tmp_path: Path) -> None:
    assert read_bounded("cv", _write(tmp_path, builder), seconds=30)["read"]["chars"] > 20


@pytest.mark.parametrize(
    ("command", "builder"), [*(("gaps", b) for b in sorted(CV_BOMBS)), ("plan", "docx_zip_bomb")]
)
def test_the_cli_exits_2_with_one_line_for_a_cv_bomb(command: str, builder: str, tmp_path: Path) -> None:
    tracker = tmp_path / "tracker.csv"
    tracker.write_text("Company,Role,Status\nAcme,Data Analyst,Rejected after screen\n", encoding="utf-8")
    cv = _write(tmp_path, builder)
    extra = ["--format", "md", "-o", str(tmp_path / "plan.md")] if command == "plan" else []
    done = run_limited(
        [sys.executable, "-m", "nextround", command, str(tracker), "--cv", str(cv), *extra], seconds=30
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("nextround: ") and done.stderr.count("\n") == 1, done.stderr
    assert CV_BOMBS[builder] in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "plan.md").exists()


def test_the_limits_are_real() -> None:
    """The harness itself: a child that grabs 3 GB, or sleeps past its time, is caught."""
    with pytest.raises(BoundExceededError, match="address space"):
        run_limited([sys.executable, "-c", "b = bytearray(3 * 1024**3)"], seconds=30)
    with pytest.raises(BoundExceededError, match="still running"):
        run_limited([sys.executable, "-c", "import time; time.sleep(5)"], seconds=1)
