"""The store file: what is saved comes back, a save cut short loses nothing older, forgetting leaves
nothing behind, and a file it cannot read is refused in words."""

from __future__ import annotations

import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from nextround.importing import SourceFile
from nextround.store import Changes, SearchStore, StoreError, encode
from nextround.store.location import COMPANIONS, store_path
from nextround.store.schema import SCHEMA_VERSION
from tests.fixtures.paths import ROOT
from tests.fixtures.synthetic import cohort

OLD = cohort(300, seed=1)
NEW = cohort(10_000, seed=2)
FILES = (SourceFile("tracker.xlsx", b"PK\x03\x04 old bytes"), SourceFile("notes.csv", b"a,b\n1,2\n"))


def _saved_once(path: Path) -> SearchStore:
    store = SearchStore(path)
    store.save(
        Changes(
            parts={"label": encode("label", "tracker.xlsx"), "profile": encode("profile", ("SQL",))},
            tables={"applications": OLD},
            files=FILES,
        )
    )
    return store


def _assert_old(store: SearchStore) -> None:
    saved = store.read()
    assert saved.parts["label"] == '"tracker.xlsx"'
    assert saved.parts["profile"] == '["SQL"]'
    pd.testing.assert_frame_equal(saved.tables["applications"], OLD)
    assert saved.files == FILES


def test_what_is_saved_comes_back(data_folder: Path):
    store = _saved_once(store_path(data_folder))
    _assert_old(store)
    assert store.version() == SCHEMA_VERSION
    assert store.read().saved_at is not None


def test_a_new_store_has_nothing_and_writes_no_file_until_a_save(data_folder: Path):
    store = SearchStore(store_path(data_folder))
    assert store.read().empty
    store.save(Changes())
    assert list(data_folder.iterdir()) == []


def test_a_save_changes_only_what_it_names(data_folder: Path):
    store = _saved_once(store_path(data_folder))
    store.save(Changes(parts={"profile": encode("profile", ("SQL", "Excel")), "label": None}))
    saved = store.read()
    assert saved.parts == {"profile": '["SQL", "Excel"]'}
    pd.testing.assert_frame_equal(saved.tables["applications"], OLD)
    assert saved.files == FILES


def test_the_file_is_private_to_the_user(data_folder: Path):
    store = _saved_once(store_path(data_folder / "nested"))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


def test_an_error_in_the_middle_of_a_save_leaves_the_old_search(data_folder: Path):
    store = _saved_once(store_path(data_folder))

    class Broken(tuple):
        """Source files whose listing fails after the parts and the table were written."""

        def __iter__(self):
            yield from super().__iter__()
            raise OSError("disk full")

    half = Changes(
        parts={"label": encode("label", "newer.xlsx"), "profile": encode("profile", ())},
        tables={"applications": NEW},
        files=Broken((SourceFile("newer.xlsx", b"new"),)),
    )
    with pytest.raises(StoreError, match="cannot be written"):
        store.save(half)
    _assert_old(store)


KILLED_MID_SAVE = """
import os, signal, sqlite3, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from nextround.importing import SourceFile
from nextround.store import Changes, SearchStore, encode
from tests.fixtures.synthetic import cohort

connect = sqlite3.connect
def small_cache(*args, **kwargs):
    db = connect(*args, **kwargs)
    db.execute("PRAGMA cache_size = 1")  # pages go to the file before the commit: a real half-written save
    return db
sqlite3.connect = small_cache

class KilledWhileListing(tuple):
    def __iter__(self):
        yield from super().__iter__()
        os.kill(os.getpid(), signal.SIGKILL)

SearchStore(Path({path!r})).save(
    Changes(
        parts={{"label": encode("label", "newer.xlsx")}},
        tables={{"applications": cohort(10_000, seed=2)}},
        files=KilledWhileListing((SourceFile("newer.xlsx", b"new" * 100_000),)),
    )
)
print("the save finished: the test did not kill it")
"""


def test_a_process_killed_in_the_middle_of_a_save_loses_nothing_older(data_folder: Path):
    path = store_path(data_folder)
    store = _saved_once(path)
    before = path.read_bytes()
    child = subprocess.run(
        [sys.executable, "-c", KILLED_MID_SAVE.format(root=str(ROOT), path=str(path))],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    journal = path.with_name(path.name + "-journal")
    assert journal.exists(), "the kill came before anything was written: the test proves nothing"
    assert path.read_bytes() != before, "the half-written pages never reached the file"
    _assert_old(store)  # SQLite rolls the hot journal back on opening
    assert not journal.exists()


def test_forgetting_leaves_no_file_behind(data_folder: Path):
    path = store_path(data_folder)
    store = _saved_once(path)
    for suffix in COMPANIONS:  # as a crash would leave them
        path.with_name(path.name + suffix).write_bytes(b"")
    store.forget()
    assert list(data_folder.iterdir()) == []
    assert store.read().empty
    store.forget()  # twice is fine


def test_a_file_that_is_not_a_store_is_refused_in_words(data_folder: Path):
    path = store_path(data_folder)
    path.write_bytes(b"this is not SQLite at all" * 100)
    with pytest.raises(StoreError, match="damaged or not a Next Round store"):
        SearchStore(path).read()
    assert path.read_bytes() == b"this is not SQLite at all" * 100  # kept for the user to decide


def test_a_store_from_a_newer_version_is_refused_and_left_alone(data_folder: Path):
    path = store_path(data_folder)
    _saved_once(path)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version of Next Round"):
        SearchStore(path).read()
    with pytest.raises(StoreError):
        SearchStore(path).save(Changes(parts={"label": encode("label", "x")}))
    assert SearchStore(path).version() == SCHEMA_VERSION + 1


def test_a_damaged_table_is_refused_in_words(data_folder: Path):
    path = store_path(data_folder)
    _saved_once(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE tables SET parquet = ?", (b"PAR1 garbage",))
    with pytest.raises(StoreError, match="table 'applications' is damaged"):
        SearchStore(path).read()


def test_a_folder_that_cannot_be_written_is_said_in_words(data_folder: Path):
    blocked = data_folder / "inner"
    blocked.write_text("a file where the folder should be")  # fails for root too, unlike a chmod
    with pytest.raises(StoreError, match="cannot be written"):
        SearchStore(store_path(blocked)).save(Changes(parts={"label": encode("label", "x")}))


def test_checkpoints_are_added_and_the_latest_comes_back(data_folder: Path):
    from datetime import UTC, datetime

    from nextround.store import Checkpoint

    store = _saved_once(store_path(data_folder))
    assert store.read().checkpoint is None
    first = Checkpoint(datetime(2026, 11, 12, 9, 30, tzinfo=UTC), "tracker.xlsx", 300)
    second = Checkpoint(
        datetime(2026, 11, 26, 18, 0, tzinfo=UTC), "tracker (1).xlsx", 320, frozenset({"a"}), "{}"
    )
    store.save(Changes(checkpoint=first))
    store.save(Changes(checkpoint=second))
    assert store.read().checkpoint == second
