"""The command line: parse options, call the core, turn errors into clear messages.

Only the cli modules talk to the terminal. Every command's docstring is its --help text:
this module holds the `framing` group, `report` and `demo`; lexicon.py the `lexicon`
commands; report.py runs a report; support.py holds what they share.
"""

from __future__ import annotations

import signal
from importlib import resources
from pathlib import Path

import click

from framing import __version__
from framing.cli.lexicon import lexicon
from framing.cli.profile import run_profile
from framing.cli.report import ReportRequest, run_report
from framing.cli.support import (
    FORMATS,
    Request,
    engine_options,
    lexicon_options,
    setup_logging,
)
from framing.model import ReadingLimits


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
    """Entry point of the `framing` command. SIGTERM ends the run as Ctrl-C does, so that a
    half-written report's temporary file is removed on the way out."""
    signal.signal(signal.SIGTERM, _terminated)
    cli(prog_name="framing")


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", metavar="PATH",
              help="Where to write the report; '-' writes to standard output. "
                   "[default: CORPUS-NAME-report.html in the current folder]")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="html (the report), json (every figure and match), csv (the label table) "
                   "or sqlite (the JSON's tables in one database file, for SQL, pandas or "
                   "DuckDB; never to '-'). [default: from the -o extension (.sqlite and .db "
                   "are sqlite), else html]")
@lexicon_options
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
@click.option("--evaluative", type=click.Choice(["model", "lexicon", "off"]), default="model",
              show_default=True,
              help="Evaluative words beyond the hand-written cue lists, from the VADER and "
                   "Pattern lexicons: 'model' keeps a use where the model trained on BASIL's "
                   "annotations ranks it loaded; 'lexicon' keeps words both lexicons rate "
                   "strongly, wherever they stand; 'off' leaves them out.")
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
@click.option("--max-article-chars", type=click.IntRange(1000), metavar="N",
              default=ReadingLimits.max_article_chars, show_default=True,
              help="Skip (and list) an article longer than N characters: a book or a dump is "
                   "no article, and would take minutes.")
@click.option("--max-sentence-words", type=click.IntRange(20), metavar="N",
              default=ReadingLimits.max_sentence_words, show_default=True,
              help="Cut a sentence longer than N words into pieces of N words for the rules "
                   "(text without full stops would otherwise take the square of its length). "
                   "The report says how many were cut.")
@click.option("--evidence-per-cell", type=click.IntRange(1), metavar="N", default=None,
              help="Sentences the HTML report lists behind each count; the JSON lists all. "
                   "[default: 100; 5 past 50 articles, when the page shows no full texts]")
@engine_options
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
    evaluative: str,
    align_limit: int,
    blind: bool,
    seed: str,
    handout: bool,
    max_article_chars: int,
    max_sentence_words: int,
    evidence_per_cell: int | None,
    engine_name: str,
    scheduler: str | None,
    workers: int | None,
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
      framing report my-event/ -o my-event.sqlite       # every table, for SQL or pandas
      framing report my-event/ --blind -o class.html    # also writes class-key.html
      framing report my-event/ --handout -o handout.html
      framing report archive/ --engine dask --scheduler tcp://10.0.0.5:8786 -o a.sqlite
    """
    setup_logging(verbose)
    run_report(ReportRequest(
        corpus=corpus, output=output, fmt=fmt, lexicon_paths=lexicon_paths,
        no_bundled=no_bundled_lexicons, packs=packs, title=title, top_terms=top_terms,
        discover=not no_discovery, own_voice=own_voice, evaluative=evaluative,
        align_limit=align_limit, blind=blind,
        seed=seed, handout=handout,
        limits=ReadingLimits(max_article_chars=max_article_chars,
                             max_sentence_words=max_sentence_words),
        evidence_per_cell=evidence_per_cell,
        default_stem=f"{corpus.resolve().name or 'corpus'}-report",
        engine=engine_name, scheduler=scheduler, workers=workers,
    ))


@cli.command()
@click.option("-o", "--output", metavar="PATH", default=None,
              help="Where to write the demo report. [default: report.html]")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="html, json, csv or sqlite.")
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
    setup_logging(False)
    with resources.as_file(resources.files("framing") / "corpora" / "al-hader-2015") as folder:
        run_report(ReportRequest(
            corpus=folder, output=output, fmt=fmt, title="al-hader-2015", blind=blind,
            handout=handout, default_stem="report",
        ))


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", metavar="PATH",
              help="Where to write the profile; '-' writes to standard output. The HTML page "
                   "gets each event's own report beside it, in FILE-events/. "
                   "[default: CORPUS-NAME-profile.html in the current folder]")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="html (the profile page), json (every figure, with its interval), csv (the "
                   "figures, one row each) or sqlite. [default: from the -o extension, else html]")
@lexicon_options
@click.option("--title", help="The corpus's name on the page. [default: the folder name]")
@click.option("--no-discovery", is_flag=True,
              help="Count only lexicon terms; do not look for other actors in the text.")
@click.option("--own-voice", is_flag=True,
              help="Count only labels in the outlets' own words, not inside quotation marks: "
                   "an outlet that quotes a critic's \"amnesty\" is not charged with it.")
@engine_options
@click.option("-v", "--verbose", is_flag=True, help="Show more about what framing does.")
def profile(
    corpus: Path, output: str | None, fmt: str | None, lexicon_paths: tuple[Path, ...],
    no_bundled_lexicons: bool, title: str | None, no_discovery: bool, own_voice: bool,
    engine_name: str, scheduler: str | None, workers: int | None, verbose: bool,
) -> None:
    """Profile each outlet across many events: is it a pattern?

    CORPUS is a folder of event folders, each one what `framing report` reads (articles of
    one event from two outlets or more), or a .jsonl or .csv feed whose rows carry an
    'event' field besides outlet, title and text. Every event is analysed as `framing
    report` does (an event it cannot read, such as one with a single outlet, is listed and
    left out);
    then, per outlet and over the events it covered: loaded words, hedges and verbs of saying
    per 1,000 words; whose voices it carries; how much it shares copy; how it names each actor
    that recurs, against the other outlets on the same events; and the words that set it
    apart. Every figure has a 95% interval from resampling the events, and the number of
    events it rests on.

    \b
    Examples:
      framing profile events/ -o profile.html     # also writes profile-events/*.html
      framing profile events/ -o profile.json
      framing profile archive.jsonl -o profile.html  # rows grouped by their 'event'
      framing profile events/ -o profile.sqlite --engine dask
    """
    setup_logging(verbose)
    run_profile(Request(
        corpus=corpus, output=output, fmt=fmt, lexicon_paths=lexicon_paths,
        no_bundled=no_bundled_lexicons, title=title, discover=not no_discovery,
        own_voice=own_voice, engine=engine_name, scheduler=scheduler, workers=workers,
    ))


# --------------------------------------------------------------------------- lexicon


cli.add_command(lexicon)
