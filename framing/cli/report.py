"""Running `framing report` (and `demo`): read, analyse, render, write; the blind edition."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from framing.cli.support import (
    FORMAT_NAMES,
    ProgressBar,
    Request,
    StageProgress,
    check_output,
    check_packs,
    fail,
    lexicon_sources,
    opened_engine,
    printable,
    refuse_foreign,
    resolve_output,
)
from framing.errors import FramingError, OutputError
from framing.model import ReadingLimits

if TYPE_CHECKING:
    from framing.classroom.blind import BlindKey
    from framing.engine import Engine
    from framing.model import EvaluativeMode, Report
    from framing.render.output import Content


@dataclass(frozen=True, kw_only=True)
class ReportRequest(Request):
    """What `framing report` (or `demo`) was asked for, as parsed from the options."""

    packs: tuple[str, ...] = ()
    top_terms: int = 12
    evaluative: str = "model"
    align_limit: int = 200
    blind: bool = False
    seed: str = "framing"
    handout: bool = False
    limits: ReadingLimits = field(default_factory=ReadingLimits)
    evidence_per_cell: int | None = None  # None: as the page's size allows (render/html.py)
    default_stem: str = "report"


@dataclass(frozen=True)
class _Blind:
    """The blind edition's key, and its page for the teacher."""

    key: BlindKey
    page: str


def _key_path(path: Path) -> Path:
    """Where the key to a blind report goes: beside it, FILE-key.html."""
    return path.with_name(f"{path.stem}-key{path.suffix}")


def _analyse(request: ReportRequest) -> tuple[Report, _Blind | None]:
    """Load lexicons and articles, apply referents.toml, analyse (blinded when asked), on the
    engine asked for."""
    with opened_engine(request.engine, request.scheduler, request.workers) as engine:
        return _analyse_on(request, engine)


def _analyse_on(request: ReportRequest, engine: Engine | None) -> tuple[Report, _Blind | None]:
    from framing.actors.corrections import load_corrections
    from framing.analysis import analyze
    from framing.classroom.blind import blind_corpus, blind_report
    from framing.lexicon.files import is_bundled, load_lexicons
    from framing.model import AnalysisConfig
    from framing.render.html import render_key
    from framing.text.loading import load_corpus

    lexicons = load_lexicons(lexicon_sources(request.lexicon_paths, request.no_bundled))
    check_packs(request.packs, lexicons)
    forced = {*request.packs, *(lex.path for lex in lexicons if not is_bundled(lex))}
    corpus = load_corpus(request.corpus, ProgressBar("Reading articles"), request.limits,
                         engine)
    for skipped in corpus.skipped:
        click.echo(printable(f"skipped {skipped.source}: {skipped.reason}"), err=True)
    for article in corpus.articles:
        kept = len(article.paragraphs) + (article.title_span is not None)
        if len(article.removed) >= 20 and len(article.removed) > kept:
            click.echo(printable(
                f"{article.source}: {len(article.removed):,} lines removed as page chrome or "
                f"repeats, {kept:,} kept (each one and its reason is in the report)"), err=True)
    if corpus.sentences_cut:
        click.echo(f"{corpus.sentences_cut} sentence(s) longer than "
                   f"{corpus.limits.max_sentence_words} words cut into pieces for the rules "
                   "(--max-sentence-words)", err=True)
    corrections = load_corrections(request.corpus)
    config = AnalysisConfig(top_terms=request.top_terms, discover=request.discover,
                            own_voice_only=request.own_voice,
                            evaluative=cast("EvaluativeMode", request.evaluative),
                            align_max_articles=request.align_limit)
    stages = StageProgress()
    if not request.blind:
        report = analyze(corpus, lexicons, config, stages, corrections, forced, engine)
        stages.close()
        return report, None
    blinded, key = blind_corpus(corpus, request.seed)
    analysed = analyze(blinded, lexicons, config, stages, corrections, forced, engine)
    stages.close()
    page = render_key(analysed, key, request.title or corpus.name)
    return blind_report(analysed, key), _Blind(key=key, page=page)


def _render(request: ReportRequest, fmt: str, report: Report, blind: _Blind | None) -> Content:
    """The report in the chosen format (a database as the function that writes it); a blind
    page that still names an outlet is refused."""
    from framing.classroom.blind import find_leaks, mask_names, ordinary_name
    from framing.render.export import render_csv, render_json
    from framing.render.html import Edition, render_html
    from framing.render.sqlite import render_sqlite

    if fmt == "json":
        return render_json(report)
    if fmt == "csv":
        return render_csv(report)
    if fmt == "sqlite":
        return render_sqlite(report)
    title = request.title
    if blind is not None:
        title = mask_names(request.title or report.corpus.name, blind.key)
    key = blind.key if blind is not None else None
    edition = Edition(blind=request.blind, handout=request.handout,
                      evidence_per_cell=request.evidence_per_cell,
                      hide=None if key is None else lambda text: mask_names(text, key))
    page = render_html(report, title, edition=edition)
    leaks = find_leaks(page, key) if key is not None else ()
    ordinary = [name for name in leaks if ordinary_name(name)]
    if ordinary:
        raise OutputError(
            f"the blind report would still show {', '.join(ordinary)}: an outlet named by an "
            "ordinary word cannot be hidden in a page that uses the word itself; give the "
            "outlet a name of its own in outlets.csv (file,outlet) and run again. Nothing was "
            "written")
    if leaks:
        raise OutputError(
            f"the blind report would still name {', '.join(leaks)}; nothing was written. "
            "Please report this as a bug, with the articles"
        )
    return page


def run_report(request: ReportRequest) -> None:
    """Analyse, render and write, printing the summary; errors become clear messages."""
    from framing.render.output import write_together
    from framing.render.text import render_summary

    path, chosen, named = resolve_output(request.output, request.fmt, request.default_stem)
    try:
        if request.blind and (chosen != "html" or path is None):
            raise click.UsageError("--blind writes an HTML report and its key beside it: "
                                   "give -o FILE.html")
        check_output(path, chosen, named)
        if path is not None and request.blind:
            refuse_foreign(_key_path(path), "move it away or choose another name with -o")
        report, blind = _analyse(request)
        content = _render(request, chosen, report, blind)
        if path is None:
            click.echo(content, nl=False)  # text: a database never goes to standard output
        else:
            pages = [(path, content)]
            if blind is not None:
                pages.append((_key_path(path), blind.page))
            write_together(pages)  # a blind report and its key: both or neither
    except FramingError as err:
        raise fail(err) from None
    click.echo(printable(render_summary(report)), err=path is None)
    if path is not None:
        click.echo(f"Wrote {FORMAT_NAMES[chosen]} report to {path}")
    if blind is not None and path is not None:
        click.echo(f"Wrote the key to it to {_key_path(path)}")
