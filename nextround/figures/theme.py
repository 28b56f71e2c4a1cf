"""The project's chart colours and a shared layout. ``.streamlit/config.toml`` ``[theme]`` holds the same
colours for Streamlit's widgets; a test keeps the two equal, so pages and figures agree (the package never
reads a file outside itself, so an installed wheel draws the same charts)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import plotly.graph_objects as go

# Okabe–Ito: distinguishable with the common colour-blindnesses.
DEFAULT_CATEGORICAL: Final = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#999999",
    "#F0E442",
)
DEFAULT_SEQUENTIAL: Final = ("#F1F6FA", "#C3DAEA", "#82AFD2", "#417DB1", "#1C5083", "#103B66")
CHART_HEIGHT: Final = 380


@dataclass(frozen=True)
class Theme:
    primary: str
    background: str
    secondary_background: str
    text: str
    categorical: tuple[str, ...]
    sequential: tuple[str, ...]

    def outcome_colour(self, kind: str) -> str:
        """One colour per meaning, the same on every chart."""
        index = {
            "passed": 0,
            "pending": 1,
            "offer": 2,
            "withdrawn": 3,
            "response": 4,
            "rejected": 5,
            "ghosted": 6,
            "ghosted_inferred": 6,
        }[kind]
        palette = self.categorical if len(self.categorical) > 6 else DEFAULT_CATEGORICAL
        return palette[index]


def read_theme(path: Path) -> Theme:
    """The ``[theme]`` table of a Streamlit config, with defaults for anything missing."""
    section: dict[str, object] = {}
    if path.exists():
        with path.open("rb") as handle:
            section = tomllib.load(handle).get("theme", {})
    categorical = section.get("chartCategoricalColors")
    sequential = section.get("chartSequentialColors")
    return Theme(
        primary=str(section.get("primaryColor", "#1F6F8B")),
        background=str(section.get("backgroundColor", "#FFFFFF")),
        secondary_background=str(section.get("secondaryBackgroundColor", "#F3F6F8")),
        text=str(section.get("textColor", "#1D2B36")),
        categorical=tuple(categorical)
        if isinstance(categorical, list) and categorical
        else DEFAULT_CATEGORICAL,
        sequential=tuple(sequential)
        if isinstance(sequential, list) and len(sequential) > 1
        else DEFAULT_SEQUENTIAL,
    )


PROJECT_THEME: Final = Theme(
    primary="#1F6F8B",
    background="#FFFFFF",
    secondary_background="#F3F6F8",
    text="#1D2B36",
    categorical=DEFAULT_CATEGORICAL,
    sequential=(
        "#F1F6FA",
        "#DCE9F2",
        "#C3DAEA",
        "#A4C6DF",
        "#82AFD2",
        "#5F96C3",
        "#417DB1",
        "#2C669C",
        "#1C5083",
        "#103B66",
    ),
)


def theme() -> Theme:
    """The project's theme (the same colours as ``.streamlit/config.toml``)."""
    return PROJECT_THEME


def translucent(colour: str, alpha: float) -> str:
    """ "#RRGGBB" -> "rgba(r, g, b, alpha)"."""
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def blend(colour: str, weight: float, background: str = "#FFFFFF") -> str:
    """An opaque colour ``weight`` of the way from the background to ``colour`` (renders the same in every
    Plotly.js version, unlike translucent link colours)."""
    fg = [int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    bg = [int(background.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(b + weight * (f - b)) for f, b in zip(fg, bg, strict=True)]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def base_layout(fig: go.Figure, height: int = CHART_HEIGHT, **extra: object) -> go.Figure:
    """Readable at ~700 px: compact margins, legend on top, theme text colour, no chart title."""
    current = theme()
    layout: dict[str, object] = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "font": {"size": 13, "color": current.text},
        "paper_bgcolor": current.background,
        "plot_bgcolor": current.background,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        "hoverlabel": {"font_size": 13},
    }
    layout.update(extra)
    fig.update_layout(**layout)
    fig.update_xaxes(automargin=True, gridcolor=current.secondary_background, zeroline=False)
    fig.update_yaxes(automargin=True, gridcolor=current.secondary_background, zeroline=False)
    return fig


def compact_legend(fig: go.Figure, per_row: int = 2) -> go.Figure:
    """A phone's legend: ``per_row`` entries to a row at fixed widths, smaller type, above the plot (a
    free-flowing legend wraps one entry to a line and grows taller than the chart)."""
    fig.update_layout(
        legend={
            "orientation": "h",
            "entrywidth": 1 / per_row,
            "entrywidthmode": "fraction",
            "font": {"size": 11},
            "yanchor": "bottom",
            "y": 1.02,
            "xanchor": "left",
            "x": 0,
        }
    )
    return fig
