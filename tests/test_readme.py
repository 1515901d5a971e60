"""The README's usage commands run as written (on the demo corpus), so it cannot drift."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli.main import cli

from .helpers import DEMO, ROOT
from .test_profile import write_events, write_feed

README = (ROOT / "README.md").read_text(encoding="utf-8")


def usage_commands() -> list[str]:
    """Every `framing ...` line of the README's code blocks, comments cut."""
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", README, re.DOTALL | re.MULTILINE)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("framing ")]


def test_the_readme_shows_the_main_commands() -> None:
    commands = usage_commands()
    for needed in ("framing demo", "framing report", "framing lexicon check",
                   "framing lexicon list", "framing lexicon suggest"):
        assert any(c.startswith(needed) for c in commands), needed


@pytest.mark.parametrize("command", usage_commands())
def test_each_readme_command_runs(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    args = [str(DEMO) if a in ("my-event/", "archive/") else a for a in args]
    args = [str(ROOT / a) if a == "lexicons/" else a for a in args]
    if "events/" in args:  # `framing profile`: a folder of event folders
        write_events(tmp_path / "events")
    if "archive.jsonl" in args:  # ... or a feed whose rows carry their event
        write_feed(tmp_path / "archive.jsonl")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, (command, result.output)
