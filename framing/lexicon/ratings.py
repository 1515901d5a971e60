"""Give discovered labels the rating their words carry in the lexicons loaded.

Discovery finds actors no lexicon names and their labels ("North Korean dictator" for Kim Jong
Un). Such a label used to show as unrated even when its words are rated in a lexicon: "dictator"
is negative in the cue lists, so the contrast a reader looks for ("dictator" against "leader")
had no connotation. A rated word keeps its rating whatever referent it attaches to: a
discovered label takes the connotation, strength and note of the lexicon term it holds, its head
word or a whole lexicon phrase inside it. A discovered proper name no lexicon rates ("Kim Jong
Un") counts as neutral, as names do in the lexicons ("Hezbollah"), so that an outlet that
writes "dictator" and one that writes only the name can be set side by side on one bar.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from framing.lexicon.matching import compile_terms, find_matches, index_terms
from framing.model import Article, Group, Lexicon, Match, Sentence, Term
from framing.text.layer import build_layer


def rate_discovered(groups: Sequence[Group], lexicons: Iterable[Lexicon]) -> list[Group]:
    """``groups`` with each discovered label rated from the lexicons, where its words are
    rated there, and each discovered name neutral; lexicon groups and other labels no lexicon
    rates are returned unchanged. With no lexicon loaded, nothing is rated."""
    lexicon_groups = [g for lex in lexicons for g in lex.groups]
    if not lexicon_groups or all(g.origin != "discovered" for g in groups):
        return list(groups)  # no lexicon, no ratings: not even a name's
    by_id = {g.id: g for g in lexicon_groups}
    index = index_terms(compile_terms(lexicon_groups))
    terms = {(g.id, t.phrase): t for g in lexicon_groups for t in g.terms}
    rated = []
    for group in groups:
        if group.origin != "discovered":
            rated.append(group)
            continue
        new_terms = []
        for term in group.terms:
            found = _rating(term.phrase, find_matches(_label_article(term.phrase), index))
            if found is None:
                new_terms.append(_as_name(term) if term.case_sensitive else term)
                continue
            source = terms[(found.group, found.term)]
            new_terms.append(_rated(term, source, by_id[found.group]))
        rated.append(replace(group, terms=tuple(new_terms)))
    return rated


def _rating(label: str, matches: Sequence[Match]) -> Match | None:
    """The lexicon match that rates a label: a negative or positive one before a neutral one
    ("rebel commander" is a rebel's label first), the head word before other words, then the
    longest; a neutral term rates the label only as its head word."""
    rated = [m for m in matches if m.connotation != "unrated"]
    loaded = [m for m in rated if m.connotation != "neutral"]
    head = [m for m in rated if m.end == len(label.rstrip())]
    for pool in ([m for m in loaded if m in head], loaded, head):
        if pool:
            return max(pool, key=lambda m: (m.end - m.start, -m.start))
    return None


def _rated(label: Term, source: Term, group: Group) -> Term:
    """The discovered label with the lexicon term's connotation, strength and note."""
    where = f" ({group.lexicon})" if group.lexicon else ""
    return replace(
        label,
        connotation=source.connotation,
        strength=source.strength,
        note=f"Rated as the lexicon term '{source.phrase}'{where}: {source.note}",
    )


def _as_name(label: Term) -> Term:
    """A proper name discovery found, which no lexicon rates: neutral, like a lexicon's names."""
    return replace(label, connotation="neutral",
                   note="A name found in these articles; counted as neutral, as names are.")


def _label_article(label: str) -> Article:
    """A label alone as a one-sentence article, for the matcher."""
    return Article(
        id="label", source="label", outlet="label", text=label, title="", title_span=None,
        paragraphs=((0, len(label)),), sentences=(Sentence(start=0, end=len(label)),),
        removed=(), words=len(label.split()), layer=build_layer(label, [(0, len(label))]),
    )
