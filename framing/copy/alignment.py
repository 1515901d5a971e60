"""Shared wire copy: which sentences outlets share, how editors changed them, what each left out.

Every pair of articles is aligned sentence by sentence, in any order, one sentence to one or to
two consecutive ones (a split or a merge). Sentences are compared as words: quotes, dashes,
spacing, case and punctuation are ignored. One TF-IDF matrix of word 1-3-grams over all the
corpus's sentences and one sparse product give every pair's similarity at once (the product
is taken in row blocks on large corpora, to bound memory); left unnormalised (a Gram matrix), it
also gives the similarity of a sentence to two sentences joined, so splits and merges cost no
second pass. Past ``lsh_from`` sentences the product of every pair grows too large, and the pairs
worth a look come from MinHash LSH (datasketch) over each sentence's word pairs instead, their
similarities computed exactly. Pairs above the threshold are then taken
greedily, best first, each sentence at most once per pair of articles.

Edited pairs get a word-level diff with character offsets into each article's text; an edit that
touches a referent's lexicon term says which label became which and how its connotation changed.
What the pairs add up to (overlaps between outlets, shared sources, content units, unique
content) and the headline contrasts are summed up in ``framing.copy.shared_copy``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Literal

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.copy.shared_copy import (
    ContentUnit,
    HeadlineContrast,
    LabelUse,
    OutletOverlap,
    SharedSource,
    UniqueContent,
    content_units,
    headline_contrasts,
    outlet_overlaps,
    shared_sources,
    unique_content,
)
from framing.model import Connotation, Corpus, Match

__all__ = [  # the summaries' types live in shared_copy; callers may import them from here
    "Alignment", "AlignmentConfig", "AlignmentKind", "AlignmentReport", "ContentUnit", "Edit",
    "EditOp", "HeadlineContrast", "IgnoreReason", "IgnoredSentence", "LabelUse",
    "OutletOverlap", "ReferentIndex", "SentenceRef", "SharedSource", "UniqueContent",
    "align_corpus", "build_vectorizer", "headline_contrasts", "word_diff",
]

AlignmentKind = Literal["verbatim", "edited"]
EditOp = Literal["insert", "delete", "replace"]
IgnoreReason = Literal["short", "boilerplate"]

WORD = re.compile(r"\w+")


@dataclass(frozen=True, kw_only=True)
class AlignmentConfig:
    """The thresholds of the alignment; tests/test_alignment.py pins why these defaults."""

    ngram_max: int = 3  # sentences compared on word n-grams of 1 to this many words
    min_words: int = 5  # shorter sentences (subheads, captions, datelines) are not compared
    boilerplate_share: float = 0.5  # a sentence in more than this share of the articles ...
    boilerplate_min_articles: int = 3  # ... and in at least this many is boilerplate
    # TF-IDF cosine from which two sentences count as the same copy: on the demo corpus every
    # copied sentence scores 0.36 or more, the closest other pair (a shared attribution) 0.26
    min_similarity: float = 0.3
    min_part: float = 0.5  # in a split, each part must have this share of its weight in the whole
    merge_gap: int = 1  # word changes this many equal words apart are reported as one edit
    # past this many sentences, candidate pairs come from MinHash LSH instead of every pair
    lsh_from: int = 20_000
    lsh_threshold: float = 0.1  # Jaccard of two sentences' word pairs for LSH to propose them


@dataclass(frozen=True, order=True)
class SentenceRef:
    """A sentence of an article (index into ``Article.sentences``); the title is marked."""

    article: str
    sentence: int
    in_title: bool = False


@dataclass(frozen=True, kw_only=True)
class IgnoredSentence:
    """A kept sentence left out of the comparison, and why."""

    ref: SentenceRef
    reason: IgnoreReason


@dataclass(frozen=True, kw_only=True)
class Alignment:
    """Sentences of article ``a`` carried, word for word or edited, by article ``b``.

    One sentence on each side, or one on one side and two consecutive ones on the other (a split
    or a merge). ``a`` is the article whose id sorts first.
    """

    a: tuple[SentenceRef, ...]
    b: tuple[SentenceRef, ...]
    outlet_a: str
    outlet_b: str
    similarity: float  # TF-IDF cosine of the two sides' word n-grams, 1.0 when verbatim
    kind: AlignmentKind


@dataclass(frozen=True, kw_only=True)
class Edit:
    """One change between aligned sentences, with offsets into each article's text.

    A deletion has an empty ``b_span`` (where the words would have been), an insertion an empty
    ``a_span``. When the edit touches a referent's lexicon term on either side, ``referent``
    names it with the term and connotation found on each side (None where that side has none).
    """

    alignment: int  # index into AlignmentReport.alignments
    article_a: str
    article_b: str
    outlet_a: str
    outlet_b: str
    op: EditOp
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    before: str  # the text of a_span in article_a
    after: str  # the text of b_span in article_b
    referent: str | None = None
    term_before: str | None = None
    term_after: str | None = None
    connotation_before: Connotation | None = None
    connotation_after: Connotation | None = None


@dataclass(frozen=True, kw_only=True)
class AlignmentReport:
    alignments: tuple[Alignment, ...]
    edits: tuple[Edit, ...]
    overlaps: tuple[OutletOverlap, ...]
    shared_sources: tuple[SharedSource, ...]
    units: tuple[ContentUnit, ...]
    unique: tuple[UniqueContent, ...]
    headlines: tuple[HeadlineContrast, ...]
    compared: tuple[SentenceRef, ...]
    ignored: tuple[IgnoredSentence, ...]
    config: AlignmentConfig


@dataclass(frozen=True)
class _Unit:
    """A compared sentence: its reference, article and outlet, words and their offsets."""

    ref: SentenceRef
    article: int  # index into corpus.articles
    outlet: str
    words: tuple[str, ...]
    offsets: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Candidate:
    similarity: float
    a: tuple[int, ...]  # unit indices, article of a sorts first by id
    b: tuple[int, ...]


# --------------------------------------------------------------------------- entry point


def align_corpus(
    corpus: Corpus, matches: Sequence[Match], config: AlignmentConfig | None = None
) -> AlignmentReport:
    """Align every pair of articles; diff, label and summarise what they share."""
    config = config or AlignmentConfig()
    units, ignored = _compared_sentences(corpus, config)
    alignments = _select(_candidates(units, config), units)
    outlets = sorted(o.id for o in corpus.outlets)
    outlet_of = {u.ref: u.outlet for u in units}
    return AlignmentReport(
        alignments=tuple(alignments),
        edits=tuple(_edits(alignments, units, corpus, matches, config.merge_gap)),
        overlaps=tuple(outlet_overlaps(alignments, outlet_of, outlets)),
        shared_sources=tuple(shared_sources(alignments, corpus)),
        units=tuple(content_units(alignments, outlet_of)),
        unique=tuple(unique_content(alignments, outlet_of, outlets)),
        headlines=tuple(headline_contrasts(corpus, matches)),
        compared=tuple(u.ref for u in units),
        ignored=tuple(ignored),
        config=config,
    )


def build_vectorizer(config: AlignmentConfig) -> TfidfVectorizer:
    """Word n-grams of pre-split words; raw counts and no norm, so rows add up when joined."""
    return TfidfVectorizer(
        analyzer="word", token_pattern=r"\S+", lowercase=False,
        ngram_range=(1, config.ngram_max), norm=None, sublinear_tf=False, dtype=np.float64,
    )


# --------------------------------------------------------------------------- sentences


def _compared_sentences(
    corpus: Corpus, config: AlignmentConfig
) -> tuple[list[_Unit], list[IgnoredSentence]]:
    """Every kept sentence long enough and not boilerplate, in corpus order, with its words."""
    found: list[_Unit] = []
    ignored: list[IgnoredSentence] = []
    for index, article in enumerate(corpus.articles):
        folded = article.layer.folded  # same length: offsets hold (lower() would not promise it)
        for i, s in enumerate(article.sentences):
            ref = SentenceRef(article.id, i, s.in_title)
            if sum(t.word for t in article.layer.sentence_tokens(i)) < config.min_words:
                ignored.append(IgnoredSentence(ref=ref, reason="short"))
                continue
            spans = [m.span() for m in WORD.finditer(folded, s.start, s.end)]
            words = tuple(folded[a:b].lower() for a, b in spans)
            found.append(_Unit(ref, index, article.outlet, words, tuple(spans)))
    in_articles = Counter(words for _, words in {(u.article, u.words) for u in found})
    frequent = {
        words for words, n in in_articles.items()
        if n >= config.boilerplate_min_articles
        and n > config.boilerplate_share * len(corpus.articles)
    }
    kept = [u for u in found if u.words not in frequent]
    ignored += [IgnoredSentence(ref=u.ref, reason="boilerplate") for u in found
                if u.words in frequent]
    return kept, sorted(ignored, key=lambda x: x.ref)


# --------------------------------------------------------------------------- candidates


BLOCK = 4_000_000  # product entries computed at once: 2,000 sentences take one block
LSH_PERMUTATIONS = 64


@dataclass(frozen=True)
class _Pairs:
    """Cross-article sentence pairs worth a look (rows < cols), from the TF-IDF Gram matrix."""

    rows: np.ndarray
    cols: np.ndarray
    dots: np.ndarray  # dot products of the unnormalised rows
    cosine: np.ndarray
    squared: np.ndarray  # each sentence's squared norm
    adjacent: np.ndarray  # each sentence's dot product with the next one in the list


def _pairs(units: Sequence[_Unit], config: AlignmentConfig) -> _Pairs:
    """One sparse product of the sentence matrix with itself, kept where a pair may align.

    The product is computed in blocks of rows and filtered at once, so memory stays bounded on
    large corpora (common words make it dense); at the target size it is a single block.
    """
    weights = sparse.csr_matrix(
        build_vectorizer(config).fit_transform([" ".join(u.words) for u in units])
    )
    squared = np.asarray(weights.multiply(weights).sum(axis=1)).ravel()
    adjacent = np.append(np.asarray(weights[:-1].multiply(weights[1:]).sum(axis=1)).ravel(), 0)
    article = np.array([u.article for u in units])
    blocks = (_nearby_blocks(units, weights, config) if len(units) > config.lsh_from
              else _product_blocks(weights, article))
    kept: list[tuple[np.ndarray, ...]] = []
    for r, c, d in blocks:
        apart = (c > r) & (article[r] != article[c])
        r, c, d = r[apart], c[apart], d[apart]
        cos = d / np.sqrt(squared[r] * squared[c])
        inside = d / np.minimum(squared[r], squared[c])  # the smaller one's share in the other
        worth = (cos >= config.min_similarity) | (inside >= config.min_part)
        kept.append((r[worth], c[worth], d[worth], cos[worth]))
    empty = np.array([], dtype=np.int64)
    rows, cols, dots, cosine = (np.concatenate([empty] + [k[i] for k in kept])
                                for i in range(4))
    return _Pairs(rows.astype(np.int64), cols.astype(np.int64), dots.astype(float),
                  cosine.astype(float), squared, adjacent)


Block = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, columns, dot products


def _shingles(words: Sequence[str]) -> list[bytes]:
    """A sentence as the set LSH compares: its pairs of consecutive words (a copied sentence
    keeps most of them; two sentences sharing only common words share few)."""
    return [f"{a} {b}".encode() for a, b in set(pairwise(words))]


def _product_blocks(weights: sparse.csr_matrix, article: np.ndarray) -> Iterable[Block]:
    """Every pair's dot product across articles: each article's sentences (``article`` gives
    each row's article; an article's rows are consecutive) times the sentences of the articles
    after it, in blocks of rows. Pairs within one article are never computed: a long article
    that repeats itself would make them the square of its length."""
    n = weights.shape[0]
    ends = np.flatnonzero(np.append(article[1:] != article[:-1], True)) + 1
    step = max(1, BLOCK // n)
    begin = 0
    for end in ends.tolist():
        later = weights[end:].T
        for start in range(begin, end, step):
            block = sparse.coo_matrix(weights[start : min(start + step, end)] @ later)
            yield block.row + start, block.col + end, block.data
        begin = end


def _nearby_blocks(
    units: Sequence[_Unit], weights: sparse.csr_matrix, config: AlignmentConfig
) -> Iterable[Block]:
    """On a large corpus, only the pairs MinHash LSH finds near (datasketch: sentences as sets
    of word pairs, Jaccard from ``lsh_threshold``), with their exact dot products. The full product
    grows with the square of the sentences; this grows with the pairs worth a look. A pair
    whose words overlap less than the threshold may be missed, splits most often: below
    ``lsh_from`` sentences the exact product is used."""
    from datasketch import MinHash, MinHashLSH

    copies = _copies(units)  # each distinct sentence once, with where it stands
    signatures = MinHash.bulk([_shingles(words) for words in copies], num_perm=LSH_PERMUTATIONS,
                              seed=1)
    lsh = MinHashLSH(threshold=config.lsh_threshold, num_perm=LSH_PERMUTATIONS)
    with lsh.insertion_session() as session:
        for k, signature in enumerate(signatures):
            session.insert(k, signature)
    places = list(copies.values())
    found: set[tuple[int, int]] = set()
    for k, signature in enumerate(signatures):
        for near in lsh.query(signature):
            if near >= k:
                found.update(_across(places[k], places[near]))
    pairs = sorted(found)
    step = max(1, BLOCK // 100)
    for start in range(0, len(pairs), step):
        chunk = np.array(pairs[start : start + step], dtype=np.int64).reshape(-1, 2)
        r, c = chunk[:, 0], chunk[:, 1]
        yield r, c, np.asarray(weights[r].multiply(weights[c]).sum(axis=1)).ravel()


def _copies(units: Sequence[_Unit]) -> dict[tuple[str, ...], dict[int, list[int]]]:
    """Each distinct sentence (its words), with the units that carry it, by article: LSH
    looks at a sentence once however often it is repeated (a feed that repeats a paragraph
    would otherwise make the query cost the square of the repeats)."""
    copies: dict[tuple[str, ...], dict[int, list[int]]] = {}
    for i, u in enumerate(units):
        copies.setdefault(u.words, {}).setdefault(u.article, []).append(i)
    return copies


def _across(one: dict[int, list[int]], other: dict[int, list[int]]) -> Iterator[tuple[int, int]]:
    """The pairs of units, one from each side, that stand in different articles (first the
    lower index)."""
    for a, mine in one.items():
        for b, theirs in other.items():
            if a != b:
                yield from ((min(i, j), max(i, j)) for i in mine for j in theirs)


def _candidates(units: Sequence[_Unit], config: AlignmentConfig) -> list[_Candidate]:
    """Sentence pairs, and sentences against two consecutive ones, similar enough to align."""
    if len({u.article for u in units}) < 2:
        return []
    pairs = _pairs(units, config)
    close = pairs.cosine >= config.min_similarity
    found = [
        _oriented(c, (i,), (j,), units)
        for i, j, c in zip(pairs.rows[close].tolist(), pairs.cols[close].tolist(),
                           pairs.cosine[close].tolist(), strict=True)
    ]
    return found + _splits(units, pairs, config)


def _splits(units: Sequence[_Unit], pairs: _Pairs, config: AlignmentConfig) -> list[_Candidate]:
    """A sentence against two consecutive sentences of another article, each mostly inside it.

    With unnormalised rows, the joined sentences' vector is the sum of theirs, so its cosine with
    the whole needs only dot products already at hand.
    """
    squared = pairs.squared
    whole = np.concatenate([pairs.rows, pairs.cols])
    part = np.concatenate([pairs.cols, pairs.rows])
    dot = np.concatenate([pairs.dots, pairs.dots])
    cos = np.concatenate([pairs.cosine, pairs.cosine])
    inside = dot / squared[part] >= config.min_part
    whole, part, dot, cos = whole[inside], part[inside], dot[inside], cos[inside]
    n = len(units)
    keys = whole.astype(np.int64) * n + part
    following = _next_in_article(units)[part]
    hit = (following >= 0) & np.isin(whole.astype(np.int64) * n + following, keys)
    known = dict(zip(keys.tolist(), zip(dot.tolist(), cos.tolist(), strict=True), strict=True))
    found: list[_Candidate] = []
    for w, p in zip(whole[hit].tolist(), part[hit].tolist(), strict=True):
        q = p + 1
        (dot_p, cos_p), (dot_q, cos_q) = known[w * n + p], known[w * n + q]
        joined = squared[p] + squared[q] + 2 * pairs.adjacent[p]
        similarity = float((dot_p + dot_q) / np.sqrt(squared[w] * joined))
        if similarity >= config.min_similarity and similarity > max(cos_p, cos_q):
            found.append(_oriented(similarity, (w,), (p, q), units))
    return found


def _next_in_article(units: Sequence[_Unit]) -> np.ndarray:
    """For each unit, the index of the next compared sentence of its article, else -1."""
    article = np.array([u.article for u in units])
    following = np.full(len(units), -1, dtype=np.int64)
    same = article[1:] == article[:-1]
    following[:-1][same] = np.arange(1, len(units))[same]
    return following


def _oriented(
    similarity: float, left: tuple[int, ...], right: tuple[int, ...], units: Sequence[_Unit]
) -> _Candidate:
    """The candidate with side ``a`` in the article whose id sorts first."""
    if units[left[0]].ref.article > units[right[0]].ref.article:
        left, right = right, left
    return _Candidate(similarity, left, right)


def _select(candidates: Iterable[_Candidate], units: Sequence[_Unit]) -> list[Alignment]:
    """Best first, each sentence aligned at most once to each other article."""
    ordered = sorted(candidates, key=lambda c: (-c.similarity, len(c.a) + len(c.b), c.a, c.b))
    used: set[tuple[int, int]] = set()  # (unit, article on the other side)
    chosen: list[_Candidate] = []
    for c in ordered:
        art_a, art_b = units[c.a[0]].article, units[c.b[0]].article
        keys = [(i, art_b) for i in c.a] + [(j, art_a) for j in c.b]
        if not used.intersection(keys):
            used.update(keys)
            chosen.append(c)
    chosen.sort(key=lambda c: (units[c.a[0]].ref.article, units[c.b[0]].ref.article, c.a, c.b))
    return [_alignment(c, units) for c in chosen]


def _alignment(c: _Candidate, units: Sequence[_Unit]) -> Alignment:
    a_words = [w for i in c.a for w in units[i].words]
    verbatim = a_words == [w for j in c.b for w in units[j].words]
    return Alignment(
        a=tuple(units[i].ref for i in c.a),
        b=tuple(units[j].ref for j in c.b),
        outlet_a=units[c.a[0]].outlet,
        outlet_b=units[c.b[0]].outlet,
        similarity=1.0 if verbatim else round(min(c.similarity, 1.0), 4),
        kind="verbatim" if verbatim else "edited",
    )


# --------------------------------------------------------------------------- edits


def word_diff(
    a: Sequence[str], b: Sequence[str], gap: int = 1
) -> list[tuple[EditOp, int, int, int, int]]:
    """Word changes from ``a`` to ``b`` as (op, i1, i2, j1, j2) word ranges.

    Changes separated by at most ``gap`` equal words are one edit, so "fighters from Hezbollah"
    against "troops from Lebanon's Hezbollah movement" is one replacement, not two.
    """
    merged: list[list[int]] = []
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if merged and i1 - merged[-1][1] <= gap and j1 - merged[-1][3] <= gap:
            merged[-1][1], merged[-1][3] = i2, j2
        else:
            merged.append([i1, i2, j1, j2])
    ops: list[tuple[EditOp, int, int, int, int]] = []
    for i1, i2, j1, j2 in merged:
        op: EditOp = "replace" if i2 > i1 and j2 > j1 else "delete" if i2 > i1 else "insert"
        ops.append((op, i1, i2, j1, j2))
    return ops


def _edits(
    alignments: Sequence[Alignment],
    units: Sequence[_Unit],
    corpus: Corpus,
    matches: Sequence[Match],
    gap: int,
) -> list[Edit]:
    """The word-level edits of every edited alignment, labelled with the lexicon."""
    by_ref = {u.ref: u for u in units}
    texts = {a.id: a.text for a in corpus.articles}
    referents = ReferentIndex(matches)
    edits: list[Edit] = []
    for index, al in enumerate(alignments):
        if al.kind == "verbatim":
            continue
        a_words, a_offsets = _joined(by_ref[r] for r in al.a)
        b_words, b_offsets = _joined(by_ref[r] for r in al.b)
        art_a, art_b = al.a[0].article, al.b[0].article
        for op, i1, i2, j1, j2 in word_diff(a_words, b_words, gap):
            a_span, b_span = _span(a_offsets, i1, i2), _span(b_offsets, j1, j2)
            edit = Edit(
                alignment=index, article_a=art_a, article_b=art_b,
                outlet_a=al.outlet_a, outlet_b=al.outlet_b, op=op, a_span=a_span,
                b_span=b_span, before=texts[art_a][slice(*a_span)],
                after=texts[art_b][slice(*b_span)],
            )
            edits.append(referents.label(edit))
    return edits


def _joined(units: Iterable[_Unit]) -> tuple[list[str], list[tuple[int, int]]]:
    words: list[str] = []
    offsets: list[tuple[int, int]] = []
    for u in units:
        words += u.words
        offsets += u.offsets
    return words, offsets


def _span(offsets: Sequence[tuple[int, int]], i1: int, i2: int) -> tuple[int, int]:
    """Characters of words i1..i2; for no words, the empty span after the word before."""
    if i2 > i1:
        return offsets[i1][0], offsets[i2 - 1][1]
    at = offsets[i1 - 1][1] if i1 > 0 else offsets[0][0]
    return at, at


class ReferentIndex:
    """Referent matches per article, sorted, to find those touching a span quickly."""

    def __init__(self, matches: Sequence[Match]) -> None:
        by_article: dict[str, list[Match]] = defaultdict(list)
        for m in matches:
            if m.kind == "referent":
                by_article[m.article].append(m)
        self.matches = {k: sorted(v, key=lambda m: (m.start, m.end)) for k, v in by_article.items()}
        self.reach = {k: np.maximum.accumulate([m.end for m in v]) for k, v in self.matches.items()}

    def touching(self, article: str, span: tuple[int, int]) -> list[Match]:
        """Matches overlapping a non-empty span (the running maximum of ends finds the first)."""
        start, end = span
        if start == end or article not in self.matches:
            return []
        found = []
        listed = self.matches[article]
        for i in range(int(np.searchsorted(self.reach[article], start, side="right")), len(listed)):
            if listed[i].start >= end:
                break
            if listed[i].end > start:
                found.append(listed[i])
        return found

    def label(self, edit: Edit) -> Edit:
        """The edit with the referent it touches: one named on both sides first, lexicon first."""
        before = self.touching(edit.article_a, edit.a_span)
        after = self.touching(edit.article_b, edit.b_span)
        both = {m.group for m in before} & {m.group for m in after}
        ranked = sorted(
            enumerate([*before, *after]),
            key=lambda x: (x[1].group not in both, x[1].source != "lexicon", x[0]),
        )
        if not ranked:
            return edit
        referent = ranked[0][1].group
        b = next((m for m in before if m.group == referent), None)
        a = next((m for m in after if m.group == referent), None)
        return replace(
            edit, referent=referent,
            term_before=b.term if b else None, term_after=a.term if a else None,
            connotation_before=b.connotation if b else None,
            connotation_after=a.connotation if a else None,
        )
