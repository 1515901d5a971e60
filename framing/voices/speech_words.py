"""The words quotations and speakers are read with: speech verbs, their forms and connotations,
and the function words, titles and source nouns of speaker phrases.

The lists are data (``framing/data/speech.toml``); this module turns them into the sets and the
speech-verb pattern the rules use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.lexicon.matching import fold
from framing.model import Connotation, Group, Lexicon
from framing.text.tokens import Span
from framing.text.wordlists import SPEECH, word_map, word_set, word_table, word_tuple

# The cue categories that rate speech verbs, searched in this order.
ATTRIBUTION_CUES = ("attribution-verbs", "factives")

DIRECT_ONLY = word_set(SPEECH, "direct_only")
NOUN_LIKE = word_set(SPEECH, "noun_like")
BE = word_set(SPEECH, "be")
AUX = word_set(SPEECH, "auxiliaries")
ADVERBS = word_set(SPEECH, "adverbs")
PRONOUNS = word_set(SPEECH, "pronouns")
DETERMINERS = word_set(SPEECH, "determiners")
PARTICLES = word_set(SPEECH, "particles")
LINKS = word_set(SPEECH, "links")  # inside a noun phrase
STOP = word_set(SPEECH, "stop")
LEADING = word_set(SPEECH, "leading")
CALENDAR = word_set(SPEECH, "calendar")  # weekdays and months
TIME_WORDS = word_set(SPEECH, "time_words") | CALENDAR
SOURCE_NOUNS = word_set(SPEECH, "source_nouns")
ORG_WORDS = word_set(SPEECH, "org_words")
PERSON_ROLES = word_set(SPEECH, "person_roles")
PARTY = word_set(SPEECH, "party")
MALE = word_set(SPEECH, "male")
FEMALE = word_set(SPEECH, "female")
ADJUNCTS = word_set(SPEECH, "adjuncts")
ROLE_ALIASES = word_map(SPEECH, "role_aliases")


def regular_forms(lemma: str) -> tuple[str, ...]:
    """Regular verb forms: base, -s, -ed, -ing (with the usual spelling changes)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s"
    return lemma, third, stem + "ed", stem + "ing"


def _verb_forms() -> dict[str, str]:
    """Every form of every speech verb, mapped to its lemma."""
    irregular = word_table(SPEECH, "irregular_verbs")
    forms = {form: lemma for lemma, all_forms in irregular.items() for form in all_forms}
    for lemma in word_tuple(SPEECH, "regular_verbs"):
        forms.update(dict.fromkeys(regular_forms(lemma), lemma))
    return forms


SPEECH_FORMS = _verb_forms()  # "said" -> "say", "pointed out" -> "point out"
# Any speech-verb form, longest first, or "according to".
SPEECH_VERB = re.compile(
    r"(?<![\w'-])(?:according\s+to|"
    + "|".join(re.escape(f).replace(r"\ ", r"\s+")
               for f in sorted(SPEECH_FORMS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def speech_at(text: str, pos: int, hi: int) -> Span | None:
    """The speech verb starting exactly at ``pos``, as a span."""
    m = SPEECH_VERB.match(text, pos, hi)
    return (m.start(), m.end()) if m and not m.group().lower().startswith("according") else None


def attribution_verbs(lexicons: Sequence[Lexicon]) -> tuple[Group, ...]:
    """The loaded cue categories that rate speech verbs (``attribution-verbs``, then
    ``factives``), for :func:`framing.voices.statements.find_quotes`."""
    found = {g.id: g for lexicon in lexicons for g in lexicon.groups if g.kind == "cue"}
    return tuple(found[i] for i in ATTRIBUTION_CUES if i in found)


def verb_connotation(verb: str, verbs: Sequence[Group]) -> Connotation:
    """A verb's connotation from the cue categories: by its spelling, else by its lemma
    ("insists" rated through "insisted"); "unrated" when no category lists it."""
    if not verb:
        return "unrated"
    written = " ".join(fold(verb).lower().split())
    lemma = SPEECH_FORMS.get(written, written)
    by_lemma: dict[str, Connotation] = {}
    for group in verbs:
        for term in group.terms:
            for spelling in (term.phrase, *term.variants):
                key = " ".join(fold(spelling).lower().split())
                if key == written:
                    return term.connotation
                found = SPEECH_FORMS.get(key) or SPEECH_FORMS.get(key.split()[0])
                if found:
                    by_lemma.setdefault(found, term.connotation)
    return by_lemma.get(lemma, "unrated")
