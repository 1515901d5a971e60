"""Whose words: the quotations and reported speech in an article, and who speaks in each.

Rules over tokens, no parser (measured against BASIL's annotations by
``benchmarks/evaluate_voices.py``), one module per step:

1. **Direct quotes** (:mod:`framing.voices.quotes`): the text between double quote marks, attributed
   from the words after or before it; an unattributed quote that follows an attributed one
   continues it. Other unattributed quotes are the outlet's own words in quote marks
   ("terrorists", a subheading) and are not quotations.
2. **Reported speech** (:mod:`framing.voices.attribution`): a speech verb with its subject and
   ``according to X``. A partial quote inside reported speech is a quote of its own, with the
   same speaker and verb (same ``verb_start``): count attributions by verb, not by quote.
3. **Who** (:mod:`framing.voices.speakers`): pronouns, "the source" and surnames resolve to a
   speaker    or person named before; the kind of source comes from the speaker phrase and its
   apposition (:mod:`framing.voices.phrases` finds those phrases).
4. The attribution verb's connotation is read from the lexicons' ``attribution-verbs`` cue
   category, passed in as data (:mod:`framing.voices.speech_words`, with the word lists of
   ``framing/data/speech.toml``).

This module is the public face of those steps: import from here.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Literal

from framing.model import Article, Corpus, Group, Lexicon, Match, Sentence
from framing.text.tokens import Tok, paragraph_at, sentence_at, tokens, within
from framing.voices.attribution import reported_speech
from framing.voices.phrases import proper_name
from framing.voices.quotes import (
    Quote,
    Segment,
    SpeakerKind,
    attribute_direct,
    continuations,
    quote_segments,
)
from framing.voices.speakers import resolve_speakers, speaker_kind, speaker_referent
from framing.voices.speech_words import SPEECH_FORMS, attribution_verbs, verb_connotation

__all__ = [
    "SPEECH_FORMS",
    "Quote",
    "Segment",
    "SpeakerKind",
    "Tok",
    "Voice",
    "attribution_verbs",
    "corpus_quotes",
    "find_quotes",
    "proper_name",
    "quote_finder",
    "quote_segments",
    "speaker_kind",
    "speaker_referent",
    "tokens",
    "verb_connotation",
    "voice_of",
]

Voice = Literal["own", "quoted"]


def find_quotes(article: Article, verbs: Sequence[Group] = ()) -> tuple[Quote, ...]:
    """Every quotation and attribution in the article, its speaker resolved, in text order."""
    original, article = article, _whole_sentences(article)
    text = article.layer.folded
    segments = quote_segments(article)
    direct = {s.start: found for s in segments if (found := attribute_direct(article, text, s))}
    used = {r.verb_start for r in direct.values() if not r.shared}
    inside = [(s.start, s.end) for s in segments]
    quoted = within(inside)
    reported = [
        r for index, sentence in enumerate(article.sentences)
        for r in reported_speech(article.layer, sentence.start, sentence.end, index, quoted,
                                 used)
        if not quoted(r.start)
    ]
    raw = continuations(article, segments, direct, reported)
    resolved = resolve_speakers(article, text, raw, verbs, inside)
    return tuple(sorted((replace(q, sentence=sentence_at(original, q.start)) for q in resolved),
                        key=lambda q: q.start))


def _whole_sentences(article: Article) -> Article:
    """The article with a sentence that opens with a comma or a lowercase word joined to the
    one before: the splitter cuts after abbreviations ('Sen. Ron Wyden, D-Ore., said')."""
    merged: list[Sentence] = []
    for sentence in article.sentences:
        head = article.text[sentence.start:sentence.start + 1]
        if merged and not sentence.in_title and not merged[-1].in_title and (
            head in ",;:)" or head.islower()
        ) and paragraph_at(article, merged[-1].start) == paragraph_at(article, sentence.start):
            merged[-1] = replace(merged[-1], end=sentence.end)
        else:
            merged.append(sentence)
    return replace(article, sentences=tuple(merged))


def corpus_quotes(corpus: Corpus, lexicons: Sequence[Lexicon]) -> tuple[Quote, ...]:
    """The quotes of every article of the corpus, article by article."""
    verbs = attribution_verbs(lexicons)
    return tuple(q for article in corpus.articles
                 for q in _one_per_span(find_quotes(article, verbs)))


def _one_per_span(quotes: Sequence[Quote]) -> list[Quote]:
    """One statement per span of words. Nested reported speech ("Kelly Townsend said Mr. Trump
    told them that he was interested ...") gives the innermost words to two speakers; they
    belong to the outer attribution, the first verb in the text, since the inner one is part of
    what is reported. The quotes keep their order."""
    first: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        kept = first.get((q.start, q.end))
        if kept is None or _verb_at(q) < _verb_at(kept):
            first[(q.start, q.end)] = q
    return [q for q in quotes if first[(q.start, q.end)] is q]


def _verb_at(q: Quote) -> int:
    """Where the attribution verb stands; a continued quotation (no verb) after any verb."""
    return q.verb_start if q.verb_start >= 0 else 1 << 62


def voice_of(
    match: Match, quotes: Sequence[Quote], direct_only: bool = False
) -> tuple[Voice, str | None]:
    """Whether a match is in the outlet's own words or quoted, and whose words they are.

    Reported speech counts as quoted unless ``direct_only``. The innermost quote holding the
    match's start wins; the speaker is the resolved name, else the speaker as written.
    """
    inner = quote_finder(quotes, direct_only)(match.article, match.start)
    return ("own", None) if inner is None else ("quoted", inner.name or inner.speaker or None)


def quote_finder(
    quotes: Sequence[Quote], direct_only: bool = False
) -> Callable[[str, int], Quote | None]:
    """A lookup of the innermost quote (direct ones only, if asked) holding an offset of an
    article. Quotes are indexed by start, so a lookup reads only those that start within one
    quote's length before the offset: an article of a megabyte has thousands of quotes."""
    by_article: defaultdict[str, list[Quote]] = defaultdict(list)
    for q in sorted(quotes, key=lambda q: (q.article, q.start)):
        if q.direct or not direct_only:
            by_article[q.article].append(q)
    starts = {a: [q.start for q in qs] for a, qs in by_article.items()}
    longest = {a: max(q.end - q.start for q in qs) for a, qs in by_article.items()}

    def innermost(article: str, pos: int) -> Quote | None:
        found = by_article.get(article, [])
        i = bisect.bisect_right(starts.get(article, []), pos)
        holding = []
        while i > 0 and found[i - 1].start > pos - longest[article]:
            i -= 1
            if pos < found[i].end:
                holding.append(found[i])
        return min(holding, key=lambda q: (q.end - q.start, not q.direct), default=None)

    return innermost
