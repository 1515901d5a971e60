"""Pinned figures on the demo corpus, each checked by hand against the five articles."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import pairwise

from framing.analysis import analyze
from framing.counts.scoring import label_key, written
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.lexicon.matching import fold
from framing.model import Match, Report
from framing.text.loading import load_corpus

from .helpers import DEMO

ARUTZ, ARA, DECCAN, TRT, REUTERS = "000", "001", "002", "003", "004"


@lru_cache(maxsize=1)
def demo_report() -> Report:
    return analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()))


def matches(prefix: str, group: str) -> list[Match]:
    return [m for m in demo_report().matches if m.article.startswith(prefix) and m.group == group]


def test_reuters_never_says_regime_and_says_government_five_times() -> None:
    texts = [m.text.lower() for m in matches(REUTERS, "syrian-government")]
    assert not [t for t in texts if "regime" in t]
    # pro-government forces; government forces (2); government assault; government-besieged
    assert sum("government" in t for t in texts) == 5


def test_trt_world_says_regime_fifteen_times() -> None:
    # grep -oi regime 003_*.txt gives 15, title and standfirst included, none in page chrome
    texts = [m.text.lower() for m in matches(TRT, "syrian-government")]
    assert sum("regime" in t for t in texts) == 15


def test_arutz_sheva_terror_labels_for_hezbollah_are_negative() -> None:
    found = {m.term: m for m in matches(ARUTZ, "hezbollah")}
    # one mention, "terror proxy Hezbollah", labelled by the descriptor the outlet chose
    proxy = found["terror proxy"]
    assert proxy.text == "terror proxy\u00a0Hezbollah"  # as printed, with a no-break space
    start, end = proxy.label_bounds
    assert demo_report().corpus.article(proxy.article).text[start:end] == "terror proxy"
    assert found["terrorist organization"].text == "terrorist organization"
    assert found["terror proxy"].connotation == "negative"
    assert found["terrorist organization"].connotation == "negative"
    # "terror proxy" is not also counted as the cue "terror"
    assert not [m for m in matches(ARUTZ, "terror-vocabulary") if m.text.lower() == "terror"]


def test_hezbollah_mentions_per_article_match_a_hand_count() -> None:
    # Each "Hezbollah" is one mention; in 000 "terror proxy Hezbollah" is one (labelled
    # "terror proxy"), "a Hezbollah bastion", "the terrorist organization" and "fighters from
    # Hezbollah" the others: 4, not 5.
    counts = {p: len(matches(p, "hezbollah")) for p in (ARUTZ, ARA, DECCAN, TRT, REUTERS)}
    assert counts == {ARUTZ: 4, ARA: 2, DECCAN: 1, TRT: 3, REUTERS: 1}
    # Deccan Chronicle's other mention is the typo "Lebanon's Hezboll-ah movement": lexicons
    # describe language, not one article's typos, so it is not counted.
    assert [m.text for m in matches(DECCAN, "hezbollah")] == ["Lebanese Hezbollah fighters"]


def test_no_page_chrome_is_counted_and_nothing_twice() -> None:
    report = demo_report()
    for article in report.corpus.articles:
        spans = [m for m in report.matches if m.article == article.id]
        for removed in article.removed:
            assert not [m for m in spans if m.start < removed.end and removed.start < m.end]
        ordered = sorted(spans, key=lambda m: m.start)
        assert all(a.end <= b.start for a, b in pairwise(ordered))
        for m in spans:
            assert article.text[m.start : m.end] == m.text


def test_label_counts_add_up_to_matches() -> None:
    report = demo_report()
    texts = {a.id: a.text for a in report.corpus.articles}
    per_label = Counter((m.outlet, m.group, label_key(written(m, texts[m.article])))
                        for m in report.matches)
    assert {(r.outlet, r.group, label_key(r.term)): r.count for r in report.labels} == dict(
        per_label)


def test_every_label_is_the_outlets_own_words() -> None:
    report = demo_report()
    texts: dict[str, str] = {}
    for article in report.corpus.articles:
        texts[article.outlet] = texts.get(article.outlet, "") + "\n" + " ".join(
            fold(article.text).split())
    for row in report.labels:  # as written, typography aside (curly and straight apostrophes)
        assert row.term in texts[row.outlet], (row.outlet, row.term)
    rows = {(r.outlet, r.group, r.term): r for r in report.labels}
    deccan, ara = "deccan-chronicle", "ara-news"
    # Deccan Chronicle (002) writes "Russian air support", which the lexicon counts as a
    # variant of "Russian air cover"; ARA News (001) "Russian fighter jets" and "war-ravaged".
    support = rows[(deccan, "russia", "Russian air support")]
    assert (support.lexicon_term, support.count) == ("Russian air cover", 1)
    assert (deccan, "russia", "Russian air cover") not in rows
    assert rows[(ara, "russia", "Russian fighter jets")].lexicon_term == "Russian warplane"
    assert rows[(ara, "loaded-words", "war-ravaged")].lexicon_term == "war-torn"


def test_no_word_stands_out_with_one_article_per_outlet() -> None:
    # Before, Reuters' "al" (of "Al Hader") and ARA News' "ara" and "news" were listed: a
    # transliteration particle and the outlet's own name. No other word passes z 1.96.
    assert demo_report().distinctive == ()


def test_no_place_source_or_catch_all_becomes_a_row() -> None:
    # Kweyris and Talaat al Eiss are an air base and a town, Kefraya a besieged town, every
    # "Damascus" a road ("the Aleppo-Damascus highway", "the highway to Damascus"), AFP the
    # agency told; "forces" and "fighters" alone name no side of the war.
    names = {g.name for g in demo_report().groups}
    assert not names & {
        "Kweyris", "Kefraya", "Talaat al Eiss", "AFP", "Forces", "Fighters", "Damascus",
    }


def test_assad_with_his_title_is_one_mention_labelled_by_the_title() -> None:
    # Reuters: "President Bashar al Assad's over-stretched forces" -> one mention, "President"
    assad = [m for m in demo_report().matches if m.group == "d-bashar-al-assad"]
    reuters = [m for m in assad if m.article.startswith(REUTERS)]
    expected = [("President Bashar al Assad\u2019s", "President")]
    assert [(m.text, m.term) for m in reuters] == expected


def test_every_discovered_label_is_written_in_its_outlet() -> None:
    report = demo_report()
    written: dict[str, str] = {}
    for a in report.corpus.articles:
        written[a.outlet] = written.get(a.outlet, "") + " " + a.text.lower()
    for row in report.labels:
        if row.source == "discovered":
            assert row.term.lower() in written[row.outlet], (row.outlet, row.term)


def test_a_title_after_a_lexicon_phrase_still_labels_the_name() -> None:
    # TRT World: "Syrian regime leader Bashar al Assad": "Syrian regime" counts for the
    # government (TRT's 15 "regime"), "leader Bashar al Assad" is one mention of Assad.
    trt = [m for m in demo_report().matches
           if m.group == "d-bashar-al-assad" and m.article.startswith(TRT)]
    assert [(m.text, m.term) for m in trt] == [
        ("leader Bashar al Assad", "leader"), ("Assad", "Assad")
    ]
