"""Discussion questions drawn from this corpus's findings, each citing the evidence behind it.

A question is only as good as the finding it rests on, so each one names the outlets, the words
and the counts ("Outlet C writes “regime forces” 9 times; Outlet B writes “army” 5 times"), and
links to the sentences in the report. Nothing here is generic: a corpus without a contrast of
labels gets no question about labels.

The finders (``label_contrasts``, ``omissions`` … in ``framing.classroom.findings``) return small
frozen records, ranked best first; ``discussion_questions`` words them and picks a varied set, one
of each kind in turn.
Outlets are shown under the names given (real or blind), so the same findings read in the
classroom's blind edition and in the teacher's key.

Two inputs come from other stages, as plain records (``framing.classroom.findings`` makes them
from the Report): ``WireEdit`` (an editor's change to shared copy) and ``VoiceCount`` (whose
words an outlet quotes).

Every number a finding states is either a citation's count or one of its named ``figures``, and
every outlet it says never uses what it cites is in ``absent``, so a reader (or a test) can check
each claim against the JSON export's tables.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from framing.anchors import distinctive_anchor, label_anchor, match_id, sentence_id
from framing.classroom.findings import (
    CueUse,
    LabelContrast,
    LoadedLabel,
    Omission,
    Tally,
    VoiceCount,
    WireEdit,
    cue_uses,
    exclusives,
    label_contrasts,
    loaded_labels,
    omissions,
    tallies,
    telling_terms,
)
from framing.counts.scoring import label_key, written
from framing.model import LabelCount, Match, Report

__all__ = [  # the finders live in findings; callers may import them from here
    "ATTRIBUTION_GROUPS",
    "HEDGE_GROUPS",
    "KINDS",
    "Citation",
    "CueUse",
    "LabelContrast",
    "LoadedLabel",
    "Omission",
    "Question",
    "QuestionKind",
    "Tally",
    "VoiceCount",
    "WireEdit",
    "Wording",
    "cue_uses",
    "discussion_questions",
    "exclusives",
    "label_contrasts",
    "loaded_labels",
    "omissions",
    "speaking_labels",
    "tallies",
    "telling_terms",
    "times",
]

QuestionKind = Literal[
    "label-contrast", "loaded-label", "omission", "wire-edit", "attribution", "voices",
    "hedging", "exclusive", "loaded-cue", "distinctive",
]
KINDS: tuple[QuestionKind, ...] = (  # the order questions are picked in, one of each per round
    "label-contrast", "loaded-label", "omission", "wire-edit", "attribution", "voices",
    "hedging", "exclusive", "loaded-cue", "distinctive",
)
# Cue categories of the bundled cues.toml that get questions of their own.
ATTRIBUTION_GROUPS = frozenset({"attribution-verbs"})
HEDGE_GROUPS = frozenset({"hedges"})
NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass(frozen=True, kw_only=True)
class Citation:
    """A piece of evidence: an outlet's word with its count, and where the report shows it."""

    outlet: str  # outlet id
    label: str  # the term as the report shows it
    count: int
    anchor: str  # the id of the evidence in the HTML report ("" when the report has none)
    group: str = ""  # the referent or cue id ("" for a distinctive term or a hook's evidence)
    # the ids (framing.anchors) of the matches, quotations or sentences behind the count
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Question:
    """A question for class: the finding it rests on, the question, and the evidence."""

    kind: QuestionKind
    finding: str  # what these articles show, with counts
    ask: str  # the question itself
    citations: tuple[Citation, ...]
    # every other number the finding states, named: ("rated:trt-world", 15), ("outlets", 5)
    figures: tuple[tuple[str, int], ...] = ()
    absent: tuple[str, ...] = ()  # outlets the finding says never write what it cites

    @property
    def text(self) -> str:
        """Finding and question together, as printed."""
        return f"{self.finding} {self.ask}"


# --------------------------------------------------------------------------- questions


@dataclass(frozen=True)
class _Candidate:
    question: Question
    topics: frozenset[str]  # a group or outlet asked about once already is not asked again


def discussion_questions(
    report: Report,
    max_questions: int = 8,
    names: Mapping[str, str] | None = None,
    edits: Sequence[WireEdit] = (),
    voices: Sequence[VoiceCount] = (),
) -> tuple[Question, ...]:
    """Up to ``max_questions`` questions on this report's findings, varied and in a fixed order.

    ``names`` maps outlet ids to the names to print (default: the corpus's own names); the
    order is one question of each kind in turn (``KINDS``), best finding first, never two on
    the same referent or cue category. Fewer come back when the corpus offers fewer findings.
    """
    words = Wording(report, names)
    cues = [g.id for g in report.groups
            if g.kind == "cue" and g.id not in ATTRIBUTION_GROUPS | HEDGE_GROUPS]
    queues: dict[QuestionKind, list[_Candidate]] = {
        "label-contrast": [_contrast_question(c, words) for c in label_contrasts(report)],
        "loaded-label": [_loaded_question(f, words) for f in loaded_labels(report)],
        "omission": [_omission_question(o, words) for o in omissions(report)],
        "wire-edit": [_edit_question(e, words) for e in edits],
        "attribution": _attribution_questions(report, words),
        "voices": _voice_questions(voices, words),
        "hedging": [_hedge_question(c, words)
                    for c in cue_uses(report, _present(report, HEDGE_GROUPS), False) if c.never],
        "exclusive": [_exclusive_question(o, words) for o in exclusives(report)],
        "loaded-cue": [_cue_question(c, words) for c in cue_uses(report, cues) if c.never],
        "distinctive": _distinctive_questions(report, words),
    }
    chosen: list[Question] = []
    used: set[str] = set()
    while len(chosen) < max_questions and any(queues.values()):
        for kind in KINDS:
            queue = queues[kind]
            while queue and queue[0].topics & used:
                queue.pop(0)
            if queue and len(chosen) < max_questions:
                candidate = queue.pop(0)
                chosen.append(candidate.question)
                used |= candidate.topics
    return tuple(chosen)


def _present(report: Report, groups: frozenset[str]) -> list[str]:
    return [g.id for g in report.groups if g.id in groups]


def _contrast_question(c: LabelContrast, w: Wording) -> _Candidate:
    name = w.group(c.group)
    harsh, mild = c.harsh.top("negative"), c.mild.top("neutral", "positive")
    finding = (
        f"{name}: {w.outlet(c.harsh.outlet)} writes {w.counted(harsh)}; "
        f"{_negatives(c.harsh.count('negative'), c.harsh.rated())}. "
        f"{w.outlet(c.mild.outlet)} writes {w.counted(mild)}; "
        f"{_negatives(c.mild.count('negative'), c.mild.rated())}."
    )
    ask = ("What does each choice of words invite you to think about this actor? "
           "Which would you choose, and why?")
    figures = tuple((f"{what}:{t.outlet}", n) for t in (c.harsh, c.mild)
                    for what, n in (("negative", t.count("negative")), ("rated", t.rated())))
    return _Candidate(Question(kind="label-contrast", finding=finding, ask=ask,
                               citations=w.cite(harsh) + w.cite(mild), figures=figures),
                      frozenset({c.group}))


def _loaded_question(f: LoadedLabel, w: Wording) -> _Candidate:
    others = _join(f"{_quote(label.term)} ({label.count})" for label in f.others)
    finding = (f"{w.group(f.group)}: only {w.outlet(f.outlet)} writes {w.counted(f.labels)}; "
               f"the other outlets that name this actor do so {times(f.elsewhere)}, "
               f"{'as' if sum(p.count for p in f.others) == f.elsewhere else 'most often as'} "
               f"{others}.")
    ask = ("What does the label say about the actor before the story says what it did? "
           "Why might an outlet choose it?")
    figures = (("elsewhere", f.elsewhere), *((f"as:{p.term}", p.count) for p in f.others))
    return _Candidate(Question(kind="loaded-label", finding=finding, ask=ask,
                               citations=w.cite(f.labels) + w.cite(
                                   row for p in f.others for row in p.rows),
                               figures=figures,
                               absent=f.absent), frozenset({f.group}))


def _omission_question(o: Omission, w: Wording) -> _Candidate:
    missing = w.outlet(o.missing[0])
    total = sum(t.total for t in o.named_by)
    n, of = len(o.named_by), len(o.named_by) + len(o.missing)
    finding = (f"{w.group(o.group)}: {_number(n)} of the {_number(of)} outlets mention this "
               f"actor, {times(total)} in all; {missing} never does.")
    ask = ("Is it missing because that outlet's story is about something else, or was it left "
           "out? What does that outlet's reader not learn?")
    cites = tuple(c for t in o.named_by for c in w.cite(t.labels[:1]))
    figures = (("outlets-naming", n), ("outlets", of), ("mentions", total))
    return _Candidate(Question(kind="omission", finding=finding, ask=ask, citations=cites,
                               figures=figures, absent=o.missing), frozenset({o.group}))


def _exclusive_question(o: Omission, w: Wording) -> _Candidate:
    tally = o.named_by[0]
    finding = (f"{w.group(o.group)}: only {w.outlet(tally.outlet)} mentions this actor, "
               f"{times(tally.total)} ({_join(_quote(label.term) for label in tally.labels)}).")
    ask = ("What does bringing it into the story add, and why might the other outlets leave "
           "it out?")
    return _Candidate(Question(kind="exclusive", finding=finding, ask=ask,
                               citations=w.cite(tally.labels),
                               figures=((f"mentions:{tally.outlet}", tally.total),),
                               absent=o.missing), frozenset({o.group}))


def _attribution_questions(report: Report, w: Wording) -> list[_Candidate]:
    """Loaded verbs of saying an outlet uses, where the outlets mostly write a plain one. Only
    verbs that introduce a statement the quotation finder read ("she claimed"): the same word
    elsewhere ("threatened to impose tariffs") says nothing of how a statement is presented."""
    spoken = speaking_labels(report)
    found = []
    for use in cue_uses(report, _present(report, ATTRIBUTION_GROUPS)):
        for tally in use.users:
            labels = tuple(label for label in tally.labels if _key(label) in spoken)[:3]
            if not labels:
                continue
            negative = sum(label.count for label in labels if label.connotation == "negative")
            positive = sum(label.count for label in labels) - negative
            tone = "negative" if negative >= positive else "positive"
            instead = (f", where the outlets most often write {_quote(use.baseline[0])} "
                       f"({times(use.baseline[1])} in all)" if use.baseline else "")
            finding = (f"{w.outlet(tally.outlet)} introduces statements with {w.counted(labels)}: "
                       f"verbs of saying the lexicon counts as {tone} rather than "
                       f"neutral{instead}.")
            ask = ("Who is speaking in those sentences, and would a plain "
                   f"{_quote(use.baseline[0] if use.baseline else 'said')} change how far you "
                   "believe them?")
            figures = ((f"baseline:{use.baseline[0]}", use.baseline[1]),) if use.baseline else ()
            found.append((2 * negative + positive, _Candidate(
                Question(kind="attribution", finding=finding, ask=ask,
                         citations=w.cite(labels), figures=figures),
                frozenset({f"{use.group}:{tally.outlet}"}))))
    return [c for _, c in sorted(found, key=lambda sc: -sc[0])]


def _key(label: LabelCount) -> tuple[str, str, str]:
    return (label.outlet, label.group, label_key(label.term))


def speaking_labels(report: Report) -> frozenset[tuple[str, str, str]]:
    """The labels (outlet, group, label key) whose every use is the verb of a statement the
    quotation finder read."""
    verbs = {(q.article, q.verb_start) for q in report.quotes}
    uses: defaultdict[tuple[str, str, str], list[bool]] = defaultdict(list)
    for key, m in _keyed(report):
        uses[key].append((m.article, m.start) in verbs)
    return frozenset(key for key, spoken in uses.items() if all(spoken))


def _keyed(report: Report) -> Iterator[tuple[tuple[str, str, str], Match]]:
    """Each match with the key of the label count it is counted in: (outlet, group, the
    label's words folded as the counts fold them)."""
    texts = {a.id: a.text for a in report.corpus.articles}
    for m in report.matches:
        yield (m.outlet, m.group, label_key(written(m, texts[m.article]))), m


def _hedge_question(c: CueUse, w: Wording) -> _Candidate:
    users = [f"{w.outlet(t.outlet)} {'hedges ' if i == 0 else ''}{times(t.total)} "
             f"({w.listed(t.labels)})" for i, t in enumerate(c.users[:3])]
    finding = (f"{_join(users)}; {_join(w.outlet(o) for o in c.never)} "
               f"{'never does' if len(c.never) == 1 else 'never do'}.")
    ask = "Pick a hedged sentence: whose claim is it, and how would it read without the hedge?"
    cites = tuple(x for t in c.users[:3] for x in w.cite(t.labels[:3]))
    figures = tuple((f"total:{t.outlet}", t.total) for t in c.users[:3])
    return _Candidate(Question(kind="hedging", finding=finding, ask=ask, citations=cites,
                               figures=figures, absent=c.never), frozenset({c.group}))


def _cue_question(c: CueUse, w: Wording) -> _Candidate:
    top = c.users[0]
    finding = (f"{w.outlet(top.outlet)} uses {w.group(c.group).lower()} "
               f"{times(top.total)} ({w.listed(top.labels)}); "
               f"{_join(w.outlet(o) for o in c.never)} "
               f"{'uses' if len(c.never) == 1 else 'use'} none.")
    ask = ("What does each of these words add that a plainer word would not? "
           "Rewrite one of the sentences without it.")
    return _Candidate(Question(kind="loaded-cue", finding=finding, ask=ask,
                               citations=w.cite(top.labels[:3]),
                               figures=((f"total:{top.outlet}", top.total),), absent=c.never),
                      frozenset({c.group}))


def _distinctive_questions(report: Report, w: Wording) -> list[_Candidate]:
    found = []
    others = len(report.corpus.outlets) - 1
    for d in telling_terms(report):
        rest = (f"{times(d.others)} between them" if d.others
                else "never" if others > 1 else "never does")
        finding = (f"{w.outlet(d.outlet)} uses {_quote(d.term)} {times(d.count)}; the other "
                   f"{_number(others)} outlet{'s' if others != 1 else ''}, {rest}.")
        ask = ("What part of the event does this word point to? What is this outlet's story "
               "about that the others' is not?")
        cite = Citation(outlet=d.outlet, label=d.term, count=d.count,
                        anchor=distinctive_anchor(d.outlet, d.term),
                        evidence=tuple(w.sentence(e.article, e.sentence) for e in d.evidence))
        found.append(_Candidate(
            Question(kind="distinctive", finding=finding, ask=ask, citations=(cite,),
                     figures=(("others", d.others), ("other-outlets", others)),
                     absent=() if d.others else tuple(o for o in w.names if o != d.outlet)),
            frozenset({f"distinctive:{d.outlet}"})))
    return found


def _edit_question(e: WireEdit, w: Wording) -> _Candidate:
    first, second = (w.outlet(o) for o in e.outlets)
    sentences = "1 sentence" if e.shared == 1 else f"{e.shared} sentences"
    finding = (f"{first} and {second} print {sentences} nearly word for word; where {first} "
               f"writes {_quote(e.before)}, {second} writes {_quote(e.after)}.")
    ask = ("Which wording came first, and what did the change do to the sentence? "
           "Look at the shared sentences: do they credit the same agency?")
    cites = tuple(Citation(outlet=o, label=text, count=1, anchor=e.anchor, evidence=(sid,))
                  for o, text, sid in zip(e.outlets, (e.before, e.after), e.sentences,
                                          strict=True))
    return _Candidate(Question(kind="wire-edit", finding=finding, ask=ask, citations=cites,
                               figures=(("shared", e.shared),)),
                      frozenset({f"edit:{e.outlets[0]}:{e.outlets[1]}"}))


def _voice_questions(voices: Sequence[VoiceCount], w: Wording) -> list[_Candidate]:
    alone = sorted((v for v in voices if v.alone), key=lambda v: (-v.count, v.speaker, v.outlet))
    others = tuple(w.names)
    found = []
    for v in alone:
        finding = f"Only {w.outlet(v.outlet)} quotes {v.speaker} ({times(v.count)})."
        ask = "Whose voice does each outlet let tell the story, and who is not heard?"
        cite = Citation(outlet=v.outlet, label=v.speaker, count=v.count, anchor=v.anchor,
                        evidence=v.quotes)
        found.append(_Candidate(
            Question(kind="voices", finding=finding, ask=ask, citations=(cite,),
                     absent=tuple(o for o in others if o != v.outlet)),
            frozenset({f"voices:{v.outlet}"})))
    return found


# --------------------------------------------------------------------------- wording


class Wording:
    """How outlets, groups and counts are written in questions."""

    def __init__(self, report: Report, names: Mapping[str, str] | None) -> None:
        self.names = {o.id: o.name for o in report.corpus.outlets} | dict(names or {})
        self.groups = {g.id: g.name for g in report.groups}
        self.index = {a.id: i for i, a in enumerate(report.corpus.articles)}
        self.report = report

    @cached_property
    def evidence(self) -> dict[tuple[str, str, str], tuple[str, ...]]:
        """The match ids behind each label count, made when a citation first needs them (the
        glossary words its examples without citing)."""
        return label_evidence(self.report)

    def outlet(self, outlet_id: str) -> str:
        return self.names.get(outlet_id, outlet_id)

    def group(self, group_id: str) -> str:
        """A group's name, without a long bracketed gloss: "United States (the country and its
        federal government)" -> "United States"; "Islamic State (ISIS)" stays."""
        name = self.groups.get(group_id, group_id)
        gloss = re.search(r"\s*\(([^()]*)\)\s*$", name)
        return name[: gloss.start()] if gloss and len(gloss.group(1).split()) > 3 else name

    def counted(self, labels: Sequence[LabelCount]) -> str:
        """ “regime forces” (9 times) and “regime” (3): the unit only once."""
        return _join(f"{_quote(label.term)} ({_unit(label.count) if i == 0 else label.count})"
                     for i, label in enumerate(labels))

    def listed(self, labels: Sequence[LabelCount], shown: int = 3) -> str:
        """ “expected to” 2, “likely” 1: for a list inside brackets, the first ``shown``
        labels, and "among others" when there are more (so the counts need not add up)."""
        listed = ", ".join(f"{_quote(label.term)} {label.count}" for label in labels[:shown])
        return listed + (", among others" if len(labels) > shown else "")

    def cite(self, labels: Iterable[LabelCount]) -> tuple[Citation, ...]:
        """Each label as evidence: its count, its list in the report, the matches counted."""
        return tuple(Citation(
            outlet=label.outlet, label=label.term, count=label.count, group=label.group,
            anchor=label_anchor(label.outlet, label.group, label.term),
            evidence=self.evidence.get((label.outlet, label.group, label_key(label.term)), ()),
        ) for label in labels)

    def sentence(self, article: str, sentence: int) -> str:
        return sentence_id(self.index[article], sentence)


def label_evidence(report: Report) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """The ids of the matches each label count counts, by (outlet, group, label key): with
    ``own_voice_only`` set, labels inside quotations are not counted."""
    index = {a.id: i for i, a in enumerate(report.corpus.articles)}
    found: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key, m in _keyed(report):
        if m.voice == "own" or not report.config.own_voice_only:
            found[key].append(match_id(index[m.article], m.start))
    return {key: tuple(ids) for key, ids in found.items()}


def _negatives(negative: int, rated: int) -> str:
    if rated == 1:
        return f"its one label here is {'negative' if negative else 'not negative'}"
    if negative == rated:
        return ("both its labels here are negative" if rated == 2
                else f"all {rated} of its labels here are negative")
    if negative == 0:
        return ("neither of its labels here is negative" if rated == 2
                else f"none of its {rated} labels here is negative")
    return f"{negative} of its {rated} labels here are negative"


def _quote(text: str) -> str:
    return f"\u201c{text}\u201d"


def times(n: int) -> str:
    """ "once", "twice", "3 times"."""
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _unit(n: int) -> str:
    """ "1 time", "9 times": beside other counts, where "once" would read oddly."""
    return f"{n} time{'s' if n != 1 else ''}"


def _number(n: int) -> str:
    return NUMBERS[n] if 0 <= n < len(NUMBERS) else str(n)


def _join(items: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    parts = list(items)
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
