"""Benchmark: everything the Overview page computes, at 1,000 and 1,000,000 applications.

Run: ``.venv/bin/python bench/bench_analysis.py [ROWS]``. Prints the time against a baseline taken in
the same run (one ``groupby(...).size()`` over the same frame) and the JSON size of the page's figures.
Target: ≤ 1 s at 1M rows on 2 cores; figures < 1 MB whatever the row count.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nextround.analysis import build_overview
from nextround.figures import funnel_figure, sankey_figure
from nextround.ghosting import apply_ghosting
from nextround.settings import AnalysisSettings
from tests.fixtures.synthetic import synthetic_applications

SETTINGS = AnalysisSettings(as_of=dt.date(2025, 9, 30))
TARGET_SECONDS = 1.0
MAX_FIGURE_BYTES = 1_000_000


def best_of(repeats: int, work) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return min(timings)


def overview_with_figures(table) -> tuple:
    overview = build_overview(table, SETTINGS)
    return funnel_figure(overview.funnel), sankey_figure(overview.flows)


def overview_figures_bytes(table) -> int:
    overview = build_overview(table, SETTINGS)
    figures = (funnel_figure(overview.funnel), sankey_figure(overview.flows))
    return sum(len(json.dumps(f.to_plotly_json(), default=str)) for f in figures)


def measure(rows: int) -> dict[str, float]:
    table = apply_ghosting(synthetic_applications(rows, seed=1), SETTINGS.ghosting, SETTINGS.reference_date())
    baseline = best_of(3, lambda: table.groupby(["stage_reached", "outcome"], observed=True).size())
    overview = best_of(3, lambda: build_overview(table, SETTINGS))
    with_figures = best_of(3, lambda: overview_with_figures(table))
    return {
        "rows": rows,
        "baseline_s": baseline,
        "overview_s": overview,
        "overview_and_figures_s": with_figures,
        "ratio_to_baseline": overview / baseline,
        "figure_bytes": overview_figures_bytes(table),
    }


def main() -> int:
    large = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    results = [measure(1_000), measure(large)]
    for r in results:
        print(
            f"{r['rows']:>9,} rows: overview {r['overview_s'] * 1000:7.1f} ms "
            f"(with figures {r['overview_and_figures_s'] * 1000:7.1f} ms), "
            f"baseline groupby {r['baseline_s'] * 1000:6.1f} ms, ratio {r['ratio_to_baseline']:5.1f}x, "
            f"figures {r['figure_bytes'] / 1024:6.1f} KiB"
        )
    small, big = results
    print(
        f"time ratio {big['rows']:,} / {small['rows']:,} rows: {big['overview_s'] / small['overview_s']:.1f}x"
    )
    print(f"figure size ratio: {big['figure_bytes'] / small['figure_bytes']:.2f}x")
    ok = big["overview_and_figures_s"] <= TARGET_SECONDS and big["figure_bytes"] < MAX_FIGURE_BYTES
    print("target met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
