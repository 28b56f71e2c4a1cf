"""The product's words for stages and metrics, in one place: pages, figures, the CLI and the plan all
read them here, so a stage or a rate is called the same everywhere (PRODUCT.md: one vocabulary)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# A stage's name on charts, tables and headers.
STAGE_LABELS: Final[dict[str, str]] = {
    "applied": "Applied",
    "screen": "Screen",
    "interview": "Interview",
    "final": "Final round",
    "offer": "Offer",
}
# Where an application was lost, mid-sentence: "You lose most at <phrase>".
LOSS_PLACES: Final[dict[str, str]] = {
    "applied": "CV screening",
    "screen": "the screening call",
    "interview": "interviews",
    "final": "the final round",
}
# How an application was lost, after "N applications lost …".
LOSS_MOMENTS: Final[dict[str, str]] = {
    "applied": "at screening (no contact)",
    "screen": "after a screening call",
    "interview": "after interviews",
    "final": "at the final round",
}
# How far one application got, after "You reached … there" (the plan's feedback requests).
REACHED_PHRASES: Final[dict[str, str]] = {
    "applied": "CV screening",
    "screen": "a screening call",
    "interview": "interviews",
    "final": "the final round",
    "offer": "an offer",
}
# When a rejection came, after "Rejected …" (the plan's follow-ups).
REJECTED_AT: Final[dict[str, str]] = {
    "applied": "at CV screening",
    "screen": "after a screening call",
    "interview": "after interviews",
    "final": "at the final round",
    "offer": "after an offer",
}
# How far applications got, after "Of these, N …" (the plan's summary).
PROGRESS_PHRASES: Final[dict[str, str]] = {
    "screen": "reached a screen",
    "interview": "an interview",
    "final": "a final round",
    "offer": "an offer",
}


@dataclass(frozen=True)
class Metric:
    label: str
    definition: str  # how it is counted, shown as the metric's help


SETTLED: Final = "applications whose answer at the earlier stages is settled (not pending or withdrawn there)"
METRICS: Final[dict[str, Metric]] = {
    "response_rate": Metric(
        "Response rate",
        "Any reply from the employer (a rejection, or a screen or more) ÷ applications whose first answer "
        "is settled.",
    ),
    "screen_rate": Metric("Screen rate", f"Reached a screen or further ÷ {SETTLED}."),
    "interview_rate": Metric("Interview rate", f"Reached an interview or further ÷ {SETTLED}."),
    "offer_rate": Metric("Offer rate", f"Reached an offer ÷ {SETTLED}."),
    "rejection_rate": Metric(
        "Rejected",
        "Rejected ÷ decided applications (rejected, no answer or offer)",
    ),
    "ghosting_rate": Metric(
        "No answer",
        "Never heard back ÷ decided applications. Inferred: pending and silent for longer than the "
        "ghosting thresholds.",
    ),
}
HOW_EVERYTHING_IS_COUNTED: Final = (
    "- **Reached** a stage: the furthest stage is that stage or later.\n"
    "- **Didn't get past** a stage = rejected or no answer there ÷ decided at or beyond it (\"with a known "
    'result" there: one that got past it and was withdrawn later counts), split into '
    "*rejected* and *no answer*. Every page compares groups by this one rate, so no two pages rank them "
    "differently.\n"
    "- **Pending** applications are left out of every rate of the stage they wait at; a pending "
    "application silent for longer than the ghosting thresholds counts as **no answer (inferred)**.\n"
    "- **Rejected** = rejected ÷ decided; no answer is shown apart unless *Count ghosting as rejection* "
    "is on. **Withdrawn** applications leave the denominators.\n"
    "- **Likely range**: the 95 % Wilson interval of a rate. Groups with fewer than 10 decided "
    "applications show counts only and never drive a recommendation; differences are only called out "
    "when the likely ranges do not overlap (and differ by at least 5 points).\n"
    "- **Where to act first**: the stage where most decided applications were lost, unless a later stage "
    "with at least 20 decisions is clearly worse (likely ranges apart). Much silence (no answer for "
    "clearly more than half) is a finding of its own."
)
