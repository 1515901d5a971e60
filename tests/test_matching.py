"""Term matching on small texts whose matches were counted by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.lexicon.matching import compile_terms, find_matches, fold, index_terms
from framing.model import Match

from .helpers import SMALL, lexicon_from, one_sentence_article


@pytest.fixture
def terms(tmp_path: Path):  # type: ignore[no-untyped-def]
    return index_terms(compile_terms(lexicon_from(tmp_path, SMALL).groups))


def found(text: str, terms) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    matches: list[Match] = find_matches(one_sentence_article(text), terms)
    return [(m.text, m.group, m.term) for m in matches]


def test_fold_keeps_length_and_offsets() -> None:
    text = "Lebanon\u2019s \u201cmovement\u201d \u2013 the\u00a0regime"
    assert len(fold(text)) == len(text)
    assert fold(text) == "Lebanon's \"movement\" - the regime"


def test_longest_match_wins_and_nothing_is_counted_twice(terms) -> None:  # type: ignore[no-untyped-def]
    text = "the Iran Shi'ite terror proxy Hezbollah spread terror"
    assert found(text, terms) == [
        ("terror proxy", "hezbollah", "terror proxy"),
        ("Hezbollah", "hezbollah", "Hezbollah"),
        ("terror", "terror", "terror"),
    ]


def test_plurals_possessives_and_case(terms) -> None:  # type: ignore[no-untyped-def]
    text = "Militias and the regime's army; REGIMES fell; terror proxies"
    assert found(text, terms) == [
        ("Militias", "hezbollah", "militia"),
        ("regime's", "syrian-government", "regime"),
        ("REGIMES", "syrian-government", "regime"),
        ("terror proxies", "hezbollah", "terror proxy"),
    ]


def test_whole_words_only(terms) -> None:  # type: ignore[no-untyped-def]
    assert found("a regimen of terrorism and militiamen", terms) == []


def test_hyphen_matches_dash_or_space(terms) -> None:  # type: ignore[no-untyped-def]
    text = "pro government forces and pro\u2013government forces"
    assert [m[0] for m in found(text, terms)] == [
        "pro government forces",
        "pro\u2013government forces",
    ]


def test_reject_before_context(terms) -> None:  # type: ignore[no-untyped-def]
    text = "the sanctions regime hurt; the tax regime too; but the Assad regime held"
    assert [m[0] for m in found(text, terms)] == ["regime"]
    assert found(text, terms)[0] == ("regime", "syrian-government", "regime")


def test_case_sensitive_term(terms) -> None:  # type: ignore[no-untyped-def]
    assert found("It is said that IS fighters left.", terms) == [("IS", "isis", "IS")]


def test_require_near_context(terms) -> None:  # type: ignore[no-untyped-def]
    assert found("The Observatory, a monitor based in Britain", terms) == [
        ("monitor", "observatory", "monitor")
    ]
    assert found("a monitor of elections in far away places said", terms) == []


def test_offsets_point_into_the_original_text(terms) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cThe regime\u2019s forces\u201d, he said."
    article = one_sentence_article(text)
    (match,) = find_matches(article, terms)
    assert text[match.start : match.end] == "regime\u2019s" == match.text


def test_dotted_abbreviations_match(tmp_path: Path) -> None:
    lexicon = lexicon_from(tmp_path, SMALL.replace('phrase = "IS"', 'phrase = "U.S."'))
    terms = index_terms(compile_terms(lexicon.groups))
    assert found("The U.S. and the US army; U.S.-backed forces.", terms) == [
        ("U.S.", "isis", "U.S."),
        ("U.S.", "isis", "U.S."),
    ]


MENTIONS = SMALL + """
[[referent]]
id = "islamic-state"
name = "Islamic State"
[[referent.term]]
phrase = "Islamic State"
connotation = "neutral"
note = "The group's own name."
[[referent.term]]
phrase = "ISIS"
connotation = "neutral"
note = "Acronym."

[[cue]]
id = "loaded"
name = "Loaded words"
[[cue.term]]
phrase = "dictator"
connotation = "negative"
note = "An absolute ruler."
"""


def test_a_descriptor_and_a_name_are_one_mention_labelled_by_the_descriptor(
    tmp_path: Path,
) -> None:
    from framing.analysis import analyze
    from framing.model import AnalysisConfig
    from framing.text.loading import load_corpus

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Blasts\n\nThe terror proxy Hezbollah blamed the Islamic State (ISIS) group. "
        "Hezbollah, a militia, fought ISIS. The dictator Kim Jong Un watched; Kim Jong Un "
        "smiled.\n", encoding="utf-8")
    # b.txt names Hezbollah too: a domain pack is used when two outlets use its terms.
    (folder / "b.txt").write_text("Summit\n\nKim Jong Un spoke of Hezbollah.\n",
                                  encoding="utf-8")
    lexicon = lexicon_from(tmp_path, MENTIONS, "mentions.toml")
    corpus = load_corpus(folder)
    report = analyze(corpus, [lexicon], AnalysisConfig(align=False))
    text = corpus.articles[0].text
    rows = [(m.text, m.group, m.term, text[slice(*m.label_bounds)]) for m in report.matches
            if m.kind == "referent" and m.article == "a.txt"]
    assert rows == [
        ("terror proxy Hezbollah", "hezbollah", "terror proxy", "terror proxy"),
        ("Islamic State (ISIS)", "islamic-state", "Islamic State", "Islamic State"),
        ("Hezbollah", "hezbollah", "Hezbollah", "Hezbollah"),
        ("militia", "hezbollah", "militia", "militia"),  # after a comma: its own mention
        ("ISIS", "islamic-state", "ISIS", "ISIS"),
        ("dictator Kim Jong Un", "d-kim-jong-un", "dictator", "dictator"),
        ("Kim Jong Un", "d-kim-jong-un", "Kim Jong Un", "Kim Jong Un"),
    ]
    dictator = next(m for m in report.matches if m.term == "dictator")
    assert dictator.connotation == "negative"  # the cue's rating comes with it
    assert not [m for m in report.matches if m.kind == "cue" and m.term in {"terror", "dictator"}]
