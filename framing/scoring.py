"""Count each outlet's labels and weigh them: counts, rates, connotation shares, TF-IDF.

TF-IDF here treats each outlet as one document and each lexicon term as one feature, so a term
weighs most for an outlet that uses it often while few other outlets use it at all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfTransformer

from .model import Connotation, ConnotationShare, Corpus, LabelCount, Match, Origin

SHARE_KEYS: tuple[Connotation, ...] = ("negative", "neutral", "positive", "unrated")


def count_labels(corpus: Corpus, matches: Sequence[Match]) -> tuple[LabelCount, ...]:
    """One row per outlet, group and term that occurs, sorted by outlet, group, count, term."""
    counts: Counter[tuple[str, str, str]] = Counter()
    quoted: Counter[tuple[str, str, str]] = Counter()
    articles: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)
    meta: dict[tuple[str, str], tuple[str, Connotation, Origin]] = {}
    for m in matches:
        key = (m.outlet, m.group, m.term)
        counts[key] += 1
        quoted[key] += m.voice == "quoted"
        articles[key].add(m.article)
        meta[(m.group, m.term)] = (m.kind, m.connotation, m.source)
    weights = _term_tfidf(corpus, counts)
    words = {o.id: o.words for o in corpus.outlets}
    rows = []
    for (outlet, group, term), count in counts.items():
        kind, connotation, source = meta[(group, term)]
        rows.append(
            LabelCount(
                outlet=outlet,
                group=group,
                kind=kind,  # type: ignore[arg-type]  # kind comes from a Match, already a GroupKind
                term=term,
                connotation=connotation,
                count=count,
                per_1000_words=round(1000 * count / max(words[outlet], 1), 2),
                articles=len(articles[(outlet, group, term)]),
                tfidf=weights[(outlet, group, term)],
                source=source,
                quoted=quoted[(outlet, group, term)],
            )
        )
    rows.sort(key=lambda r: (r.outlet, r.group, -r.count, r.term))
    return tuple(rows)


def _term_tfidf(
    corpus: Corpus, counts: Counter[tuple[str, str, str]]
) -> dict[tuple[str, str, str], float]:
    """TF-IDF of each lexicon term for each outlet, outlets as documents (rows L2-normalised)."""
    outlets = [o.id for o in corpus.outlets]
    features = sorted({(g, t) for _, g, t in counts})
    if not features:
        return {}
    matrix = np.zeros((len(outlets), len(features)))
    column = {f: j for j, f in enumerate(features)}
    row = {o: i for i, o in enumerate(outlets)}
    for (outlet, group, term), count in counts.items():
        matrix[row[outlet], column[(group, term)]] = count
    weights = TfidfTransformer().fit_transform(matrix).toarray()
    return {
        (outlet, group, term): round(float(weights[row[outlet], column[(group, term)]]), 4)
        for outlet, group, term in counts
    }


def connotation_shares(matches: Sequence[Match]) -> tuple[ConnotationShare, ...]:
    """For each outlet and referent, the share of its mentions with each connotation."""
    tally: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for m in matches:
        if m.kind == "referent":
            tally[(m.outlet, m.group)][m.connotation] += 1
    rows = []
    for (outlet, group), counter in sorted(tally.items()):
        total = sum(counter.values())
        share = {c: round(counter[c] / total, 4) for c in SHARE_KEYS}
        rows.append(
            ConnotationShare(
                outlet=outlet,
                group=group,
                mentions=total,
                negative=share["negative"],
                neutral=share["neutral"],
                positive=share["positive"],
                unrated=share["unrated"],
            )
        )
    return tuple(rows)
