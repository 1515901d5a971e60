"""Noun phrases from part-of-speech tags, with a grammar in nltk ``RegexpParser`` notation.

A chunk rule such as ``<DT>?<JJ.*>*<NN.*>+`` is turned into a regular expression over the
sentence's tags written as ``<DT><JJ><NN>``, as ``nltk.RegexpParser`` does; tests check that the
noun phrases found are the ones ``nltk.RegexpParser`` finds with the same grammar. nltk itself
is not imported at run time: importing it costs about half a second on every run
(benchmarks/text_layer.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

# A noun phrase: an optional determiner or possessive, then adjectives, numbers, participles and
# nouns (a possessive "'s" may join two: "Assad's forces"), ending in a noun.
NP_RULE = r"<DT|PDT|PRP\$|WP\$>?<CD|JJ.*|VBN|VBG|NN.*|POS>*<NN.*>"
NP_GRAMMAR = f"NP: {{{NP_RULE}}}"  # the same rule as an nltk RegexpParser grammar


@functools.cache
def _compile(rule: str) -> re.Pattern[str]:
    """A RegexpParser tag pattern as a regex over '<TAG>' strings ('.' stays within a tag)."""
    def piece(match: re.Match[str]) -> str:
        inner = match.group(1).replace(".", r"[^<>]")
        return f"(?:<(?:{inner})>)"
    return re.compile(re.sub(r"<([^<>]+)>", piece, rule))


def noun_phrases(tags: Sequence[str], rule: str = NP_RULE) -> list[tuple[int, int]]:
    """The (first, end) token index ranges of the noun phrases, leftmost longest, in order."""
    starts: list[int] = []
    pieces: list[str] = []
    offset = 0
    for tag in tags:
        starts.append(offset)
        pieces.append(f"<{tag}>")
        offset += len(tag) + 2
    index_of = {start: i for i, start in enumerate(starts)}
    index_of[offset] = len(tags)
    found = []
    for match in _compile(rule).finditer("".join(pieces)):
        if match.end() > match.start():
            found.append((index_of[match.start()], index_of[match.end()]))
    return found
