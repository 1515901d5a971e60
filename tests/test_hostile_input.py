"""Odd and hostile input (issue 11): each reproducer is a clear message or a correct result,
never a traceback, and nothing is left behind."""

from __future__ import annotations

import csv
import errno
import html
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest import MonkeyPatch

import framing.cli.report as report_cli
from framing.actors.corrections import load_corrections
from framing.cli.main import cli
from framing.errors import InputError, LexiconError, OutputError
from framing.lexicon.files import load_lexicon
from framing.model import ReadingLimits
from framing.render import output
from framing.render.output import STALE_SECONDS, write_atomic, write_together
from framing.text.loading import load_corpus, load_documents

STORY_A = "Hezbollah fighters left the town on Tuesday, the army said."
STORY_B = "Hezbollah fighters came back to the town on Wednesday."


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def two_articles(folder: Path) -> Path:
    write(folder, "a.txt", f"Retreat\n\n{STORY_A}\n")
    write(folder, "b.txt", f"Return\n\n{STORY_B}\n")
    return folder


def test_a_lone_surrogate_in_a_feed_becomes_a_replacement_character(tmp_path: Path) -> None:
    # JSON may escape half a UTF-16 pair; Python reads it as a character no file can hold.
    write(tmp_path, "feed.jsonl",
          '{"outlet": "A", "title": "T", "text": "a \\ud800 b. ' + STORY_A + '"}\n'
          '{"outlet": "B", "title": "U", "text": "' + STORY_B + '"}\n')
    docs, _ = load_documents(tmp_path)
    assert docs[0].text.startswith("T\n\na \ufffd b.")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "a \ufffd b." in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_surrogate_in_what_is_written_does_not_crash_nor_leave_a_temp_file(
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.html"
    write_atomic(out, "x \ud800 y")
    assert out.read_bytes() == b"x ? y"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_a_temp_file_a_killed_run_left_is_swept_once_stale(tmp_path: Path) -> None:
    stale = write(tmp_path, ".r.html.abc123.tmp", "half a report")
    fresh = write(tmp_path, ".r.html.def456.tmp", "another run, still writing")
    other = write(tmp_path, ".notes.txt.abc123.tmp", "not framing's")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_atomic(tmp_path / "r.html", "report")
    assert not stale.exists()
    assert fresh.exists() and other.exists()


def test_a_failed_rename_leaves_no_temp_file(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    def refuse(source: str, target: Path) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "r.html", "report")
    assert list(tmp_path.iterdir()) == []


def test_a_report_and_its_key_are_written_both_or_neither(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    report, key = write(tmp_path, "r.html", "old report"), write(tmp_path, "r-key.html", "old key")
    opened = []
    real = output.os.fdopen

    def full_disk_at_the_second(fd: int, mode: str) -> object:
        opened.append(fd)
        if len(opened) == 2:
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, mode)

    monkeypatch.setattr(output.os, "fdopen", full_disk_at_the_second)
    with pytest.raises(OutputError, match="No space left"):
        write_together([(report, "new report"), (key, "new key")])
    assert (report.read_text(), key.read_text()) == ("old report", "old key")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r-key.html", "r.html"]


@pytest.mark.parametrize("where, message", [
    ("missing/r.html", "does not exist"),
    ("out.html", "is a folder"),
])
def test_the_destination_is_checked_before_the_analysis(
    tmp_path: Path, monkeypatch: MonkeyPatch, where: str, message: str
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed although the report could not be written")

    monkeypatch.setattr(report_cli, "_analyse", never)
    (tmp_path / "in").mkdir()
    (tmp_path / "out.html").mkdir()
    corpus = two_articles(tmp_path / "in")
    result = CliRunner().invoke(cli, ["report", str(corpus), "-o", str(tmp_path / where)])
    assert result.exit_code != 0 and message in result.output
    assert "Traceback" not in result.output


def test_a_deeply_nested_json_line_is_skipped_with_its_reason(tmp_path: Path) -> None:
    write(tmp_path, "feed.jsonl", "[" * 1000 + "]" * 1000 + "\n"
          f'{{"outlet": "A", "text": "{STORY_A}"}}\n{{"outlet": "B", "text": "{STORY_B}"}}\n')
    docs, skipped = load_documents(tmp_path)
    assert [d.outlet for d in docs] == ["A", "B"]
    assert [(s.source, s.reason) for s in skipped] == [
        ("feed.jsonl#1", "brackets nested too deeply to read; fix the line")
    ]


def test_deeply_nested_toml_is_a_clear_error(tmp_path: Path) -> None:
    lexicon = write(tmp_path, "deep.toml", "x = " + "[" * 500 + "]" * 500 + "\n")
    with pytest.raises(LexiconError, match=r"deep\.toml: brackets nested too deeply"):
        load_lexicon(lexicon)
    write(tmp_path, "referents.toml", "x = " + "[" * 500 + "]" * 500 + "\n")
    with pytest.raises(InputError, match=r"referents\.toml: brackets nested too deeply"):
        load_corrections(tmp_path)


@pytest.mark.parametrize("value", ["5", "true", "1.5", "1979-05-27", '"Kim"', "{ a = 1 }"])
def test_a_correction_section_that_is_not_a_list_of_tables(tmp_path: Path, value: str) -> None:
    write(tmp_path, "referents.toml", f"merge = {value}\n")
    with pytest.raises(InputError, match=r"'merge' must be a section written \[\[merge\]\]"):
        load_corrections(tmp_path)


def test_a_csv_field_longer_than_the_csv_module_default(tmp_path: Path) -> None:
    long_text = "The army said the town was quiet. " * 5000  # 170,000 characters
    write(tmp_path, "feed.csv", f'outlet,title,text\nA,Quiet,"{long_text}"\nB,Loud,{STORY_B}\n')
    docs, skipped = load_documents(tmp_path)
    assert skipped == [] and docs[0].text == f"Quiet\n\n{long_text.strip()}"


def test_an_outlets_csv_field_longer_than_the_csv_module_default(tmp_path: Path) -> None:
    two_articles(tmp_path)
    title = "Hezbollah " * 15000  # 150,000 characters
    write(tmp_path, "outlets.csv", f"file,outlet,title\na.txt,A,{title}\nb.txt,B,\n")
    corpus = load_corpus(tmp_path)
    assert [o.name for o in corpus.outlets] == ["A", "B"]


def test_a_page_lxml_cannot_parse_is_skipped_with_its_reason(tmp_path: Path) -> None:
    two_articles(tmp_path)
    write(tmp_path, "c.html", "<math>html")
    docs, skipped = load_documents(tmp_path)
    assert [d.source for d in docs] == ["a.txt", "b.txt"]
    assert [s.source for s in skipped] == ["c.html"]
    assert skipped[0].reason.startswith("the page could not be parsed")


def corpus_with_outlets(folder: Path, outlets: list[str]) -> Path:
    """One article per outlet, each naming Hezbollah and the regime (syria pack terms)."""
    folder.mkdir(exist_ok=True)
    rows = ["file,outlet"]
    for i, outlet in enumerate(outlets):
        write(folder, f"{i}.txt", f"Story {i}\n\nThe Syrian regime and Hezbollah fighters "
              f"shelled the rebels. The regime said Hezbollah fighters held the town.\n")
        rows.append(f'{i}.txt,"{outlet}"')
    write(folder, "outlets.csv", "\n".join(rows) + "\n")
    return folder


def test_outlet_names_that_differ_only_in_case_are_one_outlet(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = load_corpus(corpus_with_outlets(tmp_path, ["reuters", "Reuters", "TRT World"]))
    assert [(o.name, len(o.articles)) for o in corpus.outlets] == [
        ("Reuters", 2), ("TRT World", 1)
    ]
    assert "outlet names Reuters, reuters differ only in case" in caplog.text


def test_csv_cells_a_spreadsheet_would_run_are_defused(tmp_path: Path) -> None:
    folder = corpus_with_outlets(tmp_path / "in", ['=HYPERLINK(""http://x"")', "@SUM(A1)"])
    out = tmp_path / "labels.csv"
    result = CliRunner().invoke(cli, ["report", str(folder), "-o", str(out), "--pack", "syria"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["outlet_name"] for r in rows} == {"'=HYPERLINK(\"http://x\")", "'@SUM(A1)"}
    assert "-2" in {r["score"] for r in rows}  # numbers keep their sign


def test_escape_codes_in_an_outlet_name_never_reach_the_terminal(tmp_path: Path) -> None:
    folder = corpus_with_outlets(tmp_path / "in", ["Evil\x1b]0;pwned\x07\x1b[2J", "Plain"])
    result = CliRunner().invoke(cli, ["report", str(folder), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "Evil?]0;pwned??[2J" in result.output


# --------------------------------------------------------------------------- the blind edition

DISGUISED = [  # the outlet's name as an article, a credit or a careless user may write it
    "Reu\u00adters", "Reu\u200bters", "Reu\u200dters", "\uff32\uff45\uff55\uff54\uff45\uff52\uff53",
    "Reut\u0435rs", "R E U T E R S", "trt", "reuters", "reuters.com", "@ReutersAgency",
    "ReutersTV", "TRT\u2060World",
]


def test_the_blind_edition_hides_a_name_however_it_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "reuters-and-trt"  # a lowercase folder name naming both outlets
    folder.mkdir()
    forms = " ".join(f"({form})" for form in DISGUISED)
    write(folder, "reuters.txt", f"Town falls\n\n{STORY_A} Seen by {forms}.\n"
          "REUTERS/Jane Doe/File Photo\nRebels said Hezbollah fighters shelled the town.\n")
    write(folder, "trt-world.txt", f"Return\n\n{STORY_B}\n")
    write(folder, "outlets.csv", "file,outlet,date\nreuters.txt,Reuters,12 Nov 2015 Reuters\n"
          "trt-world.txt,TRT World,\n")
    out = tmp_path / "class.html"
    result = CliRunner().invoke(cli, ["report", str(folder), "--blind", "-o", str(out),
                                      "--title", "reuters vs trt"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    for form in [*DISGUISED, "Jane Doe", "Reuters", "TRT World", "reuters vs trt"]:
        assert form not in page, form
    assert "Hezbollah" in page and "File Photo" not in page
    assert "Reuters" in (tmp_path / "class-key.html").read_text(encoding="utf-8")


def test_an_outlet_named_by_an_ordinary_word_does_not_hide_the_word(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"Retreat\n\n{STORY_A} It was time to go, the Sun said.\n")
    write(tmp_path, "b.txt", f"Return\n\n{STORY_B}\n")
    write(tmp_path, "outlets.csv", "file,outlet\na.txt,Sun\nb.txt,Time\n")
    out = tmp_path / "class.html"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--blind", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "It was time to go, the " in page and "Sun said" not in page


# --------------------------------------------------------------------------- limits


def test_an_article_over_the_size_limit_is_skipped_with_its_reason(tmp_path: Path) -> None:
    two_articles(tmp_path)
    write(tmp_path, "book.txt", "A book\n\n" + "The army said the town was quiet. " * 40)
    write(tmp_path, "feed.jsonl", json.dumps({"outlet": "C", "text": "word " * 300}) + "\n"
          + json.dumps({"outlet": "C", "text": STORY_A}) + "\n")
    docs, skipped = load_documents(tmp_path, ReadingLimits(max_article_chars=1000))
    assert [d.source for d in docs] == ["a.txt", "b.txt", "feed.jsonl#2"]
    assert [(s.source, s.reason) for s in skipped] == [
        ("book.txt", "1,368 characters, more than an article of 1,000 characters (the limit); "
                     "raise --max-article-chars to read it"),
        ("feed.jsonl#1", "1,499 characters, more than an article of 1,000 characters (the "
                         "limit); raise --max-article-chars to read it"),
    ]


def test_a_sentence_over_the_word_limit_is_cut_and_the_report_says_so(tmp_path: Path) -> None:
    long_sentence = " ".join(["Hezbollah fighters and regime forces held the town"] * 6)  # 48
    write(tmp_path, "a.txt", f"Retreat\n\n{long_sentence}\n\n{STORY_A}\n")
    write(tmp_path, "b.txt", f"Return\n\n{STORY_B}\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "-o", str(out),
                                      "--max-sentence-words", "20"])
    assert result.exit_code == 0, result.output
    assert "1 sentence(s) longer than 20 words cut into pieces" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["corpus"]["limits"] == {
        "max_article_chars": 1_000_000, "max_sentence_words": 20, "sentences_cut": 1
    }
    corpus = load_corpus(tmp_path, limits=ReadingLimits(max_sentence_words=20))
    article = corpus.articles[0]
    pieces = [article.text[s.start : s.end] for s in article.sentences if s.piece]
    assert [len(p.split()) for p in pieces] == [20, 20, 8]
    assert " ".join(pieces) == long_sentence


def test_a_page_nested_deeper_than_lxml_reads_gives_its_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    two_articles(tmp_path)
    paragraph = ("Hezbollah fighters left the town on Tuesday, the army said, after two days "
                 "of fighting with rebels who had held it since the spring.")
    write(tmp_path, "deep.html", "<html><head><title>Town falls</title></head><body>"
          + "<div>" * 100_000 + f"<p>{paragraph}</p><script>var x = 1;</script>"
          + "</div>" * 100_000 + "</body></html>")
    write(tmp_path, "menu.html", "<html><body>" + "<div>" * 100_000
          + "<nav><a>Home</a> <a>World</a></nav>" + "</div>" * 100_000 + "</body></html>")
    docs, skipped = load_documents(tmp_path)
    deep = next(d for d in docs if d.source == "deep.html")
    assert (deep.title, deep.text) == ("Town falls", f"Town falls\n\n{paragraph}")
    assert "deep.html: no article text found by trafilatura" in caplog.text
    assert [(s.source, s.reason) for s in skipped] == [
        ("menu.html", "no article text found in the page")  # a menu alone is no article
    ]


def test_an_article_repeated_many_times_is_said_and_its_removed_lines_capped(
    tmp_path: Path,
) -> None:
    write(tmp_path, "a.txt", "Retreat\n\n" + f"{STORY_A}\n\n" * 260)
    write(tmp_path, "b.txt", f"Return\n\n{STORY_B}\n")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "a.txt: 259 lines removed as page chrome or repeats, 2 kept" in result.output
    page = out.read_text(encoding="utf-8")
    assert page.count("repeated") >= 200
    assert "and 59 more lines, listed in the JSON export" in page


def test_the_evidence_lists_a_set_number_of_sentences_per_count(tmp_path: Path) -> None:
    two_articles(tmp_path)
    write(tmp_path, "c.txt", "Again\n\n" + "Hezbollah fighters came back, again. " * 7 + "\n")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "-o", str(out),
                                      "--evidence-per-cell", "3", "--pack", "syria"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "and 4 more, not listed here (at most 3 per count" in page
    assert "lists up to 3 sentences behind" in page


def test_sigterm_ends_a_run_cleanly(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    folder = two_articles(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "framing", "report", str(folder), "-o", str(out / "r.html")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(0.5)  # importing: the run has not written anything yet
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode in (0, 128 + signal.SIGTERM)
    assert "Traceback" not in err
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def test_an_outlet_named_by_an_ordinary_word_is_hidden_in_the_pages_words_too(
    tmp_path: Path,
) -> None:
    # Outlet "page", from page.txt: the report's own "Page chrome" once named it, and the
    # blind report was refused; the page's words are masked like the articles' now.
    write(tmp_path, "page.txt", f"Retreat\n\n{STORY_A}\n")
    write(tmp_path, "daily-planet.txt", f"Return\n\n{STORY_B}\n")
    out = tmp_path / "class.html"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--blind", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert re.search(r"(?<![^\W_])(?:Page|PAGE)(?![^\W_])", html.unescape(page)) is None


def test_a_feed_field_that_is_no_text_is_missing(tmp_path: Path) -> None:
    rows = [{"outlet": [None, None], "text": STORY_A}, {"outlet": None, "text": STORY_A},
            {"outlet": True, "text": STORY_A}, {"outlet": "B", "text": {"a": 1}},
            {"outlet": "A", "text": STORY_A}, {"outlet": 2015, "text": STORY_B}]
    write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    docs, skipped = load_documents(tmp_path)
    assert [(d.source, d.outlet) for d in docs] == [("feed.jsonl#5", "A"), ("feed.jsonl#6", "2015")]
    assert [s.reason for s in skipped] == ["missing field(s): outlet"] * 3 + [
        "missing field(s): text"]


def test_the_blind_edition_hides_a_name_in_the_pages_own_words(tmp_path: Path) -> None:
    # An outlet called AP (from ap.txt): the glossary cites the "AP Stylebook", which named it.
    write(tmp_path, "ap.txt", f"Retreat\n\n{STORY_A} Islamist fighters were seen, AP said.\n")
    write(tmp_path, "daily-planet.txt", f"Return\n\n{STORY_B}\n")
    out = tmp_path / "class.html"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--blind", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "AP Stylebook" not in page and "\u2588\u2588\u2588\u2588 Stylebook" in page
    assert 'font-family: "Liberation Serif"' in page  # the style sheet is left alone
