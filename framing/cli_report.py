"""Running `framing report` (and `demo`): read, analyse, render, write; the blind edition."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli_support import ProgressBar, check_packs, fail, lexicon_sources, resolve_output
from .errors import FramingError, OutputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .blind import BlindKey
    from .corrections import Correction
    from .model import AnalysisConfig, Corpus, Lexicon, Report

@dataclass(frozen=True, kw_only=True)
class ReportRequest:
    """What `framing report` (or `demo`) was asked for, as parsed from the options."""

    corpus: Path
    output: str | None = None
    fmt: str | None = None
    lexicon_paths: tuple[Path, ...] = ()
    no_bundled: bool = False
    packs: tuple[str, ...] = ()
    title: str | None = None
    top_terms: int = 12
    discover: bool = True
    own_voice: bool = False
    align_limit: int = 200
    blind: bool = False
    seed: str = "framing"
    handout: bool = False
    default_stem: str = "report"


def _blind_run(
    request: ReportRequest,
    corpus: Corpus,
    lexicons: Sequence[Lexicon],
    config: AnalysisConfig,
    bar: ProgressBar,
    corrections: tuple[Correction, ...],
    forced: set[str],
) -> tuple[Report, tuple[str, BlindKey]]:
    """Analyse the blinded corpus; the key page names the outlets."""
    from .analysis import analyze
    from .blind import blind_corpus, blind_report
    from .render_html import render_key

    blinded, key = blind_corpus(corpus, request.seed)
    analysed = analyze(blinded, lexicons, config, bar, corrections, forced)
    key_page = render_key(analysed, key, request.title or corpus.name)
    return blind_report(analysed, key), (key_page, key)


def _refuse_leaks(page: str, key: BlindKey) -> None:
    """A blind report that still names an outlet must not be written."""
    from .blind import find_leaks

    leaks = find_leaks(page, key)
    if leaks:
        raise OutputError(
            f"the blind report would still name {', '.join(leaks)}; nothing was written. "
            "Please report this as a bug, with the articles"
        )


def run_report(request: ReportRequest) -> None:
    from .analysis import analyze
    from .blind import mask_names
    from .corrections import load_corrections
    from .export import render_csv, render_json
    from .lexicon import load_lexicons
    from .loading import load_corpus
    from .model import AnalysisConfig
    from .output import made_by_framing, write_atomic
    from .render_html import Edition, render_html
    from .render_text import render_summary

    path, chosen, named = resolve_output(request.output, request.fmt, request.default_stem)
    try:
        if path is not None and not named and path.exists() and not made_by_framing(path):
            raise OutputError(
                f"{path} exists and was not written by framing; choose a file with -o {path} "
                "(it will be replaced) or another name"
            )
        sources = lexicon_sources(request.lexicon_paths, request.no_bundled)
        lexicons = load_lexicons(sources)
        check_packs(request.packs, lexicons)
        user_files = {lex.path for lex in lexicons if "(bundled)" not in lex.path}
        if request.blind and (chosen != "html" or path is None):
            raise click.UsageError("--blind writes an HTML report and its key beside it: "
                                   "give -o FILE.html")
        corpus = load_corpus(request.corpus, ProgressBar("Reading articles"))
        for skipped in corpus.skipped:
            click.echo(f"skipped {skipped.source}: {skipped.reason}", err=True)
        corrections = load_corrections(request.corpus)
        config = AnalysisConfig(top_terms=request.top_terms, discover=request.discover,
                                own_voice_only=request.own_voice,
                                align_max_articles=request.align_limit)
        bar = ProgressBar("Analysing articles")
        if request.blind:
            report, key_page = _blind_run(request, corpus, lexicons, config, bar,
                                          corrections, {*request.packs, *user_files})
        else:
            report = analyze(
                corpus, lexicons, config, bar, corrections, {*request.packs, *user_files}
            )
            key_page = None
        edition = Edition(blind=request.blind, handout=request.handout)
        title = request.title
        if key_page is not None:
            title = mask_names(request.title or corpus.name, key_page[1])
        renderers = {
            "html": lambda: render_html(report, title, edition=edition),
            "json": lambda: render_json(report),
            "csv": lambda: render_csv(report),
        }
        content = renderers[chosen]()
        if key_page is not None:
            _refuse_leaks(content, key_page[1])
        if path is None:
            click.echo(content, nl=False)
        else:
            write_atomic(path, content)
            if key_page is not None:
                key_path = path.with_name(f"{path.stem}-key{path.suffix}")
                write_atomic(key_path, key_page[0])
    except FramingError as err:
        raise fail(err) from None
    click.echo(render_summary(report), err=path is None)
    if path is not None:
        click.echo(f"Wrote {chosen.upper()} report to {path}", err=False)
    if request.blind and path is not None:
        click.echo(f"Wrote the key to it to {path.with_name(f'{path.stem}-key{path.suffix}')}")


