"""The profile page (`framing profile`) in Chromium: offline, accessible, its links followed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from framing.cli.main import cli

from ..test_profile import write_events
from .test_accessibility import WCAG_21_AA, describe

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def profile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("profile")
    events = write_events(root / "events")
    page = root / "profile.html"
    result = CliRunner().invoke(cli, ["profile", str(events), "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


def test_the_profile_asks_nothing_of_the_network_and_links_its_events(
    browser: Browser, profile_page: Path
) -> None:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(profile_page.as_uri())
        assert [url for url in requested if not url.startswith("file:")] == []
        assert page.locator("#summary tbody tr").count() == 3  # alpha, beta, gamma
        page.locator("#events a", has_text="e2").click()
        page.wait_for_load_state()
        assert page.url.endswith("/profile-events/e2.html")
        assert "How outlets framed it: e2" in page.title()
    finally:
        page.close()


def test_axe_finds_no_wcag21_aa_violations_in_the_profile(
    browser: Browser, profile_page: Path
) -> None:
    from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(profile_page.as_uri())
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    finally:
        page.close()
    violations = results.response["violations"]
    assert violations == [], f"axe:\n{describe(violations)}"


def test_the_profile_prints_within_the_page_width(browser: Browser, profile_page: Path) -> None:
    # A4 at 96 dpi is 794 px wide: in print no table may run past it (on screen wide tables
    # scroll in their own region, which paper cannot).
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    try:
        page.goto(profile_page.as_uri())
        page.emulate_media(media="print")
        assert page.evaluate("document.documentElement.scrollWidth") <= 794
    finally:
        page.close()
