"""The options the sub-commands share, each with one name and one metavar everywhere."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from nextround.ghosting import GhostingPolicy
from nextround.importing.errors import EXTENSIONS
from nextround.importing.mapping import FIELDS
from nextround.importing.progress_text import NOT_SENT, OVERRIDE_OUTCOMES
from nextround.model import STAGES


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The files to read and how to read them (every command)."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="trackers: " + " ".join(f".{extension}" for extension in EXTENSIONS),
    )
    parser.add_argument(
        "--sheet", metavar="NAME", help="the sheet that holds the applications (default: found automatically)"
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
        help="read a status text as the given stage and outcome, e.g. 'On hold=screen/pending' "
        f"(repeatable); STAGE is one of {', '.join(STAGES)}, OUTCOME one of {', '.join(OVERRIDE_OUTCOMES)} "
        f"('{NOT_SENT}': never applied, left out)",
    )
    parser.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="QUESTION=ANSWER",
        help="answer one of the import's questions (listed by `nextround import`), e.g. 'notes=ignore' "
        "or 'not-sent=count' (repeatable)",
    )
    parser.add_argument(
        "--keep-sensitive",
        action="store_true",
        help="keep columns with third parties' contact details and screening answers (dropped by default)",
    )


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """The analysis settings the dashboard's sidebar has (report, gaps, plan)."""
    defaults = GhostingPolicy()
    parser.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="the day to count from (silence, recency, due dates), YYYY-MM-DD (default: today)",
    )
    parser.add_argument(
        "--count-ghosting-as-rejection",
        action="store_true",
        help="include ghosting in the rejection rates (by default it is shown apart)",
    )
    parser.add_argument(
        "--ghosted-after",
        type=int,
        default=defaults.days_after_applying,
        metavar="DAYS",
        help=f"silent days after applying before a pending application counts as ghosted "
        f"(default {defaults.days_after_applying})",
    )
    parser.add_argument(
        "--ghosted-after-contact",
        type=int,
        default=defaults.days_after_contact,
        metavar="DAYS",
        help=f"the same after a screen or interview (default {defaults.days_after_contact})",
    )


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    """The user's skills, typed and/or read from a CV (gaps, plan)."""
    parser.add_argument(
        "--skills", default="", metavar="LIST", help='your skills, comma-separated: "SQL, Excel, Tableau"'
    )
    parser.add_argument(
        "--cv", type=Path, metavar="FILE", help="read your skills from your CV (.pdf, .docx or .txt)"
    )


def add_json_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what} as JSON (for scripts)")


def add_out_argument(parser: argparse.ArgumentParser, what: str, *, required: bool = False) -> None:
    parser.add_argument(
        "-o", "--out", type=Path, metavar="FILE", required=required, help=f"write {what} here"
    )


def iso_date(text: str) -> date:
    """An argparse type: a YYYY-MM-DD date, or a usage error saying what is expected."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-03-31") from None
