"""framing's loaded wording against the annotators' per article and per outlet (BASIL); pure.

Per article, framing's loaded highlights (the negative and positive highlights the BASIL
wording figures count) are set beside the annotators' lexical-bias (`lex`) spans: Spearman's
rank correlation of the counts, and of the counts per 1,000 words (so that a long article
having more of both is not the whole story). Per outlet, each side's rate per 1,000 words,
pooled over events, orders the outlets; the two orderings are compared. Intervals and the
share of samples in which the orderings agree come from resampling events, all articles of
an event together (evaluation_metrics.resample_events).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import evaluation_metrics as metrics
from scipy import stats  # scikit-learn's own dependency

SIDES = ("loaded", "lex")  # framing's loaded highlights, the annotators' lex spans
Interval = tuple[float, float]


@dataclass(frozen=True)
class ArticleCounts:
    """One article: its event and outlet, framing's loaded highlights in it, the annotators'
    lex spans in it, and its words."""

    event: str
    outlet: str
    loaded: int
    lex: int
    words: int

    def rate(self, side: str) -> float | None:
        """`side` ("loaded" or "lex") per 1,000 words; None for an article of no words."""
        share = metrics.ratio(getattr(self, side), self.words)
        return None if share is None else 1000 * share


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rank correlation (scipy, ties averaged); None for fewer than two pairs or a
    side that does not vary, where it is undefined."""
    if len(x) != len(y):
        raise ValueError("every item needs a value on both sides")
    if len(x) < 2 or len(set(x)) < 2 or len(set(y)) < 2:
        return None
    return float(stats.spearmanr(x, y).statistic)


def kendall_tau(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Kendall's tau-b (scipy); None when a side is all ties."""
    if len(set(x)) < 2 or len(set(y)) < 2:
        return None
    return float(stats.kendalltau(x, y).statistic)


def article_spearman(articles: Iterable[ArticleCounts], rates: bool) -> float | None:
    """Spearman over articles between framing's loaded highlights and the annotators' lex
    spans: counts, or per 1,000 words (articles of no words left out)."""
    if not rates:
        chosen = list(articles)
        return spearman([a.loaded for a in chosen], [a.lex for a in chosen])
    pairs = [(a.rate("loaded"), a.rate("lex")) for a in articles]
    defined = [(f, p) for f, p in pairs if f is not None and p is not None]
    return spearman([f for f, _ in defined], [p for _, p in defined])


def outlet_rates(articles: Iterable[ArticleCounts], side: str) -> dict[str, float | None]:
    """Per outlet (sorted), `side` per 1,000 words, pooled over its articles."""
    counts: dict[str, list[int]] = {}
    for article in articles:
        total = counts.setdefault(article.outlet, [0, 0])
        total[0] += getattr(article, side)
        total[1] += article.words
    return {outlet: None if words == 0 else 1000 * n / words
            for outlet, (n, words) in sorted(counts.items())}


def ordering(rates: Mapping[str, float | None]) -> tuple[str, ...]:
    """The outlets from the highest rate to the lowest (ties by name; undefined last)."""
    return tuple(sorted(rates, key=lambda o: (rates[o] is None, -(rates[o] or 0.0), o)))


def same_order(first: Mapping[str, float | None], second: Mapping[str, float | None]
               ) -> bool | None:
    """Whether two sets of rates rank the same outlets alike (ties must tie on both sides);
    None when a rate is undefined."""
    outlets = sorted(first)
    one, two = [first[o] for o in outlets], [second.get(o) for o in outlets]
    if sorted(second) != outlets or None in one or None in two:
        return None
    return list(stats.rankdata(one)) == list(stats.rankdata(two))


def order_tau(first: Mapping[str, float | None], second: Mapping[str, float | None]
              ) -> float | None:
    """Kendall's tau-b between two sets of rates over the outlets both define."""
    outlets = [o for o in sorted(first) if first[o] is not None and second.get(o) is not None]
    return kendall_tau([first[o] or 0.0 for o in outlets], [second[o] or 0.0 for o in outlets])


def by_event(articles: Iterable[ArticleCounts]) -> list[list[ArticleCounts]]:
    """The articles grouped by event, events in order of first appearance."""
    groups: dict[str, list[ArticleCounts]] = {}
    for article in articles:
        groups.setdefault(article.event, []).append(article)
    return list(groups.values())


@dataclass(frozen=True)
class Draw:
    """The figures of one set of articles (all of them, or one bootstrap sample)."""

    spearman_count: float | None
    spearman_rate: float | None
    framing: dict[str, float | None]
    people: dict[str, float | None]

    @classmethod
    def of(cls, articles: Sequence[ArticleCounts]) -> Draw:
        """Measure the articles."""
        return cls(article_spearman(articles, rates=False),
                   article_spearman(articles, rates=True),
                   outlet_rates(articles, "loaded"), outlet_rates(articles, "lex"))


@dataclass(frozen=True)
class Comparison:
    """framing against the annotators over a set of events: the figures, their 95% bootstrap
    intervals over events, and the share of samples whose two outlet orderings agree."""

    events: int
    articles: int
    figures: Draw
    spearman_count_interval: Interval | None
    spearman_rate_interval: Interval | None
    framing_intervals: dict[str, Interval | None]
    people_intervals: dict[str, Interval | None]
    order_agreement: float | None
    draws: int

    @property
    def orders_match(self) -> bool | None:
        """Whether framing orders the outlets as the annotators do."""
        return same_order(self.figures.framing, self.figures.people)

    @property
    def tau(self) -> float | None:
        """Kendall's tau-b between framing's and the annotators' outlet rates."""
        return order_tau(self.figures.framing, self.figures.people)


def sample_draws(groups: Sequence[Sequence[ArticleCounts]], draws: int, seed: int
                 ) -> list[Draw]:
    """The figures of each bootstrap sample of the events (articles grouped by event); a
    sample drawing the same events as an earlier one, in any order, is measured once."""
    measured: dict[tuple[int, ...], Draw] = {}
    samples = []
    for sample in metrics.resample_events(range(len(groups)), draws, seed) if groups else ():
        key = tuple(sorted(sample))
        if key not in measured:
            measured[key] = Draw.of([a for i in key for a in groups[i]])
        samples.append(measured[key])
    return samples


def compare(articles: Sequence[ArticleCounts], draws: int = metrics.DRAWS,
            seed: int = metrics.SEED) -> Comparison:
    """framing against the annotators over these articles, with bootstrap samples of their
    events (fixed seed: the same articles give the same figures)."""
    groups = by_event(articles)
    samples = sample_draws(groups, draws, seed)
    outlets = sorted({a.outlet for a in articles})
    agree = [same_order(s.framing, s.people) for s in samples]
    defined = [a for a in agree if a is not None]
    return Comparison(
        events=len(groups), articles=len(articles), figures=Draw.of(articles),
        spearman_count_interval=metrics.interval95(s.spearman_count for s in samples),
        spearman_rate_interval=metrics.interval95(s.spearman_rate for s in samples),
        framing_intervals={o: metrics.interval95(s.framing.get(o) for s in samples)
                           for o in outlets},
        people_intervals={o: metrics.interval95(s.people.get(o) for s in samples)
                          for o in outlets},
        order_agreement=metrics.ratio(sum(defined), len(defined)), draws=len(samples),
    )
