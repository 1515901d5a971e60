"""Atomic writes: a crash never leaves half a report; a failed run keeps the old one."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from pathlib import Path

from framing.errors import OutputError

NEW_FILE_MODE = 0o644  # readable by others, like a file a text editor saves (mkstemp gives 0o600)
TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 3600  # older than any run writes for: its writer is gone
MARKERS = (
    'name="generator" content="framing',
    '"generator": "framing',
    "(framing lexicon suggest)",
)


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    Whatever stops the write (an error, Ctrl-C, SIGTERM) removes the temporary file; one left
    by a killed run (SIGKILL, power loss) is swept by the next write of the same file once it
    is an hour old."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it or choose another")
    data = content.encode("utf-8", errors="replace")  # a lone surrogate becomes "?", no crash
    _sweep(folder, path.name)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        os.replace(tmp, path)
        tmp = None
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror}); choose another place") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _sweep(folder: Path, name: str) -> None:
    """Remove this file's temporary copies that an earlier, killed run left behind."""
    now = time.time()
    for stale in folder.glob(f".{glob.escape(name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - stale.stat().st_mtime > STALE_SECONDS:
                stale.unlink()


def made_by_framing(path: Path) -> bool:
    """True when the file at ``path`` looks like an earlier framing report (safe to replace)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return any(marker in head for marker in MARKERS)
