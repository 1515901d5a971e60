"""An article's text layer, built once: tokens with offsets, tags, sentences, noun phrases.

Every stage reads these tokens, so "word" means one thing to the per-1,000-words rate, the
distinctive terms and the rules. Only the title and the kept paragraphs are tokenised (the
sentences the cleaner found), so page chrome holds no token.
"""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from framing.text.chunks import noun_phrases
from framing.text.folding import fold
from framing.text.tagger import tag_words
from framing.text.tokenizer import TOKEN, is_word

_INNER_CAP = re.compile(r"(?:al-|el-|bin-|abu-|[a-z]{1,3})[A-Z]")  # 'al-Issa', 'diGenova'


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation mark: its offsets in the article's text, its text there folded
    (curly quotes and dashes made plain), its Penn Treebank tag and the index of its sentence
    ("" and -1 for a token of a free string, not of an article). Its end is not stored: the
    folded text has the original's length (a corpus of a thousand articles has a million
    tokens, so every field counts)."""

    start: int
    text: str
    tag: str
    sentence: int

    @property
    def end(self) -> int:
        """The offset just after the token."""
        return self.start + len(self.text)

    @property
    def word(self) -> bool:
        """A word rather than a punctuation mark or a clitic ("'s", "n't"): what is counted."""
        return is_word(self.text)

    @property
    def low(self) -> str:
        """Lowercase text."""
        return self.text.lower()

    @property
    def key(self) -> str:
        """Lowercase without a final full stop: 'Sen.' -> 'sen'."""
        return self.text.lower().rstrip(".")

    @property
    def cap(self) -> bool:
        """Capitalised, counting 'al-Issa' and 'diGenova'."""
        return self.text[0].isupper() or bool(_INNER_CAP.match(self.text))

    @property
    def proper(self) -> bool:
        """Tagged a proper noun (NNP or NNPS)."""
        return self.tag in ("NNP", "NNPS")


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A noun phrase: its tokens ``first`` to ``end`` (exclusive) and its head, the last token
    (the chunk rule ends every phrase with a noun)."""

    first: int
    end: int
    sentence: int

    @property
    def head(self) -> int:
        """Index of the head token: the phrase's last, a noun."""
        return self.end - 1


@dataclass(frozen=True)
class TextLayer:
    """The tokens, sentences and noun phrases of one article (title and kept paragraphs).

    Sentence indices are those of ``Article.sentences`` as the cleaner made them; noun phrases
    do not overlap and are in text order.
    """

    folded: str  # the whole text folded (same length, so offsets hold)
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]  # per sentence of the article: its token range
    noun_phrases: tuple[NounPhrase, ...]
    _starts: array[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the token starts once, for lookups by offset (a compact array: a corpus of a
        thousand articles has a million tokens)."""
        object.__setattr__(self, "_starts", array("q", (t.start for t in self.tokens)))

    @property
    def words(self) -> int:
        """How many tokens are words (punctuation marks are not counted)."""
        return sum(1 for token in self.tokens if token.word)

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        """The tokens of sentence ``index``."""
        first, end = self.sentences[index]
        return self.tokens[first:end]

    def token_index_at(self, offset: int) -> int | None:
        """Index of the token covering character ``offset``, or None between tokens."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.tokens[i].end else None

    def token_at(self, offset: int) -> Token | None:
        """The token covering character ``offset``, or None between tokens."""
        i = self.token_index_at(offset)
        return None if i is None else self.tokens[i]

    def noun_phrase_at(self, offset: int) -> NounPhrase | None:
        """The noun phrase holding the token at character ``offset``, if any."""
        i = self.token_index_at(offset)
        if i is None:
            return None
        at = bisect.bisect_right(self.noun_phrases, i, key=lambda np: np.first) - 1
        found = self.noun_phrases[at] if at >= 0 else None
        return found if found is not None and i < found.end else None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly within characters ``start`` to ``end``, in order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [t for t in self.tokens[lo:hi] if t.end <= end]


def _quote_tag(folded: str, start: int, end: int) -> str:
    """Penn's tag for a double quote: `` when it opens (text follows it at once), else ''."""
    opens = end < len(folded) and not folded[end].isspace() and folded[end] not in ".,;:!?"
    return "``" if opens and (start == 0 or folded[start - 1].isspace()
                              or folded[start - 1] in "([-") else "''"


def build_layer(text: str, sentences: Sequence[tuple[int, int]]) -> TextLayer:
    """Tokenise, tag and chunk each sentence span of ``text`` (title and kept paragraphs)."""
    folded = fold(text)
    tokens: list[Token] = []
    ranges: list[tuple[int, int]] = []
    phrases: list[NounPhrase] = []
    for index, (start, end) in enumerate(sentences):
        spans = [m.span() for m in TOKEN.finditer(text, start, end)]
        words = [sys.intern(folded[a:b]) for a, b in spans]  # one string per distinct token
        tags = [_quote_tag(folded, a, b) if w == '"' else tag
                for (a, b), w, tag in zip(spans, words, tag_words(words), strict=True)]
        first = len(tokens)
        tokens.extend(Token(a, w, t, index) for (a, _), w, t in zip(spans, words, tags,
                                                                   strict=True))
        ranges.append((first, len(tokens)))
        phrases.extend(NounPhrase(first + lo, first + hi, index)
                       for lo, hi in noun_phrases(tags))
    return TextLayer(folded=folded, tokens=tuple(tokens), sentences=tuple(ranges),
                     noun_phrases=tuple(phrases))
