"""The blind edition on every way a teacher may lay out a folder, for the demo and two events of
../shared/eval: files named after their outlets, an outlets.csv, saved web pages that carry
the site's name, and JSONL and CSV feeds. Each is run through the command line, as a teacher
would, and the page is searched for the outlets' names (written out here by hand) and for the
tells the issue listed: masks as long as the name, exact word counts.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli.main import cli
from framing.text.loading import load_corpus

from .helpers import DEMO, ROOT

EVAL = ROOT.parent / "shared" / "eval"


@dataclass(frozen=True)
class Piece:
    """One article as a teacher would have it: the outlet's name and file id, and its text."""

    name: str  # "The New York Times"
    slug: str  # "nytimes"
    title: str
    body: str


@dataclass(frozen=True)
class Event:
    pieces: tuple[Piece, ...]
    names: tuple[str, ...]  # every way the page could name an outlet, written out by hand


def demo_event() -> Event:
    names = {row["file"]: row["outlet"] for row in csv.DictReader(
        (DEMO / "outlets.csv").open(encoding="utf-8"))}
    slugs = {"Arutz Sheva (Israel National News)": "arutz-sheva", "ARA News": "ara-news",
             "Deccan Chronicle": "deccan-chronicle", "TRT World": "trt-world",
             "Reuters (republished)": "reuters"}
    return Event(
        pieces=tuple(_piece(names[path.name], slugs[names[path.name]], path)
                     for path in sorted(DEMO.glob("*.txt"))),
        names=("Arutz Sheva", "Israel National News", "ARA News", "Deccan Chronicle",
               "TRT World", "TRTWorld", "Reuters", "AFP", "arutz-sheva", "ara-news",
               "deccan-chronicle", "trt-world"))


def eval_event(folder: str, names: dict[str, str], forms: tuple[str, ...]) -> Event:
    path = EVAL / folder
    if not path.is_dir():
        pytest.skip(f"{path} is not here: ../shared/eval sits beside the clone in CI")
    return Event(pieces=tuple(_piece(name, slug, path / f"{slug}.txt")
                              for slug, name in names.items()), names=forms)


def _piece(name: str, slug: str, path: Path) -> Piece:
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return Piece(name=name, slug=slug, title=title.strip(), body=body.strip())


EVENTS: dict[str, Callable[[], Event]] = {
    "demo": demo_event,
    # Five US outlets on one event; the files are named as the outlets' web addresses are.
    "newswcl50-e5": lambda: eval_event(
        "newswcl50/wcl50-e5-trump-uk-visit",
        {"breitbart": "Breitbart", "foxnews": "Fox News", "huffpost": "HuffPost",
         "nytimes": "The New York Times", "usatoday": "USA Today"},
        ("Breitbart", "Fox News", "FoxNews", "HuffPost", "Huffington Post", "New York Times",
         "NYTimes", "USA Today", "breitbart", "foxnews", "huffpost", "nytimes", "usatoday")),
    # Fox News's article names Fox News 4 times, HuffPost's names HuffPost twice.
    "basil-aarp": lambda: eval_event(
        "basil/basil-2011-06-17-aarp-drops-its-opposition-to-social-security-cut",
        {"foxnews": "Fox News", "huffpost": "HuffPost", "nytimes": "The New York Times"},
        ("Fox News", "FoxNews", "HuffPost", "Huffington Post", "New York Times", "NYTimes",
         "foxnews", "huffpost", "nytimes")),
}


# --------------------------------------------------------------------------- layouts


def named_files(event: Event, folder: Path) -> None:
    """reuters.txt, nytimes.txt …: no outlets.csv, the outlet read from the file name."""
    for p in event.pieces:
        (folder / f"{p.slug}.txt").write_text(f"{p.title}\n\n{p.body}\n", encoding="utf-8")


def outlets_csv(event: Event, folder: Path) -> None:
    """Numbered files and an outlets.csv giving each file's outlet."""
    rows = ["file,outlet"]
    for n, p in enumerate(event.pieces):
        (folder / f"{n:03}.txt").write_text(f"{p.title}\n\n{p.body}\n", encoding="utf-8")
        rows.append(f'{n:03}.txt,"{p.name}"')
    (folder / "outlets.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def saved_pages(event: Event, folder: Path) -> None:
    """Web pages saved from the outlets' sites: the site's name in the title, the metadata, the
    masthead and the footer, with a social handle."""
    for p in event.pieces:
        paragraphs = "".join(f"<p>{html.escape(line)}</p>"
                             for line in p.body.splitlines() if line.strip())
        (folder / f"{p.slug}.html").write_text(
            f'<!DOCTYPE html><html><head><meta charset="utf-8">'
            f"<title>{html.escape(p.title)} | {html.escape(p.name)}</title>"
            f'<meta property="og:site_name" content="{html.escape(p.name)}"></head><body>'
            f'<header><a href="https://www.{p.slug}.com/">{html.escape(p.name)}</a></header>'
            f"<article><h1>{html.escape(p.title)}</h1>{paragraphs}</article>"
            f"<footer>Follow us on Twitter @{p.slug} · © 2018 {html.escape(p.name)}</footer>"
            f"</body></html>", encoding="utf-8")


def jsonl_feed(event: Event, folder: Path) -> None:
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as out:
        for p in event.pieces:
            out.write(json.dumps({"outlet": p.name, "title": p.title, "text": p.body}) + "\n")


def csv_feed(event: Event, folder: Path) -> None:
    with (folder / "feed.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["outlet", "title", "text"])
        for p in event.pieces:
            writer.writerow([p.name, p.title, p.body])


LAYOUTS = {"named-files": named_files, "outlets-csv": outlets_csv, "saved-pages": saved_pages,
           "jsonl": jsonl_feed, "csv": csv_feed}


# --------------------------------------------------------------------------- the test


def visible_text(page: str) -> str:
    """What a reader can see or a screen reader read: the text between tags, outside the
    style sheet and script, entities decoded."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("event_name", EVENTS)
def test_a_blind_report_in_every_layout_names_no_outlet(
    event_name: str, layout: str, tmp_path: Path
) -> None:
    event = EVENTS[event_name]()
    folder = tmp_path / "articles"
    folder.mkdir()
    LAYOUTS[layout](event, folder)
    page_path = tmp_path / "class.html"
    result = CliRunner().invoke(cli, ["report", str(folder), "--blind", "-o", str(page_path)])
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    seen = visible_text(page)
    for name in event.names:
        assert not re.search(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", seen, re.IGNORECASE), (
            f"{name} shows in the blind report of {event_name} laid out as {layout}")
    for p in event.pieces:
        assert p.slug not in re.findall(r'(?:id|href)="#?([^"]*)"', page)
    # every hidden name drawn alike, whatever its length
    assert set(re.findall("\u2588+", page)) <= {"\u2588" * 4}
    # lengths to the hundred, never an article's or an outlet's exact count
    corpus = load_corpus(folder)
    for words in {a.words for a in corpus.articles} | {o.words for o in corpus.outlets}:
        assert not re.search(rf"(?<![\d,]){words} words", seen), words
        assert f'<td class="num">{words}</td>' not in page
    outlets = len(event.pieces)
    assert all(f"Outlet {chr(ord('A') + n)}" in seen for n in range(outlets))
    assert (tmp_path / "class-key.html").is_file()
