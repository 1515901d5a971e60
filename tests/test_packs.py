"""Choosing the domain packs that fit the articles, and saying why."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from framing.analysis import analyze
from framing.cli.main import cli
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.text.loading import load_corpus

from .helpers import DEMO

TAX_STORY = {
    "a.txt": "Tax bill passes\n\nThe government said the tax bill passed the Senate on Friday. "
             "Lawmakers voted 51 to 49.\n",
    "b.txt": "Senate vote\n\nSenators approved the tax bill, and the measure goes to the House.\n",
}


def choices_for(folder: Path) -> dict[str, tuple[bool, str]]:
    report = analyze(load_corpus(folder), load_lexicons(bundled_lexicon_files()))
    return {c.lexicon.path: (c.chosen, c.reason) for c in report.packs}


def test_al_hader_chooses_the_syria_pack_with_its_evidence() -> None:
    choices = choices_for(DEMO)
    chosen, reason = choices["syria.toml (bundled)"]
    assert chosen and reason.startswith("fits: ") and "in 5 outlets" in reason
    assert choices["cues.toml (bundled)"] == (True, "general: always used")


def test_a_stray_word_does_not_pull_in_a_pack(tmp_path: Path) -> None:
    for name, text in TAX_STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    chosen, reason = choices_for(tmp_path)["syria.toml (bundled)"]
    assert not chosen
    # 33 words in the two articles: 1 match is 30.3 per 1,000 words
    assert reason == ("left out: 1 match of 1 term in 1 outlet, 30.3 per 1,000 words "
                      "(government); a pack needs 3 different terms, used in 2 outlets and 5 "
                      "matches per 1,000 words")
    report = analyze(load_corpus(tmp_path), load_lexicons(bundled_lexicon_files()))
    assert "syrian-government" not in {m.group for m in report.matches}


def test_pack_can_be_asked_for_and_a_typo_is_refused(tmp_path: Path) -> None:
    for name, text in TAX_STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "r.json"
    runner = CliRunner()
    result = runner.invoke(cli, ["report", str(tmp_path), "--pack", "syria", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    syria = next(lex for lex in data["lexicons"] if lex["file"] == "syria.toml (bundled)")
    assert syria["chosen"] and syria["reason"].startswith("asked for: ")
    assert "syrian-government" in {m["referent"] for m in data["matches"]}
    typo = runner.invoke(cli, ["report", str(tmp_path), "--pack", "syrai", "-o", str(out)])
    assert typo.exit_code == 2 and "no lexicon pack named 'syrai'" in typo.output


def test_own_lexicon_is_always_used(tmp_path: Path) -> None:
    for name, text in TAX_STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text('name = "Mine"\n[[sources]]\ntitle = "me"\n[[cue]]\nid = "mine"\n'
                    'name = "Mine"\n[[cue.term]]\nphrase = "measure"\nconnotation = "neutral"\n'
                    'note = "n"\n', encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--lexicon", str(mine),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "mine" in {m["referent"] for m in data["matches"]}


BORDER_STORY = {
    "a.txt": "Crossings rise\n\nThe administration said illegal aliens crossed the border in "
             "larger numbers last month. Officials said more agents would be sent.\n",
    "b.txt": "Families at the border\n\nAdvocates said undocumented immigrants and "
             "asylum-seekers crossed the border to escape violence at home. Shelters in the city "
             "are full.\n",
}


def test_two_short_articles_get_the_pack_their_few_terms_call_for(tmp_path: Path) -> None:
    for name, text in BORDER_STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = analyze(load_corpus(tmp_path), load_lexicons(bundled_lexicon_files()))
    immigration = next(p for p in report.packs if p.lexicon.path == "immigration.toml (bundled)")
    # 22 + 24 words; "illegal aliens" in a.txt, "undocumented immigrants" and "asylum-seekers"
    # in b.txt: 3 matches, 65.2 per 1,000 words. Five matches in all used to be required.
    assert immigration.chosen
    assert immigration.reason == ("fits: 3 matches of 3 terms in 2 outlets, 65.2 per 1,000 "
                                  "words (asylum-seeker, illegal alien, undocumented immigrant)")
    rows = {(r.outlet, r.term): r.connotation for r in report.labels
            if r.group == "immigration-unauthorized-immigrants"}
    assert rows == {("a", "illegal aliens"): "negative",
                    ("b", "undocumented immigrants"): "neutral"}


def test_one_outlets_terms_do_not_pull_in_a_pack(tmp_path: Path) -> None:
    story = {"a.txt": BORDER_STORY["b.txt"].replace("Shelters", "Illegal aliens, officials said."
                                                      " Shelters"),
             "b.txt": TAX_STORY["b.txt"]}
    for name, text in story.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    chosen, reason = choices_for(tmp_path)["immigration.toml (bundled)"]
    assert not chosen
    assert reason.startswith("left out: 3 matches of 3 terms in 1 outlet, ")
    assert reason.endswith("; a pack needs 3 different terms, used in 2 outlets and 5 matches "
                           "per 1,000 words")
