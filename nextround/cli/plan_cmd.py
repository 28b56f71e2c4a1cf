"""``nextround plan``: read files, assemble the action plan, and write it as md, pdf, xlsx, ics or csv."""

from __future__ import annotations

import argparse

from nextround.cli.arguments import (
    add_input_arguments,
    add_out_argument,
    add_profile_arguments,
    add_settings_arguments,
)
from nextround.cli.common import analysed_table, analysis_settings, load, read_profile
from nextround.cli.errors import CliError
from nextround.plan.formats import PLAN_FORMATS, PlanFormat, format_for
from nextround.plan.views import PlanChoices, build_plan_document
from nextround.text import counted


def configure(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_profile_arguments(parser)
    add_settings_arguments(parser)
    parser.add_argument(
        "--format", choices=tuple(PLAN_FORMATS), help="file format (default: from the extension of --out)"
    )
    add_out_argument(parser, "the plan", required=True)
    parser.set_defaults(run=run)


def output_format(args: argparse.Namespace) -> PlanFormat:
    if args.format:
        return PLAN_FORMATS[args.format]
    found = format_for(args.out)
    if found is None:
        raise CliError(
            f"--out {args.out}: give --format {'|'.join(PLAN_FORMATS)} or a file ending in one of them"
        )
    return found


def run(args: argparse.Namespace) -> int:
    plan_format = output_format(args)
    settings = analysis_settings(args)
    profile = read_profile(args.skills, args.cv)  # an unreadable CV: InputError, exit 2
    result = load(args)
    applications = analysed_table(result, settings)
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
    print(f"Wrote {counted(len(document.items), 'action')} to {args.out}")
    return 0
