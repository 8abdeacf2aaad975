"""README stays true: its shell sessions show real output, its install commands match CI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from variantdiff.cli import app

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text("utf-8")
SESSIONS = re.findall(r"```console\n\$ (variantdiff [^\n]+)\n(.*?)```", README, re.S)


@pytest.mark.parametrize(("command", "shown"), SESSIONS, ids=[c for c, _ in SESSIONS])
def test_readme_session_is_real(command: str, shown: str, monkeypatch: pytest.MonkeyPatch
                                ) -> None:
    """Every output line the README shows (bar '...') is printed by the command today."""
    monkeypatch.chdir(ROOT)
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(app, args)
    printed = {line.rstrip() for line in (result.stdout + result.stderr).splitlines()}
    for line in shown.splitlines():
        if line.strip() and line.strip() != "...":
            assert line.rstrip() in printed, f"README line not printed by {command!r}: {line}"


def test_readme_install_commands_are_what_ci_runs() -> None:
    """The first screen has the two set-up commands, and CI runs the same test command."""
    first_screen = README[:README.index("## What it does")]
    commands = re.findall(r"```sh\n([^\n]+)\n```", first_screen)
    assert len(commands) == 2
    assert commands[0].endswith("variantdiff cluster seeds/")
    assert commands[1].endswith("pip install '.[test]' && pytest")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "pip install --quiet '.[test]'" in ci and "\npytest\n" in ci


def test_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    for command in ("compare", "segment", "cluster", "boilerplate"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.stdout, command
