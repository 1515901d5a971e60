"""The whole analysis, data in and data out: corpus and lexicons in, a Report out."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .distinctive import distinctive_terms
from .matching import compile_terms, find_matches, index_terms
from .model import AnalysisConfig, Corpus, Group, Lexicon, Match, Report
from .scoring import connotation_shares, count_labels

Progress = Callable[[int, int], None]  # (articles done, articles in all)


def analyze(
    corpus: Corpus,
    lexicons: Sequence[Lexicon],
    config: AnalysisConfig | None = None,
    progress: Progress | None = None,
) -> Report:
    """Match every lexicon term in every article, count and weigh them, find distinctive terms."""
    config = config or AnalysisConfig()
    groups = [g for lexicon in lexicons for g in lexicon.groups]
    terms = index_terms(compile_terms(groups))
    matches: list[Match] = []
    for done, article in enumerate(corpus.articles, 1):
        matches.extend(find_matches(article, terms))
        if progress:
            progress(done, len(corpus.articles))
    used = {m.group for m in matches}
    return Report(
        corpus=corpus,
        lexicons=tuple(lexicons),
        groups=tuple(_used_groups(groups, used)),
        matches=tuple(matches),
        labels=count_labels(corpus, matches),
        shares=connotation_shares(matches),
        distinctive=distinctive_terms(corpus, config),
        config=config,
    )


def _used_groups(groups: Sequence[Group], used: set[str]) -> list[Group]:
    """Referents first, then cues, each in lexicon order; only those that occur."""
    chosen = [g for g in groups if g.id in used]
    return [g for g in chosen if g.kind == "referent"] + [g for g in chosen if g.kind == "cue"]
