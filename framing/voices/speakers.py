"""Who speaks: the kind of source a speaker phrase describes, and whom each speaker phrase
stands for.

"he"/"she" resolve to the latest person speaking or named with a title or as a subject before
them (gender from Mr./Ms., -man/-woman and earlier pronouns), "it"/"they" to the latest
organisation or group speaking, "the source"/"the governor" to the latest fitting speaker, a
surname to the full name used before. The kind of source comes from the words of the speaker
phrase and its apposition (rules in ``framing/data/speech.toml``); a speaker counts as named
when a proper name (or an identified institution such as state television) is given.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import cast, get_args

from framing.errors import FramingError
from framing.lexicon.matching import fold
from framing.model import Article, Group, Match
from framing.text.tokens import Span, kept_spans, sentence_at, tokens, within, without_possessive
from framing.text.wordlists import SPEECH, rule_lists
from framing.voices.phrases import proper_name
from framing.voices.quotes import Quote, RawQuote, SpeakerKind
from framing.voices.speech_words import (
    DETERMINERS,
    FEMALE,
    LEADING,
    LINKS,
    MALE,
    ORG_WORDS,
    PARTICLES,
    PARTY,
    PERSON_ROLES,
    PRONOUNS,
    ROLE_ALIASES,
    SOURCE_NOUNS,
    SPEECH_FORMS,
    STOP,
    TIME_WORDS,
    verb_connotation,
)

# An identified institution: its name makes the speaker named.
INSTITUTIONS = re.compile(
    r"\bstate[\s-]+(?:run\s+)?(?:television|tv|media|news\s+agency|radio|broadcaster)\b",
    re.IGNORECASE,
)
# A name, with the lowercase role word before it ('spokeswoman Maria Zakharova').
_NAME_RUN = re.compile(
    r"(?<![\w'-])(?:(?P<role>[a-z]+),?\s+)?(?P<name>[A-Z][\w'.-]*(?:\s+(?:(?:al|el|bin|ibn|de|"
    r"van|von)\s+)?[A-Z][\w'.-]*)*)"
)


def _kind_rules() -> tuple[tuple[SpeakerKind, re.Pattern[str]], ...]:
    """The speaker-kind rules of speech.toml, compiled, in their order."""
    rules: list[tuple[SpeakerKind, re.Pattern[str]]] = []
    for kind, patterns in rule_lists(SPEECH, "speaker_kinds", "kind", "patterns"):
        if kind not in get_args(SpeakerKind):
            raise FramingError(f"framing/data/{SPEECH}, [[speaker_kinds]]: unknown kind "
                               f"{kind!r}; use one of {', '.join(get_args(SpeakerKind))}")
        try:
            pattern = re.compile(rf"\b(?:{'|'.join(patterns)})", re.IGNORECASE)
        except re.error as err:
            raise FramingError(f"framing/data/{SPEECH}, [[speaker_kinds]] {kind}: bad pattern "
                               f"({err}); fix the regular expression") from None
        rules.append((cast(SpeakerKind, kind), pattern))
    return tuple(rules)


_KINDS = _kind_rules()


def speaker_kind(phrase: str, role: str = "") -> SpeakerKind:
    """The kind of source a speaker phrase and its apposition describe (first rule wins)."""
    words = fold(f"{phrase} {role}")
    for kind, pattern in _KINDS:
        if pattern.search(words):
            return kind
    return "other"


def speaker_referent(quote: Quote, matches: Sequence[Match]) -> str | None:
    """The referent group of the speaker: a referent match in the speaker's phrase, else one
    in the same article whose words are the resolved name ('it' -> 'Syrian Observatory for
    Human Rights' -> syrian-observatory)."""
    own = [m for m in matches if m.article == quote.article and m.kind == "referent"]
    for m in own:
        if quote.speaker_start <= m.start < quote.speaker_end:
            return m.group
    name = " ".join(fold(quote.name).lower().split())
    for m in own:
        if name and " ".join(fold(m.text).lower().split()).removesuffix("'s") == name:
            return m.group
    return None


@dataclass(frozen=True)
class _Antecedent:
    """A speaker or person mention that a later pronoun or surname may refer to."""

    position: int
    name: str
    role: str
    named: bool
    kind: SpeakerKind
    person: bool
    plural: bool
    gender: str = ""  # "m", "f" or unknown
    sentence: int = 0


def resolve_speakers(
    article: Article, text: str, raw: list[RawQuote], verbs: Sequence[Group], inside: Sequence[Span]
) -> Iterator[Quote]:
    """Give each quote its speaker's name, kind and namedness, in order of the speakers."""
    spoken = [(r.speaker_start, r.speaker_end) for r in raw]
    mentions = _person_mentions(article, text, [*inside, *spoken], raw)
    done = _Pool()  # the speakers so far
    both = _Pool()  # ... and the people named before them, in text order
    named = iter(sorted(mentions, key=lambda a: a.position))
    upcoming = next(named, None)
    genders: dict[str, str] = {}
    for r in sorted(raw, key=lambda r: (r.speaker_start, r.start)):
        while upcoming is not None and upcoming.position < r.speaker_start:
            both.append(upcoming)
            upcoming = next(named, None)
        written = article.text[r.speaker_start:r.speaker_end]
        folded = text[r.speaker_start:r.speaker_end]
        here = _antecedent(article, text, r)
        target = _refers_to(folded, here, both if _personal(folded) else done, genders)
        if target is not None:
            here = replace(target, position=r.speaker_start, sentence=here.sentence)
            if folded.lower() in {"he", "she"}:
                genders[here.name] = "m" if folded.lower() == "he" else "f"
        elif folded.lower() in PRONOUNS:
            here = replace(here, name="", named=False)
        done.append(here)
        both.append(here)
        verb = article.text[r.verb_start:r.verb_end] if r.verb_start >= 0 else ""
        lemma = SPEECH_FORMS.get(" ".join(fold(verb).lower().split()), "")
        if verb.lower().startswith("according"):
            lemma = "according to"
        yield Quote(
            article=article.id, outlet=article.outlet, start=r.start, end=r.end,
            sentence=r.sentence, speaker=written, speaker_start=r.speaker_start,
            speaker_end=r.speaker_end, name=here.name,
            role=r.role or _title_of(written, here.name) or here.role, named=here.named,
            kind=here.kind, verb=" ".join(verb.split()), verb_lemma=lemma,
            verb_start=r.verb_start, verb_end=r.verb_end,
            connotation=verb_connotation(verb, verbs), direct=r.direct,
        )


def _personal(folded: str) -> bool:
    """'he', 'she', 'the governor': a phrase that may stand for a person named before."""
    low = folded.lower().split()
    return low in (["he"], ["she"]) or (
        len(low) > 1 and low[0] in {"the", "this", "that"}
        and (low[-1] in PERSON_ROLES or low[-1] in PARTY)
    )


def _title_of(written: str, name: str) -> str:
    """'Observatory chief' in 'Observatory chief Rami Abdel Rahman'."""
    folded = fold(written)
    at = folded.rfind(fold(name)) if name else -1
    if at <= 0:
        return ""
    words = folded[:at].split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _antecedent(article: Article, text: str, r: RawQuote) -> _Antecedent:
    """What the speaker phrase itself says: its proper name, kind, person or not."""
    written = article.text[r.speaker_start:r.speaker_end]
    folded = text[r.speaker_start:r.speaker_end]
    sentence = article.sentences[sentence_at(article, r.speaker_start)]
    at_start = text[sentence.start:r.speaker_start].strip(" \"'") == ""
    name = proper_name(folded, at_start)
    if at_start and re.fullmatch(r"[A-Z][a-z]+s", name) and not re.search(
        rf"[a-z,] {name}\b", text
    ):
        name = ""  # 'Proponents said': a plural common noun that opens the sentence
    words = [t.key for t in tokens(f"{folded} {r.role}", 0, len(folded) + 1 + len(r.role))]
    head = tokens(folded, 0, len(folded))[-1].key if folded.strip() else ""
    person = bool(set(words) & PERSON_ROLES) or (
        bool(name) and not ({w.lower() for w in name.split()} & ORG_WORDS)
    )
    gender = "m" if set(words) & MALE else "f" if set(words) & FEMALE else ""
    kind: SpeakerKind = "unknown" if head in PRONOUNS else speaker_kind(written, r.role)
    plain = " ".join(written.split())
    if not name and plain.split() and plain.split()[0].lower() in DETERMINERS | SOURCE_NOUNS:
        plain = plain[0].lower() + plain[1:]  # 'A military source' -> 'a military source'
    return _Antecedent(
        position=r.speaker_start, name=name or plain, role=r.role,
        named=bool(name) or bool(INSTITUTIONS.search(folded)), kind=kind, person=person,
        plural=head.endswith("s") and head not in {"its", "his"} and not name, gender=gender,
        sentence=sentence_at(article, r.speaker_start),
    )


def _refers_to(
    folded: str, here: _Antecedent, candidates: _Pool, genders: dict[str, str]
) -> _Antecedent | None:
    """The earlier speaker or person a pronoun, 'the source' or a bare surname stands for."""
    pool = candidates.items
    low = " ".join(folded.lower().split())
    if low in {"he", "she"}:
        want = "m" if low == "he" else "f"
        return _salient(pool, lambda a: a.person and a.named and (
            (a.gender or genders.get(a.name, want)) == want
        ))
    if low in {"it", "they", "who"}:
        plural = low == "they"
        return _latest(pool, lambda a: low == "who" or (not a.person and a.plural == plural)) or (
            _latest(pool, lambda a: not a.person) if low == "it" else None
        )
    described = re.fullmatch(r"(?:the|this|that)\s+(?:[\w-]+\s+){0,3}([\w-]+)", low)
    if described and not here.named:
        noun = ROLE_ALIASES.get(described.group(1), described.group(1))
        if noun in {"source", "official", "diplomat", "officer", "activist"}:
            return _latest(pool, lambda a: not a.plural and a.kind != "unknown")
        if noun in PERSON_ROLES or noun in PARTY:
            return _latest(pool, lambda a: a.named and a.person and noun in {
                ROLE_ALIASES.get(w, w) for w in re.findall(r"[a-z]+", a.role.lower())
            }) or _salient(pool, lambda a: a.named and a.person)
        return None
    if here.named and 1 <= len(here.name.split()) <= 2:
        return candidates.latest_short_for(here.name)
    return None


class _Pool:
    """Earlier speakers or people, in text order, with the named ones filed under each word of
    their name and under their initials: a bare surname ("Abdel Rahman") or an acronym
    ("SOHR") is looked up among the names that hold it, not among every name before it (a long
    article has thousands)."""

    def __init__(self) -> None:
        self.items: list[_Antecedent] = []
        self.by_word: defaultdict[str, list[int]] = defaultdict(list)

    def append(self, antecedent: _Antecedent) -> None:
        if antecedent.named:
            words = antecedent.name.lower().split()
            for key in {*words, _initials(words)}:
                self.by_word[key].append(len(self.items))
        self.items.append(antecedent)

    def latest_short_for(self, short: str) -> _Antecedent | None:
        """The last named one that ``short`` is short for (see ``_short_for``): its first
        word is a word of the full name, or the whole of its initials."""
        words = short.lower().split()
        for i in reversed(self.by_word.get(words[0], []) if words else []):
            if _short_for(short, self.items[i].name):
                return self.items[i]
        return None


def _initials(words: Sequence[str]) -> str:
    """'syrian observatory for human rights' -> 'sohr' (links and particles left out)."""
    return "".join(w[0] for w in words if w not in LINKS and w not in PARTICLES)


def _short_for(short: str, full: str) -> bool:
    """'Abdel Rahman' for 'Rami Abdel Rahman', 'Observatory' or 'SOHR' for 'Syrian
    Observatory for Human Rights': the words in order, or the initials."""
    little, big = short.lower().split(), full.lower().split()
    if len(big) <= len(little):
        return False
    if len(little) == 1 and little[0] == _initials(big):
        return True
    it = iter(big)
    return all(word in it for word in little)


def _salient(
    candidates: Sequence[_Antecedent], test: Callable[[_Antecedent], bool]
) -> _Antecedent | None:
    """The first fitting candidate of the latest sentence that has one: the subject of the
    last sentence about someone, rather than whoever it mentioned last. ``candidates`` are in
    text order, so the search goes back from the end only as far as that sentence."""
    found: _Antecedent | None = None
    for c in reversed(candidates):
        if found is not None and c.sentence < found.sentence:
            break
        if test(c) and (found is None or c.position <= found.position):
            found = c
    return found


def _latest(
    candidates: Sequence[_Antecedent], test: Callable[[_Antecedent], bool]
) -> _Antecedent | None:
    """The last candidate that passes ``test``."""
    for candidate in reversed(candidates):
        if test(candidate):
            return candidate
    return None


def _person_mentions(
    article: Article, text: str, outside: Sequence[Span], raw: Sequence[RawQuote]
) -> list[_Antecedent]:
    """People named outside quotes and speaker phrases that a later 'he' or 'she' may mean:
    with a title or role ('spokeswoman Maria Zakharova'), or as the subject of a sentence
    ('Hillary Clinton lied', 'Braley apologized' once Braley is known as a person)."""
    found: list[tuple[_Antecedent, bool]] = []  # with: named as a subject only
    skipped = within(outside)
    for start, end in kept_spans(article):
        for m in _NAME_RUN.finditer(text, start, end):
            if skipped(m.start("name")):
                continue
            words = m.group("name").split()
            while words and words[0].lower().strip(".") in LEADING | DETERMINERS | STOP | LINKS:
                words = words[1:]
            titles = 0
            while titles < len(words) - 1 and words[titles].lower().strip(".") in PERSON_ROLES:
                titles += 1
            role = (m.group("role") or "").lower()
            governed = role in STOP or role in LINKS or role in {"against", "than"}
            role = "" if governed else role
            named = [w for w in words[titles:] if w.lower() not in TIME_WORDS
                     and not (w.isupper() and len(w) > 3)]
            if not named or {w.lower() for w in named} & ORG_WORDS:
                continue
            described = " ".join([role, *words[:titles]]).strip()
            keys = set(described.lower().replace(".", "").split())
            titled = bool(keys & PERSON_ROLES)
            opening = text[article.sentences[sentence_at(article, m.start())].start:
                           m.start("name")].strip(" \"'") == ""
            if not titled and (governed or not (
                (opening and len(named) > 1) or _subject_position(text, m.end("name"))
            )):
                continue
            found.append((_Antecedent(
                position=m.start("name"), name=without_possessive(" ".join(named)),
                role=described if titled else "", named=True, kind=speaker_kind(described),
                person=True, plural=False,
                gender="m" if keys & MALE else "f" if keys & FEMALE else "",
                sentence=sentence_at(article, m.start("name")),
            ), titled or (opening and len(named) > 1)))
    known = {a.name.split()[-1] for a, titled in found if titled}
    known |= {n.split()[-1] for r in raw
              if (n := proper_name(text[r.speaker_start:r.speaker_end]))}
    return [a for a, titled in found if titled or a.name.split()[-1] in known]


def _subject_position(text: str, end: int) -> bool:
    """A name followed by a lowercase word: 'Hillary Clinton lied', not 'in New York'."""
    after = re.match(r"\s+([a-z]+)", text[end:end + 30])
    return after is not None and after.group(1) not in STOP | LINKS
