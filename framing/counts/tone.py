"""Tone toward each actor: the loaded words an outlet aims at it, weighed by their strength.

Not the sentence's overall sentiment: only the negative or positive cue words (the hand lists'
loaded words and attribution verbs, the general lexicons' evaluative words) whose target is the
actor. A loaded verb's target is its agent, where the agency stage found one ("Fox slammed
Peña Nieto": Fox); any other word's is the actor mentioned nearest it in its sentence, within
``NEAR`` words ("the lavish party of the senator": the senator), the later mention on a tie,
since an evaluative adjective stands before its noun. A word with no actor that near is aimed
at no one.

Words in the outlet's own voice make the tone; words inside a quotation are someone else's and
are counted apart, so a reader can tell an outlet's judgement from the judgements it reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from framing.anchors import match_id
from framing.counts.scoring import signed_score
from framing.model import Corpus, Group, Match
from framing.text.layer import TextLayer
from framing.voices.agency import Action

NEAR = 6  # words between a loaded word and an actor's mention, at most
LOADED = ("negative", "positive")


@dataclass(frozen=True, kw_only=True)
class ActorTone:
    """An outlet's loaded words aimed at one actor, and their strength-weighted tone."""

    outlet: str
    referent: str
    tone: float | None  # mean signed score (-3..3) of the words in the outlet's own voice
    negative: int  # own-voice words that are negative
    positive: int
    quoted: int  # words aimed at the actor inside quotations (not in the tone)
    words: tuple[str, ...]  # the ids (framing.anchors) of every word counted, own and quoted


def actor_tones(
    corpus: Corpus, matches: Sequence[Match], groups: Sequence[Group],
    actions: Sequence[Action] = (),
) -> tuple[ActorTone, ...]:
    """Per outlet and referent with at least one loaded word aimed at it, in outlet order
    then the groups' order. A loaded verb ("slammed", "scoffs at") portrays whoever does it:
    its target is its agent where the agency stage found one (``actions``), not the actor
    nearest it, who is often its object."""
    agents = {(a.article, a.verb_start): a.group for a in actions if a.role == "agent"}
    strength = {(g.id, t.phrase): t.strength for g in groups for t in g.terms}
    index = {a.id: i for i, a in enumerate(corpus.articles)}
    by_article: defaultdict[str, list[Match]] = defaultdict(list)
    for m in matches:
        by_article[m.article].append(m)
    aimed: defaultdict[tuple[str, str], list[tuple[Match, int]]] = defaultdict(list)
    for article in corpus.articles:
        found = by_article[article.id]
        actors: defaultdict[int, list[Match]] = defaultdict(list)  # by sentence
        for m in found:
            if m.kind == "referent":
                actors[m.sentence].append(m)
        for word in found:
            if word.kind != "cue" or word.connotation not in LOADED:
                continue
            target = (agents.get((word.article, word.start))
                      or _target(article.layer, word, actors[word.sentence]))
            score = signed_score(word.connotation, strength.get((word.group, word.term)))
            if target is not None and score is not None:
                aimed[(word.outlet, target)].append((word, score))
    order = {g.id: n for n, g in enumerate(groups)}
    outlets = {o.id: n for n, o in enumerate(corpus.outlets)}
    tones = []
    for (outlet, referent), words in sorted(aimed.items(),
                                            key=lambda kv: (outlets[kv[0][0]],
                                                            order.get(kv[0][1], len(order)))):
        own = [score for m, score in words if m.voice == "own"]
        tones.append(ActorTone(
            outlet=outlet, referent=referent,
            tone=round(sum(own) / len(own), 3) if own else None,
            negative=sum(s < 0 for s in own), positive=sum(s > 0 for s in own),
            quoted=sum(m.voice != "own" for m, _ in words),
            words=tuple(match_id(index[m.article], m.start) for m, _ in words)))
    return tuple(tones)


def _target(layer: TextLayer, word: Match, actors: Sequence[Match]) -> str | None:
    """The referent mentioned nearest ``word`` among ``actors`` (its sentence's mentions),
    within ``NEAR`` words, counted from the mention's nearer edge; the later one on a tie."""
    at = layer.token_index_at(word.start)
    if at is None:
        return None
    best: tuple[int, int, str] | None = None
    for actor in actors:
        first = layer.token_index_at(actor.start)
        last = layer.token_index_at(max(actor.end - 1, actor.start))
        if first is None or last is None:
            continue
        distance = first - at if first > at else max(at - last, 0)
        key = (distance, -first, actor.group)
        if distance <= NEAR and (best is None or key < best):
            best = key
    return None if best is None else best[2]
