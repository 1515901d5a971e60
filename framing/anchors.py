"""The ids that tie a figure to its evidence, shared by the analysis and every renderer.

A discussion question cites the matches, quotations and sentences it rests on by these ids; the
HTML report gives the same ids to the elements that show them, and the JSON export to its rows,
so a citation can be followed in either. Articles are numbered in corpus order.
"""

from __future__ import annotations

import hashlib

from framing.counts.scoring import label_key
from framing.slugs import slugify


def match_id(article: int, start: int) -> str:
    """A lexicon or actor match: its article's number and its first character."""
    return f"m-{article}-{start}"


def quote_id(article: int, start: int) -> str:
    """A quotation or reported statement: its article's number and its first character."""
    return f"q-{article}-{start}"


def sentence_id(article: int, sentence: int) -> str:
    """A sentence of an article, as the side-by-side texts show it."""
    return f"s-{article}-{sentence}"


def label_anchor(outlet: str, group: str, term: str) -> str:
    """A label's evidence list: readable and unique; the digest keeps "AFP" and "AFP." apart,
    and spellings that are one label ("war-ravaged", "War ravaged") share it."""
    key = label_key(term)
    return f"ev-{outlet}-{group}-{slugify(key, 'x')}-{_digest(key)}"


def voice_anchor(outlet: str, speaker: str) -> str:
    """One speaker's statements in one outlet."""
    key = speaker.casefold()
    return f"voice-{outlet}-{slugify(key, 'x')}-{_digest(key)}"


def pair_anchor(outlet_a: str, outlet_b: str) -> str:
    """The sentences two outlets share, whichever is named first."""
    first, second = sorted((outlet_a, outlet_b))
    return f"pair-{first}-{second}"


def distinctive_anchor(outlet: str, term: str) -> str:
    """A distinctive word's sentences in one outlet."""
    return f"dt-{outlet}-{slugify(term, 'x')}-{_digest(term)}"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
