"""Long Status cells (a pasted e-mail) under the 2 GB / wall-time limits of ``bounded``.

The phrase matcher once copied every earlier word for each phrase it found (memory grew with the square
of a cell's length). It now reads each cell in linear time and only its first
``phrases.MAX_ANALYSED_CHARS`` characters; these keep it that way.
"""

from __future__ import annotations

from pathlib import Path

from tests.fixtures import hostile_files as hostile
from tests.security.bounded import read_bounded


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
    _read_or_refuse(tmp_path, 1, 340, rows=3, seconds=20)  # the cell the browser upload choked on


def test_30_mb_of_one_megabyte_status_cells_imports_in_seconds(tmp_path: Path) -> None:
    _read_or_refuse(tmp_path, 30, 1024, rows=30, seconds=30)  # each Status a 1 MB pasted e-mail


def _peak_memory_of_import(cell_kb: int) -> int:
    import tracemalloc

    from nextround.importing import SourceFile, import_files

    name, data = hostile.long_status_csv(megabytes=0, cell_kb=cell_kb)  # one row, one cell of that size
    tracemalloc.start()
    try:
        import_files([SourceFile(name, data)])
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_no_faster_than_the_text() -> None:
    # Ten times the text may cost at most about ten times the memory (a square would cost a hundred).
    small, large = _peak_memory_of_import(100), _peak_memory_of_import(1024)
    assert large <= 15 * small, (small, large)
