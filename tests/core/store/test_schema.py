"""The schema is versioned: a file written by version 1 opens in version 2 with everything in it, its
search becomes the first checkpoint, and a migration cut short leaves the file at version 1."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from nextround.store import SearchStore, decode, encode, schema
from nextround.store.frames import table_bytes
from nextround.store.location import store_path
from nextround.store.sqlite_store import StoreError
from tests.fixtures.synthetic import cohort

TABLE = cohort(120, seed=4)
SAVED_AT = "2026-11-12T09:30:00+00:00"
PLAN_V1 = [
    {
        "key": "gap:sql",
        "title": "Take a SQL course",
        "why": "Asked by 4 roles",
        "category": "skill/course",
        "due_on": "2026-11-20",
        "priority": "high",
        "links": [["Courses", "https://example.org"]],
        "status": "done",
        "details": "",
    },
    {
        "key": "role:bi",
        "title": "Try BI roles",
        "why": "",
        "category": "role targeting",
        "due_on": "2026-11-21",
        "priority": "medium",
        "links": [],
        "status": "to do",
        "details": "",
    },
]


def _version_1_file(path: Path) -> None:
    """A store exactly as version 1 of Next Round wrote it: its tables, rows and JSON shapes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    schema.migrate(db, target=1)
    for name, body in {
        "label": json.dumps("tracker.xlsx"),
        "plan": json.dumps(PLAN_V1),
        "profile": json.dumps(["SQL", "Excel"]),
        "followed_up": json.dumps(["follow-up:3"]),
    }.items():
        db.execute("INSERT INTO parts VALUES (?, ?, ?)", (name, body, SAVED_AT))
    db.execute(
        "INSERT INTO tables VALUES ('applications', ?, ?, ?)", (table_bytes(TABLE), len(TABLE), SAVED_AT)
    )
    db.execute("INSERT INTO files VALUES (0, 'tracker.xlsx', 'abc', ?)", (b"PK old bytes",))
    db.execute("COMMIT")
    db.close()


def _version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def test_the_current_version_is_two():
    assert schema.SCHEMA_VERSION == 2


def test_a_version_1_file_opens_in_version_2_with_everything_in_it(data_folder: Path):
    path = store_path(data_folder)
    _version_1_file(path)
    assert _version(path) == 1
    saved = SearchStore(path).read()
    assert _version(path) == 2
    pd.testing.assert_frame_equal(saved.tables["applications"], TABLE)
    assert decode("label", saved.parts["label"]) == "tracker.xlsx"
    plan = decode("plan", saved.parts["plan"])
    assert [(i.key, i.status) for i in plan] == [("gap:sql", "done"), ("role:bi", "to do")]
    assert decode("profile", saved.parts["profile"]) == ("SQL", "Excel")
    assert decode("followed_up", saved.parts["followed_up"]) == {"follow-up:3"}
    assert saved.files[0].data == b"PK old bytes"
    # The version-1 search is the first checkpoint: the next upload is compared with it.
    checkpoint = saved.checkpoint
    assert checkpoint is not None
    assert checkpoint.taken_at.isoformat() == SAVED_AT
    assert (checkpoint.label, checkpoint.applications) == ("tracker.xlsx", 120)
    assert checkpoint.done_keys == {"gap:sql"}
    assert checkpoint.changes is None


def test_a_version_1_file_without_a_search_gets_no_checkpoint(data_folder: Path):
    path = store_path(data_folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    schema.migrate(db, target=1)
    db.execute("INSERT INTO parts VALUES ('profile', '[\"SQL\"]', ?)", (SAVED_AT,))
    db.close()
    saved = SearchStore(path).read()
    assert saved.checkpoint is None and saved.parts["profile"] == encode("profile", ("SQL",))


def test_a_migration_cut_short_leaves_the_file_at_version_1(
    data_folder: Path, monkeypatch: pytest.MonkeyPatch
):
    path = store_path(data_folder)
    _version_1_file(path)

    def broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE checkpoints (id INTEGER)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken))
    with pytest.raises(StoreError):
        SearchStore(path).read()
    assert _version(path) == 1
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "checkpoints" not in tables
    monkeypatch.undo()
    pd.testing.assert_frame_equal(SearchStore(path).read().tables["applications"], TABLE)
