"""What the command-line modules share: options, error messages, logging, progress."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import click

from framing.errors import FramingError, OutputError

if TYPE_CHECKING:
    from framing.engine import Engine
    from framing.model import Lexicon

Format = Literal["html", "json", "csv", "sqlite"]
FORMATS: tuple[Format, ...] = ("html", "json", "csv", "sqlite")
EXTENSIONS: dict[str, Format] = {".html": "html", ".htm": "html", ".json": "json", ".csv": "csv",
                                 ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite"}
FORMAT_NAMES: dict[Format, str] = {"html": "HTML", "json": "JSON", "csv": "CSV",
                                   "sqlite": "SQLite"}
PROGRESS_FROM = 25  # show a progress bar from this many articles on
F = TypeVar("F", bound=Callable[..., Any])


class Handler(logging.Handler):
    """Core warnings go to stderr as 'warning: ...' lines."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


def setup_logging(verbose: bool) -> None:
    log = logging.getLogger("framing")
    log.handlers[:] = [Handler()]
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False


def fail(err: FramingError) -> click.ClickException:
    return click.ClickException(printable(str(err)))


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline


def printable(text: str) -> str:
    """Text for the terminal with its control characters shown as "?": an outlet name or a
    file name with an escape sequence must not recolour, retitle or clear the terminal."""
    return CONTROL.sub("?", text)


def lexicon_options(func: F) -> F:
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


@dataclass(frozen=True, kw_only=True)
class Request:
    """What every analysing command was asked for: the input, the output, the lexicons, the
    analysis's common switches and the engine."""

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


def engine_options(func: F) -> F:
    """--engine, --scheduler and --workers: where the per-article stages run."""
    func = click.option(
        "--engine", "engine_name", type=click.Choice(["local", "dask"]), default="local",
        show_default=True,
        help="Where articles are read and matched: 'local' (this machine, one process per "
             "core from 100 articles on) or 'dask' (a Dask cluster: pip install "
             "'framing[dask]'). The report is the same on both.",
    )(func)
    func = click.option(
        "--scheduler", metavar="ADDRESS",
        help="With --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786. [default: a "
             "cluster of local processes, started and stopped here]",
    )(func)
    func = click.option(
        "--workers", type=click.IntRange(1, 64), metavar="N",
        help="With --engine dask and no --scheduler: worker processes to start. "
             "[default: one per core, at most 4]",
    )(func)
    return func


@contextmanager
def opened_engine(name: str, scheduler: str | None, workers: int | None
                  ) -> Iterator[Engine | None]:
    """The engine asked for (None: the local default), closed after use."""
    if name == "local":
        if scheduler is not None or workers is not None:
            raise click.UsageError("--scheduler and --workers go with --engine dask")
        yield None
        return
    from framing.engine import DaskEngine

    if scheduler is not None and workers is not None:
        raise click.UsageError("--workers starts a local cluster; a cluster at --scheduler "
                               "has its own workers: give one of the two")
    with DaskEngine(scheduler, workers) as engine:
        yield engine


def refuse_foreign(path: Path, fix: str) -> None:
    """A file framing did not write is never replaced unless the user named it: an
    OutputError saying so and what to do (``fix``)."""
    from framing.render.output import made_by_framing

    if path.exists() and not made_by_framing(path):
        raise OutputError(f"{path} exists and was not written by framing; {fix}")


def check_output(path: Path | None, chosen: Format, named: bool) -> None:
    """Before any analysis (which may take minutes): a database never goes to standard
    output, the destination can be written, and a default file framing did not write is kept."""
    from framing.render.output import check_destination

    if chosen == "sqlite" and path is None:
        raise click.UsageError("a SQLite database is a file and cannot go to standard "
                               "output: give -o FILE.sqlite")
    if path is None:
        return
    check_destination(path)
    if not named:
        refuse_foreign(path, f"choose a file with -o {path} (it will be replaced) or another "
                             "name")


def check_packs(packs: Sequence[str], lexicons: Sequence[Lexicon]) -> None:
    """--pack names must name a loaded pack: a typo must not silently do nothing."""
    from framing.lexicon.files import pack_name

    names = {pack_name(lex) for lex in lexicons}
    for pack in packs:
        if pack not in names:
            raise click.UsageError(
                f"no lexicon pack named {pack!r}; packs: {', '.join(sorted(names))}"
            )


def lexicon_sources(paths: Sequence[Path], no_bundled: bool) -> list[Path | Traversable]:
    from framing.lexicon.files import bundled_lexicon_files, expand_paths, unique_sources

    if no_bundled and not paths:
        raise click.UsageError("--no-bundled-lexicons needs at least one --lexicon PATH")
    bundled: list[Path | Traversable] = [] if no_bundled else list(bundled_lexicon_files())
    return unique_sources([*bundled, *expand_paths(paths)])


# --------------------------------------------------------------------------- report


def resolve_output(
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
            "use .html, .json, .csv or .sqlite, or pass --format"
        )
    return path, inferred, True


class StageProgress:
    """A progress bar on stderr per stage of the analysis, named after it, for long work on a
    terminal: a stage that goes article by article moves its bar; one that does not shows its
    name until it is done."""

    def __init__(self) -> None:
        self.stage = ""
        self.bar: Any = None
        self.done = 0
        self.total = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage, self.done, self.total = stage, 0, total
            if total >= PROGRESS_FROM and sys.stderr.isatty():
                self.bar = click.progressbar(length=total, label=f"{stage:<28}",
                                             file=sys.stderr)
                self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        """Finish the current stage's bar."""
        if self.bar is not None:
            self.bar.update(self.total - self.done)
            self.bar.__exit__(None, None, None)
            self.bar = None


class ProgressBar:
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


