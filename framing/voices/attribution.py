"""Reported speech: a speech verb with its subject (``the Observatory said regime forces
had…``, ``X told AFP that…``, ``…, a diplomatic source said.``, ``…, said Yousef al-Issa``) and
``according to X``, with the words each reports.

A partial quote inside reported speech is a quote of its own with the same speaker and verb
(see :mod:`framing.voices.quotes`); the words inside quote marks are never reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from framing.text.layer import TextLayer
from framing.text.tokenizer import TOKEN
from framing.text.tokens import Span, Tok, ends_sentence, skip_space, trim_end
from framing.voices.phrases import apposition, np_after, subject_before, verb_subject
from framing.voices.quotes import RawQuote
from framing.voices.speech_words import (
    ADJUNCTS,
    DETERMINERS,
    DIRECT_ONLY,
    NOUN_LIKE,
    SPEECH_FORMS,
    SPEECH_VERB,
    TIME_WORDS,
)

_DATELINE = re.compile(r"[A-Z][A-Z .,'/]+\s*[-:]\s+")  # "ALEPPO - " before the story


def reported_speech(
    layer: TextLayer, lo: int, hi: int, sentence: int, quoted: Callable[[int], bool],
    used: set[int],
) -> Iterator[RawQuote]:
    """Indirect speech in one sentence: 'X said (that) …', '…, X said.', 'according to X';
    a verb inside a quotation (``quoted``, see tokens.within) or already used is left out."""
    text = layer.folded
    toks = layer.tokens_in(lo, hi)
    found: list[tuple[RawQuote, int]] = []  # with the start of the reporting clause
    for m in SPEECH_VERB.finditer(text, lo, hi):
        vs, ve = m.start(), m.end()
        if vs in used or quoted(vs):
            continue
        if m.group().lower().startswith("according"):
            report = _according_to(text, toks, lo, hi, (vs, ve), sentence)
        elif not m.group()[0].isupper():
            report = _speech_verb(text, toks, lo, hi, (vs, ve), sentence)
        else:
            report = None
        if report:
            found.append(report)
    for i, (raw, _) in enumerate(found):
        later = [c for r, c in found[i + 1:] if c > raw.start and r.start > raw.start]
        yield replace(raw, end=trim_end(text, raw.start, min([raw.end, *later])))


def _speech_verb(
    text: str, toks: list[Tok], lo: int, hi: int, verb: Span, sentence: int
) -> tuple[RawQuote, int] | None:
    """'X said (that) …' with content after, '…, X said.' or '…, said X.' with content before."""
    index = next(i for i, t in enumerate(toks) if t.start >= verb[0])
    after = [t for t in toks if t.start >= verb[1]]
    written = " ".join(text[verb[0]:verb[1]].lower().split())
    lemma = SPEECH_FORMS.get(written, "")
    if lemma in DIRECT_ONLY or (after and after[0].low in {"to", "responsibility", "credit"}):
        return None
    if written in NOUN_LIKE and not (after and (after[0].low == "that" or (
        after[0].low in DETERMINERS - {"that", "this", "one", "two", "three", "four"}
        and index > 0 and toks[index - 1].cap
    ))):
        return None  # 'the state', 'a report': nouns, unless 'The UN estimates the toll'

    if written.endswith("ing") and index and toks[index - 1].text != ",":
        return None
    found = verb_subject(text, toks[:index + 1], index, verb) if written.endswith("ing") else (
        None
    )
    subject = (found[0], found[1]) if found else subject_before(text, toks[:index], verb[0])
    if subject is None:
        if index > 0 and toks[index - 1].text == "," and lemma != "tell":
            return _inverted(text, toks, lo, index, verb, sentence)
        return None
    (ss, se), role = subject
    content = _content_after(text, after, lemma, hi)
    clause = _clause_start(toks, ss)
    if clause > lo and text[clause] == "," and _parenthetical(after):
        whole = _clause_before(text, lo, hi)  # 'The army, the Observatory said, took the town.'
        if whole:
            return RawQuote(whole[0], whole[1], sentence, ss, se, role, *verb, False), clause
    if written.endswith("ing"):
        clause = toks[index - 1].start
    if content:
        return RawQuote(content[0], content[1], sentence, ss, se, role, *verb, False), clause
    if clause > lo and text[clause] == "," and _only_adjuncts(after):
        before = _clause_before(text, lo, clause)
        if before:
            return RawQuote(before[0], before[1], sentence, ss, se, role, *verb, False), clause
    return None


def _inverted(
    text: str, toks: list[Tok], lo: int, index: int, verb: Span, sentence: int
) -> tuple[RawQuote, int] | None:
    """'…, said Yousef al Issa, a field commander…': the speaker after the verb, then the end
    of the sentence or an apposition."""
    after = [t for t in toks if t.start >= verb[1]]
    speaker = np_after(after)
    if speaker is None:
        return None
    rest = [t for t in after if t.start >= speaker[1]]
    if rest and rest[0].text not in ",.;!?":
        return None
    before = _clause_before(text, lo, toks[index - 1].start)
    if before is None:
        return None
    role = apposition(text, speaker[1], after)
    return RawQuote(before[0], before[1], sentence, *speaker, role, *verb, False), verb[0]


def _according_to(
    text: str, toks: list[Tok], lo: int, hi: int, verb: Span, sentence: int
) -> tuple[RawQuote, int] | None:
    """'…, according to observers.' or 'According to X, …'."""
    after = [t for t in toks if t.start >= verb[1]]
    speaker = np_after(after, relative_ends=True)
    if speaker is None:
        return None
    rest = [t for t in after if t.start >= speaker[1]]
    if text[lo:verb[0]].strip() == "" and rest and rest[0].text == ",":
        start = skip_space(text, rest[0].end)
        return RawQuote(start, trim_end(text, start, hi), sentence, *speaker, "", *verb, False), (
            verb[0]
        )
    before = _clause_before(text, lo, verb[0])
    if before is None:
        return None
    return RawQuote(before[0], before[1], sentence, *speaker, "", *verb, False), verb[0]


def _clause_before(text: str, lo: int, end: int) -> Span | None:
    """The sentence's words before a final reporting clause, if there are a few."""
    end = trim_end(text, lo, end)
    start = skip_space(text, lo)
    dateline = _DATELINE.match(text, start, end)
    start = dateline.end() if dateline else start
    while start < end and text[start] in "\"'-":
        start += 1
    return (start, end) if sum(1 for _ in TOKEN.finditer(text, start, end)) >= 3 else None


def _parenthetical(after: list[Tok]) -> bool:
    """', the Observatory said, took the town': a comma right after the verb (and any time
    words), with more of the sentence after it."""
    i = 0
    while i < len(after) and (after[i].key in TIME_WORDS or after[i].low == "on"):
        i += 1
    return i < len(after) - 2 and after[i].text == ","


def _only_adjuncts(after: list[Tok]) -> bool:
    """'on Thursday.', 'told Reuters.', 'in a statement.': nothing reported after the verb."""
    words = [t for t in after if t.word]
    if len(words) > 6:
        return False
    return all(
        t.key in TIME_WORDS or t.cap or t.low in DETERMINERS or t.low in ADJUNCTS for t in words
    )


def _content_after(text: str, after: list[Tok], lemma: str, hi: int) -> Span | None:
    """The reported words after a speech verb: after 'that' if it comes soon, else after the
    recipient of 'told' and any time or place adjuncts."""
    for i, tok in enumerate(after[:14]):
        if tok.low == "that":
            return _span_from(text, after[i + 1:], hi)
        if ends_sentence(after, i) or tok.text in ";:":
            break
    i = 0
    if lemma == "tell" and after:
        recipient = np_after(after)
        if recipient is None:
            return None
        i = next((k for k, t in enumerate(after) if t.start >= recipient[1]), len(after))
    while i < len(after) and (after[i].key in TIME_WORDS or (
        after[i].low == "on" and i + 1 < len(after) and after[i + 1].key in TIME_WORDS
    )):
        i += 1
    if i < len(after) and after[i].low in {"in", "at"} and i + 2 < len(after) and (
        after[i + 2].low in {"statement", "interview", "conference", "briefing"}
    ):
        i += 3
    rest = after[i:]
    if not rest or not rest[0].word or rest[0].low in {"of", "for", "to", "with", "about", "on"}:
        return None
    return _span_from(text, rest, hi)


def _span_from(text: str, rest: list[Tok], hi: int) -> Span | None:
    """From the first token to the end of the sentence, if two words or more."""
    if len([t for t in rest if t.word]) < 2:
        return None
    return rest[0].start, trim_end(text, rest[0].start, hi)


def _clause_start(toks: list[Tok], speaker_start: int) -> int:
    """Where the reporting clause begins: the comma or conjunction before its subject."""
    before = [t for t in toks if t.end <= speaker_start]
    if before and (before[-1].text in ",;:" or before[-1].low in {
        "though", "although", "while", "but", "and", "as", "whereas",
    }):
        k = len(before) - 1
        if before[k].text not in ",;:" and k > 0 and before[k - 1].text in ",;:":
            k -= 1
        return before[k].start
    return speaker_start

