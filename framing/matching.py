"""Find lexicon terms in articles: whole words, inflections, context rules, longest match wins.

Matching runs on a *folded* copy of the text in which curly quotes, dashes and unusual spaces are
replaced one character for one character, so every offset found is an offset into the original.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Article, Context, Group, Match, Term

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ",
    }
)
POSSESSIVE = r"(?:'s|')?"
SEPARATOR = r"(?:\s*-\s*|\s+)"
TOKEN = re.compile(r"\w+(?:'\w+)*")
WORD_START = re.compile(r"\w+")
ANCHOR = 4  # letters of a term's first word used to file it


def fold(text: str) -> str:
    """Same length as ``text``: quotes, dashes and spaces made plain for matching."""
    return text.translate(_FOLD)


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
    """A term ready to search: its regex (compiled on first use), anchors, context rules."""

    group: Group
    term: Term
    order: int  # position in the loaded lexicons: earlier wins ties
    source: str
    flags: int
    anchors: tuple[str, ...]
    reject_before_source: str | None
    reject_after_source: str | None
    near: frozenset[str]

    @property
    def pattern(self) -> re.Pattern[str]:
        return _regex(self.source, self.flags)

    @property
    def reject_before(self) -> re.Pattern[str] | None:
        src = self.reject_before_source
        return _regex(src, re.IGNORECASE) if src else None

    @property
    def reject_after(self) -> re.Pattern[str] | None:
        src = self.reject_after_source
        return _regex(src, re.IGNORECASE) if src else None


def compile_terms(groups: Sequence[Group]) -> list[CompiledTerm]:
    """Prepare every term of every group; regexes compile when first tried."""
    compiled: list[CompiledTerm] = []
    for group in groups:
        for term in group.terms:
            compiled.append(_compile(group, term, len(compiled)))
    return compiled


def _compile(group: Group, term: Term, order: int) -> CompiledTerm:
    spellings = sorted((term.phrase, *term.variants), key=len, reverse=True)
    ctx = term.context or Context()
    return CompiledTerm(
        group=group,
        term=term,
        order=order,
        source="|".join(phrase_pattern(s, term.inflect) for s in spellings),
        flags=0 if term.case_sensitive else re.IGNORECASE,
        anchors=tuple(sorted({_anchor(s, term.case_sensitive) for s in spellings})),
        reject_before_source=(
            rf"(?:{_list_pattern(ctx.reject_before)})\s*$" if ctx.reject_before else None
        ),
        reject_after_source=(
            rf"^\s*(?:{_list_pattern(ctx.reject_after)})" if ctx.reject_after else None
        ),
        near=frozenset(" ".join(_tokens(p)) for p in ctx.require_near),
    )


def _anchor(spelling: str, case_sensitive: bool) -> str:
    """The first letters of a spelling (at most ANCHOR), the same in all its inflections."""
    word = re.match(r"\w+", fold(spelling).strip())
    first = word.group()[:ANCHOR] if word else ""
    return first if case_sensitive else first.lower()


@dataclass(frozen=True)
class TermIndex:
    """Terms filed under their anchors, so each word of a text is tried only against the few
    terms that can start there (one regex per term over the whole text is far slower)."""

    terms: tuple[CompiledTerm, ...]
    by_anchor: dict[str, tuple[CompiledTerm, ...]]
    lengths: tuple[int, ...]


def index_terms(terms: Sequence[CompiledTerm]) -> TermIndex:
    """File every term under each anchor of its spellings."""
    filed: dict[str, list[CompiledTerm]] = {}
    for c in terms:
        for anchor in c.anchors:
            key = anchor if c.term.case_sensitive else f"~{anchor}"
            filed.setdefault(key, []).append(c)
    lengths = sorted({len(a) for c in terms for a in c.anchors})
    return TermIndex(
        terms=tuple(terms),
        by_anchor={k: tuple(v) for k, v in filed.items()},
        lengths=tuple(lengths),
    )


def _candidates_at(index: TermIndex, word: str) -> list[CompiledTerm]:
    """The terms whose anchor begins the word (case-sensitive anchors compared as written)."""
    found: list[CompiledTerm] = []
    lowered = word.lower()
    for n in index.lengths:
        if n > len(word):
            break
        found.extend(index.by_anchor.get(word[:n], ()))
        found.extend(index.by_anchor.get(f"~{lowered[:n]}", ()))
    return found


def _tokens(text: str) -> list[str]:
    """Lowercased word tokens with possessive 's removed, for context comparison."""
    return [re.sub(r"'s?$", "", t.lower()) for t in TOKEN.findall(fold(text))]


def _context_allows(c: CompiledTerm, text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Apply the term's context rules within the sentence [lo, hi)."""
    if c.reject_before and c.reject_before.search(text, lo, start):
        return False
    if c.reject_after and c.reject_after.search(text[end:hi]):
        return False
    if c.near:
        window = c.term.context.window if c.term.context else 4
        around = [*_tokens(text[lo:start])[-window:], "|", *_tokens(text[end:hi])[:window]]
        joined = f" {' '.join(around)} "
        return any(f" {phrase} " in joined for phrase in c.near)
    return True


def find_matches(article: Article, index: TermIndex) -> list[Match]:
    """Every term occurrence in the article's title and kept sentences, overlaps resolved.

    Longest match wins; for equal spans a referent beats a cue and an earlier lexicon entry beats
    a later one. Matches in removed page chrome never count.
    """
    text = fold(article.text)
    starts = [s.start for s in article.sentences]
    candidates: list[tuple[int, int, int, CompiledTerm, int]] = []
    for word in WORD_START.finditer(text):
        position = word.start()
        at = bisect.bisect_right(starts, position) - 1
        if at < 0 or position >= article.sentences[at].end:
            continue
        sentence = article.sentences[at]
        for c in _candidates_at(index, word.group()):
            m = c.pattern.match(text, position, sentence.end)
            if m and _context_allows(c, text, position, m.end(), sentence.start, sentence.end):
                rank = 0 if c.group.kind == "referent" else 1
                candidates.append((position, m.end(), rank, c, at))
    candidates.sort(key=lambda x: (-(x[1] - x[0]), x[2], x[3].order, x[0]))
    taken = bytearray(len(text))
    chosen: list[Match] = []
    for start, end, _, c, at in candidates:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(_match(article, c, start, end, at))
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen


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
