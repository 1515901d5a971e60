"""The command line, run as a user would: messages, exit codes, files written or kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from framing.analysis import analyze
from framing.cli.main import cli
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.text.loading import load_corpus

from .helpers import DEMO, LEXICONS, SMALL


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def two_outlets(folder: Path, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alpha.txt").write_text(
        "Regime forces advance\n\nThe regime took the town. Hezbollah fighters helped.\n" + extra,
        encoding="utf-8",
    )
    (folder / "beta.txt").write_text(
        "Government forces advance\n\nThe government took the town, the army said.\n",
        encoding="utf-8",
    )
    return folder


def test_every_command_has_help() -> None:
    def walk(command: click.Command, path: list[str]) -> None:
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert command.help and len(command.help) > 30, path
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])

    walk(cli, [])


def test_report_help_teaches_with_examples() -> None:
    text = run("report", "--help").output
    assert "Examples:" in text and "framing report my-event/ -o labels.csv" in text
    assert "outlets.csv" in text


def test_demo_writes_report_and_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("demo")
    assert result.exit_code == 0
    assert "Wrote HTML report to report.html" in result.stdout
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "TRT World" in html
    again = run("demo")  # an earlier framing report is safe to replace
    assert again.exit_code == 0


def test_report_json_to_stdout_keeps_summary_off_stdout(tmp_path: Path) -> None:
    corpus = two_outlets(tmp_path / "event")
    result = run("report", str(corpus), "--format", "json", "-o", "-")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [o["name"] for o in data["outlets"]] == ["alpha", "beta"]
    assert "most used label" in result.stderr


def test_format_follows_extension(tmp_path: Path) -> None:
    corpus = two_outlets(tmp_path / "event")
    out = tmp_path / "labels.csv"
    assert run("report", str(corpus), "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("outlet,outlet_name,referent,")
    bad = run("report", str(corpus), "-o", str(tmp_path / "labels.xlsx"))
    assert bad.exit_code == 2 and "cannot tell the format of" in bad.output


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d.mkdir(), "no readable article"),
        (lambda d: None, "does not exist"),
        (lambda d: (d.mkdir(), (d / "one.txt").write_text("Title\n\nBody text here.\n")),
         "only one outlet"),
        (lambda d: (two_outlets(d), (d / "outlets.csv").write_text("name,outlet\nx,y\n")),
         "outlets.csv"),
    ],
    ids=["empty-folder", "missing-folder", "single-outlet", "bad-manifest"],
)
def test_bad_input_is_a_clear_message_not_a_traceback(tmp_path: Path, setup, message) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "event"
    setup(folder)
    result = run("report", str(folder), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") or "\nError: " in result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_skipped_files_are_reported(tmp_path: Path) -> None:
    corpus = two_outlets(tmp_path / "event")
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = run("report", str(corpus), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 0
    assert "skipped scan.pdf: unsupported file type" in result.stderr
    assert "skipped empty.txt: empty" in result.stderr


def test_bad_lexicon_names_file_and_fix(tmp_path: Path) -> None:
    corpus = two_outlets(tmp_path / "event")
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text(SMALL.replace('connotation = "negative"', 'connotation = "bad"', 1))
    result = run("report", str(corpus), "--lexicon", str(lexicon), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1
    assert f"{lexicon}: referent 'hezbollah', term 'terror proxy': connotation is 'bad'" in (
        result.output
    )


def test_failed_run_keeps_the_old_report(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text("old report", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert run("report", str(tmp_path / "empty"), "-o", str(out)).exit_code == 1
    assert out.read_text(encoding="utf-8") == "old report"


def test_default_output_never_replaces_a_foreign_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = two_outlets(tmp_path / "event")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "event-report.html").write_text("my notes", encoding="utf-8")
    result = run("report", str(corpus))
    assert result.exit_code == 1 and "was not written by framing" in result.output
    assert (tmp_path / "event-report.html").read_text(encoding="utf-8") == "my notes"
    assert run("report", str(corpus), "-o", "event-report.html").exit_code == 0


def test_output_is_deterministic(tmp_path: Path) -> None:
    for fmt in ("html", "json", "csv"):
        first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        assert run("report", str(DEMO), "-o", str(first)).exit_code == 0
        assert run("report", str(DEMO), "-o", str(second)).exit_code == 0
        assert first.read_bytes() == second.read_bytes(), fmt


def test_lexicon_check_and_list() -> None:
    result = run("lexicon", "check")
    assert result.exit_code == 0 and "OK" in result.output
    listing = run("lexicon", "list").output
    assert "syria: Syria's war" in listing and "  domain; syria.toml (bundled);" in listing
    assert "cues: " in listing and "  general; cues.toml (bundled);" in listing
    assert "  source: " in listing
    terms = run("lexicon", "list", "--terms").output
    assert "referent hezbollah: Hezbollah" in terms
    assert "negative terror proxy" in " ".join(terms.split())


def test_lexicon_check_reports_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n', encoding="utf-8")
    result = run("lexicon", "check", str(bad))
    assert result.exit_code == 1
    assert f"{bad}: no [[sources]]" in result.output and "problem(s) in 1 file(s)" in result.output


def test_installed_command_runs_from_anywhere(tmp_path: Path) -> None:
    """The console script, run in another folder, finds its bundled lexicons and templates."""
    script = Path(sys.executable).parent / "framing"
    if not script.exists():
        pytest.fail("the framing command is not installed in this environment: pip install .")
    out = tmp_path / "demo.html"
    done = subprocess.run(
        [str(script), "demo", "-o", str(out)], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


def test_giving_the_bundled_lexicons_again_does_not_double_count(tmp_path: Path) -> None:
    corpus = two_outlets(tmp_path / "event")
    out = tmp_path / "r.json"
    assert run("report", str(corpus), "--lexicon", str(LEXICONS), "-o", str(out)).exit_code == 0
    names = [lex["file"] for lex in json.loads(out.read_text(encoding="utf-8"))["lexicons"]]
    assert len(names) == len(set(names)) and "syria.toml (bundled)" in names


def test_new_report_is_readable_by_others(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    assert run("report", str(two_outlets(tmp_path / "event")), "-o", str(out)).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o644


def test_output_does_not_depend_on_hash_seeds(tmp_path: Path) -> None:
    """Sets and dicts iterate in an order that changes between processes; output must not."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "framing", "report", str(DEMO), "-o", str(out)],
            env=env, capture_output=True, text=True,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_lexicon_suggest_writes_a_draft_to_confirm(tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    result = run("lexicon", "suggest", str(DEMO), "-o", str(out))
    assert result.exit_code == 0 and "to confirm written to" in result.output
    draft = out.read_text(encoding="utf-8")
    assert "phrase = \"troops from Lebanon's Hezboll-ah movement\"" in draft
    check = run("lexicon", "check", str(out))
    assert check.exit_code == 1 and "connotation is missing" in check.output
    assert run("lexicon", "suggest", str(DEMO), "-o", str(out)).exit_code == 0  # replaces own
    (tmp_path / "notes.toml").write_text("mine", encoding="utf-8")
    refused = run("lexicon", "suggest", str(DEMO), "-o", str(tmp_path / "notes.toml"))
    assert refused.exit_code == 1 and "was not written by framing" in refused.output


def test_blind_writes_report_and_key_and_guards_both(tmp_path: Path) -> None:
    out = tmp_path / "class.html"
    result = run("report", str(DEMO), "--blind", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote the key to it to" in result.output
    key = (tmp_path / "class-key.html").read_text(encoding="utf-8")
    assert "Outlet A" in key and "Arutz Sheva (Israel National News)" in key
    assert "Arutz Sheva" not in out.read_text(encoding="utf-8")
    refused = run("report", str(DEMO), "--blind", "--format", "json", "-o", "-")
    assert refused.exit_code == 2 and "--blind writes an HTML report" in refused.output
    (tmp_path / "notes-key.html").write_text("my notes", encoding="utf-8")
    guarded = run("report", str(DEMO), "--blind", "-o", str(tmp_path / "notes.html"))
    assert guarded.exit_code == 1 and "was not written by framing" in guarded.output
    assert (tmp_path / "notes-key.html").read_text(encoding="utf-8") == "my notes"


def test_every_stage_of_the_analysis_reports_its_name_and_the_long_ones_each_article() -> None:
    seen: list[tuple[str, int, int]] = []
    analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()),
            progress=lambda stage, done, total: seen.append((stage, done, total)))
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages == [
        "Matching the lexicons", "Finding actors in the text", "Matching the actors",
        "Counting each mention once", "Finding quotations", "Weighing evaluative words",
        "Reading who acts", "Counting labels", "Finding distinctive words",
        "Comparing shared copy", "Writing the findings"]
    assert [done for stage, done, _ in seen if stage == "Matching the actors"] == [0, 1, 2, 3, 4, 5]
    assert {total for _, _, total in seen} == {5}
