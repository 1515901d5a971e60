"""Atomic writes: a crash never leaves half a report; a failed run keeps the old one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from framing.errors import OutputError

NEW_FILE_MODE = 0o644  # readable by others, like a file a text editor saves (mkstemp gives 0o600)
MARKERS = (
    'name="generator" content="framing',
    '"generator": "framing',
    "(framing lexicon suggest)",
)


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it or choose another")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        os.replace(tmp, path)
    except OSError as err:
        if "tmp" in locals() and Path(tmp).exists():
            Path(tmp).unlink()
        raise OutputError(f"{path}: cannot write ({err.strerror}); choose another place") from None


def made_by_framing(path: Path) -> bool:
    """True when the file at ``path`` looks like an earlier framing report (safe to replace)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return any(marker in head for marker in MARKERS)
