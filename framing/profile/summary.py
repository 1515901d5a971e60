"""One event's report reduced to what a profile across events needs, per outlet.

An event's full report (its matches, sentences and texts) is written as its own page and then
dropped; only these counts travel on, so a profile of thousands of events holds a few numbers
per outlet and event, not the articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from framing.classroom.blind import names_regex
from framing.counts.distinctive import not_distinctive, sentence_terms
from framing.model import Match, Report
from framing.text.tokens import within

LOADED = frozenset({"negative", "positive"})  # a highlight that judges, as BASIL is scored
HEDGES = "hedges"  # the cue category of hedges and epistemic markers (lexicons/cues.toml)
ATTRIBUTION = "attribution-verbs"  # the cue category of verbs that introduce a statement
HEADLINE_ACTORS = 2  # actors per event whose most used label the event matrix shows


@dataclass(frozen=True, kw_only=True)
class ActorUse:
    """How one outlet named one actor in one event: its labels, and the strength-weighted
    connotation of its rated mentions (the sum of signed scores, -3..3 each, and how many)."""

    name: str
    domain: str  # the domain lexicon the actor comes from ("": general, or found in the text)
    mentions: int
    labels: Mapping[str, int]
    score_sum: float
    rated: int


@dataclass(frozen=True, kw_only=True)
class OutletEvent:
    """One outlet's figures in one event."""

    outlet: str  # the outlet's name, the same in every event
    words: int
    articles: int
    loaded: int  # matches with a negative or positive connotation, as BASIL is scored
    hedges: int
    attribution: int  # verbs of saying, of which ``loaded_attribution`` judge the statement
    loaded_attribution: int
    voices: Mapping[str, int]  # statements by kind of speaker (official, witness ...)
    compared: int | None  # sentences compared for shared copy (None: alignment left out)
    shared: int | None  # of those, carried by another outlet of the event
    actors: Mapping[str, ActorUse]  # by actor id
    terms: Mapping[str, int] = field(default_factory=dict)  # words, for distinctive words


@dataclass(frozen=True, kw_only=True)
class EventSummary:
    """An event: its id (the folder's name), title, and each outlet's figures."""

    id: str
    title: str
    outlets: tuple[OutletEvent, ...]
    headline_actors: tuple[str, ...]  # the event's most mentioned actors, by id
    actor_names: Mapping[str, str]


def summarize(event_id: str, report: Report) -> EventSummary:
    """The per-outlet counts of ``report`` (an analysed event)."""
    corpus = report.corpus
    by_outlet: defaultdict[str, list[Match]] = defaultdict(list)
    for m in report.matches:
        by_outlet[m.outlet].append(m)
    shared = _shared_sentences(report)
    left_out, names = not_distinctive(corpus), names_regex(corpus)
    domains = {g.id: lex.name for lex in report.lexicons if lex.scope == "domain"
               for g in lex.groups}
    outlets = tuple(
        OutletEvent(
            outlet=o.name, words=o.words, articles=len(o.articles),
            loaded=sum(1 for m in by_outlet[o.id] if _loaded(m)),
            hedges=sum(1 for m in by_outlet[o.id] if m.group == HEDGES),
            attribution=sum(1 for m in by_outlet[o.id] if m.group == ATTRIBUTION),
            loaded_attribution=sum(1 for m in by_outlet[o.id]
                                   if m.group == ATTRIBUTION and m.connotation in LOADED),
            voices=Counter(q.kind for q in report.quotes if q.outlet == o.id),
            compared=None if shared is None else shared[0][o.id],
            shared=None if shared is None else shared[1][o.id],
            actors=_actors(report, o.id, domains),
            terms=_terms(report, o.articles, left_out, names),
        )
        for o in corpus.outlets
    )
    mentions = Counter(m.group for m in report.matches if m.kind == "referent")
    return EventSummary(
        id=event_id, title=corpus.name, outlets=outlets,
        headline_actors=tuple(g for g, _ in sorted(mentions.items(), key=lambda x: (-x[1], x[0]))
                              [:HEADLINE_ACTORS]),
        actor_names={g.id: g.name for g in report.groups if g.kind == "referent"},
    )


def _loaded(m: Match) -> bool:
    """A label or cue word that judges (negative or positive), in own words or quoted: the
    highlights benchmarks/evaluate.py scores against BASIL's annotators."""
    return m.kind in ("referent", "cue") and m.connotation in LOADED


def _actors(report: Report, outlet: str, domains: Mapping[str, str]) -> dict[str, ActorUse]:
    """Each actor the outlet mentions: its labels with counts, and its rated mentions; its
    domain is the name of the domain lexicon it comes from (`domains`: actor id -> name)."""
    groups = {g.id: g for g in report.groups if g.kind == "referent"}
    labels: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for row in report.labels:
        if row.outlet == outlet and row.group in groups:
            labels[row.group][row.term] = row.count
    uses = {}
    for share in report.shares:
        if share.outlet != outlet or share.group not in groups or not share.mentions:
            continue
        group = groups[share.group]
        score = share.score if share.score is not None else 0.0
        uses[share.group] = ActorUse(
            name=group.name, domain=domains.get(group.id, ""),
            mentions=share.mentions, labels=labels[share.group],
            score_sum=score * share.rated, rated=share.rated)
    return uses


def _shared_sentences(report: Report) -> tuple[Counter[str], Counter[str]] | None:
    """Per outlet: sentences compared, and those another outlet carries (None: not aligned)."""
    if report.alignment is None:
        return None
    outlet_of = {a.id: a.outlet for a in report.corpus.articles}
    compared = Counter(outlet_of[ref.article] for ref in report.alignment.compared)
    carried = {ref for al in report.alignment.alignments if al.outlet_a != al.outlet_b
               for ref in (*al.a, *al.b)}
    return compared, Counter(outlet_of[ref.article] for ref in carried)


def _terms(report: Report, articles: Iterable[str], left_out: frozenset[str],
           names: re.Pattern[str] | None) -> dict[str, int]:
    """The outlet's words as distinctive words counts them (folded; no stop words, house-style
    titles or transliteration particles), without the outlets' and agencies' names where they
    are written as names ("Fox News said", not "fox") and without initials ("R." of "R-Texas"):
    across events these are house style, not framing."""
    counts: Counter[str] = Counter()
    for article_id in articles:
        article = report.corpus.article(article_id)
        named = within(m.span() for m in names.finditer(article.text)) if names else None
        for i in range(len(article.sentences)):
            tokens = [t for t in article.layer.sentence_tokens(i)
                      if sum(c.isalpha() for c in t.text) > 1
                      and not (named and named(t.start))]
            counts.update(sentence_terms(tokens, 1, left_out))
    return dict(counts)

