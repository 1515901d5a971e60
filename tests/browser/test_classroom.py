"""The classroom editions in a real browser: the actor filter, the blind report and its key,
and the handout printed to PDF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from framing.cli.main import cli

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

HANDOUT_MAX_PAGES = 10  # A4 and Letter: 8 pages on the demo (tables, questions, two articles)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's blind report with its key, and its handout, written by the command line."""
    folder = tmp_path_factory.mktemp("editions")
    runner = CliRunner()
    for args in (["--blind", "-o", str(folder / "class.html")],
                 ["--handout", "-o", str(folder / "handout.html")]):
        result = runner.invoke(cli, ["demo", *args])
        assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    yield page
    page.close()


def test_filter_by_referent_hides_the_other_rows_and_highlights(page: Page) -> None:
    select = page.locator("#filter")
    assert select.is_visible()  # shown by the script; hidden without JavaScript
    rows = page.locator("#labels tr[data-group]")
    total = rows.count()
    select.select_option("hezbollah")
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == 1 and "Hezbollah" in visible[0].inner_text()
    assert total > 5
    other = page.locator('a.m[data-group="syrian-government"]').first
    assert "filtered-out" in (other.get_attribute("class") or "")
    select.select_option("")
    assert all(r.is_visible() for r in rows.all())


def test_blind_report_names_no_outlet_and_the_key_reveals_them(
    tab: Page, editions: Path
) -> None:
    tab.goto((editions / "class.html").as_uri())
    text = tab.locator("body").inner_text()
    for name in ("Arutz Sheva", "ARA News", "Deccan Chronicle", "Reuters", "TRT", "AFP"):
        assert name not in text
    assert "Outlet A" in text and "Blind edition." in text
    tab.goto((editions / "class-key.html").as_uri())
    key = tab.locator("table").inner_text()
    assert "Outlet A" in key and "Arutz Sheva (Israel National News)" in key


def test_handout_prints_short_and_without_the_evidence(tab: Page, editions: Path) -> None:
    tab.goto((editions / "handout.html").as_uri())
    assert tab.locator("#discuss").is_visible()
    assert not tab.locator("#evidence").is_visible()
    a4 = pdf_pages(tab.pdf(format="A4", print_background=True))
    letter = pdf_pages(tab.pdf(format="Letter", print_background=True))
    assert 2 <= a4 <= HANDOUT_MAX_PAGES and 2 <= letter <= HANDOUT_MAX_PAGES
