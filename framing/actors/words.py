"""The words actors are discovered with: titles, role and group nouns, who carries the news,
places and calendar words.

The lists are data (``framing/data/actors.toml``); lists that mean the same thing as one of
``speech.toml`` (determiners, name particles, weekdays and months) are read from there, so the
two never drift apart. This module turns them into the sets discovery.py and mentions.py use.
"""

from __future__ import annotations

import unicodedata

from framing.text.wordlists import ACTORS, PLACES, word_map, word_set, word_tuple
from framing.voices.speech_words import CALENDAR as CALENDAR_NAMES
from framing.voices.speech_words import DETERMINERS as SPEECH_DETERMINERS
from framing.voices.speech_words import PARTICLES

HONORIFICS = word_set(ACTORS, "honorifics")
TITLE_ABBREVIATIONS = word_set(ACTORS, "title_abbreviations")
ABBREVIATIONS = word_set(ACTORS, "name_abbreviations")
TITLE_WORDS = word_set(ACTORS, "title_words") | TITLE_ABBREVIATIONS
# Who reports or carries the news is not an actor of the event; the corpus's outlets are added.
NOT_ACTORS = (
    word_set(ACTORS, "news_agencies") | word_set(ACTORS, "news_outlets")
    | word_set(ACTORS, "platforms") | word_set(ACTORS, "state_abbreviations")
)
NEWSPAPER_WORDS = word_set(ACTORS, "newspaper_words")
ROLE_NOUNS = word_set(ACTORS, "role_nouns")
GROUP_NOUNS = word_set(ACTORS, "group_nouns")
COLLECTIVES = word_set(ACTORS, "collectives")
PERSON_NOUNS = word_set(ACTORS, "person_nouns")
GENERIC_PEOPLE = word_set(ACTORS, "generic_people")
PEOPLE = ROLE_NOUNS | GROUP_NOUNS | PERSON_NOUNS
IRREGULAR_PLURALS = word_map(ACTORS, "irregular_plurals")
MILITARY = word_set(ACTORS, "military")
GENERIC_GROUPS = MILITARY | word_set(ACTORS, "generic_groups")
SIDES = word_set(ACTORS, "sides")
MODIFIERS = word_set(ACTORS, "modifiers")
CONNECTORS = word_set(ACTORS, "name_links") | PARTICLES
DETERMINERS = SPEECH_DETERMINERS
CALENDAR = CALENDAR_NAMES | word_set(ACTORS, "calendar_abbreviations")
PLACE_FIRST = word_set(ACTORS, "place_first")
LOCATIVES = word_set(ACTORS, "locatives")
PLACE_NOUNS = word_set(ACTORS, "place_nouns")
US_STATES = word_set(ACTORS, "us_states")
WORLD_REGIONS = word_set(ACTORS, "world_regions")
DEMONYMS = word_set(ACTORS, "demonyms")
DEMONYM_ENDINGS = word_tuple(ACTORS, "demonym_endings")
COMPASS = word_set(ACTORS, "compass")
ADJECTIVE_ENDINGS = word_tuple(ACTORS, "adjective_endings")
PLACE_PREFIXES = word_tuple(ACTORS, "place_prefixes")
THING_WORDS = word_set(ACTORS, "thing_words")
OBJECT_DETERMINERS = word_set(ACTORS, "object_determiners")


def _plain(name: str) -> str:
    """'Bogotá' -> 'bogota': the form a name is written in without its accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# Big cities, as name keys ("new york city"), with and without accents: rows of places.
CITIES = frozenset(
    form for city in word_tuple(PLACES, "cities")
    for form in (city.replace(".", ""), _plain(city).replace(".", ""))
)
