"""Tokens of an article's folded text, and where its sentences and paragraphs are.

The rules for quotations, speakers and agency read words and punctuation marks with their
offsets; they share these helpers for positions in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Article
from .wordlists import SPEECH, word_tuple

Span = tuple[int, int]
# A title abbreviation keeps its full stop ('Sen.'), initials stay whole ('U.S.'), a single
# capital before a name is an initial ('Paul D. Ryan'), words keep inner hyphens, apostrophes
# and dots ('al-Issa', "didn't", 'Fox.com').
TOKEN = re.compile(
    rf"(?:{'|'.join(map(re.escape, word_tuple(SPEECH, 'abbreviations')))})\."
    r"|(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|\w+(?:[-'.]\w+)*'?|[^\w\s]"
)


@dataclass(frozen=True)
class Tok:
    """A token of the folded text: a word or one punctuation mark."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """Lowercase text."""
        return self.text.lower()

    @property
    def key(self) -> str:
        """Lowercase without a final full stop: 'Sen.' -> 'sen'."""
        return self.text.lower().rstrip(".")

    @property
    def word(self) -> bool:
        """A word rather than punctuation."""
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def cap(self) -> bool:
        """Capitalised, counting 'al-Issa' and 'diGenova'."""
        return self.text[0].isupper() or bool(re.match(r"(?:al-|el-|bin-|abu-|[a-z]{1,3})[A-Z]",
                                                        self.text))  # 'al-Issa', 'diGenova'


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Words and punctuation of ``text[start:end]`` (folded text), with their offsets."""
    return [Tok(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


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
    starts = [s.start for s in article.sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def paragraph_at(article: Article, pos: int) -> Span:
    """The kept paragraph (or title) holding ``pos``."""
    return next((p for p in kept_spans(article) if p[0] <= pos < p[1]), (pos, pos))


def previous_paragraph(article: Article, paragraph: Span) -> Span | None:
    """The kept paragraph before ``paragraph``, if any."""
    earlier = [p for p in kept_spans(article) if p[1] <= paragraph[0]]
    return earlier[-1] if earlier else None
