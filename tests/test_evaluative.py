"""Loaded words beyond the hand lists: the graded lexicons, their senses, the model's file,
and the tone of the words aimed at each actor."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.lexicon.graded import graded_lexicon
from framing.model import AnalysisConfig, EvaluativeMode, Report
from framing.text.layer import build_layer
from framing.text.loading import load_corpus
from framing.voices.evaluative import FEATURES, load_ranker, plain_sense

from .helpers import DEMO, SMALL, lexicon_from
from .test_evaluate import metrics


def test_the_graded_lexicons_are_read_from_the_packages_with_their_sources() -> None:
    lexicon = graded_lexicon()
    assert lexicon.missing == ()
    assert len(lexicon.entries) > 8000  # VADER's single words and Pattern's adjectives
    disastrous = lexicon.get("disastrous")
    # vader_lexicon.txt: "disastrous  -2.9"; en-sentiment.xml: one sense, -0.7 and 0.8.
    assert disastrous is not None and disastrous.vader == -2.9
    assert (disastrous.tb_polarity, disastrous.tb_subjectivity) == (-0.7, 0.8)
    assert disastrous.connotation == "negative" and disastrous.strength == "strong"
    assert "VADER rates it -2.9" in disastrous.note()
    assert [s.title.split(" ")[0] for s in lexicon.sources] == ["VADER", "Pattern's"]


def _sense(text: str, word: str) -> bool:
    layer = build_layer(text, [(0, len(text))])
    i = next(n for n, t in enumerate(layer.tokens) if t.low == word)
    return plain_sense(layer.tokens, i)


def test_a_word_plain_in_one_use_and_loaded_in_another_is_read_by_its_sense() -> None:
    assert _sense("He pleaded guilty to fraud.", "guilty")
    assert not _sense("They are guilty of arrogance.", "guilty")
    assert _sense("The strike was killing civilians.", "killing")
    assert not _sense("Republicans are killing the bill.", "killing")
    assert _sense("A bomb blasted the wall.", "blasted")
    assert not _sense("The senator blasted the plan.", "blasted")
    assert not _sense("What a lovely day.", "lovely")  # no rule: the model decides


def test_the_shipped_model_matches_the_features_and_was_trained_on_tune_events_only() -> None:
    data = json.loads(resources.files("framing").joinpath("data", "loaded_model.json")
                      .read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert 0 < load_ranker().threshold < 1
    basil = Path(__file__).resolve().parents[2] / "shared" / "eval" / "basil"
    names = sorted(p.name for p in basil.iterdir()) if basil.is_dir() else []
    folds = metrics.assign_folds("basil", [n for n in names if n.startswith("basil-")])
    assert data["trained_on"] and all(folds.get(e, "tune") == "tune"
                                      for e in data["trained_on"])
    assert len(data["cross_validation"]) == 5


def _report(tmp_path: Path, texts: dict[str, str], mode: EvaluativeMode = "lexicon") -> Report:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    lexicon = lexicon_from(tmp_path.parent, SMALL)
    return analyze(load_corpus(tmp_path), [lexicon], AnalysisConfig(evaluative=mode))


def test_an_evaluative_word_is_highlighted_with_its_source_and_aimed_at_the_actor(
    tmp_path: Path,
) -> None:
    # "disastrous": VADER -2.9 and Pattern subjectivity 0.8, so the lexicon rule keeps it;
    # Hezbollah is two words away. "Social Security" is a name, not praise of security.
    folder = tmp_path / "articles"
    folder.mkdir()
    report = _report(folder, {
        "a.txt": "Retreat\n\nHezbollah made a disastrous retreat near Social Security offices.\n",
        "b.txt": 'Retreat\n\n"Hezbollah made a disastrous retreat," a rival said.\n'})
    words = [m for m in report.matches if m.group == "evaluative-words"]
    assert [(m.article, m.text, m.voice) for m in words] == [
        ("a.txt", "disastrous", "own"), ("b.txt", "disastrous", "quoted")]
    term = next(t for g in report.groups if g.id == "evaluative-words" for t in g.terms)
    assert term.connotation == "negative" and term.strength == "strong"
    assert "VADER rates it -2.9" in term.note
    assert not any(m.text == "Security" for m in words)
    tones = {t.outlet: t for t in report.tones if t.referent.endswith("hezbollah")}
    own, quoted = tones["a"], tones["b"]
    assert (own.tone, own.negative, own.quoted) == (-3.0, 1, 0)  # strong: -3
    assert (quoted.tone, quoted.negative, quoted.quoted) == (None, 0, 1)  # someone else's


def test_without_the_stage_no_evaluative_word_is_highlighted(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    report = _report(folder, {"a.txt": "Retreat\n\nHezbollah made a disastrous retreat.\n",
                              "b.txt": "Retreat\n\nHezbollah withdrew.\n"}, mode="off")
    assert not [m for m in report.matches if m.group == "evaluative-words"]
    assert report.config.evaluative == "off"


def test_a_loaded_verb_is_aimed_at_who_does_it_not_at_the_actor_nearest_it() -> None:
    # Arutz Sheva (000): "Moscow blasts US". The nearest actor after the verb is the US; the
    # verb portrays Moscow, its agent, so the word counts toward Russia's tone.
    report = analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()))
    index = {a.id: i for i, a in enumerate(report.corpus.articles)}
    text = {f"m-{index[m.article]}-{m.start}": m.text for m in report.matches}
    tones = {t.referent: [text[w] for w in t.words] for t in report.tones
             if t.outlet == "arutz-sheva-israel-national-news"}
    assert "blasts" in tones["russia"]
    assert "blasts" not in tones["united-states"]
