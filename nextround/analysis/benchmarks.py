"""Published funnel figures (``benchmarks.toml``) to show beside the user's rates as references."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nextround.resources import read_typed


@dataclass(frozen=True)
class Benchmark:
    key: str
    metric: str  # the Kpis field it sits beside, or "context"
    label: str
    low: float
    high: float
    source: str
    short: str  # the source in a few words, for captions
    date: str
    url: str
    perspective: str

    def band(self) -> str:
        if self.low == self.high:
            return f"{100 * self.low:.0f} %"
        return f"{100 * self.low:.0f}–{100 * self.high:.0f} %"

    def citation(self) -> str:
        when = f", {self.date}" if self.date else ""
        return f"{self.source}{when}"


@dataclass(frozen=True)
class BenchmarksFile:
    benchmark: tuple[Benchmark, ...]


@lru_cache(maxsize=1)
def load_benchmarks() -> tuple[Benchmark, ...]:
    """Every published figure, parsed once per process."""
    return read_typed("benchmarks.toml", BenchmarksFile).benchmark


def benchmarks_for(metric: str) -> tuple[Benchmark, ...]:
    return tuple(b for b in load_benchmarks() if b.metric == metric)


def benchmark_note(metric: str) -> str:
    """One line naming every reference for a metric, e.g. for a caption; "" when there is none."""
    parts = [f"{b.band()} ({b.citation()}; {b.perspective})" for b in benchmarks_for(metric)]
    return "For comparison, not a verdict on yours: " + "; ".join(parts) + "." if parts else ""
