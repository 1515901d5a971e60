"""The whole analysis, data in and data out: corpus and lexicons in, a Report out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import Any

from .agency import Action, Casualty, HeadlineVoice, find_actions, find_casualties, headline_voice
from .alignment import align_corpus
from .corrections import Correction, apply_corrections
from .discovery import discover
from .distinctive import distinctive_terms
from .matching import compile_terms, find_matches, index_terms
from .mentions import resolve_mentions
from .model import AnalysisConfig, Corpus, Group, Lexicon, Match, Report
from .packs import choose_packs
from .ratings import rate_discovered
from .scoring import connotation_shares, count_labels
from .voices import Quote, corpus_quotes, voice_of

Progress = Callable[[int, int], None]  # (articles done, articles in all)


def analyze(
    corpus: Corpus,
    lexicons: Sequence[Lexicon],
    config: AnalysisConfig | None = None,
    progress: Progress | None = None,
    corrections: tuple[Correction, ...] = (),
    forced_packs: Collection[str] = (),
) -> Report:
    """Match lexicon terms and discovered referents, count and weigh them, find distinctive terms.

    The first pass matches every lexicon offered; it decides which domain packs fit, and its
    matches of the chosen ones tell discovery which names a lexicon already covers. With
    discovery on, a second pass matches the chosen lexicons and the discovered referents.
    ``corrections`` (from the folder's referents.toml) then merge, split, rename or drop
    referents before the final matching. Domain packs are used only when they fit the corpus
    (packs.py), or when named in ``forced_packs``.
    """
    config = config or AnalysisConfig()
    passes = 2 if config.discover or corrections else 1
    offered = [g for lexicon in lexicons for g in lexicon.groups]
    first = _match_all(corpus, offered, progress, passes, 0)
    packs = choose_packs(corpus, lexicons, first, forced_packs)
    lexicons = [p.lexicon for p in packs if p.chosen]
    chosen = {g.id for lexicon in lexicons for g in lexicon.groups}
    groups: list[Group] = [g for g in offered if g.id in chosen]
    matches = [m for m in first if m.group in chosen]
    if config.discover:
        groups += discover(corpus, matches, config.min_mentions)
    if corrections:
        groups = apply_corrections(groups, corrections)
    groups = rate_discovered(groups, lexicons)
    if passes == 2:
        matches = _match_all(corpus, groups, progress, passes, 1)
    groups, matches = resolve_mentions(corpus, groups, matches)
    quotes = corpus_quotes(corpus, lexicons)
    matches = _with_voices(matches, quotes)
    voices = _agency(corpus, matches, quotes)
    counted = [m for m in matches if m.voice == "own"] if config.own_voice_only else matches
    return Report(
        corpus=corpus,
        lexicons=tuple(lexicons),
        groups=tuple(_used_groups(groups, matches)),
        matches=tuple(matches),
        labels=count_labels(corpus, counted, groups),
        shares=connotation_shares(counted, groups),
        distinctive=distinctive_terms(corpus, config),
        config=config,
        packs=packs,
        alignment=align_corpus(corpus, matches) if _aligns(corpus, config) else None,
        quotes=quotes,
        **voices,
    )


def _match_all(
    corpus: Corpus, groups: Sequence[Group], progress: Progress | None, passes: int, done: int
) -> list[Match]:
    """Every article's matches for these groups; progress counts articles over all passes."""
    index = index_terms(compile_terms(groups))
    total = passes * len(corpus.articles)
    matches: list[Match] = []
    for n, article in enumerate(corpus.articles, 1):
        matches.extend(find_matches(article, index))
        if progress:
            progress(done * len(corpus.articles) + n, total)
    return matches


def _aligns(corpus: Corpus, config: AnalysisConfig) -> bool:
    """Pairwise alignment grows with the square of the articles: past the limit it is left
    out (the report says so) unless the limit is lifted (0)."""
    limit = config.align_max_articles
    return config.align and (limit == 0 or len(corpus.articles) <= limit)


def _with_voices(matches: Sequence[Match], quotes: Sequence[Quote]) -> list[Match]:
    """Each match marked as the outlet's own words or inside a direct quotation (whose).

    Reported speech ("the Observatory said regime forces had ...") is the outlet's paraphrase,
    so only direct quotations make a label someone else's words.
    """
    by_article: defaultdict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_article[quote.article].append(quote)
    marked = []
    for m in matches:
        voice, speaker = voice_of(m, by_article[m.article], direct_only=True)
        marked.append(replace(m, voice=voice, speaker=speaker) if voice == "quoted" else m)
    return marked


def _agency(
    corpus: Corpus, matches: Sequence[Match], quotes: Sequence[Quote]
) -> dict[str, tuple[Any, ...]]:
    """Who acts: referents as agents or patients, casualty wording, headline voices."""
    by_article: defaultdict[str, list[Match]] = defaultdict(list)
    for m in matches:
        by_article[m.article].append(m)
    quotes_of: defaultdict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        quotes_of[q.article].append(q)
    actions: list[Action] = []
    casualties: list[Casualty] = []
    headlines: list[HeadlineVoice] = []
    for article in corpus.articles:
        found = find_actions(article, by_article[article.id])
        actions.extend(found)
        casualties.extend(find_casualties(article, quotes_of[article.id]))
        headline = headline_voice(article, found)
        if headline is not None:
            headlines.append(headline)
    return {
        "actions": tuple(actions),
        "casualties": tuple(casualties),
        "headline_voices": tuple(headlines),
    }


def _used_groups(groups: Sequence[Group], matches: Sequence[Match]) -> list[Group]:
    """The groups that occur: lexicon referents, then discovered ones, each most mentioned
    first; then cue categories in lexicon order."""
    mentions = Counter(m.group for m in matches)
    referents = sorted(
        (g for g in groups if g.kind == "referent" and mentions[g.id]),
        key=lambda g: (g.origin != "lexicon", -mentions[g.id], g.id),
    )
    return referents + [g for g in groups if g.kind == "cue" and mentions[g.id]]
