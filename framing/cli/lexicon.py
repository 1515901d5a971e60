"""The `framing lexicon` commands: check, list, and suggest lexicon files."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

import click

from framing.cli.support import fail, lexicon_options, lexicon_sources
from framing.errors import FramingError, OutputError


@click.group()
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
    from framing.errors import LexiconError
    from framing.lexicon.files import (
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
        raise fail(err) from None
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
@lexicon_options
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
    from framing.analysis import analyze
    from framing.copy.alignment import align_corpus
    from framing.copy.suggest import render_draft, suggest_terms
    from framing.lexicon.files import load_lexicons
    from framing.model import AnalysisConfig
    from framing.render.output import made_by_framing, write_atomic
    from framing.text.loading import load_corpus

    path = Path(output)
    try:
        if path.exists() and not made_by_framing(path):
            raise OutputError(f"{path} exists and was not written by framing; choose another name")
        lexicons = load_lexicons(lexicon_sources(lexicon_paths, no_bundled_lexicons))
        report = analyze(load_corpus(corpus), lexicons, AnalysisConfig(align=False))
        alignment = align_corpus(report.corpus, report.matches)
        terms = suggest_terms(report, alignment)
        write_atomic(path, render_draft(report, alignment, terms))
    except FramingError as err:
        raise fail(err) from None
    click.echo(f"{len(terms)} term(s) to confirm written to {path}; set each connotation, "
               f"then: framing lexicon check {path}")


@lexicon.command("list")
@lexicon_options
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
    from framing.lexicon.files import load_lexicons, pack_name

    try:
        lexicons = load_lexicons(lexicon_sources(lexicon_paths, no_bundled_lexicons))
    except FramingError as err:
        raise fail(err) from None
    for lex in lexicons:
        count = sum(len(g.terms) for g in lex.groups)
        click.echo(f"{pack_name(lex)}: {lex.name}")
        click.echo(f"  {lex.scope}; {lex.path}; {len(lex.groups)} entries, {count} terms")
        for source in lex.sources:
            click.echo(f"  source: {source.title}")
        if terms:
            for group in lex.groups:
                click.echo(f"  {group.kind} {group.id}: {group.name}")
                for term in group.terms:
                    click.echo(f"    {term.connotation:<8} {term.phrase}")
