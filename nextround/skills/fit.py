"""Better-fitting roles: how much of each role family's typical skills the profile covers, and how the
user's own applications in that family went (screening pass rate with its interval).

Coverage counts the skills a CV or a typed list names alike — tools, methods, domains — and leaves out
soft skills (``learnt_by_practice``), which every CV mentions and few typed lists do: the advice must
not change with the way the skills were given. A family already tried with at least 10 decided
applications is suggested only when it did better than the rest: clearly, or — unless it is the family
tried most — by at least ``MIN_CONTRAST`` (the role tried most with a poor rate is never "a better fit").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol

import numpy as np
import pandas as pd

from nextround.analysis.stats import Rate
from nextround.importing.roles import role_families
from nextround.model import Stage
from nextround.skills.learning import learnt_by_practice
from nextround.skills.profile import profile_keys
from nextround.skills.vocabulary import Vocabulary, load_vocabulary
from nextround.text import counted

MIN_CONTRAST: Final = 0.05  # a tried family (not the most tried) must beat the rest by this much
MIN_COVERAGE: Final = 0.5
# A family where the user's own applications did better needs less: their results there are evidence.
EVIDENCE_MIN_COVERAGE: Final = 1 / 3
NEIGHBOUR_MIN_COVERAGE: Final = 0.4  # an untried neighbour of a family you know may stretch a little more
PASS_RATE_WEIGHT: Final = 0.5  # how much a measured pass-rate difference moves a family's rank
ADJACENT_BONUS: Final = 0.1  # nudges untried neighbours of families you know up the list


class FamilyLike(Protocol):
    """What fit needs from a role family (``nextround.importing.roles.RoleFamily`` has it)."""

    @property
    def name(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def adjacent(self) -> tuple[str, ...]: ...
    @property
    def typical_skills(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class RoleFit:
    family: str
    field: str
    typical: tuple[str, ...]  # canonical skill names
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    applications: int
    screen_pass: Rate  # reached a screening call / decided, in this family
    rest_pass: Rate  # the same for all the user's other applications
    adjacent_to: tuple[str, ...]  # families you applied to that list this one as a neighbour
    score: float
    reason: str
    most_tried: bool = False  # the family the user applied to most

    @property
    def did_better(self) -> bool:
        """Tried enough, and did better than the rest (clearly; or by 5 points unless the most tried)."""
        rate, rest = self.screen_pass, self.rest_pass
        if rate.small_sample or rate.value is None or rest.value is None:
            return False
        if rate.clearly_above(rest):
            return True
        return not self.most_tried and rate.value - rest.value >= MIN_CONTRAST

    @property
    def suggestable(self) -> bool:
        """Untried, a small sample, or a family that did better: never one tried enough that did worse."""
        return self.screen_pass.small_sample or self.did_better

    @property
    def coverage(self) -> float:
        return len(self.covered) / len(self.typical) if self.typical else 0.0

    @property
    def tried(self) -> bool:
        return self.applications > 0

    def needs(self, skill: str) -> bool:
        return skill.casefold() in {s.casefold() for s in self.typical}


def default_families() -> tuple[FamilyLike, ...]:
    return tuple(f for f in role_families() if not getattr(f, "generic", False))


def role_fits(
    applications: pd.DataFrame,
    profile: Sequence[str],
    families: Sequence[FamilyLike] | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[RoleFit]:
    """Every family, best fit first: coverage of its typical skills, moved by your own pass rate there."""
    vocab = vocabulary or load_vocabulary()
    chosen = tuple(families) if families is not None else default_families()
    have = profile_keys(profile, vocab)
    stats = family_stats(applications)
    passed_all, decided_all = int(stats["passed"].sum()), int(stats["decided"].sum())
    tried = {name for name, row in stats.iterrows() if row["applications"] > 0}
    most_tried = str(stats["applications"].idxmax()) if len(stats) else None
    fits: list[RoleFit] = []
    for family in chosen:
        typical = tuple(
            skill
            for skill in dict.fromkeys(vocab.canonical(s) for s in family.typical_skills)
            if not learnt_by_practice(vocab.category(skill))
        )
        covered = tuple(s for s in typical if s.casefold() in have)
        missing = tuple(s for s in typical if s.casefold() not in have)
        row = stats.loc[family.name] if family.name in stats.index else None
        count = int(row["applications"]) if row is not None else 0
        rate = Rate.of(int(row["passed"]), int(row["decided"])) if row is not None else Rate.of(0, 0)
        rest = Rate.of(passed_all - rate.count, decided_all - rate.denominator)
        neighbours = tuple(
            other.name for other in chosen if other.name in tried and family.name in other.adjacent
        ) or tuple(name for name in family.adjacent if name in tried)
        coverage = len(covered) / len(typical) if typical else 0.0
        score = coverage
        if not rate.small_sample and rate.value is not None and rest.value is not None:
            score += PASS_RATE_WEIGHT * (rate.value - rest.value)
        if count == 0 and neighbours:
            score += ADJACENT_BONUS
        fit = RoleFit(
            family=family.name,
            field=family.field,
            typical=typical,
            covered=covered,
            missing=missing,
            applications=count,
            screen_pass=rate,
            rest_pass=rest,
            adjacent_to=neighbours if count == 0 else (),
            score=round(score, 4),
            reason="",
            most_tried=family.name == most_tried,
        )
        fits.append(_with_reason(fit))
    fits.sort(key=lambda f: (-f.score, -f.coverage, f.family))
    return fits


def better_fitting_roles(
    applications: pd.DataFrame,
    profile: Sequence[str],
    limit: int = 5,
    families: Sequence[FamilyLike] | None = None,
) -> list[RoleFit]:
    """The top families covering at least half their typical skills (a third where the user's own
    applications there did better than the rest), plus (in the last place when the list is full) the
    best untried neighbour of a family you applied to, which needs only 40 % coverage."""
    return pick_better_fits(role_fits(applications, profile, families), limit)


def pick_better_fits(fits: Sequence[RoleFit], limit: int = 5) -> list[RoleFit]:
    """``better_fitting_roles`` from fits already computed by ``role_fits``: never a family tried enough
    that did no better than the rest (``RoleFit.suggestable``)."""
    top = [
        f
        for f in fits
        if f.suggestable
        and (f.coverage >= MIN_COVERAGE or (f.did_better and f.coverage >= EVIDENCE_MIN_COVERAGE - 1e-9))
    ][:limit]
    if limit > 0 and not any(f.adjacent_to for f in top):
        neighbour = next((f for f in fits if f.adjacent_to and f.coverage >= NEIGHBOUR_MIN_COVERAGE), None)
        if neighbour is not None:
            top = [*top[: limit - 1], neighbour] if len(top) >= limit else [*top, neighbour]
    return top


def roles_without(skill: str, fits: Sequence[RoleFit], limit: int = 3) -> list[RoleFit]:
    """Well-covered families whose typical skills leave out ``skill``, and that are worth suggesting:
    "target roles that don't need it"."""
    return [f for f in fits if f.coverage >= MIN_COVERAGE and f.suggestable and not f.needs(skill)][:limit]


def family_stats(applications: pd.DataFrame) -> pd.DataFrame:
    """Applications, decided and passed-screening counts per role family (a missing family is "Other"),
    indexed by family: what better-fitting roles and the plan's role targeting both weigh."""
    stage = applications["stage_reached"].cat.codes.to_numpy()
    outcome = applications["outcome"].isin(["rejected", "ghosted", "offer"]).to_numpy(dtype=bool)
    decided = outcome | (stage == Stage.OFFER)
    codes, names = pd.factorize(applications["role_family"], use_na_sentinel=True)
    size = len(names)
    codes = np.where(codes < 0, size, codes)  # a missing family counts as "Other"
    frame = pd.DataFrame(
        {
            "family": pd.Series([*names.astype(object), "Other"], dtype="object"),
            "applications": np.bincount(codes, minlength=size + 1),
            "decided": np.bincount(codes[decided], minlength=size + 1),
            "passed": np.bincount(codes[decided & (stage >= Stage.SCREEN)], minlength=size + 1),
        }
    )
    return frame[frame["applications"] > 0].groupby("family").sum()


def _with_reason(fit: RoleFit) -> RoleFit:
    total = len(fit.typical)
    parts = [f"Your profile covers {len(fit.covered)} of its {total} typical skills"]
    if fit.covered:
        parts[0] += f" ({', '.join(fit.covered[:5])}{', …' if len(fit.covered) > 5 else ''})"
    if fit.missing:
        parts[0] += f"; missing: {', '.join(fit.missing[:4])}{', …' if len(fit.missing) > 4 else ''}"
    parts[0] += "" if parts[0].endswith("…") else "."
    if fit.applications == 0:
        if fit.adjacent_to:
            parts.append(
                f"Not tried yet; it neighbours {', '.join(fit.adjacent_to)}, where you have applied."
            )
        else:
            parts.append("You have not applied to this family yet.")
    else:
        rest = fit.rest_pass
        text = (
            f"You applied {counted(fit.applications, 'time')}; past CV screening {fit.screen_pass.describe()}"
        )
        if fit.screen_pass.clearly_above(rest):
            text += f", clearly above your other applications' {rest.describe()}"
        elif rest.clearly_above(fit.screen_pass):
            text += f", clearly below your other applications' {rest.describe()}"
        elif fit.did_better:
            text += f", against {rest.describe()} for your other applications (better, not proven)"
        elif not fit.screen_pass.small_sample and rest.denominator:
            text += f", against {rest.describe()} for your other applications"
        parts.append(text + ".")
    return RoleFit(**{**fit.__dict__, "reason": " ".join(parts)})
