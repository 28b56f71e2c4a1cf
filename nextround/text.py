"""User text made safe to show: Markdown escaped so nothing in a cell can format, link or load."""

from __future__ import annotations

import re

# Markdown and Streamlit's own markup: emphasis, links/images, headings, lists, tables, code, HTML,
# LaTeX ($), and Streamlit directives (:material/icon:, :red[text]).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def escape_markdown(text: object) -> str:
    """Text that renders literally in Markdown (and in Streamlit's st.markdown/st.caption)."""
    if text is None:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
