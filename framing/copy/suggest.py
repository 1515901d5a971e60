"""Draft lexicon entries from the changes editors made to shared copy.

Where two outlets carry the same sentence and one editor changed the words for an actor
("fighters from Hezbollah" / "troops from Lebanon's Hezboll-ah movement"), the two wordings are
labels for the same referent. The wordings no lexicon holds yet are ranked by how often and how
consistently they replace each other, and written out as a draft TOML lexicon for a person to
confirm. Each term's connotation is left for that person: its line is commented out, so
`framing lexicon check` names every term still missing one. Each term carries, in comments, the
sentences it came from.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from framing.copy.alignment import AlignmentReport, Edit, ReferentIndex, SentenceRef
from framing.lexicon.matching import fold
from framing.model import Group, Match, Report

EVIDENCE = 3  # aligned sentence pairs quoted for each substitution


@dataclass(frozen=True, kw_only=True)
class SuggestConfig:
    max_words: int = 6  # a longer replacement is a rewrite, not a label
    min_count: int = 1  # a pair of wordings must replace each other at least this often


@dataclass(frozen=True, kw_only=True)
class Substitution:
    """Two wordings for one referent that replace each other in aligned sentences."""

    referent: str
    phrase_a: str  # as written (quotes and spaces made plain) in the first article
    phrase_b: str
    known_a: str | None  # the lexicon term the wording already is, if it is one
    known_b: str | None
    count: int  # edits in which the two replace each other
    consistency: float  # count / edits in which either wording takes part
    edits: tuple[Edit, ...]

    @property
    def score(self) -> float:
        return self.count * self.consistency


@dataclass(frozen=True, kw_only=True)
class SuggestedTerm:
    """A wording to add to a referent, and the substitutions it was seen in, best first."""

    referent: str
    phrase: str
    score: float
    substitutions: tuple[Substitution, ...]


@dataclass(frozen=True)
class _Wording:
    phrase: str
    known: str | None


def draft_lexicon(
    report: Report, alignment: AlignmentReport, config: SuggestConfig | None = None
) -> str:
    """The draft TOML lexicon of the wordings editors swapped for referents."""
    return render_draft(report, alignment, suggest_terms(report, alignment, config))


def suggest_terms(
    report: Report, alignment: AlignmentReport, config: SuggestConfig | None = None
) -> tuple[SuggestedTerm, ...]:
    """New wordings for referents, ranked by how often and how consistently they were swapped."""
    config = config or SuggestConfig()
    found = _substitutions(report, alignment, config)
    known = _known_spellings(report)
    by_phrase: dict[str, list[Substitution]] = defaultdict(list)
    for sub in found:
        for phrase, lexicon_term in ((sub.phrase_a, sub.known_a), (sub.phrase_b, sub.known_b)):
            if lexicon_term is None and _key(phrase) not in known:
                by_phrase[phrase].append(sub)
    terms: dict[str, SuggestedTerm] = {}
    for phrase, subs in by_phrase.items():
        subs.sort(key=lambda s: (-s.score, -s.count, s.phrase_a, s.phrase_b))
        best = subs[0]
        term = SuggestedTerm(referent=best.referent, phrase=phrase,
                             score=round(sum(s.score for s in subs), 4), substitutions=tuple(subs))
        # one entry per spelling in a file: the first spelling and best referent win
        current = terms.get(_key(phrase))
        if current is None or (term.score, current.phrase) > (current.score, term.phrase):
            terms[_key(phrase)] = term
    return tuple(sorted(terms.values(), key=lambda t: (-t.score, t.referent, t.phrase)))


def _substitutions(
    report: Report, alignment: AlignmentReport, config: SuggestConfig
) -> list[Substitution]:
    """Replacements that swap one label of a referent for another, counted by pair."""
    referents = ReferentIndex(report.matches)
    texts = {a.id: a.text for a in report.corpus.articles}
    names = {group.id: _one_word_spellings(group) for group in report.groups}
    pairs: dict[tuple[str, str, str], list[tuple[_Wording, _Wording, Edit]]] = defaultdict(list)
    for edit in alignment.edits:
        if edit.op != "replace" or edit.referent is None:
            continue
        spellings = names.get(edit.referent, frozenset())
        a = _wording(edit, "a", referents, texts, spellings)
        b = _wording(edit, "b", referents, texts, spellings)
        if a is None or b is None or (a.known and b.known) or _key(a.phrase) == _key(b.phrase):
            continue
        if max(len(a.phrase.split()), len(b.phrase.split())) > config.max_words:
            continue
        low, high = sorted((_key(a.phrase), _key(b.phrase)))
        pairs[edit.referent, low, high].append((a, b, edit))
    taking_part = Counter(k for (_, low, high), seen in pairs.items()
                          for k in (low, high) for _ in seen)
    found = []
    for (referent, low, high), seen in sorted(pairs.items()):
        if len(seen) < config.min_count:
            continue
        a, b, _ = seen[0]
        found.append(Substitution(
            referent=referent, phrase_a=a.phrase, phrase_b=b.phrase, known_a=a.known,
            known_b=b.known, count=len(seen),
            consistency=round(len(seen) / (taking_part[low] + taking_part[high] - len(seen)), 4),
            edits=tuple(edit for _, _, edit in seen),
        ))
    return found


def _wording(
    edit: Edit,
    side: str,
    referents: ReferentIndex,
    texts: dict[str, str],
    spellings: frozenset[str],
) -> _Wording | None:
    """One side of a replacement widened to the referent's terms it cuts into.

    None when that side names another referent instead, or names none while the other side is
    more than exactly one of the referent's terms (then nothing says the two are labels). A side
    that touches another referent ("Lebanon's") still counts when it spells the referent's name
    with a typo the lexicon does not match ("Hezboll-ah"; ``spellings``: the referent's one-word
    spellings, see _one_word_spellings): that typo is what a person may want to see, and the
    lexicon does not list typos.
    """
    article, span = (edit.article_a, edit.a_span) if side == "a" else (edit.article_b, edit.b_span)
    other_article, other_span = (
        (edit.article_b, edit.b_span) if side == "a" else (edit.article_a, edit.a_span)
    )
    touching = referents.touching(article, span)
    own = [m for m in touching if m.group == edit.referent]
    if not own:
        other = [m for m in referents.touching(other_article, other_span)
                 if m.group == edit.referent]
        if not _is_one_term(other, other_span):
            return None
        if touching and not _misspells(texts[article][span[0] : span[1]], spellings):
            return None
    start = min([span[0], *(m.start for m in own)])
    end = max([span[1], *(m.end for m in own)])
    phrase = " ".join(fold(texts[article][start:end]).split())
    return _Wording(phrase, own[0].term if _is_one_term(own, (start, end)) else None)


def _is_one_term(matches: Sequence[Match], span: tuple[int, int]) -> bool:
    return len(matches) == 1 and (matches[0].start, matches[0].end) == span


def _letters(word: str) -> str:
    return "".join(c for c in fold(word).casefold() if c.isalnum())


def _one_word_spellings(group: Group) -> frozenset[str]:
    """The referent's one-word spellings ("Hezbollah", "Hizb-Allah"), letters and digits only.

    Case-sensitive terms ("IS") and spellings under four letters are left out: without their
    capitals or punctuation they are ordinary words ("is").
    """
    spellings = (s for term in group.terms if not term.case_sensitive
                 for s in (term.phrase, *term.variants) if len(s.split()) == 1)
    return frozenset(letters for s in spellings if len(letters := _letters(s)) >= 4)


def _misspells(text: str, spellings: frozenset[str]) -> bool:
    """Whether a word of ``text``, punctuation set aside, is one of ``spellings``.

    Called for a side where the matcher found no term of the referent: "Hezboll-ah" is
    "Hezbollah" with a hyphen inside, which the matcher, reading whole words, does not see.
    """
    return any(_letters(word) in spellings for word in text.split())


def _key(phrase: str) -> str:
    return " ".join(fold(phrase).casefold().split())


def _known_spellings(report: Report) -> set[str]:
    """Every phrase and variant of every loaded lexicon, compared as _key does."""
    return {
        _key(spelling)
        for lexicon in report.lexicons for group in lexicon.groups for term in group.terms
        for spelling in (term.phrase, *term.variants)
    }


# --------------------------------------------------------------------------- rendering


def render_draft(
    report: Report, alignment: AlignmentReport, terms: Sequence[SuggestedTerm]
) -> str:
    """The suggestions as a lexicon file: valid once a person sets each connotation."""
    name = report.corpus.name
    about = f"Wordings swapped for the same referent in aligned sentences of {name}; to confirm."
    lines = [
        f"# Draft lexicon: wordings editors swapped in copy shared across the corpus {name}.",
        "# Nothing here is confirmed. For each term: read the sentences quoted above it, keep it",
        "# only if it labels the referent, uncomment its connotation and keep one of negative,",
        "# neutral or positive (a negative or positive term also gets a strength: mild, clear or",
        "# strong; see lexicons/README.md), and improve its note for a student. Delete the terms",
        "# you reject.",
        "# `framing lexicon check` on this file names every term still without a connotation.",
        "# Referent ids repeat the lexicon's: move confirmed terms under the referent of the same",
        "# id in that lexicon (loaded beside it, this file would repeat its ids).",
        "",
        f"name = {_toml(f'Draft: labels from shared copy in {name}')}",
        f"description = {_toml(about)}",
        "",
        "[[sources]]",
        f"title = {_toml(f'Aligned sentences of the corpus {name} (framing lexicon suggest)')}",
    ]
    if not terms:
        lines += ["", "# No substitution of one referent's label for another was found."]
    groups = {g.id: g for g in report.groups}
    for referent in _referent_order(terms):
        lines += ["", *_referent_lines(groups.get(referent), referent)]
        for term in (t for t in terms if t.referent == referent):
            lines += ["", *_term_lines(term, report, alignment)]
    return "\n".join(lines) + "\n"


def _referent_order(terms: Sequence[SuggestedTerm]) -> list[str]:
    """Referents in the order of their best term."""
    order: list[str] = []
    for term in terms:
        if term.referent not in order:
            order.append(term.referent)
    return order


def _referent_lines(group: Group | None, referent: str) -> list[str]:
    name = group.name if group else referent
    origin = f"the lexicon {group.lexicon}" if group and group.lexicon else "the text"
    return [
        "[[referent]]",
        f"id = {_toml(referent)}",
        f"name = {_toml(name)}",
        f"description = {_toml(f'Draft terms for {name} (from {origin}).')}",
    ]


def _term_lines(term: SuggestedTerm, report: Report, alignment: AlignmentReport) -> list[str]:
    lines = [f"# TO CONFIRM: {term.phrase!r} (score {term.score:.2f})"]
    for sub in term.substitutions:
        other, known = ((sub.phrase_b, sub.known_b) if sub.phrase_a == term.phrase
                        else (sub.phrase_a, sub.known_a))
        in_lexicon = f" (lexicon term {known!r})" if known else ""
        lines.append(f"# in place of {other!r}{in_lexicon}: {sub.count} time(s), "
                     f"consistency {sub.consistency:.2f}")
        for edit in sub.edits[:EVIDENCE]:
            al = alignment.alignments[edit.alignment]
            for refs in (al.a, al.b):
                lines.append(f"#   {_where(refs, report)}: {_quote(refs, report)}")
    counterparts = sorted({s.phrase_b if s.phrase_a == term.phrase else s.phrase_a
                           for s in term.substitutions})
    note = ("Written in the same shared sentence where another outlet has "
            + " or ".join(f"'{c}'" for c in counterparts) + ".")
    return [
        *lines,
        "[[referent.term]]",
        f"phrase = {_toml(term.phrase)}",
        '# connotation = "negative | neutral | positive"  # TO CONFIRM: keep one, uncomment',
        '# strength = "mild | clear | strong"  # for a negative or positive term: keep one',
        f"note = {_toml(note)}",
    ]


def _where(refs: Sequence[SentenceRef], report: Report) -> str:
    article = report.corpus.article(refs[0].article)
    outlet = report.corpus.outlet(article.outlet).name
    numbers = ", ".join(str(r.sentence) for r in refs)
    return f"{outlet}, {article.id}, sentence {numbers}"


def _quote(refs: Sequence[SentenceRef], report: Report) -> str:
    article = report.corpus.article(refs[0].article)
    spans = [article.sentences[r.sentence] for r in refs]
    return " ".join(" ".join(fold(article.text[s.start : s.end]).split()) for s in spans)


def _toml(text: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML)."""
    return json.dumps(text, ensure_ascii=False)
