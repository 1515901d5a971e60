"""Choose the lexicon packs that fit a corpus, and say why.

General packs (cue lists, places) are always used. A domain pack (a conflict, immigration,
abortion, …) is used when its terms are dense and distinctive in the articles, whatever their
length: several different terms of the pack (one stray "government" in a story about a tax bill
is no fit), used by more than one outlet (one outlet's aside is no fit either), and often
enough for the length (a few stray words in a long story are no fit). There is no minimum count
of matches: two short articles that write "illegal aliens" and "undocumented immigrants and
asylum-seekers" are an immigration story, though they hold only four matches.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from framing.lexicon.files import pack_name
from framing.model import Corpus, Lexicon, Match, PackChoice

MIN_TERMS = 3  # different terms of the pack that must occur
MIN_OUTLETS = 2  # outlets that must use them (every outlet, when there are fewer)
MIN_RATE = 5.0  # occurrences per 1,000 words: a few stray words in a long story are not a fit
SHOWN = 5  # terms named in the reason


def choose_packs(
    corpus: Corpus,
    lexicons: Sequence[Lexicon],
    matches: Sequence[Match],
    forced: Collection[str] = (),
) -> tuple[PackChoice, ...]:
    """One choice per lexicon, in the given order, from ``matches`` of all of them together
    (a phrase two files share counts for the one that wins it, as it would in the report).

    ``forced`` names lexicons (by path as shown, or file stem) that are used whatever they
    find: the user's own files and packs asked for with --pack.
    """
    domain = [lex for lex in lexicons if lex.scope == "domain"]
    tally = _tally(domain, matches)
    words = max(sum(a.words for a in corpus.articles), 1)
    min_outlets = max(1, min(MIN_OUTLETS, len(corpus.outlets)))
    choices = []
    for lexicon in lexicons:
        if lexicon.scope == "general":
            choices.append(PackChoice(lexicon=lexicon, chosen=True, reason="general: always used"))

            continue
        terms, outlets = tally.get(lexicon.path, (Counter(), set()))
        found = sum(terms.values())
        ranked = sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))
        named = ", ".join(term for term, _ in ranked[:SHOWN])
        rate = 1000 * found / words
        evidence = (
            f"{_n(found, 'match')} of {_n(len(terms), 'term')} in {_n(len(outlets), 'outlet')}"
            f", {rate:.1f} per 1,000 words"
        )
        evidence += f" ({named})" if named else ""
        fits = len(terms) >= MIN_TERMS and len(outlets) >= min_outlets and rate >= MIN_RATE
        if _is_forced(lexicon, forced):
            reason = f"asked for: {evidence}"
        elif fits:
            reason = f"fits: {evidence}"
        else:
            reason = (
                f"left out: {evidence}; a pack needs {MIN_TERMS} different terms, "
                f"used in {_n(min_outlets, 'outlet')} and {MIN_RATE:.0f} matches per 1,000 words"
            )
        choices.append(PackChoice(
            lexicon=lexicon, chosen=fits or _is_forced(lexicon, forced), reason=reason,
            matches=found, terms=len(terms), outlets=len(outlets),
        ))
    return tuple(choices)


def _n(count: int, word: str) -> str:
    plural = word + ("es" if word.endswith("ch") else "s")
    return f"{count} {word if count == 1 else plural}"


def _is_forced(lexicon: Lexicon, forced: Collection[str]) -> bool:
    return lexicon.path in forced or pack_name(lexicon) in forced


def _tally(
    domain: Sequence[Lexicon], matches: Sequence[Match]
) -> dict[str, tuple[Counter[str], set[str]]]:
    """For each domain pack: its terms' occurrences and the outlets they occur in."""
    owner = {g.id: lex.path for lex in domain for g in lex.groups}
    terms: defaultdict[str, Counter[str]] = defaultdict(Counter)
    outlets: defaultdict[str, set[str]] = defaultdict(set)
    for match in matches:
        path = owner.get(match.group)
        if path is not None:
            terms[path][match.term] += 1
            outlets[path].add(match.outlet)
    return {path: (terms[path], outlets[path]) for path in terms}
