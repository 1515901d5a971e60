"""referents.toml: a person corrects the referents framing discovered."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.actors.corrections import load_corrections
from framing.analysis import analyze
from framing.cli.main import cli
from framing.errors import InputError
from framing.text.loading import load_corpus

from .test_discovery import KOREA

MORE = {
    "third.txt": "Abe visits\n\nJapanese Prime Minister Shinzo Abe met Trump. Abe smiled. "
                 "Syrian troops and Iranian troops left. The troops went home.\n",
}


def folder_with(tmp_path: Path, corrections: str) -> Path:
    for name, text in {**KOREA, **MORE}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "referents.toml").write_text(corrections, encoding="utf-8")
    return tmp_path


def names_after(folder: Path) -> dict[str, set[str]]:
    report = analyze(load_corpus(folder), [], corrections=load_corrections(folder))
    return {g.name: {t.phrase for t in g.terms} for g in report.groups}


def test_merge_rename_ignore_and_split(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, """
[[merge]]
referents = ["Kim Jong Un", "Mike Pompeo"]
name = "The two negotiators"

[[rename]]
referent = "Shinzo Abe"
name = "Abe Shinzo"

[[ignore]]
referents = ["Migrants"]
""")
    groups = names_after(folder)
    assert groups["The two negotiators"] >= {"Kim Jong Un", "Mike Pompeo", "CIA Director"}
    assert "Abe Shinzo" in groups and "Shinzo Abe" not in groups
    assert "Migrants" not in groups and "Kim Jong Un" not in groups


def test_referents_file_is_not_an_article(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "")
    corpus = load_corpus(folder)
    assert "referents.toml" not in {a.source for a in corpus.articles}
    assert "referents.toml" not in {s.source for s in corpus.skipped}


def test_unknown_referent_is_named_with_suggestions(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, '[[ignore]]\nreferents = ["Kim Jong On"]\n')
    with pytest.raises(InputError) as err:
        names_after(folder)
    message = str(err.value)
    assert "referents.toml: ignore #1: no referent named 'Kim Jong On'" in message
    assert "did you mean 'Kim Jong Un'" in message


def test_malformed_file_lists_every_problem(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, '[[merge]]\nreferents = ["A"]\n[[rename]]\nreferent = "B"\n'
                                   '[[join]]\nx = 1\n')
    with pytest.raises(InputError) as err:
        load_corrections(folder)
    message = str(err.value)
    assert "unknown section [[join]]" in message
    assert "merge #1: merge needs at least two referents" in message
    assert "rename #1: rename needs name" in message


def test_cli_applies_the_file(tmp_path: Path) -> None:
    (tmp_path / "event").mkdir()
    folder = folder_with(tmp_path / "event", '[[ignore]]\nreferents = ["Migrants"]\n')
    result = CliRunner().invoke(cli, ["report", str(folder), "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    assert '"Migrants"' not in (tmp_path / "r.json").read_text(encoding="utf-8")
    bad = folder / "referents.toml"
    bad.write_text('[[ignore]]\nreferents = ["Nobody"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(folder), "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 1 and "no referent named 'Nobody'" in result.output
