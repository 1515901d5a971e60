"""Render the label matrix of a report to a PNG, in the Chromium the browser tests use.

The README's screenshot comes from here, so it shows what the tested browser shows:

    .venv/bin/python -m tests.browser.screenshot
    .venv/bin/python -m tests.browser.screenshot my-report.html -o matrix.png --rows Hezbollah

Only the rows named with ``--rows`` are kept (by default the Syrian government's and
Hezbollah's, the rows the README's caption talks about); the page is otherwise as rendered.
``--first-screen`` writes instead what a reader sees before scrolling, on a laptop
(1366 by 768) and on a phone (390 by 844): reports/first-screen-1366.png and -390.png.
``--profile PAGE`` writes the summary table of a `framing profile` page (figures and outlet
names only, no article text): the README's reports/profile-summary.png comes from

    .venv/bin/python -m framing profile ../shared/eval/basil -o /tmp/basil-profile.html
    .venv/bin/python -m tests.browser.screenshot --profile /tmp/basil-profile.html
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from playwright.sync_api import sync_playwright

from .chromium import ChromiumMissing, launch

ROOT = Path(__file__).resolve().parents[2]
ROWS = ("Syrian government and its forces", "Hezbollah")
KEEP_ROWS = """rows => {
  const names = [];
  for (const tr of document.querySelectorAll("#labels table.matrix tbody tr")) {
    const th = tr.querySelector("th[scope=row]");
    const name = th ? th.firstChild.textContent.trim() : "";
    names.push(name);
    if (!rows.includes(name)) tr.style.display = "none";
  }
  return names;
}"""


def screenshot(report: Path, output: Path, rows: Sequence[str], width: int, scale: float) -> None:
    """Write the PNG of ``report``'s label matrix, keeping ``rows``; ValueError names a
    row the matrix does not have."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": width, "height": 800},
                                    device_scale_factor=scale)
            page.goto(report.resolve().as_uri())
            names = page.evaluate(KEEP_ROWS, list(rows))
            missing = [row for row in rows if row not in names]
            if missing:
                raise ValueError(f"no row {', '.join(map(repr, missing))} in the label matrix "
                                 f"of {report}; rows: {', '.join(names)}")
            box = page.locator("#labels").bounding_box()
            assert box is not None  # the section is displayed: its rows were just read
            margin = 16  # CSS pixels of page around the section
            page.screenshot(path=str(output), full_page=True, clip={
                "x": max(box["x"] - margin, 0), "y": max(box["y"] - margin, 0),
                "width": box["width"] + 2 * margin, "height": box["height"] + 2 * margin})
        finally:
            browser.close()


SCREENS = ((1366, 768, 1.0), (390, 844, 2.0))  # width, height, device pixel ratio


def section(page_file: Path, output: Path, selector: str, width: int) -> None:
    """Write the PNG of one section of a page (``selector``), with a margin around it."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": width, "height": 800})
            page.goto(page_file.resolve().as_uri())
            box = page.locator(selector).bounding_box()
            if box is None:
                raise ValueError(f"{page_file} has no {selector} section")
            margin = 16
            page.screenshot(path=str(output), full_page=True, clip={
                "x": max(box["x"] - margin, 0), "y": max(box["y"] - margin, 0),
                "width": box["width"] + 2 * margin, "height": box["height"] + 2 * margin})
        finally:
            browser.close()


def first_screens(report: Path, folder: Path) -> list[Path]:
    """PNGs of the first screen of ``report`` at laptop and phone size, in ``folder``."""
    written = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for width, height, scale in SCREENS:
                page = browser.new_page(viewport={"width": width, "height": height},
                                        device_scale_factor=scale, is_mobile=width < 600)
                page.goto(report.resolve().as_uri())
                path = folder / f"first-screen-{width}.png"
                page.screenshot(path=str(path))
                written.append(path)
                page.close()
        finally:
            browser.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", nargs="?", type=Path,
                        default=ROOT / "reports" / "al-hader-2015.html")
    parser.add_argument("-o", "--output", type=Path,
                        default=ROOT / "reports" / "al-hader-2015.png")
    parser.add_argument("--rows", nargs="+", default=list(ROWS), metavar="ACTOR",
                        help="the matrix rows to keep, by actor name")
    parser.add_argument("--width", type=int, default=1280, help="window width in CSS pixels")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio")
    parser.add_argument("--first-screen", action="store_true",
                        help="write the first screen at 1366x768 and 390x844 beside --output")
    parser.add_argument("--profile", type=Path, metavar="PAGE",
                        help="write the summary of this profile page to "
                             "reports/profile-summary.png")
    args = parser.parse_args(argv)
    try:
        if args.profile:
            written = [ROOT / "reports" / "profile-summary.png"]
            section(args.profile, written[0], "#summary", args.width)
        elif args.first_screen:
            written = first_screens(args.report, args.output.parent)
        else:
            screenshot(args.report, args.output, args.rows, args.width, args.scale)
            written = [args.output]
    except (ChromiumMissing, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
