"""Measure framing against people's annotations; prints figures, and gates them with --check.

    python benchmarks/evaluate.py ../shared/eval [--json figures.json] [--fold tune|check|all]
    python benchmarks/evaluate.py ../shared/eval --check
    python benchmarks/evaluate.py ../shared/eval --update-baseline [--allow-lower]

EVAL_DIR holds newswcl50/, ecbplus/ and basil/ folders of events (or is one of them, or one
event): one <outlet>.txt per article and an annotations.json. framing runs on each event folder
through its public API and its JSON export is scored:

- NewsWCL50 and ECB+, actor grouping: the actor, group and country mentions people coded with
  their concept (code_type ACTOR, ACTOR-I, GROUP, COUNTRY); how many framing's referent
  matches find (mention recall), and B-cubed of framing's referents against the concepts,
  pooled over events and as the mean of events, overall and per mention type. ECB+ is
  annotated completely only inside each text's `annotated_sentences`: only the gold mentions
  and framing's matches there count.
- Rows (same sets): *row purity* is, over framing's rows (referents), the share of their
  matches on a gold mention that land on the row's main concept (the one it hits most),
  weighted by matches; *rows off gold* is the share of rows with 3 or more matches (in scope)
  none of which lands on a gold mention. The worst rows of both kinds are listed.
- BASIL, loaded wording: how many lexical-bias spans framing's negative or positive
  highlights find, how many of those highlights sit on an annotated span, and how many
  highlights there are per 1,000 words; also per referent or cue category.
- BASIL, against the annotators per article and per outlet: Spearman's correlation over
  articles of framing's count of those highlights with the annotators' count of lex spans
  (and of the two per 1,000 words), and whether framing orders the three outlets by loaded
  highlights per 1,000 words as the annotators' lex spans per 1,000 words do; intervals
  resample events, an event's three articles together (benchmarks/evaluation_outlets.py).

Folds: events are split deterministically into "tune" and "check" (ECB+: odd topic numbers
tune, even ones check, both parts of a topic together; NewsWCL50 and BASIL: alternating in
sorted order, the first tuning). Figures are printed per fold, with the spread across events
(min, median, max, standard deviation). `--fold tune` or `--fold check` runs one fold only:
tune rules on one, then confirm on the other that they carry over.

An event on which framing crashes is counted as failed (framing found nothing there) with the
exception's one-line reason, and the run goes on. --check compares the overall figures (all
folds) with benchmarks/baseline.json and fails when one is worse than its pin or a dataset's
inputs changed. The evaluation texts are read in place, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import time
import traceback
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import evaluate_voices as voices_eval
import evaluation_gate as gate
import evaluation_metrics as metrics
import evaluation_outlets as outlets
from evaluation_metrics import (
    GoldMention,
    GroupingScores,
    Highlight,
    Mention,
    RowCounts,
    RowTally,
    Span,
    WordingCounts,
)
from evaluation_outlets import ArticleCounts, Comparison

from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import AnalysisConfig, Lexicon
from framing.render.export import report_dict
from framing.text.loading import load_corpus
from framing.voices.statements import attribution_verbs

DATASETS = ("newswcl50", "ecbplus", "basil")
GROUPING_SETS = {"newswcl50": "NewsWCL50", "ecbplus": "ECB+"}
MENTION_TYPES = ("ACTOR", "ACTOR-I", "GROUP", "COUNTRY")
ACTOR_TYPES = frozenset(MENTION_TYPES)
NON_NEUTRAL = frozenset({"negative", "positive"})
PAPER_F1 = 0.457  # NewsWCL50's automatic method (Hamborg, Zhukova and Gipp 2019)
TARGETS = {"b3_f1": 0.55, "mention_recall": 0.70, "lex_recall": 0.40, "per_1000_words": 25.0}
# A grouping set's figures: those of GroupingScores, then the rows'. The gate pins the pooled
# ones: FLOOR_FIGURES as floors, rows_off_gold as a ceiling.
SCORE_FIGURES = ("mention_recall", "b3_precision", "b3_recall", "b3_f1")
EVENT_FIGURES = (*SCORE_FIGURES, "row_purity", "rows_off_gold")
FLOOR_FIGURES = (*SCORE_FIGURES, "b3_f1_macro", "row_purity")
WORST_ROWS = 5
BASELINE = Path(__file__).resolve().parent / "baseline.json"
DATA_HINT = (
    "the evaluation events belong in ../shared/eval beside the repository (newswcl50/, "
    "ecbplus/ and basil/ folders of events; see ../shared/eval/README.md)"
)


class EvaluationError(Exception):
    """The evaluation cannot run or its inputs do not line up; the message says why."""


@dataclass(frozen=True)
class Event:
    """One event folder of a dataset, and its fold ("tune" or "check")."""

    dataset: str
    folder: Path
    fold: str = "tune"

    @property
    def name(self) -> str:
        """The folder name."""
        return self.folder.name


@dataclass(frozen=True)
class RowReport:
    """One framing row of one event, with what it was called and what it hit, to look at."""

    event: str
    name: str
    tally: RowTally
    labels: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class EventGrouping:
    """One event of a grouping set as scored; `failure` says why framing crashed on it."""

    fold: str
    mentions: tuple[Mention, ...]
    rows: RowCounts
    rows_by_type: Mapping[str, RowCounts]
    row_reports: tuple[RowReport, ...] = ()
    failure: str | None = None

    @property
    def scores(self) -> GroupingScores:
        """Mention recall and B-cubed of this event."""
        return metrics.score_grouping(self.mentions)

    def figures(self) -> dict[str, float | None]:
        """The event's figures, by the names of EVENT_FIGURES."""
        scores = self.scores
        return {**{f: getattr(scores, f) for f in SCORE_FIGURES},
                "row_purity": self.rows.purity, "rows_off_gold": self.rows.off_gold}


@dataclass
class GroupingResult:
    """A grouping set's events as scored (NewsWCL50 or ECB+), and the time they took."""

    dataset: str
    events: dict[str, EventGrouping] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def title(self) -> str:
        """The dataset's display name."""
        return GROUPING_SETS[self.dataset]

    def part(self, fold: str | None = None) -> list[EventGrouping]:
        """The events of one fold, or all of them."""
        return [e for e in self.events.values() if fold is None or e.fold == fold]

    def micro(self, fold: str | None = None) -> GroupingScores:
        """All mentions pooled, each event's clusters kept apart."""
        return metrics.score_grouping([m for e in self.part(fold) for m in e.mentions])

    def macro(self, fold: str | None = None) -> GroupingScores:
        """The mean of the events' figures."""
        return metrics.macro_grouping([e.scores for e in self.part(fold)])

    def rows(self, fold: str | None = None) -> RowCounts:
        """The row counts of the events pooled."""
        return sum((e.rows for e in self.part(fold)), RowCounts())

    def figures(self, fold: str | None = None) -> dict[str, float | None]:
        """The pooled figures: EVENT_FIGURES and the mean of the events' B-cubed F1."""
        micro, rows = self.micro(fold), self.rows(fold)
        return {**{f: getattr(micro, f) for f in SCORE_FIGURES},
                "b3_f1_macro": self.macro(fold).b3_f1 if self.part(fold) else None,
                "row_purity": rows.purity, "rows_off_gold": rows.off_gold}

    def by_type(self) -> dict[str, tuple[GroupingScores, RowCounts]]:
        """Per mention type: B-cubed over its gold mentions alone, and row purity against
        its gold mentions alone (events pooled)."""
        kinds = metrics.by_kind([m for e in self.events.values() for m in e.mentions])
        return {k: (kinds[k], sum((e.rows_by_type.get(k, RowCounts())
                                   for e in self.events.values()), RowCounts()))
                for k in MENTION_TYPES if k in kinds}

    def spread(self) -> dict[str, metrics.Spread | None]:
        """How each per-event figure varies across the events."""
        per_event = [e.figures() for e in self.events.values()]
        return {f: metrics.spread(p[f] for p in per_event) for f in EVENT_FIGURES}

    def failures(self) -> dict[str, str]:
        """The events framing crashed on, with the reason."""
        return {n: e.failure for n, e in self.events.items() if e.failure is not None}


@dataclass
class WordingResult:
    """BASIL counts per event, pooled, and per highlight category."""

    events: dict[str, WordingCounts] = field(default_factory=dict)
    categories: dict[str, WordingCounts] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    folds: dict[str, str] = field(default_factory=dict)  # event -> "tune" or "check"
    sources: dict[str, WordingCounts] = field(default_factory=dict)  # by source lexicon
    voices: dict[str, WordingCounts] = field(default_factory=dict)  # own words or quoted
    missed: Counter[str] = field(default_factory=Counter)  # lex spans no highlight touches
    unannotated: Counter[str] = field(default_factory=Counter)  # highlights on no span
    articles: list[ArticleCounts] = field(default_factory=list)  # per article, all events
    outlet_names: dict[str, str] = field(default_factory=dict)  # outlet slug -> its name
    compared: dict[str | None, Comparison] = field(default_factory=dict, repr=False)

    def fold(self, name: str) -> WordingCounts:
        """One fold's events pooled."""
        return sum((c for e, c in self.events.items() if self.folds.get(e) == name),
                   WordingCounts())

    def against_people(self, fold: str | None = None) -> Comparison:
        """framing's loaded highlights against the annotators' lex spans, per article and per
        outlet, over one fold's events or all (worked out once, after the events are in)."""
        if set(self.folds.values()) == {fold}:
            fold = None  # the one fold that ran is all of them
        if fold not in self.compared:
            self.compared[fold] = outlets.compare(
                [a for a in self.articles if fold is None or self.folds.get(a.event) == fold])
        return self.compared[fold]

    def interval(self, figure: str) -> tuple[float, float] | None:
        """A 95% bootstrap interval of a pooled figure over events."""
        return metrics.bootstrap_wording(list(self.events.values()), figure)

    @property
    def micro(self) -> WordingCounts:
        """All events pooled."""
        return sum(self.events.values(), WordingCounts())

    def macro(self, figure: str) -> float | None:
        """The mean of one figure over the events where it is defined."""
        return metrics.mean_of(getattr(c, figure) for c in self.events.values())

    def by_category(self, part: str = "categories") -> dict[str, WordingCounts]:
        """Each category's (or source's, or voice's) counts over all events, against all lex
        spans and all words."""
        pooled = self.micro
        table: dict[str, WordingCounts] = getattr(self, part)
        return {name: replace(c, lex_spans=pooled.lex_spans, words=pooled.words)
                for name, c in sorted(table.items())}


@dataclass
class Results:
    """Everything one run measured: the grouping sets and BASIL."""

    grouping: dict[str, GroupingResult]
    wording: WordingResult


# Finding and reading the events


def find_events(eval_dir: Path) -> list[Event]:
    """The event folders under EVAL_DIR, a dataset folder, or EVAL_DIR as one event.

    Each event's fold is decided among all the events of its dataset folder, so it is the
    same however the events are chosen on the command line.
    """
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
    for folder in folders:
        if folder.parent.name not in DATASETS:
            raise EvaluationError(f"{folder}: an event folder must sit in a "
                                  f"{', '.join(DATASETS)} folder, to say how to score it")
    folds: dict[Path, dict[str, str]] = {}
    for parent in {f.parent for f in folders}:
        names = [f.name for f in _event_folders(parent)]
        folds[parent] = metrics.assign_folds(parent.name, names)
    return [Event(f.parent.name, f, folds[f.parent][f.name]) for f in folders]


def _event_folders(dataset: Path) -> list[Path]:
    """The sub-folders of a dataset folder that hold annotations.json, sorted."""
    return sorted(p.parent for p in dataset.glob("*/annotations.json"))


def event_files(event: Event) -> list[Path]:
    """The files the figures depend on: the articles and the annotations."""
    return [*sorted(event.folder.glob("*.txt")), event.folder / "annotations.json"]


def digests_of(events: Sequence[Event]) -> dict[str, str]:
    """Per dataset, the digest of its events' inputs, paths taken from the datasets' parent."""
    digests = {}
    for dataset in sorted({e.dataset for e in events}):
        chosen = [e for e in events if e.dataset == dataset]
        root = chosen[0].folder.parent.parent
        digests[dataset] = gate.inputs_digest(root, [f for e in chosen for f in event_files(e)])
    return digests


def framing_json(folder: Path, lexicons: Sequence[Lexicon], config: AnalysisConfig
                 ) -> dict[str, Any]:
    """framing's JSON export for one folder, made in-process as the CLI makes it."""
    return report_dict(analyze(load_corpus(folder), lexicons, config))


def read_annotations(event: Event) -> dict[str, Any]:
    """The event's annotations.json."""
    data: dict[str, Any] = json.loads((event.folder / "annotations.json").read_bytes())
    return data


def gold_rows(annotations: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The placed annotations (non-null start), each with `article`: its outlet's file name."""
    files = {outlet: info["file"] for outlet, info in annotations["outlets"].items()}
    return [{**row, "article": files[row["outlet"]]}
            for row in annotations["annotations"] if row["start"] is not None]


def annotated_scope(event: Event, annotations: Mapping[str, Any]) -> list[Span] | None:
    """ECB+: the annotated sentences of every text, where its annotation is complete.

    None for the other sets, annotated in full.
    """
    if event.dataset != "ecbplus":
        return None
    return [Span(info["file"], s["start"], s["end"]) for info in annotations["outlets"].values()
            for s in info["annotated_sentences"]]


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


def highlights(report: Mapping[str, Any] | None, kinds: frozenset[str],
               connotations: frozenset[str] | None = None) -> list[Highlight]:
    """framing's matches of the given kinds (and connotations, when given) as highlights."""
    return [
        Highlight(Span(m["article"], m["start"], m["end"]), m["referent"])
        for m in (report or {}).get("matches", [])
        if m["kind"] in kinds and (connotations is None or m["connotation"] in connotations)
    ]


def one_line(error: BaseException) -> str:
    """An exception as one short line: its type, the first line of its message, and the
    innermost line of the framing package it passed through (where to look)."""
    message = (str(error).splitlines() or [""])[0][:160]
    where = ""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        parts = Path(frame.filename).parts
        if "framing" in parts:
            package = max(i for i, part in enumerate(parts) if part == "framing")
            where = f" ({'/'.join(parts[package:])}:{frame.lineno})"
            break
    return f"{type(error).__name__}: {message}{where}"


# Scoring one event


def grouping_gold(gold: Sequence[Mapping[str, Any]], scoped: bool) -> list[GoldMention]:
    """The actor, group and country mentions (only those in annotated sentences if scoped)."""
    return [
        GoldMention(Span(g["article"], g["start"], g["end"]), g["code_name"], g["code_type"])
        for g in gold
        if g["code_type"] in ACTOR_TYPES and (not scoped or g.get("in_annotated_sentence"))
    ]


def row_reports(event: Event, report: Mapping[str, Any], tallies: Sequence[RowTally],
                scope: Sequence[Span] | None) -> tuple[RowReport, ...]:
    """Each row's name and its most frequent labels (in scope), beside its tally."""
    names = {r["id"]: r["name"] for r in report["referents"]}
    labels: dict[str, Counter[str]] = {}
    for match in report["matches"]:
        span = Span(match["article"], match["start"], match["end"])
        if match["kind"] == "referent" and (scope is None or metrics.touches_any(span, scope)):
            labels.setdefault(match["referent"], Counter())[match["term"]] += 1
    return tuple(
        RowReport(event.name, names.get(t.row, t.row), t,
                  tuple(labels.get(t.row, Counter()).most_common(3)))
        for t in tallies
    )


def score_grouping_event(event: Event, report: Mapping[str, Any] | None,
                         annotations: Mapping[str, Any], gold: Sequence[Mapping[str, Any]],
                         failure: str | None) -> EventGrouping:
    """A NewsWCL50 or ECB+ event's mentions, each with framing's referent, and its rows."""
    scope = annotated_scope(event, annotations)
    mentions = grouping_gold(gold, scope is not None)
    referents = highlights(report, frozenset({"referent"}))
    tallies = metrics.row_tallies(mentions, referents, scope)
    by_type = {
        kind: metrics.row_counts(metrics.row_tallies(
            [m for m in mentions if m.kind == kind], referents, scope))
        for kind in MENTION_TYPES
    }
    return EventGrouping(
        fold=event.fold,
        mentions=tuple(metrics.grouping_mentions(event.name, mentions, referents)),
        rows=metrics.row_counts(tallies), rows_by_type=by_type,
        row_reports=() if report is None else row_reports(event, report, tallies, scope),
        failure=failure,
    )


def score_basil(report: Mapping[str, Any] | None, gold: Sequence[Mapping[str, Any]]
                ) -> tuple[WordingCounts, dict[str, WordingCounts]]:
    """The event's wording counts, in all and per highlight category."""
    spans = [metrics.BiasSpan(Span(g["article"], g["start"], g["end"]), g["bias"]) for g in gold]
    marked = loaded_highlights(report)
    words = sum(o["words"] for o in (report or {}).get("outlets", []))
    categories = metrics.category_counts(spans, marked)
    matches = _non_neutral(report)
    lexicon = {r["id"]: r["lexicon"] for r in (report or {}).get("referents", [])}
    for prefix, key in (("source", lambda m: _source(lexicon, m)), ("voice", _voice)):
        relabelled = [replace(h, category=f"{prefix}:{key(m)}")
                      for h, m in zip(marked, matches, strict=True)]
        categories.update(metrics.category_counts(spans, relabelled))
    return metrics.wording_counts(spans, marked, words), categories


def loaded_highlights(report: Mapping[str, Any] | None) -> list[Highlight]:
    """framing's loaded highlights: its negative and positive referent and cue matches, the
    ones every BASIL wording figure counts."""
    return highlights(report, frozenset({"referent", "cue"}), NON_NEUTRAL)


def article_counts(event: Event, report: Mapping[str, Any] | None,
                   annotations: Mapping[str, Any], gold: Sequence[Mapping[str, Any]]
                   ) -> list[ArticleCounts]:
    """Per article of a BASIL event: framing's loaded highlights, the annotators' lex spans,
    and framing's word count (a whitespace count where framing failed on the event)."""
    loaded = Counter(h.span.article for h in loaded_highlights(report))
    lex = Counter(g["article"] for g in gold if g["bias"] == "lex")
    words = {a["file"]: a["words"] for a in (report or {}).get("articles", [])}
    return [
        ArticleCounts(event.name, outlet, loaded[info["file"]], lex[info["file"]],
                      words[info["file"]] if info["file"] in words
                      else len((event.folder / info["file"]).read_bytes().split()))
        for outlet, info in sorted(annotations["outlets"].items())
    ]


def _non_neutral(report: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    """framing's negative and positive matches, in the order ``highlights`` gives them."""
    return [m for m in (report or {}).get("matches", [])
            if m["kind"] in ("referent", "cue") and m["connotation"] in NON_NEUTRAL]


def _source(lexicon: Mapping[str, str], match: Mapping[str, Any]) -> str:
    """Where a highlight's term comes from (``lexicon``: referent id -> lexicon file): the
    general lexicons, a hand list, the text."""
    name = lexicon.get(match["referent"]) or "found in the text"
    return "general lexicons (VADER, Pattern)" if name.startswith("(") else f"hand list {name}"


def _voice(match: Mapping[str, Any]) -> str:
    return "inside a quotation" if match["voice"] == "quoted" else "own words"


def wording_details(report: Mapping[str, Any] | None, gold: Sequence[Mapping[str, Any]]
                    ) -> dict[str, Counter[str]]:
    """The lex spans no highlight touches, and the highlights on no annotated span, by their
    words in lower case: what to read by eye (printed with --details, never stored)."""
    matches = _non_neutral(report)
    marked = [Span(m["article"], m["start"], m["end"]) for m in matches]
    texts = [m["text"].casefold() for m in matches]
    every = [Span(g["article"], g["start"], g["end"]) for g in gold]
    missed = Counter(" ".join(g["text"].casefold().split()) for g in gold if g["bias"] == "lex"
                     and not metrics.touches_any(Span(g["article"], g["start"], g["end"]),
                                                 marked))
    unannotated = Counter(t for span, t in zip(marked, texts, strict=True)
                          if not metrics.touches_any(span, every))
    return {"missed": missed, "unannotated": unannotated}


def run_framing(event: Event, lexicons: Sequence[Lexicon], gold: Sequence[Mapping[str, Any]],
                config: AnalysisConfig) -> dict[str, Any]:
    """framing's report on the event, checked: every annotated file analysed, offsets right."""
    report = framing_json(event.folder, lexicons, config)
    analysed = {a["file"] for a in report["articles"]}
    missing = sorted({g["article"] for g in gold} - analysed)
    if missing:
        raise EvaluationError(f"framing did not analyse {', '.join(missing)}")
    check_offsets(event, report["matches"], "framing matches")
    return report


def run_event(event: Event, lexicons: Sequence[Lexicon], config: AnalysisConfig
              ) -> tuple[dict[str, Any] | None, str | None, dict[str, Any], list[dict[str, Any]]]:
    """framing's report on the event (None and the reason if framing failed on it), and the
    event's annotations and placed annotations, their offsets checked.

    A wrong annotation stops the run (the inputs are broken); framing crashing on one event,
    or giving a report that does not line up with the text, only fails that event.
    """
    annotations = read_annotations(event)
    gold = gold_rows(annotations)
    check_offsets(event, gold, "annotations")
    try:
        return run_framing(event, lexicons, gold, config), None, annotations, gold
    except Exception as error:  # framing is reworked in parallel: one event must not end a run
        return None, one_line(error), annotations, gold


def evaluate(events: Sequence[Event], lexicons: Sequence[Lexicon],
             config: AnalysisConfig | None = None) -> Results:
    """Run framing on every event and score it; times each dataset."""
    config = config or AnalysisConfig()
    grouping = {d: GroupingResult(d) for d in GROUPING_SETS if any(e.dataset == d
                                                                    for e in events)}
    wording = WordingResult()
    for event in events:
        start = time.perf_counter()
        report, failure, annotations, gold = run_event(event, lexicons, config)
        if event.dataset in grouping:
            result = grouping[event.dataset]
            result.events[event.name] = score_grouping_event(event, report, annotations, gold,
                                                             failure)
            result.seconds += time.perf_counter() - start
            continue
        counts, categories = score_basil(report, gold)
        wording.events[event.name] = counts
        wording.folds[event.name] = event.fold
        wording.articles += article_counts(event, report, annotations, gold)
        wording.outlet_names |= {o: i.get("outlet_name", o)
                                 for o, i in annotations["outlets"].items()}
        for key, found in wording_details(report, gold).items():
            getattr(wording, key).update(found)
        if failure is not None:
            wording.failures[event.name] = failure
        for category, category_counts in categories.items():
            prefix, _, name = category.partition(":")
            table = {"source": wording.sources, "voice": wording.voices}.get(prefix)
            table, name = (wording.categories, category) if table is None else (table, name)
            table[name] = table.get(name, WordingCounts()) + category_counts
        wording.seconds += time.perf_counter() - start
    return Results(grouping, wording)


def gate_figures(results: Results, voices: Mapping[str, float] | None = None) -> gate.Figures:
    """The overall figures the baseline pins (only those of the datasets that ran)."""
    floors: dict[str, float] = {
        f"basil.quotes.{name}": value for name, value in (voices or {}).items()
        if name in ("agreement", "agreement_direct", "speaker")
    }
    ceilings: dict[str, float] = {}
    margins: dict[str, float] = {}
    for dataset, result in results.grouping.items():
        figures = result.figures()
        for name in FLOOR_FIGURES:
            floors[f"{dataset}.{name}"] = figures[name] or 0.0
        ceilings[f"{dataset}.rows_off_gold"] = figures["rows_off_gold"] or 0.0
        margins[f"{dataset}.rows_off_gold"] = 0.0
    wording = results.wording
    if wording.events:
        pooled = wording.micro
        floors["basil.lex_recall"] = pooled.lex_recall or 0.0
        floors["basil.precision"] = pooled.precision or 0.0
        ceilings["basil.highlights_per_1000_words"] = pooled.per_1000_words or 0.0
        compared = wording.against_people()
        floors["basil.spearman_count"] = compared.figures.spearman_count or 0.0
        floors["basil.spearman_rate"] = compared.figures.spearman_rate or 0.0
        floors["basil.outlet_order_agreement"] = compared.order_agreement or 0.0
    return gate.Figures(floors, ceilings, margins)


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


def _off(rows: RowCounts) -> str:
    """Rows off gold as a share and as counts."""
    return f"{pct(rows.off_gold)} ({rows.rows_off}/{rows.rows})"


def events_table(result: GroupingResult) -> str:
    """Per event: fold, mention recall, B-cubed, row purity, rows off gold."""
    rows = []
    for name, event in result.events.items():
        s = event.scores
        rows.append([name + (" (failed)" if event.failure else ""), event.fold, str(s.gold),
                     str(s.found), pct(s.mention_recall), pct(s.b3_precision),
                     pct(s.b3_recall), pct(s.b3_f1), pct(event.rows.purity), _off(event.rows)])
    header = ["event", "fold", "gold", "found", "mention recall", "B3 precision", "B3 recall",
              "B3 F1", "row purity", "rows off gold"]
    return table(header, rows)


def folds_table(result: GroupingResult) -> str:
    """The pooled figures per fold and over all events."""
    rows = []
    folds = [f for f in metrics.FOLDS if result.part(f)]
    for label, fold in [*((f"fold {f}", f) for f in folds),
                        *([("all", None)] if len(folds) > 1 else [])]:
        part = result.part(fold)
        micro, f, counts = result.micro(fold), result.figures(fold), result.rows(fold)
        rows.append([f"{label} ({len(part)} events)", str(micro.gold), pct(micro.mention_recall),
                     pct(micro.b3_precision), pct(micro.b3_recall),
                     f"{pct(micro.b3_f1)} / {pct(f['b3_f1_macro'])}", pct(counts.purity),
                     _off(counts)])
    header = ["events", "gold", "mention recall", "B3 precision", "B3 recall",
              "B3 F1 (pooled / mean)", "row purity", "rows off gold"]
    return table(header, rows)


def spread_table(result: GroupingResult) -> str:
    """Min, median, max and standard deviation of each per-event figure."""
    rows = [[name.replace("_", " "), str(s.events), pct(s.low), pct(s.middle), pct(s.high),
             pct(s.sd)] for name, s in result.spread().items() if s is not None]
    return table(["figure (per event)", "events", "min", "median", "max", "sd"], rows)


def types_table(result: GroupingResult) -> str:
    """Per mention type: recall, B-cubed over that type's mentions, and row purity."""
    rows = [[kind, str(s.gold), pct(s.mention_recall), pct(s.b3_precision), pct(s.b3_recall),
             pct(s.b3_f1), pct(r.purity)] for kind, (s, r) in result.by_type().items()]
    return table(["mention type", "gold", "mention recall", "B3 precision", "B3 recall",
                  "B3 F1", "row purity"], rows)


def worst_rows(result: GroupingResult, limit: int = WORST_ROWS
               ) -> tuple[list[RowReport], list[RowReport]]:
    """The rows that cost row purity most (matches on gold off their main concept; 3 or
    more matches on gold) and the largest rows off gold."""
    reports = [r for e in result.events.values() for r in e.row_reports]
    impure = sorted((r for r in reports if r.tally.on_gold >= metrics.MIN_ROW_MATCHES
                     and r.tally.on_main < r.tally.on_gold),
                    key=lambda r: (r.tally.on_main - r.tally.on_gold,
                                   r.tally.on_main / r.tally.on_gold, r.event, r.name))
    off = sorted((r for r in reports if r.tally.matches >= metrics.MIN_ROW_MATCHES
                  and r.tally.on_gold == 0), key=lambda r: (-r.tally.matches, r.event, r.name))
    return impure[:limit], off[:limit]


def _pairs(pairs: Sequence[tuple[str, int]], limit: int = 3) -> str:
    """'a (3), b (1)' for the first pairs."""
    return ", ".join(f"{name} ({count})" for name, count in pairs[:limit]) or "-"


def row_line(report: RowReport) -> str:
    """One row to look at: where, its name, its size, purity, labels and concepts hit."""
    t = report.tally
    return (f"  {report.event} / {report.name} [{t.row}]: {t.matches} matches, {t.on_gold} on "
            f"gold, purity {pct(metrics.ratio(t.on_main, t.on_gold))}; labels: "
            f"{_pairs(report.labels)}; concepts hit: {_pairs(t.concepts)}")


def rows_section(result: GroupingResult) -> str:
    """The rows to look at first."""
    impure, off = worst_rows(result)
    return "\n".join([
        f"{result.title}: the {WORST_ROWS} rows that cost purity most (matches on gold off "
        "their main concept)",
        *(row_line(r) for r in impure),
        f"{result.title}: the {WORST_ROWS} largest rows off gold",
        *(row_line(r) for r in off),
    ])


def grouping_section(result: GroupingResult) -> str:
    """All the tables of one grouping set."""
    scope = " in annotated sentences" if result.dataset == "ecbplus" else ""
    reference = (f" Published reference: the NewsWCL50 paper's automatic method reached F1 "
                 f"{pct(PAPER_F1)}." if result.dataset == "newswcl50" else "")
    failures = [f"  {name}: {reason}" for name, reason in result.failures().items()]
    return "\n\n".join([
        f"{result.title}: grouping of actor, group and country mentions{scope} "
        f"({len(result.events)} events, {result.seconds:.1f} s)\n{events_table(result)}",
        f"{result.title} by fold\n{folds_table(result)}\n"
        f"Targets: B3 F1 > {pct(TARGETS['b3_f1'])}, mention recall > "
        f"{pct(TARGETS['mention_recall'])}.{reference}",
        f"{result.title}: spread across events\n{spread_table(result)}",
        f"{result.title} by mention type (B-cubed and purity against that type's mentions "
        f"only)\n{types_table(result)}",
        rows_section(result),
        *([f"{result.title}: {len(failures)} event(s) failed in framing (scored as nothing "
           "found)\n" + "\n".join(failures)] if failures else []),
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
        *(f"  failed in framing (scored as nothing found): {name}: {reason}"
          for name, reason in result.failures.items()),
    ])


def category_table(result: WordingResult, part: str = "categories",
                   title: str = "BASIL by category (all events pooled)") -> str:
    """Per referent or cue category (or source, or voice): lex spans its highlights find, and
    their precision."""
    ranked = sorted(result.by_category(part).items(), key=lambda kv: (-kv[1].highlights, kv[0]))
    rows = [[name, str(c.highlights), num(c.per_1000_words), str(c.lex_found), pct(c.lex_recall),
             str(c.highlights_on_spans), pct(c.precision)] for name, c in ranked]
    header = ["category", "highlights", "per 1,000 words", "lex found", "lex recall",
              "on spans", "precision"]
    return "\n".join([title, table(header, rows)])


def wording_summary(result: WordingResult) -> str:
    """Pooled figures with their bootstrap intervals over events, and per fold."""
    lines = ["BASIL loaded wording, pooled, with 95% bootstrap intervals over events"]
    for figure in ("lex_recall", "precision"):
        value = getattr(result.micro, figure)
        interval = result.interval(figure)
        span = f" ({pct(interval[0])} to {pct(interval[1])})" if interval else ""
        lines.append(f"  {figure.replace('_', ' ')}: {pct(value)}{span}")
    for fold in metrics.FOLDS:
        c = result.fold(fold)
        if c.lex_spans:
            lines.append(f"  fold {fold}: lex recall {pct(c.lex_recall)}, precision "
                         f"{pct(c.precision)}, {num(c.per_1000_words)} per 1,000 words")
    return "\n".join(lines)


def _with_interval(value: float | None, interval: tuple[float, float] | None) -> str:
    """A figure to two decimals with its interval, '0.41 (0.28 to 0.52)', or a dash."""
    if value is None:
        return "-"
    return f"{value:.2f}" + (f" ({interval[0]:.2f} to {interval[1]:.2f})" if interval else "")


def _yes(value: bool | None) -> str:
    """yes, no, or a dash when undefined."""
    return "-" if value is None else ("yes" if value else "no")


def wording_folds(result: WordingResult) -> list[tuple[str, str | None]]:
    """(label, fold) of each fold that ran, then ("all", None) when both did."""
    folds = [f for f in metrics.FOLDS if f in result.folds.values()]
    return [*((f"fold {f}", f) for f in folds), *([("all", None)] if len(folds) > 1 else [])]


def people_table(result: WordingResult) -> str:
    """Per fold and over all events: the two Spearman correlations over articles and whether
    framing orders the outlets as the annotators do."""
    rows = []
    for label, fold in wording_folds(result):
        c = result.against_people(fold)
        rows.append([f"{label} ({c.events} events, {c.articles} articles)",
                     _with_interval(c.figures.spearman_count, c.spearman_count_interval),
                     _with_interval(c.figures.spearman_rate, c.spearman_rate_interval),
                     _yes(c.orders_match), _with_interval(c.tau, None),
                     pct(c.order_agreement)])
    header = ["events", "Spearman, counts", "Spearman, per 1,000 words", "same outlet order",
              "Kendall tau", "same order in samples"]
    return table(header, rows)


def order_text(rates: Mapping[str, float | None], names: Mapping[str, str]) -> str:
    """'Fox News > HuffPost = The New York Times', highest rate first."""
    order = outlets.ordering(rates)
    text = names.get(order[0], order[0]) if order else "-"
    for before, outlet in pairwise(order):
        text += (" = " if rates[before] == rates[outlet] else " > ") + names.get(outlet, outlet)
    return text


def outlets_table(result: WordingResult) -> str:
    """Each outlet's rate on both sides over all the events that ran, and the two orders."""
    c = result.against_people()
    framing, people = c.figures.framing, c.figures.people
    order = outlets.ordering(framing)
    rank_f = {o: str(n) for n, o in enumerate(order, 1)}
    rank_p = {o: str(n) for n, o in enumerate(outlets.ordering(people), 1)}
    rows = [[result.outlet_names.get(o, o), rank_f[o],
             _with_interval(framing[o], c.framing_intervals[o]), rank_p[o],
             _with_interval(people[o], c.people_intervals[o])] for o in order]
    header = ["outlet", "framing's rank", "loaded highlights per 1,000 words",
              "annotators' rank", "lex spans per 1,000 words"]
    return "\n".join([
        table(header, rows),
        f"framing's order:     {order_text(framing, result.outlet_names)}",
        f"annotators' order:   {order_text(people, result.outlet_names)}",
        f"Same order: {_yes(c.orders_match)}; Kendall tau-b {_with_interval(c.tau, None)}; the "
        f"orders agree in {pct(c.order_agreement)} of {c.draws:,} samples of the events.",
    ])


PEOPLE_CAVEAT = (
    "What these can say: whether framing's loaded highlights rise and fall with the wording "
    "people called biased, across articles and across outlets. What they cannot: the "
    "annotators marked the bias they saw, not every loaded word, so framing's extra "
    "highlights are not all wrong and no correlation near 1 is to be expected; {events} "
    "events ({articles} articles, {lex:.1f} lex spans each on average) is a small sample, "
    "hence the wide intervals; a correlation of counts is helped by article length (a long "
    "article has more of both), hence the one per 1,000 words; and an order of three "
    "outlets either matches or not: the share of samples says how firm that is."
)


def people_section(result: WordingResult) -> str:
    """framing against the annotators per article and per outlet, with what it can say."""
    c = result.against_people()
    lex = metrics.ratio(sum(a.lex for a in result.articles), len(result.articles)) or 0.0
    return "\n\n".join([
        "BASIL against the annotators, per article: framing's loaded highlights and their lex "
        "spans (Spearman over articles; 95% bootstrap intervals over events, an event's "
        f"articles together, {c.draws:,} samples)\n{people_table(result)}",
        f"BASIL outlets ranked by loaded wording per 1,000 words, pooled over {c.events} "
        f"events (95% bootstrap intervals over events)\n{outlets_table(result)}",
        textwrap.fill(PEOPLE_CAVEAT.format(events=c.events, articles=c.articles, lex=lex),
                      width=96),
    ])


def details_section(result: WordingResult, limit: int = 20) -> str:
    """The most frequent lex spans missed and highlights on no annotated span, to read by eye
    (printed only; the evaluation texts are never stored)."""
    def listed(counts: Counter[str]) -> str:
        return "\n".join(f"  {n:3}  {text[:90]}" for text, n in counts.most_common(limit))

    return (f"BASIL: the {limit} most frequent lexical-bias spans no highlight touches\n"
            f"{listed(result.missed)}\n\nBASIL: the {limit} most frequent highlights on no "
            f"annotated span\n{listed(result.unannotated)}")


def grouping_json(result: GroupingResult) -> dict[str, Any]:
    """A grouping set's figures as plain data."""
    def rows(r: RowCounts) -> dict[str, Any]:
        return {**asdict(r), "row_purity": r.purity, "rows_off_gold": r.off_gold}

    return {
        "events": {name: {"fold": e.fold, "failure": e.failure, **asdict(e.scores),
                          **rows(e.rows)} for name, e in result.events.items()},
        "micro": asdict(result.micro()) if result.events else None,
        "macro": asdict(result.macro()) if result.events else None,
        "rows": rows(result.rows()),
        "folds": {f: result.figures(f) for f in metrics.FOLDS if result.part(f)},
        "spread": {f: None if s is None else asdict(s) for f, s in result.spread().items()},
        "by_type": {k: {**asdict(s), **rows(r)} for k, (s, r) in result.by_type().items()},
    }


def results_json(results: Results, digests: Mapping[str, str], seconds: float
                 ) -> dict[str, Any]:
    """Every figure as plain data, for --json."""
    def counts(c: WordingCounts) -> dict[str, Any]:
        return {**asdict(c), "lex_recall": c.lex_recall, "precision": c.precision,
                "per_1000_words": c.per_1000_words}

    figures = gate_figures(results)
    wording = results.wording
    data: dict[str, Any] = {
        "inputs_sha256": dict(digests),
        "seconds": {**{d: r.seconds for d, r in results.grouping.items()},
                    "basil": wording.seconds, "all": seconds},
        "gate": {"floors": dict(figures.floors), "ceilings": dict(figures.ceilings)},
        "targets": TARGETS,
    }
    for dataset, result in results.grouping.items():
        data[dataset] = grouping_json(result)
    if "newswcl50" in data:
        data["newswcl50"]["reference_f1"] = PAPER_F1
    data["basil"] = {
        "events": {name: counts(c) for name, c in wording.events.items()},
        "failures": wording.failures,
        "micro": counts(wording.micro),
        "macro": {f: wording.macro(f) for f in ("lex_recall", "precision", "per_1000_words")},
        "categories": {name: counts(c) for name, c in wording.by_category().items()},
        "sources": {name: counts(c) for name, c in wording.by_category("sources").items()},
        "voices": {name: counts(c) for name, c in wording.by_category("voices").items()},
        "intervals": {f: wording.interval(f) for f in ("lex_recall", "precision")},
        "folds": {f: counts(wording.fold(f)) for f in metrics.FOLDS},
        "against_annotators": {fold or "all": comparison_json(wording.against_people(fold),
                                                              wording.outlet_names)
                               for fold in (None, *sorted(set(wording.folds.values())))},
        "articles": [{**asdict(a), "fold": wording.folds.get(a.event)}
                     for a in wording.articles],
    }
    return data


def comparison_json(c: Comparison, names: Mapping[str, str]) -> dict[str, Any]:
    """framing against the annotators over one fold or all, as plain data."""
    figures = c.figures
    return {
        "events": c.events, "articles": c.articles, "draws": c.draws, "seed": metrics.SEED,
        "spearman_count": figures.spearman_count,
        "spearman_count_interval": c.spearman_count_interval,
        "spearman_rate": figures.spearman_rate,
        "spearman_rate_interval": c.spearman_rate_interval,
        "outlets": {o: {"name": names.get(o, o),
                        "framing_per_1000_words": figures.framing[o],
                        "framing_interval": c.framing_intervals[o],
                        "annotators_per_1000_words": figures.people.get(o),
                        "annotators_interval": c.people_intervals.get(o)}
                    for o in figures.framing},
        "framing_order": list(outlets.ordering(figures.framing)),
        "annotators_order": list(outlets.ordering(figures.people)),
        "orders_match": c.orders_match, "kendall_tau": c.tau,
        "order_agreement": c.order_agreement,
    }


# The gate and the command line


def run_gate(args: argparse.Namespace, figures: gate.Figures, digests: Mapping[str, str]
             ) -> int:
    """--check or --update-baseline; returns the exit status."""
    path: Path = args.baseline
    if args.check:
        if not path.is_file():
            raise EvaluationError(f"no baseline at {path}: create it with --update-baseline")
        problems = gate.check(figures, digests, gate.read_baseline(path))
        for problem in problems:
            print(f"FAIL: {problem}", file=sys.stderr)
        print("Quality gate: " + (f"{len(problems)} problem(s)" if problems else "passed"),
              file=sys.stderr if problems else sys.stdout)
        return 1 if problems else 0
    old = gate.read_baseline(path) if path.is_file() else None
    result = gate.update(figures, digests, old, args.allow_lower)
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
    parser.add_argument("--fold", choices=[*metrics.FOLDS, "all"], default="all",
                        help="run the events of one fold only (default: all); tune on one, "
                             "check on the other")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="fail when a figure is worse than its pin or the inputs changed")
    mode.add_argument("--update-baseline", action="store_true",
                      help="pin the current figures (floors only rise, ceilings only fall)")
    parser.add_argument("--allow-lower", action="store_true",
                        help="with --update-baseline: let floors drop and ceilings rise")
    parser.add_argument("--evaluative", choices=("model", "lexicon", "off"), default="model",
                        help="framing's evaluative words: ranked by the shipped model "
                             "(default), kept by the lexicon rule, or left out (the figures "
                             "before issue 13)")
    parser.add_argument("--details", action="store_true",
                        help="print the 20 most frequent lex spans missed and highlights on "
                             "no annotated span")
    parser.add_argument("--baseline", type=Path, default=BASELINE, metavar="PATH",
                        help="the baseline file (default: benchmarks/baseline.json)")
    args = parser.parse_args(argv)
    if args.allow_lower and not args.update_baseline:
        parser.error("--allow-lower only goes with --update-baseline")
    if args.evaluative != "model" and (args.check or args.update_baseline):
        parser.error("the baseline pins the shipped analysis: --evaluative only goes without "
                     "--check and --update-baseline")
    if args.fold != "all" and (args.check or args.update_baseline):
        parser.error("the baseline pins the figures of all folds: --fold only goes without "
                     "--check and --update-baseline")
    return args


def _voices(events: Sequence[Event]) -> tuple[dict[str, float], float]:
    """Quotation and speaker agreement with BASIL's `quote` and `speaker` fields, printed;
    and the seconds it took."""
    start = time.perf_counter()
    folders = [e.folder for e in events if e.dataset == "basil"]
    if not folders:
        return {}, 0.0
    print("BASIL quotations and speakers (benchmarks/evaluate_voices.py)")
    verbs = attribution_verbs(load_lexicons(bundled_lexicon_files()))
    judged = [j for folder in folders for j in voices_eval.judge_event(folder, verbs)]
    figures = voices_eval.summary(judged)
    print()
    return figures, time.perf_counter() - start


def wall_times(results: Results, voices: float, seconds: float) -> str:
    """The seconds each dataset took, and the whole run."""
    parts = [f"{d} {r.seconds:.1f} s" for d, r in results.grouping.items()]
    if results.wording.events:
        parts += [f"basil {results.wording.seconds:.1f} s",
                  f"basil quotations {voices:.1f} s"]
    return f"Wall time: {seconds:.1f} s in all ({', '.join(parts)})"


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate, print the tables, and run the gate when asked; returns the exit status."""
    started = time.perf_counter()
    args = parse_args(argv)
    try:
        events = [e for e in find_events(args.eval_dir) if args.fold in ("all", e.fold)]
        if not events:
            raise EvaluationError(f"no events of fold {args.fold} in {args.eval_dir}")
        digests = digests_of(events)
        results = evaluate(events, load_lexicons(bundled_lexicon_files()),
                           AnalysisConfig(evaluative=args.evaluative))
    except EvaluationError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    wording = results.wording
    sections = [grouping_section(r) for r in results.grouping.values()]
    if wording.events:
        sections += [wording_table(wording), wording_summary(wording), people_section(wording),
                     category_table(wording),
                     category_table(wording, "sources", "BASIL by source of the term"),
                     category_table(wording, "voices", "BASIL by voice: the outlet's own words "
                                    "or inside a quotation (framing's 'quoted')")]
        if args.details:
            sections.append(details_section(wording))
    for section in sections:
        print(section, end="\n\n")
    voices, voices_seconds = _voices(events)
    seconds = time.perf_counter() - started
    print(wall_times(results, voices_seconds, seconds))
    if args.json:
        args.json.write_text(json.dumps(results_json(results, digests, seconds), indent=2)
                             + "\n", encoding="utf-8")
    if not (args.check or args.update_baseline):
        return 0
    try:
        return run_gate(args, gate_figures(results, voices), digests)
    except EvaluationError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
