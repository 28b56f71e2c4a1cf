"""Benchmark: the small waits a user notices — ``nextround --help`` and finding the skills of a long job
description.

Run: ``.venv/bin/python bench/bench_small.py``. Each is timed best of several against a baseline taken in
the same run: a bare ``python -c pass`` for the command line, and splitting the same description into
its words for the skill finder. Targets: help within 0.5 s; a description of 60 sentences within 50 ms.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_analysis import best_of  # noqa: E402
from nextround.skills.vocabulary import load_vocabulary  # noqa: E402

HELP_SECONDS = 0.5
DESCRIPTION_SECONDS = 0.05
_WORD = re.compile(r"\w+")


def _run(*arguments: str) -> None:
    subprocess.run([sys.executable, *arguments], capture_output=True, check=True, cwd=ROOT)


def main() -> int:
    bare = best_of(5, lambda: _run("-c", "pass"))
    help_ = best_of(5, lambda: _run("-m", "nextround", "--help"))
    print(f"nextround --help      {help_:6.3f} s  ({help_ / bare:4.1f}× starting Python alone, {bare:.3f} s)")

    vocabulary = load_vocabulary()
    text = " ".join(["We need SQL, Python and stakeholder management; excellent communication."] * 60)
    vocabulary.find(text)  # the patterns are compiled on first use
    words = best_of(20, lambda: _WORD.findall(text.lower()))
    found = best_of(20, lambda: vocabulary.find(text))
    print(
        f"skills of a description {found * 1000:6.1f} ms  ({found / words:4.0f}× splitting it into words, "
        f"{words * 1000:.2f} ms)"
    )
    ok = help_ <= HELP_SECONDS and found <= DESCRIPTION_SECONDS
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
