"""Read one text file, whatever its encoding, into "the text as read".

Every offset framing reports refers to the string ``read_text`` returns, so it changes as
little as possible: it removes a byte-order mark and turns CRLF/CR line endings into "\\n",
nothing else.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import charset_normalizer
from charset_normalizer.md import mess_ratio

from framing.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_SHARE = 0.1  # above this share of control characters a "text" is binary
_MESS_TOLERANCE = 0.05  # how much messier than the detector's pick cp1252 may look


def read_text(path: Path) -> tuple[str, str]:
    """Return the text of ``path`` with "\\n" line endings and no BOM, and the encoding used.

    Raises InputError, naming the file, when it cannot be read, is binary or is in no
    encoding that can be recognised.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read the file ({err.strerror}); check it exists "
                         "and is readable") from err
    text, encoding = _decode(raw, path)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{path}: looks like a binary file (mostly control characters), "
                         "not text; save the article as .txt or .html")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff"), encoding


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode ``raw``: BOM, then obvious BOM-less UTF-16, then UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding, path), encoding
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return _strict(raw, utf16, path), utf16
    if b"\x00" in raw:
        raise InputError(f"{path}: looks like a binary file (it contains NUL bytes), not "
                         "text; save the article as .txt or .html")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(raw, path)


def _strict(raw: bytes, encoding: str, path: Path) -> str:
    """Decode with an encoding the bytes announced; a failure means the file is damaged."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid {encoding} (byte {err.start}); re-save the "
                         "file as UTF-8") from err


def _utf16_without_bom(raw: bytes) -> str | None:
    """Name the UTF-16 byte order when NULs sit on every other byte, as in Latin-script UTF-16."""
    half = len(raw) // 2
    if len(raw) % 2 or half == 0:
        return None
    even = raw[0::2].count(0) / half
    odd = raw[1::2].count(0) / half
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _detect(raw: bytes, path: Path) -> tuple[str, str]:
    """Guess a legacy encoding with charset-normalizer, preferring cp1252 on a near tie.

    The detector cannot tell cp1252 from cp1250 and kin on short Western text and often names
    the wrong one; cp1252 (Windows "ANSI") is by far the most common legacy encoding of news
    text, so it wins unless it reads clearly messier than the detector's pick.
    """
    best = charset_normalizer.from_bytes(raw).best()
    cp1252 = _try_decode(raw, "cp1252")
    if cp1252 is not None:
        tolerance = (best.chaos if best is not None else 0.0) + _MESS_TOLERANCE
        if mess_ratio(cp1252, maximum_threshold=1.0) <= tolerance:
            return cp1252, "cp1252"
    if best is None:
        raise InputError(f"{path}: the text encoding cannot be recognised; re-save the file "
                         "as UTF-8")
    return str(best), codecs.lookup(best.encoding).name


def _try_decode(raw: bytes, encoding: str) -> str | None:
    """Decode strictly, or return None."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    """Share of control characters other than ordinary whitespace in ``text``."""
    if not text:
        return 0.0
    controls = sum(1 for ch in text
                   if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc")
    return controls / len(text)
