"""Check what a report's findings say against the tables of its own JSON export.

Written apart from framing's classroom code, from SCHEMA.md: every number a finding states must
be a citation's count or one of its named figures; every figure and count is recomputed here from
the labels, cues, matches, quotes, shared and distinctive-term tables; every outlet a finding
says never writes what it cites ("only", "never") is checked to write none of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "once": 1, "twice": 2, "both": 2,
                "neither": 2}
QUOTED = re.compile(r"\u201c[^\u201d]*\u201d")
RATED = ("negative", "neutral", "positive")


def problems(doc: dict[str, Any]) -> list[str]:
    """Every claim of every finding in ``doc`` (a JSON export) that its tables do not bear out."""
    found = []
    for finding in doc["findings"]:
        for problem in _finding_problems(doc, finding):
            found.append(f"{finding['id']} ({finding['kind']}): {problem} | {finding['text']}")
    return found


def stated_numbers(doc: dict[str, Any], text: str) -> list[int]:
    """The numbers a finding's sentence states, outside quoted words and names."""
    names = [o["name"] for o in doc["outlets"]] + [r["name"] for r in doc["referents"]]
    names += [n.split(" (")[0] for n in names]
    plain = QUOTED.sub(" ", text)
    for name in sorted(names, key=len, reverse=True):
        plain = plain.replace(name, " ")
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\b", plain)]
    words = re.findall(r"[a-z]+", plain.casefold())
    return numbers + [NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS]


def _finding_problems(doc: dict[str, Any], f: dict[str, Any]) -> Iterable[str]:
    allowed = {c["count"] for c in f["citations"]} | set(f["figures"].values())
    for n in stated_numbers(doc, f["text"]):
        if n not in allowed:
            yield f"states {n}, which no citation or figure holds"
    if re.search(r"\b(only|never)\b|\buses? none\b", QUOTED.sub(" ", f["text"])) \
            and not f["absent"]:
        yield "says only/never/none without naming the outlets it means"
    if "same agency copy" in f["text"]:
        yield "claims agency copy"
    yield from _citation_problems(doc, f)
    yield from _figure_problems(doc, f)
    yield from _absence_problems(doc, f)


# --------------------------------------------------------------------------- citations


def _rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Label and cue rows alike, the group under "group"."""
    return ([{**r, "group": r["referent"]} for r in doc["labels"]]
            + [{**r, "group": r["category"]} for r in doc["cues"]])


def _citation_problems(doc: dict[str, Any], f: dict[str, Any]) -> Iterable[str]:
    matches = {m["id"]: m for m in doc["matches"]}
    quotes = {q["id"]: q for q in doc["quotes"]}
    rows = _rows(doc)
    for c in f["citations"]:
        ids = c["evidence"]
        if f["kind"] == "distinctive":
            row = next((d for d in doc["distinctive_terms"]
                        if d["outlet"] == c["outlet"] and d["term"] == c["label"]), None)
            if row is None or row["count"] != c["count"]:
                yield f"distinctive {c['label']!r} counted {c['count']}, table says otherwise"
        elif f["kind"] == "voices":
            said = [quotes.get(i) for i in ids]
            if len(ids) != c["count"] or any(q is None or q["outlet"] != c["outlet"]
                                             or q["speaker"] != c["label"] for q in said):
                yield f"voice {c['label']!r}: {c['count']} is not its {len(ids)} quotations"
        elif f["kind"] == "wire-edit":
            if len(ids) != 1 or not ids[0].startswith("s-"):
                yield f"shared sentence of {c['outlet']} not cited"
        else:
            row = next((r for r in rows if r["outlet"] == c["outlet"]
                        and r["group"] == c["referent"] and r["term"] == c["label"]), None)
            if row is None or row["count"] != c["count"]:
                yield f"label {c['label']!r} of {c['outlet']}: {c['count']} not in the table"
            hits = [matches.get(i) for i in ids]
            if len(ids) != c["count"] or any(m is None or m["outlet"] != c["outlet"]
                                             or m["referent"] != c["referent"] for m in hits):
                yield f"label {c['label']!r}: {c['count']} is not its {len(ids)} matches"


# --------------------------------------------------------------------------- figures


def _figure_problems(doc: dict[str, Any], f: dict[str, Any]) -> Iterable[str]:
    for name, value in f["figures"].items():
        expected = _figure(doc, f, name)
        if expected != value:
            yield f"figure {name} is {value}, the tables give {expected}"


def _group_of(f: dict[str, Any]) -> str:
    groups = {c["referent"] for c in f["citations"] if c["referent"]}
    assert len(groups) == 1, f"one referent or category per finding: {groups}"
    return groups.pop()


def _figure(doc: dict[str, Any], f: dict[str, Any], name: str) -> int:
    what, _, arg = name.partition(":")
    outlets = [o["id"] for o in doc["outlets"]]
    if what == "outlets":
        return len(outlets)
    if what == "other-outlets":
        return len(outlets) - 1
    if what == "shared":
        pair = {c["outlet"] for c in f["citations"]}
        row = next(s for s in doc["shared"] if set(s["outlets"]) == pair)
        return int(row["shared"][0])
    if what == "others":
        c = f["citations"][0]
        return int(next(d["others"] for d in doc["distinctive_terms"]
                        if d["outlet"] == c["outlet"] and d["term"] == c["label"]))
    group = _group_of(f)
    rows = [r for r in _rows(doc) if r["group"] == group]
    if what == "baseline":
        return sum(r["count"] for r in rows if r["term"] == arg)
    if what in ("negative", "rated"):
        kinds = ("negative",) if what == "negative" else RATED
        return sum(r["count"] for r in rows if r["outlet"] == arg and r["connotation"] in kinds)
    if what in ("mentions", "total"):
        loaded = f["kind"] == "loaded-cue"
        return sum(r["count"] for r in rows
                   if (not arg or r["outlet"] == arg)
                   and (not loaded or r["connotation"] in ("negative", "positive")))
    if what == "outlets-naming":
        return len({r["outlet"] for r in rows})
    own = _own_outlet(f)
    if what == "elsewhere":
        return sum(r["count"] for r in rows if r["outlet"] != own)
    if what == "as":
        return sum(r["count"] for r in rows
                   if r["outlet"] != own and (r["lexicon_term"] or r["term"]) == arg)
    raise AssertionError(f"a figure SCHEMA.md does not name: {name}")


def _own_outlet(f: dict[str, Any]) -> str:
    """The outlet a loaded-label finding is about: the one outlet not in ``absent``."""
    cited = {c["outlet"] for c in f["citations"]} - set(f["absent"])
    assert len(cited) == 1, cited
    return cited.pop()


# --------------------------------------------------------------------------- absences


def _absence_problems(doc: dict[str, Any], f: dict[str, Any]) -> Iterable[str]:
    if not f["absent"]:
        return
    if f["kind"] == "distinctive":
        c = f["citations"][0]
        for d in doc["distinctive_terms"]:
            if d["outlet"] in f["absent"] and d["term"] == c["label"] and d["count"]:
                yield f"{d['outlet']} uses {c['label']!r} too"
        return
    if f["kind"] == "voices":
        family = _family(f["citations"][0]["label"])
        for q in doc["quotes"]:
            if q["outlet"] in f["absent"] and q["speaker"] and _family(q["speaker"]) == family:
                yield f"{q['outlet']} quotes {q['speaker']!r} too"
        return
    group = _group_of(f)
    rows = [r for r in _rows(doc) if r["group"] == group and r["outlet"] in f["absent"]]
    if f["kind"] == "loaded-label":
        own = _own_outlet(f)
        entries = {r["lexicon_term"] or r["term"] for r in _rows(doc)
                   if r["group"] == group and r["outlet"] == own
                   and any(c["outlet"] == own and c["label"] == r["term"]
                           for c in f["citations"])}
        rows = [r for r in rows if (r["lexicon_term"] or r["term"]) in entries]
    elif f["kind"] == "loaded-cue":
        rows = [r for r in rows if r["connotation"] in ("negative", "positive")]
    for r in rows:
        yield f"{r['outlet']} writes {r['term']!r} ({r['count']}), said never to"


def _family(speaker: str) -> str:
    return re.sub(r"['\u2019]s?$", "", speaker.split()[-1].casefold())
