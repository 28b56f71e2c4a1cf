"""``nextround plan``: read files, assemble the action plan, and write it as md, pdf, xlsx, ics or csv."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Final

from nextround.cli.common import CliError, add_input_arguments, load, read_profile
from nextround.ghosting import apply_ghosting
from nextround.plan.assemble import assemble_plan
from nextround.plan.document import PlanDocument, build_document
from nextround.plan.exports.csv import plan_csv
from nextround.plan.exports.ics import plan_ics
from nextround.plan.exports.markdown import plan_markdown
from nextround.plan.exports.pdf import plan_pdf
from nextround.plan.exports.xlsx import plan_xlsx
from nextround.plan.inputs import analysis_inputs, suggested_gap_actions, top_gap_names
from nextround.settings import AnalysisSettings

WRITERS: Final[dict[str, Callable[[PlanDocument], bytes]]] = {
    "md": plan_markdown,
    "pdf": plan_pdf,
    "xlsx": plan_xlsx,
    "ics": plan_ics,
    "csv": plan_csv,
}
_SUFFIXES: Final = {
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".ics": "ics",
    ".csv": "csv",
}


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
        "--format", choices=tuple(WRITERS), help="file format (default: from the extension of -o)"
    )
    parser.add_argument("-o", "--out", type=Path, required=True, help="where to write the plan")
    parser.set_defaults(func=run)


def output_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    found = _SUFFIXES.get(args.out.suffix.lower())
    if found is None:
        raise CliError(f"-o {args.out}: give --format {'|'.join(WRITERS)} or a file ending in one of them")
    return found


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args)
    profile = read_profile(args.skills or "", args.cv)  # an unreadable CV: InputError, exit 2
    result = load(args)
    settings = AnalysisSettings()
    today = settings.reference_date()
    applications = apply_ghosting(result.applications, settings.ghosting, today)
    inputs = analysis_inputs(applications, settings)
    items = assemble_plan(
        applications,
        today,
        bottleneck=inputs.bottleneck,
        gap_actions=suggested_gap_actions(applications, profile, today),
        top_gaps=top_gap_names(applications, profile, today),
    )
    document = build_document(
        applications,
        items,
        today,
        bottleneck_sentence=inputs.bottleneck.sentence,
        funnel=inputs.funnel,
        cleaned_data=result.applications,  # as imported: ghosting is inferred again on every load
    )
    try:
        args.out.write_bytes(WRITERS[fmt](document))
    except OSError as error:
        raise CliError(f"cannot write {args.out}: {error.strerror}") from None
    print(f"Wrote {len(items)} actions to {args.out}")
    return 0
