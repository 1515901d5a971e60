"""Turn a folder of articles into Documents, and Documents into a Corpus.

Supported files: ``.txt``/``.md`` (plain text), ``.html``/``.htm`` (saved web pages, main text
extracted with trafilatura), ``.jsonl`` and ``.csv`` (one article per row). An optional
``outlets.csv`` manifest names each file's outlet, and may give its title, date, URL and
credited sources. Every file that is not used comes back as a Skipped with the reason.
``load_corpus`` ties it together: read, clean, group by outlet.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from framing.engine import Engine, local_pool
from framing.errors import InputError, ManifestError
from framing.model import Article, Corpus, Document, Outlet, ReadingLimits, Skipped
from framing.slugs import slugify, unique
from framing.text.cleaning import clean
from framing.text.plain_html import page_text
from framing.text.reading import read_text

logger = logging.getLogger(__name__)

MANIFEST = "outlets.csv"
REFERENTS = "referents.toml"  # corrections to discovered referents (see actors/corrections.py)
TEXT_TYPES = frozenset({".txt", ".md"})
HTML_TYPES = frozenset({".html", ".htm"})
FEED_TYPES = frozenset({".jsonl", ".csv"})
DEFAULT_LIMITS = ReadingLimits()
PAGE_MARKUP = 20  # a saved page may be this many bytes per character of article text
ROW_FIELDS = ("outlet", "text")  # a feed row needs both; a blank or absent title is allowed
_CREDIT_SPLIT = re.compile(r"\s*[/,;]\s*")
_INDEX_PREFIX = re.compile(r"^(?:\d+[_-]+)+")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # half a UTF-16 pair: no character at all
_HASH_PART = re.compile(r"^(?:\d+|(?=[0-9a-f]*\d)[0-9a-f]{6,})$", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class ManifestEntry:
    """One row of outlets.csv: what the user says about one file."""

    outlet: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()


def load_documents(
    folder: Path, limits: ReadingLimits = DEFAULT_LIMITS
) -> tuple[list[Document], list[Skipped]]:
    """Read every article in ``folder`` (sorted by file name) and list the files not used
    (among them articles longer than ``limits.max_article_chars``).

    Raises InputError when the folder is missing or holds no readable article, ManifestError
    when its outlets.csv is malformed.
    """
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise InputError(f"{folder}: {what}; give the folder that holds the articles")
    paths = sorted(p for p in folder.iterdir() if p.name not in (MANIFEST, REFERENTS))
    manifest = read_manifest(folder / MANIFEST) if (folder / MANIFEST).is_file() else None
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for path in paths:
        reason = _skip_reason(path)
        if reason:
            skipped.append(Skipped(source=path.name, reason=reason))
            continue
        entry = manifest.get(path.name) if manifest is not None else None
        if manifest is not None and entry is None:
            logger.warning("%s does not list %s; its outlet is taken from the page or the "
                           "file name", folder / MANIFEST, path.name)
        found, passed = _load_file(path, entry, limits.max_article_chars)
        docs.extend(found)
        skipped.extend(passed)
    if not docs:
        raise InputError(f"{folder}: no readable articles ({len(skipped)} files skipped); add "
                         ".txt, .html, .jsonl or .csv files with one article each or per row")
    return docs, skipped


def load_feed(path: Path, limits: ReadingLimits = DEFAULT_LIMITS
              ) -> tuple[list[Document], list[Skipped]]:
    """The articles of one .jsonl or .csv feed file (its rows may carry an ``event``)."""
    if not path.is_file() or path.suffix.lower() not in FEED_TYPES:
        raise InputError(f"{path}: not a .jsonl or .csv feed")
    docs, skipped = _load_file(path, None, limits.max_article_chars)
    if not docs:
        raise InputError(f"{path}: no readable article ({'; '.join(s.reason for s in skipped)})")
    return docs, skipped


def _skip_reason(path: Path) -> str | None:
    """Why ``path`` is not an article file, or None when it is one."""
    if path.name.startswith("."):
        return "hidden file"
    if path.is_dir():
        return "a folder; articles must sit directly in the corpus folder"
    if path.stem.lower() == "readme":
        return "corpus documentation (README)"
    if path.suffix.lower() not in TEXT_TYPES | HTML_TYPES | FEED_TYPES:
        return "unsupported file type; save it as .txt or .html"
    return None


def _load_file(path: Path, entry: ManifestEntry | None,
               max_chars: int) -> tuple[list[Document], list[Skipped]]:
    """Read one article file, or one feed of articles; an unreadable file, or an article
    longer than ``max_chars`` characters, is skipped with the reason."""
    suffix = path.suffix.lower()
    if suffix not in FEED_TYPES:
        # a character takes up to 4 bytes in UTF-8; a saved page is mostly markup
        most = max_chars * (PAGE_MARKUP if suffix in HTML_TYPES else 4)
        size = path.stat().st_size
        if size > most:
            return [], [Skipped(source=path.name, reason=_too_long(f"{size:,} bytes", max_chars))]
    try:
        text, encoding = read_text(path)
    except InputError as err:
        return [], [Skipped(source=path.name, reason=str(err))]
    if not text.strip():
        return [], [Skipped(source=path.name, reason="empty article")]
    if suffix in FEED_TYPES:
        return _load_feed(path, text, encoding, entry, max_chars)
    if suffix in HTML_TYPES:
        try:
            doc = _html_document(path.name, text, encoding)
        except Exception as err:  # lxml, trafilatura, htmldate: any failure skips this page
            reason = f"the page could not be parsed ({type(err).__name__}); save it again"
            return [], [Skipped(source=path.name, reason=reason)]
        if doc is None:
            return [], [Skipped(source=path.name, reason="no article text found in the page")]
    else:
        doc = Document(source=path.name, text=text, encoding=encoding)
    if len(doc.text) > max_chars:
        return [], [Skipped(source=path.name,
                            reason=_too_long(f"{len(doc.text):,} characters", max_chars))]
    return [_apply(doc, entry, path.name)], []


def _too_long(size: str, max_chars: int) -> str:
    return (f"{size}, more than an article of {max_chars:,} characters (the limit); raise "
            "--max-article-chars to read it")


def _apply(doc: Document, entry: ManifestEntry | None, file_name: str) -> Document:
    """Let the manifest override what the file says, and make sure an outlet is set."""
    if entry is not None:
        doc = replace(doc, outlet=entry.outlet, title=entry.title or doc.title,
                      date=entry.date or doc.date, url=entry.url or doc.url,
                      credits=entry.credits or doc.credits)
    if not doc.outlet:
        doc = replace(doc, outlet=outlet_from_file_name(file_name))
    return doc


def outlet_from_file_name(file_name: str) -> str:
    """Guess an outlet from a file name: ``nytimes_2.txt`` -> "nytimes".

    Drops leading "NNN_" indexes and trailing numeric or hash-like parts; when nothing is
    left (``000_b0944008bce1c800.txt``) the stem is returned as it is.
    """
    stem = Path(file_name.split("#")[0]).stem
    parts = re.split(r"([_-]+)", _INDEX_PREFIX.sub("", stem))  # words and separators
    while parts and (not parts[-1] or _HASH_PART.match(parts[-1])):
        del parts[-2:]  # the part and the separator before it
    return "".join(parts) or stem


# --------------------------------------------------------------------------- saved web pages


def _html_document(name: str, html: str, encoding: str) -> Document | None:
    """Extract a saved page's main text and metadata; None when no article text is found.

    The text is the title line, then the main-text paragraphs, separated by blank lines, so
    that the title can be found in the text like in any other file.
    """
    import trafilatura  # slow to import and most corpora have no HTML

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False)
    meta: dict[str, Any] = {} if result is None else (
        result if isinstance(result, dict) else result.as_dict())
    lines = [line.strip() for line in str(meta.get("text") or "").splitlines()]
    paragraphs = [line for line in lines if line]
    if not paragraphs:
        return _plain_document(name, html, encoding)
    title = _field(meta, "title")
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    return Document(source=name, text="\n\n".join(paragraphs), outlet=_field(meta, "sitename"),
                    title=title, date=_field(meta, "date"), url=_field(meta, "url"),
                    encoding=encoding)


def _plain_document(name: str, html: str, encoding: str) -> Document | None:
    """The page's text between its tags, when trafilatura finds none (a page nested deeper
    than lxml reads); None when it holds no paragraph either."""
    found = page_text(html)
    if found is None:
        return None
    title, blocks = found
    logger.warning("%s: no article text found by trafilatura; the text between the tags is "
                   "used instead, and menus or footers the cleaner does not know may remain",
                   name)
    if title and blocks[0] != title:
        blocks.insert(0, title)
    return Document(source=name, text="\n\n".join(blocks), title=title or None,
                    encoding=encoding)


# --------------------------------------------------------------------------- feeds


def _load_feed(path: Path, text: str, encoding: str, entry: ManifestEntry | None,
               max_chars: int) -> tuple[list[Document], list[Skipped]]:
    """One Document per usable row of a .jsonl or .csv feed; a feed with none is an error."""
    rows = _jsonl_rows(text) if path.suffix.lower() == ".jsonl" else _csv_rows(text)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for number, row in rows:
        source = f"{path.name}#{number}"
        if isinstance(row, str):
            skipped.append(Skipped(source=source, reason=row))
            continue
        doc = _row_document(source, row, entry, encoding)
        if isinstance(doc, Document) and len(doc.text) > max_chars:
            doc = Skipped(source=source, reason=_too_long(f"{len(doc.text):,} characters",
                                                          max_chars))
        if isinstance(doc, Skipped):
            skipped.append(doc)
        else:
            docs.append(doc)
    if not docs:
        raise InputError(f"{path}: no usable row ({len(skipped)} rows skipped); every row "
                         f"needs the fields {', '.join(ROW_FIELDS)}")
    return docs, skipped


def _jsonl_rows(text: str) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    """Yield (line number, object) per non-blank line, or (line number, reason) when bad."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield number, f"not valid JSON ({err.msg}); fix the line"
            continue
        except RecursionError:
            yield number, "brackets nested too deeply to read; fix the line"
            continue
        yield number, row if isinstance(row, dict) else "not a JSON object; fix the line"


def _csv_rows(text: str) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    """Yield (row number, row) per data row; the header row is not counted."""
    reader = csv.DictReader(io.StringIO(text))
    with _csv_fields_up_to(len(text)):
        for number, row in enumerate(reader, start=1):
            yield number, {(key or "").strip().lower(): value for key, value in row.items()}


@contextmanager
def _csv_fields_up_to(size: int) -> Iterator[None]:
    """Let the csv module read a field as long as the whole file (one long article per row;
    its default stops at 131,072 characters), and give the old limit back after."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, min(size + 1, 2**31 - 1)))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _row_document(source: str, row: Mapping[str, Any], entry: ManifestEntry | None,
                  encoding: str) -> Document | Skipped:
    """Build the Document of one feed row: title line, blank line, then the text.

    The row's own fields win; the feed's manifest entry, if any, fills those it lacks.
    """
    values = {key: _field(row, key)
              for key in (*ROW_FIELDS, "title", "date", "url", "credited_sources", "event")}
    if entry is not None:
        defaults = {"outlet": entry.outlet, "date": entry.date, "url": entry.url}
        values = {key: value or defaults.get(key) for key, value in values.items()}
    missing = [key for key in ROW_FIELDS if not values[key]]
    if missing:
        return Skipped(source=source, reason=f"missing field(s): {', '.join(missing)}")
    body = str(values["text"]).replace("\r\n", "\n").replace("\r", "\n")
    if not values["title"]:  # no headline given: the body's first line is read as a file's
        return Document(source=source, text=body, outlet=values["outlet"], date=values["date"],
                        url=values["url"], credits=_credits(values, entry), encoding=encoding,
                        event=values["event"])
    title = " ".join(str(values["title"]).split())  # the title must be one line
    return Document(source=source, text=f"{title}\n\n{body}", outlet=values["outlet"],
                    title=title, date=values["date"], url=values["url"],
                    credits=_credits(values, entry), encoding=encoding, event=values["event"])


def _credits(values: Mapping[str, str | None], entry: ManifestEntry | None) -> tuple[str, ...]:
    """The agencies a row credits, else those its manifest entry names."""
    credits = split_credits(values["credited_sources"] or "")
    if not credits and entry is not None:
        credits = entry.credits
    return credits


def _field(row: Mapping[str, Any], key: str) -> str | None:
    """A row's value as stripped text, or None when missing, blank or no text at all (a JSON
    list, object or true is not a name or an article: "[None, None]" must not become one)."""
    value = row.get(key)
    if value is None or isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = LONE_SURROGATE.sub("\ufffd", str(value)).strip()  # JSON may escape half a pair
    return text or None


def split_credits(value: str) -> tuple[str, ...]:
    """Split "REUTERS/AFP" or "AFP, AP; DPA" into its names."""
    return tuple(part for part in _CREDIT_SPLIT.split(value.strip()) if part)


# --------------------------------------------------------------------------- manifest


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Read outlets.csv into {file name: entry}; ManifestError names the row and the fix.

    Rows are numbered as a spreadsheet shows them: the header is row 1.
    """
    text, _ = read_text(path)
    reader = csv.DictReader(io.StringIO(text))
    columns = [(name or "").strip().lower() for name in reader.fieldnames or []]
    for required in ("file", "outlet"):
        if required not in columns:
            raise ManifestError(f"{path}: missing required column '{required}' (found: "
                                f"{', '.join(columns) or 'none'}); the first row must name "
                                "the columns, at least file and outlet")
    entries: dict[str, ManifestEntry] = {}
    first_row: dict[str, int] = {}
    with _csv_fields_up_to(len(text)):
        rows = list(reader)
    for number, raw in enumerate(rows, start=2):
        row = {(key or "").strip().lower(): value for key, value in raw.items()}
        name, entry = _manifest_entry(path, number, row)
        if name in entries:
            raise ManifestError(f"{path}, row {number}: '{name}' is already listed in row "
                                f"{first_row[name]}; list each file once")
        if not (path.parent / name).is_file():
            raise ManifestError(f"{path}, row {number}: file '{name}' is not in "
                                f"{path.parent}; fix the file name or remove the row")
        entries[name] = entry
        first_row[name] = number
    return entries


def _manifest_entry(path: Path, number: int,
                    row: Mapping[str, Any]) -> tuple[str, ManifestEntry]:
    """Check and convert one manifest row."""
    name = _field(row, "file")
    if name is None:
        raise ManifestError(f"{path}, row {number}: the file column is empty; give the "
                            "article's file name or remove the row")
    outlet = _field(row, "outlet")
    if outlet is None:
        raise ManifestError(f"{path}, row {number}: the outlet of '{name}' is empty; give "
                            "the name of the outlet that published it")
    entry = ManifestEntry(outlet=outlet, title=_field(row, "title"), date=_field(row, "date"),
                          url=_field(row, "url"),
                          credits=split_credits(_field(row, "credited_sources") or ""))
    return name, entry


# --------------------------------------------------------------------------- corpus


Progress = Callable[[int, int], None]  # (documents cleaned, documents in all)
PARALLEL_FROM = 100  # articles from which cleaning runs in several processes


def load_corpus(folder: Path, progress: Progress | None = None,
                limits: ReadingLimits = DEFAULT_LIMITS, engine: Engine | None = None) -> Corpus:
    """Read, clean and assemble the articles in ``folder``; the corpus takes the folder's name."""
    docs, skipped = load_documents(folder, limits)
    return build_corpus(folder.resolve().name, docs, skipped, progress, limits, engine)


def build_corpus(
    name: str, docs: list[Document], skipped: list[Skipped], progress: Progress | None = None,
    limits: ReadingLimits = DEFAULT_LIMITS, engine: Engine | None = None,
) -> Corpus:
    """Clean ``docs`` and group them by outlet, reporting each cleaned one to ``progress``.

    Cleaning (page chrome, sentences, the text layer) is most of the reading time and each
    article is independent: ``engine`` runs it (by default one process per core from
    ``PARALLEL_FROM`` articles on); the result is the same on every engine.

    Outlets are sorted by name, articles by outlet and then source. Raises InputError when
    there is no article or only one outlet: framing compares outlets.
    """
    if not docs:
        raise InputError(f"corpus {name}: no articles; add .txt or .html files, one article "
                         "each, from at least two outlets")
    _check_unique_sources(name, docs)
    by_outlet = _by_outlet(docs)
    if len(by_outlet) < 2:
        only = next(iter(by_outlet))
        raise InputError(f"only one outlet ({only}): framing compares outlets; add articles "
                         f"from at least one other outlet{_skipped_note(skipped)}")
    names = sorted(by_outlet, key=lambda outlet: (outlet.casefold(), outlet))
    ids = _unique_slugs(names)
    jobs = [(doc, ids[outlet_name]) for outlet_name in names
            for doc in sorted(by_outlet[outlet_name], key=lambda doc: _natural_key(doc.source))]
    engine = engine or local_pool(len(jobs), PARALLEL_FROM)
    articles: list[Article] = []
    for article in engine.map(_clean_job, limits.max_sentence_words, jobs):
        articles.append(article)
        if progress:
            progress(len(articles), len(docs))
    outlets = [Outlet(id=ids[outlet_name], name=outlet_name,
                      articles=tuple(a.id for a in articles if a.outlet == ids[outlet_name]),
                      words=sum(a.words for a in articles if a.outlet == ids[outlet_name]))
               for outlet_name in names]
    return Corpus(name=name, outlets=tuple(outlets), articles=tuple(articles),
                  skipped=tuple(skipped), limits=limits)


def _clean_job(max_sentence_words: int, job: tuple[Document, str]) -> Article:
    """One document cleaned into its outlet's article (run by the engine, maybe elsewhere)."""
    doc, outlet_id = job
    return clean(doc, outlet_id, doc.source, max_sentence_words)


def _skipped_note(skipped: list[Skipped]) -> str:
    """The files left out, for an error that their absence may explain."""
    if not skipped:
        return ""
    listed = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:3])
    more = f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    return f". Not used: {listed}{more}"


def _by_outlet(docs: list[Document]) -> dict[str, list[Document]]:
    """The documents per outlet. Names that differ only in case ("Reuters", "reuters") are one
    outlet, named by its most used spelling (else the one with more capitals), with a
    warning: a reader would never take them for two."""
    spellings: dict[str, Counter[str]] = {}
    grouped: dict[str, list[Document]] = {}
    for doc in docs:
        name = _outlet_name(doc)
        spellings.setdefault(name.casefold(), Counter())[name] += 1
        grouped.setdefault(name.casefold(), []).append(doc)
    by_outlet = {}
    for key, counts in spellings.items():
        name = max(counts, key=lambda n: (counts[n], sum(c.isupper() for c in n), n))
        if len(counts) > 1:
            logger.warning("outlet names %s differ only in case: read as one outlet, %s",
                           ", ".join(sorted(counts)), name)
        by_outlet[name] = grouped[key]
    return by_outlet


def _unique_slugs(names: list[str]) -> dict[str, str]:
    """Give each outlet name a slug, numbering clashes ("bbc", "bbc-2") in name order."""
    return dict(zip(names, unique(slugify(n, "outlet") for n in names), strict=True))


def _outlet_name(doc: Document) -> str:
    """The document's outlet with whitespace tidied, else a guess from its file name."""
    name = " ".join((doc.outlet or "").split())
    return name or outlet_from_file_name(doc.source)


def _check_unique_sources(name: str, docs: list[Document]) -> None:
    """Article ids are sources, so two documents may not share one."""
    seen: set[str] = set()
    for doc in docs:
        if doc.source in seen:
            raise InputError(f"corpus {name}: two articles come from {doc.source}; give each "
                             "article its own file or row")
        seen.add(doc.source)


def _natural_key(source: str) -> list[tuple[int, int | str]]:
    """Sort "feed.jsonl#2" before "feed.jsonl#10"."""
    return [(0, int(part)) if part.isdigit() else (1, part)
            for part in re.split(r"(\d+)", source) if part]
