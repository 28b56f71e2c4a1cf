"""``nextround gaps``: the skills your lost applications asked for that your profile lacks, ranked."""

from __future__ import annotations

import argparse
from typing import Any

from nextround.cli.arguments import (
    add_input_arguments,
    add_json_argument,
    add_profile_arguments,
    add_settings_arguments,
)
from nextround.cli.common import analysed_table, analysis_settings, load, print_json, read_profile
from nextround.cli.errors import CliError
from nextround.skills import SkillGap
from nextround.skills.views import build_skill_view

SHOWN = 10


def configure(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_profile_arguments(parser)
    add_settings_arguments(parser)
    parser.add_argument(
        "--top", type=int, default=SHOWN, metavar="N", help=f"how many gaps to print (default {SHOWN})"
    )
    add_json_argument(parser, "the gaps")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise CliError("--top must be at least 1")
    settings = analysis_settings(args)
    profile = read_profile(args.skills, args.cv)  # an unreadable CV: InputError, exit 2
    today = settings.reference_date()
    applications = analysed_table(load(args), settings)
    view = build_skill_view(applications, profile, today)
    report = view.report
    payload = {
        "as_of": today.isoformat(),
        "profile": list(profile),
        "applications": report.applications,
        "with_skill_data": report.with_skill_data,
        "note": report.note,
        "gaps": [_gap_dict(gap) for gap in report.gaps[: args.top]],
        "not_holding_back": [_gap_dict(gap) for gap in report.not_holding_back[: args.top]],
        "strengths": [{"skill": s.skill, "evidence": s.evidence} for s in report.strengths],
        "better_fitting_roles": [
            {"family": r.fit.family, "coverage": round(r.fit.coverage, 3), "reason": r.fit.reason}
            for r in view.roles
        ],
    }
    if args.json:
        print_json(payload)
    else:
        print(describe(payload))
    return 0


def _gap_dict(gap: SkillGap) -> dict[str, Any]:
    return {
        "skill": gap.skill,
        "category": gap.category,
        "cost": gap.score,
        "asked_by": gap.asked_by,
        "rejected_at_screening": gap.screening,
        "lost_after_screen": gap.after_screen,
        "lost_after_interviews": gap.after_interviews,
        "offers": gap.offers,
        "pending": gap.pending,
        "recent_screening": gap.recent_screening,
        "in_feedback": gap.in_feedback,
        "estimated_from_role_family": gap.inferred,
        "roles": list(gap.roles),
        "confidence": gap.confidence,
        "screen_pass_with": gap.screen_pass_with.as_dict(),
        "screen_pass_without": gap.screen_pass_without.as_dict(),
        "headline": gap.headline,
        "evidence": gap.evidence,
        "certainty": gap.certainty,
    }


def describe(payload: dict[str, Any]) -> str:
    """The ranked gaps for people."""
    profile = ", ".join(payload["profile"]) or "none given (use --skills or --cv)"
    lines = [f"Your skills: {profile}", f"As of {payload['as_of']}: {payload['applications']:,} applications"]
    if payload["note"]:
        lines.append(payload["note"] + ' (Map such a column with --map "Column=required_skills".)')
    if not payload["gaps"]:
        lines.append("No missing skill shows evidence of costing you.")
    else:
        lines.append("\nThe skills that cost you most:")
    for rank, gap in enumerate(payload["gaps"], start=1):
        lines.append(f"\n{rank}. {gap['skill']} ({gap['category']}, {gap['confidence']} evidence)")
        lines.append(f"   {gap['headline']}")
        lines.append(f"   {gap['certainty']} {gap['evidence']}".rstrip())
    if payload["not_holding_back"]:
        lines.append("\nAsked often, not holding you back:")
        lines.extend(f"- {gap['skill']}: {gap['headline']}" for gap in payload["not_holding_back"])
    if payload["better_fitting_roles"]:
        lines.append("\nRoles that may fit better:")
        lines.extend(f"- {f['family']}: {f['reason']}" for f in payload["better_fitting_roles"])
    return "\n".join(lines)
