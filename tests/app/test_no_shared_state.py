"""No module keeps one user's data where another session could reach it (read from the source with ``ast``).

Module globals of ``nextround/`` and ``ui/`` live once per process and are shared by every session, so
none may be a container that code mutates; every cache must be keyed by content (hashable arguments,
no session state inside). Pages are scripts Streamlit re-executes per run, so their globals are per run.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from tests.fixtures.app import ROOT

PACKAGES = ("nextround", "ui", "pages")
MUTABLE_CALLS = {
    "list",
    "dict",
    "set",
    "defaultdict",
    "OrderedDict",
    "Counter",
    "deque",
    "DataFrame",
    "Series",
}
MUTATING_METHODS = {
    "append",
    "extend",
    "insert",
    "add",
    "update",
    "setdefault",
    "pop",
    "popitem",
    "remove",
    "discard",
    "clear",
    "sort",
    "reverse",
    "appendleft",
    "loc",
    "iloc",
    "at",
    "iat",
}
CACHE_DECORATORS = {"cache_data", "cache_resource", "lru_cache", "cache"}
# Hashable, content-derived argument types a cached function may take.
CONTENT_TYPES = {"str", "bytes", "int", "bool", "SourceFile", "ImportOptions"}

# Every cached function, and why its key is content only.
ALLOWED_CACHES = {
    "nextround/resources.py:load_toml": "curated data file, keyed by its file name in nextround/data/",
    "nextround/analysis/benchmarks.py:load_benchmarks": "curated TOML, no arguments",
    "nextround/followups/emails.py:email_templates": "curated TOML, no arguments",
    "nextround/followups/reflection.py:reflection_checklist": "curated TOML, no arguments",
    "nextround/skills/learning.py:learning_resources": "curated TOML, no arguments",
    "nextround/skills/learning.py:volunteering": "curated TOML, no arguments",
    "nextround/skills/actions.py:skill_field": "pure function of a skill name over the curated vocabulary",
    "nextround/skills/coaching.py:stage_advice": "curated TOML, no arguments",
    "nextround/skills/coaching.py:_coaching_file": "curated TOML, no arguments",
    "nextround/skills/extract.py:feedback_cues": "curated feedback words, no arguments",
    "nextround/skills/vocabulary.py:load_vocabulary": "curated vocabulary, no arguments",
    "nextround/importing/vocabulary.py:vocabulary": "the words of every language file, no arguments",
    "nextround/importing/cells.py:_placeholders": "curated placeholders, no arguments",
    "nextround/importing/memory.py:keep_freed_memory": "asks the C library once per process, no arguments",
    "nextround/importing/dates.py:_month_table": "curated month names, no arguments",
    "nextround/importing/dates.py:_placeholders": "curated placeholders, no arguments",
    "nextround/importing/dates.py:_weekdays": "curated weekday names, no arguments",
    "nextround/importing/dates.py:_year_word": "curated year words as one pattern, no arguments",
    "nextround/importing/entry_kinds.py:entry_kind": "pure reading of one kind-of-entry cell; bounded",
    "nextround/importing/mapping.py:header_fields": "pure reading of one header; bounded",
    "nextround/importing/mapping.py:is_known_label": "pure reading of one header; bounded",
    "nextround/importing/mapping.py:stage_column_kind": "pure reading of one header; bounded",
    "nextround/importing/mapping.py:_header_phrases": "curated header names, no arguments",
    "nextround/importing/progress_text.py:_read_key": "pure reading of one distinct status text (its first "
    "MAX_ANALYSED_CHARS); bounded",
    "nextround/importing/progress_text.py:_mender": "curated status words, no arguments",
    "nextround/importing/progress_text.py:_mended_word": "pure spelling fix of one word; bounded",
    "nextround/importing/progress_text.py:_completed_word": "pure completion of one word cut short; bounded",
    "nextround/importing/progress_text.py:_one_word_statuses": "curated status words, no arguments",
    "nextround/importing/channels.py:_channels": "curated channels, no arguments",
    "nextround/importing/channels.py:_read": "pure reading of one distinct channel text; bounded",
    "nextround/importing/roles.py:role_families": "curated role families, no arguments",
    "nextround/importing/roles.py:_families_by_name": "curated role families, no arguments",
    "nextround/importing/roles.py:_matcher": "curated role families, no arguments",
    "nextround/importing/roles.py:_read": "pure reading of one distinct job title; bounded",
    "ui/loaders.py:_imported": "st.cache_data keyed by the uploaded files' bytes and the options",
    "ui/loaders.py:restored_plan": "st.cache_data keyed by the uploaded plan workbook's bytes",
    "ui/loaders.py:sample_import": "the bundled sample file, no arguments",
    "ui/skill_panels.py:cv_skills": "st.cache_data keyed by the CV's bytes and its file name",
}


def _sources(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _called_name(node: ast.expr) -> str:
    while isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _is_mutable(value: ast.expr | None) -> bool:
    if isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
        return True
    return isinstance(value, ast.Call) and _called_name(value.func) in MUTABLE_CALLS


def _module_level_statements(tree: ast.Module) -> list[ast.stmt]:
    """Top-level statements, looking inside module-level ``if``/``try``/``with`` blocks."""
    out: list[ast.stmt] = []
    pending = list(tree.body)
    while pending:
        node = pending.pop(0)
        out.append(node)
        if isinstance(node, (ast.If, ast.Try, ast.With)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                pending.extend(getattr(node, field, []))
        elif isinstance(node, ast.ExceptHandler):
            pending.extend(node.body)
    return out


def _mutable_globals(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in _module_level_statements(tree):
        if isinstance(node, ast.Assign) and _is_mutable(node.value):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif (
            isinstance(node, ast.AnnAssign) and _is_mutable(node.value) and isinstance(node.target, ast.Name)
        ):
            names.add(node.target.id)
    return names


def _mutations(tree: ast.Module, names: set[str]) -> list[str]:
    """Places where code changes one of ``names`` in place (or rebinds it through ``global``)."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found += [f"line {node.lineno}: global {n}" for n in node.names]
        targets: list[ast.expr] = []
        if isinstance(node, (ast.Assign, ast.Delete)):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            base = target.value if isinstance(target, (ast.Subscript, ast.Attribute)) else None
            if isinstance(base, ast.Name) and base.id in names:
                found.append(f"line {node.lineno}: {base.id}[…] or .attr assigned")
            if isinstance(node, ast.AugAssign) and isinstance(target, ast.Name) and target.id in names:
                found.append(f"line {node.lineno}: {target.id} augmented")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in names
            and node.attr in MUTATING_METHODS
        ):
            found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    return found


def _cached_functions(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and any(_called_name(d) in CACHE_DECORATORS for d in node.decorator_list)
    ]


@pytest.mark.parametrize("path", _sources("nextround", "ui"), ids=_name)
def test_no_module_level_container_is_mutated(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _mutations(tree, _mutable_globals(tree)) == []


def test_the_scan_finds_mutated_module_state():
    # The checker itself: it must flag the patterns it is there to catch, and leave constants alone.
    tree = ast.parse(
        "USERS = {}\nSEEN: list[str] = []\nCONSTANT = {'a': 1}\nFRAMES = pd.DataFrame()\n"
        "def remember(k, v):\n    USERS[k] = v\n    SEEN.append(k)\n    FRAMES.loc[0] = v\n"
        "def count():\n    global TOTAL\n    TOTAL += 1\n    return CONSTANT['a']\n"
    )
    names = _mutable_globals(tree)
    assert names == {"USERS", "SEEN", "CONSTANT", "FRAMES"}
    found = _mutations(tree, names)
    assert len(found) == 4 and not any("CONSTANT" in line for line in found)


def test_pages_are_scripts_never_imported_as_modules():
    # Page globals are per run only because Streamlit executes the file afresh; an import would share them.
    for path in [*_sources(*PACKAGES), ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("pages"), _name(path)
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("pages") for a in node.names), _name(path)


def test_every_cache_is_known_and_keyed_by_content():
    cached = {
        f"{_name(path)}:{function.name}": function
        for path in _sources(*PACKAGES)
        for function in _cached_functions(path)
    }
    assert set(cached) == set(ALLOWED_CACHES), "a new cache needs a reason in ALLOWED_CACHES"
    for name, function in cached.items():
        for argument in function.args.args + function.args.kwonlyargs:
            annotation = ast.unparse(argument.annotation) if argument.annotation else ""
            kinds = {part.strip() for part in annotation.replace("tuple[", "").replace("]", "").split(",")}
            kinds.discard("...")
            assert kinds <= CONTENT_TYPES, f"{name}({argument.arg}: {annotation}) is not content"
        body = ast.unparse(function)
        assert "session_state" not in body, f"{name} reads session state: its result would depend on the user"


def test_cache_arguments_hash_by_value():
    from nextround.importing import ImportOptions, SourceFile

    for kind in (SourceFile, ImportOptions):
        assert dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen
    assert hash(SourceFile("a.csv", b"x,y\n")) == hash(SourceFile("a.csv", b"x,y\n"))
    assert SourceFile("a.csv", b"1") != SourceFile("a.csv", b"2")


def test_session_defaults_hand_each_session_its_own_containers():
    from streamlit.testing.v1 import AppTest

    from ui import state

    for key, value in state.DEFAULTS.items():
        frozen = dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen
        assert value is None or frozen or isinstance(value, (str, tuple, list)), key
    sessions = [AppTest.from_file(str(ROOT / "app.py"), default_timeout=60) for _ in range(2)]
    for at in sessions:
        at.run()
    lists = [key for key, value in state.DEFAULTS.items() if isinstance(value, list)]
    assert lists
    for key in lists:
        first, second = (at.session_state[key] for at in sessions)
        assert first is not second and first is not state.DEFAULTS[key]
