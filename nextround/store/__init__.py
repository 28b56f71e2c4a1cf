"""The remembered search: one local SQLite file per user (or per network visitor), versioned, written
atomically, never shared. Pure Python: the UI decides what to remember and when (``ui/remember.py``)."""

from nextround.store.codecs import CODECS, CodecError, decode, encode
from nextround.store.location import (
    data_dir,
    is_local_address,
    is_visitor_id,
    new_visitor_id,
    remembering_allowed,
    store_path,
)
from nextround.store.schema import SCHEMA_VERSION
from nextround.store.sqlite_store import Changes, Checkpoint, Saved, SearchStore, StoreError

__all__ = [
    "CODECS",
    "SCHEMA_VERSION",
    "Changes",
    "Checkpoint",
    "CodecError",
    "Saved",
    "SearchStore",
    "StoreError",
    "data_dir",
    "decode",
    "encode",
    "is_local_address",
    "is_visitor_id",
    "new_visitor_id",
    "remembering_allowed",
    "store_path",
]
