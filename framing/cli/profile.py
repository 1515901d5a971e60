"""Running `framing profile`: every event analysed, the outlets profiled across them, the
profile and each event's report written together."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import click

from framing.cli.support import (
    FORMAT_NAMES,
    ProgressBar,
    Request,
    check_output,
    fail,
    lexicon_sources,
    opened_engine,
    printable,
    refuse_foreign,
    resolve_output,
)
from framing.errors import FramingError
from framing.slugs import slugify, unique

if TYPE_CHECKING:
    from framing.profile.events import EventInput, OnPage, Profile
    from framing.render.output import Content


def events_folder(path: Path) -> Path:
    """Where the events' own reports go: beside the profile, in FILE-events/."""
    return path.with_name(f"{path.stem}-events")


def run_profile(request: Request) -> None:
    """Analyse, profile, render and write; errors become clear messages.

    Each event's report is written to FILE-events/ as soon as it is made (a corpus of
    thousands of events never holds them all), every target checked before the analysis; the
    profile is written last, so a page that exists links only to reports that do."""
    from framing.profile.events import find_events
    from framing.render.output import write_atomic

    stem = f"{_name(request.corpus)}-profile"
    path, chosen, named = resolve_output(request.output, request.fmt, stem)
    try:
        check_output(path, chosen, named)
        events = find_events(request.corpus)
        targets = _event_targets(path, [e.id for e in events]) if chosen == "html" else {}
        written: dict[str, str] = {}

        def write_page(event_id: str, page: str) -> None:
            write_atomic(targets[event_id], page)
            written[event_id] = quote(f"{targets[event_id].parent.name}/"
                                      f"{targets[event_id].name}")

        profile = _profile(request, events, write_page if targets else None)
        for event_id, why in profile.skipped:
            click.echo(printable(f"not analysed: {event_id}: {why}"), err=True)
        content = _render(profile, chosen, request.title or profile.name, written)
        if path is None:
            click.echo(content, nl=False)
            return
        write_atomic(path, content)
    except FramingError as err:
        raise fail(err) from None
    click.echo(f"{len(profile.events)} events, {len(profile.profiles)} outlets"
               + (f"; {len(profile.skipped)} event(s) not analysed" if profile.skipped else ""))
    click.echo(f"Wrote {FORMAT_NAMES[chosen]} profile to {path}")
    if written:
        click.echo(f"Wrote {len(written)} event reports to {events_folder(path)}/")


def _event_targets(path: Path | None, event_ids: list[str]) -> dict[str, Path]:
    """Where each event's report goes (FILE-events/SLUG.html), checked before any work: a
    file there that framing did not write is never replaced."""
    if path is None:
        return {}
    folder = events_folder(path)
    names = unique([slugify(event_id, "event") for event_id in event_ids])
    targets = {event_id: folder / f"{name}.html"
               for event_id, name in zip(event_ids, names, strict=True)}
    for target in targets.values():
        refuse_foreign(target, "move it away or write the profile elsewhere with -o")
    folder.mkdir(exist_ok=True)
    return targets


def _profile(request: Request, events: list[EventInput],
             on_page: OnPage | None) -> Profile:
    """Profile the events on the engine asked for, each page to ``on_page``."""
    from framing.lexicon.files import load_lexicons
    from framing.model import AnalysisConfig, ReadingLimits
    from framing.profile.events import Setup, profile_corpus
    from framing.render.profile import event_page

    lexicons = load_lexicons(lexicon_sources(request.lexicon_paths, request.no_bundled))
    setup = Setup(lexicons=tuple(lexicons),
                  config=AnalysisConfig(discover=request.discover,
                                        own_voice_only=request.own_voice),
                  limits=ReadingLimits(), render=event_page if on_page else None)
    with opened_engine(request.engine, request.scheduler, request.workers) as engine:
        return profile_corpus(_name(request.corpus), events, setup, engine,
                              ProgressBar("Analysing events"), on_page)


def _name(corpus: Path) -> str:
    """The corpus's name: the folder's, or the feed file's without its extension."""
    path = corpus.resolve()
    return (path.stem if path.is_file() else path.name) or "corpus"


def _render(profile: Profile, fmt: str, title: str, links: dict[str, str]) -> Content:
    from framing.render.profile import (
        render_profile_csv,
        render_profile_html,
        render_profile_json,
        render_profile_sqlite,
    )

    if fmt == "json":
        return render_profile_json(profile)
    if fmt == "csv":
        return render_profile_csv(profile)
    if fmt == "sqlite":
        return render_profile_sqlite(profile)
    return render_profile_html(profile, title, links)
