"""Run every benchmark in turn (import, Overview analysis, whole-app scale, the remembered search, the
small waits) and print their reports.

Run: ``.venv/bin/python bench/run_all.py`` (``make bench``). Each benchmark runs in its own process so
one's memory does not inflate the next one's numbers; the exit code is non-zero if any of them failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BENCHMARKS = ("bench_import.py", "bench_analysis.py", "bench_scale.py", "bench_store.py", "bench_small.py")


def main() -> int:
    failed = []
    for name in BENCHMARKS:
        print(f"\n=== {name} " + "=" * (60 - len(name)), flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(BENCH / name)], check=False).returncode
        outcome = "finished" if code == 0 else f"exit code {code} (a target missed, or an error)"
        print(f"--- {name}: {outcome} in {time.perf_counter() - start:.0f} s")
        if code != 0:
            failed.append(name)
    if failed:
        print(f"\nNot finished cleanly: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
