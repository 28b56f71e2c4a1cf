"""The importer keeps freed memory for reuse: a second row-sized array costs no new pages."""

from __future__ import annotations

import subprocess
import sys

import pytest

# A fresh process allocates eight million-row float columns (64 MB), frees them, allocates them again,
# and prints the page faults of the second round only.
_SECOND_ALLOCATION_FAULTS = """
import resource, sys
import numpy as np
from nextround.importing.memory import keep_freed_memory
if sys.argv[1] == "keep":
    assert keep_freed_memory()
first = [np.ones(1_000_000) for _ in range(8)]
del first
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
second = [np.ones(1_000_000) for _ in range(8)]
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    out = subprocess.run(
        [sys.executable, "-c", _SECOND_ALLOCATION_FAULTS, mode], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc is Linux-only")
def test_freed_memory_is_reused_instead_of_faulted_in_again() -> None:
    handed_back, kept = _faults("default"), _faults("keep")
    assert handed_back > 0  # by default the first round's pages went back to the system
    assert kept * 20 < handed_back  # kept: the same pages serve the second round
