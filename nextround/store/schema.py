"""The store's schema, versioned: each migration takes a file one version up, inside the transaction
that opens it, so a file is always at one whole version. ``PRAGMA user_version`` holds the version.

Version 1 — the search as it is now:
  ``parts``   small named JSON documents (the plan, the profile, the import choices, drafts, settings);
  ``tables``  named tables as Parquet (``applications``: the working table, evidence included);
  ``files``   the uploaded source files' bytes, to read them again with the choices.
Version 2 — since last time:
  ``checkpoints``  one row each time a new version of the tracker became the search: when, which file,
                   how many applications, the plan's actions done by then, and what had changed.
                   A version-1 search becomes the first checkpoint, so the next upload is compared
                   with it.
"""

from __future__ import annotations

import json
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


def _add_checkpoints_v2(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE checkpoints (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            taken_at TEXT NOT NULL,    -- ISO 8601, UTC
            label TEXT NOT NULL,       -- the files, in words
            applications INTEGER NOT NULL,
            done_keys TEXT NOT NULL,   -- JSON list of the plan's action keys done at that moment
            changes TEXT               -- JSON (codecs "since_last_time"); null for the first upload
        )"""
    )
    search = db.execute("SELECT rows, saved_at FROM tables WHERE name = 'applications'").fetchone()
    if search is None:
        return
    label = _json_part(db, "label")
    plan = _json_part(db, "plan")
    done = sorted(
        item["key"]
        for item in (plan if isinstance(plan, list) else [])
        if isinstance(item, dict) and item.get("status") == "done" and isinstance(item.get("key"), str)
    )
    db.execute(
        "INSERT INTO checkpoints (taken_at, label, applications, done_keys) VALUES (?, ?, ?, ?)",
        (search[1], label if isinstance(label, str) else "", search[0], json.dumps(done)),
    )


def _json_part(db: sqlite3.Connection, name: str) -> object:
    row = db.execute("SELECT body FROM parts WHERE name = ?", (name,)).fetchone()
    try:
        return None if row is None else json.loads(row[0])
    except ValueError:
        return None


MIGRATIONS: Final[Sequence[Migration]] = (_create_v1, _add_checkpoints_v2)
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
