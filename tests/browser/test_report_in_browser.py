"""The demo report in a real browser: links to evidence, keyboard, tooltips, print."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser

TARGET_BACKGROUND = "rgb(255, 245, 184)"  # report.css: ":target" is highlighted #fff5b8
MAX_TABS = 3000  # Tab presses allowed to reach the first highlighted match


def in_viewport(element: Locator) -> bool:
    """Whether the element's box is at least partly inside the window."""
    return bool(element.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth; }"))


def target_id(page: Page) -> str:
    return str(page.evaluate("document.querySelector(':target')?.id ?? ''"))


def test_clicking_a_count_in_the_label_matrix_shows_its_sentences(page: Page) -> None:
    # "regime forces 5" in TRT World's column of the Syrian government's row (labels as
    # written: its 4 "Syrian regime forces" are a label of their own).
    link = page.locator('#labels a.lab[href^="#ev-trt-world-syrian-government-regime-forces-"]')
    assert link.count() == 1
    count = int(link.locator(".n").inner_text())
    anchor = (link.get_attribute("href") or "#")[1:]
    link.click()
    evidence = page.locator(f'[id="{anchor}"]')
    assert target_id(page) == anchor
    assert in_viewport(evidence)
    assert evidence.evaluate("e => getComputedStyle(e).backgroundColor") == TARGET_BACKGROUND
    assert evidence.locator(".kwic li").count() == count == 5
    assert " ".join(evidence.locator(".kwic mark").first.inner_text().lower().split()).endswith(
        "regime forces")  # as written: one of them with a no-break space


def test_in_context_leads_from_an_occurrence_to_the_highlighted_article_text(page: Page) -> None:
    page.locator('#labels a.lab[href^="#ev-trt-world-syrian-government-regime-forces-"]').click()
    occurrence = page.locator(":target .kwic li").first
    marked = occurrence.locator("mark").inner_text()
    occurrence.locator("a.meta").click()
    match = page.locator(":target")
    assert target_id(page).startswith("m-")
    assert match.evaluate("e => e.closest('article') !== null")
    assert in_viewport(match)
    assert match.evaluate("e => getComputedStyle(e).backgroundColor") == TARGET_BACKGROUND
    assert match.inner_text().startswith(marked)


def test_the_skip_link_comes_first_and_shows_on_focus(page: Page) -> None:
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text() == "Skip to the report"
    assert in_viewport(focused)


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focus is on an element matching ``selector``."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"nothing matching {selector} reached after {MAX_TABS} Tab presses")


def test_a_highlighted_match_is_reachable_by_keyboard_and_its_note_shows(page: Page) -> None:
    # The texts are folded: the keyboard opens them as a mouse would, then reaches a match.
    tab_to(page, "#texts > summary")
    page.keyboard.press("Enter")
    first = page.locator("a.m").first
    tip = first.locator(".tip")
    hidden = tip.bounding_box()
    assert hidden is not None and hidden["width"] <= 1  # clipped until hover or focus
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.m')"):
            break
    else:
        pytest.fail(f"no highlighted match reached after {MAX_TABS} Tab presses")
    focused = page.locator(":focus")
    assert focused.get_attribute("id") == first.get_attribute("id")  # in document order
    shown = focused.locator(".tip").bounding_box()
    assert shown is not None and shown["width"] > 100 and shown["height"] > 10
    assert in_viewport(focused.locator(".tip"))
    assert ":" in focused.locator(".tip").inner_text()  # "Actor · connotation: the note"
    outline = focused.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"  # the focus ring shows where the keyboard is


def test_the_report_prints_to_pdf(page: Page) -> None:
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
    assert pages >= 1


def test_print_hides_navigation_and_tooltips(page: Page) -> None:
    page.emulate_media(media="print")
    assert page.locator("nav").evaluate("e => getComputedStyle(e).display") == "none"
    tip = page.locator("a.m .tip").first
    assert tip.evaluate("e => getComputedStyle(e).display") == "none"
