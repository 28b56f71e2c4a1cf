"""Rates with their counts and 95 % Wilson intervals, and the small-sample rule.

PRODUCT.md: every rate carries its count and interval; fewer than 10 decided is a "small sample".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

Z_95: Final = 1.959963984540054
SMALL_SAMPLE: Final = 10  # fewer decided applications than this: counts only, no recommendation


def wilson_interval(
    count: np.ndarray | int, denominator: np.ndarray | int, z: float = Z_95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval, elementwise; NaN where the denominator is 0."""
    k = np.asarray(count, dtype="float64")
    n = np.asarray(denominator, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        z2 = z * z
        scale = 1.0 + z2 / n
        centre = (p + z2 / (2.0 * n)) / scale
        half = z * np.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / scale
        low = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
        high = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return low, high


def ratio(count: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """count / denominator, NaN where the denominator is 0."""
    k = np.asarray(count, dtype="float64")
    n = np.asarray(denominator, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > 0, k / n, np.nan)


def add_rate_columns(table: pd.DataFrame, name: str, count: np.ndarray, base: np.ndarray) -> None:
    """Add ``{name}_count``, ``_base``, ``_rate``, ``_low`` and ``_high`` (the 95% Wilson interval)."""
    low, high = wilson_interval(count, base)
    table[f"{name}_count"] = count
    table[f"{name}_base"] = base
    table[f"{name}_rate"] = ratio(count, base)
    table[f"{name}_low"] = low
    table[f"{name}_high"] = high


def percent(value: float | None, digits: int = 0) -> str:
    """0.1234 -> "12 %"; missing -> "–"."""
    if value is None or not np.isfinite(value):
        return "–"
    return f"{100 * value:.{digits}f} %"


def interval_text(low: float | None, high: float | None) -> str:
    """ "likely range 18–45 %" (the 95 % Wilson interval, in words a stressed reader can use), with a
    decimal when the interval is narrower than 2 points."""
    if low is None or high is None:
        return "no interval"
    digits = 1 if high - low < 0.02 else 0
    return f"likely range {100 * low:.{digits}f}–{100 * high:.{digits}f} %"


@dataclass(frozen=True)
class Rate:
    """``count`` of ``denominator`` with its 95 % Wilson interval; ``value`` None: nothing decided."""

    count: int
    denominator: int
    value: float | None
    low: float | None
    high: float | None

    @classmethod
    def of(cls, count: int, denominator: int) -> Rate:
        count, denominator = int(count), int(denominator)
        if denominator <= 0:
            return cls(count, 0, None, None, None)
        low, high = wilson_interval(count, denominator)
        return cls(count, denominator, count / denominator, float(low), float(high))

    @property
    def small_sample(self) -> bool:
        return self.denominator < SMALL_SAMPLE

    def clearly_above(self, other: Rate) -> bool:
        """True when this interval lies wholly above the other's (both must be defined)."""
        if self.low is None or other.high is None:
            return False
        return self.low > other.high

    def describe(self) -> str:
        """ "12 of 40 (30 %, likely range 18–45 %)" or, for a small sample, the counts only."""
        return self._counts_only() or (
            f"{self.count:,} of {self.denominator:,} ({self._percent()}, {self._interval()})"
        )

    def _counts_only(self) -> str | None:
        """What to say instead of a percentage, when a percentage would overstate the sample."""
        if self.denominator == 0:
            return "none decided yet"
        if self.small_sample:
            return f"{self.count:,} of {self.denominator:,} (small sample)"
        return None

    def _interval(self) -> str:
        return interval_text(self.low, self.high)

    def _percent(self) -> str:
        # A very narrow interval (a huge sample) needs a decimal to show what it pins down.
        narrow = self.high is not None and self.low is not None and self.high - self.low < 0.02
        return percent(self.value, 1 if narrow else 0)

    def as_dict(self) -> dict[str, object]:
        return {
            "count": self.count,
            "denominator": self.denominator,
            "rate": self.value,
            "low": self.low,
            "high": self.high,
            "small_sample": self.small_sample,
        }
