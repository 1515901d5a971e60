"""Fixtures of the browser tests: the demo report written to a file, and Chromium to open it.

A browser test never skips: without Playwright or Chromium it fails and says how to install
them. Deselect them deliberately with ``-m "not browser"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.render.html import render_html
from framing.text.loading import load_corpus

from ..helpers import DEMO
from .chromium import ChromiumMissing, launch

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the report in headless Chromium")
    config.addinivalue_line("markers", "axe: the axe-core accessibility audit (WCAG 2.1 AA)")


@pytest.fixture(scope="session")
def demo_report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo report, rendered by the code under test (not the golden copy)."""
    report = analyze(load_corpus(DEMO), load_lexicons(bundled_lexicon_files()))
    path = tmp_path_factory.mktemp("browser") / "al-hader-2015.html"
    path.write_text(render_html(report, "al-hader-2015"), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: pip install '.[browser]' (the browser tests "
                    "need it; they do not skip)", pytrace=False)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    try:
        chromium = launch(playwright)
    except ChromiumMissing as err:
        pytest.fail(str(err), pytrace=False)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser: Browser, demo_report_file: Path) -> Iterator[Page]:
    """A fresh tab at desktop size with the demo report open."""
    tab = browser.new_page(viewport={"width": 1280, "height": 800})
    tab.goto(demo_report_file.as_uri())
    yield tab
    tab.close()
