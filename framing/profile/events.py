"""A corpus of events: find them, analyse each one as `framing report` would, and profile
the outlets across them.

Each event is read, analysed, and rendered (when a page is asked for) on its own, by the
engine (in parallel from ``PARALLEL_FROM`` events, or on Dask); only its summary and its page
come back, so memory holds one event's articles per worker, not the corpus's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.actors.corrections import Correction, load_corrections
from framing.analysis import analyze
from framing.engine import Engine, InProcess, local_pool
from framing.errors import FramingError, InputError
from framing.model import AnalysisConfig, Document, Lexicon, ReadingLimits, Report
from framing.profile.figures import OutletProfile, profiles
from framing.profile.summary import EventSummary, summarize
from framing.text.loading import (
    DEFAULT_LIMITS,
    FEED_TYPES,
    build_corpus,
    load_corpus,
    load_feed,
)

PARALLEL_FROM = 8  # events from which they are analysed in several processes
Progress = Callable[[int, int], None]  # (events done, events in all)
RenderEvent = Callable[[Report], str]
OnPage = Callable[[str, str], None]  # (event id, its report page)


@dataclass(frozen=True, kw_only=True)
class EventInput:
    """An event to analyse: its id, and its folder or its articles (rows of a feed)."""

    id: str
    folder: Path | None = None
    documents: tuple[Document, ...] = ()


@dataclass(frozen=True, kw_only=True)
class EventResult:
    """An analysed event: its summary, and its report page when one was asked for."""

    summary: EventSummary
    page: str | None


@dataclass(frozen=True, kw_only=True)
class Profile:
    """The outlets across a corpus of events."""

    name: str
    events: tuple[EventSummary, ...]
    profiles: tuple[OutletProfile, ...]
    skipped: tuple[tuple[str, str], ...]  # events left out: (id, why)


@dataclass(frozen=True, kw_only=True)
class Setup:
    """What every event is analysed with (sent to each worker once)."""

    lexicons: tuple[Lexicon, ...]
    config: AnalysisConfig
    limits: ReadingLimits
    render: RenderEvent | None


def find_events(corpus: Path, limits: ReadingLimits = DEFAULT_LIMITS) -> list[EventInput]:
    """The events of ``corpus``: its subfolders holding at least one file, by name; or, when
    it is a .jsonl or .csv feed, its rows grouped by their ``event`` field."""
    if corpus.is_file() and corpus.suffix.lower() in FEED_TYPES:
        return _feed_events(corpus, limits)
    if not corpus.is_dir():
        raise InputError(f"{corpus}: not a folder; give a folder of event folders, each one "
                         "what `framing report` reads, or a .jsonl or .csv feed with an "
                         "'event' field")
    folders = sorted((p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith(".")
                      and any(f.is_file() for f in p.iterdir())), key=lambda p: p.name)
    if not folders:
        raise InputError(f"{corpus}: no event folders; put each event's articles in a folder "
                         "of its own inside it (one folder per event, two outlets or more)")
    return [EventInput(id=p.name, folder=p) for p in folders]


def _feed_events(feed: Path, limits: ReadingLimits) -> list[EventInput]:
    """A feed's rows by event, events in the order they first appear."""
    docs, _ = load_feed(feed, limits)
    by_event: dict[str, list[Document]] = {}
    for doc in docs:
        if not doc.event:
            raise InputError(f"{doc.source}: no 'event' field; `framing profile` groups a "
                             "feed's rows by event: give every row one")
        by_event.setdefault(doc.event, []).append(doc)
    return [EventInput(id=event, documents=tuple(found)) for event, found in by_event.items()]


def profile_corpus(
    name: str, events: Sequence[EventInput], setup: Setup, engine: Engine | None = None,
    progress: Progress | None = None, on_page: OnPage | None = None,
) -> Profile:
    """Every event analysed, then the outlets profiled across them. Each event's page (when
    ``setup.render`` makes one) goes to ``on_page`` as soon as it is made, so pages are never
    all held at once."""
    engine = engine or local_pool(len(events), PARALLEL_FROM)
    summaries: list[EventSummary] = []
    skipped: list[tuple[str, str]] = []
    for n, (event, result) in enumerate(zip(events, engine.map(_run_event, setup, events),
                                            strict=True), 1):
        if isinstance(result, str):
            skipped.append((event.id, result))
        else:
            summaries.append(result.summary)
            if result.page is not None and on_page is not None:
                on_page(event.id, result.page)
        if progress:
            progress(n, len(events))
    if not summaries:
        raise InputError(f"{name}: no event could be analysed: "
                         + "; ".join(f"{i}: {why}" for i, why in skipped[:3]))
    return Profile(name=name, events=tuple(summaries), profiles=profiles(summaries),
                   skipped=tuple(skipped))


def _run_event(setup: Setup, event: EventInput) -> EventResult | str:
    """One event, read, analysed and rendered in one place (a worker); an event framing
    cannot read (one outlet, no article) is skipped with the reason, not the whole run."""
    try:
        if event.folder is None:
            corpus = build_corpus(event.id, list(event.documents), [], limits=setup.limits,
                                  engine=InProcess())
            corrections: tuple[Correction, ...] = ()
        else:
            corpus = load_corpus(event.folder, limits=setup.limits, engine=InProcess())
            corrections = load_corrections(event.folder)
        report = analyze(corpus, setup.lexicons, setup.config, corrections=corrections,
                         engine=InProcess())
    except FramingError as err:
        return str(err)
    page = setup.render(report) if setup.render is not None else None
    return EventResult(summary=summarize(event.id, report), page=page)
