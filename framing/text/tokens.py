"""Tokens of an article's folded text, and where its sentences and paragraphs are.

The rules for quotations, speakers and agency read words and punctuation marks with their
offsets; they share these helpers for positions in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

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


POSSESSIVE_END = re.compile(r"'s?$")  # "Trump's", "the protesters'"


def without_possessive(text: str) -> str:
    """``text`` without a closing possessive: "Trump's" -> "Trump"."""
    return POSSESSIVE_END.sub("", text)


@dataclass(frozen=True)
class Stretches:
    """Spans of a text merged into disjoint stretches, in order, so that what holds or touches
    them is found by bisection, not by reading them all (a long article has thousands of
    quotations and lexicon matches)."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    @classmethod
    def of(cls, spans: Iterable[Span]) -> Stretches:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(spans):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return cls(tuple(starts), tuple(ends))

    def holds(self, pos: int) -> bool:
        """True when offset ``pos`` lies inside a stretch."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def last_before(self, end: int) -> int:
        """Index of the last stretch starting before ``end`` (-1 if none)."""
        return bisect.bisect_left(self.starts, end) - 1

    def overlaps(self, start: int, end: int) -> bool:
        """True when characters ``start`` to ``end`` share one with a stretch."""
        i = self.last_before(end)
        return i >= 0 and self.ends[i] > start


def within(spans: Iterable[Span]) -> Callable[[int], bool]:
    """A test "is this offset inside one of the spans?" in log time."""
    return Stretches.of(spans).holds


def paragraph_at(article: Article, pos: int) -> Span:
    """The kept paragraph (or title) holding ``pos``."""
    return next((p for p in kept_spans(article) if p[0] <= pos < p[1]), (pos, pos))


def previous_paragraph(article: Article, paragraph: Span) -> Span | None:
    """The kept paragraph before ``paragraph``, if any."""
    earlier = [p for p in kept_spans(article) if p[1] <= paragraph[0]]
    return earlier[-1] if earlier else None
