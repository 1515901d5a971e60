"""Fold a text for matching: curly quotes, dashes and unusual spaces made plain.

One character is replaced by one character, so the folded text has the original's length and
every offset found in it is an offset into the original.
"""

from __future__ import annotations

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ",
    }
)


def fold(text: str) -> str:
    """Same length as ``text``: quotes, dashes and spaces made plain for matching."""
    return text.translate(_FOLD)
