"""Split a paragraph into sentences with pysbd, each located in the text by its offsets.

pysbd (rule-based, no data) was measured against nltk's Punkt, untrained and trained, on the
gold sentences of UD English-EWT (benchmarks/text_layer.py; README, "Why these libraries").
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from typing import Any

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\S+")
_INNER_STOP = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+\S")  # a stop, then more text


@functools.lru_cache(maxsize=1)
def _segmenter() -> Any:
    """The pysbd sentence splitter, built once (it is not cheap and keeps no state)."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each sentence of the paragraph ``text[start:end]``.

    pysbd's own char_span is buggy, so each piece is located here. A paragraph with no
    sentence-ending mark before its end is one sentence; skipping pysbd there saves most of the
    time, as pysbd takes about a millisecond per paragraph.
    """
    paragraph = text[start:end]
    if not _INNER_STOP.search(paragraph):
        yield start, end
        return
    cursor = 0
    for piece in _segmenter().segment(paragraph):
        piece = str(piece).strip()
        if not piece:
            continue
        found = paragraph.find(piece, cursor)
        if found < 0:  # pysbd changed the text: keep the rest of the paragraph as one sentence
            logger.debug("sentence not found in paragraph at %d: %r", start, piece)
            rest = paragraph[cursor:]
            lead = len(rest) - len(rest.lstrip())
            if rest.strip():
                yield start + cursor + lead, end
            return
        cursor = found + len(piece)
        yield start + found, start + cursor


def cut_long(text: str, start: int, end: int, max_words: int) -> Iterator[tuple[int, int, int]]:
    """The sentence ``text[start:end]`` as (start, end, 0), or, when it has more than
    ``max_words`` words (runs of non-space), its pieces of ``max_words`` words, cut at a space,
    as (start, end, piece number from 1)."""
    if end - start <= 2 * max_words:  # too short to hold that many words
        yield start, end, 0
        return
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    if len(words) <= max_words:
        yield start, end, 0
        return
    for number, first in enumerate(range(0, len(words), max_words), 1):
        chunk = words[first : first + max_words]
        yield chunk[0][0], chunk[-1][1], number
