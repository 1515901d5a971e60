"""Separate an article's story from its page chrome, line by line, without changing the text.

Pasted and scraped news carries page furniture: date headers, "Leave a comment", captchas,
bylines, share links, a headline or paragraph printed twice. The cleaner tests each non-empty
line against the rules in ``RULES`` (first match wins) and records what it removed and why;
the text itself is never modified, so every span still points into the text as read.

A rule only ever fires on a whole line that is nothing but chrome: "A military source told
AFP that ..." stays, "AFP contributed to this report." goes (and credits AFP).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass

from framing.model import Article, Document, ReadingLimits, RemovedLine, Sentence
from framing.text.layer import build_layer
from framing.text.sentences import cut_long, split_sentences
from framing.text.tokenizer import count_words

logger = logging.getLogger(__name__)

_I = re.IGNORECASE


@dataclass(frozen=True, kw_only=True)
class Line:
    """A non-empty line: the span of its visible text, that text as read (``raw``) and with its
    whitespace collapsed (``text``, what the rules see)."""

    start: int
    end: int
    raw: str
    text: str


@dataclass(frozen=True, kw_only=True)
class LineContext:
    """What a rule may know besides the line itself."""

    outlet_names: frozenset[str]  # the outlet's names, compacted (letters and digits only)
    seen: Set[str]  # the text of the lines kept so far
    next_text: str  # the text of the next non-empty line, "" at the end


@dataclass(frozen=True, kw_only=True)
class Rule:
    """A cleaning rule: the reason recorded when ``test`` says a line is chrome."""

    reason: str
    test: Callable[[str, LineContext], bool]
    credits: bool = False  # agencies named on a matched line are credited


# --------------------------------------------------------------------------- patterns

_AGENCIES: tuple[tuple[str, str], ...] = (  # canonical name, regex (acronyms case-sensitive)
    ("AFP", r"(?-i:AFP)|Agence France[- ]Presse"),
    ("AP", r"(?-i:AP)|(?:the\s+)?Associated\s+Press"),
    ("Reuters", r"Reuters"),
    ("DPA", r"(?-i:DPA|dpa)|Deutsche\s+Presse-Agentur"),
    ("Anadolu", r"Anadolu(?:\s+Agency)?"),
    ("Xinhua", r"Xinhua"),
    ("UPI", r"(?-i:UPI)|United\s+Press\s+International"),
    ("Bloomberg", r"Bloomberg"),
    ("EFE", r"(?-i:EFE)"),
    ("ANSA", r"(?-i:ANSA)"),
    ("Kyodo", r"Kyodo"),
    ("TASS", r"(?-i:TASS)|Tass"),
    ("Interfax", r"Interfax"),
    ("PTI", r"(?-i:PTI)|Press\s+Trust\s+of\s+India"),
    ("IANS", r"(?-i:IANS)"),
    ("agencies", r"(?:news\s+|wire\s+)?agencies|wires"),
)
_AG = "(?:" + "|".join(pattern for _, pattern in _AGENCIES) + ")"
_AGENCY = re.compile(rf"\b{_AG}\b", _I)
_SEP = r"\s*(?:/|,|&|\+|\band\b|\bwith\b)\s*"
_AG_LIST = rf"(?:the\s+)?{_AG}(?:{_SEP}{_AG})*"

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DATE = (rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d"
         r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})")
_TIME = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?"
_STAMP = (rf"(?:{_DATE}(?:\s*(?:,|\||-|\u2013|at)?\s*(?:last\s+updated?\s*:?\s*)?{_TIME})?"
          rf"|(?:last\s+updated?\s*:?\s*)?{_TIME})")
_NUMBER = (r"(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
           r"|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)"
           r"ty(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)")
_SOCIAL = (r"(?:share|tweet|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit"
           r"|instagram|youtube|email|e-mail|print|copy\s+link)")

_DATE_HEADER = re.compile(rf"^{_STAMP}$", _I)
_PUBLISHED = re.compile(rf"^(?:first\s+)?(?:published|updated|last\s+updated|posted|modified)"
                        rf"(?:\s+on|\s+at)?\s*:?\s*{_STAMP}$", _I)
_METADATA = re.compile(r"^(?:location|dateline|filed\s+under|categor(?:y|ies)|tags?|topics?"
                       r"|section)\s*:\s*\S[^.]{0,80}$", _I)
_COMMENT = re.compile(r"^(?:(?:leave|post|add|write|submit)\s+a\s+(?:comment|reply|response)"
                      r"|\d*\s*comments?(?:\s*\(\d+\))?|(?:show|view|load|hide|read)\s+(?:all\s+)?"
                      r"(?:\d+\s+)?comments?|join\s+the\s+(?:discussion|conversation)"
                      r"|be\s+the\s+first\s+to\s+comment)\s*[.:!]?$", _I)
_CAPTCHA = re.compile(rf"^{_NUMBER}\s*(?:[-+\u00d7x*\u00f7/]|plus|minus|times)\s*{_NUMBER}"
                      r"\s*=\s*\??$", _I)
_PHOTO = re.compile(r"^\(?(?:file\s+)?(?:photo(?:graph)?|picture|image|pic)s?(?:\s+credit)?"
                    r"(?:\s*(?:by|courtesy(?:\s+of)?)\s*:?|\s*:)\s*\S[^.]{0,60}\)?$", _I)
_FOLLOW_US = re.compile(rf"\b(?:follow|like|join|find)\s+us\s+on\s+{_SOCIAL}\b", _I)
_SHARE_ROW = re.compile(rf"^{_SOCIAL}(?:\s+(?:this|on|via)(?:\s+\w+)?)?(?:[\s,|•·/]+{_SOCIAL})*"
                        r"\s*:?$", _I)
_SHORT_LINK = re.compile(r"^[•·*\-\u2013]?\s*short\s*(?:link|url)\s*:.{0,100}$", _I)
_BY = re.compile(r"^By\s+(?:[A-Z][\w.'\u2019-]*,?\s*(?:(?:and|&)\s+)?){1,6}$")
_CREDIT_BY = re.compile(r"^(?:additional\s+)?(?:reporting|writing|editing|written|edited"
                        r"|compiled)\s+by\s*:?\s*[^.]{1,100}$", _I)
_STAFF = re.compile(r"^(?:[A-Z][\w.'\u2019&-]*\s+){0,4}(?:Staff(?:\s+(?:Writer|Reporter))?"
                    r"|Correspondent|(?:News\s+|Web\s+)?Desk|Bureau)\s*[,.]?$")
_AGENCY_CREDITS = (
    re.compile(rf"^[-\u2013\u2014(]?\s*(?:with\s+)?{_AG_LIST}\s*\)?\.?$", _I),  # "REUTERS/AFP"
    re.compile(r"^(?:[A-Z][\w.'\u2019&-]*\s+){1,4}(?i:(?:and|&|with|\+)\s+(?:news\s+|wire\s+)?"
               r"agencies\.?)$"),  # "TRTWorld and agencies"
    re.compile(rf"^(?:with\s+)?(?:additional\s+)?(?:reporting|input|information)\s+(?:by|from)"
               rf"\s+{_AG_LIST}\.?$", _I),  # "Additional reporting by AFP"
    re.compile(rf"^{_AG_LIST}\s+contributed(?:\s+reporting|\s+to\s+this\s+(?:report|story"
               r"|article))?\.?$", _I),  # "AFP contributed to this report."
)
_SOURCE = re.compile(r"^sources?\s*:\s*\S.{0,60}$", _I)
_PRINT_EDITION = re.compile(  # the headline it quotes is the print one, not the story's words
    r"^(?:a\s+version\s+of\s+this\s+(?:article|story|report|review|column|essay)\s+"
    r"(?:appears|appeared)\s+in\s+print\b"
    r"|(?:this\s+(?:article|story)\s+)?appeared\s+in\s+the\s+.{0,60}?\bprint\s+edition\b"
    r"|this\s+(?:article|story)\s+(?:appears|appeared)\s+in\s+(?:the\s+)?print\b)", _I)


# --------------------------------------------------------------------------- rules


def date_header(text: str, ctx: LineContext) -> bool:
    """A line that is only a date and time: "Friday, Mar 29, 2024 | Last Update : 01:01 AM IST"."""
    return bool(_DATE_HEADER.match(text))


def publication_metadata(text: str, ctx: LineContext) -> bool:
    """ "Published : Nov 12, 2015, 11:44 pm IST", "Updated: ...", "Location: Syria, Damascus"."""
    return bool(_PUBLISHED.match(text) or _METADATA.match(text))


def comment_prompt(text: str, ctx: LineContext) -> bool:
    """ "Leave a comment", "Comments (3)", "Join the discussion": the comment section's door."""
    return bool(_COMMENT.match(text))


def captcha(text: str, ctx: LineContext) -> bool:
    """An anti-spam sum left over from a comment form: "ten + thirteen =", "3 + 4 = ?"."""
    return bool(_CAPTCHA.match(text))


def photo_credit(text: str, ctx: LineContext) -> bool:
    """ "Photo by: Reuters", "Photo: AFP": who took the picture, not a source of the text."""
    return bool(_PHOTO.match(text)) and count_words(text) <= 10


def social_links(text: str, ctx: LineContext) -> bool:
    """ "... follow us on Twitter :", or a row of share buttons ("Share Tweet Email")."""
    short = count_words(text) <= 20
    return short and bool(_FOLLOW_US.search(text) or _SHARE_ROW.match(text))


def short_link(text: str, ctx: LineContext) -> bool:
    """ "• Short link :", the page's own shortened URL."""
    return bool(_SHORT_LINK.match(text))


def agency_credit(text: str, ctx: LineContext) -> bool:
    """A line crediting wire agencies: "REUTERS/AFP", "TRTWorld and agencies",
    "AFP contributed to this report."; the agencies become the article's credits."""
    return any(pattern.match(text) for pattern in _AGENCY_CREDITS)


def byline(text: str, ctx: LineContext) -> bool:
    """Who wrote it: "By Jane Doe", "Reporting by: Helin Saeed", "Arutz Sheva Staff,", or the
    outlet's own name alone on a line ("ARA News")."""
    if _BY.match(text) or _CREDIT_BY.match(text) or _STAFF.match(text):
        return True
    return _compact(text) in ctx.outlet_names


def source_credit(text: str, ctx: LineContext) -> bool:
    """ "Source: ARA News": where the story comes from; named agencies are credited."""
    return bool(_SOURCE.match(text)) and count_words(text) <= 8


def print_edition(text: str, ctx: LineContext) -> bool:
    """A newspaper's print-edition line: "A version of this article appears in print on ...,
    with the headline: ...", "Appeared in the ... print edition as '...'". The print headline it
    quotes is page furniture, and its words ("withering") must not count as the story's."""
    return bool(_PRINT_EDITION.match(text))


def repeated_line(text: str, ctx: LineContext) -> bool:
    """A line printed twice: identical (whitespace aside) to a line kept earlier, such as a
    headline or photo caption repeated by the page; or a truncated teaser, a line of at least
    40 characters that the next line starts with and continues (the full paragraph is kept)."""
    if text in ctx.seen:
        return True
    return len(text) >= 40 and ctx.next_text.startswith(text) and ctx.next_text != text


RULES: tuple[Rule, ...] = (
    Rule(reason="date header", test=date_header),
    Rule(reason="publication metadata", test=publication_metadata),
    Rule(reason="comment prompt", test=comment_prompt),
    Rule(reason="captcha", test=captcha),
    Rule(reason="photo credit", test=photo_credit),
    Rule(reason="social links", test=social_links),
    Rule(reason="short link", test=short_link),
    Rule(reason="agency credit", test=agency_credit, credits=True),
    Rule(reason="byline", test=byline, credits=True),
    Rule(reason="source credit", test=source_credit, credits=True),
    Rule(reason="print edition", test=print_edition),
    Rule(reason="repeated line", test=repeated_line),  # last: only chrome-free lines count
)


# --------------------------------------------------------------------------- cleaning


def clean(doc: Document, outlet_id: str, article_id: str,
          max_sentence_words: int = ReadingLimits.max_sentence_words) -> Article:
    """Clean one document into an Article: title, kept paragraphs, sentences (cut into pieces
    past ``max_sentence_words``), removed lines, and its text layer (tokens, tags, noun
    phrases), built once over the title and kept paragraphs."""
    names = _outlet_names(doc.outlet, outlet_id)
    lines = _lines(doc.text)
    if doc.source.lower().endswith(".md"):
        lines = (_without_markdown_heading(line) for line in lines)
    kept, removed, found = _apply_rules(lines, names)
    title, title_line, body = _split_title(kept, doc.title)
    title_span = (title_line.start, title_line.end) if title_line else None
    paragraphs = tuple((line.start, line.end) for line in body)
    sentences = _sentences(doc.text, title_span, paragraphs, max_sentence_words)
    layer = build_layer(doc.text, [(s.start, s.end) for s in sentences])
    return Article(
        id=article_id, source=doc.source, outlet=outlet_id, text=doc.text, title=title,
        title_span=title_span, paragraphs=paragraphs, sentences=sentences,
        removed=tuple(removed), words=layer.words, layer=layer,
        date=doc.date, url=doc.url, credits=merge_credits(doc.credits, found),
        encoding=doc.encoding)


def _lines(text: str) -> Iterator[Line]:
    """Yield the non-empty lines of ``text`` with the span of their visible text."""
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            yield Line(start=start, end=start + len(stripped), raw=stripped,
                       text=" ".join(stripped.split()))
        offset += len(raw) + 1


def _without_markdown_heading(line: Line) -> Line:
    """'# Title' in a .md file: the span starts after the '#' marks, which are not words."""
    marks = re.match(r"#{1,6}\s+", line.raw)
    if not marks:
        return line
    raw = line.raw[marks.end():]
    return Line(start=line.start + marks.end(), end=line.end, raw=raw, text=" ".join(raw.split()))


def _apply_rules(lines: Iterator[Line], names: frozenset[str]
                 ) -> tuple[list[Line], list[RemovedLine], set[str]]:
    """Run the rules over every line: the lines kept, the lines removed, the agencies credited."""
    all_lines = list(lines)
    kept: list[Line] = []
    removed: list[RemovedLine] = []
    credited: set[str] = set()
    seen: set[str] = set()
    for index, line in enumerate(all_lines):
        following = all_lines[index + 1].text if index + 1 < len(all_lines) else ""
        ctx = LineContext(outlet_names=names, seen=seen, next_text=following)
        rule = next((rule for rule in RULES if rule.test(line.text, ctx)), None)
        if rule is None:
            kept.append(line)
            seen.add(line.text)
            continue
        removed.append(RemovedLine(start=line.start, end=line.end, text=line.raw,
                                   reason=rule.reason))
        if rule.credits:
            credited.update(agencies_in(line.text))
    return kept, removed, credited


def _split_title(kept: list[Line], given: str | None
                 ) -> tuple[str, Line | None, list[Line]]:
    """Find the title line among the kept lines: (title, its line or None, the body lines).

    A given title is looked for as a whole line. Without one, the first kept line is the
    title unless it reads like a story sentence (a file that starts mid-story).
    """
    if given:
        wanted = " ".join(given.split()).casefold()
        for index, line in enumerate(kept):
            if line.text.casefold() == wanted:
                return given, line, kept[:index] + kept[index + 1:]
        return given, None, kept
    if not kept or _reads_like_body(kept[0].text):
        return "", None, kept
    return kept[0].raw, kept[0], kept[1:]


def _reads_like_body(text: str) -> bool:
    """A sentence of the story rather than a headline: closing punctuation and >12 words."""
    return text.endswith((".", '"', "\u201d", "'", "\u2019")) and count_words(text) > 12


# --------------------------------------------------------------------------- sentences


def _sentences(text: str, title_span: tuple[int, int] | None,
               paragraphs: tuple[tuple[int, int], ...], max_words: int) -> tuple[Sentence, ...]:
    """The title as one sentence, then each paragraph's sentences, in text order; any longer
    than ``max_words`` words cut into pieces of that length."""
    found = [Sentence(start=a, end=b, in_title=True, piece=n)
             for a, b, n in cut_long(text, *title_span, max_words)] if title_span else []
    for start, end in paragraphs:
        for sentence in split_sentences(text, start, end):
            found.extend(Sentence(start=a, end=b, piece=n)
                         for a, b, n in cut_long(text, *sentence, max_words))
    return tuple(found)


# --------------------------------------------------------------------------- credits


def agencies_in(text: str) -> set[str]:
    """The canonical names of the news agencies named in ``text``."""
    names: set[str] = set()
    for match in _AGENCY.finditer(text):
        names.add(canonical_agency(match.group()))
    return names


def canonical_agency(name: str) -> str:
    """ "REUTERS" -> "Reuters", "Agence France-Presse" -> "AFP"; other names unchanged."""
    name = " ".join(name.split())
    for canonical, pattern in _AGENCIES:
        if name.casefold() == canonical.casefold() or re.fullmatch(pattern, name, _I):
            return canonical
    return name


def merge_credits(given: tuple[str, ...], found: set[str]) -> tuple[str, ...]:
    """Given and found credits, canonical, deduplicated, sorted case-insensitively."""
    names = {canonical_agency(name) for name in given if name.strip()} | found
    return tuple(sorted(names, key=lambda name: (name.casefold(), name)))


def _outlet_names(outlet: str | None, outlet_id: str) -> frozenset[str]:
    """The outlet's id and name, and each part of a name like "Arutz Sheva (Israel National
    News)", compacted for comparison with a byline."""
    parts = [outlet_id, *(re.split(r"[()]", outlet) if outlet else []), outlet or ""]
    return frozenset(name for name in map(_compact, parts) if name)


def _compact(text: str) -> str:
    """Letters and digits only, case-folded: "ARA News" and "ara-news" both give "aranews"."""
    return re.sub(r"[\W_]+", "", text).casefold()
