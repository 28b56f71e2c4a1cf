"""Text helpers: user text made safe to show (Markdown escaped, so nothing in a cell can format, link or
load), and plurals."""

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


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 application", "2 applications", "1,200 applications" (``plural`` for irregular nouns)."""
    return f"{count:,} {noun if count == 1 else (plural or noun + 's')}"


def capitalised(text: str) -> str:
    """The first letter in capitals, the rest as written: "the final round" -> "The final round"."""
    return text[:1].upper() + text[1:]
