"""The findings discussion questions rest on, each a small frozen record ranked best first.

Each finder reads a Report's label counts and returns what is worth asking about: two outlets
labelling one referent in opposite tones (``label_contrasts``), loaded labels only one outlet
uses (``loaded_labels``), referents all outlets but one name or only one names (``omissions``,
``exclusives``), who uses loaded or hedging cues (``cue_uses``), and the distinctive terms that
tell something (``telling_terms``). ``framing.classroom.questions`` words them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from framing.actors.words import HONORIFICS, TITLE_WORDS
from framing.anchors import pair_anchor, quote_id, sentence_id, voice_anchor
from framing.classroom.blind import MASK
from framing.counts.scoring import STRENGTH_VALUE, label_key
from framing.model import DistinctiveTerm, Group, LabelCount, Report

MIN_CONTRAST = 0.5  # gap in tone (see Tally.tone) that makes a contrast worth asking about
CLEAR = STRENGTH_VALUE["clear"]
CAPITALISED = re.compile(r"\b[A-Z][^\W_]*")
LABEL_WORDS = 5  # a changed label is a few words; a longer change rewrote the sentence
MIN_DISTINCTIVE = 3  # a distinctive term needs at least this many uses to carry a question


@dataclass(frozen=True, kw_only=True)
class Tally:
    """An outlet's labels for one referent or cue category, most frequent first."""

    outlet: str
    group: str
    labels: tuple[LabelCount, ...]

    @property
    def total(self) -> int:
        return sum(label.count for label in self.labels)

    def count(self, *connotations: str) -> int:
        return sum(label.count for label in self.labels if label.connotation in connotations)

    def rated(self) -> int:
        return self.count("negative", "neutral", "positive")

    def tone(self) -> float:
        """How unfavourable the rated labels lean, strength weighed: their mean signed score,
        negated, in units of a clear label (all clear and negative: 1.0; all strong: 1.5;
        all mild: 0.5), so "terror proxy" weighs more than "militia"."""
        rated = [(label.score, label.count) for label in self.labels if label.score is not None]
        mentions = sum(count for _, count in rated)
        total = sum(score * count for score, count in rated)
        return -total / (CLEAR * mentions) if mentions else 0.0

    def top(self, *connotations: str, n: int = 2) -> tuple[LabelCount, ...]:
        return tuple(label for label in self.labels if label.connotation in connotations)[:n]


@dataclass(frozen=True, kw_only=True)
class LabelContrast:
    """Two outlets name one referent in opposite tones: the most and the least negative."""

    group: str
    harsh: Tally
    mild: Tally
    gap: float


@dataclass(frozen=True, kw_only=True)
class Pooled:
    """One label added up over outlets: the lexicon entry (or the words) and its rows."""

    term: str
    rows: tuple[LabelCount, ...]

    @property
    def count(self) -> int:
        return sum(row.count for row in self.rows)


@dataclass(frozen=True, kw_only=True)
class LoadedLabel:
    """Loaded labels for a referent that only one outlet uses, and what the others write."""

    group: str
    outlet: str
    labels: tuple[LabelCount, ...]
    others: tuple[Pooled, ...]  # the other outlets' most used labels, added up over them
    elsewhere: int  # the other outlets' mentions of the referent, all labels
    absent: tuple[str, ...]  # the other outlets (none writes ``labels``)


@dataclass(frozen=True, kw_only=True)
class Omission:
    """A referent every outlet names but one (``missing``), or only one names (``alone``)."""

    group: str
    named_by: tuple[Tally, ...]
    missing: tuple[str, ...]  # outlet ids that never name it


@dataclass(frozen=True, kw_only=True)
class CueUse:
    """The loaded or hedging cues of one category: who uses them, and who never does."""

    group: str
    users: tuple[Tally, ...]  # outlets using the cues, most first
    never: tuple[str, ...]  # outlets using none
    baseline: tuple[str, int] | None = None  # the category's most used neutral term, in all


@dataclass(frozen=True, kw_only=True)
class WireEdit:
    """Two outlets print one sentence nearly alike and one changed a label (from the alignment)."""

    outlets: tuple[str, str]  # outlet ids: the first writes ``before``, the second ``after``
    before: str
    after: str
    shared: int  # sentences the two outlets share in all
    sentences: tuple[str, str] = ("", "")  # the two sentences' ids
    anchor: str = ""  # the pair's shared sentences in the report


@dataclass(frozen=True, kw_only=True)
class VoiceCount:
    """How often an outlet quotes or cites one named speaker (from the quotation finder)."""

    outlet: str  # outlet id
    speaker: str  # as the report names the speaker: "media activist Khalid Halabi"
    count: int
    alone: bool = False  # no other outlet quotes anyone of that family name
    quotes: tuple[str, ...] = ()  # the quotations' ids
    anchor: str = ""



def tallies(report: Report, group: str) -> dict[str, Tally]:
    """Each outlet's labels for ``group`` (outlets that use none are absent), in outlet order."""
    rows: defaultdict[str, list[LabelCount]] = defaultdict(list)
    for label in report.labels:
        if label.group == group:
            rows[label.outlet].append(label)
    return {
        outlet.id: Tally(outlet=outlet.id, group=group,
                         labels=tuple(sorted(rows[outlet.id], key=lambda r: (-r.count, r.term))))
        for outlet in report.corpus.outlets if rows[outlet.id]
    }


def label_contrasts(report: Report) -> list[LabelContrast]:
    """Per rated referent, the most and least negative outlets, when their tones differ enough."""
    found = []
    for group in report.groups:
        if group.kind != "referent" or group.origin != "lexicon":
            continue
        rated = [t for t in tallies(report, group.id).values() if t.rated()]
        if len(rated) < 2:
            continue
        harsh = max(rated, key=lambda t: (t.tone(), t.rated()))  # first in outlet order on ties
        mild = min(rated, key=lambda t: (t.tone(), -t.rated()))
        gap = harsh.tone() - mild.tone()
        if gap >= MIN_CONTRAST and harsh.top("negative") and mild.top("neutral", "positive"):
            found.append(LabelContrast(group=group.id, harsh=harsh, mild=mild, gap=gap))
    found.sort(key=lambda c: (-round(c.gap, 6), -(c.harsh.rated() + c.mild.rated())))
    return found


def loaded_labels(report: Report) -> list[LoadedLabel]:
    """Negative or positive labels for a referent that no other outlet uses for it, with the
    labels the other outlets use most, whatever their tone ("militia" beside "fighters")."""
    found = []
    outlets = [o.id for o in report.corpus.outlets]
    for group in report.groups:
        if group.kind != "referent":
            continue
        per_outlet = tallies(report, group.id)
        for outlet, tally in per_outlet.items():
            rest = [t for t in per_outlet.values() if t is not tally]
            elsewhere = {_entry(label) for t in rest for label in t.labels}
            own = tuple(label for label in tally.top("negative", "positive", n=99)
                        if _entry(label) not in elsewhere)
            if own and rest:
                found.append(LoadedLabel(
                    group=group.id, outlet=outlet, labels=own[:3], others=tuple(_pooled(rest)[:4]),
                    elsewhere=sum(t.total for t in rest),
                    absent=tuple(o for o in outlets if o != outlet)))
    found.sort(key=lambda f: -sum(label.count for label in f.labels))
    return found


def _pooled(tallies_: Iterable[Tally]) -> list[Pooled]:
    """The outlets' labels added up over outlets, one per lexicon entry (or words), most first."""
    rows: defaultdict[str, list[LabelCount]] = defaultdict(list)
    for t in tallies_:
        for label in t.labels:
            rows[_entry(label)].append(label)
    pooled = [Pooled(term=term, rows=tuple(found)) for term, found in rows.items()]
    return sorted(pooled, key=lambda p: (-p.count, p.term))


def _entry(label: LabelCount) -> str:
    """What makes two outlets' labels the same word: the lexicon entry both matched
    ("Hezbollah militias" and "Lebanese Hezbollah militia" are one), else the words."""
    return label.lexicon_term or label.term


def omissions(report: Report) -> list[Omission]:
    """Referents every outlet but one names, most mentioned first (three outlets at least)."""
    n = len(report.corpus.outlets)
    return [o for o in _naming(report) if len(o.missing) == 1 and len(o.named_by) == n - 1]


def exclusives(report: Report) -> list[Omission]:
    """Referents only one outlet names (three outlets at least); lexicon referents first."""
    n = len(report.corpus.outlets)
    return [o for o in _naming(report) if len(o.named_by) == 1 and len(o.missing) == n - 1]


def _naming(report: Report) -> list[Omission]:
    """Who names each referent. An outlet that names it by no label counted but writes a word
    of its name ("Chinese" where the lexicon counts "China") is neither naming nor missing:
    no question may say it never mentions the actor."""
    outlets = [o.id for o in report.corpus.outlets]
    if len(outlets) < 3:
        return []
    origin = {g.id: g.origin for g in report.groups}
    words = _capitalised_words(report)
    found = []
    for group in report.groups:
        if group.kind != "referent":
            continue
        named = tallies(report, group.id)
        stems = _name_stems(group)
        missing = tuple(o for o in outlets if o not in named
                        and not any(w.startswith(stems) for w in words[o]))
        found.append(Omission(group=group.id, named_by=tuple(named.values()), missing=missing))
    found.sort(key=lambda o: (origin[o.group] != "lexicon", -sum(t.total for t in o.named_by)))
    return found


def _capitalised_words(report: Report) -> dict[str, set[str]]:
    """Each outlet's capitalised words, folded: where a name may be written."""
    words: defaultdict[str, set[str]] = defaultdict(set)
    for article in report.corpus.articles:
        words[article.outlet].update(w.casefold() for w in CAPITALISED.findall(article.text))
    return words


def _name_stems(group: Group) -> tuple[str, ...]:
    """The beginnings of the proper names in a referent's name and terms ("Chin" of "China",
    "Gigant" of "Gigante"), which its other forms share ("Chinese"); titles left out."""
    phrases = (group.name, *(t.phrase for t in group.terms))
    names = {w for p in phrases for w in CAPITALISED.findall(p)
             if len(w) >= 3 and w.casefold() not in TITLE_WORDS | HONORIFICS}
    return tuple(sorted({w[: max(4, len(w) - 2)].casefold() for w in names})) or ("\0",)


def cue_uses(report: Report, groups: Iterable[str], loaded_only: bool = True) -> list[CueUse]:
    """For each cue category, who uses its loaded (or, with ``loaded_only`` off, any) terms."""
    found = []
    wanted = ("negative", "positive") if loaded_only else ("negative", "neutral", "positive")
    for group in groups:
        per_outlet = tallies(report, group)
        users = [Tally(outlet=t.outlet, group=group, labels=t.top(*wanted, n=99))
                 for t in per_outlet.values() if t.count(*wanted)]
        if not users:
            continue
        users.sort(key=lambda t: -t.total)  # stable: outlet order on ties
        never = tuple(o.id for o in report.corpus.outlets
                      if o.id not in {t.outlet for t in users})
        neutral: Counter[str] = Counter()
        for t in per_outlet.values():
            neutral.update({label.term: label.count for label in t.top("neutral", n=99)})
        baseline = min(neutral.items(), key=lambda kv: (-kv[1], kv[0])) if neutral else None
        found.append(CueUse(group=group, users=tuple(users), never=never, baseline=baseline))
    found.sort(key=lambda c: -c.users[0].total)
    return found


def telling_terms(report: Report) -> list[DistinctiveTerm]:
    """Distinctive terms worth a question, highest z first.

    Used often enough (``MIN_DISTINCTIVE``), longer than two letters, not masked and not the
    outlets' own names ("ara news" is distinctive of ARA News, and tells nothing).
    """
    name_words = {word.casefold() for o in report.corpus.outlets
                  for word in re.findall(r"\w+", o.name)}
    found = [d for d in report.distinctive
             if d.count >= MIN_DISTINCTIVE and len(d.term) > 2 and MASK not in d.term
             and not all(word.casefold() in name_words for word in d.term.split())]
    found.sort(key=lambda d: -d.log_odds_z)  # stable: report order on ties
    return found


# --------------------------------------------------------------------------- other stages


def wire_edits(report: Report) -> tuple[WireEdit, ...]:
    """Label swaps in sentences two outlets share, the pairs that share most first."""
    if report.alignment is None:
        return ()
    a = report.alignment
    index = {art.id: i for i, art in enumerate(report.corpus.articles)}
    shared = {(o.outlet_a, o.outlet_b): o.shared_a for o in a.overlaps}
    edits = []
    for e in a.edits:
        if not (e.referent and e.term_before and e.term_after
                and _squeezed(e.term_before) != _squeezed(e.term_after)
                and max(len(e.before.split()), len(e.after.split())) <= LABEL_WORDS):
            continue  # no label changed, or only its spelling ("IRS", "I.R.S."): house style
        al = a.alignments[e.alignment]
        edits.append(WireEdit(
            outlets=(e.outlet_a, e.outlet_b), before=e.before, after=e.after,
            shared=shared.get((e.outlet_a, e.outlet_b), 1),
            sentences=(sentence_id(index[al.a[0].article], al.a[0].sentence),
                       sentence_id(index[al.b[0].article], al.b[0].sentence)),
            anchor=pair_anchor(e.outlet_a, e.outlet_b)))
    return tuple(sorted(edits, key=lambda e: -e.shared))  # stable: alignment order on ties


def voice_counts(report: Report) -> tuple[VoiceCount, ...]:
    """How often each outlet quotes each named speaker. A speaker the quotation finder could
    not name ("184 million" in "the $184 million reported by ...") is no voice; a speaker is
    quoted by one outlet ``alone`` only if no other outlet quotes anyone of the same family
    name ("Donald Trump" and "Trump" are one voice) and the name has two words at least (a
    lone "Angeles" is more likely a place cut short than a person)."""
    index = {a.id: i for i, a in enumerate(report.corpus.articles)}
    said: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    families: defaultdict[str, set[str]] = defaultdict(set)
    for q in report.quotes:
        speaker = q.name or q.speaker
        if q.named and speaker:
            said[(q.outlet, speaker)].append(quote_id(index[q.article], q.start))
        if speaker:
            families[_family(speaker)].add(q.outlet)
    return tuple(
        VoiceCount(outlet=outlet, speaker=speaker, count=len(ids), quotes=tuple(ids),
                   anchor=voice_anchor(outlet, speaker),
                   alone=len(speaker.split()) >= 2 and families[_family(speaker)] == {outlet})
        for (outlet, speaker), ids in sorted(said.items())
    )


def _squeezed(term: str) -> str:
    """A label without case, spaces or punctuation: "I.R.S." and "IRS" are one spelling."""
    return re.sub(r"[\W_]+", "", term.casefold())


def _family(speaker: str) -> str:
    """A speaker's last word before any "of ..." (the state or body a name is given with),
    folded, possessive dropped: "Donald Trump's" -> "trump", "Elijah E. Cummings of
    Maryland" -> "cummings"."""
    name = re.split(r"\s+of\s+", speaker, maxsplit=1)[0].split() or speaker.split()
    return label_key(name[-1])
