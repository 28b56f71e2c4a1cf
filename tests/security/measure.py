"""Run one hostile upload through the importer in a fresh process and report time and peak memory.

``python -m tests.security.measure <builder> [int args]`` prints one JSON line: the outcome, the
seconds it took, the growth of the peak resident memory it caused, and the seconds a tidy
100,000-row import took in the same process (the baseline the tests compare with).
"""

from __future__ import annotations

import json
import resource
import sys
import time

import pandas as pd

from nextround.importing import InputError, SourceFile, import_files
from tests.fixtures import hostile_files

BASELINE_ROWS = 100_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _timed_import(name: str, data: bytes) -> tuple[dict[str, object], float]:
    start = time.perf_counter()
    try:
        result = import_files([SourceFile(name, data)])
    except InputError as error:
        outcome: dict[str, object] = {"refused": str(error)}
    except Exception as error:  # reported, and the test fails on it
        outcome = {"crashed": f"{type(error).__name__}: {error}"[:500]}
    else:
        report = result.report
        outcome = {
            "rows_read": report.rows_read,
            "applications": report.applications,
            "skipped": len(report.skipped),
            "notes": [note for f in report.files for note in f.notes],
            "longest_cell": _longest_text(result.applications),
        }
    return outcome, time.perf_counter() - start


def _longest_text(table: pd.DataFrame) -> int:
    lengths = [table[c].str.len().max() for c in table.columns if table[c].dtype == "str"]
    return int(max((n for n in lengths if not pd.isna(n)), default=0))


def main(builder: str, *args: str) -> None:
    _timed_import(*hostile_files.tidy_csv(1_000))  # warm up lazy imports and caches
    _, baseline = _timed_import(*hostile_files.tidy_csv(BASELINE_ROWS))
    name, data = getattr(hostile_files, builder)(*(int(a) for a in args))
    size_mb = len(data) / 1024 / 1024
    before = _peak_mb()
    outcome, seconds = _timed_import(name, data)
    outcome.update(
        seconds=seconds, baseline_seconds=baseline, peak_growth_mb=_peak_mb() - before, size_mb=size_mb
    )
    print(json.dumps(outcome))


if __name__ == "__main__":
    main(*sys.argv[1:])
