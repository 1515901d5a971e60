"""Quotations: the text between quote marks, the speaker a direct quote is attributed to, and
the unattributed quotes that continue an attributed one.

- **Quote marks**: a direct quote is the text between double quote marks, curly or straight. A
  paragraph that opens a quote without closing it continues into the next paragraph when that
  one opens with a quote mark (the newspaper convention); otherwise the quote ends with its
  paragraph.
- **Attribution**: from the words after the quote (``"…," Abdel Rahman said``), else those
  before it (``Added Gibbs: "…"``, a paragraph ending ``she wrote:``), else a speech or naming
  verb earlier in its sentence (``called the deal "fiscally irresponsible"``).
- **Continuations**: an unattributed quote after an attributed one in its paragraph, or opening
  the paragraph after a quote, has the same speaker and no verb of its own.

``Quote`` is the finished result (speaker resolved, see :mod:`framing.voices.speakers`);
``RawQuote`` what the rules find before that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from framing.model import Article, Connotation
from framing.text.layer import TextLayer
from framing.text.tokens import (
    Span,
    Tok,
    ends_sentence,
    kept_spans,
    paragraph_at,
    previous_paragraph,
    sentence_at,
)
from framing.voices.phrases import (
    Found,
    apposition,
    np_after,
    np_before,
    proper_name,
    subject_before,
    verb_subject,
)
from framing.voices.speech_words import DIRECT_ONLY, SPEECH_FORMS, speech_at

SpeakerKind = Literal[
    "official", "military", "opposition", "monitor", "expert", "witness", "agency", "media",
    "other", "unknown",
]


@dataclass(frozen=True, kw_only=True)
class Quote:
    """Words an article attributes to someone, quoted or reported, and who that is.

    ``start``/``end`` span the quoted or reported words (without the quote marks);
    ``speaker`` is the speaker as written ("he", "a military source"), ``name`` whom it stands
    for after resolution ("Rami Abdel Rahman"; the phrase itself for an anonymous source; ""
    when a pronoun finds no antecedent); ``role`` the title or apposition describing the
    speaker. ``verb`` is "" (and ``verb_start`` -1) for a quote continuing the previous one.
    """

    article: str
    outlet: str
    start: int
    end: int
    sentence: int  # index of the sentence where the quoted words start
    speaker: str
    speaker_start: int
    speaker_end: int
    name: str
    role: str
    named: bool
    kind: SpeakerKind
    verb: str
    verb_lemma: str
    verb_start: int
    verb_end: int
    connotation: Connotation
    direct: bool


@dataclass(frozen=True)
class RawQuote:
    """A quote before its speaker is resolved."""

    start: int
    end: int
    sentence: int
    speaker_start: int
    speaker_end: int
    role: str
    verb_start: int
    verb_end: int
    direct: bool
    shared: bool = False  # the verb also reports the sentence: 'told AFP that … in "full control"'


# --------------------------------------------------------------------------- quote marks

_OPEN, _CLOSE, _EITHER = "\u201c\u00ab\u201e", "\u201d\u00bb", '"'


@dataclass(frozen=True)
class Segment:
    """Text between quote marks: the words, and where the marks are (``close`` is -1 when the
    quote runs unclosed to the end of its paragraph)."""

    open: int
    start: int
    end: int
    close: int
    paragraph: Span  # the paragraph where the quote opens


def _mark_role(text: str, pos: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the quote mark at ``pos`` within the paragraph."""
    char = text[pos]
    if char in _OPEN:
        return "open"
    if char in _CLOSE:
        return "close"
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    if (before.isspace() or before in "([{-/\u2014\u2013:") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]-\u2014\u2013"):
        return "close"
    return "either"


def quote_segments(article: Article) -> list[Segment]:
    """The double-quoted stretches of the title and kept paragraphs, in text order."""
    text = article.text
    spans = kept_spans(article)
    found: list[Segment] = []
    opened: tuple[int, Span] | None = None
    skip = -1  # the opening mark of a paragraph that continues a quote
    for index, (lo, hi) in enumerate(spans):
        for m in re.finditer(r"[\"\u201c\u201d\u00ab\u00bb\u201e]", text[lo:hi]):
            pos = lo + m.start()
            if pos == skip:
                continue
            role = _mark_role(text, pos, lo, hi)
            if opened is None:
                if role != "close":
                    opened = (pos, (lo, hi))
            elif role == "open" and opened[1] == (lo, hi) and text[pos] in _OPEN:
                found.append(_segment(text, opened, pos, -1))  # the last one never closed
                opened = (pos, (lo, hi))
            else:
                found.append(_segment(text, opened, pos, pos))
                opened = None
        if opened is not None:
            nxt = spans[index + 1] if index + 1 < len(spans) else None
            if nxt and _mark_role(text, nxt[0], nxt[0], nxt[1]) == "open" and (
                text[nxt[0]] in _OPEN + _EITHER
            ):
                skip = nxt[0]
                continue
            found.append(_segment(text, opened, hi, -1))
            opened = None
    return [s for s in found if s.end > s.start]


def _segment(text: str, opened: tuple[int, Span], end: int, close: int) -> Segment:
    """A segment from its opening mark to ``end``, trailing spaces off."""
    start = opened[0] + 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(open=opened[0], start=start, end=end, close=close, paragraph=opened[1])


# --------------------------------------------------------------------------- direct quotes


def attribute_direct(article: Article, text: str, seg: Segment) -> RawQuote | None:
    """The speaker of a direct quote: from the words after it, else those before it."""
    found: Found | None = None
    shared = False
    if seg.close >= 0:
        hi = paragraph_at(article, seg.close)[1]
        nxt = text.find('"', seg.close + 1, hi)
        found = _after_quote(article.layer, text, seg.close + 1, hi if nxt < 0 else nxt)
    if found is None:
        lo = max(article.sentences[sentence_at(article, seg.open)].start, seg.paragraph[0])
        earlier = text.rfind('"', lo, seg.open)
        found = _before_quote(article.layer, text, lo if earlier < 0 else earlier + 1, seg.open)
        shared = found is not None and bool(
            re.search(r"\w", re.sub(r"\bthat\b", "", text[found[2][1]:seg.open]))
        )
    if found is None and seg.open == seg.paragraph[0]:
        found = _colon_before(article, text, seg)
    if found is None:
        return None
    speaker, role, verb = found
    return RawQuote(seg.start, seg.end, sentence_at(article, seg.start), *speaker, role, *verb,
                    direct=True, shared=shared)


def _after_quote(layer: TextLayer, text: str, lo: int, hi: int) -> Found | None:
    """'," Abdel Rahman said', '," said Yousef al-Issa, a commander…', '" a source told X'."""
    toks = layer.tokens_in(lo, hi)
    while toks and toks[0].text in ",;:-\u2014":
        toks = toks[1:]
    if not toks or toks[0].text in ".!?":
        return None
    verb = speech_at(text, toks[0].start, hi)
    if verb:  # inverted: said Yousef al-Issa, a field commander...
        after = [t for t in toks if t.start >= verb[1]]
        speaker = np_after(after)
        if speaker is None:
            return None
        return speaker, apposition(text, speaker[1], after), verb
    for i in range(1, min(len(toks), 40)):
        if ends_sentence(toks, i):
            return None
        verb = speech_at(text, toks[i].start, hi)
        if verb and not toks[i].cap:
            found = subject_before(text, toks[:i], verb[0], from_start=True)
            if found and found[0][0] == toks[0].start:
                return found[0], found[1], verb
            # else a verb inside an apposition ('the commander, who asked not to be named,')
    return None


def _before_quote(layer: TextLayer, text: str, lo: int, hi: int) -> Found | None:
    """'X said: "…"', 'Added Gibbs: "…"', 'Halabi said, pointing out "…"', and a speech or
    naming verb earlier in the sentence: 'called the deal "fiscally irresponsible"'."""
    toks = layer.tokens_in(lo, hi)
    introduced = bool(toks) and toks[-1].text in ",:"
    while toks and (toks[-1].text in ",:-\u2014" or toks[-1].low == "that"):
        toks = toks[:-1]
    if not toks:
        return None
    inverted = _inverted_before(text, toks) if introduced else None
    if inverted:
        return inverted
    for i in range(len(toks) - 1, -1, -1):
        if ends_sentence(toks, i):
            return None
        verb = speech_at(text, toks[i].start, toks[-1].end)
        if verb is None or toks[i].cap:
            continue
        found = verb_subject(text, toks, i, verb)
        if found:
            return found
    return None


def _inverted_before(text: str, toks: list[Tok]) -> Found | None:
    """'Added Gibbs: "…"', '… said Mr. Smith: "…"': a speech verb, then its speaker."""
    speaker = np_before(toks)
    if speaker is None:
        return None
    k = next(i for i, t in enumerate(toks) if t.start == speaker[0])
    if k < len(toks) - 1 and speech_at(text, toks[k].start, toks[k].end):
        verb, speaker = (toks[k].start, toks[k].end), (toks[k + 1].start, speaker[1])
    elif k > 0 and speech_at(text, toks[k - 1].start, toks[k - 1].end):
        verb = (toks[k - 1].start, toks[k - 1].end)
    else:
        return None
    lemma = SPEECH_FORMS.get(text[verb[0]:verb[1]].lower(), "")
    if lemma == "tell" or lemma in DIRECT_ONLY - {"continue", "ask", "reply", "respond"} or (
        text[verb[0]:verb[1]].lower().endswith("ing")
        or not proper_name(text[speaker[0]:speaker[1]])
    ):
        return None
    return speaker, "", verb


def _colon_before(article: Article, text: str, seg: Segment) -> Found | None:
    """A paragraph-long quote after a paragraph that ends 'she wrote:'."""
    earlier = [p for p in kept_spans(article) if p[1] <= seg.open]
    if not earlier or not text[earlier[-1][0]:earlier[-1][1]].rstrip().endswith(":"):
        return None
    lo, hi = earlier[-1]
    start = article.sentences[sentence_at(article, hi - 1)].start
    return _before_quote(article.layer, text, max(lo, start), hi)


def continuations(
    article: Article, segments: Sequence[Segment], direct: dict[int, RawQuote],
    reported: list[RawQuote],
) -> list[RawQuote]:
    """Unattributed quotes that continue the attributed one before them: '"…," she said. "…'
    in one paragraph, or a paragraph opening with a quote after a paragraph of quotes."""
    out = [*direct.values(), *reported]
    last_par: tuple[Span, RawQuote] | None = None  # the paragraph of the last quote, its quote
    for seg in segments:
        here = seg.paragraph
        known = direct.get(seg.start)
        if known is None:
            same = [r for r in out if here[0] <= r.start < seg.open and r.verb_start < seg.open]
            if same and _long_enough(article, seg):
                last = max(same, key=lambda r: r.start)
                known = _continued(article, seg, last)
            elif last_par and seg.open == here[0] and _long_enough(article, seg) and (
                previous_paragraph(article, here) == last_par[0] and last_par[1].direct
            ):
                known = _continued(article, seg, last_par[1])
            if known:
                out.append(known)
        if known:
            last_par = (here, known)
    return out


def _continued(article: Article, seg: Segment, last: RawQuote) -> RawQuote:
    """The segment as a continuation of ``last``: same speaker, no verb."""
    return RawQuote(seg.start, seg.end, sentence_at(article, seg.start), last.speaker_start,
                    last.speaker_end, last.role, -1, -1, direct=True)


def _long_enough(article: Article, seg: Segment) -> bool:
    """More than a fragment: four words, or a whole sentence."""
    words = article.text[seg.start:seg.end].split()
    return len(words) >= 4 or article.text[seg.start:seg.end].rstrip().endswith((".", "?", "!"))

