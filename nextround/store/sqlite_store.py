"""One remembered search in one SQLite file (standard library): read it, save changes, forget it.

Every save is one transaction in SQLite's rollback-journal mode with full sync: the old content stays
in the file until the new one is complete, and a save cut short (an error, a killed process, a power
cut) is rolled back the next time the file is opened. Nothing older is ever lost to a half-written save.
A connection lives for one call only, so no file handle is shared between sessions or threads.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa

from nextround.importing import SourceFile
from nextround.store import frames
from nextround.store.location import COMPANIONS
from nextround.store.schema import StoreVersionError, migrate, version


class StoreError(RuntimeError):
    """The store could not be read or written; the message says why in plain words."""


@dataclass(frozen=True)
class Checkpoint:
    """The moment a version of the tracker became the search (schema version 2)."""

    taken_at: datetime  # UTC
    label: str
    applications: int
    done_keys: frozenset[str] = frozenset()  # the plan's actions done by then
    changes: str | None = None  # what changed since the checkpoint before (JSON, codecs "since_last_time")


@dataclass(frozen=True)
class Saved:
    """What a store holds: raw JSON parts (decoded by ``codecs``), tables and source files."""

    parts: Mapping[str, str] = field(default_factory=dict)
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    files: tuple[SourceFile, ...] = ()
    saved_at: datetime | None = None  # the latest save, UTC
    checkpoint: Checkpoint | None = None  # the latest

    @property
    def empty(self) -> bool:
        return not (self.parts or self.tables or self.files or self.checkpoint)


@dataclass(frozen=True)
class Changes:
    """What one save writes: parts and tables set (``None`` removes one), the source files when they are
    new (``None``: unchanged), and a checkpoint to add."""

    parts: Mapping[str, str | None] = field(default_factory=dict)
    tables: Mapping[str, pd.DataFrame | None] = field(default_factory=dict)
    files: tuple[SourceFile, ...] | None = None
    checkpoint: Checkpoint | None = None

    @property
    def empty(self) -> bool:
        return not self.parts and not self.tables and self.files is None and self.checkpoint is None


def _checkpoint(row: tuple[str, str, int, str, str | None] | None) -> Checkpoint | None:
    if row is None:
        return None
    taken_at, label, applications, done_keys, changes = row
    try:
        done = json.loads(done_keys)
        return Checkpoint(
            datetime.fromisoformat(taken_at), label, int(applications), frozenset(done), changes
        )
    except (ValueError, TypeError) as error:
        raise StoreError(f"its latest checkpoint is damaged ({error})") from None


def _table(name: str, data: bytes) -> pd.DataFrame:
    try:
        return frames.table_from_bytes(data)
    except (pa.ArrowException, ValueError, KeyError) as error:
        raise StoreError(f"its table '{name}' is damaged ({error})") from None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SearchStore:
    """The store file at ``path`` (created on the first save, with its folder, private to the user)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> Saved:
        """Everything the file holds (an empty ``Saved`` when there is no file yet)."""
        if not self.exists():
            return Saved()
        with self._transaction(writing=False) as db:
            parts: dict[str, str] = dict(db.execute("SELECT name, body FROM parts"))
            tables = {
                name: _table(name, data) for name, data in db.execute("SELECT name, parquet FROM tables")
            }
            files = tuple(
                SourceFile(name, bytes(data))
                for name, data in db.execute("SELECT name, data FROM files ORDER BY position")
            )
            latest = "SELECT MAX(saved_at) FROM parts UNION ALL SELECT MAX(saved_at) FROM tables"
            stamps = [row[0] for row in db.execute(latest) if row[0]]
            checkpoint = _checkpoint(
                db.execute(
                    "SELECT taken_at, label, applications, done_keys, changes FROM checkpoints "
                    "ORDER BY id DESC LIMIT 1"
                ).fetchone()
            )
        saved_at = datetime.fromisoformat(max(stamps)) if stamps else None
        return Saved(parts, tables, files, saved_at, checkpoint)

    def save(self, changes: Changes) -> None:
        """Apply ``changes`` in one transaction: all of them, or (after any failure) none."""
        if changes.empty:
            return
        self._create()
        stamp = now()
        # Encode before the transaction opens: the write lock is held only for the writing itself.
        tables = {
            name: None if table is None else (frames.table_bytes(table), len(table))
            for name, table in changes.tables.items()
        }
        with self._transaction() as db:
            for name, body in changes.parts.items():
                if body is None:
                    db.execute("DELETE FROM parts WHERE name = ?", (name,))
                else:
                    db.execute(
                        "INSERT INTO parts (name, body, saved_at) VALUES (?, ?, ?) "
                        "ON CONFLICT (name) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
                        (name, body, stamp),
                    )
            for name, encoded in tables.items():
                if encoded is None:
                    db.execute("DELETE FROM tables WHERE name = ?", (name,))
                else:
                    db.execute(
                        "INSERT INTO tables (name, parquet, rows, saved_at) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (name) DO UPDATE SET parquet = excluded.parquet, rows = excluded.rows, "
                        "saved_at = excluded.saved_at",
                        (name, encoded[0], encoded[1], stamp),
                    )
            if changes.checkpoint is not None:
                point = changes.checkpoint
                db.execute(
                    "INSERT INTO checkpoints (taken_at, label, applications, done_keys, changes) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        point.taken_at.isoformat(timespec="seconds"),
                        point.label,
                        point.applications,
                        json.dumps(sorted(point.done_keys)),
                        point.changes,
                    ),
                )
            if changes.files is not None:
                db.execute("DELETE FROM files")
                db.executemany(
                    "INSERT INTO files (position, name, sha256, data) VALUES (?, ?, ?, ?)",
                    [
                        (i, f.name, hashlib.sha256(f.data).hexdigest(), f.data)
                        for i, f in enumerate(changes.files)
                    ],
                )

    def forget(self) -> None:
        """Remove the file and every companion SQLite made beside it; nothing of it is left."""
        for path in (self.path, *(self.path.with_name(self.path.name + c) for c in COMPANIONS)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def version(self) -> int:
        """The schema version of the file as it is on disk (0: no file)."""
        if not self.exists():
            return 0
        with contextlib.closing(sqlite3.connect(self.path, isolation_level=None)) as db:
            return version(db)

    def _create(self) -> None:
        """The folder and an empty file, readable by this user only, before SQLite opens it."""
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as error:
            raise StoreError(f"the folder {self.path.parent} cannot be written ({error.strerror})") from None

    @contextlib.contextmanager
    def _transaction(self, writing: bool = True) -> Iterator[sqlite3.Connection]:
        """A connection inside one transaction (taking the write lock at once when ``writing``; a read
        takes it only if the schema must be brought up to date first)."""
        try:
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path} cannot be opened ({error})") from None
        try:
            db.execute("PRAGMA journal_mode = DELETE")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("BEGIN IMMEDIATE" if writing else "BEGIN")
            try:
                migrate(db)
                yield db
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except StoreVersionError as error:
            raise StoreError(str(error)) from None
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} is damaged or not a Next Round store ({error})") from None
        except OSError as error:
            raise StoreError(f"{self.path} cannot be written ({error.strerror})") from None
        finally:
            db.close()
