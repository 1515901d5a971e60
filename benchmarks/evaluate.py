"""Measure framing against people's annotations; prints figures, and gates them with --check.

    python benchmarks/evaluate.py ../shared/eval [--json figures.json]
    python benchmarks/evaluate.py ../shared/eval --check
    python benchmarks/evaluate.py ../shared/eval --update-baseline [--allow-lower]

EVAL_DIR holds newswcl50/ and basil/ folders of events (or is one of them, or one event): one
<outlet>.txt per article and an annotations.json. framing runs on each event folder through
its public API and its JSON export is scored:

- NewsWCL50, actor grouping: the actor, group and country mentions people coded with their
  concept; how many framing's referent matches find, and B-cubed of framing's referents
  against the concepts.
- BASIL, loaded wording: how many lexical-bias spans framing's negative or positive
  highlights find, how many of those highlights sit on an annotated span, and how many
  highlights there are per 1,000 words; also per referent or cue category.

--check compares the overall figures with benchmarks/baseline.json and fails when one is
worse than its pin or the inputs changed. The evaluation texts are read in place, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import evaluate_voices as voices_eval
import evaluation_gate as gate
import evaluation_metrics as metrics
from evaluation_metrics import GroupingScores, Highlight, Mention, Span, WordingCounts

from framing.analysis import analyze
from framing.export import report_dict
from framing.lexicon import bundled_lexicon_files, load_lexicons
from framing.loading import load_corpus
from framing.model import Lexicon
from framing.voices import attribution_verbs

DATASETS = ("newswcl50", "basil")
ACTOR_TYPES = frozenset({"ACTOR", "ACTOR-I", "GROUP", "COUNTRY"})
NON_NEUTRAL = frozenset({"negative", "positive"})
PAPER_F1 = 0.457  # NewsWCL50's automatic method (Hamborg, Zhukova and Gipp 2019)
TARGETS = {"b3_f1": 0.55, "mention_recall": 0.70, "lex_recall": 0.40, "per_1000_words": 25.0}
BASELINE = Path(__file__).resolve().parent / "baseline.json"
DATA_HINT = (
    "the evaluation events belong in ../shared/eval beside the repository (newswcl50/ and "
    "basil/ folders of events; see ../shared/eval/README.md)"
)


class EvaluationError(Exception):
    """The evaluation cannot run or its inputs do not line up; the message says why."""


@dataclass(frozen=True)
class Event:
    """One event folder of a dataset."""

    dataset: str
    folder: Path

    @property
    def name(self) -> str:
        """The folder name."""
        return self.folder.name


@dataclass
class GroupingResult:
    """NewsWCL50 figures per event, pooled (micro) and averaged (macro)."""

    events: dict[str, GroupingScores] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def micro(self) -> GroupingScores:
        """All mentions pooled, each event's clusters kept apart."""
        return metrics.score_grouping(self.mentions)

    @property
    def macro(self) -> GroupingScores:
        """The mean of the events' figures."""
        return metrics.macro_grouping(list(self.events.values()))


@dataclass
class WordingResult:
    """BASIL counts per event, pooled, and per highlight category."""

    events: dict[str, WordingCounts] = field(default_factory=dict)
    categories: dict[str, WordingCounts] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def micro(self) -> WordingCounts:
        """All events pooled."""
        return sum(self.events.values(), WordingCounts())

    def macro(self, figure: str) -> float | None:
        """The mean of one figure over the events where it is defined."""
        return metrics.mean_of(getattr(c, figure) for c in self.events.values())

    def by_category(self) -> dict[str, WordingCounts]:
        """Each category's counts over all events, against all lex spans and all words."""
        pooled = self.micro
        return {name: replace(c, lex_spans=pooled.lex_spans, words=pooled.words)
                for name, c in sorted(self.categories.items())}


# Finding and reading the events


def find_events(eval_dir: Path) -> list[Event]:
    """The event folders under EVAL_DIR, a dataset folder, or EVAL_DIR as one event."""
    if not eval_dir.is_dir():
        raise EvaluationError(f"{eval_dir} does not exist: {DATA_HINT}")
    if (eval_dir / "annotations.json").is_file():
        folders = [eval_dir]
    elif eval_dir.name in DATASETS:
        folders = _event_folders(eval_dir)
    else:
        folders = [f for d in DATASETS for f in _event_folders(eval_dir / d)]
    if not folders:
        raise EvaluationError(f"no event folders (with annotations.json) in {eval_dir}: "
                              f"{DATA_HINT}")
    events = [Event(f.parent.name, f) for f in folders]
    for event in events:
        if event.dataset not in DATASETS:
            raise EvaluationError(f"{event.folder}: an event folder must sit in a "
                                  f"{' or '.join(DATASETS)} folder, to say how to score it")
    return events


def _event_folders(dataset: Path) -> list[Path]:
    """The sub-folders of a dataset folder that hold annotations.json, sorted."""
    return sorted(p.parent for p in dataset.glob("*/annotations.json"))


def event_files(event: Event) -> list[Path]:
    """The files the figures depend on: the articles and the annotations."""
    return [*sorted(event.folder.glob("*.txt")), event.folder / "annotations.json"]


def digest_of(events: Sequence[Event]) -> str:
    """The digest of every event's inputs, paths taken from the datasets' parent folder."""
    root = events[0].folder.parent.parent
    return gate.inputs_digest(root, [f for e in events for f in event_files(e)])


def framing_json(folder: Path, lexicons: Sequence[Lexicon]) -> dict[str, Any]:
    """framing's JSON export for one folder, made in-process as the CLI makes it."""
    return report_dict(analyze(load_corpus(folder), lexicons))


def read_annotations(event: Event) -> dict[str, Any]:
    """The event's annotations.json."""
    data: dict[str, Any] = json.loads((event.folder / "annotations.json").read_bytes())
    return data


def gold_rows(annotations: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The placed annotations (non-null start), each with `article`: its outlet's file name."""
    files = {outlet: info["file"] for outlet, info in annotations["outlets"].items()}
    return [{**row, "article": files[row["outlet"]]}
            for row in annotations["annotations"] if row["start"] is not None]


def check_offsets(event: Event, rows: Sequence[Mapping[str, Any]], what: str) -> None:
    """Fail unless each row's `text` is the article file's text at `start`:`end`."""
    texts: dict[str, str] = {}
    bad = []
    for row in rows:
        name = row["article"]
        if name not in texts:
            path = event.folder / name
            if not path.is_file():
                raise EvaluationError(f"{event.folder}: {what} refer to {name}, which is missing")
            texts[name] = path.read_bytes().decode("utf-8")
        if texts[name][row["start"] : row["end"]] != row["text"]:
            bad.append(f"{name}[{row['start']}:{row['end']}] {row['text']!r}")
    if bad:
        raise EvaluationError(f"{event.folder}: {len(bad)} {what} do not line up with the file "
                              f"text, e.g. {'; '.join(bad[:3])}")


def highlights(report: Mapping[str, Any], kinds: frozenset[str],
               connotations: frozenset[str] | None = None) -> list[Highlight]:
    """framing's matches of the given kinds (and connotations, when given) as highlights."""
    return [
        Highlight(Span(m["article"], m["start"], m["end"]), m["referent"])
        for m in report["matches"]
        if m["kind"] in kinds and (connotations is None or m["connotation"] in connotations)
    ]


# Scoring one event


def score_newswcl50(event: Event, report: Mapping[str, Any],
                    gold: Sequence[Mapping[str, Any]]) -> list[Mention]:
    """The event's actor, group and country mentions with framing's referent for each."""
    mentions = [
        metrics.GoldMention(Span(g["article"], g["start"], g["end"]), g["code_name"])
        for g in gold if g["code_type"] in ACTOR_TYPES
    ]
    referents = highlights(report, frozenset({"referent"}))
    return metrics.grouping_mentions(event.name, mentions, referents)


def score_basil(report: Mapping[str, Any], gold: Sequence[Mapping[str, Any]]
                ) -> tuple[WordingCounts, dict[str, WordingCounts]]:
    """The event's wording counts, in all and per highlight category."""
    spans = [metrics.BiasSpan(Span(g["article"], g["start"], g["end"]), g["bias"]) for g in gold]
    marked = highlights(report, frozenset({"referent", "cue"}), NON_NEUTRAL)
    words = sum(o["words"] for o in report["outlets"])
    return metrics.wording_counts(spans, marked, words), metrics.category_counts(spans, marked)


def run_event(event: Event, lexicons: Sequence[Lexicon]
              ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """framing's report on the event and its placed annotations, offsets checked."""
    report = framing_json(event.folder, lexicons)
    gold = gold_rows(read_annotations(event))
    analysed = {a["file"] for a in report["articles"]}
    missing = sorted({g["article"] for g in gold} - analysed)
    if missing:
        raise EvaluationError(f"{event.folder}: framing did not analyse {', '.join(missing)}")
    check_offsets(event, report["matches"], "framing matches")
    check_offsets(event, gold, "annotations")
    return report, gold


def evaluate(events: Sequence[Event], lexicons: Sequence[Lexicon]
             ) -> tuple[GroupingResult, WordingResult]:
    """Run framing on every event and score it; times each dataset."""
    grouping, wording = GroupingResult(), WordingResult()
    for event in events:
        start = time.perf_counter()
        report, gold = run_event(event, lexicons)
        if event.dataset == "newswcl50":
            mentions = score_newswcl50(event, report, gold)
            grouping.mentions.extend(mentions)
            grouping.events[event.name] = metrics.score_grouping(mentions)
            grouping.seconds += time.perf_counter() - start
        else:
            counts, categories = score_basil(report, gold)
            wording.events[event.name] = counts
            for category, category_counts in categories.items():
                wording.categories[category] = (
                    wording.categories.get(category, WordingCounts()) + category_counts
                )
            wording.seconds += time.perf_counter() - start
    return grouping, wording


def gate_figures(
    grouping: GroupingResult, wording: WordingResult, voices: Mapping[str, float] | None = None
) -> gate.Figures:
    """The overall figures the baseline pins (only those of the datasets that ran)."""
    floors: dict[str, float] = {
        f"basil.quotes.{name}": value for name, value in (voices or {}).items()
        if name in ("agreement", "agreement_direct", "speaker")
    }
    ceilings: dict[str, float] = {}
    if grouping.events:
        micro = grouping.micro
        floors |= {
            "newswcl50.mention_recall": micro.mention_recall,
            "newswcl50.b3_precision": micro.b3_precision,
            "newswcl50.b3_recall": micro.b3_recall,
            "newswcl50.b3_f1": micro.b3_f1,
            "newswcl50.b3_f1_macro": grouping.macro.b3_f1,
        }
    if wording.events:
        pooled = wording.micro
        floors["basil.lex_recall"] = pooled.lex_recall or 0.0
        floors["basil.precision"] = pooled.precision or 0.0
        ceilings["basil.highlights_per_1000_words"] = pooled.per_1000_words or 0.0
    return gate.Figures(floors, ceilings)


# Printing


def pct(value: float | None) -> str:
    """A share as a percentage, or a dash when undefined."""
    return "-" if value is None else f"{100 * value:.1f}%"


def num(value: float | None) -> str:
    """A rate with one decimal, or a dash when undefined."""
    return "-" if value is None else f"{value:.1f}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned first column, right-aligned others, widths fitted to the content."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                  enumerate(zip(row, widths, strict=True)))
        for row in [header, *rows]
    ]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]])


def grouping_table(result: GroupingResult) -> str:
    """Per event, micro and macro rows of the NewsWCL50 figures."""
    def row(name: str, s: GroupingScores) -> list[str]:
        return [name, str(s.gold), str(s.found), pct(s.mention_recall), pct(s.b3_precision),
                pct(s.b3_recall), pct(s.b3_f1)]

    rows = [row(name, s) for name, s in result.events.items()]
    rows += [row("all, pooled (micro)", result.micro), row("all, mean of events (macro)",
                                                           result.macro)]
    header = ["event", "gold", "found", "mention recall", "B3 precision", "B3 recall", "B3 F1"]
    return "\n".join([
        "NewsWCL50: grouping of actor, group and country mentions "
        f"({len(result.events)} events, {result.seconds:.1f} s)",
        table(header, rows),
        f"Targets: B3 F1 > {pct(TARGETS['b3_f1'])}, mention recall > "
        f"{pct(TARGETS['mention_recall'])}. Published reference: the NewsWCL50 paper's automatic "
        f"method reached F1 {pct(PAPER_F1)}.",
    ])


def wording_table(result: WordingResult) -> str:
    """Per event, pooled and macro rows of the BASIL figures."""
    def row(name: str, c: WordingCounts) -> list[str]:
        return [name, str(c.lex_spans), str(c.lex_found), pct(c.lex_recall), str(c.highlights),
                str(c.highlights_on_spans), pct(c.precision), num(c.per_1000_words)]

    rows = [row(name, c) for name, c in result.events.items()]
    rows.append(row("all, pooled (micro)", result.micro))
    rows.append(["all, mean of events (macro)", "", "", pct(result.macro("lex_recall")), "", "",
                 pct(result.macro("precision")), num(result.macro("per_1000_words"))])
    header = ["event", "lex spans", "found", "lex recall", "highlights", "on spans",
              "precision", "per 1,000 words"]
    return "\n".join([
        "BASIL: loaded wording, framing's negative and positive highlights "
        f"({len(result.events)} events, {result.seconds:.1f} s)",
        table(header, rows),
        f"Target: lex recall > {pct(TARGETS['lex_recall'])} at <= "
        f"{num(TARGETS['per_1000_words'])} highlights per 1,000 words. Precision counts "
        "highlights on any annotated span (lex or inf).",
    ])


def category_table(result: WordingResult) -> str:
    """Per referent or cue category: lex spans its highlights find, and their precision."""
    ranked = sorted(result.by_category().items(), key=lambda kv: (-kv[1].highlights, kv[0]))
    rows = [[name, str(c.highlights), num(c.per_1000_words), str(c.lex_found), pct(c.lex_recall),
             str(c.highlights_on_spans), pct(c.precision)] for name, c in ranked]
    header = ["category", "highlights", "per 1,000 words", "lex found", "lex recall",
              "on spans", "precision"]
    return "\n".join(["BASIL by category (all events pooled)", table(header, rows)])


def results_json(grouping: GroupingResult, wording: WordingResult, digest: str,
                 seconds: float) -> dict[str, Any]:
    """Every figure as plain data, for --json."""
    def counts(c: WordingCounts) -> dict[str, Any]:
        return {**asdict(c), "lex_recall": c.lex_recall, "precision": c.precision,
                "per_1000_words": c.per_1000_words}

    figures = gate_figures(grouping, wording)
    return {
        "inputs_sha256": digest,
        "seconds": {"newswcl50": grouping.seconds, "basil": wording.seconds, "all": seconds},
        "gate": {"floors": dict(figures.floors), "ceilings": dict(figures.ceilings)},
        "targets": TARGETS,
        "newswcl50": {
            "reference_f1": PAPER_F1,
            "events": {name: asdict(s) for name, s in grouping.events.items()},
            "micro": asdict(grouping.micro) if grouping.events else None,
            "macro": asdict(grouping.macro) if grouping.events else None,
        },
        "basil": {
            "events": {name: counts(c) for name, c in wording.events.items()},
            "micro": counts(wording.micro),
            "macro": {f: wording.macro(f) for f in ("lex_recall", "precision", "per_1000_words")},
            "categories": {name: counts(c) for name, c in wording.by_category().items()},
        },
    }


# The gate and the command line


def run_gate(args: argparse.Namespace, figures: gate.Figures, digest: str) -> int:
    """--check or --update-baseline; returns the exit status."""
    path: Path = args.baseline
    if args.check:
        if not path.is_file():
            raise EvaluationError(f"no baseline at {path}: create it with --update-baseline")
        problems = gate.check(figures, digest, gate.read_baseline(path))
        for problem in problems:
            print(f"FAIL: {problem}", file=sys.stderr)
        print("Quality gate: " + (f"{len(problems)} problem(s)" if problems else "passed"),
              file=sys.stderr if problems else sys.stdout)
        return 1 if problems else 0
    old = gate.read_baseline(path) if path.is_file() else None
    result = gate.update(figures, digest, old, args.allow_lower)
    gate.write_baseline(path, result.baseline)
    for note in result.loosened:
        print(f"LOOSENED (--allow-lower): {note}")
    for note in result.kept:
        print(f"KEPT: {note} (worse than its pin; add --allow-lower to move the pin)",
              file=sys.stderr)
    print(f"Wrote {path}" + ("" if args.allow_lower else
                             ": pins only tightened; --allow-lower would loosen them"))
    return 1 if result.kept else 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("eval_dir", type=Path, metavar="EVAL_DIR")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="fail when a figure is worse than its pin or the inputs changed")
    mode.add_argument("--update-baseline", action="store_true",
                      help="pin the current figures (floors only rise, ceilings only fall)")
    parser.add_argument("--allow-lower", action="store_true",
                        help="with --update-baseline: let floors drop and ceilings rise")
    parser.add_argument("--baseline", type=Path, default=BASELINE, metavar="PATH",
                        help="the baseline file (default: benchmarks/baseline.json)")
    args = parser.parse_args(argv)
    if args.allow_lower and not args.update_baseline:
        parser.error("--allow-lower only goes with --update-baseline")
    return args


def _voices(events: Sequence[Event]) -> dict[str, float]:
    """Quotation and speaker agreement with BASIL's `quote` and `speaker` fields, printed."""
    folders = [e.folder for e in events if e.dataset == "basil"]
    if not folders:
        return {}
    print("BASIL quotations and speakers (benchmarks/evaluate_voices.py)")
    verbs = attribution_verbs(load_lexicons(bundled_lexicon_files()))
    judged = [j for folder in folders for j in voices_eval.judge_event(folder, verbs)]
    figures = voices_eval.summary(judged)
    print()
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate, print the tables, and run the gate when asked; returns the exit status."""
    started = time.perf_counter()
    args = parse_args(argv)
    try:
        events = find_events(args.eval_dir)
        digest = digest_of(events)
        grouping, wording = evaluate(events, load_lexicons(bundled_lexicon_files()))
    except EvaluationError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    for section in ([grouping_table(grouping)] if grouping.events else []) + (
            [wording_table(wording), category_table(wording)] if wording.events else []):
        print(section, end="\n\n")
    voices = _voices(events)
    print(f"Wall time: {seconds:.1f} s in all (newswcl50 {grouping.seconds:.1f} s, "
          f"basil {wording.seconds:.1f} s)")
    if args.json:
        args.json.write_text(json.dumps(results_json(grouping, wording, digest, seconds),
                                        indent=2) + "\n", encoding="utf-8")
    if not (args.check or args.update_baseline):
        return 0
    try:
        return run_gate(args, gate_figures(grouping, wording, voices), digest)
    except EvaluationError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
