"""The command line behaves like one: help without loading the core, a version, the commands listed, a
quiet closed pipe, and one name and metavar per option across the sub-commands."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

import nextround
from nextround.cli import CLOSED_PIPE, COMMANDS, build_parser, main
from tests.fixtures.paths import ROOT

SAMPLE = ROOT / "nextround" / "data" / "sample_applications.xlsx"


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)


def test_help_lists_every_command_without_loading_the_core():
    code = (
        "import sys\nfrom nextround.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'nextround.importing') if m in sys.modules))"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    *help_lines, loaded = result.stdout.strip().splitlines()
    assert loaded == "[]"
    assert all(any(line.strip().startswith(c.name) for line in help_lines) for c in COMMANDS)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"nextround {nextround.__version__}"


def test_bare_nextround_lists_the_commands(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: nextround")
    for command in COMMANDS:
        assert command.name in out


def test_a_closed_pipe_ends_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line, as with `| head -0`
    try:
        result = subprocess.run(
            [sys.executable, "-m", "nextround", "import", str(SAMPLE), "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == CLOSED_PIPE


def _options(command: str) -> dict[str, tuple[object, str | None]]:
    parser = build_parser(command)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    return {
        option: (action.metavar, action.dest)
        for action in sub._actions
        for option in action.option_strings
        if option not in ("-h", "--help")
    }


def test_shared_options_have_one_name_and_one_metavar_everywhere():
    options = {command.name: _options(command.name) for command in COMMANDS}
    seen: dict[str, tuple[object, str | None]] = {}
    for command, found in options.items():
        for option, shape in found.items():
            assert seen.setdefault(option, shape) == shape, f"{option} differs in {command}"
    for command in ("report", "gaps", "plan"):
        assert options[command]["--as-of"][0] == "DATE"
        assert options[command]["--ghosted-after"][0] == "DAYS"
    for command in ("gaps", "plan"):
        assert (options[command]["--skills"][0], options[command]["--cv"][0]) == ("LIST", "FILE")
    for command in ("import", "plan"):
        assert options[command]["-o"] == options[command]["--out"] == ("FILE", "out")
    assert all(options[c]["--sheet"][0] == "NAME" for c in options)
