"""The SQLite export: the JSON document's lists as the tables of one database (see SCHEMA.md).

The database is built from ``report_dict``, the JSON export's own data, so the two cannot
disagree: every table has the fields of its JSON list, and a row whose fields differ from its
table's columns stops the export instead of losing a field.
"""

from __future__ import annotations

import contextlib
import errno
import json
import sqlite3
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from framing.model import Report
from framing.render.export import SCHEMA_VERSION, report_dict

APPLICATION_ID = 0x6672616D  # "fram": PRAGMA application_id, how framing knows its databases
SQLITE_HEADER = b"SQLite format 3\x00"
Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Column:
    """A table column: its name (the JSON field's) and its SQLite type; JSON columns hold a
    nested list or object as JSON text."""

    name: str
    kind: str  # INTEGER, REAL, TEXT or JSON (stored as TEXT)

    @property
    def declared(self) -> str:
        return "TEXT" if self.kind == "JSON" else self.kind


@dataclass(frozen=True)
class Table:
    """One table: columns in the JSON's order, its primary key, the columns indexed."""

    name: str
    columns: tuple[Column, ...]
    key: str | None = None
    indexed: tuple[str, ...] = ()


# Columns researchers join on: indexed wherever they occur.
JOINED = ("outlet", "referent", "category", "article", "finding", "alignment")
# Columns that name a row of another table: declared as foreign keys (Datasette links them).
REFERENCES = {"outlet": ("outlets", "id"), "article": ("articles", "file"),
              "finding": ("findings", "id"), "alignment": ("alignments", "id")}


def make_table(name: str, columns: str, key: str | None = None,
               indexed: tuple[str, ...] = ()) -> Table:
    """A table from "name TYPE, name TYPE …", indexed on the columns researchers join on."""
    parsed = tuple(Column(*part.partition(" ")[::2]) for part in columns.split(", "))
    joined = tuple(c.name for c in parsed if c.name in JOINED and c.name != key)
    return Table(name, parsed, key, (*indexed, *joined))


_COUNTS = ("term TEXT, lexicon_term TEXT, connotation TEXT, score INTEGER, count INTEGER, "
           "per_1000_words REAL, articles INTEGER, tfidf REAL, source TEXT, quoted INTEGER")
TABLES = (
    make_table("meta", "key TEXT, value TEXT", key="key"),
    make_table("settings", "key TEXT, value TEXT", key="key"),
    make_table("corpus", "name TEXT, max_article_chars INTEGER, max_sentence_words INTEGER, "
                         "sentences_cut INTEGER"),
    make_table("skipped", "file TEXT, reason TEXT"),
    make_table("outlets", "id TEXT, name TEXT, words INTEGER, articles JSON", key="id"),
    make_table("articles", "id TEXT, file TEXT, outlet TEXT, title TEXT, date TEXT, url TEXT, "
                           "credits JSON, words INTEGER, sentences INTEGER, encoding TEXT",
               key="file"),
    make_table("removed", "article TEXT, start INTEGER, end INTEGER, text TEXT, reason TEXT"),
    make_table("lexicons", "name TEXT, file TEXT, scope TEXT, chosen INTEGER, reason TEXT, "
                           "sources JSON"),
    make_table("referents", "id TEXT, name TEXT, kind TEXT, description TEXT, lexicon TEXT, "
                            "source TEXT", indexed=("id",)),
    make_table("labels", f"outlet TEXT, referent TEXT, {_COUNTS}"),
    make_table("cues", f"outlet TEXT, category TEXT, {_COUNTS}"),
    make_table("connotation_shares", "outlet TEXT, referent TEXT, mentions INTEGER, "
                                     "negative REAL, neutral REAL, positive REAL, unrated REAL, "
                                     "rated INTEGER, score REAL, strong_negative INTEGER, "
                                     "strong_positive INTEGER"),
    make_table("distinctive_terms", "outlet TEXT, term TEXT, count INTEGER, others INTEGER, "
                                    "tfidf REAL, log_odds REAL, log_odds_z REAL, few INTEGER, "
                                    "evidence JSON"),
    make_table("alignments", "id INTEGER, a JSON, b JSON, outlets JSON, similarity REAL, kind TEXT",
               key="id"),
    make_table("edits", "outlets JSON, articles JSON, alignment INTEGER, op TEXT, before TEXT, "
                        "after TEXT, before_span JSON, after_span JSON, referent TEXT, "
                        "term_before TEXT, term_after TEXT, connotation JSON"),
    make_table("shared", "outlets JSON, sentences JSON, shared JSON, verbatim JSON, share JSON"),
    make_table("shared_sources", "articles JSON, outlets JSON, alignments INTEGER, agencies JSON, "
                                 "credited JSON"),
    make_table("content_units", "sentences JSON, outlets JSON"),
    make_table("unique", "outlet TEXT, sentences JSON, compared INTEGER"),
    make_table("headlines", "article TEXT, outlet TEXT, referent TEXT, headline_only JSON, "
                            "body_only JSON"),
    make_table("matches", "id TEXT, outlet TEXT, article TEXT, start INTEGER, end INTEGER, "
                          "text TEXT, referent TEXT, kind TEXT, term TEXT, connotation TEXT, "
                          "source TEXT, sentence INTEGER, voice TEXT, speaker TEXT", key="id"),
    make_table("quotes", "id TEXT, outlet TEXT, article TEXT, start INTEGER, end INTEGER, "
                         "direct INTEGER, speaker TEXT, speaker_as_written TEXT, "
                         "speaker_start INTEGER, speaker_end INTEGER, referent TEXT, "
                         "named INTEGER, kind TEXT, role TEXT, verb TEXT, verb_lemma TEXT, "
                         "connotation TEXT",
               key="id"),
    make_table("actions", "outlet TEXT, article TEXT, referent TEXT, term TEXT, start INTEGER, "
                          "end INTEGER, role TEXT, verb TEXT, verb_start INTEGER, "
                          "verb_end INTEGER, passive INTEGER"),
    make_table("casualties", "outlet TEXT, article TEXT, start INTEGER, end INTEGER, wording TEXT, "
                             "agent TEXT, quoted INTEGER"),
    make_table("headline_voices", "outlet TEXT, article TEXT, title TEXT, verb TEXT, agent TEXT, "
                                  "agent_text TEXT, patient TEXT, patient_text TEXT"),
    make_table("tones", "outlet TEXT, referent TEXT, tone REAL, negative INTEGER, "
                        "positive INTEGER, quoted INTEGER, words JSON"),
    make_table("findings", "id TEXT, kind TEXT, text TEXT, what_differs INTEGER, figures JSON, "
                           "absent JSON", key="id"),
    make_table("citations", "finding TEXT, outlet TEXT, referent TEXT, label TEXT, count INTEGER, "
                            "evidence JSON"),
    make_table("questions", "finding TEXT, text TEXT"),
    make_table("notes", "about TEXT, note TEXT"),
)


def render_sqlite(report: Report) -> Callable[[Path], None]:
    """The report as a function that writes its database at the path it is given (a
    temporary file, renamed over the output once written: see output.write_together)."""
    return partial(write_database, table_rows(report_dict(report)))


def table_rows(data: Mapping[str, Any]) -> dict[str, Rows]:
    """Each table's rows from the JSON document, in its order: a list as it is; a record
    nested in another (a removed line in its article, a citation in its finding, a skipped
    file in the corpus) lifted into a table of its own with the id of the row it was in.
    Alignment tables are empty when the analysis left alignment out; ``notes`` says why (the
    JSON's ``alignment_skipped``)."""
    corpus = data["corpus"]
    lifted: dict[str, Rows] = {
        "meta": _pairs({k: data[k] for k in ("generator", "schema_version")}),
        "settings": _pairs(data["settings"]),
        "corpus": [{"name": corpus["name"], **corpus["limits"]}],
        "skipped": corpus["skipped"],
        "articles": [_without(a, "removed") for a in data["articles"]],
        "removed": [{"article": a["file"], **r} for a in data["articles"] for r in a["removed"]],
        "alignments": [{"id": n, **x} for n, x in enumerate(data.get("alignments", []))],
        "findings": [_without(f, "citations") for f in data["findings"]],
        "citations": [{"finding": f["id"], **c} for f in data["findings"]
                      for c in f["citations"]],
        "notes": [{"about": "alignment", "note": data["alignment_skipped"]}]
                 if data.get("alignment_skipped") else [],
    }
    return {
        t.name: lifted[t.name] if t.name in lifted
        else data[t.name]
        for t in TABLES
    }


def _pairs(values: Mapping[str, Any]) -> Rows:
    """Key and value rows, every value text (one type to a column, as DuckDB requires): a
    string as it is, a number, true, false or null as JSON writes it."""
    return [{"key": k, "value": v if isinstance(v, str) else json.dumps(v)}
            for k, v in values.items()]


def _without(row: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}


def write_database(rows: Mapping[str, Rows], path: Path,
                   tables: tuple[Table, ...] | None = None) -> None:
    """Write every table (the report's, unless ``tables`` are given) to a new database at
    ``path``, in one transaction, indexes last.

    ``path`` is a temporary file that is deleted if anything fails, so there is no journal to
    roll back with. A failure of the disk or the file (full, read-only) is an OSError, as when
    any other report is written."""
    try:
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("BEGIN")
            tables = TABLES if tables is None else tables
            names = {t.name for t in tables}
            for table in tables:
                db.execute(create_statement(table, names))
                db.executemany(_insert_statement(table),
                               (_values(table, row) for row in rows[table.name]))
            for table in tables:
                for column in table.indexed:
                    db.execute(f"CREATE INDEX {_quote(f'{table.name}_{column}')} "
                               f"ON {_quote(table.name)} ({_quote(column)})")
            db.execute("COMMIT")
    except sqlite3.OperationalError as err:
        raise OSError(errno.EIO, f"SQLite: {err}") from err


def create_statement(table: Table, tables: Collection[str] = ()) -> str:
    """CREATE TABLE with the columns' types, the primary key (never NULL) and the columns
    that name a row elsewhere as foreign keys. Every name is quoted: `unique`, `end` and
    `before` are SQL words."""
    columns = [
        f"{_quote(c.name)} {c.declared}"
        + (" NOT NULL PRIMARY KEY" if c.name == table.key else "")
        for c in table.columns
    ]
    for c in table.columns:
        target, column = REFERENCES.get(c.name, (table.name, ""))
        if target != table.name and (not tables or target in tables):
            columns.append(f"FOREIGN KEY ({_quote(c.name)}) "
                           f"REFERENCES {_quote(target)} ({_quote(column)})")
    return f"CREATE TABLE {_quote(table.name)} ({', '.join(columns)})"


def _insert_statement(table: Table) -> str:
    names = ", ".join(_quote(c.name) for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    return f"INSERT INTO {_quote(table.name)} ({names}) VALUES ({marks})"


def _values(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    """A row's values in the table's column order: a list or an object as JSON text, None as
    NULL. A row with other fields than the table's columns is a bug here, never a field lost."""
    if tuple(row) != tuple(c.name for c in table.columns):
        raise ValueError(f"the {table.name} table has the columns "
                         f"{[c.name for c in table.columns]}, the JSON rows {list(row)}")
    return tuple(
        json.dumps(row[c.name], ensure_ascii=False)
        if c.kind == "JSON" and row[c.name] is not None else row[c.name]
        for c in table.columns
    )


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def is_framing_database(head: bytes) -> bool:
    """True when ``head``, a file's first bytes, is the header of a database framing wrote."""
    return head.startswith(SQLITE_HEADER) and head[68:72] == APPLICATION_ID.to_bytes(4, "big")
