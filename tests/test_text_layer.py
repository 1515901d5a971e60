"""The text layer: tokens with offsets, tags, sentences and noun phrases, built once per article."""

from __future__ import annotations

from itertools import pairwise

from framing.model import Article, Document
from framing.text.chunks import NP_GRAMMAR, noun_phrases
from framing.text.cleaning import clean
from framing.text.folding import fold
from framing.text.layer import TextLayer, build_layer
from framing.text.loading import load_corpus

from .helpers import DEMO


def one(text: str) -> TextLayer:
    """The layer of a text that is one sentence."""
    return build_layer(text, [(0, len(text))])


def pairs(layer: TextLayer) -> list[tuple[str, str]]:
    return [(t.text, t.tag) for t in layer.tokens]


def phrases(layer: TextLayer) -> list[tuple[str, str]]:
    """Each noun phrase's words and its head."""
    return [(" ".join(t.text for t in layer.tokens[np.first:np.end]), layer.tokens[np.head].text)
            for np in layer.noun_phrases]


def demo() -> tuple[Article, ...]:
    return load_corpus(DEMO).articles


# --------------------------------------------------------------------------- demo articles


def test_every_demo_token_points_into_the_text() -> None:
    for article in demo():
        layer = article.layer
        assert layer.tokens, article.id
        for token in layer.tokens:
            assert fold(article.text[token.start:token.end]) == token.text
            assert layer.folded[token.start:token.end] == token.text
            sentence = article.sentences[token.sentence]
            assert sentence.start <= token.start < token.end <= sentence.end
        assert len(layer.sentences) == len(article.sentences)
        assert article.words == layer.words


def test_removed_page_chrome_holds_no_token() -> None:
    for article in demo():
        for line in article.removed:
            assert not article.layer.tokens_in(line.start, line.end), (article.id, line.text)
    ara = next(a for a in demo() if a.id.startswith("001"))
    assert [r.text for r in ara.removed][:3] == ["ARA News", "Reporting by:\xa0Helin Saeed",
                                                 "Source: ARA News"]


def test_words_of_a_demo_article() -> None:
    ara = next(a for a in demo() if a.id.startswith("001"))
    # The title, counted by hand: With Russian support, pro-Assad troops recapture key town near
    # Aleppo -> 10 words (the comma is not one).
    assert ara.title_span is not None
    assert sum(t.word for t in ara.layer.tokens_in(*ara.title_span)) == 10
    # The whole article: 385 runs of letters and digits, checked against the text; "1,000" is
    # one word, not two, so 384.
    assert ara.words == 384
    assert "1,000" in [t.text for t in ara.layer.tokens]


def test_the_layer_is_built_the_same_way_twice() -> None:
    doc = Document(source="a.txt", text=(DEMO / "001_d949afe6b894c8ed.txt").read_text("utf-8"))
    first, second = clean(doc, "ara", "a.txt"), clean(doc, "ara", "a.txt")
    assert first.layer == second.layer
    assert [t.tag for t in first.layer.tokens] == [t.tag for t in second.layer.tokens]


def test_noun_phrases_are_the_ones_nltk_regexp_parser_finds() -> None:
    from nltk import RegexpParser  # only in the tests: nltk is slow to import

    parser = RegexpParser(NP_GRAMMAR)
    for article in demo():
        layer = article.layer
        for index in range(len(layer.sentences)):
            toks = layer.sentence_tokens(index)
            tree = parser.parse([(t.text, t.tag) for t in toks])
            expected, at = [], 0
            for child in tree:
                width = len(child) if hasattr(child, "label") else 1
                if hasattr(child, "label"):
                    expected.append((at, at + width))
                at += width
            assert noun_phrases([t.tag for t in toks]) == expected


# --------------------------------------------------------------------------- sentences by hand


def test_clitics_are_tokens_but_not_words() -> None:
    layer = one("The rebels didn\u2019t leave the town.")
    assert pairs(layer) == [("The", "DT"), ("rebels", "NNS"), ("did", "VBD"), ("n't", "RB"),
                            ("leave", "VB"), ("the", "DT"), ("town", "NN"), (".", ".")]
    assert phrases(layer) == [("The rebels", "rebels"), ("the town", "town")]
    assert layer.words == 6  # The rebels didn't leave the town


def test_titles_possessives_and_numbers() -> None:
    text = "Syrian President Bashar al-Assad's forces took 1,000 prisoners on Monday."
    layer = one(text)
    assert pairs(layer) == [
        ("Syrian", "JJ"), ("President", "NNP"), ("Bashar", "NNP"), ("al-Assad", "NNP"),
        ("'s", "POS"), ("forces", "NNS"), ("took", "VBD"), ("1,000", "CD"),
        ("prisoners", "NNS"), ("on", "IN"), ("Monday", "NNP"), (".", "."),
    ]
    assert phrases(layer) == [("Syrian President Bashar al-Assad 's forces", "forces"),
                              ("1,000 prisoners", "prisoners"), ("Monday", "Monday")]
    assert layer.words == 10
    assert [t.proper for t in layer.tokens[:4]] == [False, True, True, True]


def test_abbreviations_initials_and_quotes() -> None:
    text = "Mr. Smith told the U.S. Senate: \u201cWe will not stop.\u201d"
    layer = one(text)
    assert pairs(layer) == [
        ("Mr.", "NNP"), ("Smith", "NNP"), ("told", "VBD"), ("the", "DT"), ("U.S.", "NNP"),
        ("Senate", "NNP"), (":", ":"), ('"', "``"), ("We", "PRP"), ("will", "MD"),
        ("not", "RB"), ("stop", "VB"), (".", "."), ('"', "''"),
    ]
    assert phrases(layer) == [("Mr. Smith", "Smith"), ("the U.S. Senate", "Senate")]
    assert layer.words == 10


def test_a_known_error_of_the_lexicon_tagger() -> None:
    # 'attacked' is a past tense here (VBD); a tagger without context rules gives every word
    # its most frequent tag in the lexicon, here VBN (see README, "Why these libraries").
    layer = one("Hezbollah fighters attacked the old airport near Aleppo.")
    assert [t.tag for t in layer.tokens] == ["NNP", "NNS", "VBN", "DT", "JJ", "NN", "IN", "NNP",
                                             "."]
    assert phrases(layer) == [("Hezbollah fighters", "fighters"), ("the old airport", "airport"),
                              ("Aleppo", "Aleppo")]


def test_lookups_by_offset_and_by_sentence() -> None:
    text = "Rebels fled. The army took the town."
    layer = build_layer(text, [(0, 12), (13, len(text))])
    assert [t.text for t in layer.sentence_tokens(1)] == ["The", "army", "took", "the", "town",
                                                          "."]
    token = layer.token_at(text.index("army") + 2)
    assert token is not None and (token.text, token.sentence, token.tag) == ("army", 1, "NN")
    assert layer.token_at(text.index(" The")) is None  # a space between tokens
    np = layer.noun_phrase_at(text.index("town"))
    assert np is not None and layer.tokens[np.head].text == "town"
    assert [t.text for t in layer.tokens[np.first:np.end]] == ["the", "town"]
    assert layer.noun_phrase_at(text.index("took")) is None
    assert [t.text for t in layer.tokens_in(0, 12)] == ["Rebels", "fled", "."]


def test_a_blind_article_has_a_layer_of_its_masked_text() -> None:
    from framing.classroom.blind import MASK, blind_corpus

    blind, _ = blind_corpus(load_corpus(DEMO))
    ara = next(a for a in blind.articles if "ARA" not in a.text and MASK in a.text
               and a.words == 384)
    assert ara.layer.folded == fold(ara.text)
    assert "ARA" not in {t.text for t in ara.layer.tokens}
    assert all(fold(ara.text[t.start:t.end]) == t.text for t in ara.layer.tokens)


def test_lookups_agree_with_the_token_list_on_the_demo() -> None:
    for article in demo():
        layer = article.layer
        for i, token in enumerate(layer.tokens):
            assert layer.token_at(token.start) == token
            assert layer.token_at(token.end - 1) == token
            linear = next((np for np in layer.noun_phrases if np.first <= i < np.end), None)
            assert layer.noun_phrase_at(token.start) == linear
        phrases = layer.noun_phrases
        assert all(a.end <= b.first for a, b in pairwise(phrases))
