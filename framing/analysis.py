"""The whole analysis, data in and data out: corpus and lexicons in, a Report out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from framing.actors.corrections import Correction, apply_corrections
from framing.actors.discovery import discover
from framing.actors.mentions import resolve_mentions
from framing.classroom.discussion import discuss
from framing.copy.alignment import align_corpus
from framing.counts.distinctive import distinctive_terms
from framing.counts.scoring import connotation_shares, count_labels
from framing.counts.tone import actor_tones
from framing.engine import Engine, InProcess
from framing.lexicon.matching import (
    Candidate,
    CompiledTerm,
    TermIndex,
    compile_terms,
    find_candidates,
    index_terms,
    resolve,
)
from framing.lexicon.packs import choose_packs
from framing.lexicon.ratings import rate_discovered
from framing.model import AnalysisConfig, Article, Corpus, Group, Lexicon, Match, PackChoice, Report
from framing.voices.agency import (
    Action,
    Casualty,
    HeadlineVoice,
    find_actions,
    find_casualties,
    headline_voice,
)
from framing.voices.evaluative import find_evaluative
from framing.voices.statements import Quote, corpus_quotes, quote_finder

# (stage, articles done, articles in all): each stage is announced with 0 done when it starts;
# the stages that go article by article report each one.
Progress = Callable[[str, int, int], None]


def analyze(
    corpus: Corpus,
    lexicons: Sequence[Lexicon],
    config: AnalysisConfig | None = None,
    progress: Progress | None = None,
    corrections: tuple[Correction, ...] = (),
    forced_packs: Collection[str] = (),
    engine: Engine | None = None,
) -> Report:
    """Every stage in order, each reading the articles' text layer (built when they were read).

    1. Lexicons: every pack offered is matched; the domain packs that fit the corpus are kept
       (lexicon/packs.py), and those named in ``forced_packs``.
    2. Actors: the lexicons' referents, those found in the text (actors/discovery.py), both
       corrected by the folder's referents.toml; found labels that hold a lexicon term take
       its rating (lexicon/ratings.py).
    3. Mentions: every actor matched again, a descriptor and a name counted as one mention
       (actors/mentions.py).
    4. Voices: quotations and statements; evaluative words beyond the hand lists, ranked in
       context (voices/evaluative.py); whose words each label is; who acts.
    5. Counts: labels per outlet with their graded scores; the tone of the loaded words aimed
       at each actor (counts/tone.py); distinctive words; shared copy.
    6. Classroom: the findings that differ most, discussion questions, glossary examples
       (classroom/discussion.py), each stating only figures the report holds.

    ``engine`` runs the matching, article by article (by default in this process: sending an
    article's text layer to another process costs about what matching it does); the other
    stages compare articles and run here.
    """
    config = config or AnalysisConfig()
    engine = engine or InProcess()
    step = _stepper(progress, len(corpus.articles))
    offered = [g for lexicon in lexicons for g in lexicon.groups]
    index = index_terms(compile_terms(offered))
    found = _candidates(corpus, index, engine, progress, "Matching the lexicons")
    first = _resolved(corpus, found, index.by_order)
    packs = choose_packs(corpus, lexicons, first, forced_packs)
    lexicons = [p.lexicon for p in packs if p.chosen]
    chosen = {g.id for lexicon in lexicons for g in lexicon.groups}
    matches = [m for m in first if m.group in chosen]
    step("Finding actors in the text")
    groups = _actors(corpus, [g for g in offered if g.id in chosen], matches, config, corrections)
    groups = rate_discovered(groups, lexicons)
    if corrections:  # the lexicons' groups themselves may have changed: match them all again
        again = index_terms(compile_terms(groups))
        found = _candidates(corpus, again, engine, progress, "Matching the actors")
        matches = _resolved(corpus, found, again.by_order)
    elif config.discover:
        matches = _with_discovered(corpus, groups, chosen, found, index, engine, progress)
    del found  # millions of candidates on a large corpus: not needed past here
    step("Counting each mention once")
    groups, matches = resolve_mentions(corpus, groups, matches)
    step("Finding quotations")
    quotes = corpus_quotes(corpus, lexicons)
    step("Weighing evaluative words")
    evaluative = find_evaluative(corpus, matches, quotes, config.evaluative)
    if evaluative.group is not None and evaluative.lexicon is not None:
        groups = [*groups, evaluative.group]
        lexicons = [*lexicons, evaluative.lexicon]
        packs = (*packs, PackChoice(lexicon=evaluative.lexicon, chosen=True,
                                    reason=evaluative.reason, matches=len(evaluative.matches)))
        matches = _in_text_order(corpus, [*matches, *evaluative.matches])
    matches = _with_voices(matches, quotes)
    step("Reading who acts")
    voices = _agency(corpus, matches, quotes)
    counted = [m for m in matches if m.voice == "own"] if config.own_voice_only else matches
    step("Counting labels")
    labels, shares = count_labels(corpus, counted, groups), connotation_shares(counted, groups)
    step("Finding distinctive words")
    distinctive = distinctive_terms(corpus, config)
    step("Comparing shared copy")
    alignment = align_corpus(corpus, matches) if _aligns(corpus, config) else None
    step("Writing the findings")
    return discuss(Report(
        corpus=corpus,
        lexicons=tuple(lexicons),
        groups=tuple(_used_groups(groups, matches)),
        matches=tuple(matches),
        labels=labels,
        shares=shares,
        distinctive=distinctive,
        config=config,
        packs=packs,
        alignment=alignment,
        quotes=quotes,
        tones=actor_tones(corpus, matches, groups, voices["actions"]),
        **voices,
    ))


def _stepper(progress: Progress | None, articles: int) -> Callable[[str], None]:
    """Announces a stage that does not go article by article."""
    def step(stage: str) -> None:
        if progress:
            progress(stage, 0, articles)
    return step


def _actors(
    corpus: Corpus, groups: list[Group], matches: list[Match], config: AnalysisConfig,
    corrections: tuple[Correction, ...],
) -> list[Group]:
    """The lexicons' referents and those found in the text (what a lexicon match already
    covers is left to the lexicon), with the user's corrections applied."""
    if config.discover:
        groups = groups + list(discover(corpus, matches, config.min_mentions))
    if corrections:
        groups = apply_corrections(groups, corrections)
    return groups


def _candidates(
    corpus: Corpus, index: TermIndex, engine: Engine, progress: Progress | None, stage: str,
) -> list[list[Candidate]]:
    """Every article's candidate matches of the index's terms, each article reported to
    ``progress``."""
    total = len(corpus.articles)
    found: list[list[Candidate]] = []
    if progress:
        progress(stage, 0, total)
    for n, candidates in enumerate(engine.map(_candidates_in, index, corpus.articles), 1):
        found.append(candidates)
        if progress:
            progress(stage, n, total)
    return found


def _candidates_in(index: TermIndex, article: Article) -> list[Candidate]:
    """One article's candidates (run by the engine, maybe in another process)."""
    return find_candidates(article, index)


def _resolved(corpus: Corpus, found: Sequence[Sequence[Candidate]],
              terms: Mapping[int, CompiledTerm]) -> list[Match]:
    """Each article's candidates with overlaps resolved, article after article."""
    return [m for article, candidates in zip(corpus.articles, found, strict=True)
            for m in resolve(article, candidates, terms)]


def _with_discovered(
    corpus: Corpus, groups: Sequence[Group], chosen: Collection[str],
    found: Sequence[Sequence[Candidate]], index: TermIndex, engine: Engine,
    progress: Progress | None,
) -> list[Match]:
    """The matches of the chosen lexicons and of the actors found in the text, resolved
    together. The lexicons' candidates are those already found; only the new actors' terms
    are matched (numbered after the lexicons', so they lose ties as they would in one pass).
    """
    new = [g for g in groups if g.id not in chosen]
    extra = index_terms(compile_terms(new, first_order=len(index.terms)))
    more = _candidates(corpus, extra, engine, progress, "Matching the actors")
    kept = {c.order for c in index.terms if c.group.id in chosen}
    terms = {**index.by_order, **extra.by_order}
    return [m for article, old, added in zip(corpus.articles, found, more, strict=True)
            for m in resolve(article, [c for c in old if c[3] in kept] + added, terms)]


def _aligns(corpus: Corpus, config: AnalysisConfig) -> bool:
    """Pairwise alignment grows with the square of the articles: past the limit it is left
    out (the report says so) unless the limit is lifted (0)."""
    limit = config.align_max_articles
    return config.align and (limit == 0 or len(corpus.articles) <= limit)


def _in_text_order(corpus: Corpus, matches: Sequence[Match]) -> list[Match]:
    """Matches article by article (in corpus order), each article's by position."""
    order = {a.id: i for i, a in enumerate(corpus.articles)}
    return sorted(matches, key=lambda m: (order[m.article], m.start, m.end))


def _with_voices(matches: Sequence[Match], quotes: Sequence[Quote]) -> list[Match]:
    """Each match marked as the outlet's own words or inside a direct quotation (whose).

    Reported speech ("the Observatory said regime forces had ...") is the outlet's paraphrase,
    so only direct quotations make a label someone else's words.
    """
    innermost = quote_finder(quotes, direct_only=True)
    marked = []
    for m in matches:
        quote = innermost(m.article, m.start)
        speaker = None if quote is None else quote.name or quote.speaker or None
        marked.append(m if quote is None else replace(m, voice="quoted", speaker=speaker))
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
