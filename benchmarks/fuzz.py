"""Fuzz framing over every input kind: no input may crash it or hang it.

Seven kinds of input are generated with Hypothesis (seeded: the same run each time): an
article as text, a saved page, a JSONL feed, a CSV feed, an outlets.csv manifest, a lexicon
and a referents.toml. Each goes into a folder beside two ordinary articles, and framing runs
on it as `framing report` does (read, correct, analyse, render HTML, JSON and CSV, write; the
blind edition on one input in three). A run passes when it writes its reports or stops with a
clear message (a FramingError, as the command line prints it); anything else is a crash, and a
run over the time limit a hang.

    python benchmarks/fuzz.py [--per-kind N] [--limit SECONDS] [--kind KIND ...]

prints, per kind, the inputs tried, the reports written, the clear refusals, the crashes and
the hangs, then one line per distinct crash (exception and where). Exit status 1 when any input
crashed or hung. tests/test_fuzz.py runs the same with a few inputs per kind.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from framing.cli.report import ReportRequest, _analyse, _render
from framing.errors import FramingError
from framing.render.output import write_atomic

# Words of news text, and the odd forms that crashed framing before: particles alone ("Van",
# "Al"), initials with a possessive, titles, quotes, dashes, lexicon terms and outlet names.
WORDS = [
    "the", "a", "of", "in", "said", "told", "fighters", "regime", "forces", "rebels", "town",
    "Hezbollah", "Syrian", "President", "Bashar", "al-Assad", "Mr.", "Rep.", "Dr.", "Van", "Al",
    "D.A.'s", "U.S.", "AFP", "Reuters", "terror", "proxy", "terrorist", "organization", "Kim",
    "Jong", "Un", "Jr.", "III", "police", "woman", "man", "59-year-old", "Paris", "Trump's",
    "\u201c", "\u201d", '"', "'", "(", ")", ",", ".", "?", "!", ":", ";", "\u2014", "-", "\n",
    "\n\n", "\u00ad", "\u200b", "\u202e", "\x00", "\x1b[2J", "\ufeff", "2015", "30", "%",
]
CHARACTERS = st.characters(codec="utf-8")  # what a file can hold: no lone surrogate
KINDS = ("txt", "html", "jsonl", "csv", "outlets", "lexicon", "referents")
ARTICLE_A = "Town falls\n\nSyrian regime forces and Hezbollah fighters took the town, AFP said.\n"
ARTICLE_B = "Rebels retreat\n\nThe rebels said Hezbollah militants shelled the town on Monday.\n"


def news_text() -> st.SearchStrategy[str]:
    """Text that reads like news, with the odd forms mixed in, or any characters at all."""
    worded = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
    return st.one_of(worded, st.text(CHARACTERS, max_size=300), worded.map(str.upper))


def html_page() -> st.SearchStrategy[str]:
    """A saved page: tags nested at random, some unclosed, with news text inside."""
    tags = st.sampled_from(["p", "div", "article", "h1", "math", "svg", "script", "style",
                            "title", "table", "td", "a", "br", "meta", "html", "body", "nav"])
    piece = st.one_of(news_text(), tags.map(lambda t: f"<{t}>"), tags.map(lambda t: f"</{t}>"),
                      st.sampled_from(["&amp;", "&#0;", "&#xD800;", "<!--", "-->", "<![CDATA["]))
    nested = st.integers(0, 300).map(lambda n: "<div>" * n)
    return st.tuples(nested, st.lists(piece, max_size=40)).map(lambda t: t[0] + "".join(t[1]))


def json_value() -> st.SearchStrategy[Any]:
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | news_text(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(news_text(), inner,
                                                                     max_size=3),
        max_leaves=8,
    )


def jsonl_feed() -> st.SearchStrategy[str]:
    """Feed lines: rows with fields of any type, bad JSON, escaped lone surrogates, nesting."""
    row = st.fixed_dictionaries(
        {"outlet": st.one_of(news_text(), json_value()), "text": st.one_of(news_text(),
                                                                           json_value())},
        optional={"title": json_value(), "date": json_value(), "credited_sources": json_value()},
    ).map(json.dumps)
    odd = st.sampled_from(["[" * 100_000 + "]" * 100_000, '{"outlet": "X", "text": "a \\ud800 b"}',
                           "{not json", "[1, 2]", "", "null", '"text"'])
    return st.tuples(st.lists(row, max_size=5), st.lists(odd, max_size=2),
                     st.lists(news_text(), max_size=1)).map(lambda t: "\n".join(t[1] + t[0] + t[2]))


def csv_cell() -> st.SearchStrategy[str]:
    quoted = news_text().map(lambda t: '"' + t.replace('"', '""') + '"')
    return st.one_of(news_text().map(lambda t: t.replace(",", " ").replace("\n", " ")), quoted,
                     st.just('"unclosed'), st.just("=HYPERLINK(\"x\")"))


def csv_rows(header: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    rows = st.lists(st.lists(csv_cell(), max_size=5).map(",".join), max_size=6)
    return st.tuples(header, rows).map(lambda t: "\n".join([",".join(t[0]), *t[1]]))


def csv_feed() -> st.SearchStrategy[str]:
    header = st.lists(st.sampled_from(["outlet", "title", "text", "date", "url", "Outlet",
                                       "TEXT", "", "x"]), max_size=5)
    return csv_rows(header)


def outlets_csv() -> st.SearchStrategy[str]:
    """A manifest naming the two articles (or not), with odd outlet names and fields."""
    header = st.just(["file", "outlet", "title", "date"]) | st.lists(
        st.sampled_from(["file", "outlet", "title", "credited_sources", "x"]), max_size=4)
    names = st.sampled_from(["daily-planet.txt", "the-courier.txt", "missing.txt", "",
                             "../daily-planet.txt"])
    row = st.tuples(names, csv_cell(), csv_cell()).map(",".join)
    return st.tuples(header, st.lists(row, max_size=4)).map(
        lambda t: "\n".join([",".join(t[0]), *t[1]]))


def toml_value(*usual: str) -> st.SearchStrategy[str]:
    """A TOML value: mostly one of the usual ones given, else of any type."""
    odd = st.one_of(
        st.sampled_from(["5", "true", "1.5", "1979-05-27", "[]", "{}", "[1, 2]",
                         "[" * 100_000 + "]" * 100_000, '""']),
        news_text().map(toml_string),
    )
    if not usual:
        return odd
    usual_value = st.sampled_from([toml_string(u) for u in usual])
    return st.integers(0, 19).flatmap(lambda n: odd if n == 0 else usual_value)  # 1 in 20


def toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes, but no surrogate pairs (TOML forbids them)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def noise() -> st.SearchStrategy[list[str]]:
    """A line of noise, one time in eight."""
    return st.integers(0, 7).flatmap(lambda n: st.lists(news_text(), min_size=1, max_size=1)
                                     if n == 0 else st.just([]))


def lines(required: dict[str, st.SearchStrategy[str]],
          optional: dict[str, st.SearchStrategy[str]] | None = None) -> st.SearchStrategy[str]:
    """key = value lines: the required keys, and each optional one kept or left out."""
    chosen = st.fixed_dictionaries(required, optional=optional or {})
    return chosen.map(lambda d: "\n".join(f"{k} = {v}" for k, v in d.items()))


PHRASES = ["regime", "terror proxy", "Hezbollah", "a", "the", "IS", "al-", "fighters", "Mr.",
           "said", "town", "Syrian regime forces", "militants", "A.F.P.", "é"]


def valid_term() -> st.SearchStrategy[str]:
    """A term as lexicons/README.md allows it, with odd but valid phrases and contexts."""
    leaning = st.tuples(st.sampled_from(["negative", "positive"]),
                        st.sampled_from(["mild", "clear", "strong"])).map(
        lambda t: f'connotation = "{t[0]}"\nstrength = "{t[1]}"')
    connotation = leaning | st.just('connotation = "neutral"')
    extra = st.sampled_from([
        "", "case_sensitive = true", "inflect = false", 'variants = ["regimes", "régime"]',
        'context.reject_before = ["sanctions"]\ncontext.window = 4',
        'context.require_near = ["Hezbollah"]\ncontext.window = 0',
    ])
    return st.tuples(st.sampled_from(PHRASES) | news_text(), connotation, extra).map(
        lambda t: f"phrase = {toml_string(t[0])}\n{t[1]}\nnote = \"n\"\n{t[2]}")


def odd_term() -> st.SearchStrategy[str]:
    """A term with any key given a value of any type."""
    return lines({"phrase": toml_value(*PHRASES), "connotation": toml_value("negative")}, {
        "note": toml_value("n"), "strength": toml_value("mild"), "variants": toml_value(),
        "case_sensitive": toml_value(), "inflect": toml_value(), "context.window": toml_value(),
    })


def lexicon_file() -> st.SearchStrategy[str]:
    """A lexicon shaped as lexicons/README.md says: in half the files every value is valid
    (so odd phrases reach the matcher), in the others any value may have any type."""
    def entries(term: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
        entry = st.tuples(
            st.sampled_from(["referent", "cue"]),
            st.sampled_from(["hezbollah", "new-actor", "syrian-government", "cue-x"]),
            st.lists(term, min_size=1, max_size=4),
        ).map(lambda t: f'[[{t[0]}]]\nid = "{t[1]}-{t[0]}"\nname = "An entry"\n' + "".join(
            f"[[{t[0]}.term]]\n{x}\n" for x in t[2]))
        return st.lists(entry, min_size=1, max_size=3, unique=True)

    head = st.sampled_from(['name = "Fuzz"\nscope = "general"', 'name = "Fuzz"'])
    body = entries(valid_term()) | entries(odd_term())
    return st.tuples(head, body, noise()).map(
        lambda t: "\n".join([t[0], '[[sources]]\ntitle = "A source"', *t[1], *t[2]]))


def referents_file() -> st.SearchStrategy[str]:
    """A referents.toml naming referents the two articles have (or not)."""
    names = toml_value("Hezbollah", "Syrian government and its forces", "Rebels", "Nobody")
    listed = st.lists(names, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
    entry = st.tuples(
        st.sampled_from(["merge", "split", "rename", "ignore", "other"]),
        lines({}, {"referents": listed | names, "referent": names, "name": names,
                   "labels": listed}),
    ).map(lambda t: f"[[{t[0]}]]\n{t[1]}")
    return st.tuples(st.lists(entry, max_size=4), noise()).map(
        lambda t: "\n".join([*t[0], *t[1]]))


STRATEGIES: dict[str, Callable[[], st.SearchStrategy[str]]] = {
    "txt": news_text, "html": html_page, "jsonl": jsonl_feed, "csv": csv_feed,
    "outlets": outlets_csv, "lexicon": lexicon_file, "referents": referents_file,
}
FILE_NAMES = {"txt": "morning-star.txt", "html": "page.html", "jsonl": "feed.jsonl",
              "csv": "feed.csv",
              "outlets": "outlets.csv", "referents": "referents.toml"}


# Inputs that crashed framing once (issue 11): tried first, in every run.
REPRODUCERS: dict[str, list[str]] = {
    "txt": ["Van", "The Turkish city of Van.", "Rebels fled to Al on Tuesday.",
            "The D.A.'s office says Smith was barricaded inside.", "a " * 10000 + "regime"],
    "html": ["<math>html", "<div>" * 5000 + "Hezbollah fighters left the town." + "</div>" * 5000],
    "jsonl": ["[" * 100_000 + "]" * 100_000,
              '{"outlet": "X", "title": "T", "text": "a \\ud800 b"}'],
    "csv": ['outlet,title,text\nX,T,"' + "word " * 30000 + '"'],
    "outlets": ["file,outlet,title\ndaily-planet.txt,X," + "long " * 30000],
    "lexicon": ["x = " + "[" * 100_000 + "]" * 100_000],
    "referents": ["merge = 5", "merge = true", "merge = 1.5", "merge = 1979-05-27",
                  "x = " + "[" * 100_000 + "]" * 100_000],
}


class Hang(Exception):
    """A run went past the time limit."""


@dataclass
class Tally:
    """What the runs of one kind came to."""

    tried: int = 0
    written: int = 0
    refused: int = 0
    crashes: int = 0
    hangs: int = 0
    causes: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)  # why inputs were refused
    slowest: float = 0.0


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Hang in the run when it takes longer than ``seconds`` (SIGALRM, main thread)."""
    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _reason(message: str, folder: Path) -> str:
    """A refusal's message without its paths and quoted parts: its kind."""
    first = message.splitlines()[0].replace(str(folder.parent), "")
    return re.sub(r"'[^']*'|\([^)]*\)|\d+", "…", first)[:90]


def where(error: BaseException) -> str:
    """The exception and the innermost line of framing it passed through."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/framing/" in f.filename]
    place = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}{place}"


def run_report(folder: Path, lexicon: Path | None, blind: bool) -> None:
    """What `framing report` does with the folder, in every format."""
    out = folder.parent / "out"
    out.mkdir(exist_ok=True)
    request = ReportRequest(corpus=folder, lexicon_paths=(lexicon,) if lexicon else (),
                            blind=blind)
    report, key = _analyse(request)
    for fmt in ("html",) if blind else ("html", "json", "csv"):
        write_atomic(out / f"report.{fmt}", _render(request, fmt, report, key))


def try_input(kind: str, content: str, blind: bool, limit: float, tally: Tally) -> None:
    """One input: written beside two ordinary articles, run, and counted."""
    tally.tried += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "event"
        folder.mkdir()
        (folder / "daily-planet.txt").write_text(ARTICLE_A, encoding="utf-8")
        (folder / "the-courier.txt").write_text(ARTICLE_B, encoding="utf-8")
        lexicon = None
        if kind == "lexicon":
            lexicon = Path(tmp) / "fuzz.toml"
            lexicon.write_text(content, encoding="utf-8")
        else:
            (folder / FILE_NAMES[kind]).write_text(content, encoding="utf-8")
        started = time.perf_counter()
        try:
            with time_limit(limit), redirect_stderr(io.StringIO()):  # the skipped-file lines
                run_report(folder, lexicon, blind)
            tally.written += 1
        except FramingError as error:
            tally.refused += 1
            tally.reasons[f"{kind}: {_reason(str(error), folder)}"] += 1
        except Hang:
            tally.hangs += 1
            tally.causes[f"hang ({kind})"] += 1
        except Exception as error:  # the point: anything but a FramingError is a crash
            tally.crashes += 1
            tally.causes[f"{where(error)} ({kind})"] += 1
        tally.slowest = max(tally.slowest, time.perf_counter() - started)


def fuzz(kind: str, examples: int, limit: float) -> Tally:
    """Run the reproducers of one kind, then ``examples`` generated inputs; the same inputs
    each time (derandomized)."""
    tally = Tally()

    phases = (Phase.explicit, Phase.generate) if examples else (Phase.explicit,)

    @settings(max_examples=max(examples, 1), deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=phases)
    @given(content=STRATEGIES[kind](), blind=st.integers(0, 2).map(lambda n: n == 0))
    def run(content: str, blind: bool) -> None:
        try_input(kind, content, blind, limit, tally)

    for content in REPRODUCERS[kind]:
        run = example(content=content, blind=False)(run)
    run()
    return tally


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=1500, help="inputs per kind")
    parser.add_argument("--limit", type=float, default=20.0, help="seconds before a hang")
    parser.add_argument("--kind", action="append", choices=KINDS, help="only these kinds")
    parser.add_argument("--reasons", type=int, default=0, metavar="N",
                        help="also print the N most common reasons inputs were refused")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    total = Tally()
    print(f"{'kind':<10} {'tried':>6} {'written':>8} {'refused':>8} {'crashes':>8} "
          f"{'hangs':>6} {'slowest':>8}")
    for kind in args.kind or KINDS:
        t = fuzz(kind, args.per_kind, args.limit)
        print(f"{kind:<10} {t.tried:>6} {t.written:>8} {t.refused:>8} {t.crashes:>8} "
              f"{t.hangs:>6} {t.slowest:>7.2f}s", flush=True)
        for name in ("tried", "written", "refused", "crashes", "hangs"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
        total.causes.update(t.causes)
        total.reasons.update(t.reasons)
        total.slowest = max(total.slowest, t.slowest)
    print(f"{'all':<10} {total.tried:>6} {total.written:>8} {total.refused:>8} "
          f"{total.crashes:>8} {total.hangs:>6} {total.slowest:>7.2f}s")
    for cause, count in total.causes.most_common():
        print(f"  {count} x {cause}")
    if args.reasons:
        print("Refused, most common reasons:")
        for reason, count in total.reasons.most_common(args.reasons):
            print(f"  {count} x {reason}")
    print(f"Wall time: {time.perf_counter() - started:.0f} s")
    return 1 if total.crashes or total.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
