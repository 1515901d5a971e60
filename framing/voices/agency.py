"""Who acts: whether a referent is the doer or the undergoer of the verbs around it, and who
acts in each headline; with :mod:`framing.voices.casualties`, which casualty reports name no one
responsible.

Rules over tokens, no parser:

- **Agent**: the referent is followed, within its clause, by a verb in the active voice ("regime
  forces broke a siege", "The rebels fled", "rebels who complain"), allowing adverbs, time
  words, auxiliaries, a coordinated phrase ("Syrian forces and allied fighters quickly
  advanced") and a participle phrase ("forces backed by Russian air strikes advanced"); or it is
  the "by …" phrase of a passive ("besieged by ISIS").
- **Patient**: the referent is the subject of a passive ("rebels were driven out": a form of
  *be* or *get*, then a past participle, -ed or irregular) or the object right after a verb
  ("helped the regime's army", "blasting Washington").
- A verb is a known irregular form, a regular -ed form, a form of a listed common news verb,
  or any word after an auxiliary (:mod:`framing.voices.verbs`). Speech verbs ("said") are left to
  :mod:`framing.voices.statements`.

This module is the public face of agency: import from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from framing.model import Article, Match
from framing.text.tokens import Tok
from framing.voices.casualties import Casualty, CasualtyCount, count_casualties, find_casualties
from framing.voices.speech_words import SPEECH_FORMS
from framing.voices.verbs import (
    ADVERBS,
    APPROXIMATORS,
    AUX,
    BE,
    BOUNDARIES,
    CASUALTY,
    COMMON_VERBS,
    CONJUNCTIONS,
    DETERMINERS,
    ED_ADJECTIVES,
    GET,
    MODIFIERS_BY,
    NOT_VERBS,
    PREPOSITIONS,
    RELATIVES,
    base_form,
    is_participle,
    is_past,
    is_verb,
)

__all__ = [
    "Action",
    "Casualty",
    "CasualtyCount",
    "HeadlineVoice",
    "Role",
    "count_casualties",
    "find_actions",
    "find_casualties",
    "headline_voice",
    "is_participle",
    "is_past",
    "is_verb",
]

Role = Literal["agent", "patient"]


@dataclass(frozen=True, kw_only=True)
class Action:
    """A referent match as the doer (agent) or undergoer (patient) of a verb."""

    article: str
    outlet: str
    group: str
    term: str
    start: int  # the referent match
    end: int
    sentence: int
    role: Role
    verb: str  # as written ("broke", "were driven", "killed")
    verb_start: int
    verb_end: int
    passive: bool  # the verb is passive: a patient subject, or an agent in a "by …" phrase


@dataclass(frozen=True, kw_only=True)
class HeadlineVoice:
    """Who acts in an article's headline: the referent that is agent of its main verb."""

    article: str
    outlet: str
    title: str
    verb: str  # the headline's main verb as written; "" when it has none (a noun phrase)
    agent: str | None  # referent group id
    agent_text: str
    patient: str | None
    patient_text: str


# --------------------------------------------------------------------------- roles


def find_actions(article: Article, matches: Sequence[Match]) -> tuple[Action, ...]:
    """The agent or patient role of every referent match of the article that has one."""
    text = article.layer.folded
    found = []
    for m in matches:
        if m.article == article.id and m.kind == "referent":
            action = _action(article, text, m)
            if action:
                found.append(action)
    return tuple(found)


def _action(article: Article, text: str, m: Match) -> Action | None:
    """The match's role in its sentence, if the rules find one."""
    sentence = article.sentences[m.sentence]
    toks = article.layer.sentence_tokens(m.sentence)
    first = next((i for i, t in enumerate(toks) if t.end > m.start), None)
    last = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].start < m.end), None)
    if first is None or last is None or m.text.lower().endswith(("'s", "\u2019s", "'")):
        return None
    headline = sentence.in_title
    if _modifier(toks, first, last):
        return None
    found = _by_agent(toks, first) or _object_of(toks, first)
    if found is None and (_relative_next(toks, last) or not _governed(toks, first)):
        found = _after(toks, last, headline)
    if found is None:
        return None
    role, (vs, ve), passive = found
    if " ".join(text[vs:ve].lower().split()) in SPEECH_FORMS:
        return None
    return Action(
        article=article.id, outlet=article.outlet, group=m.group, term=m.term, start=m.start,
        end=m.end, sentence=m.sentence, role=role, verb=" ".join(article.text[vs:ve].split()),
        verb_start=vs, verb_end=ve, passive=passive,
    )


_Found = tuple[Role, tuple[int, int], bool]


def _noun_like(tok: Tok) -> bool:
    """A lowercase word that is neither a function word nor verb-like: a noun it modifies."""
    word = tok.low
    return tok.word and word.isalpha() and not tok.cap and word not in PREPOSITIONS and (
        word not in BOUNDARIES and word not in DETERMINERS and word not in AUX
        and word not in BE and word not in ADVERBS and not word.endswith("ly")
        and not is_past(word) and base_form(word) not in COMMON_VERBS and word not in RELATIVES
    )


def _modifier(toks: Sequence[Tok], first: int, last: int) -> bool:
    """'an ISIS siege', 'rebel lines', 'Russian support': the match modifies the noun after."""
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    if nxt is None or not nxt.word or nxt.cap:
        return False
    single = first == last and (toks[first].low.endswith(("an", "ese", "ish", "i")) or (
        not toks[first].cap and not _plural(toks[first])
    ))
    return _noun_like(nxt) or (single and nxt.low not in AUX | BE and not is_past(nxt.low))


def _relative_next(toks: Sequence[Tok], last: int) -> bool:
    """'rebels who complain': a relative pronoun follows the match."""
    return last + 1 < len(toks) and toks[last + 1].low in RELATIVES - {"that"}


def _governed(toks: Sequence[Tok], first: int) -> bool:
    """The match follows a preposition ('against the rebels'), so it is not a subject;
    'after', 'before', 'as' and 'since' also open clauses and do not count."""
    i = first - 1
    number = False
    while i >= 0 and (toks[i].low in DETERMINERS or toks[i].text.replace(",", "").isdigit()):
        number = number or toks[i].text[0].isdigit()
        i -= 1
    if number and i >= 0 and toks[i].low in APPROXIMATORS:  # 'around 1,000 troops'
        i -= 1
    return i >= 0 and toks[i].low in PREPOSITIONS - CONJUNCTIONS


def _by_agent(toks: Sequence[Tok], first: int) -> _Found | None:
    """'besieged by ISIS', 'supported by Iranian and Lebanese Hezbollah militias': the referent
    in the 'by' phrase of a participle."""
    i = first - 1
    steps = 0
    while i >= 1 and steps < 7 and toks[i].low != "by" and (
        toks[i].low in DETERMINERS or toks[i].low == "and" or toks[i].text == ","
        or (toks[i].word and (toks[i].cap or _noun_like(toks[i])))
    ):
        i -= 1
        steps += 1
    if i < 1 or toks[i].low != "by":
        return None
    verb = toks[i - 1]
    if not is_participle(verb.low) and verb.low not in MODIFIERS_BY:
        return None
    return "agent", (verb.start, verb.end), True


def _after(toks: Sequence[Tok], last: int, headline: bool) -> _Found | None:
    """The referent as subject: the verb that follows it, active or passive."""
    i = _skip_to_predicate(toks, last + 1)
    if i is None or i >= len(toks):
        return None
    start = toks[i]
    aux_seen = perfect = False
    while i < len(toks) and (toks[i].low in AUX or toks[i].low in ADVERBS or (
        toks[i].low.endswith("ly") and len(toks[i].low) > 4
    )):
        if toks[i].low in AUX:
            aux_seen, perfect = True, toks[i].low in {"has", "have", "had", "having", "'ve"}
        i += 1
    if i >= len(toks) or not toks[i].word:
        return None
    word = toks[i].low
    if aux_seen and (word in DETERMINERS or word in PREPOSITIONS or not word.isalpha() or (
        word in NOT_VERBS
    ) or (perfect and word not in BE and not is_participle(word))):
        return None  # 'had practical concerns': 'have' as a verb of its own, not a tense
    if word in BE or word in GET:
        j = i + 1
        while j < len(toks) and (toks[j].low in ADVERBS or toks[j].low in BE or (
            toks[j].low.endswith("ly") and len(toks[j].low) > 4
        )):
            j += 1
        if j >= len(toks) or not toks[j].word:
            return None
        nxt = toks[j].low
        if nxt.endswith("ing") and word not in GET:
            return "agent", (start.start, toks[j].end), False
        if is_participle(nxt) or nxt in CASUALTY:
            return "patient", (start.start, _particle_end(toks, j)), True
        return None
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    agrees = is_verb(word, None if headline else _plural(toks[last]), "" if headline else after)
    if aux_seen or agrees or (headline and _headline_verb(toks, i)):
        if toks[i].cap and not headline:
            return None
        return "agent", (start.start if aux_seen else toks[i].start, _particle_end(toks, i)), False
    return None


def _plural(tok: Tok) -> bool:
    """'rebels', 'forces', 'Russians' are plural; 'ISIS', 'the army', 'Moscow' are not."""
    word = tok.text
    return word.lower().endswith("s") and not word.lower().endswith("ss") and not word.isupper()


def _particle_end(toks: Sequence[Tok], i: int) -> int:
    """'driven out', 'pulled back': the verb with its particle."""
    if i + 1 < len(toks) and toks[i + 1].low in {"out", "back", "off", "down", "up", "away"}:
        return toks[i + 1].end
    return toks[i].end


def _headline_verb(toks: Sequence[Tok], i: int) -> bool:
    """In a headline, a lowercase or Title Case word after the subject that is not a function
    word or a noun of a list reads as the present-tense verb ('troops recapture key town')."""
    word = toks[i].low
    return word.isalpha() and word not in PREPOSITIONS and word not in DETERMINERS and (
        word not in BOUNDARIES
    ) and not word.endswith("ing") and (word.endswith("s") or base_form(word) in COMMON_VERBS or (
        i + 1 < len(toks) and toks[i + 1].low in DETERMINERS | {"key"}
    ))


def _skip_to_predicate(toks: Sequence[Tok], i: int) -> int | None:
    """Past what can stand between a subject and its verb: a relative pronoun, a coordinated
    phrase ('and allied fighters'), a 'backed by …' phrase, a parenthesis or a time phrase."""
    if i < len(toks) and toks[i].low in RELATIVES - {"that"}:
        return i + 1
    if i < len(toks) and toks[i].text == "(":
        close = next((k for k in range(i, len(toks)) if toks[k].text == ")"), None)
        i = close + 1 if close is not None else i
    steps = 0
    if i + 2 < len(toks) and [t.low for t in toks[i:i + 3]] == ["as", "well", "as"]:
        i += 2
    if i < len(toks) and (toks[i].low in {"and", "as"} or toks[i].low in MODIFIERS_BY):
        while i < len(toks) and steps < 9:
            low = toks[i].low
            if steps > 0 and (low in BOUNDARIES - {"and"} or low.endswith("ing") or (
                low in SPEECH_FORMS
            )):
                return None
            if steps == 1 and toks[i - 1].low == "and" and (low in AUX or low in BE):
                return None  # 'the Act and is not implemented': the verb has another subject
            if steps > 0 and (low in AUX or low in BE or (
                is_past(low) and low not in MODIFIERS_BY and low not in ED_ADJECTIVES
            )):
                return i
            if not toks[i].word and toks[i].text not in "-":
                return None
            i += 1
            steps += 1
        return None
    if i + 1 < len(toks) and toks[i].low == "on" and toks[i + 1].low in ADVERBS:
        return i + 2
    return i


def _object_of(toks: Sequence[Tok], first: int) -> _Found | None:
    """'helped the regime's army', 'blasting Washington': the referent right after a verb."""
    i = first - 1
    while i >= 0 and (toks[i].low in DETERMINERS or toks[i].text.replace(",", "").isdigit()):
        i -= 1
    if i < 0 or not toks[i].word:
        return None
    word = toks[i].low
    if word in PREPOSITIONS or word in BE or word in AUX or word in BOUNDARIES:
        return None
    verb = (word.endswith("ing") and base_form(word) != word) or is_verb(word) or (
        i > 0 and (toks[i - 1].low in AUX or toks[i - 1].low == "to")
        and word.isalpha() and word not in DETERMINERS and not word.endswith("ing")
    )
    if not verb or word in ED_ADJECTIVES or toks[i].cap or word in SPEECH_FORMS:
        return None  # a speech verb takes a clause: 'announced the army recaptured …'
    if i > 0 and (toks[i - 1].low in BE or toks[i - 1].low in DETERMINERS):
        return None  # 'was captured rebels' takes no object; 'the leading state' is adjectival
    return "patient", (toks[i].start, toks[i].end), False


# --------------------------------------------------------------------------- headlines


def headline_voice(article: Article, actions: Sequence[Action]) -> HeadlineVoice | None:
    """Who acts in the headline: the first agent among the title's referents, and whom it acts
    on; None when the article has no title."""
    if article.title_span is None:
        return None
    in_title = [a for a in actions if a.article == article.id
                and article.sentences[a.sentence].in_title]
    agents = sorted((a for a in in_title if a.role == "agent"), key=lambda a: a.verb_start)
    main = agents[0] if agents else None
    patients = [a for a in in_title if a.role == "patient"
                and (main is None or a.verb_start >= main.verb_start)]
    patient = patients[0] if patients else None
    verb = main.verb if main else patient.verb if patient else ""
    start, end = article.title_span
    return HeadlineVoice(
        article=article.id, outlet=article.outlet, title=article.text[start:end], verb=verb,
        agent=main.group if main else None,
        agent_text=article.text[main.start:main.end] if main else "",
        patient=patient.group if patient else None,
        patient_text=article.text[patient.start:patient.end] if patient else "",
    )
