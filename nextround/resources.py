"""Curated knowledge shipped in ``data/``: vocabularies, role families, benchmarks, templates.

These files are ours, read-only and the same for every user, so caching them per process is safe.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=64)
def load_toml(name: str) -> dict[str, Any]:
    """Parse ``data/<name>`` (a TOML file) once per process."""
    with (DATA_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def data_path(name: str) -> Path:
    """Absolute path of a file in ``data/``."""
    return DATA_DIR / name
