"""How much of people's annotations the lexicons cover, and what they still miss.

    python benchmarks/coverage.py ../shared/eval

Prints, for BASIL, NewsWCL50 and ECB+: the share of events where at least one domain pack is
chosen; the share of annotated spans a lexicon term overlaps (BASIL: loaded-wording `lex`
spans; NewsWCL50, ECB+: actor, group and country mentions); and BASIL's 20 most frequent loaded
words (lex spans, lowercased) that no lexicon term touches. Figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from evaluate import ACTOR_TYPES, find_events, gold_rows, one_line, read_annotations

from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import Lexicon
from framing.render.export import report_dict
from framing.text.loading import load_corpus


def _overlapped(row: Mapping[str, Any], spans: Sequence[tuple[str, int, int]]) -> bool:
    return any(
        article == row["article"] and start < row["end"] and row["start"] < end
        for article, start, end in spans
    )


def coverage(eval_dir: Path, lexicons: Sequence[Lexicon]) -> str:
    """The coverage figures as printable text."""
    lines: list[str] = []
    missed: Counter[str] = Counter()
    by_dataset: dict[str, list[tuple[bool, int, int]]] = {}
    for event in find_events(eval_dir):
        try:
            report = analyze(load_corpus(event.folder), lexicons)
        except Exception as error:  # one event framing crashes on must not end the run
            lines.append(f"{event.dataset}/{event.name}: skipped, framing failed: "
                         f"{one_line(error)}")
            continue
        data = report_dict(report)
        domain = any(p.chosen and p.lexicon.scope == "domain" for p in report.packs)
        spans = [(m["article"], m["start"], m["end"]) for m in data["matches"]
                 if m["source"] == "lexicon"]
        rows = gold_rows(read_annotations(event))
        if event.dataset == "basil":
            rows = [r for r in rows if r["bias"] == "lex"]
        else:
            rows = [r for r in rows if r["code_type"] in ACTOR_TYPES]
        covered = [_overlapped(r, spans) for r in rows]
        if event.dataset == "basil":
            missed.update(" ".join(r["text"].lower().split()) for r, c in zip(rows, covered,
                                                                             strict=True) if not c)
        by_dataset.setdefault(event.dataset, []).append((domain, sum(covered), len(rows)))
    for dataset, events in sorted(by_dataset.items()):
        with_pack = sum(d for d, _, _ in events)
        inside = sum(c for _, c, _ in events)
        total = sum(t for _, _, t in events)
        what = "loaded-wording spans" if dataset == "basil" else "actor mentions"
        lines.append(f"{dataset}: a domain pack chosen in {with_pack} of {len(events)} events "
                     f"({with_pack / len(events):.0%}); {inside} of {total} {what} inside a "
                     f"lexicon term ({inside / max(total, 1):.1%})")
    lines.append("basil: the 20 most frequent loaded-wording spans no lexicon term touches:")
    lines.extend(f"  {count:3d}  {text}" for text, count in missed.most_common(20))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path)
    args = parser.parse_args(argv)
    print(coverage(args.eval_dir, load_lexicons(bundled_lexicon_files())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
