"""What every sub-command shares: the input arguments and loading files through the importer."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from nextround.importing import ImportOptions, ImportResult, import_paths
from nextround.importing.mapping import FIELDS
from nextround.importing.progress_text import status_key
from nextround.model import OUTCOMES, STAGES
from nextround.skills.cv import read_cv_text
from nextround.skills.profile import build_profile, parse_skill_list, skills_from_cv


class CliError(Exception):
    """The command cannot go on; str(error) is the one-line reason."""


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="spreadsheets: .xlsx .xlsm .xls .ods .csv .tsv .txt"
    )
    parser.add_argument(
        "--sheet", help="the sheet that holds the applications (default: found automatically)"
    )
    parser.add_argument(
        "--date-order",
        choices=("auto", "dmy", "mdy"),
        default="auto",
        help="how to read dates like 01/02/2025: day first (dmy) or month first (mdy); auto decides "
        "from the values and stops when it cannot tell",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=f"map a column of the file to a field, overriding the automatic mapping (repeatable); "
        f"FIELD is one of: {', '.join(FIELDS)}, or 'ignore'",
    )
    parser.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="TEXT=STAGE/OUTCOME",
        help="read a status text as the given stage and outcome, e.g. 'On hold=screen/pending' (repeatable)",
    )
    parser.add_argument(
        "--keep-sensitive",
        action="store_true",
        help="keep columns with third parties' contact details and screening answers (dropped by default)",
    )


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
        if not sep or not slash or stage.strip() not in STAGES or outcome.strip() not in OUTCOMES:
            raise CliError(
                f"--status {item!r}: expected TEXT=STAGE/OUTCOME with STAGE in {', '.join(STAGES)} "
                f"and OUTCOME in {', '.join(OUTCOMES)}"
            )
        status_overrides[status_key(text)] = (stage.strip(), outcome.strip())
    return ImportOptions(
        sheet=args.sheet,
        date_order=args.date_order,
        column_overrides=column_overrides,
        status_overrides=status_overrides,
        keep_sensitive=args.keep_sensitive,
    )


def load(args: argparse.Namespace, *, require_applications: bool = True) -> ImportResult:
    """Import the files named on the command line; refuse what cannot honestly be analysed."""
    result = import_paths([Path(f) for f in args.files], import_options(args))
    report = result.report
    if report.date_order_question is not None:
        raise CliError(report.date_order_question + " Pass --date-order dmy or --date-order mdy.")
    if require_applications and report.applications == 0:
        raise CliError(report.empty_reason or "no applications found in the input")
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


def iso_date(text: str) -> date:
    """An argparse type: a YYYY-MM-DD date, or a usage error saying what is expected."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-03-31") from None


def print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
