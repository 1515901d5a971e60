"""Split folded text into words and punctuation marks, with offsets, the Penn Treebank way.

Penn Treebank tokens are what a part-of-speech tagger expects: clitics are split off ("did"
"n't", "Assad" "'s"), numbers keep their separators ("1,000", "3.5"), initials and title
abbreviations keep their full stop ("U.S.", "Sen."), words keep inner hyphens, apostrophes and
dots ("al-Issa", "O'Brien", "Fox.com"); web and e-mail addresses and runs of one punctuation
mark ("...", "--", "!!!") are one token each. benchmarks/text_layer.py measures it against the
gold tokens of UD English-EWT and against nltk's span tokenisers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from framing.text.wordlists import SPEECH, word_tuple

_APOS = "['\u2019\u02bc]"  # read on the original text: plain and curly apostrophes
_HYPHEN = "[-\u2010\u2011]"  # hyphens join words; en and em dashes do not
_CLITIC_TAIL = r"(?i:s|re|ve|ll|d|m)\b"
_CLITIC = rf"{_APOS}{_CLITIC_TAIL}|(?i:n{_APOS}t)\b"
_ABBREVIATIONS = "|".join(map(re.escape, word_tuple(SPEECH, "abbreviations")))
TOKEN = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?')\]]"  # a web address, whole
    r"|[\w.+-]+@\w[\w-]*(?:\.[\w-]+)+"  # an e-mail address
    rf"|(?:{_ABBREVIATIONS})\.(?!\w)"  # a title abbreviation keeps its full stop: 'Sen.'
    r"|(?:[A-Za-z]\.){2,}(?!\w)"  # initials: 'U.S.'
    r"|[A-Z]\.(?=\s+[A-Z])"  # a single capital before a name: 'Paul D. Ryan'
    r"|\d+(?:[,.:/]\d+)+"  # numbers, times and dates: '1,000', '3.5', '10:30'
    rf"|\w+(?=(?i:n{_APOS}t)\b)|{_CLITIC}"  # 'did' + "n't"; "'s", "'re", ...
    rf"|\w+(?:(?:{_HYPHEN}|\.|{_APOS}(?!{_CLITIC_TAIL}))\w+)*"  # words: "al-Issa", "O.K", "O'Brien"
    r"|([^\w\s])\1+|[^\w\s]"  # a run of one mark ('...', '--', '!!!'), or one mark
)


def token_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The (start, end) of every token of ``text[start:end]``, in text order."""
    for match in TOKEN.finditer(text, start, len(text) if end is None else end):
        yield match.span()


_CLITIC_TOKEN = re.compile(_CLITIC)


def count_words(text: str) -> int:
    """How many words ``text`` holds, counted as the text layer counts them."""
    return sum(1 for m in TOKEN.finditer(text) if is_word(m.group()))


def is_word(token: str) -> bool:
    """A word: it holds a letter or digit and is not a clitic split off a word ("'s", "n't"),
    so "didn't" and "Syria's" count as one word each, as a reader counts them."""
    return any(char.isalnum() for char in token) and not _CLITIC_TOKEN.fullmatch(token)
