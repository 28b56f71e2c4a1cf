"""One memo per session for work that depends on large objects: a result is kept until an argument
changes. Tables (and other large objects) are compared by identity, everything else by equality, so a
rerun with the same data costs nothing and a million rows are never hashed.

This is the only memo of the UI: ghosting, the filter choices, the page views and the plan downloads
all go through ``remembered``. It lives in ``st.session_state``, so one user's results never reach
another session, and it keeps one result per name, so it cannot grow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeVar

import numpy as np
import pandas as pd
import streamlit as st

MEMO: Final = "_memo"  # session key: name -> (arguments, keyword arguments, result)
T = TypeVar("T")
_BY_IDENTITY: Final = (pd.DataFrame, pd.Series, np.ndarray)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, _BY_IDENTITY) or isinstance(new, _BY_IDENTITY):
        return old is new  # the memo holds ``old``, so its id cannot be reused by another object
    try:
        return bool(old == new)
    except (TypeError, ValueError):
        return old is new


def remembered(name: str, compute: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``compute(*args, **kwargs)``, or its result from an earlier run of this session with the same
    arguments."""
    memo: dict[str, tuple[tuple[Any, ...], dict[str, Any], Any]] = st.session_state.setdefault(MEMO, {})
    kept = memo.get(name)
    if kept is not None and _all_same(kept[0], args) and _all_same(kept[1], kwargs):
        return kept[2]
    result = compute(*args, **kwargs)
    memo[name] = (args, kwargs, result)
    return result


def _all_same(old: tuple[Any, ...] | dict[str, Any], new: tuple[Any, ...] | dict[str, Any]) -> bool:
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    return len(old) == len(new) and all(map(_same, old, new))


def forget(name: str) -> None:
    """Drop one remembered result (e.g. to rebuild what the user asked to rebuild)."""
    st.session_state.get(MEMO, {}).pop(name, None)
