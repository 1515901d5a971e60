"""The HTML report, parsed: self-contained, escaped, and every number leads to its sentences."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement

import framing.render.html as html_module
from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.render.html import render_html
from framing.text.loading import load_corpus

from .helpers import DEMO, ROOT
from .test_scoring import demo as graded_demo

GOLDEN = ROOT / "reports" / "al-hader-2015.html"


@lru_cache(maxsize=1)
def demo_html() -> str:
    report = analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()))
    return render_html(report, "al-hader-2015")


def parse(html: str) -> HtmlElement:
    return lxml.html.fromstring(html)


def test_report_is_self_contained() -> None:
    page = parse(demo_html())
    assert page.get("lang") == "en"
    assert not page.xpath("//link | //iframe | //img | //object | //embed")
    assert not page.xpath("//*[@src]")
    (script,) = page.xpath("//script")  # the one inline script: the actor filter
    assert "fetch" not in script.text and "XMLHttpRequest" not in script.text
    external = [a for a in page.xpath("//@href") if not a.startswith("#")]
    assert external == []
    style = "".join(page.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style


def test_every_internal_link_has_a_target() -> None:
    page = parse(demo_html())
    ids = set(page.xpath("//@id"))
    targets = {href[1:] for href in page.xpath("//a/@href")}
    assert targets - ids == set()


def test_each_label_count_leads_to_that_many_sentences() -> None:
    page = parse(demo_html())
    links = page.xpath("//section[@id='labels']//a[contains(@class, 'lab')]")
    assert len(links) > 30
    for link in links:
        count = int(link.xpath(".//span[@class='n']/text()")[0])
        target = page.get_element_by_id(link.get("href")[1:])
        assert len(target.xpath(".//ol[@class='kwic']/li")) == count, link.get("href")
        marked = target.xpath(".//ol[@class='kwic']/li/mark")
        assert len(marked) == count


def test_connotation_is_not_shown_by_colour_alone() -> None:
    page = parse(demo_html())
    for link in page.xpath("//a[contains(@class, 'lab')]"):
        classes = link.get("class").split()
        sign = link.xpath("./span[@class='sym']/text()")[0]
        expected = {"negative": "\u2212", "neutral": "\u25cb", "positive": "+", "unrated": "\u25c7"}
        assert [expected[c] for c in classes if c in expected] == [sign]
        assert link.xpath("./span[@class='sr']"), "screen readers get the connotation in words"


def test_trt_regime_cell_and_removed_chrome_are_shown() -> None:
    page = parse(demo_html())
    prefix = "ev-trt-world-syrian-government-regime-forces-"
    (anchor,) = page.xpath(f"//div[starts-with(@id, '{prefix}')]")
    heading = anchor.xpath("./h4")[0].text_content()
    assert "regime forces" in heading and "TRT World: 5" in heading  # and 4 "Syrian regime forces"
    removed = [li.text_content() for li in page.xpath("//details[@class='removed']//li")]
    assert any(r.startswith("\u201cten + thirteen =\u201d") or "ten + thirteen =" in r
               for r in removed)
    assert any("Leave a comment" in r and "comment prompt" in r for r in removed)


def test_article_text_is_escaped(tmp_path: Path) -> None:
    for name, outlet in (("a.txt", "Alpha"), ("b.txt", "Beta")):
        (tmp_path / name).write_text(
            f"{outlet} <b>headline</b>\n\nThe regime <script>alert('x')</script> said "
            "<img src=x onerror=alert(1)> that Hezbollah fighters left.\n",
            encoding="utf-8",
        )
    report = analyze(load_corpus(tmp_path), load_lexicons(bundled_lexicon_files()))
    html = render_html(report)
    page = parse(html)
    assert not page.xpath("//img | //b")
    assert len(page.xpath("//script")) == 1  # ours, not the article's
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert html.lower().count("<script") == 1
    assert "alert(" not in "".join(page.xpath("//script/text()"))


def test_golden_demo_report_is_current() -> None:
    assert GOLDEN.exists(), "missing golden report: run  framing demo -o reports/al-hader-2015.html"
    assert GOLDEN.read_text(encoding="utf-8") == demo_html(), (
        "reports/al-hader-2015.html is stale: the code or lexicons changed. Look at the new "
        "report, then regenerate it with  framing demo -o reports/al-hader-2015.html"
    )


def test_shared_copy_sections_show_the_hezbollah_edit() -> None:
    page = parse(demo_html())
    for section in ("shared", "edits", "kept"):
        assert page.get_element_by_id(section) is not None
    changes = [p.text_content() for p in page.xpath("//p[@class='label-change']")]
    # Deccan Chronicle's "Hezboll-ah" is a typo no lexicon lists: the new wording is no label
    assert "Hezbollah: Hezbollah fighter (neutral) → (no label)" in changes
    inserted = [e.text_content() for e in page.xpath("//section[@id='edits']//ins")]
    assert "troops from Lebanon\u2019s Hezboll-ah movement" in inserted
    overlap = page.xpath("//table[@class='overlap']//a/text()")
    assert "7 of 31" in overlap and "7 of 19" in overlap  # Arutz Sheva and Deccan Chronicle


def test_a_variant_is_shown_as_written_with_its_lexicon_term_in_the_note() -> None:
    page = parse(demo_html())
    prefix = "ev-deccan-chronicle-russia-russian-air-support-"
    (link,) = page.xpath(f"//table[@class='matrix']//a[starts-with(@href, '#{prefix}')]")
    assert link.get("title") == 'counted as the lexicon term "Russian air cover"'
    assert "Russian air support" in link.text_content()
    assert 'counted as the lexicon term "Russian air cover"' in link.xpath(
        "./span[@class='sr']")[0].text_content()
    # A plural is the same word: "regime soldiers" carries no note.
    plain = page.xpath("//table[@class='matrix']//a[contains(., 'Russian warplanes')]")
    assert plain and not [a for a in plain if a.get("title")]


def test_the_bars_show_the_mean_score_in_text_sign_and_words() -> None:
    page = parse(render_html(graded_demo(grade=True)))
    (row,) = page.xpath("//table[@class='shares']//tr[@data-group='hezbollah']")
    cells = row.xpath("./td")
    heads = [" ".join(th.text_content().split()) for th in
             page.xpath("//table[@class='shares']/thead//th")[1:]]
    # Arutz Sheva: "terror proxy Hezbollah" and "the terrorist organization" (strong, -3
    # each), "a Hezbollah bastion" and "fighters from Hezbollah" (0): -6 over 4 mentions.
    arutz = cells[next(i for i, h in enumerate(heads) if h.startswith("Arutz Sheva"))]
    figure = arutz.xpath(".//span[contains(@class, 'figure')]")[0]
    assert " ".join(figure.text_content().split()) == "\u22121.5 \u00b7 2 strong"
    assert "negative" in figure.get("class").split()
    label = arutz.xpath(".//div[@role='img']")[0].get("aria-label")
    assert label == ("mean score \u22121.5 on a scale from \u22123 (strongly negative) to +3 "
                     "(strongly positive); 2 strongly negative labels; 50% negative, 50% neutral, "
                     "0% positive, of 4 mentions")
    fill = arutz.xpath(".//span[@class='half']/span[@class='negative']")[0]
    assert fill.get("style") == "width: 50%"  # 1.5 of 3


def test_cues_have_their_own_legend_not_the_actor_scale() -> None:
    page = demo_html()
    cues = page[page.index('id="h-cues"') : page.index('id="distinctive"')]
    assert "the sign is not about an actor" in cues
    assert "<dt>Attribution verbs</dt>" in cues  # each category says what it does


def test_a_corpus_too_big_for_one_page_shows_no_texts_and_a_sample_of_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 60 articles (past TEXTS_MAX = 50): the full texts are left out, every count lists at
    # most 5 sentences, and no link points at a text that is not on the page.
    lines = ["Regime forces shelled the town, rebels said.",
             "The Syrian army took the town, the Observatory said.",
             "Rebels fled as regime forces advanced, monitors said."]
    with (tmp_path / "feed.jsonl").open("w", encoding="utf-8") as feed:
        for n in range(60):
            feed.write(json.dumps({"outlet": f"Outlet {n % 3}", "title": f"Town {n}",
                                   "text": " ".join(lines)}) + "\n")
    report = analyze(load_corpus(tmp_path), load_lexicons(bundled_lexicon_files()))
    monkeypatch.setattr(html_module, "ARTICLES_LISTED", 10)  # 500 in use: too slow to build
    page = render_html(report, "big")
    tree = lxml.html.fromstring(page)
    said = " ".join(tree.text_content().split())
    assert "The 60 articles are not shown here" in said
    assert "60 articles from 3 outlets" in said
    assert len(tree.xpath("//section[@id='articles']//tbody/tr")) == 10
    assert "The first 10 of 60; the JSON export lists them all." in said
    assert not tree.xpath("//article[starts-with(@id, 'art-')]")
    ids = set(tree.xpath("//@id"))
    assert [h for h in tree.xpath("//a/@href") if h.startswith("#") and h[1:] not in ids] == []
    regime = tree.xpath("//div[@class='ev'][.//text()[contains(., 'regime forces')]]")
    assert regime and all(len(ev.xpath(".//ol[@class='kwic']/li")) <= 5 for ev in regime)
    # 40 counted ("regime forces" twice in each of 20 articles of an outlet), 5 listed
    assert any("and 35 more" in ev.text_content() for ev in regime)
