"""Labels as written and graded connotation: the label rows and the bars' figures."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from framing.analysis import analyze
from framing.counts.distinctive import distinctive_terms
from framing.counts.scoring import count_labels, label_key, signed_score
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import (
    AnalysisConfig,
    ConnotationShare,
    Corpus,
    Lexicon,
    Match,
    Outlet,
    Report,
    Strength,
)
from framing.render.export import render_json
from framing.text.loading import load_corpus

from .helpers import DEMO, one_sentence_article

ARUTZ, ARA, DECCAN, TRT, REUTERS = (
    "arutz-sheva-israel-national-news", "ara-news", "deccan-chronicle", "trt-world",
    "reuters-republished",
)
# How the lexicon engineers grade the four loaded Hezbollah labels of the demo.
HEZBOLLAH_STRENGTHS: dict[str, Strength] = {
    "Hezbollah militia": "mild", "Hezbollah militant": "mild",
    "terror proxy": "strong", "terrorist organization": "strong",
}


def graded(lexicons: tuple[Lexicon, ...], strengths: dict[str, Strength]) -> tuple[Lexicon, ...]:
    """The lexicons with these Hezbollah terms graded (test-local, until the data says so)."""
    return tuple(
        replace(lex, groups=tuple(
            replace(g, terms=tuple(
                replace(t, strength=strengths[t.phrase]) if t.phrase in strengths else t
                for t in g.terms))
            if g.id == "hezbollah" else g
            for g in lex.groups))
        for lex in lexicons
    )


@lru_cache(maxsize=2)
def demo(grade: bool) -> Report:
    lexicons = load_lexicons(bundled_lexicon_files())
    if grade:
        lexicons = graded(lexicons, HEZBOLLAH_STRENGTHS)
    return analyze(load_corpus(DEMO), lexicons)


def hezbollah(report: Report) -> dict[str, ConnotationShare]:
    return {s.outlet: s for s in report.shares if s.group == "hezbollah"}


def test_a_score_is_signed_strength() -> None:
    assert signed_score("negative", "strong") == -3
    assert signed_score("negative", "mild") == -1
    assert signed_score("positive", "clear") == 2
    assert signed_score("negative", None) == -2  # not graded yet: clear
    assert signed_score("neutral", None) == 0
    assert signed_score("unrated", None) is None


def test_spellings_of_one_label_share_a_key() -> None:
    assert label_key("War-ravaged") == label_key("war ravaged") == "war ravaged"
    assert label_key("army\u2019s") == label_key("army") == "army"
    assert label_key("Russian air support") != label_key("Russian air cover")


def test_hezbollah_bars_weigh_terror_proxy_above_militia() -> None:
    shares = hezbollah(demo(grade=True))
    # ARA News (001): "Lebanese Hezbollah militia", "militants of Hezbollah": mild, -1 each.
    # Arutz Sheva (000): "terror proxy Hezbollah" (one mention labelled "terror proxy") and
    # "the terrorist organization" (strong, -3 each), "a Hezbollah bastion" and "fighters from
    # Hezbollah" (0): -6 over 4 mentions.
    # TRT World (003): "Hezbollah militias" twice (-1 each) and "Hezbollah" (0).
    figures = {o: (s.rated, s.score, s.strong_negative) for o, s in shares.items()}
    assert figures == {
        ARA: (2, -1.0, 0), ARUTZ: (4, -1.5, 2), TRT: (3, -0.6667, 0),
        DECCAN: (1, 0.0, 0), REUTERS: (1, 0.0, 0),
    }
    # The three-level shares alone put ARA News first: 100% negative against 50%.
    assert (shares[ARA].negative, shares[ARUTZ].negative) == (1.0, 0.5)


def test_hezbollah_labels_carry_their_scores() -> None:
    rows = {(r.outlet, r.term): r for r in demo(grade=True).labels if r.group == "hezbollah"}
    assert (rows[(ARUTZ, "terror proxy")].score, rows[(ARUTZ, "Hezbollah")].score) == (-3, 0)
    militia = rows[(ARA, "Lebanese Hezbollah militia")]
    assert (militia.lexicon_term, militia.score) == ("Hezbollah militia", -1)


def test_with_the_bundled_lexicons_arutz_sheva_is_the_most_negative_on_hezbollah() -> None:
    """Reads the real lexicons: fails until they grade "militia" and "militant" mild and
    "terror proxy" and "terrorist organization" strong (the lexicon engineers' data)."""
    shares = hezbollah(demo(grade=False))
    ranked = sorted(shares.values(), key=lambda s: (s.score or 0.0, s.outlet))
    assert ranked[0].outlet == ARUTZ, [(s.outlet, s.score) for s in ranked]
    assert shares[ARUTZ].strong_negative == 2


def test_a_label_inside_a_longer_mention_is_counted_as_its_own_words() -> None:
    text = ("The Iran Shi'ite terror proxy Hezbollah sent fighters; the Terror-Proxy  Hezbollah "
            "left.")
    article = one_sentence_article(text, outlet="x")
    corpus = Corpus(name="t", outlets=(Outlet(id="x", name="X", articles=("a.txt",), words=13),),
                    articles=(article,))

    def mention(label: str, start_at: int) -> Match:
        start = text.index(label, start_at)
        end = text.index("Hezbollah", start) + len("Hezbollah")
        return Match(article="a.txt", outlet="x", start=start, end=end, text=text[start:end],
                     group="hezbollah", kind="referent", term="terror proxy",
                     connotation="negative", sentence=0,
                     label_span=(start, start + len(label)))

    (row,) = count_labels(corpus, [mention("terror proxy", 0), mention("Terror-Proxy", 40)])
    # Two mentions, one label: case and the hyphen aside, both write "terror proxy".
    assert (row.term, row.lexicon_term, row.count, row.score) == ("terror proxy", "terror proxy",
                                                                  2, -2)


def test_distinctive_words_pass_the_threshold_and_lead_to_their_sentences(
    tmp_path: Path,
) -> None:
    for i in range(2):
        (tmp_path / f"daily-{i}.txt").write_text(
            f"Town {i}\n\n" + "Insurgents shelled the town, officials said. " * 12 + "\n")
        (tmp_path / f"courier-{i}.txt").write_text(
            f"Town news {i}\n\n" + "Rebels shelled the town, officials said. " * 12 + "\n")
    corpus = load_corpus(tmp_path)
    found = {(t.outlet, t.term): t for t in distinctive_terms(corpus, AnalysisConfig())}
    assert set(found) == {("courier", "rebels"), ("courier", "rebels shelled"),
                          ("daily", "insurgents"), ("daily", "insurgents shelled")}
    rebels = found[("courier", "rebels")]
    assert (rebels.count, rebels.others, len(rebels.evidence)) == (24, 0, 24)
    assert rebels.log_odds_z > 1.96
    assert all(e.article.startswith("courier") for e in rebels.evidence)
    row = json.loads(render_json(analyze(corpus, [])))["distinctive_terms"][0]
    assert set(row) >= {"outlet", "term", "count", "others", "tfidf", "log_odds_z", "evidence"}


def test_honorifics_and_abbreviated_titles_are_house_style_not_distinctive(
    tmp_path: Path,
) -> None:
    for i in range(2):
        (tmp_path / f"daily-{i}.txt").write_text(
            f"Town {i}\n\n" + "Mr. Smith and Sen. Jones shelled the town, officials said. " * 12
            + "\n")
        (tmp_path / f"courier-{i}.txt").write_text(
            f"Town news {i}\n\n" + "Smith and Jones shelled the town, officials said. " * 12
            + "\n")
    terms = {t.term for t in distinctive_terms(load_corpus(tmp_path), AnalysisConfig())}
    assert not {"mr.", "sen.", "mr. smith", "sen. jones"} & terms
