"""Tokens of an article's folded text, and where its sentences and paragraphs are.

The rules for quotations, speakers and agency read words and punctuation marks with their
offsets; they share these helpers for positions in the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from framing.model import Article
from framing.text.layer import Token
from framing.text.tokenizer import TOKEN

Span = tuple[int, int]
Tok = Token  # a token of the text layer, or of a free string tokenised the same way


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Words and punctuation of ``text[start:end]`` (folded text), with their offsets, split as
    the text layer splits an article (framing/text/tokenizer.py)."""
    return [Token(m.start(), m.group(), "", -1) for m in TOKEN.finditer(text, start, end)]


def ends_sentence(toks: Sequence[Tok], i: int) -> bool:
    """A full stop, question or exclamation mark not followed by a comma or a lowercase word."""
    if toks[i].text not in ".!?":
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or not (nxt.text in ",;)" or nxt.text[0].islower())


def trim_end(text: str, start: int, end: int) -> int:
    """Move ``end`` back past spaces and trailing punctuation."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:-"):
        end -= 1
    return end


def skip_space(text: str, pos: int) -> int:
    """Move ``pos`` forward past spaces."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def kept_spans(article: Article) -> list[Span]:
    """The title and kept paragraphs, in text order."""
    spans = list(article.paragraphs)
    if article.title_span:
        spans.append(article.title_span)
    return sorted(spans)


def sentence_at(article: Article, pos: int) -> int:
    """Index of the sentence holding ``pos`` (the one before it, between sentences)."""
    return max(0, bisect.bisect_right(article.sentences, pos, key=lambda s: s.start) - 1)


def within(spans: Iterable[Span]) -> Callable[[int], bool]:
    """A test "is this offset inside one of the spans?" in log time: the spans merged into
    disjoint runs and looked up by bisection (a long article has thousands of quotes)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [start for start, _ in merged]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < merged[i][1]

    return inside


def paragraph_at(article: Article, pos: int) -> Span:
    """The kept paragraph (or title) holding ``pos``."""
    return next((p for p in kept_spans(article) if p[0] <= pos < p[1]), (pos, pos))


def previous_paragraph(article: Article, paragraph: Span) -> Span | None:
    """The kept paragraph before ``paragraph``, if any."""
    earlier = [p for p in kept_spans(article) if p[1] <= paragraph[0]]
    return earlier[-1] if earlier else None
