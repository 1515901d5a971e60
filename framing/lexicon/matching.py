"""Find lexicon terms in articles: whole words, inflections, context rules, longest match wins.

Matching runs on the text layer's *folded* copy of the text, in which curly quotes, dashes and
unusual spaces are replaced one character for one character, so every offset found is an offset
into the original; a term may start at each word token of the layer (and at each part of a
hyphenated one).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from framing.model import Article, Group, Match, Sentence, Term
from framing.text.folding import (
    fold as fold,  # the one fold (framing/text); stages import it here too
)
from framing.text.layer import TextLayer, Token
from framing.text.tokens import tokens

POSSESSIVE = r"(?:'s|')?"
SEPARATOR = r"(?:\s*-\s*|\s+)"
WORD_START = re.compile(r"\w+")
INFLECTION = 3  # letters an inflection adds to a one-word term ("ies", "es", "s")


def _plural(word: str) -> str:
    """A regex for the word and its regular English plural."""
    if re.search(r"[^aeiou]y$", word, re.IGNORECASE):
        return re.escape(word[:-1]) + "(?:y|ies)"
    if re.search(r"(?:s|x|z|ch|sh)$", word, re.IGNORECASE):
        return re.escape(word) + "(?:es)?"
    return re.escape(word) + "s?"


def _word_pattern(word: str, last: bool, inflect: bool) -> str:
    parts = [p for p in fold(word).split("-") if p]
    stems = [re.escape(p) for p in parts]
    if inflect and last:
        stems[-1] = _plural(parts[-1])
    return SEPARATOR.join(stems) + (POSSESSIVE if inflect else "")


def phrase_pattern(phrase: str, inflect: bool) -> str:
    """The regex for one spelling: words joined by flexible spaces or hyphens."""
    words = fold(phrase).split()
    body = SEPARATOR.join(
        _word_pattern(w, i == len(words) - 1, inflect) for i, w in enumerate(words)
    )
    return rf"(?<!\w){body}(?!\w)"


def _list_pattern(phrases: Sequence[str]) -> str:
    return "|".join(phrase_pattern(p, inflect=True) for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def _regex(source: str, flags: int) -> re.Pattern[str]:
    """Compile once per process: a corpus meets few of a large lexicon's terms, and compiling
    all of them up front cost seconds."""
    return re.compile(source, flags)


@dataclass(frozen=True)
class CompiledTerm:
    """A term ready to search. Its anchors and gates are cheap and made at once; its regexes
    are built and compiled when a text first offers a candidate position (a corpus meets few
    of a large lexicon's terms)."""

    group: Group
    term: Term
    order: int  # position in the loaded lexicons: earlier wins ties
    anchors: tuple[str, ...]
    gates: tuple[tuple[str, ...], ...]  # per spelling: word stems that must all be in the sentence

    @property
    def pattern(self) -> re.Pattern[str]:
        return _term_regex(self.term)

    @property
    def reject_before(self) -> re.Pattern[str] | None:
        ctx = self.term.context
        return _reject_before(ctx.reject_before) if ctx and ctx.reject_before else None

    @property
    def reject_after(self) -> re.Pattern[str] | None:
        ctx = self.term.context
        return _reject_after(ctx.reject_after) if ctx and ctx.reject_after else None

    @property
    def near(self) -> frozenset[str]:
        ctx = self.term.context
        return _near(ctx.require_near) if ctx else frozenset()


@functools.cache
def _reject_before(words: tuple[str, ...]) -> re.Pattern[str]:
    return _regex(rf"(?:{_list_pattern(words)})\s*$", re.IGNORECASE)


@functools.cache
def _reject_after(words: tuple[str, ...]) -> re.Pattern[str]:
    return _regex(rf"^\s*(?:{_list_pattern(words)})", re.IGNORECASE)


@functools.cache
def _near(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(" ".join(_tokens(p)) for p in words)


def _spellings(term: Term) -> list[str]:
    """Longest first, so the alternation prefers "Hezbollah fighters" to "Hezbollah"."""
    return sorted((term.phrase, *term.variants), key=len, reverse=True)


@functools.cache
def _term_regex(term: Term) -> re.Pattern[str]:
    source = "|".join(phrase_pattern(s, term.inflect) for s in _spellings(term))
    return _regex(source, 0 if term.case_sensitive else re.IGNORECASE)


def compile_terms(groups: Sequence[Group], first_order: int = 0) -> list[CompiledTerm]:
    """Prepare every term of every group, numbered from ``first_order`` (so that terms
    compiled later can follow, and lose ties to, those compiled before); regexes compile when
    first tried."""
    compiled: list[CompiledTerm] = []
    for group in groups:
        for term in group.terms:
            anchors, gates = _filing(term)
            compiled.append(CompiledTerm(
                group=group, term=term, order=first_order + len(compiled), anchors=anchors,
                gates=gates,
            ))
    return compiled


@functools.cache
def _filing(term: Term) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Where a term is filed (its anchors) and what a sentence must hold for it (gates)."""
    spellings = _spellings(term)
    return (
        tuple(sorted({_anchor(s, term.case_sensitive) for s in spellings})),
        tuple(_gate(s, term.case_sensitive) for s in spellings),
    )


def _anchor(spelling: str, case_sensitive: bool) -> str:
    """The first word of a spelling as a text's word tokens show it (letters up to a hyphen,
    dot or apostrophe). Only a one-word phrase is inflected on it: its anchor drops a final
    consonant + "y" to "prox" so that "proxies" finds it; a longer phrase's first word is
    matched whole."""
    words = fold(spelling).split()
    first = re.match(r"\w+", words[0]) if words else None
    anchor = first.group() if first else ""
    if len(words) == 1 and re.search(r"[^aeiouAEIOU][yY]$", anchor):
        anchor = anchor[:-1]
    return anchor if case_sensitive else anchor.lower()


def _gate(spelling: str, case_sensitive: bool) -> tuple[str, ...]:
    """Stems of a spelling's words (inflection endings cut): a sentence lacking one of them
    cannot hold the spelling, which spares compiling and running its regex."""
    words = re.findall(r"\w+", fold(spelling))
    stems = tuple(w[: max(3, len(w) - INFLECTION)] for w in words)
    return stems if case_sensitive else tuple(w.lower() for w in stems)


@dataclass(frozen=True)
class TermIndex:
    """Terms filed under their first word, so each word of a text is tried only against the
    few terms that can start there (one regex per term over the whole text is far slower, and
    compiling every term of thirteen lexicons took longer than matching)."""

    terms: tuple[CompiledTerm, ...]
    by_anchor: dict[str, tuple[CompiledTerm, ...]]
    by_order: dict[int, CompiledTerm]  # the terms by their order, which candidates carry


def index_terms(terms: Sequence[CompiledTerm]) -> TermIndex:
    """File every term under the anchor of each of its spellings."""
    filed: dict[str, list[CompiledTerm]] = {}
    for c in terms:
        for anchor in c.anchors:
            key = anchor if c.term.case_sensitive else f"~{anchor}"
            filed.setdefault(key, []).append(c)
    return TermIndex(terms=tuple(terms), by_anchor={k: tuple(v) for k, v in filed.items()},
                     by_order={c.order: c for c in terms})


def _candidates_at(index: TermIndex, word: str) -> list[CompiledTerm]:
    """The terms that can start at this word: its anchor is the word, or the word less an
    inflection ending of up to three letters ("militias", "proxies", "churches")."""
    found: list[CompiledTerm] = []
    lowered = word.lower()
    for cut in range(min(INFLECTION, len(word) - 1) + 1):
        end = len(word) - cut
        found.extend(index.by_anchor.get(word[:end], ()))
        found.extend(index.by_anchor.get(f"~{lowered[:end]}", ()))
    return found


def _tokens(text: str) -> list[str]:
    """The words of a phrase as context comparison sees them (see ``_words``)."""
    return _words(tokens(fold(text), 0, len(text)))


def _words(toks: Sequence[Token]) -> list[str]:
    """Lowercased words for context comparison: clitics ('s, n't) left out and a hyphenated
    word taken as its parts, so that "Saudi" is near in "the Saudi-led coalition"."""
    return [part for t in toks if t.word for part in t.low.split("-") if part]


def _context_allows(c: CompiledTerm, layer: TextLayer, start: int, end: int, lo: int,
                    hi: int) -> bool:
    """Apply the term's context rules within the sentence [lo, hi)."""
    text = layer.folded
    if c.reject_before and c.reject_before.search(text, lo, start):
        return False
    if c.reject_after and c.reject_after.search(text[end:hi]):
        return False
    if c.near:
        window = c.term.context.window if c.term.context else 4
        before, after = _words(layer.tokens_in(lo, start)), _words(layer.tokens_in(end, hi))
        around = [*before[-window:], "|", *after[:window]]
        joined = f" {' '.join(around)} "
        return any(f" {phrase} " in joined for phrase in c.near)
    return True


# A place a term matched, before overlaps are resolved: start, end, rank (a referent 0 beats a
# cue 1), the term's order (its index in the compiled terms), the sentence.
Candidate = tuple[int, int, int, int, int]


def find_matches(article: Article, index: TermIndex) -> list[Match]:
    """Every term occurrence in the article's title and kept sentences, overlaps resolved."""
    return resolve(article, find_candidates(article, index), index.by_order)


def find_candidates(article: Article, index: TermIndex) -> list[Candidate]:
    """Every place a term of ``index`` matches, overlapping or not. Candidates of two indexes
    (the second compiled with ``first_order`` after the first's terms) resolve together as
    one index's would: each term is tried on its own."""
    layer = article.layer
    text = layer.folded
    candidates: list[Candidate] = []
    gated: dict[tuple[int, int], bool] = {}
    current, plain, lowered = -1, "", ""
    for at, sentence, position, word in _word_starts(article):
        found = _candidates_at(index, word)
        if not found:
            continue
        if at != current:  # the sentence, as written and in lower case, once per sentence
            current = at
            plain = text[sentence.start : sentence.end]
            lowered = plain.lower()
        for c in found:
            key = (at, c.order)
            if key not in gated:  # a term's gate is checked once per sentence
                within = plain if c.term.case_sensitive else lowered
                gated[key] = any(all(stem in within for stem in gate) for gate in c.gates)
            if not gated[key]:
                continue
            m = c.pattern.match(text, position, sentence.end)
            if m and _context_allows(c, layer, position, m.end(), sentence.start, sentence.end):
                rank = 0 if c.group.kind == "referent" else 1
                candidates.append((position, m.end(), rank, c.order, at))
    return candidates


def resolve(article: Article, candidates: Sequence[Candidate],
            terms: Mapping[int, CompiledTerm]) -> list[Match]:
    """The candidates that stand, in text order (``terms``: the compiled terms by order).

    Longest match wins; for equal spans a referent beats a cue and an earlier lexicon entry beats
    a later one. Matches in removed page chrome never count.
    """
    ordered = sorted(candidates, key=lambda x: (-(x[1] - x[0]), x[2], x[3], x[0]))
    taken = bytearray(len(article.layer.folded))
    chosen: list[Match] = []
    for start, end, _, order, at in ordered:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(_match(article, terms[order], start, end, at))
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen


def _word_starts(article: Article) -> Iterator[tuple[int, Sentence, int, str]]:
    """Where a term may start: each run of letters and digits in the layer's word tokens (the
    parts of 'al-Assad' too), with its sentence index and sentence."""
    layer = article.layer
    for at, sentence in enumerate(article.sentences):
        for token in layer.sentence_tokens(at):
            for word in WORD_START.finditer(layer.folded, token.start, token.end):
                yield at, sentence, word.start(), word.group()


def _match(article: Article, c: CompiledTerm, start: int, end: int, sentence: int) -> Match:
    return Match(
        article=article.id,
        outlet=article.outlet,
        start=start,
        end=end,
        text=article.text[start:end],
        group=c.group.id,
        kind=c.group.kind,
        term=c.term.phrase,
        connotation=c.term.connotation,
        sentence=sentence,
        source=c.term.origin,
    )
