"""Where a remembered search is kept: one file in the user's data folder, or one per visitor when the
app is deliberately served on a network.

``NEXTROUND_DATA_DIR`` overrides the folder (the tests point it at a temporary one); otherwise it is the
platform's user data folder (``platformdirs``: ``~/.local/share/nextround`` on Linux).
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
from pathlib import Path
from typing import Final

import platformdirs

DATA_DIR_VARIABLE: Final = "NEXTROUND_DATA_DIR"
REMEMBER_VARIABLE: Final = "NEXTROUND_REMEMBER"  # "off": nothing is ever written (a shared machine)
APP_NAME: Final = "nextround"
STORE_NAME: Final = "search.sqlite3"
VISITORS: Final = "visitors"
# SQLite's companions of a database file: the rollback journal (during a write) and, were WAL ever on,
# its log and shared memory. Forgetting removes them all.
COMPANIONS: Final = ("-journal", "-wal", "-shm")
_VISITOR_ID: Final = re.compile(r"[A-Za-z0-9_-]{32}")
_LOCAL_NAMES: Final = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def data_dir() -> Path:
    """The folder that holds the store(s)."""
    chosen = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    return Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_dir_is_chosen() -> bool:
    """Whether the folder was named by ``NEXTROUND_DATA_DIR`` (then it is not ours to remove)."""
    return bool(os.environ.get(DATA_DIR_VARIABLE, "").strip())


def remembering_allowed() -> bool:
    """False when whoever started the app said nothing may be written (``NEXTROUND_REMEMBER=off``)."""
    return os.environ.get(REMEMBER_VARIABLE, "").strip().lower() not in {"off", "no", "0", "false"}


def is_local_address(address: str) -> bool:
    """Whether a server bound to ``address`` can only be reached from this computer.

    Streamlit's empty default binds every interface, so it is not local; nor is any name but localhost
    (it is not resolved: a name could point anywhere).
    """
    host = address.strip().strip("[]")
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_visitor_id() -> str:
    """A random, unguessable id for one browser (192 bits, URL- and file-name-safe)."""
    return secrets.token_urlsafe(24)


def is_visitor_id(text: object) -> bool:
    """Only an id this module made may name a file: anything else could point outside the folder."""
    return isinstance(text, str) and _VISITOR_ID.fullmatch(text) is not None


def store_path(folder: Path, visitor: str | None = None) -> Path:
    """The store of the one local user, or of one network visitor."""
    if visitor is None:
        return folder / STORE_NAME
    if not is_visitor_id(visitor):
        raise ValueError("not a visitor id")
    return folder / VISITORS / f"{visitor}.sqlite3"
