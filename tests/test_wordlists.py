"""The word lists of the rules: shipped in the package, read through importlib.resources, and
checked (a malformed list or a word listed twice is reported, never used)."""

from __future__ import annotations

from importlib import resources

import pytest

from framing.actors.words import (
    ABBREVIATIONS,
    CALENDAR,
    HONORIFICS,
    PLACE_FIRST,
    TITLE_ABBREVIATIONS,
)
from framing.errors import FramingError
from framing.text.wordlists import ACTORS, SPEECH, VERBS, data_file, word_set, word_table
from framing.voices.speech_words import SPEECH_FORMS


def test_data_files_ship_in_the_package() -> None:
    for name in (SPEECH, VERBS, ACTORS):
        assert resources.files("framing").joinpath("data", name).is_file()
        assert data_file(name)


def test_every_list_loads() -> None:
    for name in (SPEECH, VERBS, ACTORS):
        for key, value in data_file(name).items():
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                assert word_set(name, key), key
    assert word_table(SPEECH, "irregular_verbs")["say"] == ("say", "says", "said", "saying")
    assert SPEECH_FORMS["pointed out"] == "point out"
    assert SPEECH_FORMS["warned"] == "warn"


def test_bad_lists_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = {"twice": ["a", "b", "a"], "numbers": [1, 2], "table": {"x": 1}}
    monkeypatch.setattr("framing.text.wordlists.data_file", lambda name: fake)
    with pytest.raises(FramingError, match="lists a twice"):
        word_set(SPEECH, "twice")
    with pytest.raises(FramingError, match="not a list of words"):
        word_set(SPEECH, "numbers")
    with pytest.raises(FramingError, match="not a list of words"):
        word_set(SPEECH, "missing")
    with pytest.raises(FramingError, match="not a list of words"):
        word_table(SPEECH, "table")


def test_lists_of_both_files_agree() -> None:
    """The abbreviations the tokeniser keeps whole (speech.toml) are each known to discovery
    (actors.toml) as an honorific, a title, a name's or a place's abbreviation; weekdays and
    months are one list, read by both."""
    known = HONORIFICS | TITLE_ABBREVIATIONS | ABBREVIATIONS | PLACE_FIRST
    assert {w.lower() for w in word_set(SPEECH, "abbreviations")} <= known
    assert {"monday", "december", "edt", "sept"} <= CALENDAR
    assert "may" not in CALENDAR  # the month is also a verb
