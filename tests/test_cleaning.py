"""clean(): the chrome rules on real pages, titles, paragraphs, sentences, words and credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.model import Article, Corpus, Document
from framing.text.cleaning import RULES, agencies_in, clean, merge_credits
from framing.text.loading import load_corpus

AL_HADER = Path(__file__).parent.parent / "framing" / "corpora" / "al-hader-2015"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(AL_HADER)


def article(corpus: Corpus, prefix: str) -> Article:
    (found,) = [art for art in corpus.articles if art.id.startswith(prefix)]
    return found


def removed(art: Article) -> list[tuple[str, str]]:
    return [(line.reason, line.text) for line in art.removed]


def spans_text(art: Article) -> list[str]:
    return [art.text[start:end] for start, end in art.paragraphs]


def cleaned(text: str, title: str | None = None) -> Article:
    return clean(Document(source="t.txt", text=text, title=title), "the-outlet", "t.txt")


# --------------------------------------------------------------------------- the demo corpus


def test_000_arutz_sheva(corpus: Corpus) -> None:
    art = article(corpus, "000")
    assert removed(art) == [
        ("byline", "Arutz Sheva Staff,"),
        ("repeated line", "Syrian President Bashar Al-Assad"),  # the photo caption, twice
        ("agency credit", "AFP contributed to this report."),
    ]
    assert art.title == "Syrian regime's 2nd major victory ahead of talks"
    assert art.title_span == (0, 48)
    assert art.credits == ("AFP",)
    assert len(art.paragraphs) == 32
    assert spans_text(art)[1] == "Syrian President Bashar Al-Assad"  # kept once
    assert any(text.startswith("A military source told AFP that regime troops")
               for text in spans_text(art))
    assert any(text.startswith('"Kweyris airport is not just an air base') for text in
               spans_text(art))


def test_001_ara_news(corpus: Corpus) -> None:
    art = article(corpus, "001")
    assert removed(art) == [
        ("byline", "ARA News"),  # the outlet's own name alone on a line
        ("byline", f"Reporting by:{NBSP}Helin Saeed"),
        ("source credit", "Source: ARA News"),
        ("social links",
         "For the latest on Syria and the Kurdish region, follow us on Twitter :"),
        ("short link", "• Short link :"),
        ("comment prompt", "Leave a comment"),
        ("captcha", "ten + thirteen ="),
    ]
    assert art.title == "With Russian support, pro-Assad troops recapture key town near Aleppo"
    assert art.credits == ()
    assert spans_text(art)[-1] == ("The Syrian regime and opposition factions are not expected "
                                   "to attend Vienna meeting, according to observers.")
    assert any("Speaking to ARA News in Aleppo" in text for text in spans_text(art))
    # checked by hand: the title, the two-sentence photo caption ("... on Thursday." and
    # "File photo"), 10 one-sentence paragraphs and one of two sentences
    assert len(art.paragraphs) == 13
    assert len(art.sentences) == 16


def test_002_deccan_chronicle(corpus: Corpus) -> None:
    art = article(corpus, "002")
    teaser = ("At least 100 soldiers and fighters were killed in northern Syria in just over 24 "
              "hours of fierce fighting earlier this week as pro-government forcesreached an "
              "airbase that had long been besieged by IS")
    assert removed(art) == [
        ("date header", "Friday, Mar 29, 2024 | Last Update : 01:01 AM IST"),
        ("repeated line", "100 fighters dead in Syria in 24 hours"),
        ("agency credit", "REUTERS/AFP"),
        ("publication metadata", f"Published{NBSP}: Nov 12, 2015, 11:44 pm IST"),
        ("publication metadata", f"Updated{NBSP}: Nov 12, 2015, 11:44 pm IST"),
        ("repeated line", teaser),  # the truncated copy of the first paragraph
        ("publication metadata", "Location: Syria, Damascus"),
    ]
    assert art.title == "100 fighters dead in Syria in 24 hours"
    assert art.text[slice(*art.title_span or (0, 0))] == art.title  # after two no-break spaces
    assert art.credits == ("AFP", "Reuters")
    starts = [text for text in spans_text(art) if text.startswith("At least 100 soldiers")]
    assert starts == [teaser + "IS, a monitoring group said on Thursday."]
    assert spans_text(art)[0] == starts[0]


def test_003_trt_world(corpus: Corpus) -> None:
    art = article(corpus, "003")
    assert removed(art) == [
        ("photo credit", "Photo by: Reuters"),
        ("photo credit", "Photo by: Reuters"),
        ("agency credit", "TRTWorld and agencies"),
    ]
    assert art.title == "Syrian regime forces advance in Aleppo province"
    assert art.credits == ("agencies",)  # the photo credit does not credit Reuters


def test_004_reuters_starts_mid_story(corpus: Corpus) -> None:
    art = article(corpus, "004")
    assert removed(art) == [("comment prompt", "Leave a Comment")]
    assert (art.title, art.title_span) == ("", None)
    assert spans_text(art)[0] == ("The rebels fled the town south of Aleppo city after "
                                  "pro-government forces took full control, it said.")
    assert art.credits == ("Reuters",)  # from outlets.csv only
    assert not any(sentence.in_title for sentence in art.sentences)
    # checked by hand: 12 lines, one of them ("Rebels says ... Talaat al Eiss has also ...")
    # two sentences
    assert len(art.paragraphs) == 12
    assert len(art.sentences) == 13


def test_004_text_credits_nothing(corpus: Corpus) -> None:
    doc = Document(source="004.txt", text=article(corpus, "004").text)
    assert clean(doc, "reuters", "004.txt").credits == ()


def test_every_line_is_title_paragraph_or_removed(corpus: Corpus) -> None:
    for art in corpus.articles:
        lines = {(line.start, line.end) for line in art.removed} | set(art.paragraphs)
        if art.title_span:
            lines.add(art.title_span)
        expected = set()
        offset = 0
        for raw in art.text.split("\n"):
            if raw.strip():
                start = offset + len(raw) - len(raw.lstrip())
                expected.add((start, start + len(raw.strip())))
            offset += len(raw) + 1
        assert lines == expected, art.id
        assert len(lines) == len(art.removed) + len(art.paragraphs) + bool(art.title_span)


def test_sentences_are_ordered_stripped_and_inside_the_kept_text(corpus: Corpus) -> None:
    for art in corpus.articles:
        kept = ([art.title_span] if art.title_span else []) + list(art.paragraphs)
        previous_end = 0
        for sentence in art.sentences:
            text = art.text[sentence.start:sentence.end]
            assert text == text.strip() and text
            assert sentence.start >= previous_end
            assert any(start <= sentence.start and sentence.end <= end for start, end in kept)
            previous_end = sentence.end
        assert art.sentences[0].in_title == bool(art.title_span)
        assert sum(sentence.in_title for sentence in art.sentences) == bool(art.title_span)


# --------------------------------------------------------------------------- rules on single lines


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Monday, 12 November 2015", "date header"),
        ("Nov. 12, 2015 at 10:30 a.m. EST", "date header"),
        ("Posted on 2015-11-12 09:15", "publication metadata"),
        ("Last updated: 12 Nov 2015", "publication metadata"),
        ("Tags: Syria, Aleppo, Hezbollah", "publication metadata"),
        ("Leave a reply", "comment prompt"),
        ("Comments (12)", "comment prompt"),
        ("3 + 4 = ?", "captcha"),
        ("twenty-one minus five =", "captcha"),
        ("Photo: AFP", "photo credit"),
        ("Share Tweet Email", "social links"),
        ("Follow us on Facebook and Twitter", "social links"),
        ("Short URL: http://x.example/abc", "short link"),
        ("By Jane Doe and John Smith", "byline"),
        ("Reporting by Tom Perry; Editing by Peter Graff", "byline"),
        ("Reuters Staff", "byline"),
        ("The Outlet", "byline"),  # the outlet's own name (id "the-outlet")
        ("The Associated Press contributed to this report.", "agency credit"),
        ("Additional reporting by Reuters", "agency credit"),
        ("- AFP", "agency credit"),
        ("Staff and agencies", "agency credit"),
        ("Source: Xinhua", "source credit"),
        ("A version of this article appears in print on March 3, 2021, Section A, Page 12 of the"
         " New York edition with the headline: Harbour Talks End in Bitter Exchange. Order"
         " Reprints | Today's Paper | Subscribe", "print edition"),
        ("Appeared in the March 3, 2021, print edition as 'Scathing Words at the Harbour Talks'.",
         "print edition"),
    ],
)
def test_chrome_line_is_removed(line: str, reason: str) -> None:
    art = cleaned(f"A headline\n\n{line}\n\nThe story goes on.\n")
    assert removed(art) == [(reason, line)]
    assert spans_text(art) == ["The story goes on."]


@pytest.mark.parametrize(
    "line",
    [
        "A military source told AFP that regime troops were in full control of the town.",
        "AFP reported that the talks would start on Saturday.",
        "Reuters could not independently verify the footage.",
        "By Thursday, government forces had reached the air base.",
        "Reported by state media, the attack killed 12 people.",
        "The source said fighters from Hezbollah took part.",
        "Updated figures showed 12 people had been killed.",
        "He met with agencies in Geneva.",
        "Photographs showed smoke rising over the town.",
        "Follow-up talks are planned for Saturday.",
        "Friday, the army said, was the deadliest day of the offensive.",
        "The Outlet is a newspaper founded in 1990.",
        "The cartoon appeared in the print edition on Monday and drew a scathing reply.",
        "A version of the plan was printed by the ministry on Tuesday.",
    ],
)
def test_story_line_is_kept(line: str) -> None:
    art = cleaned(f"A headline\n\n{line}\n")
    assert art.removed == ()
    assert spans_text(art) == [line]


def test_every_rule_has_a_docstring_and_a_distinct_purpose() -> None:
    assert all(rule.test.__doc__ for rule in RULES)
    assert len({rule.test for rule in RULES}) == len(RULES)


# --------------------------------------------------------------------------- title, spans, words


def test_given_title_is_located_as_a_line() -> None:
    art = cleaned("Intro line\n  Town falls \n\nBody text here.\n", title="Town  falls")
    assert (art.title, art.title_span) == ("Town  falls", (13, 23))
    assert spans_text(art) == ["Intro line", "Body text here."]


def test_given_title_not_in_text_has_no_span() -> None:
    art = cleaned("Body text here.\n", title="Elsewhere")
    assert (art.title, art.title_span, spans_text(art)) == ("Elsewhere", None, ["Body text here."])
    assert [sentence.in_title for sentence in art.sentences] == [False]


def test_short_first_sentence_still_counts_as_a_title() -> None:
    art = cleaned("Army retakes the town.\n\nBody.\n")
    assert art.title == "Army retakes the town."


def test_text_is_unchanged_and_spans_cover_visible_text() -> None:
    text = f"\n {NBSP}Headline{NBSP}\n\n\t  First sentence. Second one!  \nLeave a comment\n"
    art = cleaned(text)
    assert art.text == text
    assert art.text[slice(*art.title_span or (0, 0))] == "Headline"
    assert spans_text(art) == ["First sentence. Second one!"]
    assert [art.text[s.start:s.end] for s in art.sentences] == [
        "Headline", "First sentence.", "Second one!"]
    assert removed(art) == [("comment prompt", "Leave a comment")]


def test_words_count_title_and_kept_body_only() -> None:
    art = cleaned("Syria\u2019s army re-took al-Hader\n\nIt's 25 km away, rebels said.\n"
                  "Leave a comment\n")
    # Syria's (curly apostrophe), army, re-took, al-Hader | It's, 25, km, away, rebels, said
    assert art.words == 10


def test_credits_merge_given_and_found() -> None:
    doc = Document(source="t.txt", text="Headline\n\nBody.\n\nAFP contributed to this report.\n",
                   credits=("REUTERS", "afp", "Local Stringer"))
    assert clean(doc, "x", "t.txt").credits == ("AFP", "Local Stringer", "Reuters")


def test_agencies_in_a_credit_line() -> None:
    assert agencies_in("REUTERS/AFP") == {"AFP", "Reuters"}
    assert agencies_in("Agence France-Presse and the Associated Press") == {"AFP", "AP"}
    assert agencies_in("TRTWorld and agencies") == {"agencies"}
    assert agencies_in("Helin Saeed") == set()
    assert merge_credits(("agencies", "AP"), {"AP"}) == ("agencies", "AP")


def test_markdown_heading_marks_are_not_part_of_the_title() -> None:
    text = "# Rebels retreat\n\nThe rebels left the town.\n"
    article = clean(Document(source="story.md", text=text), "x", "story.md")
    assert article.title == "Rebels retreat"
    assert article.title_span is not None
    assert text[article.title_span[0] : article.title_span[1]] == "Rebels retreat"
