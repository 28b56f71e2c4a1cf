"""``nextround gaps``: the skills your lost applications asked for that your profile lacks, ranked."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from nextround.cli.common import CliError, add_input_arguments, iso_date, load, print_json, read_profile
from nextround.ghosting import GhostingPolicy, apply_ghosting
from nextround.importing.errors import InputError
from nextround.skills import SkillGap
from nextround.skills.views import build_skill_view

SHOWN = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gaps",
        help="rank the skills your lost applications asked for that you lack, with the evidence",
        description="Import the files, read your skills (--skills and/or --cv), print the ranked skill gaps.",
    )
    add_input_arguments(parser)
    parser.add_argument("--skills", default="", help='your skills, comma-separated: "SQL, Excel, Tableau"')
    parser.add_argument("--cv", type=Path, help="read your skills from your CV (.pdf, .docx or .txt)")
    parser.add_argument(
        "--as-of", type=iso_date, help="count recency from this date, YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--top", type=int, default=SHOWN, help=f"how many gaps to print (default {SHOWN})")
    parser.add_argument("--json", action="store_true", help="print the gaps as JSON (for scripts)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise CliError("--top must be at least 1")
    try:
        profile = read_profile(args.skills, args.cv)
    except InputError as error:
        raise CliError(str(error)) from None
    today = args.as_of or date.today()
    applications = apply_ghosting(load(args).applications, GhostingPolicy(), today)
    view = build_skill_view(applications, profile, today)
    report = view.report
    payload = {
        "as_of": today.isoformat(),
        "profile": list(profile),
        "applications": report.applications,
        "with_skill_data": report.with_skill_data,
        "note": report.note,
        "gaps": [_gap_dict(gap) for gap in report.gaps[: args.top]],
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
        "score": gap.score,
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
        "evidence": gap.evidence,
        "certainty": gap.certainty,
    }


def describe(payload: dict[str, Any]) -> str:
    """The ranked gaps for people."""
    profile = ", ".join(payload["profile"]) or "none given (use --skills or --cv)"
    lines = [f"Your skills: {profile}", f"As of {payload['as_of']}: {payload['applications']:,} applications"]
    if payload["note"]:
        lines.append(payload["note"])
    if not payload["gaps"]:
        lines.append("No missing skill was asked for by an application you lost.")
    for rank, gap in enumerate(payload["gaps"], start=1):
        lines.append(f"\n{rank}. {gap['skill']} ({gap['category']}, {gap['confidence']} evidence)")
        lines.append(f"   {gap['evidence']}")
        lines.append(f"   {gap['certainty']}")
    if payload["better_fitting_roles"]:
        lines.append("\nRoles that may fit better:")
        lines.extend(f"- {f['family']}: {f['reason']}" for f in payload["better_fitting_roles"])
    return "\n".join(lines)
