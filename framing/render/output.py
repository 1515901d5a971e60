"""Atomic writes: a crash never leaves half a report; a failed run keeps the old one."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from framing.errors import OutputError
from framing.render.sqlite import is_framing_database

# What is written: text, or a function that writes the whole file at the path it is given (a
# database) and raises OSError when the disk or the file fails it.
Writer = Callable[[Path], None]
Content = str | Writer

NEW_FILE_MODE = 0o644  # readable by others, like a file a text editor saves (mkstemp gives 0o600)
TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 3600  # older than any run writes for: its writer is gone
MARKERS = (
    'name="generator" content="framing',
    '"generator": "framing',
    "(framing lexicon suggest)",
)
HEAD_BYTES = 4 * 4096  # the first 4,096 characters, in bytes at most


def write_atomic(path: Path, content: Content) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    write_together([(path, content)])


def write_together(files: Sequence[tuple[Path, Content]]) -> None:
    """Write every file or none (a blind report and its key): each to a temporary file beside
    it first, so that a full disk or an error replaces nothing, then rename them all.

    Whatever stops the write (an error, Ctrl-C, SIGTERM) removes the temporary files; one left
    by a killed run (SIGKILL, power loss) is swept by the next write of the same file once it
    is an hour old."""
    for path, _ in files:
        check_destination(path)
    temps: list[tuple[str, Path]] = []
    try:
        for path, content in files:
            _sweep(_folder(path), path.name)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX,
                                       dir=_folder(path))
            temps.append((tmp, path))
            if callable(content):
                os.close(fd)
                content(Path(tmp))
            else:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(content.encode("utf-8", errors="replace"))  # lone surrogate: ?
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        while temps:  # a renamed file leaves the list: `finally` removes only what is left
            tmp, path = temps[0]
            os.replace(tmp, path)
            temps.pop(0)
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror}); choose another place") from None
    finally:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)


def check_destination(path: Path) -> None:
    """Fail before any work when ``path`` cannot be written: its folder is missing or not
    writable, or it is a folder itself."""
    folder = _folder(path)
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it or choose another")
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name, for example {path}/report.html")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: folder {folder} is not writable; choose another place")


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _sweep(folder: Path, name: str) -> None:
    """Remove this file's temporary copies that an earlier, killed run left behind."""
    now = time.time()
    for stale in folder.glob(f".{glob.escape(name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - stale.stat().st_mtime > STALE_SECONDS:
                stale.unlink()


def made_by_framing(path: Path) -> bool:
    """True when the file at ``path`` looks like an earlier framing report (safe to replace):
    a framing marker in its first 4,096 characters, or the header of a framing database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace")[:4096]
    return is_framing_database(head) or any(marker in text for marker in MARKERS)
