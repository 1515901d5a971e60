"""The command line: parse options, call the core, turn errors into clear messages.

Only this module talks to the terminal. Every command's docstring is its --help text.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import click

if TYPE_CHECKING:
    from .blind import BlindKey
    from .corrections import Correction
    from .model import AnalysisConfig, Corpus, Lexicon, Report

from . import __version__
from .errors import FramingError, OutputError

Format = Literal["html", "json", "csv"]
FORMATS: tuple[Format, ...] = ("html", "json", "csv")
EXTENSIONS: dict[str, Format] = {".html": "html", ".htm": "html", ".json": "json", ".csv": "csv"}
PROGRESS_FROM = 25  # show a progress bar from this many articles on
F = TypeVar("F", bound=Callable[..., Any])


class _Handler(logging.Handler):
    """Core warnings go to stderr as 'warning: ...' lines."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


def _setup_logging(verbose: bool) -> None:
    log = logging.getLogger("framing")
    log.handlers[:] = [_Handler()]
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False


def _fail(err: FramingError) -> click.ClickException:
    return click.ClickException(str(err))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def cli() -> None:
    """Show how different news outlets frame the same event.

    Give framing a folder of articles about one event from several outlets; it writes a
    report that shows, side by side and with evidence, how each outlet names the actors and
    which words set it apart. Start with the bundled example:

        framing demo
    """


def main() -> None:
    """Entry point of the `framing` command."""
    cli(prog_name="framing")


def _lexicon_options(func: F) -> F:
    func = click.option(
        "--lexicon", "lexicon_paths", multiple=True, metavar="PATH",
        type=click.Path(path_type=Path),
        help="A lexicon file or folder of .toml files to use besides the bundled ones, "
             "whatever it finds (repeat for several).",
    )(func)
    func = click.option(
        "--no-bundled-lexicons", is_flag=True,
        help="Use only the lexicons given with --lexicon.",
    )(func)
    return func


def _check_packs(packs: Sequence[str], lexicons: Sequence[Lexicon]) -> None:
    """--pack names must name a loaded pack: a typo must not silently do nothing."""
    names = {lex.path.split(" ")[0].removesuffix(".toml") for lex in lexicons}
    for pack in packs:
        if pack not in names:
            raise click.UsageError(
                f"no lexicon pack named {pack!r}; packs: {', '.join(sorted(names))}"
            )


def _lexicon_sources(paths: Sequence[Path], no_bundled: bool) -> list[Path | Traversable]:
    from .lexicon import bundled_lexicon_files, expand_paths, unique_sources

    if no_bundled and not paths:
        raise click.UsageError("--no-bundled-lexicons needs at least one --lexicon PATH")
    bundled: list[Path | Traversable] = [] if no_bundled else list(bundled_lexicon_files())
    return unique_sources([*bundled, *expand_paths(paths)])


# --------------------------------------------------------------------------- report


def _resolve_output(
    output: str | None, fmt: str | None, default_stem: str
) -> tuple[Path | None, Format, bool]:
    """(path or None for stdout, format, whether the user named the path)."""
    if output == "-":
        return None, (fmt or "html"), True  # type: ignore[return-value]  # fmt is a FORMATS choice
    if output is None:
        chosen: Format = fmt or "html"  # type: ignore[assignment]  # fmt is a FORMATS choice
        return Path(f"{default_stem}.{chosen}"), chosen, False
    path = Path(output)
    if fmt:
        return path, fmt, True  # type: ignore[return-value]  # fmt is a FORMATS choice
    inferred = EXTENSIONS.get(path.suffix.lower())
    if inferred is None:
        raise click.UsageError(
            f"cannot tell the format of {output!r} from its extension; "
            "use .html, .json or .csv, or pass --format"
        )
    return path, inferred, True


class _ProgressBar:
    """A progress bar on stderr for one phase, shown only for long work on a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < PROGRESS_FROM or not sys.stderr.isatty():
                return
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done
        if done >= total:
            self.bar.__exit__(None, None, None)


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
    bar: _ProgressBar,
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


def _run_report(request: ReportRequest) -> None:
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

    path, chosen, named = _resolve_output(request.output, request.fmt, request.default_stem)
    try:
        if path is not None and not named and path.exists() and not made_by_framing(path):
            raise OutputError(
                f"{path} exists and was not written by framing; choose a file with -o {path} "
                "(it will be replaced) or another name"
            )
        sources = _lexicon_sources(request.lexicon_paths, request.no_bundled)
        lexicons = load_lexicons(sources)
        _check_packs(request.packs, lexicons)
        user_files = {lex.path for lex in lexicons if "(bundled)" not in lex.path}
        if request.blind and (chosen != "html" or path is None):
            raise click.UsageError("--blind writes an HTML report and its key beside it: "
                                   "give -o FILE.html")
        corpus = load_corpus(request.corpus, _ProgressBar("Reading articles"))
        for skipped in corpus.skipped:
            click.echo(f"skipped {skipped.source}: {skipped.reason}", err=True)
        corrections = load_corrections(request.corpus)
        config = AnalysisConfig(top_terms=request.top_terms, discover=request.discover,
                                own_voice_only=request.own_voice,
                                align_max_articles=request.align_limit)
        bar = _ProgressBar("Analysing articles")
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
        raise _fail(err) from None
    click.echo(render_summary(report), err=path is None)
    if path is not None:
        click.echo(f"Wrote {chosen.upper()} report to {path}", err=False)
    if request.blind and path is not None:
        click.echo(f"Wrote the key to it to {path.with_name(f'{path.stem}-key{path.suffix}')}")


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", metavar="PATH",
              help="Where to write the report; '-' writes to standard output. "
                   "[default: CORPUS-NAME-report.html in the current folder]")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="html (the report), json (every figure and match) or csv (the label table). "
                   "[default: from the -o extension, else html]")
@_lexicon_options
@click.option("--pack", "packs", multiple=True, metavar="NAME",
              help="Use this bundled domain pack even if few of its terms occur (repeat for "
                   "several; names as in 'framing lexicon list'). Packs are otherwise chosen "
                   "by what the articles contain.")
@click.option("--title", help="The event's name in the report. [default: the folder name]")
@click.option("--top-terms", type=click.IntRange(1, 100), default=12, show_default=True,
              help="Distinctive terms listed per outlet.")
@click.option("--no-discovery", is_flag=True,
              help="Count only lexicon terms; do not look for other actors in the text.")
@click.option("--own-voice", is_flag=True,
              help="Count only labels in the outlets' own words, not inside quotation marks "
                   "(a fairer comparison of the outlets' own choices).")
@click.option("--align-limit", type=click.IntRange(0), default=200, show_default=True,
              metavar="N",
              help="Compare shared copy only up to N articles (the comparison is pairwise, so "
                   "it grows with the square of the articles); 0 for no limit.")
@click.option("--blind", is_flag=True,
              help="Name the outlets Outlet A, B … and hide their names, bylines and credits, "
                   "so a class judges the words first; also writes FILE-key.html.")
@click.option("--seed", default="framing", show_default=True,
              help="With --blind: the seed of the letter order (same seed, same letters).")
@click.option("--handout", is_flag=True,
              help="A short report for class and print: the label matrix, connotation, "
                   "questions and the articles side by side.")
@click.option("-v", "--verbose", is_flag=True, help="Show more about what framing does.")
def report(
    corpus: Path,
    output: str | None,
    fmt: str | None,
    lexicon_paths: tuple[Path, ...],
    no_bundled_lexicons: bool,
    packs: tuple[str, ...],
    title: str | None,
    top_terms: int,
    no_discovery: bool,
    own_voice: bool,
    align_limit: int,
    blind: bool,
    seed: str,
    handout: bool,
    verbose: bool,
) -> None:
    """Compare how the outlets in CORPUS frame one event.

    CORPUS is a folder with one file per article (.txt, .md, .html saved pages) or feeds of
    many articles (.jsonl, .csv with outlet, title and text fields). An optional outlets.csv
    in the folder names each file's outlet (columns: file, outlet; optional title, date,
    url, credited_sources). Page chrome is removed and listed in the report.

    Actors come from the lexicons and from the text itself (names, titles, role words);
    a referents.toml in CORPUS merges, splits, renames or ignores them (see the README).

    Prints a summary table and writes the report. An existing file named with -o is
    replaced only when the run succeeds.

    \b
    Examples:
      framing report my-event/
      framing report my-event/ -o my-event.html --title "Summit in Vienna"
      framing report my-event/ --format json -o -      # JSON to standard output
      framing report my-event/ -o labels.csv            # the label table for a spreadsheet
      framing report my-event/ --blind -o class.html    # also writes class-key.html
      framing report my-event/ --handout -o handout.html
    """
    _setup_logging(verbose)
    _run_report(ReportRequest(
        corpus=corpus, output=output, fmt=fmt, lexicon_paths=lexicon_paths,
        no_bundled=no_bundled_lexicons, packs=packs, title=title, top_terms=top_terms,
        discover=not no_discovery, own_voice=own_voice, align_limit=align_limit, blind=blind,
        seed=seed,
        handout=handout, default_stem=f"{corpus.resolve().name or 'corpus'}-report",
    ))


@cli.command()
@click.option("-o", "--output", metavar="PATH", default=None,
              help="Where to write the demo report. [default: report.html]")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), help="html, json or csv.")
@click.option("--blind", is_flag=True, help="The blind edition, with report-key.html beside it.")
@click.option("--handout", is_flag=True, help="The short edition for class and print.")
def demo(output: str | None, fmt: str | None, blind: bool, handout: bool) -> None:
    """Write the report for the bundled example corpus (al-hader-2015).

    Five real articles from five outlets (Arutz Sheva, ARA News, Deccan Chronicle, TRT World,
    Reuters) about the capture of al-Hader near Aleppo in November 2015: the same actors,
    named very differently.

    \b
    Example:
      framing demo && xdg-open report.html
    """
    _setup_logging(False)
    with resources.as_file(resources.files("framing") / "corpora" / "al-hader-2015") as folder:
        _run_report(ReportRequest(
            corpus=folder, output=output, fmt=fmt, title="al-hader-2015", blind=blind,
            handout=handout, default_stem="report",
        ))


# --------------------------------------------------------------------------- lexicon


@cli.group()
def lexicon() -> None:
    """Check and list the lexicons: the editable word lists framing matches."""


@lexicon.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--shared", is_flag=True,
              help="Also list the phrases two files share (each occurrence counts once).")
def lexicon_check(paths: tuple[Path, ...], shared: bool) -> None:
    """Validate lexicon files; with no PATHS, the bundled ones.

    Names the file, the entry and the fix for every problem found. Exits with status 1 when
    there is any.

    \b
    Example:
      framing lexicon check lexicons/ my-terms.toml
    """
    from .errors import LexiconError
    from .lexicon import (
        bundled_lexicon_files,
        check_lexicons,
        expand_paths,
        load_lexicons,
        shared_phrases,
    )

    try:
        sources: list[Path | Traversable] = (
            list(expand_paths(paths)) if paths else list(bundled_lexicon_files())
        )
    except LexiconError as err:
        raise _fail(err) from None
    problems = check_lexicons(sources)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {len(sources)} file(s)")
    notes = shared_phrases(load_lexicons(sources))
    if shared:
        for note in notes:
            click.echo(note)
    hint = "" if shared or not notes else " (--shared lists them)"
    click.echo(f"{len(sources)} lexicon file(s) OK; {len(notes)} phrase(s) shared between "
               f"files{hint}")


@lexicon.command("suggest")
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", metavar="PATH", required=True,
              help="The draft lexicon file to write (.toml). An existing file is replaced "
                   "only if framing wrote it.")
@_lexicon_options
def lexicon_suggest(
    corpus: Path, output: str, lexicon_paths: tuple[Path, ...], no_bundled_lexicons: bool
) -> None:
    """Draft lexicon entries from the labels editors swapped in shared copy.

    Where two outlets print the same agency sentence but one changed a label ("fighters from
    Hezbollah" / "troops from Lebanon's Hezboll-ah movement"), the new wording is suggested as
    a term for that referent, ranked by how often and how consistently it substitutes. Every
    entry quotes the sentences it came from; its connotation is left for a person to set.

    \b
    Example:
      framing lexicon suggest framing/corpora/al-hader-2015 -o draft.toml
      framing lexicon check draft.toml     # names every term still to confirm
    """
    from .alignment import align_corpus
    from .analysis import analyze
    from .lexicon import load_lexicons
    from .loading import load_corpus
    from .model import AnalysisConfig
    from .output import made_by_framing, write_atomic
    from .suggest import render_draft, suggest_terms

    path = Path(output)
    try:
        if path.exists() and not made_by_framing(path):
            raise OutputError(f"{path} exists and was not written by framing; choose another name")
        lexicons = load_lexicons(_lexicon_sources(lexicon_paths, no_bundled_lexicons))
        report = analyze(load_corpus(corpus), lexicons, AnalysisConfig(align=False))
        alignment = align_corpus(report.corpus, report.matches)
        terms = suggest_terms(report, alignment)
        write_atomic(path, render_draft(report, alignment, terms))
    except FramingError as err:
        raise _fail(err) from None
    click.echo(f"{len(terms)} term(s) to confirm written to {path}; set each connotation, "
               f"then: framing lexicon check {path}")


@lexicon.command("list")
@_lexicon_options
@click.option("--terms", is_flag=True, help="Also list every referent, cue category and term.")
def lexicon_list(lexicon_paths: tuple[Path, ...], no_bundled_lexicons: bool, terms: bool) -> None:
    """List the lexicon packs with their scope, size and sources.

    General packs are used on every corpus; domain packs when enough of their terms occur
    in the articles (or when asked for with `framing report --pack NAME`).

    \b
    Examples:
      framing lexicon list
      framing lexicon list --terms --lexicon my-terms.toml
    """
    from .lexicon import load_lexicons

    try:
        lexicons = load_lexicons(_lexicon_sources(lexicon_paths, no_bundled_lexicons))
    except FramingError as err:
        raise _fail(err) from None
    for lex in lexicons:
        count = sum(len(g.terms) for g in lex.groups)
        name = lex.path.split(" ")[0].removesuffix(".toml")
        click.echo(f"{name}: {lex.name}")
        click.echo(f"  {lex.scope}; {lex.path}; {len(lex.groups)} entries, {count} terms")
        for source in lex.sources:
            click.echo(f"  source: {source.title}")
        if terms:
            for group in lex.groups:
                click.echo(f"  {group.kind} {group.id}: {group.name}")
                for term in group.terms:
                    click.echo(f"    {term.connotation:<8} {term.phrase}")
