"""A short glossary of the ideas the report uses, with examples from the articles at hand.

The definitions, generic examples and references are data (``glossary.toml`` in the package);
this module loads them and, given a Report, swaps each generic example for one drawn from the
report's own findings, so "hedging" is explained with the hedges the class has just read.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from framing.classroom.questions import (
    ATTRIBUTION_GROUPS,
    HEDGE_GROUPS,
    WireEdit,
    Wording,
    cue_uses,
    label_contrasts,
    omissions,
    speaking_labels,
    telling_terms,
    times,
)
from framing.counts.scoring import label_key
from framing.errors import FramingError
from framing.model import LabelCount, Report

GLOSSARY_FILE = "glossary.toml"
FIELDS = ("id", "term", "definition", "example", "reference")


@dataclass(frozen=True, kw_only=True)
class GlossaryEntry:
    """One idea: what it means, an example, and where to read more."""

    id: str
    term: str
    definition: str
    example: str
    reference: str
    from_corpus: bool = False  # the example comes from the report's own articles


@lru_cache(maxsize=1)
def load_glossary() -> tuple[GlossaryEntry, ...]:
    """The entries of the packaged glossary.toml, with their generic examples."""
    text = resources.files("framing").joinpath(GLOSSARY_FILE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise FramingError(
            f"framing/{GLOSSARY_FILE}: not valid TOML ({err}); fix the file"
        ) from None
    return tuple(_entry(n, raw) for n, raw in enumerate(data.get("entry", []), 1))


def _entry(n: int, raw: Any) -> GlossaryEntry:
    missing = [f for f in FIELDS if not isinstance(raw, dict) or not isinstance(raw.get(f), str)]
    if missing:
        raise FramingError(f"framing/{GLOSSARY_FILE}, entry {n}: missing or not text: "
                           f"{', '.join(missing)}; give each entry {', '.join(FIELDS)}")
    return GlossaryEntry(**{f: raw[f] for f in FIELDS})


def glossary(
    report: Report | None = None,
    names: Mapping[str, str] | None = None,
    edits: Sequence[WireEdit] = (),
) -> tuple[GlossaryEntry, ...]:
    """The glossary; with a report, each example that its findings allow comes from them.

    ``names`` maps outlet ids to the names to print (real or blind), as for the questions.
    """
    entries = load_glossary()
    if report is None:
        return entries
    words = Wording(report, names)
    makers: dict[str, Callable[[Report, Wording, Sequence[WireEdit]], str | None]] = {
        "framing": _framing, "labelling": _labelling, "connotation": _connotation,
        "attribution": _attribution, "hedging": _hedging, "omission": _omission,
        "wire-copy": _wire_copy, "distinctive-word": _distinctive,
    }
    out = []
    for entry in entries:
        maker = makers.get(entry.id)
        example = maker(report, words, edits) if maker else None
        out.append(replace(entry, example=example, from_corpus=True) if example else entry)
    return tuple(out)


def _contrast_labels(report: Report) -> tuple[str, LabelCount, LabelCount] | None:
    """The strongest label contrast: its referent, the harsher outlet's leading negative label
    and the milder outlet's leading neutral or positive one."""
    for c in label_contrasts(report)[:1]:
        return c.group, c.harsh.top("negative", n=1)[0], c.mild.top("neutral", "positive", n=1)[0]
    return None


def _labelling(report: Report, w: Wording, edits: Sequence[WireEdit]) -> str | None:
    found = _contrast_labels(report)
    if found is None:
        return None
    group, harsh, mild = found
    return (f"{w.group(group)}: {w.outlet(harsh.outlet)} writes {w.counted([harsh])}, "
            f"{w.outlet(mild.outlet)} {w.counted([mild])}.")


def _connotation(report: Report, w: Wording, edits: Sequence[WireEdit]) -> str | None:
    found = _contrast_labels(report)
    if found is None:
        return None
    group, harsh, mild = found
    return (f"{w.group(group)}: the report counts “{harsh.term}” as negative and "
            f"“{mild.term}” as {mild.connotation}.")


def _attribution(report: Report, w: Wording, edits: Sequence[WireEdit]) -> str | None:
    groups = [g.id for g in report.groups if g.id in ATTRIBUTION_GROUPS]
    spoken = speaking_labels(report)
    for use in cue_uses(report, groups):
        for tally in use.users:
            labels = [label for label in tally.labels
                      if (label.outlet, label.group, label_key(label.term)) in spoken][:2]
            if labels:
                instead = (f", where the outlets most often write “{use.baseline[0]}”"
                           if use.baseline else "")
                return (f"{w.outlet(tally.outlet)} introduces statements with "
                        f"{w.counted(labels)}{instead}.")
    return None


def _hedging(report: Report, w: Wording, edits: Sequence[WireEdit]) -> str | None:
    groups = [g.id for g in report.groups if g.id in HEDGE_GROUPS]
    for use in cue_uses(report, groups, loaded_only=False)[:1]:
        tally = use.users[0]
        return (f"{w.outlet(tally.outlet)} hedges {times(tally.total)} "
                f"({w.listed(tally.labels)}).")
    return None


def _omission(report: Report, w: Wording, edits: Sequence[WireEdit]) -> str | None:
    for o in omissions(report)[:1]:
        return (f"{w.group(o.group)}: {len(o.named_by)} of the {len(report.corpus.outlets)} "
                f"outlets name it; {w.outlet(o.missing[0])} never does.")
    return None


def _wire_copy(report: Report, w: Wording, edits: Sequence[WireEdit]) -> str | None:
    for e in edits[:1]:
        first, second = (w.outlet(o) for o in e.outlets)
        shared = "1 sentence" if e.shared == 1 else f"{e.shared} sentences"
        return (f"{first} and {second} print {shared} nearly word for word; in one, where "
                f"{first} writes “{e.before}”, {second} writes “{e.after}”.")
    crediting = sorted({a.outlet for a in report.corpus.articles
                        if any(any(ch.isupper() or ch == "\u2588" for ch in c)
                               for c in a.credits)},
                       key=[o.id for o in report.corpus.outlets].index)
    if not crediting:
        return None
    return (f"{len(crediting)} of the {len(report.corpus.outlets)} outlets credit a news agency "
            f"for their text ({', '.join(w.outlet(o) for o in crediting)}).")


def _distinctive(report: Report, w: Wording, edits: Sequence[WireEdit]) -> str | None:
    for d in telling_terms(report)[:1]:
        return (f"{w.outlet(d.outlet)} uses “{d.term}” {times(d.count)}; the other outlets, "
                f"{times(d.others) if d.others else 'never'}.")
    return None


def _framing(report: Report, w: Wording, edits: Sequence[WireEdit]) -> str | None:
    for c in label_contrasts(report)[:1]:
        harsh, mild = (round(100 * t.count("negative") / t.rated()) for t in (c.harsh, c.mild))
        return (f"{w.group(c.group)}: in {w.outlet(c.harsh.outlet)}, {harsh}% of the labels are "
                f"negative; in {w.outlet(c.mild.outlet)}, {mild}%. One actor, two frames.")
    return None
