"""Mentions, not words: a noun phrase naming an actor counts once, with its outlet's label.

Matching finds terms; a reader sees mentions. "Syrian President Bashar Al-Assad" is one mention
of Assad whose label is "Syrian President"; "the Islamic State (ISIS) group" one mention of ISIS;
"terror proxy Hezbollah" one mention of Hezbollah labelled "terror proxy". This pass runs after
matching and, article by article:

1. **Resolves discovered names and roles in their own article**: a one-word name ("Smith",
   from "Mr. Smith") goes to the person whose full name that article gives; a discovered role
   phrase ("the caravan", "the dictator") counts for a named actor only in an article where it
   stands beside that actor's name, and a plural ("the two leaders") never counts for one person.
2. **Merges adjacent matches of one referent** (only spaces between them, or "X (Y)") into one
   Match spanning the whole mention. Its term and connotation are the descriptor's (the part
   that is not a name; the first name when all are names) and ``label_span`` marks the
   descriptor's words. A cue-list descriptor right before a name ("dictator Kim Jong Un")
   becomes that mention's label too, and the referent's row gains the cue's term.

Every offset stays an offset into ``Article.text``; matches never overlap.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from framing.actors.words import (
    COLLECTIVES,
    CONNECTORS,
    DETERMINERS,
    GROUP_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from framing.lexicon.matching import fold
from framing.model import Corpus, Group, Match, Term
from framing.text.layer import TextLayer
from framing.text.tokens import without_possessive

APPOSITION = re.compile(r"\(?|,(?:\s*(?:the|a|an))?(?:\s+[\w'-]+){0,3}")
NOUN_OPENERS = frozenset({"DT", "PRP$", "POS", "JJ", "CD", "PDT", "WP$"})  # tags before a noun
SOMEONE_ELSE = frozenset({"another", "other"})  # "another actress" is not the actress
WORD_BEFORE = re.compile(r"([\w'-]+)\s+$")  # the word right before a role, in the same phrase
PERSON_NOUN = re.compile(r"(?:ist|ant|ator|tyrant|despot|thug|strongman|proxy|militia)$")


@dataclass(frozen=True)
class Terms:
    """The terms of every group by (group id, phrase), and which groups have name terms."""

    by_key: dict[tuple[str, str], Term]
    spelled: dict[tuple[str, str], str]  # (group id, spelling folded) -> the term's phrase
    named: frozenset[str]  # discovered groups with a name (a person or organisation)
    name_words: dict[str, frozenset[str]]  # per group, the words of its names, lower case


def resolve_mentions(
    corpus: Corpus, groups: Sequence[Group], matches: Sequence[Match]
) -> tuple[list[Group], list[Match]]:
    """The matches as mentions (see the module docstring), and the groups with any cue term a
    mention's label brought into a referent's row."""
    terms = _terms(groups)
    by_article: defaultdict[str, list[Match]] = defaultdict(list)
    for m in matches:
        by_article[m.article].append(m)
    found: dict[str, list[Match]] = {}
    beside: dict[str, set[tuple[str, str]]] = {}
    for article in corpus.articles:
        ordered = sorted(
            (_as_written(m, terms) for m in by_article[article.id]
             if _is_noun_phrase_head(article.layer, m, terms)),
            key=lambda m: (m.start, m.end),
        )
        found[article.id] = _own_names(ordered, terms)
        beside[article.id] = _beside(article.text, found[article.id], terms)
    titles = _titles(beside)
    resolved: list[Match] = []
    for article in corpus.articles:
        kept = _licensed_roles(article.text, found[article.id], terms, beside[article.id],
                               titles)
        resolved.extend(_merged(article.text, kept, terms))
    return _with_label_terms(groups, resolved, terms), resolved


def _is_noun_phrase_head(layer: TextLayer, m: Match, terms: Terms) -> bool:
    """A discovered role ("host", "coach", "model") names someone only as a noun: tagged a
    verb on the text layer, or after a modal ("will host the show"), it names no one ("to" is
    also a preposition: "said to police"). Names and lexicon terms are
    left as matched. (Dropping roles inside a longer word, "co-workers", or before a noun, "a
    family friend", cost more right mentions than wrong ones on the tune events.)"""
    if m.source != "discovered" or m.kind != "referent" or _is_discovered_name(m, terms):
        return True
    first, last = layer.token_index_at(m.start), layer.token_index_at(m.end - 1)
    if first is None or last is None:
        return True
    before = layer.tokens[first - 1].tag if first > 0 else ""
    if before == "MD":
        return False
    # the tagger reads "the suspect" as a verb too: after a determiner it is a noun
    return not layer.tokens[last].tag.startswith("VB") or first < last or before in NOUN_OPENERS


def _terms(groups: Sequence[Group]) -> Terms:
    by_key = {(g.id, t.phrase): t for g in groups for t in g.terms}
    named = frozenset(
        g.id for g in groups
        if g.origin == "discovered" and any(t.case_sensitive for t in g.terms)
    )
    spelled = {(g, _spelling(phrase)): phrase for g, phrase in by_key}
    name_words = {
        g.id: frozenset(w.lower() for t in g.terms if t.case_sensitive for w in _words(t.phrase))
        for g in groups if g.origin == "discovered"
    }
    return Terms(by_key=by_key, named=named, spelled=spelled, name_words=name_words)


def _spelling(text: str) -> str:
    """Lower case, plain quotes and spaces, no possessive: "Yousef al-Issa's" -> "yousef
    al-issa"."""
    return without_possessive(" ".join(fold(text).lower().split()))


def _as_written(m: Match, terms: Terms) -> Match:
    """A discovered label as this outlet spelled it: "Yousef al-Issa", not the "Yousef al Issa"
    another outlet wrote, when both spellings are terms of the row."""
    phrase = terms.spelled.get((m.group, _spelling(m.text)))
    return replace(m, term=phrase) if m.source == "discovered" and phrase else m


def _is_discovered_name(m: Match, terms: Terms) -> bool:
    term = terms.by_key.get((m.group, m.term))
    return m.source == "discovered" and term is not None and term.case_sensitive


def _words(text: str) -> list[str]:
    return [without_possessive(w) for w in re.findall(r"[\w.'-]+", text)]


def _own_names(found: list[Match], terms: Terms) -> list[Match]:
    """A one-word discovered name goes to the referent whose longer name, ending with it, this
    article gives ("Smith" after "Jane Smith"), not to whichever Smith the corpus names most."""
    full: dict[str, str] = {}  # a word of a full name in this article -> that name's group
    for m in found:
        words = _words(m.text)
        if _is_discovered_name(m, terms) and len(words) > 1:
            full.setdefault(words[-1], m.group)
    out = []
    for m in found:
        words = _words(m.text)
        owner = full.get(words[0]) if len(words) == 1 else None
        if _is_discovered_name(m, terms) and owner and owner != m.group:
            m = replace(m, group=owner)
        out.append(m)
    return out


def _beside(text: str, found: list[Match], terms: Terms) -> set[tuple[str, str]]:
    """(group, term) of the discovered roles this article puts beside the group's name."""
    beside: set[tuple[str, str]] = set()
    for a, b in pairwise(found):
        if a.group != b.group or not _apposed(text, a, b):
            continue
        names = _is_discovered_name(a, terms), _is_discovered_name(b, terms)
        if names == (False, True) and text[a.end : b.start].strip() in {"", "("}:
            beside.add((a.group, a.term))  # "dictator Kim", "the actress (Lohan)"
        elif names == (True, False):
            beside.add((b.group, b.term))  # "Lohan, a 24-year-old actress"
    return beside


def _titles(beside: dict[str, set[tuple[str, str]]]) -> dict[str, str]:
    """A one-person role the corpus gives one actor: "president" beside Trump's name in two
    articles or more, and beside no one else's (four in five at least)."""
    articles: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for pairs in beside.values():
        for group, term in pairs:
            articles[term.lower()][group] += 1
    titles = {}
    for term, owners in articles.items():
        (group, n), total = owners.most_common(1)[0], sum(owners.values())
        one_person = _head(term) in PERSON_NOUNS and n == total  # "actress": Lohan alone
        if ((n >= 2 and n >= 0.8 * total) or one_person) and (
            _head(term) not in GROUP_NOUNS | COLLECTIVES
        ):
            titles[term] = group
    return titles


def _licensed_roles(
    text: str, found: list[Match], terms: Terms, beside: set[tuple[str, str]],
    titles: dict[str, str],
) -> list[Match]:
    """Discovered role phrases of a named actor count where this article puts them beside
    that actor's name, or where the actor is named in the article and the corpus gives that
    one-person title to no one else ("the president" in an article that says "Mr. Trump";
    "the actress" where Lohan is named and the corpus calls no one else an actress); a plural
    role ("leaders") is nobody's one label, "another actress" is someone else, and a group
    noun ("the caravan") is never given to a person on another article's word."""
    pairs = {(g, _head(t)) for g, t in beside}
    holders = Counter(head for _, head in pairs)
    heads = {(g, head) for g, head in pairs if holders[head] == 1}  # one "director" only
    named = {m.group for m in found if _is_discovered_name(m, terms)}
    out = []
    for m in found:
        role = m.source == "discovered" and m.group in terms.named and not _is_discovered_name(
            m, terms
        )
        bare_head = (m.group, m.term.lower()) in heads  # "lawyer", not "London-based lawyer"
        licensed = _members(m, terms) or (m.group, m.term) in beside or (
            (bare_head or titles.get(m.term.lower()) == m.group)
            and m.group in named and _bare(text, m.start)
        )
        if role and (_plural_of(m) or not licensed):
            continue
        out.append(m)
    return out


def _members(m: Match, terms: Terms) -> bool:
    """A group's members, as a group, named with the group's name: "Hezbollah fighters",
    "TDCJ officials" stand for Hezbollah and the TDCJ (discovery gives no person such a
    label, and "an NBA coach" is one person, not the NBA)."""
    words = [w.lower() for w in _words(m.text)]
    last = words[-1] if words else ""
    many = (last.endswith("s") and not last.endswith("ss")) or last in COLLECTIVES
    return many and bool(set(words[:-1]) & terms.name_words.get(m.group, frozenset()))


def _bare(text: str, start: int) -> bool:
    """A role with no words of its own before it ("the lawyer", "his lawyer"): the one the
    corpus means by it. "Another actress", "a London-based lawyer", "the former president"
    describe someone the article sets apart."""
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    word = before.group(1).lower() if before else "the"
    return word in DETERMINERS and word not in SOMEONE_ELSE


def _apposed(text: str, a: Match, b: Match) -> bool:
    """Side by side in one noun phrase ("dictator Kim") or in apposition ("Kim, the dictator",
    "Lohan, a 24-year-old actress")."""
    gap = text[a.end : b.start].strip().lower()
    return a.sentence == b.sentence and APPOSITION.fullmatch(gap) is not None


def _head(phrase: str) -> str:
    words = phrase.lower().split()
    return words[-1] if words else ""


def _plural_of(m: Match) -> bool:
    """'leaders' matched by the term 'leader': several people."""
    written = _words(m.text)
    last = written[-1].lower() if written else ""
    head = _head(m.term)
    return last != head and last.startswith(head[:-1] if head.endswith("y") else head)


def _is_name(m: Match, terms: Terms) -> bool:
    """A name rather than a descriptor: a discovered name, or a lexicon phrase written all in
    capitals and initials ("Islamic State", "ISIS", "Hezbollah") with no title in it."""
    if m.kind != "referent":
        return False
    if m.source == "discovered":
        return _is_discovered_name(m, terms)
    words = [w for w in _words(m.text) if w.lower() not in CONNECTORS]
    return bool(words) and all(
        w[0].isupper() and w.lower().rstrip(".") not in TITLE_WORDS for w in words
    )


def _descriptor_cue(m: Match) -> bool:
    """A cue that names what someone is ("dictator", "terrorist"), so it can label a mention."""
    if m.kind != "cue":
        return False
    head = _head(m.term)
    singular = head[:-1] if head.endswith("s") else head
    return singular in ROLE_NOUNS or bool(PERSON_NOUN.search(singular))


def _joins(text: str, a: Match, b: Match) -> int | None:
    """Where the mention would end if b continues a's noun phrase: only spaces between them,
    or "X (Y)" (then the closing bracket is part of it); None otherwise."""
    if a.sentence != b.sentence:
        return None
    gap = text[a.end : b.start]
    if gap.strip() == "":
        return b.end
    if gap.strip() == "(" and text[b.end : b.end + 1] == ")":
        return b.end + 1
    return None


def _merged(text: str, found: list[Match], terms: Terms) -> list[Match]:
    """Runs of adjacent matches of one referent (a descriptor cue may open a run) as one."""
    out: list[Match] = []
    run: list[Match] = []
    end = 0
    for m in found:
        if run:
            joined = _joins(text, run[-1], m)
            referent = next((r for r in run if r.kind == "referent"), None)
            same = m.kind == "referent" and (
                (referent is None and all(_descriptor_cue(r) for r in run))
                or (referent is not None and referent.group == m.group)
            )
            if joined is not None and same:
                run.append(m)
                end = joined
                continue
            out.append(_mention(text, run, end, terms))
        run, end = [m], m.end
    if run:
        out.append(_mention(text, run, end, terms))
    return out


def _mention(text: str, run: list[Match], end: int, terms: Terms) -> Match:
    """One Match for the whole run: the referent's group, the descriptor's label."""
    if len(run) == 1:
        return run[0]
    referent = next(m for m in run if m.kind == "referent")
    label = next((m for m in run if not _is_name(m, terms)), run[0])
    start = run[0].start
    return replace(
        referent, start=start, end=end, text=text[start:end], term=label.term,
        connotation=label.connotation, source=label.source, kind="referent",
        label_span=(label.start, label.end),
    )


def _with_label_terms(
    groups: Sequence[Group], matches: Sequence[Match], terms: Terms
) -> list[Group]:
    """A referent whose mention took a cue's word as its label gets that term in its row."""
    have = {(g.id, t.phrase) for g in groups for t in g.terms}
    extra: defaultdict[str, list[Term]] = defaultdict(list)
    cue_terms = {phrase: t for (_, phrase), t in terms.by_key.items()}
    for m in matches:
        if (m.group, m.term) not in have and m.term in cue_terms:
            extra[m.group].append(cue_terms[m.term])
            have.add((m.group, m.term))
    return [replace(g, terms=g.terms + tuple(extra[g.id])) if extra[g.id] else g for g in groups]
