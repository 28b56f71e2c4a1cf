"""Plotly figures: pure functions from the analysis core's small tables to ``go.Figure``.

Figures take aggregated tables only, so their JSON size never grows with the number of applications.
"""

from nextround.figures.bars import ghosting_bars, loss_bars
from nextround.figures.funnel import funnel_figure
from nextround.figures.heatmap import loss_heatmap
from nextround.figures.sankey import sankey_figure
from nextround.figures.timing import time_histogram
from nextround.figures.trends import trend_figure

__all__ = [
    "funnel_figure",
    "ghosting_bars",
    "loss_bars",
    "loss_heatmap",
    "sankey_figure",
    "time_histogram",
    "trend_figure",
]
