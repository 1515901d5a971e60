"""The browser the browser tests and the README screenshot use: the system's Chromium.

Playwright drives it, but its own browser download (``playwright install``) is never used:
CI installs Debian's ``chromium`` with apt-get, and so can anyone running the tests.
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

# Headless, and nothing that reaches the network or writes a profile the tests did not ask for.
ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
)
NAMES = ("chromium", "chromium-browser")
INSTALL = (
    "The browser tests drive the system's Chromium. Install it (Debian/Ubuntu: "
    "`sudo apt-get install chromium`; .ci/run does this in CI) or set FRAMING_CHROMIUM to a "
    "Chromium or Chrome binary. Playwright's own download (`playwright install`) is not used."
)


class ChromiumMissing(RuntimeError):
    """No Chromium to drive; the message says how to install one."""


def find_chromium() -> str:
    """The Chromium binary: $FRAMING_CHROMIUM, else ``chromium`` on the PATH."""
    configured = os.environ.get("FRAMING_CHROMIUM")
    if configured:
        if shutil.which(configured) is None:
            raise ChromiumMissing(f"FRAMING_CHROMIUM={configured} is not an executable. {INSTALL}")
        return configured
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing(f"Chromium not found on the PATH. {INSTALL}")


def launch(playwright: Playwright) -> Browser:
    """Start the system's Chromium, headless."""
    return playwright.chromium.launch(executable_path=find_chromium(), args=list(ARGS))
