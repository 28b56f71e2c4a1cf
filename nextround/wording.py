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
        "Rejection rate",
        "Rejected ÷ decided applications (rejected, ghosted or offer)",
    ),
    "ghosting_rate": Metric(
        "Ghosting rate",
        "Never heard back ÷ decided applications. Inferred: pending and silent for longer than the "
        "sidebar thresholds.",
    ),
}
# The rates a breakdown by group can compare, keyed as ``nextround.analysis.breakdowns`` names them.
GROUP_METRICS: Final[dict[str, str]] = {
    "rejection": METRICS["rejection_rate"].label,
    "response": METRICS["response_rate"].label,
    "screen": METRICS["screen_rate"].label,
    "interview": METRICS["interview_rate"].label,
}
HOW_GROUP_RATES_ARE_COUNTED: Final = (
    "Rejection rate = rejected ÷ decided (rejected, ghosted or offer; ghosting counts as rejection only "
    "when the sidebar says so). Response rate = any reply (a rejection, or a screen or more) ÷ "
    "applications whose first answer is settled. Screen / interview rate = reached that stage ÷ "
    "applications settled before it. Whiskers: 95 % Wilson interval. Pale bars: fewer than 10 "
    "decided, counts only. A best/worst sentence appears only when two groups' intervals do not "
    "overlap and their rates differ by at least 5 points."
)
HOW_EVERYTHING_IS_COUNTED: Final = (
    "- **Reached** a stage: the furthest stage is that stage or later.\n"
    "- **Pending** applications are left out of every rate of the stage they wait at; a pending "
    "application silent for longer than the sidebar thresholds counts as **ghosted (inferred)**.\n"
    "- **Rejection rate** at a stage = rejected there ÷ decided there; ghosting is shown apart "
    "unless *Count ghosting as rejection* is on. **Withdrawn** applications leave the denominators.\n"
    "- Every rate has a 95 % Wilson interval. Groups with fewer than 10 decided applications show "
    "counts only and never drive a recommendation; differences are only called out when the "
    "intervals do not overlap."
)
