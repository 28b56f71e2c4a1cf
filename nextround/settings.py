"""The analysis settings a user can change: ghosting threshold, ghosting-as-rejection, as-of date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from nextround.ghosting import GhostingPolicy


@dataclass(frozen=True)
class AnalysisSettings:
    """What every analysis reads besides the data itself."""

    ghosting: GhostingPolicy = field(default_factory=GhostingPolicy)
    count_ghosting_as_rejection: bool = False
    as_of: date | None = None  # None: today

    def reference_date(self) -> date:
        return self.as_of or date.today()
