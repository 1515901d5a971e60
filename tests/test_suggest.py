"""Lexicon suggestions from editors' changes: ranked, traceable, and a lexicon once confirmed."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from framing.analysis import analyze
from framing.copy.alignment import AlignmentReport, align_corpus
from framing.copy.suggest import draft_lexicon, render_draft, suggest_terms
from framing.lexicon.files import (
    bundled_lexicon_files,
    check_lexicons,
    load_lexicon,
    load_lexicons,
)
from framing.model import AnalysisConfig, Corpus, Group, Match, Report, Term
from framing.text.loading import load_corpus

from .helpers import DEMO
from .test_alignment import article, corpus, match

PLACEHOLDER = '# connotation = "negative | neutral | positive"  # TO CONFIRM: keep one, uncomment'


@lru_cache(maxsize=1)
def demo() -> tuple[Report, AlignmentReport]:
    report = analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()))
    return report, align_corpus(report.corpus, report.matches)


def small_report(texts: Corpus, matches: list[Match]) -> Report:
    """A report holding just what suggestions read: corpus, matches and referent names."""
    group = Group(id="armed-opposition", name="Armed opposition", kind="referent",
                  description="", terms=(), lexicon="test.toml")
    return Report(corpus=texts, lexicons=(), groups=(group,), matches=tuple(matches), labels=(),
                  shares=(), distinctive=(), config=AnalysisConfig())


def test_hezbollah_substitution_between_000_and_002_is_suggested() -> None:
    report, aligned = demo()
    terms = {t.phrase: t for t in suggest_terms(report, aligned)}
    term = terms["troops from Lebanon's Hezboll-ah movement"]
    assert term.referent == "hezbollah"
    (sub,) = term.substitutions
    assert (sub.phrase_a, sub.known_a) == ("fighters from Hezbollah", "Hezbollah fighter")
    assert (sub.count, sub.consistency) == (1, 1.0)
    # "fighters from Hezbollah" is already a variant of the lexicon's "Hezbollah fighter"
    assert "fighters from Hezbollah" not in terms
    # both "regime troops" and "Syrian troops" are in the lexicon: nothing to suggest
    assert not [p for p in terms if "troops" in p and "Hezboll" not in p]


def test_demo_suggestions_are_the_hezbollah_and_isis_wordings() -> None:
    report, aligned = demo()
    assert [(t.referent, t.phrase) for t in suggest_terms(report, aligned)] == [
        ("hezbollah", "troops from Lebanon's Hezboll-ah movement"),
        ("isis", "Islamic State (ISIS) group"),
    ]


def test_draft_quotes_the_sentences_and_marks_every_term_to_confirm() -> None:
    report, aligned = demo()
    text = draft_lexicon(report, aligned)
    block = text[text.index('id = "hezbollah"') :]
    block = block[: block.index('note = ')]
    assert "# TO CONFIRM: \"troops from Lebanon's Hezboll-ah movement\"" in block
    assert "# in place of 'fighters from Hezbollah' (lexicon term 'Hezbollah fighter')" in block
    assert ("#   Arutz Sheva (Israel National News), 000_b0944008bce1c800.txt, sentence 10: "
            "The source said fighters from Hezbollah as well") in block
    assert ("#   Deccan Chronicle, 002_c9895261c420ac45.txt, sentence 10: The source said "
            "troops from Lebanon's Hezboll-ah movement as well") in block
    assert text.count("[[referent.term]]") == text.count("\n# TO CONFIRM:") == 2
    assert text.count(PLACEHOLDER) == 2


def test_draft_is_a_lexicon_once_a_person_sets_the_connotations(tmp_path: Path) -> None:
    report, aligned = demo()
    text = draft_lexicon(report, aligned)
    data = tomllib.loads(text)
    assert [r["id"] for r in data["referent"]] == ["hezbollah", "isis"]
    draft = tmp_path / "draft.toml"
    draft.write_text(text, encoding="utf-8")
    problems = check_lexicons([draft])
    assert len(problems) == 2
    assert all("connotation is missing" in p for p in problems)
    assert "term \"troops from Lebanon's Hezboll-ah movement\"" in problems[0]
    draft.write_text(text.replace(PLACEHOLDER, 'connotation = "neutral"'), encoding="utf-8")
    assert check_lexicons([draft]) == []
    # A rated term takes its strength from the hint line under the connotation.
    rated = text.replace(PLACEHOLDER, 'connotation = "negative"').replace(
        '# strength = "mild | clear | strong"  # for a negative or positive term: keep one',
        'strength = "mild"')
    draft.write_text(rated, encoding="utf-8")
    assert check_lexicons([draft]) == []
    assert {t.strength for g in load_lexicon(draft).groups for t in g.terms} == {"mild"}


def test_wordings_are_ranked_by_how_often_and_how_consistently_they_swap() -> None:
    # "rebels" is the lexicon's; outlet y writes "gunmen" three times where x or z has "rebels",
    # z once writes "militants" where x has "rebels". rebels takes part in 4 swaps, gunmen in 3,
    # militants in 1: gunmen 3 x 3/(4+3-3) = 2.25, militants 1 x 1/(4+1-1) = 0.25. y's
    # "gunmen" against z's "militants" names no known label, so it does not count.
    attacked = "Army units were attacked by {} near the town of Zirba on Monday."
    withdrew = "The {} later withdrew from two villages south of the highway."
    x = article("x1", "x", [attacked.format("rebels"), withdrew.format("rebels")])
    y = article("y1", "y", [attacked.format("gunmen"), withdrew.format("gunmen")])
    z = article("z1", "z", [attacked.format("militants"), withdrew.format("rebels")])
    texts = corpus(x, y, z)
    matches = [match(x, "rebels", "armed-opposition", "rebel", "neutral", 0),
               match(z, "rebels", "armed-opposition", "rebel", "neutral", 1)]
    second = x.text.index("rebels", x.text.index("rebels") + 1)
    matches.append(Match(article="x1", outlet="x", start=second, end=second + 6, text="rebels",
                         group="armed-opposition", kind="referent", term="rebel",
                         connotation="neutral", sentence=1))
    report = small_report(texts, matches)
    aligned = align_corpus(texts, report.matches)
    terms = suggest_terms(report, aligned)
    assert [(t.phrase, t.score) for t in terms] == [("gunmen", 2.25), ("militants", 0.25)]
    assert [(s.count, s.consistency) for s in terms[0].substitutions] == [(3, 0.75)]
    text = render_draft(report, aligned, terms)
    assert text.index('phrase = "gunmen"') < text.index('phrase = "militants"')


def test_no_substitution_gives_a_draft_that_says_so() -> None:
    texts = corpus(article("a", "x", ["Prices of vegetables rose sharply in the markets."]),
                   article("b", "y", ["Aid agencies warned of shortages of bread and fuel."]))
    report = small_report(texts, [])
    text = draft_lexicon(report, align_corpus(texts, []))
    assert "# No substitution of one referent's label for another was found." in text
    assert "referent" not in tomllib.loads(text)


def test_a_typo_of_the_name_beside_another_referent_is_still_suggested() -> None:
    # y's editor wrote "Lebanon's Hezboll-ah movement" (a hyphen inside the name, which no
    # lexicon lists) where x has "fighters from Hezbollah"; z wrote "Lebanon's army" there.
    # Both y and z touch the referent Lebanon; only y also spells Hezbollah, so only y's
    # wording is a label of Hezbollah to suggest.
    attacked = "Army units were attacked by {} near the town of Zirba on Monday."
    withdrew = "The attackers later withdrew from two villages south of the highway."
    x = article("x1", "x", [attacked.format("fighters from Hezbollah"), withdrew])
    y = article("y1", "y", [attacked.format("troops from Lebanon's Hezboll-ah movement"), withdrew])
    z = article("z1", "z", [attacked.format("troops from Lebanon's army"), withdrew])
    texts = corpus(x, y, z)
    matches = [match(x, "fighters from Hezbollah", "hezbollah", "Hezbollah fighter", "neutral"),
               match(y, "Lebanon", "lebanon", "Lebanon", "neutral"),
               match(z, "Lebanon", "lebanon", "Lebanon", "neutral")]
    groups = tuple(
        Group(id=gid, name=name, kind="referent", description="", lexicon="test.toml",
              terms=(Term(phrase=name, connotation="neutral", note="", variants=variants),))
        for gid, name, variants in (("hezbollah", "Hezbollah", ("Hizb-Allah",)),
                                    ("lebanon", "Lebanon", ())))
    report = Report(corpus=texts, lexicons=(), groups=groups, matches=tuple(matches), labels=(),
                    shares=(), distinctive=(), config=AnalysisConfig())
    terms = suggest_terms(report, align_corpus(texts, report.matches))
    assert [(t.referent, t.phrase) for t in terms] == [
        ("hezbollah", "troops from Lebanon's Hezboll-ah movement")]
