"""What the Follow-ups page shows, computed in one call: the rejections to follow up, each with its
thank-you draft, whether a feedback request and the interview reflection apply, and what to ask about."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

import pandas as pd

from nextround.analysis import diagnose
from nextround.followups.candidates import FollowUpCandidate, FollowUpList, followup_candidates
from nextround.followups.emails import (
    DEFAULT_FEEDBACK_DELAY_DAYS,
    EmailDraft,
    feedback_area,
    feedback_send_on,
    render_follow_up,
    wants_feedback_request,
)
from nextround.followups.reflection import wants_reflection
from nextround.settings import AnalysisSettings
from nextround.text import counted
from nextround.wording import STAGE_LABELS

SHOWN: Final = 15
SHOWN_OLDER_BESIDE_RECENT: Final = 5


@dataclass(frozen=True)
class EmailSettings:
    """How the user wants the emails written (the Follow-ups page's settings; the plan follows them)."""

    tone: str = "warm"
    sender_name: str = ""
    feedback_delay_days: int = DEFAULT_FEEDBACK_DELAY_DAYS


@dataclass(frozen=True)
class CandidatePanel:
    candidate: FollowUpCandidate
    stage: str  # "interview", "final round": the furthest stage, in words
    follow_up: EmailDraft | None  # the thank-you; None unless the rejection is known to be recent
    feedback_area: str | None  # what the feedback request asks about; None: no request (no contact, or old)
    reflection: bool  # the interview reflection applies

    @property
    def feedback_key(self) -> str:
        """The plan item key of the feedback request (the follow-up's is the candidate key)."""
        return f"feedback:{self.candidate.key.removeprefix('follow-up:')}"


@dataclass(frozen=True)
class FollowUpsView:
    listing: FollowUpList
    summary: str  # how many rejections, over which window
    recent: tuple[CandidatePanel, ...]  # shown
    older: tuple[CandidatePanel, ...]  # shown
    recent_not_shown: int
    feedback_on: date  # when the feedback requests are due

    @property
    def older_not_shown(self) -> int:
        """Older rejections (or undated ones) the page does not list: its heading counts them all."""
        return max(0, self.listing.total - self.listing.recent_total - len(self.older))


def build_followups_view(
    applications: pd.DataFrame,
    settings: AnalysisSettings,
    top_gaps: Sequence[str] = (),
    *,
    emails: EmailSettings | None = None,
    marked_done: Collection[str] = (),
) -> FollowUpsView:
    """Everything the Follow-ups page shows (canonical table, inferred ghosting already applied).
    ``top_gaps``: the user's top missing skills (``nextround.skills.views.top_gap_names``)."""
    emails = emails or EmailSettings()
    today = settings.reference_date()
    listing = followup_candidates(applications, today, marked_done=marked_done)
    diagnosis_stage = diagnose(applications).stage if listing.total else None

    def panel(candidate: FollowUpCandidate) -> CandidatePanel:
        # Thank-you notes and feedback requests only for rejections known to be recent.
        asks = candidate.recent and wants_feedback_request(candidate)
        return CandidatePanel(
            candidate=candidate,
            stage=STAGE_LABELS.get(candidate.stage_reached, candidate.stage_reached).lower(),
            follow_up=render_follow_up(candidate, emails.tone, emails.sender_name)
            if candidate.recent
            else None,
            feedback_area=feedback_area(candidate, top_gaps, diagnosis_stage) if asks else None,
            reflection=wants_reflection(candidate),
        )

    recent = [c for c in listing.candidates if c.recent]
    older = [c for c in listing.candidates if not c.recent]
    return FollowUpsView(
        listing=listing,
        summary=_summary(listing, today),
        recent=tuple(panel(c) for c in recent[:SHOWN]),
        older=tuple(panel(c) for c in older[: SHOWN_OLDER_BESIDE_RECENT if recent else SHOWN]),
        recent_not_shown=max(0, listing.recent_total - SHOWN) if len(recent) > SHOWN else 0,
        feedback_on=feedback_send_on(today, emails.feedback_delay_days),
    )


def _summary(listing: FollowUpList, today: date) -> str:
    if not listing.dated:
        return (
            f"{counted(listing.total, 'rejection')}, none with the date it came: none is known to be recent, "
            "so no thank-you is suggested. Add the dates of the answers to your file to get them."
        )
    unknown = f" ({listing.undated:,} without a date)" if listing.undated else ""
    return (
        f"{counted(listing.total, 'rejection')} in your data{unknown}; {listing.recent_total:,} decided "
        f"in the last {listing.window_days} days (as of {today:%d %b %Y}). Screens and interviews come first."
    )
