"""The store's schema, versioned: each migration takes a file one version up, inside the transaction
that opens it, so a file is always at one whole version. ``PRAGMA user_version`` holds the version.

Version 1 — the search as it is now:
  ``parts``   small named JSON documents (the plan, the profile, the import choices, drafts, settings);
  ``tables``  named tables as Parquet (``applications``: the working table, evidence included);
  ``files``   the uploaded source files' bytes, to read them again with the choices.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Final

Migration = Callable[[sqlite3.Connection], None]


class StoreVersionError(RuntimeError):
    """The file was written by a newer Next Round: reading it could lose what that version keeps."""


def _create_v1(db: sqlite3.Connection) -> None:
    # One statement at a time: ``executescript`` would commit the transaction the migration runs in.
    db.execute(
        """CREATE TABLE parts (
            name TEXT PRIMARY KEY,
            body TEXT NOT NULL,        -- JSON, shaped by nextround/store/codecs.py
            saved_at TEXT NOT NULL     -- ISO 8601, UTC
        )"""
    )
    db.execute(
        """CREATE TABLE tables (
            name TEXT PRIMARY KEY,
            parquet BLOB NOT NULL,     -- nextround/store/frames.py
            rows INTEGER NOT NULL,
            saved_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE files (
            position INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            data BLOB NOT NULL
        )"""
    )


MIGRATIONS: Final[Sequence[Migration]] = (_create_v1,)
SCHEMA_VERSION: Final = len(MIGRATIONS)


def version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring ``db`` to ``target`` (the current version by default); the caller holds the transaction."""
    current = version(db)
    if current > SCHEMA_VERSION:
        raise StoreVersionError(
            f"it was saved by a newer version of Next Round (store version {current}, this one reads up to "
            f"{SCHEMA_VERSION})"
        )
    for step in range(current, target):
        MIGRATIONS[step](db)
        db.execute(f"PRAGMA user_version = {step + 1}")
