"""The SQLite export: the JSON document's lists as tables, read back by SQL as the JSON has them."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from pytest import MonkeyPatch

from framing.analysis import analyze
from framing.cli.main import cli
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import AnalysisConfig, Report
from framing.render import sqlite as sqlite_export
from framing.render.export import ALIGNMENT_KEYS, report_dict
from framing.render.output import write_atomic
from framing.render.sqlite import TABLES, render_sqlite
from framing.text.loading import load_corpus

from .helpers import DEMO, ROOT

# Tables holding a JSON list as it is, row for row and field for field.
AS_IN_JSON = tuple(
    t.name for t in TABLES
    if t.name not in {"meta", "settings", "corpus", "skipped", "articles", "removed",
                      "alignments", "findings", "citations", "notes"}
)


@lru_cache(maxsize=2)
def demo(align: bool = True) -> Report:
    return analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()),
                   AnalysisConfig(align=align))


@lru_cache(maxsize=2)
def demo_json(align: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(report_dict(demo(align))))
    return data


def database(path: Path) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(path))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("sqlite") / "demo.sqlite"
    write_atomic(path, render_sqlite(demo()))
    with database(path) as db:
        yield db


def rows(db: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    """A table's rows in the order written, as dicts, its JSON columns parsed."""
    json_columns = {c.name for t in TABLES if t.name == table for c in t.columns
                    if c.kind == "JSON"}
    cursor = db.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
    names = [d[0] for d in cursor.description]
    return [
        {n: json.loads(v) if n in json_columns and v is not None else v
         for n, v in zip(names, row, strict=True)}
        for row in cursor
    ]


def plain(row: dict[str, Any]) -> dict[str, Any]:
    """A JSON row as SQLite stores it: true and false as 1 and 0."""
    return {k: int(v) if isinstance(v, bool) else v for k, v in row.items()}


def count(db: sqlite3.Connection, table: str) -> int:
    found: int = db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    return found


def test_every_json_list_is_a_table_with_a_row_per_entry(demo_db: sqlite3.Connection) -> None:
    data = demo_json()
    assert (count(demo_db, "outlets"), count(demo_db, "articles")) == (5, 5)  # five .txt files
    assert rows(demo_db, "skipped") == [{"file": "README.md",
                                         "reason": "corpus documentation (README)"}]
    for table in (*AS_IN_JSON, "articles", "alignments", "findings"):
        assert count(demo_db, table) == len(data[table]), table
    assert count(demo_db, "removed") == sum(len(a["removed"]) for a in data["articles"])
    assert count(demo_db, "citations") == sum(len(f["citations"]) for f in data["findings"])
    assert count(demo_db, "settings") == len(data["settings"]) == 5
    assert (count(demo_db, "corpus"), count(demo_db, "notes")) == (1, 0)
    assert count(demo_db, "matches") > 100 and count(demo_db, "edits") > 0


def test_every_json_key_has_a_table() -> None:
    names = {t.name for t in TABLES}
    # the meta table; alignment_skipped is the notes table
    assert set(demo_json()) - names == {"generator", "schema_version", "alignment_skipped"}


def test_every_table_is_documented() -> None:
    section = (ROOT / "SCHEMA.md").read_text(encoding="utf-8").split("## SQLite export")[1]
    for table in TABLES:
        assert f"`{table.name}`" in section, table.name


def test_tables_read_back_as_the_json(demo_db: sqlite3.Connection) -> None:
    data = demo_json()
    for table in AS_IN_JSON:
        assert rows(demo_db, table) == [plain(r) for r in data[table]], table
    assert rows(demo_db, "articles") == [
        plain({k: v for k, v in a.items() if k != "removed"}) for a in data["articles"]
    ]
    assert rows(demo_db, "removed") == [
        {"article": a["file"], **r} for a in data["articles"] for r in a["removed"]
    ]
    assert rows(demo_db, "findings") == [
        plain({k: v for k, v in f.items() if k != "citations"}) for f in data["findings"]
    ]
    assert rows(demo_db, "citations") == [
        {"finding": f["id"], **c} for f in data["findings"] for c in f["citations"]
    ]
    assert rows(demo_db, "alignments") == [{"id": n, **plain(a)}
                                           for n, a in enumerate(data["alignments"])]
    assert dict(demo_db.execute("SELECT key, value FROM settings")) == {
        "own_voice": "false", "evaluative": "model", "discover": "true", "top_terms": "12",
        "align_max_articles": "200"}
    assert rows(demo_db, "corpus") == [{"name": "al-hader-2015", **data["corpus"]["limits"]}]
    assert dict(demo_db.execute("SELECT key, value FROM meta")) == {
        "generator": data["generator"], "schema_version": "3",
    }


def test_values_have_their_declared_types(demo_db: sqlite3.Connection) -> None:
    for table in TABLES:
        for column in table.columns:
            assert column.kind in {"INTEGER", "REAL", "TEXT", "JSON"}  # DuckDB needs a type
            name = f'"{column.name}"'
            kinds = {k for (k,) in demo_db.execute(
                f'SELECT DISTINCT typeof({name}) FROM "{table.name}"')}
            if column.kind == "JSON":
                assert kinds <= {"text", "null"}, (table.name, column.name)
                assert demo_db.execute(f'SELECT COUNT(*) FROM "{table.name}" '
                                       f"WHERE NOT json_valid({name})").fetchone() == (0,)
            else:
                assert kinds <= {column.kind.lower(), "null"}, (table.name, column.name, kinds)


def test_matches_counted_by_sql_are_the_label_counts(demo_db: sqlite3.Connection) -> None:
    by_sql = {
        (outlet, name, referent): n for outlet, name, referent, n in demo_db.execute(
            "SELECT m.outlet, o.name, m.referent, COUNT(*) FROM matches m "
            "JOIN outlets o ON o.id = m.outlet WHERE m.kind = 'referent' "
            "GROUP BY m.outlet, m.referent")
    }
    names = {o["id"]: o["name"] for o in demo_json()["outlets"]}
    summed: Counter[tuple[str, str, str]] = Counter()
    for label in demo_json()["labels"]:
        summed[label["outlet"], names[label["outlet"]], label["referent"]] += label["count"]
    assert by_sql == summed
    assert sum(by_sql.values()) == 225
    assert by_sql["trt-world", "TRT World", "syrian-government"] == sum(
        r["count"] for r in demo_json()["labels"]
        if (r["outlet"], r["referent"]) == ("trt-world", "syrian-government"))


def test_a_citations_evidence_joins_the_matches_it_names(demo_db: sqlite3.Connection) -> None:
    cited = demo_db.execute(
        "SELECT c.finding, c.label, c.count, COUNT(m.id) FROM citations c, "
        "json_each(c.evidence) e LEFT JOIN matches m ON m.id = e.value "
        "WHERE c.finding = 'f1' GROUP BY c.rowid ORDER BY c.rowid").fetchall()
    assert cited[0] == ("f1", "regime forces", 5, 5)
    assert all(n == found for _, _, n, found in cited)


def test_keys_indexes_and_references(demo_db: sqlite3.Connection) -> None:
    def key(table: str) -> list[str]:
        return [r[1] for r in demo_db.execute(f'PRAGMA table_info("{table}")') if r[5]]

    assert [key(t) for t in ("matches", "quotes", "findings", "articles", "outlets")] == [
        ["id"], ["id"], ["id"], ["file"], ["id"]]
    indexed = {(r[0], r[1]) for r in demo_db.execute(
        "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'")}
    assert {("matches", "matches_outlet"), ("matches", "matches_referent"),
            ("matches", "matches_article"), ("labels", "labels_outlet"),
            ("citations", "citations_finding"), ("unique", "unique_outlet")} <= indexed
    assert demo_db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert demo_db.execute("PRAGMA application_id").fetchone() == (sqlite_export.APPLICATION_ID,)
    assert demo_db.execute("PRAGMA user_version").fetchone() == (3,)


def test_without_alignment_its_tables_are_there_empty_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "unaligned.sqlite"
    write_atomic(path, render_sqlite(demo(align=False)))
    assert demo_json(align=False)["alignments"] == []
    with database(path) as db:
        for table in ALIGNMENT_KEYS:  # each alignment list of the JSON is a table
            assert count(db, table) == 0, table
            columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
            assert columns == [c.name for t in TABLES if t.name == table for c in t.columns]
        assert db.execute("SELECT about, note FROM notes").fetchall() == [(
            "alignment",
            "shared copy was not compared (switched off)")]
        assert count(db, "matches") == len(demo_json(align=False)["matches"])


def test_alignment_past_the_limit_says_how_to_lift_it() -> None:
    report = analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()),
                     AnalysisConfig(align_max_articles=3))
    assert sqlite_export.table_rows(report_dict(report))["notes"] == [{
        "about": "alignment",
        "note": "shared copy was not compared: 5 articles exceed the limit of 3 (pairwise "
                "comparison; --align-limit 0 lifts it)"}]


def test_a_row_with_other_fields_than_its_table_stops_the_export(tmp_path: Path) -> None:
    tables = sqlite_export.table_rows(demo_json())
    tables["matches"] = [{**tables["matches"][0], "new_field": 1}]
    with pytest.raises(ValueError, match=r"the matches table has the columns \['id', "):
        write_atomic(tmp_path / "r.sqlite", lambda p: sqlite_export.write_database(tables, p))
    assert list(tmp_path.iterdir()) == []


def test_same_input_same_rows_in_the_same_order(tmp_path: Path) -> None:
    dumps = []
    for name in ("1.sqlite", "2.sqlite"):
        write_atomic(tmp_path / name, render_sqlite(demo()))
        with database(tmp_path / name) as db:
            dumps.append(list(db.iterdump()))
    assert dumps[0] == dumps[1]


# --------------------------------------------------------------------------- the command


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_writes_a_database_by_extension_or_format(tmp_path: Path) -> None:
    for out, options in ((tmp_path / "demo.sqlite", ()), (tmp_path / "demo.db", ()),
                         (tmp_path / "demo.out", ("--format", "sqlite"))):
        result = run("report", str(DEMO), "-o", str(out), *options)
        assert result.exit_code == 0, result.output
        assert f"Wrote SQLite report to {out}" in result.stdout
        with database(out) as db:
            assert count(db, "matches") == len(demo_json()["matches"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.out", "demo.sqlite"]
    assert (tmp_path / "demo.sqlite").stat().st_mode & 0o777 == 0o644


def test_cli_refuses_a_database_on_standard_output(tmp_path: Path) -> None:
    result = run("report", str(DEMO), "--format", "sqlite", "-o", "-")
    assert result.exit_code == 2
    assert "cannot go to standard output: give -o FILE.sqlite" in result.output
    assert result.stdout == ""


def test_an_existing_database_is_replaced_only_on_success(tmp_path: Path) -> None:
    out = tmp_path / "event.sqlite"
    out.write_bytes(b"my old database")
    (tmp_path / "empty").mkdir()
    failed = run("report", str(tmp_path / "empty"), "-o", str(out))
    assert failed.exit_code == 1 and "no readable article" in failed.output
    assert out.read_bytes() == b"my old database"
    assert run("report", str(DEMO), "-o", str(out)).exit_code == 0
    with database(out) as db:
        assert count(db, "outlets") == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "event.sqlite"]


def test_a_database_that_cannot_be_written_keeps_the_old_one(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    def full_disk(table: Any, tables: Any = ()) -> str:
        raise sqlite3.OperationalError("database or disk is full")

    out = tmp_path / "event.sqlite"
    out.write_bytes(b"my old database")
    monkeypatch.setattr(sqlite_export, "create_statement", full_disk)
    result = run("report", str(DEMO), "-o", str(out))
    assert result.exit_code == 1
    assert "cannot write (SQLite: database or disk is full); choose another place" in (
        result.output)
    assert out.read_bytes() == b"my old database"
    assert [p.name for p in tmp_path.iterdir()] == ["event.sqlite"]


def test_the_default_output_replaces_framings_database_not_a_foreign_one(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("report", str(DEMO), "--format", "sqlite").exit_code == 0
    assert run("report", str(DEMO), "--format", "sqlite").exit_code == 0  # framing's own
    own = tmp_path / "al-hader-2015-report.sqlite"
    own.unlink()
    with database(own) as db:
        db.execute("CREATE TABLE notes (text)")
        db.commit()
    refused = run("report", str(DEMO), "--format", "sqlite")
    assert refused.exit_code == 1 and "was not written by framing" in refused.output
    with database(own) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["notes"]
