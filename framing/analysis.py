"""The whole analysis, data in and data out: corpus and lexicons in, a Report out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

from .alignment import align_corpus
from .corrections import Correction, apply_corrections
from .discovery import discover
from .distinctive import distinctive_terms
from .matching import compile_terms, find_matches, index_terms
from .model import AnalysisConfig, Corpus, Group, Lexicon, Match, Report
from .packs import choose_packs
from .scoring import connotation_shares, count_labels

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

    Discovery needs the lexicon's matches first (names a lexicon covers are left to it), so
    with discovery on, articles are matched twice: lexicon alone, then lexicon and discovered.
    ``corrections`` (from the folder's referents.toml) then merge, split, rename or drop
    referents before the final matching. Domain packs are used only when they fit the corpus
    (packs.py), or when named in ``forced_packs``.
    """
    config = config or AnalysisConfig()
    packs = choose_packs(corpus, lexicons, forced_packs)
    lexicons = [p.lexicon for p in packs if p.chosen]
    groups: list[Group] = [g for lexicon in lexicons for g in lexicon.groups]
    passes = 2 if config.discover or corrections else 1
    matches = _match_all(corpus, groups, progress, passes, 0)
    if config.discover:
        groups += discover(corpus, matches, config.min_mentions)
    if corrections:
        groups = apply_corrections(groups, corrections)
    if passes == 2:
        matches = _match_all(corpus, groups, progress, passes, 1)
    return Report(
        corpus=corpus,
        lexicons=tuple(lexicons),
        groups=tuple(_used_groups(groups, matches)),
        matches=tuple(matches),
        labels=count_labels(corpus, matches),
        shares=connotation_shares(matches),
        distinctive=distinctive_terms(corpus, config),
        config=config,
        packs=packs,
        alignment=align_corpus(corpus, matches) if config.align else None,
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


def _used_groups(groups: Sequence[Group], matches: Sequence[Match]) -> list[Group]:
    """The groups that occur: lexicon referents, then discovered ones, each most mentioned
    first; then cue categories in lexicon order."""
    mentions = Counter(m.group for m in matches)
    referents = sorted(
        (g for g in groups if g.kind == "referent" and mentions[g.id]),
        key=lambda g: (g.origin != "lexicon", -mentions[g.id], g.id),
    )
    return referents + [g for g in groups if g.kind == "cue" and mentions[g.id]]
