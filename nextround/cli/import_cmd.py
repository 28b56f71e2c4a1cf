"""``nextround import``: read files, print the import report, optionally write the cleaned table."""

from __future__ import annotations

import argparse
from pathlib import Path

from nextround.cleaned_table import cleaned_csv, cleaned_xlsx
from nextround.cli.common import CliError, add_input_arguments, load, print_json
from nextround.importing.report import ImportReport, skipped_ranges


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="read spreadsheets into the canonical table and report on every row",
        description="Read one or more spreadsheets, account for every row, and write the cleaned table.",
    )
    add_input_arguments(parser)
    parser.add_argument("--out", type=Path, help="write the cleaned table here (.csv or .xlsx)")
    parser.add_argument("--json", action="store_true", help="print the import report as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.out is not None and args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise CliError(f"--out {args.out}: the cleaned table can be written as .csv or .xlsx")
    result = load(args, require_applications=False)
    if args.out is not None:
        data = (
            cleaned_xlsx(result.applications)
            if args.out.suffix.lower() == ".xlsx"
            else cleaned_csv(result.applications)
        )
        try:
            args.out.write_bytes(data)
        except OSError as error:
            raise CliError(f"cannot write {args.out}: {error.strerror}") from None
    if args.json:
        print_json(result.report.to_dict())
    else:
        print(describe(result.report))
    return 0


def describe(report: ImportReport) -> str:
    """The import report for people, a few lines."""
    counts = f"applications: {report.applications}  ·  skipped: {len(report.skipped)}"
    lines = [f"Rows read: {report.rows_read}  ·  {counts}"]
    for f in report.files:
        sheet = f" (sheet '{f.sheet}')" if f.sheet else ""
        lines.append(f"{f.name}{sheet}: header on row {f.header_row}, {f.applications} applications")
        mapped = ", ".join(f"{m.column} → {m.field}" for m in f.mapping if m.field)
        lines.append(f"  columns: {mapped}")
    if report.empty_reason:
        lines.append(report.empty_reason)
    for file, rows, reason in skipped_ranges(report.skipped):
        lines.append(f"  skipped {file} {rows}: {reason}")
    for w in report.warnings:
        rows = (
            f" (rows {', '.join(map(str, w.rows[:10]))}{'…' if len(w.rows) > 10 else ''})" if w.rows else ""
        )
        lines.append(f"  note: {w.file}: {w.message}{rows}")
    if report.dropped_columns:
        lines.append("  left out (personal data): " + ", ".join(report.dropped_columns))
    return "\n".join(lines)
