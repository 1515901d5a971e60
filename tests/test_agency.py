"""Who acts: agent and patient roles, agentless casualty wording and headline voice, on small
texts checked by hand and on sentences of the demo corpus."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from framing.analysis import analyze
from framing.lexicon.files import load_lexicon
from framing.lexicon.matching import compile_terms, find_matches, index_terms
from framing.model import Article, Document, Report
from framing.text.cleaning import clean
from framing.text.loading import load_corpus
from framing.voices.agency import (
    Action,
    count_casualties,
    find_actions,
    find_casualties,
    headline_voice,
)

from .helpers import DEMO, LEXICONS, lexicon_from

ACTORS = """
name = "Actors"
[[sources]]
title = "Invented for the tests"

[[referent]]
id = "government"
name = "Syrian government"
[[referent.term]]
phrase = "regime forces"
connotation = "negative"
note = "Test."
[[referent.term]]
phrase = "the army"
connotation = "neutral"
note = "Test."
inflect = false
[[referent.term]]
phrase = "government forces"
connotation = "neutral"
note = "Test."

[[referent]]
id = "rebels"
name = "Rebels"
[[referent.term]]
phrase = "rebels"
connotation = "neutral"
note = "Test."
inflect = false
[[referent.term]]
phrase = "rebel"
connotation = "neutral"
note = "Test."

[[referent]]
id = "isis"
name = "ISIS"
[[referent.term]]
phrase = "ISIS"
connotation = "negative"
note = "Test."
case_sensitive = true

[[referent]]
id = "russia"
name = "Russia"
[[referent.term]]
phrase = "Russian air strikes"
connotation = "neutral"
note = "Test."
[[referent.term]]
phrase = "Moscow"
connotation = "neutral"
note = "Test."
"""


def article(text: str, title: str = "(no title line)") -> Article:
    """Paragraphs separated by blank lines; a first line equal to ``title`` is the headline."""
    return clean(Document(source="a.txt", text=text, title=title), "a", "a.txt")


@pytest.fixture
def roles(tmp_path: Path):  # type: ignore[no-untyped-def]
    """text -> [(referent as written, role, verb, passive)] for its referent matches."""
    index = index_terms(compile_terms(lexicon_from(tmp_path, ACTORS).groups))

    def run(text: str, title: str = "(no title line)") -> list[tuple[str, str, str, bool]]:
        art = article(text, title)
        actions = find_actions(art, find_matches(art, index))
        return [(art.text[a.start:a.end], a.role, a.verb, a.passive) for a in actions]

    return run


# --------------------------------------------------------------------------- roles


def test_subject_before_an_active_verb_is_the_agent(roles) -> None:  # type: ignore[no-untyped-def]
    assert roles("Regime forces seized the town on Thursday.") == [
        ("Regime forces", "agent", "seized", False)
    ]
    assert roles("The rebels fled the town.") == [("rebels", "agent", "fled", False)]


def test_auxiliaries_adverbs_and_progressives(roles) -> None:  # type: ignore[no-untyped-def]
    assert roles("Government forces have also retaken a few villages.") == [
        ("Government forces", "agent", "have also retaken", False)
    ]
    assert roles("The rebels quickly advanced west.") == [
        ("rebels", "agent", "advanced", False)
    ]
    assert roles("The rebels are using the highway.") == [
        ("rebels", "agent", "are using", False)
    ]


def test_passive_subject_is_the_patient(roles) -> None:  # type: ignore[no-untyped-def]
    assert roles("The rebels were driven out of the town.") == [
        ("rebels", "patient", "were driven out", True)
    ]
    assert roles("Regime forces had been trapped for months.") == [
        ("Regime forces", "patient", "had been trapped", True)
    ]


def test_by_phrase_of_a_passive_is_the_agent(roles) -> None:  # type: ignore[no-untyped-def]
    assert roles("The town was captured by rebels in 2013.") == [
        ("rebels", "agent", "captured", True)
    ]
    assert roles("Regime forces backed by Russian air strikes advanced on Tuesday.") == [
        ("Regime forces", "agent", "advanced", False),
        ("Russian air strikes", "agent", "backed", True),
    ]


def test_object_after_a_verb_is_the_patient(roles) -> None:  # type: ignore[no-untyped-def]
    assert roles("Moscow blasts ISIS over the attack.") == [
        ("Moscow", "agent", "blasts", False), ("ISIS", "patient", "blasts", False),
    ]
    assert roles("Air strikes helped the army make new gains.") == [
        ("the army", "patient", "helped", False)
    ]


def test_coordination_and_relative_clauses(roles) -> None:  # type: ignore[no-untyped-def]
    assert roles("Regime forces and allied fighters quickly advanced west.") == [
        ("Regime forces", "agent", "advanced", False)
    ]
    assert roles("The town fell to rebels who captured it in 2013.") == [
        ("rebels", "agent", "captured", False)
    ]


def test_no_role_for_modifiers_prepositional_phrases_and_speech(roles) -> None:  # type: ignore[no-untyped-def]
    assert roles("The army was breaking an ISIS siege.") == [
        ("The army", "agent", "was breaking", False)
    ]
    assert roles("Rebel control in the east was weak.") == []
    assert roles("The offensives against the rebels have made gains.") == []
    assert roles("The army said the town had fallen.") == []


def test_speech_verb_does_not_take_the_next_subject_as_its_object(roles) -> None:  # type: ignore[no-untyped-def]
    assert roles("State television announced the army recaptured the town.") == [
        ("the army", "agent", "recaptured", False)
    ]


# --------------------------------------------------------------------------- casualties


def casualties(text: str) -> list[tuple[str, str]]:
    art = article(text)
    return [(c.wording, c.agent) for c in find_casualties(art)]


def test_agentless_passives_and_intransitives() -> None:
    assert casualties("At least 100 soldiers and fighters were killed in northern Syria.") == [
        ("were killed", "")
    ]
    assert casualties("Twelve civilians died in the shelling.") == [("died", "")]
    assert casualties("Four people lost their lives on Monday.") == [("lost their lives", "")]
    assert casualties("Two children were wounded and a school was destroyed.") == [
        ("were wounded", ""), ("was destroyed", "")
    ]
    assert casualties("Most of those killed were militants.") == [("killed", "")]
    assert casualties("100 fighters dead in Syria") == [("dead", "")]


def test_casualties_with_an_agent() -> None:
    assert casualties("Three civilians were killed by Russian air strikes.") == [
        ("were killed", "Russian air strikes")
    ]
    assert casualties("Twin suicide bombings that killed more than 40 people.") == [
        ("killed", "Twin suicide bombings")
    ]
    assert casualties("Government shelling killed 20 people in the town.") == [
        ("killed", "Government shelling")
    ]


def test_a_by_phrase_in_another_clause_is_not_the_agent() -> None:
    text = ("At least 100 fighters were killed as troops reached an airbase that had long "
            "been besieged by ISIS.")
    assert casualties(text) == [("were killed", "")]


def test_counts_per_article_by_sentence() -> None:
    art = article("Ten soldiers were killed on Monday. Shelling by the army killed five people. "
                  "Two more died later.")
    counted = count_casualties(art, find_casualties(art))
    assert (counted.agentless, counted.with_agent) == ((0, 2), (1,))


# --------------------------------------------------------------------------- headlines


def test_headline_voice(tmp_path: Path) -> None:
    index = index_terms(compile_terms(lexicon_from(tmp_path, ACTORS).groups))
    title = "Regime forces recapture key town from rebels"
    art = article(f"{title}\n\nThe army took the town on Thursday.", title=title)
    voice = headline_voice(art, find_actions(art, find_matches(art, index)))
    assert voice is not None
    assert (voice.agent, voice.agent_text, voice.verb) == ("government", "Regime forces",
                                                           "recapture")
    assert headline_voice(article("No title here, just a body sentence."), ()) is None


# --------------------------------------------------------------------------- the demo corpus


@lru_cache(maxsize=1)
def demo() -> Report:
    lexicons = [load_lexicon(LEXICONS / name) for name in ("syria.toml", "cues.toml")]
    return analyze(load_corpus(DEMO), lexicons)


def demo_actions(prefix: str) -> list[Action]:
    report = demo()
    (art,) = [a for a in report.corpus.articles if a.id.startswith(prefix)]
    return list(find_actions(art, report.matches))


def has(actions: list[Action], text: str, role: str, verb: str, group: str) -> bool:
    report = demo()
    return any(
        a.role == role and a.verb == verb and a.group == group
        and report.corpus.article(a.article).text[a.start:a.end].replace("\xa0", " ") == text
        for a in actions
    )


def test_demo_sentences() -> None:
    assert has(demo_actions("000"), "regime forces", "agent", "broke", "syrian-government")
    assert has(demo_actions("004"), "rebels", "agent", "fled", "armed-opposition")
    assert has(demo_actions("000"), "regime troops", "patient", "had been trapped",
               "syrian-government")
    assert has(demo_actions("003"), "rebels", "agent", "captured", "armed-opposition")
    assert has(demo_actions("001"), "regime\u2019s army", "patient", "helped", "syrian-government")


def test_demo_casualties() -> None:
    report = demo()
    by_prefix = {a.id[:3]: a for a in report.corpus.articles}
    deccan = by_prefix["002"]
    found = find_casualties(deccan)
    first = next(c for c in found if c.wording == "were killed")
    assert deccan.text[deccan.sentences[first.sentence].start:].startswith(
        "At least 100 soldiers and fighters were killed"
    )
    assert first.agent == ""
    arutz = by_prefix["000"]
    counted = count_casualties(arutz, find_casualties(arutz))
    assert len(counted.agentless) == 1 and len(counted.with_agent) == 1  # combatants / bombings


def test_demo_headlines() -> None:
    report = demo()
    voices = {a.id[:3]: headline_voice(a, find_actions(a, report.matches))
              for a in report.corpus.articles}
    assert voices["004"] is None  # the page starts mid-story
    ara, trt, arutz = voices["001"], voices["003"], voices["000"]
    assert ara is not None and (ara.agent, ara.verb) == ("syrian-government", "recapture")
    assert trt is not None and (trt.agent, trt.verb) == ("syrian-government", "advance")
    assert arutz is not None and arutz.agent is None  # a noun phrase: no one acts
