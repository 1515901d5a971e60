"""Measure framing's quotation finder against BASIL's annotations of who is quoted.

    python benchmarks/evaluate_voices.py ../shared/eval            # or ../shared/eval/basil

BASIL marks each biased span with ``quote`` ("yes" when it sits in a quotation) and, for those,
``speaker``: a main entity of the event ("Donald_Trump") or ``other_pro``/``other_anti``/
``other_neutral`` for anyone else. For every placed span of every BASIL article this scores:

- **inside or outside**: framing says "yes" when at least half of the span's characters lie in
  the words of one extracted quote (direct or reported);
- **speaker**, for the spans people marked as quoted: a named gold speaker is matched when the
  normalised names share their last word or one contains the other; an ``other_*`` speaker is
  matched when framing found a speaker who is none of the event's main entities.

The evaluation texts are read in place, never copied. Targets: 85% agreement, 70% speakers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import Group
from framing.text.loading import load_corpus
from framing.voices.statements import Quote, attribution_verbs, find_quotes

TARGETS = {"agreement": 0.85, "agreement_direct": 0.85, "speaker": 0.70}
GROUP_WORDS = frozenset({
    "lawmakers", "democrats", "republicans", "members", "officials", "companies", "plaintiffs",
    "catholics",
})
EXAMPLES = 10


@dataclass(frozen=True)
class Judged:
    """One annotated span: what people said, and the quote framing puts it in (any quote, and
    direct quotations only)."""

    event: str
    outlet: str
    text: str
    gold_quote: bool
    gold_speaker: str | None
    found: Quote | None
    found_direct: Quote | None
    speaker_ok: bool


def event_folders(eval_dir: Path) -> list[Path]:
    """BASIL event folders under EVAL_DIR (EVAL_DIR itself, its basil/ folder, or one event)."""
    if (eval_dir / "annotations.json").is_file():
        return [eval_dir]
    base = eval_dir / "basil" if (eval_dir / "basil").is_dir() else eval_dir
    return sorted(p for p in base.iterdir() if (p / "annotations.json").is_file())


def norm(name: str) -> str:
    """'Donald_Trump' / 'Mr. Trump' -> 'donald trump' / 'mr trump': case, accents and
    punctuation off."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain.lower()).split())


def same_person(gold: str, found: str) -> bool:
    """Last names agree, or one name contains the other.

    BASIL's file lost the letters after an accent in one label ('Felipe_Calder' for Felipe
    Calderón), so a gold last name of five letters or more may also be the start of ours.
    """
    a, b = norm(gold), norm(found)
    if not a or not b:
        return False
    last_a, last_b = a.split()[-1], b.split()[-1]
    return last_a == last_b or f" {a} " in f" {b} " or f" {b} " in f" {a} " or (
        len(last_a) >= 5 and last_b.startswith(last_a)
    )


def covering(quotes: Sequence[Quote], start: int, end: int, text: str) -> Quote | None:
    """The quote holding most of the span's non-space characters, if it holds at least half."""
    chars = [i for i in range(start, end) if not text[i].isspace()]
    if not chars:
        return None
    best, share = None, 0.0
    for q in quotes:
        inside = sum(q.start <= i < q.end for i in chars) / len(chars)
        if inside > share:
            best, share = q, inside
    return best if share >= 0.5 else None


def pct(part: int, whole: int) -> str:


    """A percentage for the printout, "n/a" of nothing."""
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


def speaker_right(gold: str | None, found: Quote | None, entities: Sequence[str]) -> bool:


    """Whether the found quote has the speaker people gave."""
    if found is None or gold is None:
        return False
    said = found.name or found.speaker
    if gold.startswith("other_"):
        return bool(found.name) and not any(same_person(e, said) for e in entities)
    return same_person(gold, said)


def judge_event(folder: Path, verbs: Sequence[Group]) -> list[Judged]:
    """Run the quotation finder on every article of one event and judge each placed span."""
    annotations: Mapping[str, Any] = json.loads(
        (folder / "annotations.json").read_text(encoding="utf-8")
    )
    corpus = load_corpus(folder)
    by_file = {a.source: a for a in corpus.articles}
    entities = [str(e) for e in annotations.get("main_entities", [])]
    judged: list[Judged] = []
    quotes_of: dict[str, tuple[Quote, ...]] = {}
    for row in annotations["annotations"]:
        if row.get("start") is None or row.get("quote") not in ("yes", "no"):
            continue
        article = by_file[annotations["outlets"][row["outlet"]]["file"]]
        if article.id not in quotes_of:
            quotes_of[article.id] = find_quotes(article, verbs)
        quotes = quotes_of[article.id]
        found = covering(quotes, row["start"], row["end"], article.text)
        direct = covering([q for q in quotes if q.direct], row["start"], row["end"],
                          article.text)
        gold_speaker = row.get("speaker") if row["quote"] == "yes" else None
        judged.append(Judged(
            event=folder.name, outlet=row["outlet"], text=row["text"],
            gold_quote=row["quote"] == "yes", gold_speaker=gold_speaker, found=found,
            found_direct=direct, speaker_ok=speaker_right(gold_speaker, found, entities),
        ))
    return judged


def is_group(label: str) -> bool:
    """A gold speaker naming a group ('House_Democrats'), which no person's name can match."""
    return bool(GROUP_WORDS & set(norm(label).split()))


def agreement(judged: Sequence[Judged], direct_only: bool) -> tuple[float, Counter[Any]]:
    """Share of spans where framing and the annotators agree on quoted or not, and the counts
    (gold, framing)."""
    confusion: Counter[Any] = Counter(
        (j.gold_quote, (j.found_direct if direct_only else j.found) is not None) for j in judged
    )
    agree = confusion[(True, True)] + confusion[(False, False)]
    return (agree / len(judged) if judged else 0.0), confusion


def summary(judged: Sequence[Judged]) -> dict[str, float]:
    """Print the figures, confusion counts and example errors; return the headline rates."""
    quoted = [j for j in judged if j.gold_quote]
    print(f"BASIL spans judged: {len(judged)} ({len(quoted)} quoted by the annotators)\n")
    figures: dict[str, float] = {}
    for direct_only, title in ((False, "quotes and reported speech (framing's 'quoted' voice)"),
                               (True, "direct quotations only (BASIL's notion of a quote)")):
        rate, confusion = agreement(judged, direct_only)
        figures["agreement_direct" if direct_only else "agreement"] = rate
        print(f"inside/outside, {title}: {100 * rate:.1f}%  "
              f"(target {TARGETS['agreement']:.0%})")
        print(f"  gold yes: framing yes {confusion[(True, True)]:4d}   "
              f"no {confusion[(True, False)]:4d}")
        print(f"  gold no:  framing yes {confusion[(False, True)]:4d}   "
              f"no {confusion[(False, False)]:4d}")
    right = sum(j.speaker_ok for j in quoted)
    figures["speaker"] = right / len(quoted) if quoted else 0.0
    print(f"\nright speaker, all quoted spans: {pct(right, len(quoted))}  "
          f"(target {TARGETS['speaker']:.0%})")
    found = [j for j in quoted if j.found is not None]
    found_right = sum(j.speaker_ok for j in found)
    print(f"  of the quoted spans framing found: {pct(found_right, len(found))}")
    for label, rows in (
        ("a person", [j for j in quoted if _kind(j) == "person"]),
        ("other_* (anyone but the event's main entities)", [j for j in quoted
                                                          if _kind(j) == "other"]),
        ("a group ('House_Democrats'; a name cannot match)", [j for j in quoted
                                                             if _kind(j) == "group"]),
    ):
        print(f"  gold speaker is {label}: {pct(sum(j.speaker_ok for j in rows), len(rows))} "
              f"of {len(rows)}")
    groups = [j for j in quoted if _kind(j) == "group" and j.found is not None]
    party = sum(same_party(j.gold_speaker or "", j.found) for j in groups if j.found)
    print(f"  group labels whose party the found speaker's description gives "
          f"('Rep. X, D-N.Y.' for House_Democrats): {party} of {len(groups)} found")
    rows = [j for j in quoted if _kind(j) != "group"]
    figures["speaker_no_groups"] = sum(j.speaker_ok for j in rows) / len(rows) if rows else 0.0
    print(f"  without group labels: {100 * figures['speaker_no_groups']:.1f}% of {len(rows)}")
    errors = [j for j in judged if (j.found is not None) != j.gold_quote or (
        j.gold_quote and j.found is not None and not j.speaker_ok)]
    print(f"\n{min(EXAMPLES, len(errors))} example errors of {len(errors)}:")
    step = max(1, len(errors) // EXAMPLES)
    for j in errors[::step][:EXAMPLES]:
        said = (j.found.name or j.found.speaker) if j.found else "-"
        how = ("direct" if j.found.direct else "reported") if j.found else "outside"
        snippet = " ".join(j.text.split())[:70]
        print(f"- {j.event[6:40]} {j.outlet}: gold quote={'yes' if j.gold_quote else 'no'}"
              f" speaker={j.gold_speaker}; framing: {how}, speaker={said!r}: {snippet!r}")
    return figures


def same_party(label: str, found: Quote) -> bool:
    """'House_Democrats' and a speaker described as 'D-N.Y.' or 'a Democrat of Ohio'."""
    words = set(norm(label).split())
    described = f" {found.speaker} {found.role} "
    if words & {"democrats", "democratic"}:
        return bool(re.search(r"\bD-[A-Z]|\bDemocrat", described))
    if words & {"republicans", "republican", "gop"}:
        return bool(re.search(r"\bR-[A-Z]|\bRepublican|\bGOP\b", described))
    return False


def _kind(j: Judged) -> str:


    """person, other or group: what the gold speaker label names."""
    label = j.gold_speaker or ""
    return "other" if label.startswith("other_") else "group" if is_group(label) else "person"


def main(argv: Sequence[str] | None = None) -> int:


    """Run the evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("eval_dir", type=Path, help="../shared/eval, its basil/, or one event")
    args = parser.parse_args(argv)
    folders = event_folders(args.eval_dir)
    if not folders:
        print(f"Error: no BASIL events under {args.eval_dir}", file=sys.stderr)
        return 1
    cues = [f for f in bundled_lexicon_files() if f.name == "cues.toml"]
    verbs = attribution_verbs(load_lexicons(cues))
    began = time.perf_counter()
    judged = [j for folder in folders for j in judge_event(folder, verbs)]
    figures = summary(judged)
    print(f"\n{len(folders)} events in {time.perf_counter() - began:.1f}s")
    missed = [k for k, floor in TARGETS.items() if figures[k] < floor]
    if missed:
        print(f"below target: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
