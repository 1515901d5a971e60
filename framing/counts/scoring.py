"""Count each outlet's labels and weigh them: counts, rates, connotation, TF-IDF.

A label row is one outlet's words for one referent as written (case, spacing and hyphens
aside), with the lexicon entry they matched alongside: "Russian air support" stays what
Deccan Chronicle wrote even though the lexicon counts it under "Russian air cover".

Connotation is graded: a label's signed score is its strength (mild 1, clear 2, strong 3),
negative when unfavourable, 0 when neutral, None when no lexicon rates it. Three levels alone
would put "militia" level with "terror proxy".

TF-IDF treats each outlet as one document and each lexicon entry as one feature, so an entry
weighs most for an outlet that uses it often while few other outlets use it at all; every
spelling of the entry carries the entry's weight.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfTransformer

from framing.model import (
    Connotation,
    ConnotationShare,
    Corpus,
    Group,
    GroupKind,
    LabelCount,
    Match,
    Origin,
    Strength,
)
from framing.text.folding import fold

SHARE_KEYS: tuple[Connotation, ...] = ("negative", "neutral", "positive", "unrated")
STRENGTH_VALUE: dict[Strength, int] = {"mild": 1, "clear": 2, "strong": 3}
UNGRADED: Strength = "clear"  # a negative or positive term the lexicon has not graded yet
STRONG = STRENGTH_VALUE["strong"]

_DASHES = re.compile(r"[\s\-\u2010-\u2015\u00ad]+")  # spaces, hyphens and dashes in a label
_POSSESSIVE = re.compile(r"(?<=\w)'s?$")

Strengths = dict[tuple[str, str], Strength | None]  # (group id, term phrase) -> strength


def signed_score(connotation: Connotation, strength: Strength | None) -> int | None:
    """-3..3 for a rated label (sign from the connotation, size from the strength), None
    for an unrated one."""
    if connotation == "unrated":
        return None
    if connotation == "neutral":
        return 0
    size = STRENGTH_VALUE[strength or UNGRADED]
    return -size if connotation == "negative" else size


def written(match: Match, text: str) -> str:
    """The label's words as the outlet wrote them in ``text`` (the match's article text), runs
    of spaces made one. The label may be part of a longer mention, or (an apposition) lie
    outside it, so it is read from the article, not from the match."""
    start, end = match.label_bounds
    return " ".join(text[start:end].split())


def label_key(text: str) -> str:
    """What two spellings of one label share: "War-ravaged" and "war ravaged" are one label,
    and so are "army" and "army's" (a possessive is grammar, not a word chosen)."""
    plain = _DASHES.sub(" ", fold(text).casefold()).strip()
    return _POSSESSIVE.sub("", plain)


def strengths_of(groups: Iterable[Group]) -> Strengths:
    """Each term's strength, to score the matches of it."""
    return {(g.id, t.phrase): t.strength for g in groups for t in g.terms}


@dataclass(frozen=True, kw_only=True)
class _Meta:
    kind: GroupKind
    connotation: Connotation
    source: Origin
    lexicon_term: str
    score: int | None


def count_labels(
    corpus: Corpus, matches: Sequence[Match], groups: Iterable[Group] = ()
) -> tuple[LabelCount, ...]:
    """One row per outlet, group and label as written; sorted by outlet, group, count, term.

    ``groups`` give the terms' strengths; without them a negative or positive term counts as
    clear. Should one spelling match two lexicon entries of a group (rare), the row keeps the
    entry matched most often. A discovered label has no lexicon entry: its own words stand in.
    """
    strengths = strengths_of(groups)
    texts = {a.id: a.text for a in corpus.articles}
    counts: Counter[tuple[str, str, str]] = Counter()
    quoted: Counter[tuple[str, str, str]] = Counter()
    articles: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)
    spellings: defaultdict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    entries: defaultdict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    meta: dict[tuple[str, str], _Meta] = {}
    entry_counts: Counter[tuple[str, str, str]] = Counter()
    for m in matches:
        words = written(m, texts[m.article])
        key = (m.outlet, m.group, label_key(words))
        counts[key] += 1
        quoted[key] += m.voice == "quoted"
        articles[key].add(m.article)
        spellings[key][_POSSESSIVE.sub("", fold(words))] += 1
        entries[key][m.term] += 1
        entry_counts[(m.outlet, m.group, m.term)] += 1
        meta[(m.group, m.term)] = _Meta(
            kind=m.kind, connotation=m.connotation, source=m.source, lexicon_term=m.term,
            score=signed_score(m.connotation, strengths.get((m.group, m.term))),
        )
    weights = _term_tfidf(corpus, entry_counts)
    words_of = {o.id: o.words for o in corpus.outlets}
    rows = []
    for key, count in counts.items():
        outlet, group, _ = key
        term = _most_common(entries[key])
        info = meta[(group, term)]
        words = _most_common(spellings[key])
        rows.append(
            LabelCount(
                outlet=outlet,
                group=group,
                kind=info.kind,
                term=words,
                connotation=info.connotation,
                count=count,
                per_1000_words=round(1000 * count / max(words_of[outlet], 1), 2),
                articles=len(articles[key]),
                tfidf=weights[(outlet, group, term)],
                source=info.source,
                quoted=quoted[key],
                lexicon_term=words if info.source == "discovered" else info.lexicon_term,
                score=info.score,
            )
        )
    rows.sort(key=lambda r: (r.outlet, r.group, -r.count, r.term))
    return tuple(rows)


def _most_common(counter: Counter[str]) -> str:
    """The most frequent item; ties go to the one seen first."""
    return max(counter, key=lambda item: counter[item])


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


def connotation_shares(
    matches: Sequence[Match], groups: Iterable[Group] = ()
) -> tuple[ConnotationShare, ...]:
    """For each outlet and referent: the share of its mentions with each connotation, and the
    mean signed score over its rated mentions (how hostile or warm, strength weighed)."""
    strengths = strengths_of(groups)
    tally: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    scores: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for m in matches:
        if m.kind == "referent":
            tally[(m.outlet, m.group)][m.connotation] += 1
            score = signed_score(m.connotation, strengths.get((m.group, m.term)))
            if score is not None:
                scores[(m.outlet, m.group)].append(score)
    rows = []
    for (outlet, group), counter in sorted(tally.items()):
        total = sum(counter.values())
        share = {c: round(counter[c] / total, 4) for c in SHARE_KEYS}
        rated = scores[(outlet, group)]
        rows.append(
            ConnotationShare(
                outlet=outlet,
                group=group,
                mentions=total,
                negative=share["negative"],
                neutral=share["neutral"],
                positive=share["positive"],
                unrated=share["unrated"],
                rated=len(rated),
                score=round(sum(rated) / len(rated), 4) if rated else None,
                strong_negative=sum(s == -STRONG for s in rated),
                strong_positive=sum(s == STRONG for s in rated),
            )
        )
    return tuple(rows)
