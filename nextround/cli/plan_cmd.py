"""``nextround plan``: read files, assemble the action plan, and write it as md, pdf, xlsx, ics or csv."""

from __future__ import annotations

import argparse
from pathlib import Path

from nextround.cli.common import CliError, add_input_arguments, load, read_profile
from nextround.ghosting import apply_ghosting
from nextround.plan.formats import PLAN_FORMATS, PlanFormat, format_for
from nextround.plan.views import PlanChoices, build_plan_document
from nextround.settings import AnalysisSettings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="write the action plan (follow-ups, feedback requests, skill gaps, practice, weekly goal)",
        description="Read your applications and write a dated action plan, each action with its why.",
    )
    add_input_arguments(parser)
    profile = parser.add_mutually_exclusive_group()
    profile.add_argument("--skills", help='your skills, comma separated, e.g. "SQL, Python, Tableau"')
    profile.add_argument("--cv", type=Path, help="read your skills from your CV (.pdf, .docx or .txt)")
    parser.add_argument(
        "--format", choices=tuple(PLAN_FORMATS), help="file format (default: from the extension of -o)"
    )
    parser.add_argument("-o", "--out", type=Path, required=True, help="where to write the plan")
    parser.set_defaults(func=run)


def output_format(args: argparse.Namespace) -> PlanFormat:
    if args.format:
        return PLAN_FORMATS[args.format]
    found = format_for(args.out)
    if found is None:
        raise CliError(
            f"-o {args.out}: give --format {'|'.join(PLAN_FORMATS)} or a file ending in one of them"
        )
    return found


def run(args: argparse.Namespace) -> int:
    plan_format = output_format(args)
    profile = read_profile(args.skills or "", args.cv)  # an unreadable CV: InputError, exit 2
    result = load(args)
    settings = AnalysisSettings()
    applications = apply_ghosting(result.applications, settings.ghosting, settings.reference_date())
    document = build_plan_document(
        applications,
        settings,
        PlanChoices(profile=profile),
        cleaned_data=result.applications,  # as imported: ghosting is inferred again on every load
    )
    try:
        args.out.write_bytes(plan_format.render(document))
    except OSError as error:
        raise CliError(f"cannot write {args.out}: {error.strerror}") from None
    print(f"Wrote {len(document.items)} actions to {args.out}")
    return 0
