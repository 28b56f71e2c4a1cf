"""The diagnosis: where to act first, in one plain sentence and a short "because", with the details
one click away. Every page, the plan and ``nextround report`` read this one result.

The rules (README, "Metric definitions"):

1. At each stage, *didn't get past* = rejected or no answer there ÷ decided at or beyond it.
2. **Volume**: where to act is the stage where most decided applications were lost.
3. **Rate**: a later stage takes over only when it is clearly worse (its likely range lies wholly above
   the volume stage's) *and* it has at least ``MIN_DECIDED_TO_MATTER`` decisions. Among several such
   stages, the one that loses most. A small later stage never makes a large loss "too close to call".
4. Fewer than ``SMALL_SAMPLE`` decided applications at the volume stage: not enough to say.
5. **Much silence** is a finding of its own: more than half of all decided applications got no answer,
   clearly (the likely range lies wholly above 50 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd

from nextround.analysis.benchmarks import benchmarks_for
from nextround.analysis.cube import code_rows, stage_outcome_cube
from nextround.analysis.funnel import LOSS_STAGES, StageCounts, stage_counts
from nextround.analysis.stats import SMALL_SAMPLE, Rate, interval_text, percent
from nextround.text import capitalised, counted
from nextround.wording import LOSS_PLACES

MIN_DECIDED_TO_MATTER: Final = 20  # a later stage with fewer decisions never takes over from the volume
MUCH_SILENCE: Final = 0.5  # no answer for clearly more than this share of decided applications
NOT_ENOUGH: Final = "Not enough decided applications yet to say where to act first."
NOT_ENOUGH_BECAUSE: Final = f"fewer than {SMALL_SAMPLE} applications have a known result so far"
# A published figure to set beside each stage (a reference, never a verdict).
REFERENCE_METRICS: Final[dict[str, str]] = {
    "applied": "interview_rate",
    "screen": "interview_rate",
    "interview": "interview_to_offer",
    "final": "interview_to_offer",
}

Reason = Literal["volume", "rate", "not enough"]


@dataclass(frozen=True)
class StageLoss:
    """One stage: the applications decided at or beyond it, and those that did not get past it."""

    stage: str  # "applied" (CV screening), "screen", "interview", "final"
    decided: int
    rejected: int
    silent: int  # no answer: ghosted, recorded or inferred
    lost: Rate  # didn't get past: rejected or silent, of decided

    @property
    def place(self) -> str:
        return LOSS_PLACES[self.stage]

    def line(self) -> str:
        """ "CV screening: 147 of 186 didn't get past it (79 %, likely range 73–84 %): 26 rejected, 121 no
        answer" — or the counts only for a small sample."""
        if self.decided == 0:
            return f"{capitalised(self.place)}: none decided yet."
        split = f"{self.rejected:,} rejected, {self.silent:,} no answer"
        if self.lost.small_sample:
            return (
                f"{capitalised(self.place)}: {self.lost.count:,} of {self.decided:,} didn't get past it "
                f"({split}; a small sample, counts only)."
            )
        return (
            f"{capitalised(self.place)}: {self.lost.count:,} of {self.decided:,} didn't get past it "
            f"({percent(self.lost.value)}, {interval_text(self.lost.low, self.lost.high)}): {split}."
        )


@dataclass(frozen=True)
class Diagnosis:
    """Where to act first (``stage`` None: not enough answers yet), said plainly."""

    stage: str | None
    reason: Reason
    headline: str  # one plain sentence
    because: str  # the numbers, in one short clause
    details: tuple[str, ...]  # every stage, why not another, references: one click away
    losses: tuple[StageLoss, ...]
    silence: Rate  # no answer, of all decided applications
    much_silence: bool
    silence_sentence: str  # "" unless much silence

    @property
    def supported(self) -> bool:
        return self.stage is not None

    @property
    def loss(self) -> StageLoss | None:
        """The named stage's losses."""
        return next((loss for loss in self.losses if loss.stage == self.stage), None)

    @property
    def mostly_silence(self) -> bool:
        """The named stage's losses are mostly no answer rather than rejections."""
        loss = self.loss
        return loss is not None and loss.silent > loss.rejected

    @property
    def sentence(self) -> str:
        """Headline and because together, for one line of text (the plan's documents, the CLI)."""
        return f"{self.headline} {capitalised(self.because)}."

    def as_dict(self) -> dict[str, object]:
        return {
            "stage": self.stage,
            "reason": self.reason,
            "headline": self.headline,
            "because": self.because,
            "details": list(self.details),
            "stages": [
                {"stage": s.stage, "rejected": s.rejected, "no_answer": s.silent, **s.lost.as_dict()}
                for s in self.losses
            ],
            "silence": self.silence.as_dict(),
            "much_silence": self.much_silence,
            "silence_sentence": self.silence_sentence,
        }


def diagnose(applications: pd.DataFrame) -> Diagnosis:
    """Where to act first (canonical table, inferred ghosting already applied)."""
    return diagnosis_from_counts(stage_counts(stage_outcome_cube(code_rows(applications))))


def stage_losses(counts: StageCounts, group: int = 0) -> tuple[StageLoss, ...]:
    """Per stage (applied → final), what did not get past it among the applications decided there."""
    out = []
    for stage in LOSS_STAGES:
        decided = int(counts.decided[group, stage])
        out.append(
            StageLoss(
                stage=stage.label,
                decided=decided,
                rejected=int(counts.rejected[group, stage]),
                silent=int(counts.ghosted[group, stage]),
                lost=Rate.of(decided - int(counts.passed[group, stage]), decided),
            )
        )
    return tuple(out)


def diagnosis_from_counts(counts: StageCounts) -> Diagnosis:
    losses = stage_losses(counts)
    decided_total = int(counts.rejected[0].sum() + counts.ghosted[0].sum() + counts.offers[0].sum())
    silence = Rate.of(int(counts.ghosted[0].sum()), decided_total)
    much_silence = not silence.small_sample and (silence.low or 0.0) > MUCH_SILENCE
    silence_sentence = (
        f"Most of your applications get no answer at all: {silence.count:,} of {silence.denominator:,} "
        f"decided ({percent(silence.value)}). A follow-up a week after applying, and referrals, help most "
        "here."
        if much_silence
        else ""
    )

    volume = max(losses, key=lambda s: s.lost.count)  # the first of equals: the earlier stage
    if volume.lost.count == 0 or volume.lost.small_sample:
        details = (*(s.line() for s in losses if s.decided), _how_it_is_decided())
        return Diagnosis(
            None, "not enough", NOT_ENOUGH, NOT_ENOUGH_BECAUSE, details, losses, silence, False, ""
        )

    later = losses[losses.index(volume) + 1 :]
    worse = [s for s in later if s.decided >= MIN_DECIDED_TO_MATTER and s.lost.clearly_above(volume.lost)]
    chosen = max(worse, key=lambda s: s.lost.count) if worse else volume
    reason: Reason = "rate" if worse else "volume"
    headline = _headline(chosen, reason)
    because = _because(chosen, volume, reason)
    details = (
        *(s.line() for s in losses if s.decided),
        *_why_not_the_others(chosen, volume, later),
        *_reference(chosen.stage),
        _how_it_is_decided(),
    )
    return Diagnosis(
        chosen.stage, reason, headline, because, details, losses, silence, much_silence, silence_sentence
    )


def _headline(chosen: StageLoss, reason: Reason) -> str:
    if reason == "rate":
        return f"Work on {chosen.place} first: most of the applications that get that far end there."
    return f"Work on {chosen.place} first: that is where most of your applications end."


def _because(chosen: StageLoss, volume: StageLoss, reason: Reason) -> str:
    lost = chosen.lost
    split = f"{chosen.rejected:,} rejected, {chosen.silent:,} with no answer"
    if reason == "rate":
        return (
            f"{lost.count:,} of {lost.denominator:,} with a known result there didn't get past it "
            f"({percent(lost.value)}), against {percent(volume.lost.value)} at {volume.place}"
        )
    return (
        f"{lost.count:,} of {lost.denominator:,} applications with a known result at {chosen.place} "
        "didn't get past it "
        f"({percent(lost.value)}: {split})"
    )


def _why_not_the_others(chosen: StageLoss, volume: StageLoss, later: tuple[StageLoss, ...]) -> list[str]:
    """Why a later stage with a larger share of losses was not named (or why one was)."""
    notes = []
    if chosen is not volume:
        notes.append(
            f"Most applications were lost at {volume.place} ({counted(volume.lost.count, 'application')}), "
            f"but {chosen.place} is clearly worse: its likely range lies wholly above, with "
            f"{counted(chosen.decided, 'decision')}."
        )
        return notes
    for stage in later:
        place = capitalised(stage.place)
        if stage.decided == 0 or (stage.lost.value or 0.0) <= (volume.lost.value or 0.0):
            continue
        if stage.decided < MIN_DECIDED_TO_MATTER:
            notes.append(
                f"{place} loses a larger share ({stage.lost.count:,} of {stage.decided:,}), "
                f"but {counted(stage.decided, 'decision')} there are too few to outweigh "
                f"{volume.lost.count:,} lost at {volume.place}."
            )
        else:
            notes.append(
                f"{place} loses a larger share ({percent(stage.lost.value)}), but not clearly: the likely "
                "ranges overlap."
            )
    return notes


def _reference(stage: str) -> list[str]:
    """Published figures for the stage, framed as references, never as verdicts."""
    return [
        f"For comparison, not a verdict: {b.label[0].lower()}{b.label[1:]} — {b.short}, {b.perspective}."
        for b in benchmarks_for(REFERENCE_METRICS[stage])
    ]


def _how_it_is_decided() -> str:
    return (
        f"How this is decided: the stage where most decided applications were lost, unless a later stage "
        f"with at least {MIN_DECIDED_TO_MATTER} decisions is clearly worse (likely ranges apart). Fewer "
        f"than {SMALL_SAMPLE} decided: not enough to say."
    )
