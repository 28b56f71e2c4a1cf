"""The ``nextround`` command line: the same core as the dashboard, no browser.

Exit codes: 0 success, 2 the input could not be used (one line on stderr, never a traceback), 141 the
reader of the output went away (``| head``). ``nextround`` alone, or ``--help``, lists the commands
without loading the core: a command's module, and with it pandas, is imported only for that command.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from nextround import __version__
from nextround.cli.errors import CliError

CLOSED_PIPE: Final = 141  # what a shell reports for a program ended by SIGPIPE


@dataclass(frozen=True)
class Command:
    name: str
    module: str  # has ``configure(parser)``, which sets ``run`` as the parser's default
    summary: str


COMMANDS: Final = (
    Command(
        "import",
        "nextround.cli.import_cmd",
        "read spreadsheets into the canonical table, account for every row",
    ),
    Command(
        "report",
        "nextround.cli.report_cmd",
        "the funnel, the rates with their 95% intervals, where you lose most",
    ),
    Command(
        "gaps", "nextround.cli.gaps_cmd", "the skills your lost applications asked for that you lack, ranked"
    ),
    Command("plan", "nextround.cli.plan_cmd", "write the dated action plan as md, pdf, xlsx, ics or csv"),
)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``command`` (if any) gets its options, so listing the commands stays fast."""
    parser = argparse.ArgumentParser(
        prog="nextround",
        description="Read your job-application spreadsheet and see where you are losing, and what to do.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for entry in COMMANDS:
        description = entry.summary[0].upper() + entry.summary[1:] + "."
        # argparse expands "%" in help texts (not in descriptions).
        sub = subparsers.add_parser(
            entry.name, help=entry.summary.replace("%", "%%"), description=description
        )
        if entry.name == command:
            importlib.import_module(entry.module).configure(sub)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if any(first == entry.name for entry in COMMANDS) else None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_in(arguments))
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        code = int(args.run(args))
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly; stdout points nowhere so exit cannot complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return CLOSED_PIPE
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        # Imported here, not above: listing the commands must not load the importer (and pandas).
        from nextround.importing.errors import InputError  # noqa: PLC0415

        if isinstance(error, CliError | InputError):
            print(f"nextround: {error}", file=sys.stderr)
            return 2
        print(f"nextround: internal error ({type(error).__name__}: {error})", file=sys.stderr)
        return 1
