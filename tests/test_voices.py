"""Quotations, attributions and voices: each rule on a small text, and every quotation of the
demo corpus against a list checked by hand (tests/fixtures/al_hader_quotes.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from framing.lexicon.files import load_lexicon
from framing.model import Article, Corpus, Document, Group, Match
from framing.text.cleaning import clean
from framing.text.loading import load_corpus
from framing.voices.statements import (
    Quote,
    attribution_verbs,
    find_quotes,
    proper_name,
    quote_segments,
    speaker_kind,
    speaker_referent,
    verb_connotation,
    voice_of,
)

from .helpers import DEMO, LEXICONS, lexicon_from

FIXTURE = Path(__file__).parent / "fixtures" / "al_hader_quotes.json"

VERBS_TOML = """
name = "Verbs"
[[sources]]
title = "Invented for the tests"
[[cue]]
id = "attribution-verbs"
name = "Attribution verbs"
[[cue.term]]
phrase = "said"
connotation = "neutral"
note = "Neutral."
inflect = false
variants = ["says"]
[[cue.term]]
phrase = "claimed"
connotation = "negative"
note = "Casts doubt."
inflect = false
variants = ["claims"]
[[cue.term]]
phrase = "insisted"
connotation = "negative"
note = "Casts doubt."
inflect = false
"""


def article(text: str) -> Article:
    """An article of paragraphs separated by blank lines, cleaned as framing cleans files."""
    doc = Document(source="a.txt", text=text, title="(no title line)")
    return clean(doc, "a", "a.txt")


def quotes(text: str, verbs: tuple[Group, ...] = ()) -> list[Quote]:
    return list(find_quotes(article(text), verbs))


def said(text: str) -> list[tuple[str, str, str, str, bool]]:
    """(quoted words, speaker as written, resolved name, verb, direct) for each quote."""
    art = article(text)
    return [(art.text[q.start:q.end], q.speaker, q.name, q.verb, q.direct)
            for q in find_quotes(art)]


# --------------------------------------------------------------------------- direct quotes


def test_direct_quote_with_speaker_after() -> None:
    assert said('"The town is key," Abdel Rahman said.') == [
        ("The town is key,", "Abdel Rahman", "Abdel Rahman", "said", True)
    ]


def test_direct_quote_with_inverted_speaker_and_apposition() -> None:
    found = quotes('"We have built fortifications," said Yousef al-Issa, a field commander '
                   "for Ahrar al-Sham, one of the main insurgent groups.")
    assert len(found) == 1
    q = found[0]
    assert (q.speaker, q.name, q.verb, q.kind, q.named) == (
        "Yousef al-Issa", "Yousef al-Issa", "said", "opposition", True
    )
    assert q.role.startswith("a field commander for Ahrar al-Sham")


def test_direct_quote_with_speaker_before() -> None:
    assert said('Added Gibbs: "No one I have ever talked to."') == [
        ("No one I have ever talked to.", "Gibbs", "Gibbs", "Added", True)
    ]
    assert said('The minister told reporters: "We will not give up."')[0][1:4] == (
        "The minister", "the minister", "told"
    )


def test_pronoun_speaker_resolves_to_the_last_named_speaker() -> None:
    text = ('"Fighting is ongoing," Observatory chief Rami Abdel Rahman said.\n\n'
            '"Today\'s advance is the most important," he said.')
    assert [(s, n) for _, s, n, _, _ in said(text)] == [
        ("Observatory chief Rami Abdel Rahman", "Rami Abdel Rahman"),
        ("he", "Rami Abdel Rahman"),
    ]


def test_pronoun_finds_a_person_named_with_a_title_who_has_not_spoken_yet() -> None:
    text = ("Moscow hit back, with foreign ministry spokeswoman Maria Zakharova blasting "
            "Washington.\n\n"
            '"The United States organized meetings without consulting Russia," she said.')
    (q,) = quotes(text)
    assert (q.speaker, q.name, q.kind) == ("she", "Maria Zakharova", "official")


def test_surname_resolves_to_the_full_name() -> None:
    text = ('"It is key," said Rami Abdel Rahman, the head of the Observatory.\n\n'
            '"Fighting goes on," Abdel Rahman said.')
    assert [q.name for q in quotes(text)] == ["Rami Abdel Rahman", "Rami Abdel Rahman"]


def test_the_source_resolves_to_the_last_speaker() -> None:
    text = ("A military source told AFP that troops were in control of the town.\n\n"
            "The source said Iranian forces had taken part.")
    found = quotes(text)
    assert [(q.speaker, q.name, q.named, q.kind) for q in found] == [
        ("A military source", "a military source", False, "military"),
        ("The source", "a military source", False, "military"),
    ]


def test_quote_over_several_sentences_and_paragraphs_curly_and_straight() -> None:
    text = ("\u201cWe will hold the line. The town is ours.\n\n"
            "\u201cNobody will take it back,\u201d the commander said.\n\n"
            '"They are lying," a rebel spokesman said. "Ask anyone.')
    art = article(text)
    segments = [art.text[s.start:s.end] for s in quote_segments(art)]
    assert segments[0].startswith("We will hold the line.")
    assert segments[0].endswith("Nobody will take it back,")
    assert segments[1:] == ["They are lying,", "Ask anyone."]
    found = find_quotes(art)
    assert [(q.speaker, q.verb) for q in found] == [
        ("the commander", "said"), ("a rebel spokesman", "said"), ("a rebel spokesman", ""),
    ]


def test_unclosed_quote_ends_with_its_paragraph_when_the_next_does_not_open_one() -> None:
    text = ('"This can be seen as an attempt to divide us.\n\n'
            "She noted that other countries were not invited.")
    art = article(text)
    (segment,) = quote_segments(art)
    assert art.text[segment.start:segment.end] == "This can be seen as an attempt to divide us."


def test_partial_quote_inside_reported_speech_shares_its_speaker_and_verb() -> None:
    text = 'A military source told AFP that troops were in "full control" of the town.'
    found = quotes(text)
    art = article(text)
    assert [(art.text[q.start:q.end], q.direct) for q in found] == [
        ('troops were in "full control" of the town', False), ("full control", True),
    ]
    assert found[0].verb_start == found[1].verb_start


def test_scare_quotes_and_quoted_headings_are_not_quotations() -> None:
    assert said('Which groups will be designated as "terrorists" is contentious.') == []
    assert said('"Most important advance"\n\nThe army took the town on Thursday.') == []


# --------------------------------------------------------------------------- reported speech


def test_indirect_speech_after_the_verb() -> None:
    assert said("The Observatory said regime forces had taken control of the town.") == [
        ("regime forces had taken control of the town", "The Observatory", "Observatory",
         "said", False)
    ]


def test_told_with_recipient_and_that() -> None:
    assert said("Halabi told ARA News that the rebels had left the town.")[0][:4] == (
        "the rebels had left the town", "Halabi", "Halabi", "told"
    )


def test_reporting_clause_at_the_end_and_it() -> None:
    text = ("The Syrian Observatory for Human Rights said Al Hader was the main bastion.\n\n"
            "The rebels fled the town after government forces took control, it said.")
    found = said(text)
    assert found[1] == (
        "The rebels fled the town after government forces took control", "it",
        "Syrian Observatory for Human Rights", "said", False,
    )


def test_two_attributions_in_one_sentence_split_the_reported_words() -> None:
    text = ("The monitor confirmed regime forces had taken large parts of the town, though "
            "it said fighting was ongoing.")
    assert [w for w, *_ in said(text)] == [
        "regime forces had taken large parts of the town", "fighting was ongoing",
    ]


def test_speaker_with_a_relative_clause_and_a_parenthetical_attribution() -> None:
    assert said('"We will win," the commander, who asked not to be named, told AFP.') == [
        ("We will win,", "the commander", "the commander", "told", True)
    ]
    assert said("The army, the Observatory said, took the town.") == [
        ("The army, the Observatory said, took the town", "the Observatory", "Observatory",
         "said", False)
    ]
    assert said("Residents told Reuters the town was quiet.")[0][:2] == (
        "the town was quiet", "Residents"
    )


def test_according_to() -> None:
    assert said("The factions will not attend the meeting, according to observers.") == [
        ("The factions will not attend the meeting", "observers", "observers", "according to",
         False)
    ]
    assert said("According to state media, the army entered the town.")[0][:2] == (
        "the army entered the town", "state media"
    )


def test_anonymous_sources() -> None:
    text = ("Two working groups had begun gathering in Vienna, a diplomatic source said.\n\n"
            "Officials said the talks would resume on Friday.\n\n"
            "A source close to the government said the plan was dropped.")
    found = quotes(text)
    assert [(q.speaker, q.named) for q in found] == [
        ("a diplomatic source", False), ("Officials", False),
        ("A source close to the government", False),
    ]
    assert found[0].kind == "official"


def test_nouns_that_look_like_speech_verbs_are_not_attributions() -> None:
    assert said("Reps. Jay Inslee of Washington state are crafting a letter.") == []
    assert said("Iran is the leading state sponsor of terror.") == []
    assert said("ISIS claimed responsibility for the bombings.") == []


# --------------------------------------------------------------------------- speakers


def test_speaker_kinds_from_phrase_and_apposition() -> None:
    assert speaker_kind("a field commander", "a field commander for Ahrar al-Sham") == (
        "opposition"
    )
    assert speaker_kind("Observatory chief Rami Abdel Rahman") == "monitor"
    assert speaker_kind("State television") == "official"
    assert speaker_kind("a military source") == "military"
    assert speaker_kind("media activist Khalid Halabi") == "witness"
    assert speaker_kind("AFP") == "agency"
    assert speaker_kind("pro-regime media sources") == "media"
    assert speaker_kind("foreign ministry spokeswoman Maria Zakharova") == "official"
    assert speaker_kind("a professor of politics") == "expert"
    assert speaker_kind("Mary Smith") == "other"


def test_proper_names_in_speaker_phrases() -> None:
    assert proper_name("Observatory chief Rami Abdel Rahman") == "Rami Abdel Rahman"
    assert proper_name("Sen. Rand Paul") == "Rand Paul"
    assert proper_name("Western officials") == ""
    assert proper_name("a military source") == ""
    assert proper_name("Rebels", at_sentence_start=True) == ""
    assert proper_name("The Syrian Observatory for Human Rights monitor") == (
        "Syrian Observatory for Human Rights"
    )


def test_connotation_comes_from_the_lexicon_by_spelling_or_lemma(tmp_path: Path) -> None:
    verbs = attribution_verbs([lexicon_from(tmp_path, VERBS_TOML)])
    assert [g.id for g in verbs] == ["attribution-verbs"]
    assert verb_connotation("said", verbs) == "neutral"
    assert verb_connotation("claims", verbs) == "negative"
    assert verb_connotation("insists", verbs) == "negative"  # through the lemma "insist"
    assert verb_connotation("estimates", verbs) == "unrated"
    (q,) = quotes("The Nusra Front claimed that its fighters attacked the town.", verbs)
    assert (q.verb, q.verb_lemma, q.connotation) == ("claimed", "claim", "negative")


def test_bundled_cues_rate_said_neutral() -> None:
    verbs = attribution_verbs([load_lexicon(LEXICONS / "cues.toml")])
    assert verb_connotation("said", verbs) == "neutral"


# --------------------------------------------------------------------------- voice


def _match(art: Article, phrase: str, group: str = "g", after: str = "") -> Match:
    """A referent match on the first ``phrase`` that follows ``after``."""
    start = art.text.index(phrase, art.text.index(after) if after else 0)
    return Match(article=art.id, outlet=art.outlet, start=start, end=start + len(phrase),
                 text=phrase, group=group, kind="referent", term=phrase,
                 connotation="neutral", sentence=0)


def test_voice_of_a_match_own_or_quoted_and_whose() -> None:
    art = article('The regime took the town. "The regime is finished," Halabi said.\n\n'
                  "The Observatory said regime forces advanced.")
    found = find_quotes(art)
    first = _match(art, "regime")
    quoted = _match(art, "regime", after="The regime is")
    reported = _match(art, "regime forces")
    assert voice_of(first, found) == ("own", None)
    assert voice_of(quoted, found) == ("quoted", "Halabi")
    assert voice_of(reported, found) == ("quoted", "Observatory")
    assert voice_of(reported, found, direct_only=True) == ("own", None)


def test_speaker_referent_from_a_match_in_the_speaker_phrase() -> None:
    art = article("The Syrian Observatory for Human Rights said rebels fled.")
    (q,) = find_quotes(art)
    observatory = _match(art, "Syrian Observatory for Human Rights", "syrian-observatory")
    rebels = _match(art, "rebels", "armed-opposition")
    assert speaker_referent(q, [rebels, observatory]) == "syrian-observatory"
    art = article("The Syrian Observatory for Human Rights said clashes went on.\n\n"
                  "The rebels fled, it said.")
    pronoun = find_quotes(art)[-1]
    assert pronoun.speaker == "it"
    named = _match(art, "Syrian Observatory for Human Rights", "syrian-observatory")
    assert speaker_referent(pronoun, [named]) == "syrian-observatory"


# --------------------------------------------------------------------------- the demo corpus


@lru_cache(maxsize=1)
def demo() -> Corpus:
    return load_corpus(DEMO)


def test_every_quotation_of_the_demo_corpus_matches_the_hand_checked_list() -> None:
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))["quotes"]
    found = []
    for art in sorted(demo().articles, key=lambda a: a.id):
        for q in find_quotes(art):
            found.append({
                "article": art.id[:3], "words": " ".join(art.text[q.start:q.end].split()[:6]),
                "speaker": q.speaker, "name": q.name, "verb": q.verb, "direct": q.direct,
            })
    assert found == expected


def test_demo_speakers_kinds_and_named() -> None:
    by_name = {(q.article[:3], q.name): q for art in demo().articles for q in find_quotes(art)}
    assert by_name[("003", "Yousef al-Issa")].kind == "opposition"
    assert by_name[("000", "Rami Abdel Rahman")].kind == "monitor"
    assert by_name[("000", "state television")].kind == "official"
    assert by_name[("000", "state television")].named
    assert by_name[("000", "a military source")].kind == "military"
    assert not by_name[("000", "a military source")].named
    assert by_name[("001", "Khalid Halabi")].kind == "witness"
    assert by_name[("000", "Maria Zakharova")].kind == "official"
