"""The ``nextround`` command line: the same core as the dashboard, no browser.

Exit codes: 0 success, 2 the input could not be used (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from nextround.cli import gaps_cmd, import_cmd, plan_cmd, report_cmd
from nextround.cli.common import CliError
from nextround.importing.errors import InputError

# Each module exposes ``register(subparsers)``, which adds one sub-command whose ``func`` runs it.
COMMAND_MODULES: tuple[ModuleType, ...] = (import_cmd, report_cmd, plan_cmd, gaps_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nextround",
        description="Read your job-application spreadsheet and see where you are losing, and what to do.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (CliError, InputError) as error:
        print(f"nextround: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours: still one line, never a traceback
        print(f"nextround: internal error ({type(error).__name__}: {error})", file=sys.stderr)
        return 1
