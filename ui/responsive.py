"""A chart for both screen widths: the full layout and the compact one (a phone's) are both sent, and a
style rule shows the one that fits. The server never learns the browser's width, and measuring it
would cost a rerun. The browser draws both (figures are aggregates: a few kilobytes each); the hidden
one takes no room, and a turned phone shows the other at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import plotly.graph_objects as go
import streamlit as st

NARROW_MAX: Final = 640  # px: Streamlit stacks columns below this width too
STYLE: Final = (
    "<style>"
    f'@media (max-width: {NARROW_MAX}px) {{ div[class*="st-key-wide_"] {{ display: none; }} }}'
    f'@media (min-width: {NARROW_MAX + 1}px) {{ div[class*="st-key-narrow_"] {{ display: none; }} }}'
    "</style>"
)
PLOTLY_CONFIG: Final = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}

Draw = Callable[[bool], go.Figure]  # compact -> the figure


def twin_chart(draw: Draw, key: str, selectable: bool = False) -> list[dict[str, Any]]:
    """Both layouts of ``draw``; the points the user clicked in either (empty unless ``selectable``)."""
    st.html(STYLE)  # style only: it goes to the page's event container and takes no room
    clicked: list[dict[str, Any]] = []
    for compact, name in ((False, f"wide_{key}"), (True, f"narrow_{key}")):
        with st.container(key=name):
            # theme=None: the figure already carries the project's theme (colours read from config.toml),
            # so it looks the same here as in tests and exports; Streamlit's Plotly theme would restyle it.
            if selectable:
                event = st.plotly_chart(
                    draw(compact),
                    width="stretch",
                    theme=None,
                    key=f"{name}_chart",
                    config=PLOTLY_CONFIG,
                    on_select="rerun",
                    selection_mode="points",
                )
                clicked.extend(event.selection.points)
            else:
                st.plotly_chart(
                    draw(compact), width="stretch", theme=None, key=f"{name}_chart", config=PLOTLY_CONFIG
                )
    return clicked
