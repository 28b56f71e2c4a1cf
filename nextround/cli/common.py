"""What the sub-commands share when they run: reading the files through the importer, the profile and
the analysis settings from the options, and printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from nextround.cli.errors import CliError
from nextround.ghosting import GhostingPolicy, apply_ghosting
from nextround.importing import ImportOptions, ImportResult, import_paths
from nextround.importing.mapping import FIELDS
from nextround.importing.progress_text import OVERRIDE_OUTCOMES, status_key
from nextround.model import STAGES
from nextround.settings import AnalysisSettings
from nextround.skills.cv import read_cv_text
from nextround.skills.profile import build_profile, parse_skill_list, skills_from_cv


def import_options(args: argparse.Namespace) -> ImportOptions:
    column_overrides: dict[str, str] = {}
    for item in args.map:
        column, sep, field = item.partition("=")
        if not sep or field.strip() not in (*FIELDS, "ignore"):
            raise CliError(
                f"--map {item!r}: expected COLUMN=FIELD with FIELD one of {', '.join(FIELDS)} or ignore"
            )
        column_overrides[column.strip()] = field.strip()
    status_overrides: dict[str, tuple[str, str]] = {}
    for item in args.status:
        text, sep, reading = item.rpartition("=")
        stage, slash, outcome = reading.partition("/")
        if not sep or not slash or stage.strip() not in STAGES or outcome.strip() not in OVERRIDE_OUTCOMES:
            raise CliError(
                f"--status {item!r}: expected TEXT=STAGE/OUTCOME with STAGE in {', '.join(STAGES)} "
                f"and OUTCOME in {', '.join(OVERRIDE_OUTCOMES)}"
            )
        status_overrides[status_key(text)] = (stage.strip(), outcome.strip())
    answers: dict[str, str] = {}
    for item in getattr(args, "answer", []):
        key, sep, answer = item.partition("=")
        if not sep or not key.strip() or not answer.strip():
            raise CliError(f"--answer {item!r}: expected QUESTION=ANSWER, e.g. notes=ignore")
        answers[key.strip()] = answer.strip()
    return ImportOptions(
        sheet=args.sheet,
        date_order=args.date_order,
        column_overrides=column_overrides,
        status_overrides=status_overrides,
        keep_sensitive=args.keep_sensitive,
        answers=answers,
    )


def load(args: argparse.Namespace, *, require_applications: bool = True) -> ImportResult:
    """Import the files named on the command line; refuse what cannot honestly be analysed."""
    result = import_paths([Path(f) for f in args.files], import_options(args))
    report = result.report
    if report.date_order_question is not None:
        raise CliError(report.date_order_question + " Pass --date-order dmy or --date-order mdy.")
    if require_applications and report.applications == 0:
        raise CliError(for_the_command_line(report.empty_reason or "no applications found in the input"))
    return result


def read_profile(skills: str, cv: Path | None) -> tuple[str, ...]:
    """The profile from the typed list and the CV (both may be given)."""
    from_cv: tuple[str, ...] = ()
    if cv is not None:
        try:
            data = cv.read_bytes()
        except OSError as error:
            raise CliError(f"cannot read {cv}: {error.strerror}") from None
        from_cv = skills_from_cv(read_cv_text(data, cv.name))
    return build_profile(parse_skill_list(skills), from_cv)


def analysis_settings(args: argparse.Namespace) -> AnalysisSettings:
    """The analysis settings from ``add_settings_arguments``' options."""
    if args.ghosted_after < 1 or args.ghosted_after_contact < 1:
        raise CliError("--ghosted-after and --ghosted-after-contact must be at least 1 day")
    return AnalysisSettings(
        ghosting=GhostingPolicy(args.ghosted_after, args.ghosted_after_contact),
        count_ghosting_as_rejection=args.count_ghosting_as_rejection,
        as_of=args.as_of,
    )


def analysed_table(result: ImportResult, settings: AnalysisSettings) -> pd.DataFrame:
    """The imported table with ghosting inferred as of the settings' date, as every analysis takes it."""
    return apply_ghosting(result.applications, settings.ghosting, settings.reference_date())


# The importer's hints name the dashboard's widgets; on the command line the same fix is an option.
FOR_THE_COMMAND_LINE: dict[str, str] = {
    "set them in the status review.": 'read them with --status "TEXT=STAGE/OUTCOME".',
    "Fill in outcomes in the table on the Import page to see your funnel.": (
        'Map a status or result column with --map "Column=status" to see your funnel.'
    ),
}


def for_the_command_line(message: str) -> str:
    """A message written for the dashboard, with its page-bound hints as command-line options."""
    for page_words, option_words in FOR_THE_COMMAND_LINE.items():
        message = message.replace(page_words, option_words)
    return message


def print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
