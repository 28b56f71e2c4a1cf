"""Skill gaps: skills the applications asked for that the profile lacks, ranked by evidence of cost.

The cost of a missing skill is how much less often the applications asking for it got past CV
screening than the others, times how many decided applications asked for it — about how many more
would have got through had they done as well as the rest. Both rates are pulled toward the user's
overall rate as if ``PRIOR_APPLICATIONS`` more applications had done exactly average (shrinkage), so
a handful of applications cannot top the list; a difference under ``MIN_GAP`` is no cost unless the
likely ranges lie apart (where few get through, a few points are a lot). Each
application whose feedback names the skill as missing adds one to the cost: the employer said so.

A skill whose applications did as well or better is "asked often, not holding you back", never a cost;
one whose applications did worse, but not clearly (the likely ranges overlap), is said to be exactly that.
Demand estimated from a role family's typical skills (the application names none) is said to be an
estimate in the headline itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

import numpy as np
import pandas as pd

from nextround.analysis.stats import SMALL_SAMPLE, Rate, percent, wilson_interval
from nextround.model import Stage
from nextround.skills.extract import MENTION_WEIGHTS, demand_arrays
from nextround.skills.profile import profile_keys
from nextround.skills.vocabulary import Vocabulary, load_vocabulary
from nextround.text import counted

PRIOR_APPLICATIONS: Final = SMALL_SAMPLE  # shrinkage: as if this many more had done exactly average
MIN_GAP: Final = 0.05  # a smaller difference in the pass rate is no evidence of cost
FEEDBACK_WEIGHT: Final = 1.0  # an application whose feedback names the skill missing: one lost to it
CLEAR_FEEDBACK: Final = 2  # named missing by this many employers' feedback: clear evidence
RECENT_DAYS: Final = 30  # "in the last month"
TOP_ROLES: Final = 3

Confidence = Literal["thin", "suggestive", "clear"]


@dataclass(frozen=True)
class SkillGap:
    """A skill the profile lacks, with the numbers behind its rank."""

    skill: str
    category: str
    score: float  # the evidence of cost: about how many more would have got through, plus feedback
    asked_by: int
    screening: int  # rejected or ghosted at the application stage
    screening_ghosted: int
    after_screen: int
    after_interviews: int
    offers: int
    pending: int
    recent_screening: int
    recent_losses: int
    in_feedback: int
    inferred: int  # of asked_by, estimated from the role family (the application names no skills)
    decided: int  # decided applications that asked for it (rejected, ghosted or offer)
    roles: tuple[str, ...]
    screen_pass_with: Rate
    screen_pass_without: Rate
    confidence: Confidence
    headline: str  # one plain sentence: how often asked (an estimate where it is one), and the cost
    evidence: str  # the details: where those applications ended, the roles
    certainty: str

    @property
    def costs(self) -> bool:
        """Evidence that it costs you (otherwise: asked often, not holding you back)."""
        return self.score > 0

    @property
    def thin_evidence(self) -> bool:
        return self.confidence == "thin"

    @property
    def mostly_estimated(self) -> bool:
        """Most of its demand comes from role families' typical skills, not from the user's own file."""
        return 2 * self.inferred > self.asked_by


@dataclass(frozen=True)
class Strength:
    """A profile skill the applications asked for, and how those applications went."""

    skill: str
    category: str
    asked_by: int
    progressed: int  # reached a screening call or further
    offers: int
    evidence: str


@dataclass(frozen=True)
class SkillReport:
    """Everything the Skill gaps page and the CLI show."""

    gaps: tuple[SkillGap, ...]  # missing skills with evidence of cost, most costly first
    not_holding_back: tuple[SkillGap, ...]  # missing skills asked often whose applications did no worse
    strengths: tuple[Strength, ...]
    demand: pd.DataFrame  # skill, category, asked_by, losses, offers, covered — for the chart
    applications: int
    with_skill_data: int
    note: str  # why the analysis is empty or limited, "" when fine


_BUCKETS: Final = ("screening", "after_screen", "after_interviews", "pending", "offer", "withdrawn")


@dataclass(frozen=True)
class _RowFacts:
    """Per application: its loss bucket (index into ``_BUCKETS``), weight and the flags the counts need."""

    bucket: np.ndarray
    recent: np.ndarray
    ghosted: np.ndarray
    decided: np.ndarray
    passed_screen: np.ndarray
    family_codes: np.ndarray
    families: np.ndarray


def _row_facts(applications: pd.DataFrame, today: date) -> _RowFacts:
    stage = applications["stage_reached"].cat.codes.to_numpy()
    outcome = applications["outcome"]
    codes = outcome.cat.codes.to_numpy()
    categories = list(outcome.cat.categories)

    def is_outcome(*names: str) -> np.ndarray:
        wanted = [categories.index(n) for n in names if n in categories]
        return np.isin(codes, wanted)

    lost = is_outcome("rejected", "ghosted")
    offer = is_outcome("offer") | (stage == Stage.OFFER)
    bucket = np.full(len(applications), _BUCKETS.index("pending"), dtype="int64")
    bucket[is_outcome("withdrawn")] = _BUCKETS.index("withdrawn")
    bucket[lost & (stage <= Stage.APPLIED)] = _BUCKETS.index("screening")
    bucket[lost & (stage == Stage.SCREEN)] = _BUCKETS.index("after_screen")
    bucket[lost & (stage >= Stage.INTERVIEW)] = _BUCKETS.index("after_interviews")
    bucket[offer] = _BUCKETS.index("offer")

    when = applications["outcome_on"].fillna(applications["last_event_on"]).fillna(applications["applied_on"])
    age = np.clip((pd.Timestamp(today) - when).dt.days.to_numpy(dtype="float64", na_value=np.nan), 0, None)

    family_codes, families = _families(applications)
    return _RowFacts(
        bucket=bucket,
        recent=~np.isnan(age) & (age <= RECENT_DAYS),
        ghosted=is_outcome("ghosted"),
        decided=lost | offer,
        passed_screen=stage >= Stage.SCREEN,
        family_codes=family_codes,
        families=families,
    )


def _families(applications: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's role family (its role when it has none, else "Other") as codes into distinct names,
    worked out once per distinct (role family, role) pair."""
    pair, pairs = _combine([_codes(applications["role_family"]), _codes(applications["role"])])
    firsts = _first_rows(pair, len(pairs))
    family = applications["role_family"].iloc[firsts].astype("object")
    family = family.where(family.notna() & (family != ""), applications["role"].iloc[firsts].astype("object"))
    codes, families = pd.factorize(family.fillna("Other").to_numpy(dtype=object))
    return codes[pair], np.asarray(families, dtype=object)


def _codes(column: pd.Series) -> np.ndarray:
    return pd.factorize(column, use_na_sentinel=True)[0]


def _combine(code_columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """One code per distinct combination of the columns' codes (in order of first appearance)."""
    key = np.zeros(len(code_columns[0]) if code_columns else 0, dtype="int64")
    uniques = np.zeros(1, dtype="int64")
    for codes in code_columns:
        # Re-factorising after each column keeps the mixed key small, so it never overflows.
        key, uniques = pd.factorize(key * (int(codes.max(initial=-1)) + 2) + (codes + 1))
    return key, uniques


def _first_rows(codes: np.ndarray, size: int) -> np.ndarray:
    """The first row of each code; codes numbered by first appearance make this increasing."""
    first = np.zeros(size, dtype="int64")
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    return first


@dataclass(frozen=True)
class _Groups:
    """Applications that ask for exactly the same skills and share a role family, and their facts summed:
    the skill arithmetic then runs per group, not per application (a million rows, a few thousand groups)."""

    of_row: np.ndarray  # group of each application
    first: np.ndarray  # one application standing for each group
    size: np.ndarray
    sums: dict[str, np.ndarray]  # per group: how many applications have each flag
    family: np.ndarray  # per group: family code into ``_RowFacts.families``


def _groups(applications: pd.DataFrame, facts: _RowFacts, columns: Sequence[str]) -> _Groups:
    texts = [_codes(applications[c]) for c in columns if c in applications.columns]
    if "role_family" in applications.columns:
        texts.append(_codes(applications["role_family"]))
    of_row, distinct = _combine([*texts, facts.family_codes])
    size = len(distinct)

    def per_group(mask: np.ndarray) -> np.ndarray:
        return np.bincount(of_row[mask], minlength=size)

    bucket = facts.bucket
    screening = bucket == _BUCKETS.index("screening")
    lost = (
        screening
        | (bucket == _BUCKETS.index("after_screen"))
        | (bucket == _BUCKETS.index("after_interviews"))
    )
    sums = {
        "asked_by": np.bincount(of_row, minlength=size),
        "screening": per_group(screening),
        "screening_ghosted": per_group(screening & facts.ghosted),
        "after_screen": per_group(bucket == _BUCKETS.index("after_screen")),
        "after_interviews": per_group(bucket == _BUCKETS.index("after_interviews")),
        "offers": per_group(bucket == _BUCKETS.index("offer")),
        "pending": per_group(bucket == _BUCKETS.index("pending")),
        "recent_screening": per_group(screening & facts.recent),
        "recent_losses": per_group(lost & facts.recent),
        "decided": per_group(facts.decided),
        "decided_pass": per_group(facts.decided & facts.passed_screen),
        "progressed": per_group(facts.passed_screen),
        "losses": per_group(lost),
    }
    first = _first_rows(of_row, size)
    return _Groups(
        of_row=of_row,
        first=first,
        size=sums["asked_by"],
        sums=sums,
        family=facts.family_codes[first],
    )


def analyse_skills(
    applications: pd.DataFrame,
    profile: Sequence[str],
    today: date,
    vocabulary: Vocabulary | None = None,
    *,
    infer_from_roles: bool = True,
) -> SkillReport:
    """Gaps ranked by evidence of cost, the missing skills that are not holding the user back, strengths,
    and the demand table behind the chart.

    Applications that name no skills borrow their role family's typical skills (marked as an estimate)
    unless ``infer_from_roles`` is off.
    """
    vocab = vocabulary or load_vocabulary()
    n = len(applications)
    facts = _row_facts(applications, today)
    # Skills are read for one application of each group; every count is then a sum over groups.
    groups = _groups(applications, facts, tuple(MENTION_WEIGHTS))
    demand = demand_arrays(applications.iloc[groups.first], vocab, infer_from_roles=infer_from_roles)
    if demand.empty:
        note = (
            "None of your applications says which skills it asked for yet, and their roles are not ones "
            "we know. Add the adverts' required skills or job descriptions to see which skills cost you."
        )
        return SkillReport((), (), (), _empty_demand_table(), n, 0, note)

    group, ids, size = demand.rows, demand.skill_ids, len(demand.names)

    def total(per_group: np.ndarray) -> np.ndarray:
        """Per skill: the sum over the groups asking for it (integer counts)."""
        return np.rint(np.bincount(ids, weights=per_group, minlength=size)).astype("int64")

    counts: dict[str, np.ndarray] = {name: total(sums[group]) for name, sums in groups.sums.items()}
    counts["in_feedback"] = total(groups.size[group] * demand.in_feedback)
    counts["inferred"] = total(groups.size[group] * demand.inferred)
    # Screening pass rate of the applications that did NOT ask for a skill, among those with skill data.
    has_data = np.zeros(len(groups.size), dtype=bool)
    has_data[group] = True
    decided_total = int(groups.sums["decided"][has_data].sum())
    passed_total = int(groups.sums["decided_pass"][has_data].sum())
    score = cost_of(
        counts["decided"], counts["decided_pass"], counts["in_feedback"], decided_total, passed_total
    )
    roles = _top_roles(ids, groups.family[group], size, facts.families, groups.sums["losses"][group])

    have = profile_keys(profile, vocab)
    covered = np.array([name.casefold() in have for name in demand.names], dtype=bool)
    decided = counts["decided"]
    comparable = (decided >= SMALL_SAMPLE) & (decided_total - decided >= SMALL_SAMPLE)
    categories = [vocab.category(name) for name in demand.names]

    gaps = [
        _gap(
            demand.names[i],
            category=categories[i],
            score=float(score[i]),
            counts={k: int(v[i]) for k, v in counts.items()},
            roles=roles.get(int(i), ()),
            decided_total=decided_total,
            passed_total=passed_total,
        )
        # Missing and either costly, or decided often enough, beside enough others, to say it is not
        # holding the user back (a skill every application asked for has nothing to compare with).
        for i in np.flatnonzero(~covered & ((score > 0) | comparable))
    ]
    not_holding_back = sorted(
        (g for g in gaps if not g.costs), key=lambda g: (-g.asked_by, g.skill.casefold())
    )
    gaps = sorted((g for g in gaps if g.costs), key=lambda g: (-g.score, -g.asked_by, g.skill.casefold()))
    strengths = [
        _strength(demand.names[i], categories[i], {k: int(v[i]) for k, v in counts.items()})
        for i in np.flatnonzero(covered)
    ]
    strengths.sort(key=lambda s: (-s.progressed, -s.offers, -s.asked_by, s.skill.casefold()))
    table = (
        pd.DataFrame(
            {
                "skill": pd.Series(demand.names, dtype="str"),
                "category": pd.Series(categories, dtype="str"),
                "asked_by": counts["asked_by"],
                "losses": counts["losses"],
                "offers": counts["offers"],
                "covered": covered,
                "score": score,
            }
        )
        .sort_values(["asked_by", "score", "skill"], ascending=[False, False, True])
        .reset_index(drop=True)
    )
    named = np.zeros(len(groups.size), dtype=bool)
    named[group[~demand.inferred]] = True
    with_data, estimated = int(groups.size[named].sum()), int(groups.size[has_data & ~named].sum())
    note = _coverage_note(n, with_data, estimated)
    return SkillReport(tuple(gaps), tuple(not_holding_back), tuple(strengths), table, n, with_data, note)


def shrunk_rate(passed: np.ndarray, decided: np.ndarray, overall: float) -> np.ndarray:
    """Pass rates pulled toward ``overall`` as if ``PRIOR_APPLICATIONS`` more had passed at that rate."""
    return (passed + PRIOR_APPLICATIONS * overall) / (decided + PRIOR_APPLICATIONS)


def cost_of(
    decided: np.ndarray, passed: np.ndarray, in_feedback: np.ndarray, decided_total: int, passed_total: int
) -> np.ndarray:
    """Per skill, the evidence that it costs you: decided applications asking for it × how much less
    often they got past screening than the rest (both rates shrunk; under ``MIN_GAP`` counts as none,
    unless the likely ranges lie apart: 3 % against 8 % over hundreds of applications is a cost where
    few get through), plus ``FEEDBACK_WEIGHT`` for each application whose feedback named it missing."""
    overall = passed_total / decided_total if decided_total else 0.0
    with_skill = shrunk_rate(passed, decided, overall)
    without = shrunk_rate(passed_total - passed, decided_total - decided, overall)
    gap = without - with_skill
    _, high_with = wilson_interval(passed, decided)
    low_without, _ = wilson_interval(passed_total - passed, decided_total - decided)
    apart = np.nan_to_num(high_with, nan=1.0) < np.nan_to_num(low_without, nan=0.0)
    statistical = np.where(((gap >= MIN_GAP) | apart) & (gap > 0), decided * gap, 0.0)
    return statistical + FEEDBACK_WEIGHT * in_feedback


def top_gaps(
    applications: pd.DataFrame, profile: Sequence[str], today: date, limit: int = 5
) -> list[SkillGap]:
    """The ``limit`` missing skills that cost the most, best first (thin evidence included, marked)."""
    return list(analyse_skills(applications, profile, today).gaps[:limit])


def _top_roles(
    skill_ids: np.ndarray, family_codes: np.ndarray, size: int, families: np.ndarray, losses: np.ndarray
) -> dict[int, tuple[str, ...]]:
    """The role families most often behind each skill's losses (up to ``TOP_ROLES``); ``losses`` counts
    the lost applications behind each (skill, family) entry."""
    if len(skill_ids) == 0:
        return {}
    width = len(families)
    grid = np.bincount(skill_ids * width + family_codes, weights=losses, minlength=size * width)
    grid = np.rint(grid).astype("int64").reshape(size, width)
    top: dict[int, tuple[str, ...]] = {}
    for skill in np.flatnonzero(grid.sum(axis=1)):
        row = grid[skill]
        order = sorted(np.flatnonzero(row), key=lambda f: (-row[f], str(families[f])))[:TOP_ROLES]
        top[int(skill)] = tuple(str(families[f]) for f in order)
    return top


def _gap(
    skill: str,
    *,
    category: str,
    score: float,
    counts: dict[str, int],
    roles: tuple[str, ...],
    decided_total: int,
    passed_total: int,
) -> SkillGap:
    decided = counts["decided"]
    with_rate = Rate.of(counts["decided_pass"], decided)
    without_rate = Rate.of(passed_total - counts["decided_pass"], decided_total - decided)
    mostly_estimated = 2 * counts["inferred"] > counts["asked_by"]
    named_missing = counts["in_feedback"]
    apart = without_rate.clearly_above(with_rate)
    confidence: Confidence = "suggestive"
    if named_missing >= CLEAR_FEEDBACK:
        confidence = "clear"  # employers said so
    elif decided < SMALL_SAMPLE and not named_missing:
        confidence = "thin"  # a small sample never drives a recommendation
    elif apart and not mostly_estimated:
        confidence = "clear"
    return SkillGap(
        skill=skill,
        category=category,
        score=round(score, 3),
        asked_by=counts["asked_by"],
        screening=counts["screening"],
        screening_ghosted=counts["screening_ghosted"],
        after_screen=counts["after_screen"],
        after_interviews=counts["after_interviews"],
        offers=counts["offers"],
        pending=counts["pending"],
        recent_screening=counts["recent_screening"],
        recent_losses=counts["recent_losses"],
        in_feedback=named_missing,
        inferred=counts["inferred"],
        decided=decided,
        roles=roles,
        screen_pass_with=with_rate,
        screen_pass_without=without_rate,
        confidence=confidence,
        headline=_headline(counts, with_rate, without_rate, costs=score > 0),
        evidence=_evidence(counts, roles),
        certainty=_certainty(skill, confidence, with_rate, without_rate, counts),
    )


def asked_for(asked: int, inferred: int) -> str:
    """How often a skill was asked for, worded as an estimate where it is one (``inferred`` of the
    ``asked`` applications name no skills: their role family's typical skills stand in)."""
    if inferred == asked:
        return (
            f"Probably asked for by {counted(asked, 'application')} (an estimate: they name no skills, "
            "so their role family's typical skills stand in)"
        )
    if 2 * inferred > asked:
        return (
            f"Asked for by about {asked:,} applications ({inferred:,} of them estimated from the role family)"
        )
    estimated = f" ({inferred:,} of them estimated from the role family)" if inferred else ""
    return f"Asked for by {counted(asked, 'application')}{estimated}"


def _headline(counts: dict[str, int], with_rate: Rate, without_rate: Rate, *, costs: bool) -> str:
    """One plain sentence: how often asked for, and the evidence of cost (or that there is none)."""
    compare = f"{percent(with_rate.value)} against {percent(without_rate.value)} for the rest"
    demand = asked_for(counts["asked_by"], counts["inferred"])
    named = counts["in_feedback"]
    feedback = f"feedback named it as missing {counted(named, 'time')}" if named else ""
    if not costs:
        with_value, without_value = with_rate.value or 0.0, without_rate.value or 0.0
        # "About as often" only where it is: 18 % against 20 %, not 3 % against 8 %.
        lower = with_rate.denominator and without_value - with_value >= max(0.01, 0.25 * without_value)
        if lower:
            return (
                f"{demand}, which got past CV screening less often ({compare}), but not clearly: "
                "the likely ranges overlap, so no sign it holds you back."
            )
        how = "more often" if with_value > without_value else "about as often"
        return f"{demand}, which got past CV screening {how} ({compare}): not holding you back."
    if with_rate.denominator and (with_rate.value or 0.0) < (without_rate.value or 0.0):
        cost = f", which got past CV screening less often ({compare})"
        return f"{demand}{cost}" + (f"; {feedback}." if feedback else ".")
    return f"{demand}; {feedback}." if feedback else f"{demand}."


def _certainty(
    skill: str, confidence: Confidence, with_rate: Rate, without_rate: Rate, counts: dict[str, int]
) -> str:
    decided = counts["decided"]
    compare = f"{with_rate.describe()} when asked for, {without_rate.describe()} otherwise"
    if confidence == "thin":
        asked = f"only {counted(decided, 'decided application')}" if decided else "no decided application"
        return (
            f"Thin evidence: {asked} asked for it (fewer than {SMALL_SAMPLE} is a small sample), so treat "
            "this as a hint, not a verdict."
        )
    if counts["inferred"] == counts["asked_by"]:
        return (
            f"An estimate: none of these applications names its skills, but {skill} is typical of their "
            "role family, so this points at the roles more than at the skill. Add their adverts' skills to "
            "check it."
        )
    if confidence == "clear" and counts["in_feedback"] >= CLEAR_FEEDBACK:
        named = counts["in_feedback"]
        return f"Clear: {named:,} employers' feedback named it as missing. Past screening {compare}."
    if confidence == "clear":
        return f"Clear: past screening {compare}; the likely ranges do not overlap."
    if 2 * counts["inferred"] > counts["asked_by"] and without_rate.clearly_above(with_rate):
        return (
            f"Past screening {compare}; as most of these are estimated from the role family, this points at "
            "the roles rather than proving the skill costs you."
        )
    return f"Not proven: past screening {compare}; the likely ranges overlap."


def _evidence(counts: dict[str, int], roles: tuple[str, ...]) -> str:
    """Where the applications asking for it ended, and the roles behind its losses."""
    parts: list[str] = []
    screening = counts["screening"]
    if screening:
        text = f"{screening:,} lost at CV screening"
        if counts["screening_ghosted"]:
            ghosted = counts["screening_ghosted"]
            text += f" ({ghosted:,} with no answer)" if ghosted < screening else " (all with no answer)"
        if counts["recent_screening"]:
            text += f", {counts['recent_screening']:,} in the last month"
        parts.append(text)
    if counts["after_screen"]:
        parts.append(f"{counts['after_screen']:,} after a screening call")
    if counts["after_interviews"]:
        parts.append(f"{counts['after_interviews']:,} after interviews")
    if counts["offers"]:
        parts.append(counted(counts["offers"], "offer"))
    if counts["pending"]:
        parts.append(f"{counts['pending']:,} still open")
    sentence = "Of those applications: " + "; ".join(parts) + "." if parts else ""
    if roles:
        sentence += f" Roles: {', '.join(roles)}."
    return sentence.strip()


def _strength(skill: str, category: str, counts: dict[str, int]) -> Strength:
    asked, progressed, offers = counts["asked_by"], counts["progressed"], counts["offers"]
    evidence = (
        f"Asked for by {counted(asked, 'application')}; {progressed:,} reached a screening call or more"
    )
    if offers:
        evidence += f", {offers} ended in an offer"
    return Strength(skill, category, asked, progressed, offers, evidence + ".")


def _coverage_note(applications: int, named: int, estimated: int) -> str:
    parts: list[str] = []
    if estimated:
        parts.append(
            f"{estimated:,} of {counted(applications, 'application')} name no skills, so the typical "
            "skills of their role family stand in for them: an estimate. Add their adverts' skills or job "
            "descriptions to replace it."
        )
    missing = applications - named - estimated
    if missing:
        parts.append(
            f"{counted(missing, 'application')} name no skills and have no known role family, so they are "
            "left out."
        )
    return " ".join(parts)


def _empty_demand_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "skill": pd.Series(dtype="str"),
            "category": pd.Series(dtype="str"),
            "asked_by": pd.Series(dtype="int64"),
            "losses": pd.Series(dtype="int64"),
            "offers": pd.Series(dtype="int64"),
            "covered": pd.Series(dtype="bool"),
            "score": pd.Series(dtype="float64"),
        }
    )
