"""Injection: hostile text in company names, roles, contacts and notes never runs in the page and is
neutralised in every export.

The pages run under AppTest with a hostile table; every element that renders Markdown must show the
payloads escaped (``\\!\\[`` is fine, ``![`` is not). Exports are read back with their real readers.
"""

from __future__ import annotations

import ast
import csv
import email
import io
import re
from datetime import date
from email import policy
from pathlib import Path

import icalendar
import openpyxl
import pandas as pd
import pypdf
import pytest
from streamlit.testing.v1 import AppTest

from nextround.cleaned_table import cleaned_csv, cleaned_xlsx
from nextround.followups.candidates import followup_candidates
from nextround.followups.emails import render_feedback_request, render_follow_up, to_eml
from nextround.ghosting import apply_ghosting
from nextround.importing import SourceFile, import_files
from nextround.model import conform
from nextround.plan.views import build_plan_document
from nextround.plan.writers.csv import plan_csv
from nextround.plan.writers.ics import plan_ics
from nextround.plan.writers.markdown import plan_markdown
from nextround.plan.writers.pdf import plan_pdf
from nextround.plan.writers.xlsx import plan_xlsx
from nextround.settings import AnalysisSettings
from tests.fixtures.files import csv_bytes
from tests.fixtures.hostile import PAYLOADS, hostile_rows
from tests.fixtures.paths import ROOT
from ui import state
from ui.navigation import FOLLOW_UPS, IMPORT, PAGES

# What must never reach a Markdown-rendering element unescaped.
LINKS_AND_TAGS = [
    re.compile(r"(?<!\\)<(script|img)", re.IGNORECASE),
    re.compile(r"!\["),  # image syntax (an escaped "!\\[" is text)
    re.compile(r"(?<!\\)\]\((http://127\.0\.0\.1|javascript:)", re.IGNORECASE),  # the payloads' links
]
UNSAFE = [
    *LINKS_AND_TAGS,
    re.compile(r"javascript:", re.IGNORECASE),
    re.compile(r":red\["),
    re.compile(r"(?<!\\):material/home"),
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PAGE_FILES = {Path(path).stem: ROOT / path for path in PAGES}
SHOWN_PAGES = ["home", "overview", "rejections", "trends", "skill_gaps", "follow_ups", "action_plan"]


@pytest.fixture(scope="module")
def hostile_table() -> pd.DataFrame:
    result = import_files([SourceFile("hostile.csv", csv_bytes(hostile_rows()))])
    assert result.report.applications == 40
    return result.applications


def _is_unsafe(text: str, patterns: list[re.Pattern[str]] = UNSAFE) -> str | None:
    return next((p.pattern for p in patterns if p.search(text)), None)


def _rendered_markdown(at: AppTest) -> list[tuple[str, str]]:
    """(element type, text) of every element whose text Streamlit renders as Markdown."""
    found: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in {"markdown", "caption", "title", "header", "subheader", "latex"} or kind in {
            "error",
            "warning",
            "info",
            "success",
            "toast",
        }:
            found.append((kind, str(getattr(node, "value", "") or getattr(proto, "body", ""))))
        label = getattr(proto, "label", None)
        if isinstance(label, str) and label:
            found.append((f"{kind} label", label))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("page", SHOWN_PAGES)
def test_no_page_renders_hostile_text_as_markup(page: str, hostile_table: pd.DataFrame) -> None:
    at = AppTest.from_file(str(PAGE_FILES[page]), default_timeout=60)
    at.session_state[state.APPLICATIONS] = hostile_table
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    rendered = _rendered_markdown(at)
    assert rendered  # the page drew something to check
    unsafe = [(kind, text[:160], why) for kind, text in rendered if (why := _is_unsafe(text))]
    assert not unsafe, unsafe


def test_the_hostile_text_does_reach_the_follow_ups_page_escaped(hostile_table: pd.DataFrame) -> None:
    # Guards the test above against passing vacuously: company names are on this page, escaped.
    at = AppTest.from_file(str(ROOT / FOLLOW_UPS), default_timeout=60)
    at.session_state[state.APPLICATIONS] = hostile_table
    at.run()
    labels = [text for kind, text in _rendered_markdown(at) if kind.endswith("label")]
    assert any("\\<script\\>" in text or "\\!\\[x\\]" in text for text in labels), labels[:5]


def _import_review_script(name: str) -> None:
    from nextround.importing import SourceFile, import_files
    from tests.fixtures.files import csv_bytes
    from tests.fixtures.hostile import hostile_rows
    from ui import import_review

    rows = hostile_rows(6)
    rows[2][2] = "not a date"  # a warning naming the file
    result = import_files([SourceFile(name, csv_bytes([*rows, ["", "", "", "", "", "", "x", ""]]))])
    import_review.show_summary(result)
    import_review.show_skipped_and_warnings(result)
    header_only = import_files([SourceFile(name, csv_bytes(rows[:1]))])  # "… has no rows": names the file
    import_review.show_summary(header_only)


@pytest.mark.parametrize("name", ["![x](http://127.0.0.1:9/p.png).csv", "<script>alert(1)</script>.csv"])
def test_import_review_shows_hostile_file_names_escaped(name: str) -> None:
    at = AppTest.from_function(_import_review_script, args=(name,), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    rendered = _rendered_markdown(at)
    assert sum("csv" in text for _, text in rendered) >= 3  # the name is shown, escaped
    unsafe = [(kind, text[:160], why) for kind, text in rendered if (why := _is_unsafe(text))]
    assert not unsafe, unsafe


UNSAFE_CALLS = re.compile(r"unsafe_allow_html\s*=\s*True|st\.html\(|components\.v1|components\.html")


def test_no_page_or_widget_lets_html_through() -> None:
    # Every place that would render raw HTML. Each must take no user data: list it here with the reason,
    # and this test shows it to the reviewer.
    allowed: set[tuple[str, int]] = {
        # The script that gives a browser its cookies: only a visitor id made by nextround.store (checked
        # by is_visitor_id) and "on"/"off" (tests/app/test_remember.py: the cookie script test).
        ("ui/sidebar_store.py", 41),
        ("ui/responsive.py", 29),  # the constant STYLE: which layout of a chart fits the screen's width
    }
    calls = [
        (str(path.relative_to(ROOT)), number)
        for path in [
            ROOT / "app.py",
            *sorted((ROOT / "pages").rglob("*.py")),
            *sorted((ROOT / "ui").glob("*.py")),
        ]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if UNSAFE_CALLS.search(line)
    ]
    assert set(calls) <= allowed, calls


# ------------------------------------------------------------------------------------------ exports


def _formula_table() -> pd.DataFrame:
    """Every payload in every text field, including the tab- and CR-led ones the importer would trim."""
    count = len(PAYLOADS)
    today = pd.Timestamp(date.today())
    return conform(
        pd.DataFrame(
            {
                "source_file": ["hostile.csv"] * count,
                "source_row": range(2, count + 2),
                "company": PAYLOADS,
                "role": PAYLOADS[::-1],
                "contact_name": PAYLOADS,
                "notes": PAYLOADS,
                "status_raw": ["Rejected"] * count,
                "stage_reached": ["interview"] * count,
                "outcome": ["rejected"] * count,
                "applied_on": [today - pd.Timedelta(days=20)] * count,
                "outcome_on": [today - pd.Timedelta(days=3)] * count,
                "last_event_on": [today - pd.Timedelta(days=3)] * count,
            }
        )
    )


def _assert_no_live_formula(cells: list[object], where: str) -> None:
    for cell in cells:
        if isinstance(cell, str) and cell.startswith(FORMULA_START):
            try:
                float(cell)  # a plain negative number is not a formula
            except ValueError:
                pytest.fail(f"{where}: a cell a spreadsheet would run as a formula: {cell!r}")


def _csv_cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for c in row]


def _xlsx_cells(data: bytes) -> list[object]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                cells.append(cell.value)
    return cells


def test_cleaned_csv_and_xlsx_neutralise_every_formula() -> None:
    table = _formula_table()
    csv_cells = _csv_cells(cleaned_csv(table))
    _assert_no_live_formula(csv_cells, "cleaned CSV")
    assert '\'=HYPERLINK("http://x","y")' in csv_cells and "'\t=1+1" in csv_cells
    xlsx_cells = _xlsx_cells(cleaned_xlsx(table))
    _assert_no_live_formula(xlsx_cells, "cleaned XLSX")
    assert "'+cmd|' /C calc'!A0" in xlsx_cells


@pytest.fixture(scope="module")
def hostile_plan() -> object:
    settings = AnalysisSettings()
    applications = apply_ghosting(_formula_table(), settings.ghosting, settings.reference_date())
    document = build_plan_document(applications, settings)
    assert any("<script>" in item.title for item in document.items)  # the payloads reach the plan
    return document


def test_plan_csv_and_xlsx_neutralise_every_formula(hostile_plan: object) -> None:
    _assert_no_live_formula(_csv_cells(plan_csv(hostile_plan)), "plan CSV")
    _assert_no_live_formula(_xlsx_cells(plan_xlsx(hostile_plan)), "plan XLSX")


def test_plan_markdown_shows_payloads_as_text(hostile_plan: object) -> None:
    text = plan_markdown(hostile_plan).decode("utf-8")
    outside_code = re.sub(r"```.*?```", "", text, flags=re.DOTALL)  # email drafts are fenced: literal
    # Streamlit's directives mean nothing in a Markdown file; tags, images and links do.
    unsafe = [(line, why) for line in outside_code.splitlines() if (why := _is_unsafe(line, LINKS_AND_TAGS))]
    assert not unsafe, unsafe
    assert "\\<script\\>" in text  # the payloads are there, escaped


def test_plan_calendar_keeps_each_payload_inside_its_own_property(hostile_plan: object) -> None:
    calendar = icalendar.Calendar.from_ical(plan_ics(hostile_plan))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(hostile_plan.items)
    for event in events:
        assert ("ATTACH" not in event and "URL" not in event) or "javascript" not in str(event.get("URL"))
        assert "\n" not in str(event["SUMMARY"]) and "\r" not in str(event["SUMMARY"])


def test_plan_pdf_has_no_script_or_script_links(hostile_plan: object) -> None:
    data = plan_pdf(hostile_plan)
    assert b"/JavaScript" not in data and b"/JS " not in data and b"javascript:" not in data.lower()
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "<script>alert(1)</script>" in text  # the payload is shown as text


def test_follow_up_eml_is_plain_text_with_one_line_headers() -> None:
    table = apply_ghosting(_formula_table(), AnalysisSettings().ghosting, date.today())
    listing = followup_candidates(table, date.today())
    assert listing.candidates
    for candidate in listing.candidates:
        for draft in (render_follow_up(candidate), render_feedback_request(candidate, "SQL")):
            message = email.message_from_bytes(to_eml(draft), policy=policy.default)
            assert message.get_content_type() == "text/plain"
            assert set(message.keys()) <= {
                "Subject",
                "X-Unsent",
                "Content-Type",
                "Content-Transfer-Encoding",
                "MIME-Version",
            }
            assert "\n" not in str(message["Subject"]) and "\r" not in str(message["Subject"])


RENDERS_MARKDOWN = {
    "markdown", "caption", "error", "warning", "info", "success", "write", "title", "header", "subheader",
    "toast", "expander", "checkbox", "button", "radio", "tabs",
}  # fmt: skip
ESCAPES = {"escape_markdown"}
# Calls that render a variable that holds only the app's own words (reviewed): file, call.
REVIEWED = {
    ("followup_panels.py", "st.expander(label"),  # label built from escape_markdown(company/role)
    ("follow_ups.py", "st.caption(view.summary)"),  # counts and dates only (followups/views.py)
    ("followup_panels.py", "st.checkbox(item.prompt"),  # prompts from nextround/data/reflection.toml
    ("followup_panels.py", "st.tabs(names)"),  # fixed tab names
    ("analysis_blocks.py", "st.caption(said)"),  # callers pass product text (literal or wording), and ours
    ("analysis_blocks.py", "st.info(empty"),  # sentences from nextround/figures/empty.py, counts only
    ("import_session.py", "st.button(label"),  # callers pass a literal label
    ("overview.py", "st.markdown(HOW_EVERYTHING_IS_COUNTED)"),  # product text from nextround/wording.py
    ("import_review.py", "column.button(choice.label"),  # the importer's own answers (importing/questions.py)
    ("sidebar_store.py", "st.markdown(FORGET_HELP)"),  # a constant of that module
    ("since_last_time.py", "st.info(text"),  # built from escape_markdown(label) and the escaped headline
    ("since_last_time.py", "st.button(text"),  # "Replace my search with this file": the app's words
    ("since_last_time.py", "st.caption(outcome)"),  # counts and the app's words
    ("rejections.py", "st.markdown(HOW_EVERYTHING_IS_COUNTED)"),  # product text from nextround/wording.py
    ("overview.py", "st.warning(diagnosis.silence_sentence"),  # counts only (analysis/diagnosis.py)
}


def test_every_variable_rendered_as_markdown_is_escaped_or_reviewed() -> None:
    """A page passing a variable (or ``str(error)``) straight to a Markdown element must escape it;
    an InputError names the user's file, e.g. ``'![x](http://…).csv' is empty``."""
    unreviewed = []
    for path in [
        ROOT / "app.py",
        *sorted((ROOT / "pages").rglob("*.py")),
        *sorted((ROOT / "ui").glob("*.py")),
    ]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
                continue
            if node.func.attr not in RENDERS_MARKDOWN:
                continue
            first = node.args[0]
            plain_str = (
                isinstance(first, ast.Call) and isinstance(first.func, ast.Name) and first.func.id == "str"
            )
            if isinstance(first, ast.Name | ast.Attribute) or plain_str:
                call = ast.unparse(node)
                if not any(path.name == f and call.startswith(c) for f, c in REVIEWED):
                    unreviewed.append(f"{path.name}:{node.lineno}: {call[:100]}")
    assert not unreviewed, unreviewed


@pytest.mark.parametrize("name", ["![x](http://127.0.0.1:9/p.png)", "<script>alert(1)</script>"])
def test_import_page_shows_hostile_uploads_and_refusals_escaped(name: str) -> None:
    at = AppTest.from_file(str(ROOT / IMPORT), default_timeout=60)
    at.run()
    at.file_uploader[0].set_value([(f"{name}.csv", csv_bytes(hostile_rows(12)), "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.session_state[state.APPLICATIONS]) == 12
    at.file_uploader[0].set_value([(f"{name}.xlsx", b"%PDF-1.5 not a workbook", "application/pdf")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("PDF" in e.value for e in at.error)
    rendered = _rendered_markdown(at)
    unsafe = [(kind, text[:160], why) for kind, text in rendered if (why := _is_unsafe(text))]
    assert not unsafe, unsafe


def test_the_app_frame_and_sidebar_show_a_hostile_file_label_escaped(hostile_table: pd.DataFrame) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[state.APPLICATIONS] = hostile_table
    at.session_state[state.DATA_LABEL] = "![x](http://127.0.0.1:9/p.png) <script>alert(1)</script>.csv"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    rendered = _rendered_markdown(at)
    assert any("127" in text for _, text in rendered)  # the label is shown
    unsafe = [(kind, text[:160], why) for kind, text in rendered if (why := _is_unsafe(text))]
    assert not unsafe, unsafe
