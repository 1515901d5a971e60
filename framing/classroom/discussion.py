"""The classroom stage of the analysis: what differs, the questions, the glossary examples.

Run once the counts are made, on the same Report the renderers show, so every number a question
states is a number the report (and the JSON export) holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from framing.classroom.findings import voice_counts, wire_edits
from framing.classroom.glossary import glossary
from framing.classroom.questions import Question, QuestionKind, discussion_questions
from framing.model import Report

# The kinds of finding that contrast outlets head to head, for the top of the report; the
# others (an outlet's attribution verbs, its distinctive words) fill in when these are few.
CONTRASTS: frozenset[QuestionKind] = frozenset({
    "label-contrast", "loaded-label", "omission", "wire-edit", "voices", "exclusive", "hedging",
})
WHAT_DIFFERS = (3, 5)  # findings at the top of the report: at least, at most (when there are)


def discuss(report: Report) -> Report:
    """The report with its discussion questions, the findings that head it, and the glossary
    examples drawn from it."""
    edits = wire_edits(report)
    questions = discussion_questions(report, edits=edits, voices=voice_counts(report))
    return replace(report, questions=questions, what_differs=what_differs(questions),
                   glossary=glossary(report, edits=edits))


def what_differs(questions: Sequence[Question]) -> tuple[int, ...]:
    """The positions of the findings that head the report: the head-to-head contrasts in the
    questions' order (the best of each kind first), then others up to the least number."""
    least, most = WHAT_DIFFERS
    chosen = [i for i, q in enumerate(questions) if q.kind in CONTRASTS][:most]
    rest = [i for i in range(len(questions)) if i not in chosen]
    return tuple(sorted(chosen + rest[: max(least - len(chosen), 0)]))
