"""Labels the figures share: user text made safe for Plotly, and rate labels with their counts."""

from __future__ import annotations

import html
from collections.abc import Iterable

import numpy as np


def plain_labels(values: Iterable[object]) -> list[str]:
    """User text as chart labels: Plotly renders a subset of HTML in labels, so markup is escaped."""
    return [html.escape(str(value), quote=False) for value in values]


def short_labels(values: Iterable[object], limit: int = 16) -> list[str]:
    """``plain_labels`` cut to ``limit`` characters with an ellipsis, for a phone's axis (the full text
    stays in the hover); cut before escaping, so no entity is split."""
    texts = [str(value) for value in values]
    return plain_labels(t if len(t) <= limit else t[: limit - 1].rstrip() + "…" for t in texts)


def rate_label(count: float, base: float, rate: float, small: bool) -> str:
    """ "34 % (12/35)", or "12/35 · small sample" when too few are decided to trust a percentage."""
    if not base:
        return "none decided"
    if small:
        return f"{int(count):,}/{int(base):,} · small sample"
    return f"{100 * rate:.0f} % ({int(count):,}/{int(base):,})"


def compact_rate_label(count: float, base: float, rate: float, small: bool) -> str:
    """A phone's cell: "34 %<br>12/35", "12/35" for a small sample (the pale cell says the rest), "–"
    when nothing was decided."""
    if not base or not np.isfinite(base):
        return "–"
    if small:
        return f"{int(count):,}/{int(base):,}"
    return f"{100 * rate:.0f} %<br>{int(count):,}/{int(base):,}"


def two_lines(label: str) -> str:
    """A rate label broken before its counts: "34 %<br>(12/35)", "12/35<br>small sample"."""
    return label.replace(" (", "<br>(").replace(" · ", "<br>")


def rate_labels(counts, bases, rates, smalls) -> list[str]:
    return [
        rate_label(c, b, r, bool(s)) if np.isfinite(b) else "none decided"
        for c, b, r, s in zip(counts, bases, rates, smalls, strict=True)
    ]
