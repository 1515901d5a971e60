"""The blind edition: outlets renamed in a seeded order, every name hidden, offsets intact."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from framing.analysis import analyze
from framing.classroom.blind import (
    MASK,
    BlindKey,
    blind_corpus,
    blind_report,
    find_leaks,
    known_forms,
    mask_names,
    name_pattern,
    outlet_variants,
)
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import Corpus, Lexicon, Outlet, Report
from framing.render.html import Edition, render_html
from framing.text.loading import load_corpus

from .helpers import DEMO

# Written out by hand from outlets.csv and the articles, so the test does not trust the
# module's own idea of what a name looks like.
NAMES = ("Arutz Sheva", "Israel National News", "ARA News", "Deccan Chronicle", "TRT World",
         "TRTWorld", "Reuters", "AFP", "arutz-sheva", "ara-news", "deccan-chronicle",
         "trt-world", "reuters-republished")
FILES = ("000_b0944008bce1c800", "001_d949afe6b894c8ed", "002_c9895261c420ac45",
         "003_ce359d94b6eaae40", "004_ec0f0826d3d394d5")


@lru_cache(maxsize=1)
def demo() -> Corpus:
    return load_corpus(DEMO)


@lru_cache(maxsize=1)
def lexicons() -> tuple[Lexicon, ...]:
    return tuple(load_lexicons(bundled_lexicon_files()))


@lru_cache(maxsize=1)
def blinded() -> tuple[Corpus, BlindKey]:
    return blind_corpus(demo())


@lru_cache(maxsize=1)
def blind_demo_report() -> Report:
    corpus, key = blinded()
    return blind_report(analyze(corpus, lexicons()), key)


def names_in(text: str) -> list[str]:
    """The hand-written names and file names found in ``text``, case-insensitively."""
    folded = text.casefold()
    return [name for name in (*NAMES, *FILES) if name.casefold() in folded]


def _context(page: str, name: str) -> str:
    """Where a leaked name sits in the page, for the failure message."""
    found = re.search(re.escape(name), page, re.IGNORECASE)
    where = page[max(found.start() - 80, 0) : found.end() + 40] if found else "(spelled otherwise)"
    return f"{name}: …{' '.join(where.split())}…"


# --------------------------------------------------------------------------- names and order


def test_outlets_become_outlet_a_to_e_with_matching_ids() -> None:
    corpus, key = blinded()
    assert [o.name for o in corpus.outlets] == [f"Outlet {c}" for c in "ABCDE"]
    assert [o.id for o in corpus.outlets] == [f"outlet-{c}" for c in "abcde"]
    assert [o.name for o in key.outlets] == [o.name for o in corpus.outlets]


def test_blind_names_are_stable_across_runs() -> None:
    first = blind_corpus(demo())
    second = blind_corpus(load_corpus(DEMO))
    assert first == second


def test_blind_order_is_neither_alphabetical_nor_the_folder_order() -> None:
    _, key = blinded()
    real = [o.real_name for o in key.outlets]
    assert real != sorted(real, key=str.casefold)
    files = sorted(demo().articles, key=lambda a: a.source)
    by_file = [demo().outlet(a.outlet).name for a in files]
    assert real != by_file
    # Pinned, so a change of order (which would reshuffle a teacher's handouts) is seen.
    assert real == ["Arutz Sheva (Israel National News)", "Reuters (republished)", "TRT World",
                    "Deccan Chronicle", "ARA News"]


def test_another_seed_deals_another_order() -> None:
    orders = {tuple(o.real_id for o in blind_corpus(demo(), seed)[1].outlets)
              for seed in ("framing", "class 2", "class 3")}
    assert len(orders) > 1


def test_key_maps_each_blind_name_to_the_outlet_and_its_files() -> None:
    corpus, key = blinded()
    assert key.real_name("Outlet C") == "TRT World"
    assert key.real_name("outlet-c") == "TRT World"
    assert key.names()["outlet-e"] == "ARA News"
    assert key.real_names()["ara-news"] == "Outlet E"
    files = {source for o in key.outlets for _, source in o.articles}
    assert files == {a.source for a in demo().articles}
    blind_ids = [new for o in key.outlets for new, _ in o.articles]
    assert sorted(blind_ids) == sorted(a.id for a in corpus.articles)


# --------------------------------------------------------------------------- hiding


def test_no_outlet_name_or_variant_remains_in_the_blind_corpus() -> None:
    corpus, _ = blinded()
    assert names_in(corpus.name) == []
    for article in corpus.articles:
        fields = [article.id, article.source, article.outlet, article.text, article.title,
                  article.url or "", *article.credits,
                  *(line.text for line in article.removed),
                  *(line.reason for line in article.removed)]
        for field in fields:
            assert names_in(field) == [], (article.id, field[:80])


def test_bylines_and_credit_lines_are_hidden_whole() -> None:
    corpus, key = blinded()
    ara = corpus.article(key.outlets[4].articles[0][0])
    bylines = [line.text for line in ara.removed if line.reason == "byline"]
    assert MASK * len("ARA News") in bylines  # the outlet's name alone on a line
    # The reporter's name would give the outlet away as surely as the outlet's own.
    reporting = [line.text for line in ara.removed if line.text.startswith("Reporting by:")]
    assert reporting and "Saeed" not in reporting[0] and MASK in reporting[0]


def test_hidden_text_keeps_its_length_and_only_names_change() -> None:
    corpus, key = blinded()
    for blind_outlet in key.outlets:
        for new_id, source in blind_outlet.articles:
            before = next(a for a in demo().articles if a.source == source)
            after = corpus.article(new_id)
            assert len(after.text) == len(before.text)
            changed = {after.text[i] for i in range(len(before.text))
                       if after.text[i] != before.text[i]}
            assert changed <= {MASK}
            assert (after.title_span, after.paragraphs, after.sentences) == (
                before.title_span, before.paragraphs, before.sentences)
            assert after.words == before.words


def test_offsets_stay_valid_after_analysis_of_the_blind_corpus() -> None:
    report = blind_demo_report()
    articles = {a.id: a for a in report.corpus.articles}
    assert report.matches
    for m in report.matches:
        assert articles[m.article].text[m.start : m.end] == m.text
    for article in report.corpus.articles:
        for line in article.removed:
            assert article.text[line.start : line.end] == line.text


def test_blinding_keeps_the_analysis_of_everything_but_names() -> None:
    real = analyze(demo(), lexicons())
    _, key = blinded()
    to_blind = key.real_names()
    blind_ids = {name: f"outlet-{name[-1].lower()}" for name in to_blind.values()}

    def counts(report: Report, rename: dict[str, str]) -> dict[tuple[str, str], int]:
        return {(rename.get(r.outlet, r.outlet), r.term): r.count for r in report.labels
                if r.group == "syrian-government"}

    renamed = {real_id: blind_ids[name] for real_id, name in to_blind.items()}
    assert counts(real, renamed) == counts(blind_demo_report(), {})
    # "told AFP": an agency named as a source is no actor, blind or not.
    assert "d-afp" not in {g.id for g in real.groups}
    assert "d-afp" not in {g.id for g in blind_demo_report().groups}


def test_the_blind_report_contains_no_outlet_name_anywhere_in_its_html() -> None:
    _, key = blinded()
    page = render_html(blind_demo_report(), "al-hader-2015")
    leaks = find_leaks(page, key)
    assert leaks == (), "\n".join(_context(page, name) for name in leaks)
    assert names_in(page) == []
    assert "Outlet A" in page and "outlet-a" in page


def test_without_blind_report_the_lexicon_notes_would_name_an_outlet() -> None:
    corpus, key = blinded()
    page = render_html(analyze(corpus, lexicons()), "al-hader-2015")
    assert "Reuters" in find_leaks(page, key)  # "agencies such as Reuters write 'government'"


def test_find_leaks_finds_every_name_in_the_real_report() -> None:
    _, key = blinded()
    page = render_html(analyze(demo(), lexicons()), "al-hader-2015")
    leaks = find_leaks(page, key)
    for name in ("Arutz Sheva", "ARA News", "Deccan Chronicle", "TRT World", "Reuters", "AFP",
                 "trt-world", "000_b0944008bce1c800.txt"):
        assert name in leaks


def test_find_leaks_reads_through_entities_and_odd_spellings() -> None:
    _, key = blinded()
    assert "Deccan Chronicle" in find_leaks("<p>Deccan&nbsp;Chronicle</p>", key)
    assert "TRT World" in find_leaks("<p>told TRTWorld.</p>", key)
    assert find_leaks("<p>Outlet A and Outlet B</p>", key) == ()
    # Inside a longer word is no leak: "Reutersville" is not Reuters, "ARAB" is not ARA.
    assert find_leaks("<p>Reutersville ARAB</p>", key) == ()


# --------------------------------------------------------------------------- forms of a name


def test_outlet_variants_split_brackets_and_keep_acronyms() -> None:
    assert outlet_variants("Arutz Sheva (Israel National News)") == (
        "Arutz Sheva", "Israel National News")
    assert outlet_variants("Reuters (republished)") == ("Reuters",)  # a remark, not a name
    assert outlet_variants("TRT World") == ("TRT World", "TRT")
    assert outlet_variants("nytimes") == ("nytimes",)


def test_mask_names_hides_every_spelling_and_keeps_the_length() -> None:
    _, key = blinded()
    text = "told TRTWorld, trt-world, TRT World and trt world; see https://www.trtworld.com/x."
    masked = mask_names(text, key)
    assert len(masked) == len(text)
    assert not re.search(r"trt", masked, re.IGNORECASE)
    assert masked.startswith("told " + MASK * len("TRTWorld") + ", ")


def test_uncredited_generic_words_are_not_hidden() -> None:
    corpus, key = blinded()
    assert "agencies" in {c for a in corpus.articles for c in a.credits}
    assert "agencies" not in {h.form for h in key.hidden}


def test_a_new_outlet_name_is_hidden_wherever_it_occurs() -> None:
    corpus = demo()
    renamed = replace(corpus, outlets=tuple(
        replace(o, name="Al Jazeera English") if o.id == "ara-news" else o
        for o in corpus.outlets))
    article = renamed.articles[0]
    text = article.text + "\nAs Al Jazeera English reported."
    renamed = replace(renamed, articles=(replace(article, text=text), *renamed.articles[1:]))
    blind, key = blind_corpus(renamed)
    assert "Al Jazeera" not in "".join(a.text for a in blind.articles)
    assert "Al Jazeera English" in {h.form for h in key.hidden}


def test_a_one_word_outlet_name_is_hidden_only_as_a_name() -> None:
    corpus = demo()
    renamed = replace(corpus, outlets=tuple(
        replace(o, name="Time") if o.id == "ara-news" else o for o in corpus.outlets))
    article = renamed.articles[0]
    text = article.text + "\nTIME and Time reported it, for the first time."
    renamed = replace(renamed, articles=(replace(article, text=text), *renamed.articles[1:]))
    blind, _ = blind_corpus(renamed)
    tail = next(a for a in blind.articles if a.text.endswith("time.")).text.splitlines()[-1]
    assert tail == f"{MASK * 4} and {MASK * 4} reported it, for the first time."


def test_files_named_after_their_outlets_make_a_blind_report(tmp_path: Path) -> None:
    # No outlets.csv: the outlets are "reuters", "trt-world" … from the file names, in lower
    # case, while the texts write "Reuters" and "TRT World". A one-word name in lower case is
    # looked for with a capital, as texts write names; "for the first time" stays.
    for source, name in zip(sorted(DEMO.glob("00*.txt")), (
            "arutz-sheva", "ara-news", "deccan-chronicle", "trt-world", "reuters"), strict=True):
        (tmp_path / f"{name}.txt").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    blind, key = blind_corpus(corpus)
    page = render_html(blind_report(analyze(blind, lexicons()), key), "named")
    assert find_leaks(page, key) == ()
    # TRT World's text says "told Reuters" (the name the blind report once refused to hide).
    assert "told Reuters" in corpus.article("trt-world.txt").text
    assert not [a.id for a in blind.articles if "Reuters" in a.text or "REUTERS" in a.text]


def test_an_outlet_id_inside_a_longer_word_or_hash_is_no_leak() -> None:
    _, key = blinded()
    outlet = key.outlets[0]
    hidden = replace(key, outlets=(replace(outlet, real_id="d19"), *key.outlets[1:]))
    # "d19" as an outlet id (a feed whose outlets are document numbers): the anchor hash
    # "5d196d" holds the letters but names nothing; "outlet d19" and "ev-d19-x" do.
    assert "d19" not in find_leaks('<a href="#ev-outlet-h-bandits-5d196d">x</a>', hidden)
    assert "d19" in find_leaks("<p>outlet d19 wrote</p>", hidden)
    assert "d19" in find_leaks('<a href="#ev-d19-x">x</a>', hidden)


def test_hidden_names_are_drawn_alike_and_chrome_lines_are_left_out() -> None:
    page = render_html(blind_demo_report(), edition=Edition(blind=True))
    assert set(re.findall("\u2588+", page)) == {"\u2588" * 4}  # "AFP" as long as "Reuters"
    assert "IST" not in page  # the Indian time zone of a removed date line
    assert "What was removed: agency credit (1); date header (1)" in page


def test_a_widely_read_outlet_is_hidden_in_every_form_of_its_name() -> None:
    # A folder's "nytimes.txt" names an outlet whose articles write "The New York Times" and
    # "NYT": its own spelling finds neither, the table of outlets' names does.
    forms = known_forms(Outlet(id="nytimes", name="nytimes", articles=(), words=0))
    assert {"The New York Times", "NYT"} <= set(forms)
    assert known_forms(Outlet(id="x", name="The New York Times", articles=(), words=0)) == forms
    assert known_forms(Outlet(id="blog", name="My Town Blog", articles=(), words=0)) == ()


def test_an_outlet_named_with_ordinary_words_is_hidden_only_where_written_as_a_name() -> None:
    # "The Hill" is an outlet; "up the hill" is not it.
    pattern = re.compile(name_pattern("The Hill"), re.IGNORECASE)
    assert pattern.search("as The Hill reported")
    assert pattern.search("THE HILL")
    assert not pattern.search("they walked up the hill")
