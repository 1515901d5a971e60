"""Running `framing profile`: every event analysed, the outlets profiled across them, the
profile and each event's report written together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import click

from framing.cli.support import (
    FORMAT_NAMES,
    ProgressBar,
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
    from framing.profile.events import Profile
    from framing.render.output import Content


@dataclass(frozen=True, kw_only=True)
class ProfileRequest:
    """What `framing profile` was asked for, as parsed from the options."""

    corpus: Path
    output: str | None = None
    fmt: str | None = None
    lexicon_paths: tuple[Path, ...] = ()
    no_bundled: bool = False
    title: str | None = None
    discover: bool = True
    own_voice: bool = False
    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None


def events_folder(path: Path) -> Path:
    """Where the events' own reports go: beside the profile, in FILE-events/."""
    return path.with_name(f"{path.stem}-events")


def run_profile(request: ProfileRequest) -> None:
    """Analyse, profile, render and write; errors become clear messages."""
    from framing.render.output import check_destination, write_together

    stem = f"{_name(request.corpus)}-profile"
    path, chosen, named = resolve_output(request.output, request.fmt, stem)
    try:
        if chosen == "sqlite" and path is None:
            raise click.UsageError("a SQLite database is a file and cannot go to standard "
                                   "output: give -o FILE.sqlite")
        if path is not None:
            check_destination(path)
            if not named:
                refuse_foreign(path, f"choose a file with -o {path} (it will be replaced) "
                                     "or another name")
        pages_wanted = chosen == "html" and path is not None
        profile, pages = _profile(request, pages_wanted)
        files: list[tuple[Path, Content]] = []
        links: dict[str, str] = {}
        if path is not None and pages:
            folder = events_folder(path)
            folder.mkdir(exist_ok=True)
            names = unique([slugify(event_id, "event") for event_id, _ in pages])
            for (event_id, page), name in zip(pages, names, strict=True):
                target = folder / f"{name}.html"
                refuse_foreign(target, "move it away or write the profile elsewhere with -o")
                files.append((target, page))
                links[event_id] = quote(f"{folder.name}/{target.name}")
        content = _render(profile, chosen, request.title or profile.name, links)
        if path is None:
            click.echo(content, nl=False)
            return
        write_together([(path, content), *files])
    except FramingError as err:
        raise fail(err) from None
    click.echo(f"{len(profile.events)} events, {len(profile.profiles)} outlets"
               + (f"; {len(profile.skipped)} event(s) not analysed" if profile.skipped else ""))
    for event_id, why in profile.skipped:
        click.echo(printable(f"not analysed: {event_id}: {why}"), err=True)
    click.echo(f"Wrote {FORMAT_NAMES[chosen]} profile to {path}")
    if files:
        click.echo(f"Wrote {len(files)} event reports to {events_folder(path)}/")


def _profile(request: ProfileRequest, pages: bool) -> tuple[Profile, list[tuple[str, str]]]:
    """Find the events and profile them on the engine asked for."""
    from framing.lexicon.files import load_lexicons
    from framing.model import AnalysisConfig, ReadingLimits
    from framing.profile.events import Setup, find_events, profile_corpus
    from framing.render.profile import event_page

    lexicons = load_lexicons(lexicon_sources(request.lexicon_paths, request.no_bundled))
    events = find_events(request.corpus)
    setup = Setup(lexicons=tuple(lexicons), config=AnalysisConfig(discover=request.discover,
                                                         own_voice_only=request.own_voice),
                  limits=ReadingLimits(), render=event_page if pages else None)
    with opened_engine(request.engine, request.scheduler, request.workers) as engine:
        profile, found = profile_corpus(_name(request.corpus), events, setup, engine,
                                        ProgressBar("Analysing events"))
        return profile, list(found)


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
