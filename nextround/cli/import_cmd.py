"""``nextround import``: read files, print the import report, optionally write the cleaned table."""

from __future__ import annotations

import argparse

from nextround.cleaned_table import cleaned_csv, cleaned_xlsx
from nextround.cli.arguments import add_input_arguments, add_json_argument, add_out_argument
from nextround.cli.common import for_the_command_line, load, print_json
from nextround.cli.errors import CliError
from nextround.importing.report import Choice, ImportReport, skipped_ranges

WRITERS = {".csv": cleaned_csv, ".xlsx": cleaned_xlsx}


def configure(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_out_argument(parser, "the cleaned table (.csv or .xlsx)")
    add_json_argument(parser, "the import report")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    write = None if args.out is None else WRITERS.get(args.out.suffix.lower())
    if args.out is not None and write is None:
        raise CliError(f"--out {args.out}: the cleaned table can be written as .csv or .xlsx")
    result = load(args, require_applications=False)
    if write is not None:
        try:
            args.out.write_bytes(write(result.applications))
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
        lines.append(for_the_command_line(report.empty_reason))
    for file, rows, reason in skipped_ranges(report.skipped):
        lines.append(f"  skipped {file} {rows}: {reason}")
    for w in report.warnings:
        rows = (
            f" (rows {', '.join(map(str, w.rows[:10]))}{'…' if len(w.rows) > 10 else ''})" if w.rows else ""
        )
        lines.append(f"  note: {w.file}: {for_the_command_line(w.message)}{rows}")
    if report.dropped_columns:
        lines.append("  left out (personal data): " + ", ".join(report.dropped_columns))
    for question in report.questions:
        lines.append(f"  please check ({question.file}): {question.text}")
        answers = [cli_answer(question.key, choice) for choice in question.choices]
        lines.extend(
            f"      {choice.label}: {flag}" for choice, flag in zip(question.choices, answers, strict=True)
        )
    return "\n".join(lines)


def cli_answer(key: str, choice: Choice) -> str:
    """The option that gives ``choice`` as the answer to the question ``key``."""
    if choice.column is not None:
        return f"--map '{choice.column}={choice.field}'"
    if choice.status is not None and choice.reading is not None:
        return f"--status '{choice.status}={choice.reading[0]}/{choice.reading[1]}'"
    return f"--answer {key}={choice.answer or 'keep'}"
