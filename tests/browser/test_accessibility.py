"""axe-core's audit of the demo report against WCAG 2.1 A and AA.

This test asserts zero violations. When it fails, its message lists each rule, the elements
that break it and axe's advice: fix the template (framing/templates), not the test.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.axe]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}


def describe(violations: list[dict[str, Any]]) -> str:
    """One paragraph per rule: id, impact, what it asks, and each element with axe's advice."""
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']} [{rule['helpUrl']}]")
        for node in rule["nodes"]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"  {' '.join(node['target'])}: {node['html'][:120]}")
            lines.append(f"    {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_axe_finds_no_wcag21_aa_violations(
    browser: Browser, demo_report_file: Path, viewport: str
) -> None:
    # axe-playwright-python ships axe.min.js (so this runs offline) but no type information.
    from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

    width, height = VIEWPORTS[viewport]
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(demo_report_file.as_uri())
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    finally:
        page.close()
    violations = results.response["violations"]
    assert violations == [], f"axe, {viewport} {width}x{height}:\n{describe(violations)}"
