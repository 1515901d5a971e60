"""What outlets share once their articles are aligned: overlaps, sources, content units, headlines.

``framing.copy.alignment`` pairs the sentences; this module sums the pairs up. For each pair of
outlets, the share of each one's sentences the other carries; for each pair of articles that
share copy, the news agencies both credit; the content units (sentences linked by alignments)
and the sentences only one outlet carries. Headline contrasts need no alignment: they compare an
article's headline labels with its body's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from framing.model import Connotation, Corpus, Match

if TYPE_CHECKING:  # the aligner imports this module to build its report
    from framing.copy.alignment import Alignment, SentenceRef


@dataclass(frozen=True, kw_only=True)
class OutletOverlap:
    """How much of each outlet's compared sentences the other outlet also carries."""

    outlet_a: str
    outlet_b: str
    sentences_a: int  # compared sentences of outlet_a
    sentences_b: int
    shared_a: int  # of those, aligned to a sentence of the other outlet
    shared_b: int
    verbatim_a: int  # of those, word for word
    verbatim_b: int
    share_a: float  # shared_a / sentences_a
    share_b: float


@dataclass(frozen=True, kw_only=True)
class SharedSource:
    """Two articles of different outlets that share sentences, and the agencies they credit."""

    article_a: str
    article_b: str
    outlet_a: str
    outlet_b: str
    alignments: int
    agencies: tuple[str, ...]  # credited by both articles: the likely common source
    credited: tuple[str, ...]  # credited by either


@dataclass(frozen=True, kw_only=True)
class ContentUnit:
    """Sentences linked by alignments (a connected component), and the outlets carrying them.

    A sentence aligned to nothing is a unit of its own, so every compared sentence is in one.
    """

    sentences: tuple[SentenceRef, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class UniqueContent:
    """An outlet's compared sentences that no other outlet carries."""

    outlet: str
    sentences: tuple[SentenceRef, ...]
    compared: int  # the outlet's compared sentences in all


@dataclass(frozen=True, kw_only=True)
class LabelUse:
    """A lexicon term for a referent, its connotation, and how often it occurs."""

    term: str
    connotation: Connotation
    count: int


@dataclass(frozen=True, kw_only=True)
class HeadlineContrast:
    """A headline that labels a referent otherwise than its article's body does.

    Reported when the headline uses a label the body never uses (``headline_only``; the body
    may not name the referent at all), or when the body uses labels of a connotation the
    headline does not carry (``body_only``).
    """

    article: str
    outlet: str
    referent: str
    title: tuple[LabelUse, ...]
    body: tuple[LabelUse, ...]
    headline_only: tuple[str, ...]
    body_only: tuple[str, ...]


def outlet_overlaps(
    alignments: Sequence[Alignment], outlet_of: Mapping[SentenceRef, str], outlets: Sequence[str]
) -> list[OutletOverlap]:
    """For every pair of outlets, the share of each one's sentences the other carries.

    ``outlet_of`` maps every compared sentence, in corpus order, to its outlet.
    """
    compared = Counter(outlet_of.values())
    shared: dict[tuple[str, str], set[SentenceRef]] = defaultdict(set)
    verbatim: dict[tuple[str, str], set[SentenceRef]] = defaultdict(set)
    for al in alignments:
        if al.outlet_a == al.outlet_b:
            continue
        for target in (shared, verbatim) if al.kind == "verbatim" else (shared,):
            target[al.outlet_a, al.outlet_b].update(al.a)
            target[al.outlet_b, al.outlet_a].update(al.b)
    found = []
    for i, x in enumerate(outlets):
        for y in outlets[i + 1 :]:
            found.append(OutletOverlap(
                outlet_a=x, outlet_b=y, sentences_a=compared[x], sentences_b=compared[y],
                shared_a=len(shared[x, y]), shared_b=len(shared[y, x]),
                verbatim_a=len(verbatim[x, y]), verbatim_b=len(verbatim[y, x]),
                share_a=_share(len(shared[x, y]), compared[x]),
                share_b=_share(len(shared[y, x]), compared[y]),
            ))
    return found


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def shared_sources(alignments: Sequence[Alignment], corpus: Corpus) -> list[SharedSource]:
    """Article pairs of different outlets sharing sentences where either credits an agency."""
    credits = {a.id: a.credits for a in corpus.articles}
    counts = Counter(
        (al.a[0].article, al.b[0].article, al.outlet_a, al.outlet_b)
        for al in alignments if al.outlet_a != al.outlet_b
    )
    found = []
    for (a, b, outlet_a, outlet_b), n in sorted(counts.items()):
        in_b = {c.casefold() for c in credits[b]}
        both = [c for c in credits[a] if c.casefold() in in_b]
        either = {c.casefold(): c for c in (*credits[b], *credits[a])}
        if either:
            found.append(SharedSource(
                article_a=a, article_b=b, outlet_a=outlet_a, outlet_b=outlet_b, alignments=n,
                agencies=tuple(sorted(both, key=str.casefold)),
                credited=tuple(sorted(either.values(), key=str.casefold)),
            ))
    return found


def content_units(
    alignments: Sequence[Alignment], outlet_of: Mapping[SentenceRef, str]
) -> list[ContentUnit]:
    """Connected components of the alignment graph, widest-carried first."""
    index = {ref: i for i, ref in enumerate(outlet_of)}
    edges = [(index[al.a[0]], index[r]) for al in alignments for r in (*al.a[1:], *al.b)]
    rows = [e[0] for e in edges]
    cols = [e[1] for e in edges]
    graph = sparse.coo_matrix((np.ones(len(edges)), (rows, cols)), shape=(len(outlet_of),) * 2)
    _, labels = connected_components(graph, directed=False)
    members: dict[int, list[tuple[SentenceRef, str]]] = defaultdict(list)
    for sentence, label in zip(outlet_of.items(), labels.tolist(), strict=True):
        members[label].append(sentence)
    found = [
        ContentUnit(sentences=tuple(sorted(ref for ref, _ in group)),
                    outlets=tuple(sorted({outlet for _, outlet in group})))
        for group in members.values()
    ]
    return sorted(found, key=lambda c: (-len(c.outlets), -len(c.sentences), c.sentences))


def unique_content(
    alignments: Sequence[Alignment], outlet_of: Mapping[SentenceRef, str], outlets: Sequence[str]
) -> list[UniqueContent]:
    """Each outlet's compared sentences aligned to nothing in any other outlet."""
    carried = {
        ref for al in alignments if al.outlet_a != al.outlet_b for ref in (*al.a, *al.b)
    }
    return [
        UniqueContent(
            outlet=o,
            sentences=tuple(sorted(ref for ref, outlet in outlet_of.items()
                                   if outlet == o and ref not in carried)),
            compared=sum(outlet == o for outlet in outlet_of.values()),
        )
        for o in outlets
    ]


def headline_contrasts(corpus: Corpus, matches: Sequence[Match]) -> list[HeadlineContrast]:
    """Referents an article's headline labels otherwise than its body (lexicon terms only)."""
    by_article: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        if m.kind == "referent" and m.source == "lexicon":
            by_article[m.article].append(m)
    found = []
    for article in sorted(corpus.articles, key=lambda a: a.id):
        if not article.sentences or not article.sentences[0].in_title:
            continue
        for referent in sorted({m.group for m in by_article[article.id]}):
            mine = [m for m in by_article[article.id] if m.group == referent]
            title = _uses(m for m in mine if m.sentence == 0)
            body = _uses(m for m in mine if m.sentence != 0)
            in_title = {u.term for u in title}
            tones = {u.connotation for u in title}
            headline_only = tuple(sorted(in_title - {u.term for u in body}))
            body_only = tuple(u.term for u in body
                              if u.term not in in_title and u.connotation not in tones)
            if title and (headline_only or body_only):
                found.append(HeadlineContrast(
                    article=article.id, outlet=article.outlet, referent=referent, title=title,
                    body=body, headline_only=headline_only, body_only=body_only,
                ))
    return found


def _uses(matches: Iterable[Match]) -> tuple[LabelUse, ...]:
    counts = Counter((m.term, m.connotation) for m in matches)
    return tuple(LabelUse(term=t, connotation=c, count=n) for (t, c), n in sorted(counts.items()))
