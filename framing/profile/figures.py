"""Each outlet's figures across events, each with a bootstrap interval over events.

A figure pools the outlet's counts over the events it covered (loaded words per 1,000 words =
all its loaded words / all its words x 1,000). Its interval resamples those events with
replacement (``RESAMPLES`` times, a fixed seed per number of events, so the same corpus gives
the same intervals) and takes the middle 95 % of the pooled figure: an outlet that hedges
heavily in two events and never in ten gets a wide interval, not a confident mean. A figure
resting on fewer than ``FEW_EVENTS`` events is flagged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from framing.counts.distinctive import log_odds_z
from framing.profile.summary import EventSummary, OutletEvent

RESAMPLES = 1000
FEW_EVENTS = 5  # below this many events a figure carries a warning
MIN_TERM_COUNT = 5  # a distinctive word is used at least this often by the outlet
MIN_TERM_EVENTS = 2  # ... in at least this many events
DISTINCTIVE_WORDS = 15
Z_95 = 1.96


@dataclass(frozen=True, kw_only=True)
class Figure:
    """One figure of an outlet: its value, its 95 % interval and the events it rests on."""

    name: str
    value: float
    low: float
    high: float
    events: int
    referent: str | None = None  # the actor it is about
    category: str | None = None  # the domain, kind of speaker or word it is about

    @property
    def few(self) -> bool:
        return self.events < FEW_EVENTS


@dataclass(frozen=True, kw_only=True)
class LabelUse:
    """A label an outlet gave an actor: how often, in how many events."""

    referent: str
    label: str
    count: int
    events: int


@dataclass(frozen=True, kw_only=True)
class OutletProfile:
    """An outlet across the events it covered."""

    outlet: str
    events: tuple[str, ...]
    words: int
    figures: tuple[Figure, ...]
    labels: tuple[LabelUse, ...]


Pair = tuple[float, float]  # one event's numerator and denominator


def profiles(events: Sequence[EventSummary]) -> tuple[OutletProfile, ...]:
    """Every outlet's profile, outlets by name."""
    names = sorted({o.outlet for e in events for o in e.outlets}, key=str.casefold)
    return tuple(_profile(name, events) for name in names)


def _profile(name: str, events: Sequence[EventSummary]) -> OutletProfile:
    covered = [(e, o) for e in events for o in e.outlets if o.outlet == name]
    rows = [o for _, o in covered]
    figures = [
        _ratio("loaded_per_1000_words", [(o.loaded * 1000, o.words) for o in rows]),
        _ratio("hedges_per_1000_words", [(o.hedges * 1000, o.words) for o in rows]),
        _ratio("attribution_verbs_per_1000_words",
               [(o.attribution * 1000, o.words) for o in rows]),
        _ratio("loaded_attribution_share",
               [(o.loaded_attribution, o.attribution) for o in rows if o.attribution]),
        _ratio("shared_copy_share",
               [(o.shared or 0, o.compared) for o in rows if o.compared]),
        *_voices(rows),
        *_connotations(name, covered),
        *_distinctive(name, events),
    ]
    return OutletProfile(
        outlet=name, events=tuple(e.id for e, _ in covered), words=sum(o.words for o in rows),
        figures=tuple(f for f in figures if f is not None), labels=_labels(rows))


def _ratio(name: str, pairs: Sequence[Pair], **about: str) -> Figure | None:
    """Pooled numerator / pooled denominator over events, with its bootstrap interval (a
    resample whose denominators are all 0 is left out)."""
    if not pairs or not sum(d for _, d in pairs):
        return None
    nums = np.array([n for n, _ in pairs], dtype=float)
    dens = np.array([d for _, d in pairs], dtype=float)
    draws = _resamples(len(pairs))
    num_draws, den_draws = nums[draws].sum(axis=1), dens[draws].sum(axis=1)
    kept = den_draws > 0
    return _bootstrapped(name, float(nums.sum() / dens.sum()),
                         num_draws[kept] / den_draws[kept], len(pairs), about)


def _bootstrapped(name: str, value: float, spread: np.ndarray, events: int,
                  about: dict[str, str]) -> Figure:
    """The figure with the middle 95 % of its resampled values as its interval."""
    low, high = np.percentile(spread, [2.5, 97.5]) if spread.size else (value, value)
    return Figure(name=name, value=round(value, 4), low=round(float(low), 4),
                  high=round(float(high), 4), events=events, **about)


@cache
def _resamples(n: int) -> np.ndarray:
    """``RESAMPLES`` draws of n event indices with replacement; the seed is n, so the same
    number of events is always resampled the same way."""
    return np.random.default_rng(n).integers(0, n, size=(RESAMPLES, n))


def _voices(rows: Sequence[OutletEvent]) -> list[Figure | None]:
    """The share of the outlet's statements given to each kind of speaker."""
    kinds = sorted({k for o in rows for k in o.voices})
    with_statements = [o for o in rows if sum(o.voices.values())]
    return [_ratio("voice_share", [(o.voices.get(kind, 0), sum(o.voices.values()))
                                   for o in with_statements], category=kind)
            for kind in kinds]


def _connotations(name: str, covered: Sequence[tuple[EventSummary, OutletEvent]]
                  ) -> list[Figure | None]:
    """For each actor (and each domain lexicon) the outlet and another outlet rate in two
    events or more: the mean signed score of its rated mentions minus the other outlets' mean
    on the same events."""
    by_actor: defaultdict[str, list[tuple[Pair, Pair]]] = defaultdict(list)
    by_domain: defaultdict[str, list[tuple[Pair, Pair]]] = defaultdict(list)
    for event, own in covered:
        others = [o for o in event.outlets if o.outlet != name]
        for actor, use in own.actors.items():
            theirs = [o.actors[actor] for o in others if actor in o.actors]
            other = (sum(u.score_sum for u in theirs), sum(u.rated for u in theirs))
            if use.rated and other[1]:
                by_actor[actor].append(((use.score_sum, use.rated), other))
                if use.domain:
                    by_domain[use.domain].append(((use.score_sum, use.rated), other))
    return [
        *(_difference("connotation_vs_others", pairs, referent=actor)
          for actor, pairs in sorted(by_actor.items()) if _telling(pairs)),
        *(_difference("connotation_vs_others", pairs, category=domain)
          for domain, pairs in sorted(by_domain.items()) if _telling(pairs)),
    ]


def _telling(pairs: Sequence[tuple[Pair, Pair]]) -> bool:
    """Two events or more, and a label that is not neutral on one side or the other: an actor
    every outlet only names ("Trump", "Republicans") has no connotation to compare."""
    return len(pairs) >= 2 and any(own[0] or other[0] for own, other in pairs)


def _difference(name: str, pairs: Sequence[tuple[Pair, Pair]], **about: str) -> Figure:
    """Own mean minus others' mean, each pooled over the same events, resampled together."""
    own = np.array([p[0] for p in pairs], dtype=float)
    other = np.array([p[1] for p in pairs], dtype=float)

    def diff(o: np.ndarray, t: np.ndarray) -> np.ndarray:
        return np.asarray(o[..., 0] / o[..., 1] - t[..., 0] / t[..., 1])

    draws = _resamples(len(pairs))
    return _bootstrapped(name, float(diff(own.sum(axis=0), other.sum(axis=0))),
                         diff(own[draws].sum(axis=1), other[draws].sum(axis=1)), len(pairs),
                         about)


def _distinctive(name: str, events: Sequence[EventSummary]) -> list[Figure]:
    """Words the outlet uses more than the others on the events it covered (log-odds with an
    informative prior, Monroe et al. 2008, pooled over events); the interval is the log-odds
    ± 1.96 standard errors, and ``events`` the events in which the outlet used the word."""
    own: Counter[str] = Counter()
    others: Counter[str] = Counter()
    in_events: Counter[str] = Counter()
    for event in events:
        mine = next((o for o in event.outlets if o.outlet == name), None)
        if mine is None:
            continue
        own.update(mine.terms)
        in_events.update(mine.terms.keys())
        for o in event.outlets:
            if o.outlet != name:
                others.update(o.terms)
    vocabulary = sorted(own.keys() | others.keys())
    if not vocabulary:
        return []
    a = np.array([own[w] for w in vocabulary], dtype=float)
    b = np.array([others[w] for w in vocabulary], dtype=float)
    delta, z = log_odds_z(a, b, a + b)
    se = np.divide(delta, z, out=np.zeros_like(delta), where=z != 0)
    ranked = sorted((i for i, w in enumerate(vocabulary) if own[w] >= MIN_TERM_COUNT
                     and in_events[w] >= MIN_TERM_EVENTS and z[i] > Z_95),
                    key=lambda i: (-z[i], vocabulary[i]))[:DISTINCTIVE_WORDS]
    return [Figure(name="distinctive_word", category=vocabulary[i],
                   value=round(float(delta[i]), 4),
                   low=round(float(delta[i] - Z_95 * se[i]), 4),
                   high=round(float(delta[i] + Z_95 * se[i]), 4),
                   events=in_events[vocabulary[i]]) for i in ranked]


def _labels(rows: Sequence[OutletEvent]) -> tuple[LabelUse, ...]:
    """Every label the outlet gave each actor, most used first."""
    counts: Counter[tuple[str, str]] = Counter()
    events: Counter[tuple[str, str]] = Counter()
    for o in rows:
        for actor, use in o.actors.items():
            for label, n in use.labels.items():
                counts[actor, label] += n
                events[actor, label] += 1
    return tuple(LabelUse(referent=a, label=lb, count=n, events=events[a, lb])
                 for (a, lb), n in sorted(counts.items(), key=lambda x: (x[0][0], -x[1], x[0][1])))


def figure_map(profile: OutletProfile) -> Mapping[tuple[str, str | None, str | None], Figure]:
    """The profile's figures by (name, referent, category)."""
    return {(f.name, f.referent, f.category): f for f in profile.figures}
