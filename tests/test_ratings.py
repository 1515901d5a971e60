"""A rated word keeps its rating when it is the label of an actor discovery found."""

from __future__ import annotations

from pathlib import Path

from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import Report
from framing.text.loading import load_corpus

DICTATOR = (
    "Pompeo meets Kim\n\n"
    "North Korean dictator Kim Jong Un met CIA Director Mike Pompeo in Pyongyang. Kim wants a "
    "summit with the president, Pompeo said. The North Korean dictator has not confirmed it.\n"
)
LEADER = (
    "A secret trip\n\n"
    "Mike Pompeo flew to Pyongyang. North Korean leader Kim Jong Un greeted the visitor, and "
    "the North Korean leader smiled. Kim Jong Un wants a summit, officials said.\n"
)


def korea(tmp_path: Path) -> Report:
    (tmp_path / "left.txt").write_text(DICTATOR, encoding="utf-8")
    (tmp_path / "right.txt").write_text(LEADER, encoding="utf-8")
    return analyze(load_corpus(tmp_path), load_lexicons(bundled_lexicon_files()))


def test_dictator_keeps_its_rating_as_a_discovered_label(tmp_path: Path) -> None:
    report = korea(tmp_path)
    (kim,) = [g for g in report.groups if g.name == "Kim Jong Un"]
    assert kim.origin == "discovered"
    terms = {t.phrase: t for t in kim.terms}
    dictator = terms["North Korean dictator"]
    # "dictator" is a negative term of the cue lists (cues.toml, legitimacy labels).
    assert dictator.connotation == "negative"
    assert dictator.note.startswith("Rated as the lexicon term 'dictator'")
    assert terms["North Korean leader"].connotation == "unrated"  # no lexicon rates "leader"
    assert terms["Kim Jong Un"].connotation == "neutral"  # a name, as names are
    rows = {(r.outlet, r.term): r for r in report.labels if r.group == kim.id}
    assert (rows[("left", "North Korean dictator")].count,
            rows[("left", "North Korean dictator")].source) == (2, "discovered")
    assert rows[("left", "North Korean dictator")].score == -2  # dictator: not graded yet
    assert rows[("right", "North Korean leader")].score is None


def test_the_dictator_and_leader_contrast_gets_a_bar(tmp_path: Path) -> None:
    report = korea(tmp_path)
    (kim,) = [g for g in report.groups if g.name == "Kim Jong Un"]
    shares = {s.outlet: s for s in report.shares if s.group == kim.id}
    # Mentions, not words: "North Korean dictator Kim Jong Un" is one mention, labelled
    # "North Korean dictator". left: that and "The North Korean dictator" (-2 each), "Kim"
    # twice (0): -4 over 4. right: "North Korean leader Kim Jong Un" and "the North Korean
    # leader" (unrated), "Kim Jong Un" once (0).
    assert (shares["left"].mentions, shares["left"].rated, shares["left"].score) == (4, 4, -1.0)
    assert (shares["right"].mentions, shares["right"].rated, shares["right"].score) == (3, 1, 0.0)
