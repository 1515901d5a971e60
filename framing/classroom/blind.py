"""The blind edition: outlets become "Outlet A", "Outlet B" …, so a class reads the words first.

``blind_corpus`` renames the outlets in a seeded order that has nothing to do with the folder or
the alphabet, and hides every name that would give an outlet away: its own name and short forms
("Arutz Sheva", "TRTWorld"), the agencies its articles credit ("AFP"), file names and URLs.
Hidden text is overwritten character for character with ``MASK`` ("█"), never cut out, so the
text keeps its length and every offset (title, paragraphs, sentences, removed lines, and the
matches found later) stays valid. A redaction bar rather than a word such as "[outlet]": a word
would be counted by the distinctive-terms statistics and could be matched by a lexicon, and no
word fits in the three characters of "AFP".

``blind_report`` then hides the same names in what the lexicons say (notes and sources such as
"Reuters Handbook of Journalism" would name an outlet of the corpus beside its labels), and
``find_leaks`` checks a rendered page: the blind report must name no outlet anywhere.
The ``BlindKey`` says which outlet is which, for the teacher's key page.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from framing.model import (
    Article,
    Corpus,
    Group,
    Lexicon,
    Outlet,
    RemovedLine,
    Report,
    Skipped,
    SourceRef,
    Term,
)
from framing.text.cleaning import (
    _AGENCIES,  # the agencies' canonical names and spellings (one table)
    RULES,
    photo_credit,
)
from framing.text.layer import build_layer
from framing.text.tagger import lexicon as tagger_lexicon
from framing.text.wordlists import OUTLETS, word_table

MASK = "\u2588"  # FULL BLOCK: the redaction bar, one per hidden character
BLIND_PREFIX = "Outlet"
_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"']+", re.IGNORECASE)
_WORDS = re.compile(r"[^\W_]+")
_ACRONYM = re.compile(r"[A-Z]{2,4}")  # a name led by one also goes by it: "TRT World", "TRT"
_AGENCY_PATTERNS = dict(_AGENCIES)
# Removed lines that say who wrote, sent or photographed the story: masked whole, since a
# reporter's or photographer's name gives the outlet away as surely as its own.
CREDIT_REASONS = frozenset(r.reason for r in RULES if r.credits or r.test is photo_credit)
# A credit line's label, kept: "Reporting by: ", "Photo by: ", "Source: " (but not "Jane Doe: ").
_LABEL = re.compile(r"^\W*[A-Za-z][a-z]*(?: [a-z]+){0,2}\s*:\s*")


@dataclass(frozen=True, kw_only=True)
class HiddenName:
    """A name the blind edition hides: as written, and the regex that finds its spellings."""

    form: str  # "Arutz Sheva", "TRT", "AFP"
    pattern: str  # used with re.IGNORECASE; one-word names and acronyms keep their case
    kind: Literal["outlet", "agency"]


@dataclass(frozen=True, kw_only=True)
class BlindOutlet:
    """One outlet of the key: its blind name and id, and what they stand for."""

    letter: str  # "A"
    name: str  # "Outlet A"
    id: str  # "outlet-a"
    real_name: str
    real_id: str
    articles: tuple[tuple[str, str], ...]  # (blind article id, original file name), in order


@dataclass(frozen=True, kw_only=True)
class BlindKey:
    """Which blind outlet is which, and every name hidden; the teacher's key page shows it."""

    seed: str
    outlets: tuple[BlindOutlet, ...]  # in blind order: Outlet A first
    hidden: tuple[HiddenName, ...]
    sources: tuple[str, ...]  # the original file names, which must not show either

    def real_name(self, blind_name: str) -> str:
        """ "Outlet A" -> the outlet's real name; KeyError for a name that is not in the key."""
        for outlet in self.outlets:
            if blind_name in (outlet.name, outlet.id):
                return outlet.real_name
        raise KeyError(blind_name)

    def names(self) -> dict[str, str]:
        """Blind outlet id -> real name ("outlet-a" -> "Arutz Sheva (Israel National News)")."""
        return {outlet.id: outlet.real_name for outlet in self.outlets}

    def named(self, text: str) -> str:
        """``text`` with each blind name ("Outlet A") replaced by the outlet's real name."""
        real = {outlet.name: outlet.real_name for outlet in self.outlets}
        pattern = "|".join(re.escape(n) for n in sorted(real, key=len, reverse=True))
        return re.sub(rf"\b(?:{pattern})\b", lambda m: real[m.group(0)], text) if real else text

    def real_names(self) -> dict[str, str]:
        """Real outlet id -> blind name, to show findings of the real report with blind names."""
        return {outlet.real_id: outlet.name for outlet in self.outlets}


# --------------------------------------------------------------------------- corpus


def blind_corpus(corpus: Corpus, seed: str = "framing") -> tuple[Corpus, BlindKey]:
    """The corpus with outlets renamed "Outlet A" … and their names hidden, and its key.

    The order comes from a hash of ``seed`` and each outlet's name: the same for every run
    with the same seed, unrelated to the folder or the alphabet; change the seed to deal again.
    """
    order = sorted(corpus.outlets, key=lambda outlet: (_rank(seed, outlet.name), outlet.id))
    hidden = hidden_names(corpus)
    patterns = _compiled(tuple(h.pattern for h in hidden))
    blind_outlets: list[Outlet] = []
    articles: list[Article] = []
    key_outlets: list[BlindOutlet] = []
    for n, outlet in enumerate(order):
        letter = _letter(n)
        blind_id = f"{BLIND_PREFIX.lower()}-{letter.lower()}"
        renamed: list[tuple[str, str]] = []
        for k, article_id in enumerate(outlet.articles, 1):
            article = corpus.article(article_id)
            new_id = f"{blind_id}-{k}"
            renamed.append((new_id, article.source))
            articles.append(_blind_article(article, new_id, blind_id, patterns))
        blind_outlets.append(replace(outlet, id=blind_id, name=f"{BLIND_PREFIX} {letter}",
                                     articles=tuple(new for new, _ in renamed)))
        key_outlets.append(BlindOutlet(letter=letter, name=f"{BLIND_PREFIX} {letter}",
                                       id=blind_id, real_name=outlet.name, real_id=outlet.id,
                                       articles=tuple(renamed)))
    key = BlindKey(seed=seed, outlets=tuple(key_outlets), hidden=hidden,
                   sources=tuple(sorted(a.source for a in corpus.articles)))
    blinded = Corpus(
        name=mask_names(corpus.name, key),
        outlets=tuple(blind_outlets),
        articles=tuple(articles),
        skipped=tuple(Skipped(source=mask_names(s.source, key), reason=mask_names(s.reason, key))
                      for s in corpus.skipped),
    )
    return blinded, key


def hidden_names(corpus: Corpus) -> tuple[HiddenName, ...]:
    """Every outlet's name and short forms, and every agency its articles credit."""
    found: dict[str, HiddenName] = {}
    for outlet in corpus.outlets:
        for form in (*outlet_variants(outlet.name), *known_forms(outlet)):
            found.setdefault(form.casefold(), HiddenName(
                form=form, pattern=name_pattern(form), kind="outlet"))
    for article in corpus.articles:
        for credit in article.credits:
            if credit.casefold() in found or not any(c.isupper() for c in credit):
                continue  # "agencies", "staff": a generic word names nobody
            pattern = _AGENCY_PATTERNS.get(credit)
            body = f"(?:{pattern})" if pattern else _words_pattern(credit)
            found[credit.casefold()] = HiddenName(
                form=credit, pattern=_bounded(body), kind="agency")
    return tuple(sorted(found.values(), key=lambda h: (h.kind != "outlet", h.form.casefold())))


def names_regex(corpus: Corpus) -> re.Pattern[str] | None:
    """One regex for every outlet's and credited agency's name in ``corpus``."""
    return _compiled(tuple(h.pattern for h in hidden_names(corpus)))


def known_forms(outlet: Outlet) -> tuple[str, ...]:
    """The forms of a widely read outlet's name (framing/data/outlets.toml) when the outlet is
    one of them: "nytimes" gives "The New York Times", "NYT" …, which its own spelling would
    not find."""
    mine = {_squeezed(text) for text in (outlet.id, outlet.name, *outlet_variants(outlet.name))}
    return tuple(form for key, forms in _known_outlets().items()
                 if mine & {key, *map(_squeezed, forms)} for form in forms)


@lru_cache(maxsize=1)
def _known_outlets() -> dict[str, tuple[str, ...]]:
    return word_table(OUTLETS, "outlets")


def _squeezed(text: str) -> str:
    """A name without case, accents, spaces or punctuation: "New York Times" -> "newyorktimes";
    a leading "The" dropped."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    return re.sub(r"^the\b|[\W_]+", "", folded)


def outlet_variants(name: str) -> tuple[str, ...]:
    """The forms of an outlet's name a text may use.

    "Arutz Sheva (Israel National News)" gives "Arutz Sheva" and "Israel National News"; a
    bracketed part without a capital ("Reuters (republished)") is a remark, not a name. A name
    led by an acronym also gives the acronym ("TRT World" -> "TRT"). Spellings without spaces
    or with hyphens ("TRTWorld", "arutz-sheva") are matched by the pattern of each form.
    """
    head = name.split("(", 1)[0].strip()
    parts = [head] if head else []
    parts += [p.strip() for p in re.findall(r"\(([^()]*)\)", name)
              if any(c.isupper() for c in p)]
    forms: list[str] = []
    for part in parts or [name.strip()]:
        forms.append(part)
        words = part.split()
        if len(words) > 1 and _ACRONYM.fullmatch(words[0]):
            forms.append(words[0])
    return tuple(dict.fromkeys(f for f in forms if _WORDS.search(f)))


def _blind_article(
    article: Article, new_id: str, outlet_id: str, patterns: re.Pattern[str] | None
) -> Article:
    """One article with its names, credit lines and URLs overwritten and its ids replaced.

    Masking keeps every offset, so the sentences stand; the text layer is built again from the
    masked text (every stage reads it), while ``words`` keeps the original count so that the
    rates per 1,000 words are the report's own."""
    text = _mask(article.text, patterns)
    removed: list[RemovedLine] = []
    for line in article.removed:
        masked = _mask(line.text, patterns)
        if line.reason in CREDIT_REASONS:
            label = _LABEL.match(masked)
            keep = label.end() if label else 0
            masked = masked[:keep] + _bar(masked[keep:])
            if article.text[line.start : line.end] == line.text:  # offsets into the text
                text = text[: line.start] + masked + text[line.end :]
        removed.append(replace(line, text=masked, reason=_mask(line.reason, patterns)))
    return replace(
        article,
        id=new_id,
        source=new_id,
        outlet=outlet_id,
        text=text,
        title=_mask(article.title, patterns),
        removed=tuple(removed),
        credits=tuple(_mask(credit, patterns) for credit in article.credits),
        date=None if article.date is None else _mask(article.date, patterns),
        url=None,
        layer=build_layer(text, [(s.start, s.end) for s in article.sentences]),
    )


# --------------------------------------------------------------------------- report


def blind_report(report: Report, key: BlindKey) -> Report:
    """The report of a blinded corpus with the names also hidden in what the lexicons say.

    Lexicon notes and sources name agencies and outlets ("agencies such as Reuters write
    'government'"); beside an outlet's labels such a note gives the outlet away. Term phrases
    are left alone: they are what was matched, in text that is already blind.
    """
    return replace(
        report,
        lexicons=tuple(_blind_lexicon(lex, key) for lex in report.lexicons),
        groups=tuple(_blind_group(g, key) for g in report.groups),
        packs=tuple(
            replace(p, lexicon=_blind_lexicon(p.lexicon, key), reason=mask_names(p.reason, key))
            for p in report.packs
        ),
    )


def _blind_lexicon(lexicon: Lexicon, key: BlindKey) -> Lexicon:
    return replace(
        lexicon,
        name=mask_names(lexicon.name, key),
        description=mask_names(lexicon.description, key),
        sources=tuple(SourceRef(title=mask_names(s.title, key),
                                url=None if s.url is None else mask_names(s.url, key))
                      for s in lexicon.sources),
        groups=tuple(_blind_group(g, key) for g in lexicon.groups),
    )


def _blind_group(group: Group, key: BlindKey) -> Group:
    return replace(
        group,
        name=mask_names(group.name, key),
        description=mask_names(group.description, key),
        terms=tuple(_blind_term(t, key) for t in group.terms),
    )


def _blind_term(term: Term, key: BlindKey) -> Term:
    source = None if term.source is None else mask_names(term.source, key)
    return replace(term, note=mask_names(term.note, key), source=source)


# --------------------------------------------------------------------------- masking


def mask_names(text: str, key: BlindKey) -> str:
    """``text`` with every hidden name and URL overwritten by ``MASK``, same length."""
    return _mask(text, _compiled(tuple(h.pattern for h in key.hidden)))


def find_leaks(page: str, key: BlindKey) -> tuple[str, ...]:
    """The hidden names, outlet ids and original file names that ``page`` still contains.

    Each name and outlet id as it is masked (see ``name_pattern``): an id that is an ordinary
    word ("time") only capitalised, as a name is written. Only between non-letters, in the page
    as written and in its shadow (entities decoded, invisible characters dropped, look-alike
    letters read as Latin). Empty when the page is blind.
    """
    texts = (page, _shadow(page)[0], _shadow(html.unescape(page))[0])
    leaks: dict[str, None] = {}
    checks: list[tuple[str, str]] = [(h.form, h.pattern) for h in key.hidden]
    checks += [(o.real_id, name_pattern(o.real_id)) for o in key.outlets]  # as names are
    checks += [(s, _bounded(re.escape(s))) for s in key.sources]
    for label, pattern in checks:
        regex = re.compile(pattern, re.IGNORECASE)
        if any(regex.search(text) for text in texts):
            leaks[label] = None
    return tuple(leaks)


def _mask(text: str, patterns: re.Pattern[str] | None) -> str:
    """Bars over every URL and every hidden name, however it is written: names are looked for
    in the text's shadow (see ``_shadow``), each found name widened to the handle, domain or
    name it is part of ("@ReutersAgency", "reuters.com", "ReutersTV"), and a photo credit
    after it ("REUTERS/Jane Doe/File Photo") covered with it."""
    spans = [m.span() for m in _URL.finditer(text)]
    if patterns is not None:
        shadow, where = _shadow(text)
        for m in patterns.finditer(shadow):
            if m.end() > m.start():
                start, end = (m.span() if where is None
                              else (where[m.start()], where[m.end() - 1] + 1))
                spans.append(_widened(text, start, end))
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _bar(text[start:end])
    return "".join(chars)


# Characters drawn as nothing: soft hyphen, zero-width spaces and joiners, direction marks.
_INVISIBLE = frozenset(
    "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
# Cyrillic and Greek letters drawn like Latin ones (from Unicode's confusables list): "Reuters"
# written with a Cyrillic "ie" (U+0435) for its "e" still reads as Reuters.
_LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04cf"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408"
    "\u0405\u0423"
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5"
    "\u03a7\u03bf",
    "aeopcyxijsdl" "ABEKMHOPCTXIJ" "SY" "ABEZHIKMNOPTY" "Xo",
)
_ATTACHED_LEFT = re.compile(r"[@#]+$")  # a handle or hashtag sign before the name
_ATTACHED_RIGHT = re.compile(r"(?:[^\W_]|[.@](?=[^\W_]))+")  # "TV", ".com", "Agency"
# "REUTERS/Jane Doe/File Photo": the photographer's name, on the credit's own line.
_PHOTO_CREDIT = re.compile(r"[ \t]*/[ \t]*(?:[A-Z][\w.'-]*[ \t]?){1,4}(?:/[ \t]*File(?: Photo)?)?")


def _shadow(text: str) -> tuple[str, list[int] | None]:
    """The text as a reader sees it, for finding names: invisible characters dropped, each
    character in its compatibility form (full-width letters, U+FF21 on, read as ASCII) and Latin
    look-alikes read as Latin. With the offset in ``text`` of each of its characters (None
    when the text is ASCII, so the shadow is the text)."""
    if text.isascii():
        return text, None
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if not char.isascii():
            char = unicodedata.normalize("NFKC", char).translate(_LOOKALIKES)
        out.append(char)
        where.extend([i] * len(char))
    return "".join(out), where


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """A found name's span widened over what is attached to it: "@" before, the rest of a
    handle or domain after, and a photographer's credit after a slash."""
    left = _ATTACHED_LEFT.search(text, max(0, start - 8), start)
    if left:
        start = left.start()
    right = _ATTACHED_RIGHT.match(text, end)
    if right:
        end = right.end()
    credit = _PHOTO_CREDIT.match(text, end)
    if credit:
        end = credit.end()
    return start, end


def _bar(text: str) -> str:
    """As many bars as characters; line breaks stay, so paragraphs stay as they were."""
    return "".join(c if c in "\r\n" else MASK for c in text)


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for all the names, longest forms first."""
    if not patterns:
        return None
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile("|".join(f"(?:{p})" for p in ordered), re.IGNORECASE)


def ordinary_name(name: str) -> bool:
    """A name made only of ordinary words ("Time", "the page") or of two letters: the blind
    edition hides it only where it is written as a name, and the report's own text may use it."""
    words = _WORDS.findall(name)
    return bool(words) and all(len(w) <= 2 or w.lower() in tagger_lexicon() for w in words)


def name_pattern(form: str) -> str:
    """A name's regex. Several words: in any case, joined by up to three other characters or by
    nothing ("TRT World", "TRTWorld", "trt-world"). One word that is no ordinary word
    ("Reuters", "TRT"): in any case, its letters even spaced out ("R E U T E R S"), and also
    where a capital carries it on ("ReutersTV"). One that is an ordinary word ("Time", "Sun"),
    or of two letters: capitalised or in capitals only, so that an outlet called "Time" does
    not hide every "time"."""
    words = _WORDS.findall(form)
    if len(words) > 1 and ordinary_name(form):  # "The Hill": as a name, not "up the hill"
        return _bounded("(?-i:" + _words_pattern(form) + "|" + _words_pattern(form.upper()) + ")")
    if len(words) > 1:
        return _bounded(_words_pattern(form))
    word = words[0]
    if ordinary_name(word):
        word = word if not word.islower() else word.capitalize()
        spellings = dict.fromkeys((word, word.upper()))
        return _bounded("(?-i:" + "|".join(map(re.escape, spellings)) + ")")
    letters = "[ .]?".join(map(re.escape, word)) if len(word) >= 4 else re.escape(word)
    return rf"(?<![^\W_])(?:{letters})(?:(?![^\W_])|(?-i:(?<=[a-z])(?=[A-Z])))"


def _words_pattern(text: str) -> str:
    words = _WORDS.findall(text)
    return r"[\W_]{0,3}".join(re.escape(w) for w in words) if words else re.escape(text)


def _bounded(body: str) -> str:
    """Not inside a longer word: no letter or digit on either side ("_" and "-" may touch)."""
    return rf"(?<![^\W_])(?:{body})(?![^\W_])"


def _rank(seed: str, name: str) -> str:
    return hashlib.sha256(f"{seed}\x00{name}".encode()).hexdigest()


def _letter(n: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": as spreadsheet columns."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters

