"""Check one import against the hand-counted expectations of ``shared/realworld/expect.json``.

The keys (see the file's ``_about``): applications, outcome counts, explicit_ghosted (marked ghosted or
no response in the file itself, not inferred), stage_at_least, allow_refusal, no_literal, no_emails.
Ranges are inclusive.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from nextround.importing import ImportOptions, InputError, import_paths

REALWORLD = Path(__file__).resolve().parents[3] / "shared" / "realworld"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


@dataclass
class Conformance:
    """What one file was expected to give, what it gave, and what did not match."""

    file: str
    expected: dict[str, str] = field(default_factory=dict)
    got: dict[str, str] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def expectations() -> dict[str, dict]:
    data = json.loads((REALWORLD / "expect.json").read_text(encoding="utf-8"))
    return {name: value for name, value in data.items() if not name.startswith("_")}


def _range(bounds: list[int]) -> str:
    low, high = bounds
    return str(low) if low == high else f"{low}–{high}"


def check(name: str, expected: dict) -> Conformance:
    """Import one file as a user would (no answers given) and compare every expected count."""
    result = Conformance(name)
    try:
        imported = import_paths([REALWORLD / name], ImportOptions())
    except InputError as error:
        result.got["refused"] = str(error)
        if not expected.get("allow_refusal"):
            result.failures.append(f"refused: {error}")
        return result
    table, report = imported.applications, imported.report
    if report.rows_read != report.applications + len(report.skipped):
        result.failures.append("a row is neither imported nor reported")

    def compare(key: str, value: int, bounds: list[int]) -> None:
        result.expected[key] = _range(bounds)
        result.got[key] = str(value)
        if not bounds[0] <= value <= bounds[1]:
            result.failures.append(f"{key} {value}, expected {_range(bounds)}")

    if "applications" in expected:
        compare("applications", len(table), expected["applications"])
    for outcome, bounds in expected.get("outcome", {}).items():
        compare(outcome, int((table["outcome"] == outcome).sum()), bounds)
    if "explicit_ghosted" in expected:
        explicit = (table["outcome"] == "ghosted") & ~table["ghosted_inferred"]
        compare("ghosted", int(explicit.sum()), expected["explicit_ghosted"])
    for stage, bounds in expected.get("stage_at_least", {}).items():
        compare(f"≥{stage}", int((table["stage_reached"] >= stage).sum()), bounds)
    text = table.select_dtypes(exclude=["number", "datetime", "bool"]).astype(object)
    for literal in expected.get("no_literal", []):
        if (text.apply(lambda c: c.astype(str).str.strip().str.lower()) == literal.lower()).any().any():
            result.failures.append(f"the literal '{literal}' was kept as a value")
    if expected.get("no_emails"):
        found = text.apply(lambda c: c.astype(str).str.contains(_EMAIL, na=False))
        if found.any().any():
            result.failures.append("e-mail addresses were kept")
    if report.date_order_question:
        result.failures.append("stopped to ask the date order")
    return result


def table(results: list[Conformance]) -> str:
    """The conformance table: one line per file with what was expected and what the import gave."""
    lines = [f"{sum(r.ok for r in results)} of {len(results)} real trackers meet their expectations"]
    width = max(len(r.file) for r in results)
    for r in sorted(results, key=lambda r: (r.ok, r.file)):
        verdict = "ok  " if r.ok else "FAIL"
        if "refused" in r.got:
            lines.append(f"{verdict} {r.file:<{width}}  refused: {r.got['refused'][:90]}")
            continue
        pairs = "  ".join(f"{key} {r.got[key]} ({r.expected[key]})" for key in r.expected)
        lines.append(f"{verdict} {r.file:<{width}}  {pairs}")
        lines.extend(f"       - {failure}" for failure in r.failures)
    return "\n".join(lines)
