"""Casualties: wording that reports deaths or damage, and whether it names who caused them.

Deaths and damage reported with a passive or an intransitive ("were killed", "died", "lost
their lives", "100 fighters dead", "those killed") and no "by …" in the same clause are
agentless; "killed by X" and an active "X killed Y" name an agent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.model import Article
from framing.text.tokens import Tok, within
from framing.text.wordlists import VERBS, word_tuple
from framing.voices.quotes import Quote
from framing.voices.verbs import (
    ADVERBS,
    AUX,
    BE,
    BOUNDARIES,
    CASUALTY,
    DETERMINERS,
    GET,
    NUMBERS,
    PREPOSITIONS,
    RELATIVES,
)

# An active casualty verb: 'killed', 'shelling', 'destroys' (stems in verbs.toml).
_STEMS = word_tuple(VERBS, "casualty_stems")
ACTIVE_CASUALTY = re.compile(rf"(?:{'|'.join(map(re.escape, _STEMS))})\w*$")
# Deaths with no object to take an agent: 'died', 'lost their lives', '100 fighters dead'.
INTRANSITIVE = re.compile(
    r"\b(?:died|die|dies|dying|perished|perish|lost\s+(?:their|his|her|its)\s+lives?|"
    r"(?:were|was|are|is|been|left|lay|lie|found)\s+dead|(?:\d[\d,]*|dozens|scores|hundreds|"
    r"thousands)\s+(?:\w+\s+){0,3}dead)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class Casualty:
    """Wording that reports deaths or damage, and who the sentence says caused them."""

    article: str
    outlet: str
    sentence: int
    start: int  # the casualty wording ("were killed", "died", "lost their lives")
    end: int
    wording: str
    agent: str  # the "by …" phrase or the active subject; "" when no one is named
    quoted: bool  # inside a quotation or reported speech


@dataclass(frozen=True, kw_only=True)
class CasualtyCount:
    """Per article: sentences reporting casualties with no agent, and with one."""

    article: str
    outlet: str
    agentless: tuple[int, ...]  # sentence indexes
    with_agent: tuple[int, ...]


def find_casualties(article: Article, quotes: Sequence[Quote] = ()) -> tuple[Casualty, ...]:
    """Every report of deaths or damage in the title and kept sentences, with its agent."""
    text = article.layer.folded
    found: list[Casualty] = []
    quoted = within((q.start, q.end) for q in quotes if q.article == article.id)
    for index, sentence in enumerate(article.sentences):
        toks = list(article.layer.sentence_tokens(index))
        for start, end, agent in _casualties(text, toks, sentence.start, sentence.end):
            found.append(Casualty(
                article=article.id, outlet=article.outlet, sentence=index, start=start, end=end,
                wording=" ".join(article.text[start:end].split()), agent=agent,
                quoted=quoted(start),
            ))
    return tuple(found)


def count_casualties(article: Article, casualties: Sequence[Casualty]) -> CasualtyCount:
    """The article's sentences with agentless casualty wording, and those naming an agent."""
    own = [c for c in casualties if c.article == article.id]
    return CasualtyCount(
        article=article.id, outlet=article.outlet,
        agentless=tuple(sorted({c.sentence for c in own if not c.agent})),
        with_agent=tuple(sorted({c.sentence for c in own if c.agent})),
    )


def _casualties(text: str, toks: list[Tok], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Casualty wording in one sentence: (start, end, agent or "")."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for i, tok in enumerate(toks):
        word = tok.low
        if word in CASUALTY:
            prev = _previous_word(toks, i)
            if prev is not None and (toks[prev].low in BE or toks[prev].low in GET):
                start = toks[prev].start
                found.append((start, tok.end, _by_phrase(text, toks, i)))
                taken.add(i)
            elif prev is not None and _reduced(toks, prev, i):
                found.append((tok.start, tok.end, _by_phrase(text, toks, i)))
                taken.add(i)
        if i not in taken and ACTIVE_CASUALTY.search(word) and (
            word.endswith(("ed", "ing", "s")) or word in {"kill", "destroy"}
        ) and _has_object(toks, i):
            agent = _active_agent(text, toks, i)
            if agent:
                found.append((tok.start, tok.end, agent))
    for m in INTRANSITIVE.finditer(text, lo, hi):
        within = [t for t in toks if m.start() <= t.start < m.end()]
        k = toks.index(within[-1]) if within else None
        agent = _by_phrase(text, toks, k) if k is not None else ""
        words = m.group().split()
        start = m.start() if not words[0][0].isdigit() and words[0].lower() not in {
            "dozens", "scores", "hundreds", "thousands"} else m.end() - len(words[-1])
        found.append((start, m.end(), agent))
    return sorted(found)


def _previous_word(toks: Sequence[Tok], i: int) -> int | None:
    """The word before toks[i], past adverbs ('were also killed')."""
    j = i - 1
    while j >= 0 and (toks[j].low in ADVERBS or toks[j].low.endswith("ly")):
        j -= 1
    return j if j >= 0 else None


def _reduced(toks: Sequence[Tok], prev: int, i: int) -> bool:
    """'those killed', 'civilians killed in': a participle after a noun, with no object."""
    before = toks[prev]
    if not before.word or before.low in AUX or before.low in PREPOSITIONS or (
        before.low in BOUNDARIES
    ):
        return False
    if before.low in {"those", "people", "civilians", "fighters", "soldiers"} or (
        before.low.endswith("s") and before.low not in BE
    ):
        return not _has_object(toks, i)
    return False


def _has_object(toks: Sequence[Tok], i: int) -> bool:
    """A noun phrase follows: 'killed more than 40 people', 'killing 20', 'destroyed the town'."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or not nxt.word:
        return False
    return nxt.low in DETERMINERS | NUMBERS | {"more", "at", "nearly", "about", "around",
                                               "over", "some", "up"} or (
        nxt.text.replace(",", "").isdigit()
    ) or (nxt.cap and nxt.low not in {"on", "in"})


def _by_phrase(text: str, toks: Sequence[Tok], i: int) -> str:
    """The 'by …' agent after toks[i] in the same clause, up to the next comma or boundary."""
    for j in range(i + 1, min(len(toks), i + 12)):
        low = toks[j].low
        if low in BOUNDARIES or toks[j].text in ",;:.!?\"":
            return ""
        if low == "by":
            end = j + 1
            while end < len(toks) and toks[end].word and toks[end].low not in BOUNDARIES and (
                toks[end].low not in {"in", "on", "at", "during", "after", "near"}
            ):
                end += 1
            return text[toks[j + 1].start:toks[end - 1].end] if end > j + 1 else ""
    return ""


def _active_agent(text: str, toks: Sequence[Tok], i: int) -> str:
    """The subject of an active casualty verb: the noun phrase before it, or before 'that'/
    'which' ('bombings that killed'), or the clause before a ', killing' participle."""
    j = i - 1
    while j >= 0 and (toks[j].low in ADVERBS or toks[j].low in AUX):
        j -= 1
    if j >= 0 and toks[j].low in RELATIVES:
        j -= 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    end = j
    while j >= 0 and toks[j].word and toks[j].low not in PREPOSITIONS - {"of", "by"} and (
        toks[j].low not in BOUNDARIES and toks[j].low not in BE and end - j < 6
    ):
        j -= 1
    if end < 0 or j + 1 > end:
        return ""
    phrase = toks[j + 1:end + 1]
    while phrase and phrase[0].low in DETERMINERS:
        phrase = phrase[1:]
    return text[phrase[0].start:phrase[-1].end] if phrase else ""
