"""Read one hostile file in a fresh process under an address-space limit and a wall-time limit.

A step that grows with the square of its input (or worse) then fails CI, not a user's machine: the
child runs out of its 2 GB of address space (``MemoryError``, or killed by a native allocator) or out of
time, and the parent raises ``BoundExceededError``. The child prints one JSON line:
``{"refused": message}``, ``{"read": {...}}`` or ``{"crashed": "Type: message"}``.

    python -m tests.security.bounded import|cv PATH
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADDRESS_SPACE = 2 * 1024**3  # bytes, as the issue asks: a user's laptop has more, but not much more
SECONDS = 60  # wall time, start-up and imports included; each test asks for far less where it can


class BoundExceededError(AssertionError):
    """The child ran out of address space or time: some step costs more than the input justifies."""


def limit_address_space() -> None:
    """``preexec_fn`` for subprocess: cap the child's virtual memory at ADDRESS_SPACE."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_limited(command: list[str], seconds: float = SECONDS) -> subprocess.CompletedProcess[str]:
    """Run ``command`` from the repository root within the limits; BoundExceededError when they are hit."""
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=seconds,
            preexec_fn=limit_address_space,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise BoundExceededError(f"{' '.join(command[-3:])}: still running after {seconds:g} s") from error
    if done.returncode < 0 or "MemoryError" in done.stderr + done.stdout or "bad_alloc" in done.stderr:
        raise BoundExceededError(
            f"{' '.join(command[-3:])}: ran out of its {ADDRESS_SPACE / 1024**3:g} GB of address space "
            f"(exit {done.returncode}): {(done.stdout + done.stderr)[-600:]}"
        )
    return done


def read_bounded(kind: str, path: Path, seconds: float = SECONDS) -> dict:
    """The outcome of reading ``path`` as a spreadsheet (``import``) or a CV (``cv``) within the limits."""
    done = run_limited([sys.executable, "-m", "tests.security.bounded", kind, str(path)], seconds)
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert "crashed" not in outcome, outcome["crashed"]
    return outcome


def _read(kind: str, path: Path) -> dict:
    from nextround.importing import InputError, SourceFile, import_files
    from nextround.skills.cv import read_cv_text

    data = path.read_bytes()
    start = time.perf_counter()
    try:
        if kind == "cv":
            text = read_cv_text(data, path.name)
            read: dict[str, object] = {"chars": len(text)}
        else:
            report = import_files([SourceFile(path.name, data)]).report
            read = {"rows_read": report.rows_read, "applications": report.applications}
    except InputError as error:
        return {"refused": str(error), "seconds": time.perf_counter() - start}
    except MemoryError:
        raise
    except Exception as error:  # reported, and the test fails on it
        return {"crashed": f"{type(error).__name__}: {error}"[:500]}
    return {"read": read, "seconds": time.perf_counter() - start}


if __name__ == "__main__":
    print(json.dumps(_read(sys.argv[1], Path(sys.argv[2]))))
