"""Penn Treebank part-of-speech tags: TextBlob's PatternTagger, read from its shipped lexicon.

TextBlob (MIT) ships Pattern's English lexicon: about 94,000 words with their most frequent
Penn tag (from Brill's tagger, trained on the Brown corpus and the Penn Treebank). Its
``PatternTagger`` gives a known word its lexicon tag, a capitalised unknown word NNP, a number
CD and other unknown words a tag from their suffix. This module applies exactly those rules
(benchmarks/text_layer.py checks that every tag agrees) but reads the lexicon file from the
installed package without importing textblob, whose import pulls in nltk and costs about half a
second on every run; the lexicon loads in about 0.1 s, once per process.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Sequence
from pathlib import Path

from framing.errors import InputError

_NUMBER = re.compile(r"^[0-9\-\,\.\:\/\%\$]+$")  # Pattern's CD rule
_BRACKETS = {"(": "-LRB-", ")": "-RRB-", "[": "-LRB-", "]": "-RRB-", "{": "-LRB-", "}": "-RRB-"}


def lexicon_path() -> Path:
    """Where the installed textblob package keeps its English tagger lexicon."""
    spec = importlib.util.find_spec("textblob")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise InputError("the textblob package is missing; reinstall framing")
    return Path(spec.origin).parent / "en" / "en-lexicon.txt"


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Word -> its most frequent tag; a later line wins, as in Pattern's own loader."""
    entries: dict[str, str] = {}
    for line in lexicon_path().read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and not line.startswith(";;;"):
            entries[parts[0]] = parts[1]
    return entries


def tag_words(words: Sequence[str]) -> tuple[str, ...]:
    """One Penn Treebank tag per token of one sentence, in order."""
    known = lexicon()
    tags = []
    for index, word in enumerate(words):
        plain = _plain(word)
        tag = known.get(plain) or (known.get(plain.lower()) if index == 0 else None)
        tags.append(tag or _unknown(plain))
    return tuple(_BRACKETS.get(tag, tag) for tag in tags)


def _unknown(word: str) -> str:
    """Pattern's tag for a word not in the lexicon: NNP, CD, else by its suffix."""
    if word.istitle():
        return "NNP"
    if _NUMBER.match(word):
        return "CD"
    return _suffix_tag(word)


def _suffix_tag(word: str) -> str:
    """Pattern's English suffix rules (textblob._text._suffix_rules); later rules win."""
    tag = "NN"
    if word.endswith("ing"):
        tag = "VBG"
    if word.endswith("ly"):
        tag = "RB"
    if word.endswith("s") and not word.endswith(("is", "ous", "ss")):
        tag = "NNS"
    if word.endswith(("able", "al", "ful", "ible", "ient", "ish", "ive", "less", "tic", "ous")) \
            or "-" in word:
        tag = "JJ"
    if word.endswith("ed"):
        tag = "VBN"
    if word.endswith(("ate", "ify", "ise", "ize")):
        tag = "VBP"
    return tag


def _plain(word: str) -> str:
    """The spelling the lexicon knows: curly apostrophes and quotes made straight."""
    return word.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
