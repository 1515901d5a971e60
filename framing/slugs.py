"""Identifiers made from names: outlet ids, referent ids, anchors in the report."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def slugify(name: str, fallback: str) -> str:
    """ "Arutz Sheva (Israel National News)" -> "arutz-sheva-israel-national-news"; accents
    dropped ("Türkiye" -> "turkiye"); ``fallback`` when nothing is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or fallback


def unique(slugs: Iterable[str]) -> list[str]:
    """The slugs in order, clashes numbered ("bbc", "bbc-2") so each names one thing."""
    taken: set[str] = set()
    result: list[str] = []
    for base in slugs:
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        result.append(slug)
    return result
