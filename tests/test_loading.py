"""load_documents, the outlets.csv manifest, feeds, saved pages, and build_corpus/load_corpus."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

import framing.text.loading as loading
from framing.engine import InProcess, ProcessPool, local_pool
from framing.errors import InputError, ManifestError
from framing.model import Document, Skipped
from framing.slugs import slugify, unique
from framing.text.loading import (
    build_corpus,
    load_corpus,
    load_documents,
    outlet_from_file_name,
)

AL_HADER = Path(__file__).parent.parent / "framing" / "corpora" / "al-hader-2015"
STORY = "Government forces took the town on Thursday, state television said.\n"

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Town falls to army | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="og:title" content="Town falls to army">
<meta name="date" content="2015-11-12">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news</a> Subscribe now</nav>
<article><h1>Town falls to army</h1>
<p>Government forces took the town of al-Hader on Thursday after two days of fighting, state
television said.</p>
<p>A monitoring group said dozens of fighters were killed on both sides during the assault on
the town.</p>
<p>Rebels said they had withdrawn to positions further west to avoid the heavy air strikes.</p>
</article>
<footer>Copyright 2015 Daily Planet. All rights reserved. Privacy policy</footer>
</body></html>
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the demo corpus


def test_al_hader_manifest_names_the_five_outlets() -> None:
    docs, skipped = load_documents(AL_HADER)
    assert [(doc.source, doc.outlet) for doc in docs] == [
        ("000_b0944008bce1c800.txt", "Arutz Sheva (Israel National News)"),
        ("001_d949afe6b894c8ed.txt", "ARA News"),
        ("002_c9895261c420ac45.txt", "Deccan Chronicle"),
        ("003_ce359d94b6eaae40.txt", "TRT World"),
        ("004_ec0f0826d3d394d5.txt", "Reuters (republished)"),
    ]
    assert [doc.credits for doc in docs] == [
        ("AFP",), (), ("REUTERS", "AFP"), ("agencies",), ("Reuters",)]
    assert skipped == [Skipped(source="README.md", reason="corpus documentation (README)")]
    assert all(doc.encoding == "utf-8" and doc.title is None for doc in docs)


def test_al_hader_text_is_the_file_as_read() -> None:
    docs, _ = load_documents(AL_HADER)
    path = AL_HADER / docs[2].source
    assert docs[2].text == path.read_text(encoding="utf-8")


def test_load_corpus_al_hader() -> None:
    corpus = load_corpus(AL_HADER)
    assert corpus.name == "al-hader-2015"
    assert [(out.id, out.name, out.articles) for out in corpus.outlets] == [
        ("ara-news", "ARA News", ("001_d949afe6b894c8ed.txt",)),
        ("arutz-sheva-israel-national-news", "Arutz Sheva (Israel National News)",
         ("000_b0944008bce1c800.txt",)),
        ("deccan-chronicle", "Deccan Chronicle", ("002_c9895261c420ac45.txt",)),
        ("reuters-republished", "Reuters (republished)", ("004_ec0f0826d3d394d5.txt",)),
        ("trt-world", "TRT World", ("003_ce359d94b6eaae40.txt",)),
    ]
    assert [art.id for art in corpus.articles] == [
        "001_d949afe6b894c8ed.txt", "000_b0944008bce1c800.txt", "002_c9895261c420ac45.txt",
        "004_ec0f0826d3d394d5.txt", "003_ce359d94b6eaae40.txt"]
    assert corpus.article("002_c9895261c420ac45.txt").outlet == "deccan-chronicle"
    assert all(out.words == corpus.article(out.articles[0]).words for out in corpus.outlets)
    assert corpus.skipped == (Skipped(source="README.md", reason="corpus documentation (README)"),)


def test_without_manifest_outlets_come_from_file_names(tmp_path: Path) -> None:
    for path in sorted(AL_HADER.glob("00*.txt"))[:2]:
        shutil.copy(path, tmp_path / path.name)
    docs, skipped = load_documents(tmp_path)
    assert [doc.outlet for doc in docs] == ["000_b0944008bce1c800", "001_d949afe6b894c8ed"]
    assert skipped == []


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("nytimes.txt", "nytimes"),
        ("000_b0944008bce1c800.txt", "000_b0944008bce1c800"),
        ("012_bbc_3f2a9c1d.html", "bbc"),
        ("guardian-2.txt", "guardian"),
        ("al-jazeera_2015-11-12.txt", "al-jazeera"),
        ("2015-11-12_new_york_times_7.txt", "new_york_times"),
        ("feed.jsonl#3", "feed"),
    ],
)
def test_outlet_from_file_name(name: str, outlet: str) -> None:
    assert outlet_from_file_name(name) == outlet


# --------------------------------------------------------------------------- skipped files


def test_files_that_are_not_articles_are_skipped_with_a_reason(tmp_path: Path) -> None:
    write(tmp_path, "bbc.txt", "Headline\n\n" + STORY)
    write(tmp_path, "empty.txt", " \n\n")
    write(tmp_path, "README.txt", "What this corpus is.")
    write(tmp_path, ".notes.txt", "hidden")
    (tmp_path / "story.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "story.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00")
    (tmp_path / "sub").mkdir()
    docs, skipped = load_documents(tmp_path)
    assert [doc.source for doc in docs] == ["bbc.txt"]
    assert [(s.source, s.reason) for s in skipped] == [
        (".notes.txt", "hidden file"),
        ("README.txt", "corpus documentation (README)"),
        ("binary.txt", f"{tmp_path / 'binary.txt'}: looks like a binary file (it contains NUL "
                       "bytes), not text; save the article as .txt or .html"),
        ("empty.txt", "empty article"),
        ("story.docx", "unsupported file type; save it as .txt or .html"),
        ("story.pdf", "unsupported file type; save it as .txt or .html"),
        ("sub", "a folder; articles must sit directly in the corpus folder"),
    ]


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist; give the folder"):
        load_documents(tmp_path / "nope")
    with pytest.raises(InputError, match="is not a folder"):
        load_documents(write(tmp_path, "a.txt", STORY))
    (tmp_path / "a.txt").unlink()
    write(tmp_path, "empty.txt", "")
    with pytest.raises(InputError, match=r"no readable articles \(1 files skipped\)"):
        load_documents(tmp_path)


# --------------------------------------------------------------------------- manifest


def manifest_folder(tmp_path: Path, manifest: str) -> Path:
    write(tmp_path, "a.txt", "A headline\n\n" + STORY)
    write(tmp_path, "b.txt", "B headline\n\n" + STORY)
    write(tmp_path, "outlets.csv", manifest)
    return tmp_path


def test_manifest_fields_are_used(tmp_path: Path) -> None:
    folder = manifest_folder(tmp_path, "file,outlet,title,date,url,credited_sources,country\n"
                             "a.txt,The A Times,A headline,2015-11-12,http://a.example/1,"
                             "\"AFP, AP; DPA\",X\n"
                             "b.txt,B News,,,,,Y\n")
    docs, skipped = load_documents(folder)
    assert docs[0] == Document(source="a.txt", text="A headline\n\n" + STORY,
                               outlet="The A Times", title="A headline", date="2015-11-12",
                               url="http://a.example/1", credits=("AFP", "AP", "DPA"))
    assert (docs[1].outlet, docs[1].title, docs[1].credits) == ("B News", None, ())
    assert skipped == []


def test_file_missing_from_manifest_is_loaded_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = manifest_folder(tmp_path, "file,outlet\na.txt,The A Times\n")
    with caplog.at_level(logging.WARNING, logger="framing.text.loading"):
        docs, _ = load_documents(folder)
    assert [doc.outlet for doc in docs] == ["The A Times", "b"]
    assert "does not list b.txt" in caplog.text


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("file,country\na.txt,X\n", "outlets.csv: missing required column 'outlet' "
         r"\(found: file, country\); the first row must name the columns"),
        ("outlet\nThe A Times\n", "missing required column 'file'"),
        ("file,outlet\na.txt,A\nc.txt,C\n", r"outlets.csv, row 3: file 'c.txt' is not in .*; "
         "fix the file name or remove the row"),
        ("file,outlet\na.txt,A\nb.txt,B\na.txt,A2\n", "outlets.csv, row 4: 'a.txt' is already "
         "listed in row 2; list each file once"),
        ("file,outlet\na.txt,A\nb.txt, \n", r"outlets.csv, row 3: the outlet of 'b.txt' is "
         "empty; give the name of the outlet"),
        ("file,outlet\n,A\n", "outlets.csv, row 2: the file column is empty"),
    ],
)
def test_malformed_manifest(tmp_path: Path, manifest: str, message: str) -> None:
    with pytest.raises(ManifestError, match=message):
        load_documents(manifest_folder(tmp_path, manifest))


# --------------------------------------------------------------------------- feeds


def test_jsonl_feed(tmp_path: Path) -> None:
    rows = [
        {"outlet": "The A Times", "title": "Town falls", "text": "Line one.\r\nLine two.",
         "url": "http://a.example/1", "date": "2015-11-12"},
        {"outlet": "B News", "title": "Army advances", "text": "Body."},
        {"outlet": "B News", "text": "No title here."},
        {"outlet": "C Post", "title": "  ",
         "text": "Blank title.\nA long first line reads as the start of the story, not a "
                 "headline."},
        {"outlet": "C Post", "title": "Lost", "text": "  "},
    ]
    lines = [json.dumps(row) for row in rows] + ["", "{not json", "[1, 2]"]
    write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    docs, skipped = load_documents(tmp_path)
    assert docs[0] == Document(source="feed.jsonl#1", text="Town falls\n\nLine one.\nLine two.",
                               outlet="The A Times", title="Town falls",
                               url="http://a.example/1", date="2015-11-12")
    # A row without a title keeps its text as it is: the first line is read as a file's.
    assert [(doc.source, doc.outlet, doc.title, doc.text) for doc in docs[1:]] == [
        ("feed.jsonl#2", "B News", "Army advances", "Army advances\n\nBody."),
        ("feed.jsonl#3", "B News", None, "No title here."),
        ("feed.jsonl#4", "C Post", None, "Blank title.\nA long first line reads as the start "
         "of the story, not a headline."),
    ]
    assert [(s.source, s.reason.split(" (")[0]) for s in skipped] == [
        ("feed.jsonl#5", "missing field(s): text"),
        ("feed.jsonl#7", "not valid JSON"),
        ("feed.jsonl#8", "not a JSON object; fix the line"),
    ]


def test_csv_feed(tmp_path: Path) -> None:
    write(tmp_path, "feed.csv", "Outlet,Title,Text,Date\n"
          "The A Times,Town falls,\"Para one.\n\nPara two.\",2015-11-12\n"
          ",Orphan,No outlet.,\n"
          "B News,Army advances,Body.,\n")
    docs, skipped = load_documents(tmp_path)
    assert [(doc.source, doc.outlet, doc.title, doc.text, doc.date) for doc in docs] == [
        ("feed.csv#1", "The A Times", "Town falls", "Town falls\n\nPara one.\n\nPara two.",
         "2015-11-12"),
        ("feed.csv#3", "B News", "Army advances", "Army advances\n\nBody.", None),
    ]
    assert skipped == [Skipped(source="feed.csv#2", reason="missing field(s): outlet")]


def test_feed_without_usable_row_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "name,age\nAda,36\n")
    with pytest.raises(InputError, match=r"people\.csv: no usable row \(1 rows skipped\); "
                       "every row needs the fields outlet, text"):
        load_documents(tmp_path)


# --------------------------------------------------------------------------- saved web pages


def test_saved_html_page(tmp_path: Path) -> None:
    write(tmp_path, "planet.html", HTML_PAGE)
    docs, skipped = load_documents(tmp_path)
    assert skipped == []
    (doc,) = docs
    assert (doc.outlet, doc.title, doc.date) == ("Daily Planet", "Town falls to army",
                                                 "2015-11-12")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Town falls to army"
    assert len(paragraphs) == 4
    assert paragraphs[3] == ("Rebels said they had withdrawn to positions further west to avoid "
                             "the heavy air strikes.")
    for chrome in ("Subscribe", "World news", "Copyright", "Privacy"):
        assert chrome not in doc.text


def test_html_outlet_is_overridden_by_manifest(tmp_path: Path) -> None:
    write(tmp_path, "planet.html", HTML_PAGE)
    write(tmp_path, "outlets.csv", "file,outlet\nplanet.html,The Daily Planet (Metropolis)\n")
    docs, _ = load_documents(tmp_path)
    assert docs[0].outlet == "The Daily Planet (Metropolis)"


def test_html_page_without_article_text_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "blank.html", "<html><head><title>Nothing</title></head><body></body></html>")
    write(tmp_path, "bbc.txt", STORY)
    _, skipped = load_documents(tmp_path)
    assert skipped == [Skipped(source="blank.html", reason="no article text found in the page")]


# --------------------------------------------------------------------------- build_corpus


def doc(source: str, outlet: str | None) -> Document:
    return Document(source=source, text="Headline\n\n" + STORY, outlet=outlet)


def test_single_outlet_is_refused() -> None:
    docs = [doc("a1.txt", "The A Times"), doc("a2.txt", "The A Times")]
    with pytest.raises(InputError, match=r"^only one outlet \(The A Times\): framing compares "
                       "outlets; add articles from at least one other outlet$"):
        build_corpus("c", docs, [])


def test_no_articles_is_refused() -> None:
    with pytest.raises(InputError, match="corpus c: no articles"):
        build_corpus("c", [], [Skipped(source="x.pdf", reason="unsupported")])


def test_outlets_sorted_and_slugs_unique() -> None:
    docs = [doc("z.txt", "Zeit Online"), doc("b10.txt", "BBC"), doc("b2.txt", "BBC"),
            doc("c.txt", "bbc"), doc("d.txt", "BBC!"), doc("le.txt", "Le Monde  diplomatique"),
            doc("x_1.txt", None)]
    corpus = build_corpus("c", docs, [])
    assert [(out.id, out.name, out.articles) for out in corpus.outlets] == [
        ("bbc", "BBC", ("b2.txt", "b10.txt", "c.txt")),  # "bbc" differs only in case
        ("bbc-2", "BBC!", ("d.txt",)),
        ("le-monde-diplomatique", "Le Monde diplomatique", ("le.txt",)),
        ("x", "x", ("x_1.txt",)),
        ("zeit-online", "Zeit Online", ("z.txt",)),
    ]
    assert [art.id for art in corpus.articles] == ["b2.txt", "b10.txt", "c.txt", "d.txt",
                                                   "le.txt", "x_1.txt", "z.txt"]


def test_slugify() -> None:
    assert slugify("Arutz Sheva (Israel National News)", "outlet") == (
        "arutz-sheva-israel-national-news"
    )
    assert slugify("Le Café Ünïcode", "outlet") == "le-cafe-unicode"
    assert slugify("العربية", "outlet") == "outlet"
    assert unique(["bbc", "cnn", "bbc", "bbc"]) == ["bbc", "cnn", "bbc-2", "bbc-3"]


def test_cleaning_in_several_processes_gives_the_same_corpus() -> None:
    # From PARALLEL_FROM articles on, cleaning runs in one process per core; with two
    # processes on the demo, the corpus is the same article for article.
    alone = load_corpus(AL_HADER)
    assert isinstance(local_pool(5, loading.PARALLEL_FROM), InProcess)
    together = load_corpus(AL_HADER, engine=ProcessPool(2))
    assert together == alone
