"""ui/memo.py: one result per name, kept while the arguments are the same table (by identity) and equal
values, recomputed when either changes."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest


def _script() -> None:
    import pandas as pd
    import streamlit as st

    from ui.memo import remembered

    calls = st.session_state.setdefault("calls", [])
    table = st.session_state.setdefault("table", pd.DataFrame({"a": [1, 2]}))

    def total(frame: pd.DataFrame, factor: int, *, offset: int = 0) -> int:
        calls.append(factor)
        return int(frame["a"].sum()) * factor + offset

    st.session_state["result"] = remembered(
        "total", total, table, st.session_state.get("factor", 1), offset=1
    )


def test_a_result_is_kept_until_an_argument_changes():
    at = AppTest.from_function(_script)
    at.run()
    at.run()
    assert at.session_state["result"] == 4 and at.session_state["calls"] == [1]
    at.session_state["factor"] = 2
    at.run()
    assert at.session_state["result"] == 7 and at.session_state["calls"] == [1, 2]

    at.session_state["table"] = pd.DataFrame({"a": [1, 2]})  # equal content, another table
    at.run()
    assert at.session_state["calls"] == [1, 2, 2]
