"""The JSON and CSV exports: the documented contract other tools read."""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from framing.analysis import analyze
from framing.cli.main import cli
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import AnalysisConfig, Report
from framing.render.export import CSV_COLUMNS, render_csv, render_json
from framing.text.loading import load_corpus

from .helpers import DEMO, ROOT


@lru_cache(maxsize=1)
def demo() -> Report:
    return analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()))


def demo_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render_json(demo()))
    return data


def test_json_contract_keys_and_rows() -> None:
    data = demo_json()
    assert {"outlets", "labels", "distinctive_terms", "matches"} <= set(data)
    assert set(data["outlets"][0]) >= {"id", "name", "words"}
    assert set(data["labels"][0]) >= {
        "outlet", "referent", "term", "connotation", "count", "per_1000_words",
    }
    assert data["distinctive_terms"] == []  # no word stands out in the demo (z above 1.96)
    outlet_ids = {o["id"] for o in data["outlets"]}
    assert {row["outlet"] for row in data["labels"]} <= outlet_ids


def test_json_matches_point_into_the_files_as_read() -> None:
    data = demo_json()
    texts = {p.name: p.read_text(encoding="utf-8") for p in DEMO.glob("0*.txt")}
    assert len(data["matches"]) > 100
    for m in data["matches"]:
        assert texts[m["article"]][m["start"] : m["end"]] == m["text"]


def test_per_1000_words_is_count_over_outlet_words() -> None:
    data = demo_json()
    words = {o["id"]: o["words"] for o in data["outlets"]}
    for row in data["labels"]:
        assert abs(row["per_1000_words"] - 1000 * row["count"] / words[row["outlet"]]) < 0.006


def test_every_json_key_is_documented() -> None:
    schema = (ROOT / "SCHEMA.md").read_text(encoding="utf-8")
    data = demo_json()
    for key, value in data.items():
        assert f"`{key}`" in schema, key
        rows = value if isinstance(value, list) else [value]
        for row in rows[:1]:
            if isinstance(row, dict):
                for field in row:
                    assert f"`{field}`" in schema, f"{key}.{field}"


def test_csv_is_the_labels_table() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(demo()))))
    assert tuple(rows[0]) == CSV_COLUMNS
    labels = demo_json()["labels"]
    assert len(rows) == len(labels)
    assert [(r["outlet"], r["referent"], r["term"], int(r["count"])) for r in rows] == [
        (r["outlet"], r["referent"], r["term"], r["count"]) for r in labels
    ]


def test_json_labels_are_as_written_with_the_lexicon_entry_and_a_score() -> None:
    labels = demo_json()["labels"]
    (support,) = [r for r in labels if r["outlet"] == "deccan-chronicle"
                  and r["term"] == "Russian air support"]
    assert (support["lexicon_term"], support["connotation"], support["score"],
            support["count"]) == ("Russian air cover", "neutral", 0, 1)
    for row in labels:
        if row["source"] == "discovered":
            assert row["lexicon_term"] == row["term"]
        sign = {"negative": -1, "neutral": 0, "positive": 1}.get(row["connotation"])
        if sign is None:
            assert row["score"] is None
        else:
            assert row["score"] in {sign * size for size in (1, 2, 3)}


def test_options_that_change_the_counts_are_stated_everywhere(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["report", str(DEMO), "--own-voice", "-o", str(out)])
    assert result.exit_code == 0, result.output
    said = "own voice only (--own-voice): labels inside quotations are not counted"
    assert said in result.output
    settings = json.loads(out.read_text(encoding="utf-8"))["settings"]
    assert settings["own_voice"] is True and settings["discover"] is True
    page = tmp_path / "r.html"
    CliRunner().invoke(cli, ["report", str(DEMO), "--own-voice", "-o", str(page)])
    assert f"<strong>Counted with:</strong> {said}." in page.read_text(encoding="utf-8")
    default = demo_json()["settings"]
    assert default["own_voice"] is False


def test_the_shared_copy_keys_are_there_and_empty_with_the_reason_when_not_compared() -> None:
    # 5 articles over a limit of 3: the pairwise comparison is left out, and says so.
    report = analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()),
                     AnalysisConfig(align_max_articles=3))
    data = json.loads(render_json(report))
    assert data["alignment_skipped"] == (
        "shared copy was not compared: 5 articles exceed the limit of 3 (pairwise comparison; "
        "--align-limit 0 lifts it)")
    for key in ("alignments", "edits", "shared", "shared_sources", "content_units", "unique",
                "headlines"):
        assert data[key] == []
    assert set(data) == set(json.loads(render_json(demo())))  # the same keys as when aligned
    assert json.loads(render_json(demo()))["alignment_skipped"] is None
