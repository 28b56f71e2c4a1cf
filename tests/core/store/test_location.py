"""Where the store lives, which addresses are this computer only, and which ids may name a file."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from nextround.store.location import (
    DATA_DIR_VARIABLE,
    REMEMBER_VARIABLE,
    data_dir,
    is_local_address,
    is_visitor_id,
    new_visitor_id,
    remembering_allowed,
    store_path,
)


def test_tests_never_use_the_real_data_folder(data_folder: Path):
    assert data_dir() == data_folder
    assert data_dir() != Path(platformdirs.user_data_dir("nextround", appauthor=False))


def test_without_the_variable_it_is_the_users_data_folder(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(DATA_DIR_VARIABLE)
    assert data_dir() == Path(platformdirs.user_data_dir("nextround", appauthor=False))


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", " LOCALHOST "])
def test_loopback_addresses_are_this_computer_only(address: str):
    assert is_local_address(address)


@pytest.mark.parametrize(
    "address", ["", "0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "my-laptop.local", "example.org"]
)
def test_every_other_address_is_a_network(address: str):
    assert not is_local_address(address)


def test_visitor_ids_are_random_and_only_they_name_a_file(data_folder: Path):
    ids = {new_visitor_id() for _ in range(100)}
    assert len(ids) == 100 and all(is_visitor_id(i) for i in ids)
    visitor = next(iter(ids))
    assert store_path(data_folder, visitor).parent == data_folder / "visitors"
    for hostile in ["../search", "../../etc/passwd" + "x" * 20, "a" * 31, "a" * 33, "a/" * 16, None, 7]:
        assert not is_visitor_id(hostile)
    with pytest.raises(ValueError, match="visitor id"):
        store_path(data_folder, "../" + "a" * 29)


@pytest.mark.parametrize(
    ("value", "allowed"), [("", True), ("on", True), ("off", False), ("OFF", False), ("0", False)]
)
def test_whoever_starts_the_app_can_say_nothing_is_written(
    monkeypatch: pytest.MonkeyPatch, value: str, allowed: bool
):
    monkeypatch.setenv(REMEMBER_VARIABLE, value)
    assert remembering_allowed() is allowed
