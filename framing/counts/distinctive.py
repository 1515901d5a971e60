"""Each outlet's distinctive words and phrases, beyond the lexicon.

Two scores side by side, each outlet against all the others pooled:
- TF-IDF (scikit-learn), outlets as documents: high for words an outlet uses often and few
  other outlets use;
- the log-odds ratio with an informative Dirichlet prior and its z-score (Monroe, Colaresi and
  Quinn 2008, "Fightin' Words"), which shrinks differences that rest on a few occurrences and
  so holds on small samples. The prior is the pooled corpus itself.

Counts are made per sentence over the text layer's word tokens (the words the per-1,000-words
rate counts), so every count can be traced to the sentences behind it and no two-word phrase
spans a sentence break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer

from framing.actors.words import HONORIFICS, TITLE_ABBREVIATIONS
from framing.model import AnalysisConfig, Article, Corpus, DistinctiveTerm, Evidence
from framing.text.layer import Token
from framing.voices.speech_words import PARTICLES

STOP_WORDS = ENGLISH_STOP_WORDS
DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")  # "i.r.s.", "u.s.": an abbreviation with periods


def spelled(low: str) -> str:
    """A word as the counts compare it: an abbreviation's periods are house style ("I.R.S." in
    one outlet, "IRS" in the others is one word), so "i.r.s." counts as "irs"."""
    return low.replace(".", "") if DOTTED.fullmatch(low) else low



def sentence_terms(
    tokens: Sequence[Token], ngram_max: int, left_out: frozenset[str] = frozenset()
) -> list[str]:
    """The terms of one sentence: its words (folded, lowercase; numbers, English stop words and
    the words ``left_out`` dropped) and the runs of up to ``ngram_max`` of them, as
    scikit-learn would make them."""
    words = [spelled(t.low) for t in tokens if t.word and t.text[0].isalpha()
             and t.low not in STOP_WORDS and t.low not in left_out]
    terms = list(words)
    for n in range(2, ngram_max + 1):
        terms.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return terms


def build_vectorizer() -> CountVectorizer:
    """Counts the terms of each sentence, already made from the text layer's tokens."""
    return CountVectorizer(analyzer=_given, min_df=1, dtype=np.int64)


def _given(terms: list[str]) -> list[str]:
    """The analyzer of pre-made terms: they are used as they are."""
    return terms


def _sentence_terms(
    corpus: Corpus, config: AnalysisConfig
) -> tuple[list[list[str]], list[tuple[Article, int]]]:
    """The terms of every sentence of every article, with a reference back to it."""
    left_out = not_distinctive(corpus)
    terms: list[list[str]] = []
    refs: list[tuple[Article, int]] = []
    for article in corpus.articles:
        for i in range(len(article.sentences)):
            tokens = article.layer.sentence_tokens(i)
            terms.append(sentence_terms(tokens, config.ngram_max, left_out))
            refs.append((article, i))
    return terms, refs


def not_distinctive(corpus: Corpus) -> frozenset[str]:
    """Words that tell nothing of an outlet's framing: the outlets' own names ("ARA News" in
    its credit line), the particles of transliterated names ("al" of "Al Hader"), and
    honorifics and abbreviated titles, which are house style ("Mr. Trump", "Sen. Grassley")."""
    names = {w.casefold() for o in corpus.outlets for w in re.findall(r"[^\W_]+", o.name)}
    style = HONORIFICS | TITLE_ABBREVIATIONS
    return frozenset(names | PARTICLES | style | {f"{word}." for word in style})


def log_odds_z(own: np.ndarray, others: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, ...]:
    """Monroe et al. (2008) eq. 16 and 22: log-odds ratio with prior ``prior`` and its z-score."""
    a0 = prior.sum()
    n_own, n_others = own.sum(), others.sum()
    delta = np.log((own + prior) / (n_own + a0 - own - prior)) - np.log(
        (others + prior) / (n_others + a0 - others - prior)
    )
    variance = 1.0 / (own + prior) + 1.0 / (others + prior)
    return delta, delta / np.sqrt(variance)


def distinctive_terms(corpus: Corpus, config: AnalysisConfig) -> tuple[DistinctiveTerm, ...]:
    """The top distinctive terms of each outlet, with the sentences behind each count."""
    texts, refs = _sentence_terms(corpus, config)
    vectorizer = build_vectorizer()
    try:
        by_sentence = sparse.csr_matrix(vectorizer.fit_transform(texts))
    except ValueError:  # no word survives stop-word removal: nothing is distinctive
        return ()
    features = vectorizer.get_feature_names_out()
    outlet_ids = [o.id for o in corpus.outlets]
    row_of = {o: i for i, o in enumerate(outlet_ids)}
    membership = sparse.csr_matrix(
        (np.ones(len(refs)), ([row_of[a.outlet] for a, _ in refs], range(len(refs)))),
        shape=(len(outlet_ids), len(refs)),
    )
    by_outlet = (membership @ by_sentence).toarray()
    tfidf = TfidfTransformer().fit_transform(by_outlet).toarray()
    total = by_outlet.sum(axis=0)
    rows: list[DistinctiveTerm] = []
    for i, outlet in enumerate(outlet_ids):
        own = by_outlet[i]
        delta, z = log_odds_z(own, total - own, total.astype(float))
        eligible = np.flatnonzero((own >= config.min_count) & (z > config.min_z))
        ranked = sorted(eligible, key=lambda j: (-z[j], features[j]))[: config.top_terms]
        outlet_sentences = membership[i].indices
        for j in ranked:
            rows.append(
                DistinctiveTerm(
                    outlet=outlet,
                    term=str(features[j]),
                    count=int(own[j]),
                    others=int(total[j] - own[j]),
                    tfidf=round(float(tfidf[i, j]), 4),
                    log_odds=round(float(delta[j]), 4),
                    log_odds_z=round(float(z[j]), 3),
                    evidence=_evidence(
                        str(features[j]), by_sentence, int(j), outlet_sentences, refs
                    ),
                )
            )
    return tuple(rows)


def _evidence(
    term: str,
    by_sentence: sparse.csr_matrix,
    column: int,
    sentence_rows: np.ndarray,
    refs: Sequence[tuple[Article, int]],
) -> tuple[Evidence, ...]:
    """The outlet's sentences that contain the term, each token that is a word of it marked."""
    col = by_sentence[:, column].toarray().ravel()
    words = set(term.split())
    found: list[Evidence] = []
    for r in sorted(int(r) for r in sentence_rows if col[r]):
        article, index = refs[r]
        hits = tuple((t.start, t.end) for t in article.layer.sentence_tokens(index)
                     if spelled(t.low) in words)
        found.append(Evidence(article=article.id, sentence=index, hits=hits))
    return tuple(found)
