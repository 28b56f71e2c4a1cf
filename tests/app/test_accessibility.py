"""Accessibility and polish: every chart has a text alternative, labels are worded alike, and the pages
show a spinner while their analysis runs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nextround.settings import AnalysisSettings
from tests.fixtures.paths import ROOT
from ui import state
from ui.loaders import sample_as_of
from ui.navigation import PAGES

CHART_PAGES = ("overview", "rejections", "trends", "skill_gaps")
TEXT_ALTERNATIVES = {"caption", "markdown", "download_button", "dataframe", "table"}
SOURCES = sorted([*(ROOT / "pages").rglob("*.py"), *(ROOT / "ui").glob("*.py")])
PAGE_FILES = {Path(path).stem: ROOT / path for path in PAGES}


def _sample_page(page: str, sample_result) -> AppTest:
    at = AppTest.from_file(str(PAGE_FILES[page]), default_timeout=60)
    at.session_state[state.APPLICATIONS] = sample_result.applications
    at.session_state[state.SETTINGS] = AnalysisSettings(as_of=sample_as_of(sample_result))
    return at.run()


def _is_chart(node) -> bool:
    """A Plotly chart, or a container holding only one: a chart's wide or phone layout (ui/responsive.py)."""
    if getattr(node, "type", None) == "plotly_chart":
        return True
    children = list(getattr(node, "children", {}).values())
    return len(children) == 1 and getattr(children[0], "type", None) == "plotly_chart"


def _charts_and_what_follows(node) -> list[str | None]:
    """For every Plotly chart in the tree, the type of the first element after it (and after its other
    layout) in its container."""
    found: list[str | None] = []
    children = list(getattr(node, "children", {}).values())
    for index, child in enumerate(children):
        if _is_chart(child):
            following = next((c for c in children[index + 1 :] if not _is_chart(c)), None)
            found.append(getattr(following, "type", None))
        else:
            found.extend(_charts_and_what_follows(child))
    return found


@pytest.mark.parametrize("page", CHART_PAGES)
def test_every_chart_is_followed_by_a_caption_or_a_table(page, sample_result):
    at = _sample_page(page, sample_result)
    assert not at.exception
    following = _charts_and_what_follows(at.main)
    assert following, f"{page} shows no chart with the sample data"
    assert all(kind in TEXT_ALTERNATIVES for kind in following), following


# --- wording ------------------------------------------------------------------------------------------

LABELLED = {
    "button", "download_button", "link_button", "page_link", "checkbox", "toggle", "radio", "selectbox",
    "multiselect", "slider", "select_slider", "text_input", "text_area", "number_input", "date_input",
    "time_input", "file_uploader", "segmented_control", "pills", "metric", "expander", "tabs",
    "TextColumn", "NumberColumn", "SelectboxColumn", "CheckboxColumn", "DateColumn", "DatetimeColumn",
    "ProgressColumn", "LinkColumn", "ListColumn", "Column",
}  # fmt: skip
# Names that keep their capitals in a sentence-case label.
PROPER = {"Excel", "Markdown", "LinkedIn", "CV", "PDF", "CSV", "XLSX", "ICS", "DOCX", "TXT", "STAR"}


def _literal_labels() -> list[tuple[str, str]]:
    """(where, text) for every label written as a literal (f-strings with their fields as "{}")."""
    labels = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in LABELLED:
                continue
            arg = (
                node.args[0]
                if node.args
                else next((k.value for k in node.keywords if k.arg == "label"), None)
            )
            texts = []
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                texts = [arg.value]
            elif isinstance(arg, ast.JoinedStr):
                texts = ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in arg.values)]
            elif isinstance(arg, ast.List):  # st.tabs(["First", "Second"])
                texts = [
                    e.value for e in arg.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
            labels += [(f"{path.relative_to(ROOT)}:{node.lineno}", text) for text in texts]
    return labels


def is_sentence_case(label: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", re.sub(r":material/\w+:", "", label))
    if not words:
        return True
    if words[0][0].islower():
        return False
    capitalised = [w for w in words[1:] if w[0].isupper() and w not in PROPER and not w.isupper()]
    return len(capitalised) < 2


def test_the_wording_check_tells_sentence_case_apart():
    assert is_sentence_case("Download the list of skipped rows (CSV)")
    assert is_sentence_case("Skills found in your CV (remove any that are wrong, then add them)")
    assert is_sentence_case("Download Excel")
    assert not is_sentence_case("Download Your Action Plan")
    assert not is_sentence_case("download the plan")


def test_widget_labels_are_sentence_case():
    labels = _literal_labels()
    assert len(labels) > 60  # the check really reads the pages
    offenders = [(where, text) for where, text in labels if not is_sentence_case(text)]
    assert not offenders, offenders


# --- spinners -----------------------------------------------------------------------------------------

# The calls whose time grows with the number of applications (a second or more at 1,000,000 rows).
HEAVY = {
    "overview.py": {"build_overview"},
    "rejections.py": {"build_rejections"},
    "trends.py": {"build_trends"},
    "skill_gaps.py": {"build_skill_view"},
    "follow_ups.py": {"build_followups_view", "top_gaps"},
    "action_plan.py": {"suggest_plan", "build_plan_document"},
}


def _called(node: ast.AST) -> str | None:
    """The function a call runs: ``f(…)`` and ``module.f(…)`` run f; ``remembered(name, f, …)`` runs f."""
    if not isinstance(node, ast.Call):
        return None
    if isinstance(node.func, ast.Name) and node.func.id == "remembered" and len(node.args) > 1:
        return node.args[1].id if isinstance(node.args[1], ast.Name) else None
    if isinstance(node.func, ast.Name):
        return node.func.id
    return node.func.attr if isinstance(node.func, ast.Attribute) else None


def _calls_outside_a_spinner(tree: ast.AST, names: set[str]) -> list[int]:
    outside: list[int] = []

    def visit(node: ast.AST, in_spinner: bool) -> None:
        if isinstance(node, ast.With):
            in_spinner = in_spinner or any(
                isinstance(item.context_expr, ast.Call)
                and isinstance(item.context_expr.func, ast.Attribute)
                and item.context_expr.func.attr == "spinner"
                for item in node.items
            )
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            return  # a definition runs where it is called, not here
        heavy = _called(node) in names
        if heavy and not in_spinner:
            outside.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_spinner)

    visit(tree, False)
    return outside


@pytest.mark.parametrize("page", sorted(HEAVY))
def test_heavy_page_work_runs_under_a_spinner(page):
    tree = ast.parse(PAGE_FILES[page.removesuffix(".py")].read_text(encoding="utf-8"))
    called = {_called(node) for node in ast.walk(tree)}
    assert HEAVY[page] <= called, f"{page} no longer calls {HEAVY[page] - called}; update HEAVY"
    assert _calls_outside_a_spinner(tree, HEAVY[page]) == []


def test_the_import_shows_progress():
    loaders = (ROOT / "ui" / "loaders.py").read_text(encoding="utf-8")
    assert re.search(r"st\.spinner\(\"Reading your file", loaders)
