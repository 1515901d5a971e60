"""The finding first and a short page: what a reader sees before scrolling, on a laptop and on a
phone, and the folded lists that open when a count leads into them or the page is printed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
MAX_HEIGHT = 12_000  # CSS px of the demo report at laptop width, its long lists folded


@pytest.fixture
def laptop(browser: Browser, demo_report_file: Path) -> Iterator[Page]:
    tab = browser.new_page(viewport=LAPTOP)
    tab.goto(demo_report_file.as_uri())
    yield tab
    tab.close()


@pytest.fixture
def phone(browser: Browser, demo_report_file: Path) -> Iterator[Page]:
    tab = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                           has_touch=True)
    tab.goto(demo_report_file.as_uri())
    yield tab
    tab.close()


def box(page: Page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not displayed"
    return found


def test_what_differs_is_on_the_first_screen_of_a_laptop(laptop: Page) -> None:
    panel = box(laptop, "#what-differs")
    assert panel["y"] + panel["height"] <= LAPTOP["height"]  # all of it, before any scroll
    findings = laptop.locator("#what-differs li")
    assert 3 <= findings.count() <= 5
    ids = set(laptop.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)"))
    for n in range(findings.count()):
        item = findings.nth(n)
        assert re.search(r"\d|once|twice|one|two|three|four|five", item.inner_text())
        target = item.locator("a").get_attribute("href")
        assert target and target[1:] in ids


def test_what_differs_starts_on_the_first_screen_of_a_phone_and_nothing_scrolls_sideways(
    phone: Page,
) -> None:
    first = box(phone, "#what-differs li")
    assert first["y"] + first["height"] <= PHONE["height"]  # the strongest finding, unscrolled
    width = phone.evaluate("() => [document.documentElement.scrollWidth, "
                           "document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width[0]} px in {width[1]}"


def test_the_demo_page_is_short_with_its_long_lists_folded(laptop: Page) -> None:
    height = laptop.evaluate("() => document.documentElement.scrollHeight")
    assert height <= MAX_HEIGHT
    for fold in ("#evidence-lists", "#texts", "#pairs", "#kept-lists"):
        assert laptop.locator(fold).get_attribute("open") is None


def test_a_count_followed_into_a_folded_list_opens_it(laptop: Page) -> None:
    count = laptop.locator("#labels a.lab").first
    target = count.get_attribute("href")
    assert target and not laptop.locator(target).is_visible()  # folded in the evidence
    count.click()
    assert laptop.locator("#evidence-lists").get_attribute("open") is not None
    assert laptop.locator(target).is_visible()
    in_view = laptop.locator(target).bounding_box()
    assert in_view is not None and 0 <= in_view["y"] < LAPTOP["height"]


def test_on_paper_the_folds_are_open_and_no_line_says_click_or_hover(laptop: Page) -> None:
    laptop.emulate_media(media="print")
    assert laptop.locator("#evidence-lists .ev").first.is_visible()
    assert laptop.locator("#texts a.m").first.is_visible()
    printed = laptop.evaluate("() => document.body.innerText")
    assert not re.search(r"\b(click|hover)", printed, re.IGNORECASE)
