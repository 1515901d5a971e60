"""Verbs without a parser: whether a word is a past form, a participle or a finite verb, and
the function words that stand around a subject and its verb.

A verb is a known irregular form, a regular -ed form, a form of a listed common news verb, or
(see :mod:`framing.voices.agency`) any word after an auxiliary. The lists are data
(``framing/data/verbs.toml``).
"""

from __future__ import annotations

from framing.text.wordlists import VERBS, word_set

AUX = word_set(VERBS, "auxiliaries")
BE = word_set(VERBS, "be")
GET = word_set(VERBS, "get")
ADVERBS = word_set(VERBS, "adverbs")
IRREGULAR = word_set(VERBS, "irregular_past")
PARTICIPLES_ONLY = word_set(VERBS, "participles_only")
COMMON_VERBS = word_set(VERBS, "common_verbs")
ED_ADJECTIVES = word_set(VERBS, "ed_adjectives")  # more often adjectives right after a noun
MODIFIERS_BY = word_set(VERBS, "by_modifiers")  # 'backed by …' inside a noun phrase
PREPOSITIONS = word_set(VERBS, "prepositions")
DETERMINERS = word_set(VERBS, "determiners")
BOUNDARIES = word_set(VERBS, "boundaries")
RELATIVES = word_set(VERBS, "relatives")
NUMBERS = word_set(VERBS, "numbers")
APPROXIMATORS = word_set(VERBS, "approximators")  # 'around 1,000 troops'
CONJUNCTIONS = word_set(VERBS, "conjunctions")
NOT_VERBS = word_set(VERBS, "not_verbs")  # after 'have': possession, not a perfect tense
CASUALTY = word_set(VERBS, "casualty_participles")


def base_form(word: str) -> str:
    """A rough base form for list lookups: 'seizes' -> 'seize', 'attacked' -> 'attack'."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("es", "e"), ("s", ""),
                         ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in COMMON_VERBS:
            return word[: -len(suffix)] + repl
    if len(word) > 4 and word[-3:-2] == word[-4:-3] and word.endswith("ed"):
        return word[:-3]  # 'shelled' -> 'shell'
    return word


def is_past(word: str) -> bool:
    """A past tense or past participle: irregular, or a regular -ed form."""
    return word in IRREGULAR or (len(word) > 4 and word.endswith("ed") and "-" not in word)


def is_participle(word: str) -> bool:
    """A past participle, or a casualty verb used as one."""
    return word in IRREGULAR or word in PARTICIPLES_ONLY or is_past(word) or word in CASUALTY


def is_verb(word: str, plural: bool | None = None, before: str = "") -> bool:
    """A finite verb right after its subject (not after an auxiliary).

    A present form of a listed verb must agree with the subject ('rebels hold', 'the army
    holds'; ``plural`` None: either) and not be followed by a preposition: 'rebel control in
    the east' and 'rebel attacks on' are nouns.
    """
    if word in PARTICIPLES_ONLY or word.endswith("ing"):
        return False
    if is_past(word):
        return word not in ED_ADJECTIVES
    base = base_form(word)
    if base not in COMMON_VERBS or before in PREPOSITIONS:
        return False
    return plural is None or (word == base) == plural
