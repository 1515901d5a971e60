"""Scores that compare framing's highlights with people's annotations; pure functions.

Spans are character ranges in one article file (end exclusive). Two spans overlap when they
share at least one character: spans that only touch ("ab" and "cd" in "abcd") do not.

- Actor grouping (NewsWCL50): each gold mention takes the framing referent whose match
  overlaps it most, and the resulting clustering is scored with B-cubed (Bagga and Baldwin
  1998) against the annotators' concepts. A mention framing did not find is its own cluster.
- Rows (NewsWCL50, ECB+): each framing referent match takes the gold mention it overlaps most;
  a row's *purity* is the share of its matches on gold that land on its main concept (the one
  it hits most), and a row is *off gold* when it has at least 3 matches and none on gold.
- Folds: events split deterministically in two, "tune" and "check", so that figures tuned on
  one half can be checked on the other.
- Loaded wording (BASIL): how many lexical-bias spans framing's non-neutral highlights touch,
  how many of those highlights touch any annotated span, and how dense the highlights are.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from statistics import mean, median, pstdev
from typing import TypeVar

Key = tuple[str, ...]
MIN_ROW_MATCHES = 3  # a row with fewer matches is too small to call off gold
FOLDS = ("tune", "check")
DRAWS, SEED = 2000, 13  # bootstrap samples of the events, and their fixed seed
T = TypeVar("T")


@dataclass(frozen=True)
class Span:
    """A character range in one article file."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Highlight:
    """A framing match: where it is and which referent or cue category it belongs to."""

    span: Span
    category: str


@dataclass(frozen=True)
class GoldMention:
    """An annotated mention of a concept (`code_name`) and its type (`code_type`)."""

    span: Span
    concept: str
    kind: str = ""


@dataclass(frozen=True)
class BiasSpan:
    """An annotated biased span (BASIL): `lex` (loaded wording) or `inf` (facts chosen)."""

    span: Span
    bias: str


@dataclass(frozen=True)
class Mention:
    """A gold mention as scored: framing's cluster for it and its gold concept."""

    cluster: Key
    concept: Key
    found: bool
    kind: str = ""


@dataclass(frozen=True)
class GroupingScores:
    """Mention recall and B-cubed of framing's clustering of the gold mentions."""

    gold: int
    found: int
    mention_recall: float
    b3_precision: float
    b3_recall: float
    b3_f1: float


@dataclass(frozen=True)
class WordingCounts:
    """Counts behind the loaded-wording figures; add them to pool events."""

    lex_spans: int = 0
    lex_found: int = 0
    highlights: int = 0
    highlights_on_spans: int = 0
    words: int = 0

    def __add__(self, other: WordingCounts) -> WordingCounts:
        return WordingCounts(
            self.lex_spans + other.lex_spans, self.lex_found + other.lex_found,
            self.highlights + other.highlights,
            self.highlights_on_spans + other.highlights_on_spans, self.words + other.words,
        )

    @property
    def lex_recall(self) -> float | None:
        """Share of lexical-bias spans that a non-neutral highlight overlaps."""
        return ratio(self.lex_found, self.lex_spans)

    @property
    def precision(self) -> float | None:
        """Share of non-neutral highlights that overlap an annotated span (lex or inf)."""
        return ratio(self.highlights_on_spans, self.highlights)

    @property
    def per_1000_words(self) -> float | None:
        """Non-neutral highlights per 1,000 words."""
        share = ratio(self.highlights, self.words)
        return None if share is None else 1000 * share


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None when whole is 0 (the figure is undefined)."""
    return part / whole if whole else None


def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share (0 for different articles or touching spans)."""
    if a.article != b.article:
        return 0
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def best_highlight(span: Span, highlights: Iterable[Highlight]) -> Highlight | None:
    """The highlight overlapping `span` most; on a tie the earliest (by start, then end)."""
    best: Highlight | None = None
    best_key: tuple[int, int, int] = (0, 0, 0)
    for highlight in highlights:
        shared = overlap(span, highlight.span)
        key = (shared, -highlight.span.start, -highlight.span.end)
        if shared > 0 and (best is None or key > best_key):
            best, best_key = highlight, key
    return best


def by_article(highlights: Iterable[Highlight]) -> dict[str, list[Highlight]]:
    """The highlights of each article, in their order (spans of two articles never overlap,
    so a span need only be compared with its own article's)."""
    found: dict[str, list[Highlight]] = {}
    for highlight in highlights:
        found.setdefault(highlight.span.article, []).append(highlight)
    return found


def bcubed(clusters: Sequence[Key], classes: Sequence[Key]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold classes (one per item)."""
    if len(clusters) != len(classes):
        raise ValueError("every item needs one cluster and one class")
    if not clusters:
        return 0.0, 0.0, 0.0
    cluster_size = Counter(clusters)
    class_size = Counter(classes)
    both = Counter(zip(clusters, classes, strict=True))
    precision = mean(both[c, g] / cluster_size[c] for c, g in zip(clusters, classes, strict=True))
    recall = mean(both[c, g] / class_size[g] for c, g in zip(clusters, classes, strict=True))
    return precision, recall, f1(precision, recall)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def grouping_mentions(
    event: str, gold: Sequence[GoldMention], referents: Sequence[Highlight]
) -> list[Mention]:
    """Each gold mention with the framing referent that overlaps it most, keyed by event.

    Keys carry the event name so that events can be pooled without merging their clusters;
    an unfound mention gets a cluster of its own.
    """
    mentions = []
    in_article = by_article(referents)
    for index, mention in enumerate(gold):
        match = best_highlight(mention.span, in_article.get(mention.span.article, ()))
        cluster = (event, "unfound", str(index)) if match is None else (event, match.category)
        mentions.append(Mention(cluster, (event, mention.concept), match is not None,
                                mention.kind))
    return mentions


def score_grouping(mentions: Sequence[Mention]) -> GroupingScores:
    """Mention recall and B-cubed over the mentions of one event, or of several pooled."""
    found = sum(m.found for m in mentions)
    precision, recall, f = bcubed([m.cluster for m in mentions], [m.concept for m in mentions])
    return GroupingScores(
        gold=len(mentions), found=found, mention_recall=ratio(found, len(mentions)) or 0.0,
        b3_precision=precision, b3_recall=recall, b3_f1=f,
    )


def macro_grouping(scores: Sequence[GroupingScores]) -> GroupingScores:
    """The mean of each figure over events (counts are summed)."""
    return GroupingScores(
        gold=sum(s.gold for s in scores), found=sum(s.found for s in scores),
        mention_recall=mean_of([s.mention_recall for s in scores]) or 0.0,
        b3_precision=mean_of([s.b3_precision for s in scores]) or 0.0,
        b3_recall=mean_of([s.b3_recall for s in scores]) or 0.0,
        b3_f1=mean_of([s.b3_f1 for s in scores]) or 0.0,
    )


def mean_of(values: Iterable[float | None]) -> float | None:
    """The mean of the defined values, or None when there are none."""
    defined = [v for v in values if v is not None]
    return mean(defined) if defined else None


def touches_any(span: Span, spans: Iterable[Span]) -> bool:
    """Whether `span` overlaps at least one of `spans`."""
    return any(overlap(span, other) > 0 for other in spans)


def wording_counts(
    annotated: Sequence[BiasSpan], highlights: Sequence[Highlight], words: int
) -> WordingCounts:
    """Lexical-bias spans found and highlights on annotated spans, for one event."""
    lex = [a.span for a in annotated if a.bias == "lex"]
    marked = [h.span for h in highlights]
    every = [a.span for a in annotated]
    return WordingCounts(
        lex_spans=len(lex), lex_found=sum(touches_any(s, marked) for s in lex),
        highlights=len(marked), highlights_on_spans=sum(touches_any(h, every) for h in marked),
        words=words,
    )


def category_counts(
    annotated: Sequence[BiasSpan], highlights: Sequence[Highlight]
) -> dict[str, WordingCounts]:
    """The wording counts of each highlight category on its own (words left at 0)."""
    categories = sorted({h.category for h in highlights})
    return {
        c: wording_counts(annotated, [h for h in highlights if h.category == c], 0)
        for c in categories
    }


def resample_events(events: Sequence[T], draws: int = DRAWS, seed: int = SEED
                    ) -> Iterator[list[T]]:
    """``draws`` bootstrap samples of the events: each as many events as there are, drawn
    with replacement (a fixed seed, so the same inputs give the same samples). An event
    carries everything measured on it, so its articles move together."""
    rng = random.Random(seed)
    for _ in range(draws):
        yield [rng.choice(events) for _ in events]


def interval95(values: Iterable[float | None]) -> tuple[float, float] | None:
    """The 2.5th and 97.5th percentiles of the defined values (nearest rank below), or None
    when none is defined."""
    defined = sorted(v for v in values if v is not None)
    if not defined:
        return None
    return defined[int(0.025 * (len(defined) - 1))], defined[int(0.975 * (len(defined) - 1))]


def bootstrap_wording(
    events: Sequence[WordingCounts], figure: str, draws: int = DRAWS, seed: int = SEED
) -> tuple[float, float] | None:
    """A 95% interval of a pooled wording figure ("lex_recall", "precision") over events:
    the figure pooled over each of ``draws`` bootstrap samples of the events."""
    if not events:
        return None
    return interval95(getattr(sum(sample, WordingCounts()), figure)
                      for sample in resample_events(events, draws, seed))


# Rows: how cleanly each framing referent stays on one gold concept


@dataclass(frozen=True)
class RowTally:
    """One framing row in one event: its matches in scope and the gold concepts they land on.

    `concepts` holds (concept, matches) pairs, most matches first (ties by name).
    """

    row: str
    matches: int
    concepts: tuple[tuple[str, int], ...]

    @property
    def on_gold(self) -> int:
        """Matches that land on a gold mention."""
        return sum(n for _, n in self.concepts)

    @property
    def on_main(self) -> int:
        """Matches that land on the row's main concept (the one it hits most)."""
        return self.concepts[0][1] if self.concepts else 0


@dataclass(frozen=True)
class RowCounts:
    """Counts behind row purity and rows off gold; add them to pool events."""

    on_gold: int = 0
    on_main: int = 0
    rows: int = 0
    rows_off: int = 0

    def __add__(self, other: RowCounts) -> RowCounts:
        return RowCounts(self.on_gold + other.on_gold, self.on_main + other.on_main,
                         self.rows + other.rows, self.rows_off + other.rows_off)

    @property
    def purity(self) -> float | None:
        """Share of rows' matches on gold that land on their row's main concept."""
        return ratio(self.on_main, self.on_gold)

    @property
    def off_gold(self) -> float | None:
        """Share of rows with MIN_ROW_MATCHES or more matches that land on no gold mention."""
        return ratio(self.rows_off, self.rows)


def in_scope(highlights: Iterable[Highlight], scope: Sequence[Span] | None) -> list[Highlight]:
    """The highlights that overlap a scope span (all of them when `scope` is None)."""
    if scope is None:
        return list(highlights)
    return [h for h in highlights if touches_any(h.span, scope)]


def row_tallies(gold: Sequence[GoldMention], referents: Sequence[Highlight],
                scope: Sequence[Span] | None = None) -> list[RowTally]:
    """Each row's matches in scope and the concepts of the gold mentions they overlap most.

    `scope` limits the matches counted (ECB+: its annotated sentences); None counts all.
    """
    marks = by_article(Highlight(g.span, g.concept) for g in gold)
    matches: Counter[str] = Counter()
    concepts: dict[str, Counter[str]] = {}
    for referent in in_scope(referents, scope):
        matches[referent.category] += 1
        hit = best_highlight(referent.span, marks.get(referent.span.article, ()))
        if hit is not None:
            concepts.setdefault(referent.category, Counter())[hit.category] += 1
    return [
        RowTally(row, n, tuple(sorted(concepts.get(row, Counter()).items(),
                                      key=lambda kv: (-kv[1], kv[0]))))
        for row, n in sorted(matches.items())
    ]


def row_counts(tallies: Iterable[RowTally]) -> RowCounts:
    """Purity and off-gold counts of the rows of one event."""
    total = RowCounts()
    for tally in tallies:
        large = tally.matches >= MIN_ROW_MATCHES
        total += RowCounts(tally.on_gold, tally.on_main, int(large),
                           int(large and tally.on_gold == 0))
    return total


def by_kind(mentions: Sequence[Mention]) -> dict[str, GroupingScores]:
    """Mention recall and B-cubed over the gold mentions of each type alone."""
    kinds = sorted({m.kind for m in mentions})
    return {k: score_grouping([m for m in mentions if m.kind == k]) for k in kinds}


# Folds and spread


def assign_folds(dataset: str, events: Sequence[str]) -> dict[str, str]:
    """Each event's fold, "tune" or "check", from its name and its dataset's event list.

    ECB+ (`ecb-tNN-ecb`, `ecb-tNN-plus`): odd topics NN tune, even topics check, so both
    parts of a topic share a fold. Other datasets: alternate in sorted name order, the first
    event tuning.
    """
    folds = {}
    for index, name in enumerate(sorted(events)):
        topic = re.match(r"ecb-t(\d+)-", name) if dataset == "ecbplus" else None
        number = int(topic.group(1)) + 1 if topic else index
        folds[name] = FOLDS[number % 2]
    return folds


@dataclass(frozen=True)
class Spread:
    """How a figure varies across events: min, median, max and standard deviation."""

    events: int
    low: float
    middle: float
    high: float
    sd: float


def spread(values: Iterable[float | None]) -> Spread | None:
    """The spread of the defined values (population standard deviation), or None if none."""
    defined = [v for v in values if v is not None]
    if not defined:
        return None
    return Spread(len(defined), min(defined), median(defined), max(defined), pstdev(defined))


def pooled_rows(counts: Mapping[str, RowCounts], names: Iterable[str]) -> RowCounts:
    """The row counts of the named events added up."""
    return sum((counts[n] for n in names), RowCounts())
