"""The curated files in nextround/data/: each parses into its frozen dataclasses, strictly, from inside
the package, and a wheel carries them."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

import nextround
from nextround.analysis.benchmarks import BenchmarksFile
from nextround.followups.emails import EmailTemplates
from nextround.followups.reflection import ReflectionFile
from nextround.resources import DATA_DIR, SchemaError, data_path, from_table, load_toml, read_typed
from nextround.skills.coaching import CoachingFile
from nextround.skills.extract import FeedbackCues
from nextround.skills.learning import LearningResources, Volunteering
from nextround.skills.vocabulary import SkillsFile
from tests.fixtures.paths import ROOT

SCHEMAS: dict[str, type] = {
    "benchmarks.toml": BenchmarksFile,
    "coaching.toml": CoachingFile,
    "email_templates.toml": EmailTemplates,
    "feedback.toml": FeedbackCues,
    "learning_resources.toml": LearningResources,
    "reflection.toml": ReflectionFile,
    "skills.toml": SkillsFile,
    "volunteering.toml": Volunteering,
}
# Read by nextround/importing with its own loaders into frozen dataclasses; the words of every language
# (data/languages/*.toml) are merged into one Vocabulary, checked in tests/core/importing.
IMPORTER_FILES = {"channels.toml", "role_families.toml"}


def _frozen_all_the_way(value: object) -> None:
    if dataclasses.is_dataclass(value):
        assert type(value).__dataclass_params__.frozen, type(value).__name__
        for field in dataclasses.fields(value):
            _frozen_all_the_way(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            _frozen_all_the_way(item)
    elif isinstance(value, dict):
        for item in value.values():
            _frozen_all_the_way(item)
    else:
        assert not isinstance(value, list | set), f"a {type(value).__name__} inside curated data"


def test_every_curated_file_has_a_schema():
    files = {path.name for path in DATA_DIR.glob("*.toml")}
    assert files == set(SCHEMAS) | IMPORTER_FILES, "a new data file needs its dataclasses here"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_file_parses_into_its_frozen_dataclasses(name: str):
    parsed = read_typed(name, SCHEMAS[name])
    assert isinstance(parsed, SCHEMAS[name])
    _frozen_all_the_way(parsed)
    first = dataclasses.fields(parsed)[0].name
    assert getattr(parsed, first), f"{name}: {first} is empty"


def test_data_lives_inside_the_package():
    package = Path(nextround.__file__).resolve().parent
    assert DATA_DIR.is_relative_to(package)
    assert data_path("sample_applications.xlsx").is_file()
    assert not (ROOT / "data").exists(), "curated data moved to nextround/data/"


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: Literal["check", "text"]
    tags: tuple[str, ...] = ()
    weight: float = 1.0


@dataclass(frozen=True)
class _File:
    entry: tuple[_Entry, ...]
    by_name: dict[str, _Entry]


def test_a_table_becomes_nested_frozen_dataclasses():
    table = {
        "entry": [{"name": "a", "kind": "check", "tags": ["x", "y"], "weight": 2}],
        "by_name": {"b": {"name": "b", "kind": "text"}},
    }
    parsed = from_table(table, _File)
    assert parsed.entry == (_Entry("a", "check", ("x", "y"), 2.0),)
    assert parsed.by_name == {"b": _Entry("b", "text")}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "a", "kind": "check", "colour": "red"}, "unknown key 'colour'"),
        ({"kind": "check"}, "missing key 'name'"),
        ({"name": "a", "kind": "radio"}, "'radio' is not one of"),
        ({"name": 3, "kind": "check"}, "expected str"),
        ({"name": "a", "kind": "check", "tags": "x"}, "expected a list"),
        ({"name": "a", "kind": "check", "weight": True}, "expected float"),
    ],
)
def test_a_table_off_its_schema_is_refused_with_the_place(entry: dict, message: str):
    with pytest.raises(SchemaError, match=message) as raised:
        from_table({"entry": [entry], "by_name": {}}, _File, "example.toml")
    assert "example.toml.entry[0]" in str(raised.value)


def test_the_importer_vocabularies_still_load_by_name():
    for name in IMPORTER_FILES:
        assert load_toml(name), name


@pytest.mark.slow
def test_a_wheel_carries_the_data_and_reads_it_from_inside(tmp_path: Path):
    # Built from a copy: an in-tree build would leave build/ and egg-info folders in the checkout.
    source = tmp_path / "source"
    shutil.copytree(ROOT / "nextround", source / "nextround", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            tmp_path,
            source,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(tmp_path.glob("nextround-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    shipped = {path.name for path in DATA_DIR.iterdir() if path.suffix in (".toml", ".xlsx")}
    assert {f"nextround/data/{name}" for name in shipped} <= names
    script = (
        "import nextround.resources as r, nextround.skills.vocabulary as v; "
        "print(r.DATA_DIR); print(len(v.load_vocabulary().names))"
    )
    # Run from an empty folder so only the unpacked wheel can be imported.
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data_dir, skills = result.stdout.split()
    assert Path(data_dir).is_relative_to(tmp_path / "site")
    assert int(skills) > 100
