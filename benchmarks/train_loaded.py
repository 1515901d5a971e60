"""Train the ranker of evaluative words on BASIL's development events; write its coefficients.

    python benchmarks/train_loaded.py ../shared/eval [--write]

Only the "tune" fold of ../shared/eval/basil is read (alternate events in sorted order, as
benchmarks/evaluate.py splits them); the "check" fold is never seen here. For every candidate
word framing's evaluative stage finds (framing/voices/evaluative.py, the same code and the
same features the report uses), the label is whether it touches a span annotators marked as
lexical bias.

The threshold is chosen by cross-validation *by event* (never by sentence): the tune events
are split into five groups; for each, a model is fitted on the other four and the threshold
picked that gives the best balance (harmonic mean) of lexical-span recall and highlight
precision on the held-out group, at no more than ``MAX_DENSITY`` highlights per 1,000 words
counting framing's other loaded highlights too. The shipped threshold is the median of the five;
the spread is printed. The final model is fitted on all tune events.

``--write`` writes framing/data/loaded_model.json (the coefficients by feature name, the
intercept, the threshold, the events trained on and the cross-validation figures).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import evaluation_metrics as metrics
import numpy as np
from evaluation_metrics import Span, touches_any
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.lexicon.graded import graded_lexicon
from framing.model import AnalysisConfig, Lexicon
from framing.text.loading import load_corpus
from framing.voices.evaluative import FEATURES, MODEL_FILE, candidates

ROOT = Path(__file__).resolve().parent.parent
MAX_DENSITY = 15.0  # highlights per 1,000 words, framing's others included (issue 13)
THRESHOLDS = tuple(round(0.30 + 0.01 * i, 2) for i in range(66))  # 0.30 .. 0.95
FOLDS = 5
C = 1.0  # inverse regularisation strength of the logistic regression


@dataclass
class EventData:
    """One event's candidates with features and labels, and what scoring needs."""

    name: str
    rows: list[Span]  # each candidate's place
    x: np.ndarray
    y: np.ndarray  # 1: touches a lexical-bias span
    others: list[Span]  # framing's other negative or positive highlights
    gold_lex: list[Span]
    gold_any: list[Span]
    words: int


def load_events(eval_dir: Path, lexicons: Sequence[Lexicon], fold: str) -> list[EventData]:
    basil = eval_dir / "basil"
    names = sorted(p.name for p in basil.iterdir() if (p / "annotations.json").is_file())
    folds = metrics.assign_folds("basil", names)
    graded = graded_lexicon()
    events = []
    for name in names:
        if folds[name] != fold:
            continue
        folder = basil / name
        annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        files = {key: o["file"] for key, o in annotations["outlets"].items()}
        gold = [(Span(files[a["outlet"]], a["start"], a["end"]), a["bias"])
                for a in annotations["annotations"]]
        corpus = load_corpus(folder)
        report = analyze(corpus, lexicons, AnalysisConfig(evaluative="off"))
        source = {a.id: a.source for a in corpus.articles}
        found = list(candidates(corpus, report.matches, report.quotes, graded))
        rows = [Span(source[c.article.id], c.token.start, c.token.end) for c in found]
        lex = [span for span, bias in gold if bias == "lex"]
        events.append(EventData(
            name=name, rows=rows,
            x=np.array([[c.features[n] for n in FEATURES] for c in found]).reshape(-1,
                                                                                   len(FEATURES)),
            y=np.array([touches_any(r, lex) for r in rows], dtype=int),
            others=[Span(source[m.article], m.start, m.end) for m in report.matches
                    if m.connotation in ("negative", "positive")],
            gold_lex=lex, gold_any=[span for span, _ in gold],
            words=sum(o.words for o in corpus.outlets)))
    return events


def fit(events: Sequence[EventData]) -> LogisticRegression:
    x = np.vstack([e.x for e in events])
    y = np.concatenate([e.y for e in events])
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    model.fit(x, y)
    return model


def scores(model: LogisticRegression, events: Sequence[EventData], threshold: float
           ) -> tuple[float, float, float]:
    """Lexical-span recall, highlight precision and highlights per 1,000 words of framing's
    highlights with the candidates kept at ``threshold``, pooled over ``events``."""
    lex = found = marks = on = words = 0
    for e in events:
        kept = [r for r, p in zip(e.rows, model.predict_proba(e.x)[:, 1] if len(e.rows) else [],
                                  strict=True) if p >= threshold]
        marked = e.others + kept
        lex += len(e.gold_lex)
        found += sum(touches_any(g, marked) for g in e.gold_lex)
        marks += len(marked)
        on += sum(touches_any(m, e.gold_any) for m in marked)
        words += e.words
    return found / max(lex, 1), on / max(marks, 1), 1000 * marks / max(words, 1)


def best_threshold(model: LogisticRegression, events: Sequence[EventData]) -> float:
    """The threshold with the best harmonic mean of recall and precision within the density."""
    best, chosen = -1.0, THRESHOLDS[-1]
    for t in THRESHOLDS:
        recall, precision, density = scores(model, events, t)
        if density > MAX_DENSITY:
            continue
        balance = 2 * recall * precision / max(recall + precision, 1e-9)
        if balance > best:
            best, chosen = balance, t
    return chosen


def cross_validate(events: Sequence[EventData]) -> list[dict[str, Any]]:
    groups = np.arange(len(events))
    results = []
    for train, test in GroupKFold(n_splits=FOLDS).split(groups, groups=groups):
        model = fit([events[i] for i in train])
        held = [events[i] for i in test]
        t = best_threshold(model, held)
        recall, precision, density = scores(model, held, t)
        results.append({"threshold": t, "recall": round(recall, 4),
                        "precision": round(precision, 4), "per_1000_words": round(density, 2),
                        "events": [e.name for e in held]})
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--write", action="store_true", help=f"write framing/data/{MODEL_FILE}")
    args = parser.parse_args(argv)
    lexicons = load_lexicons(bundled_lexicon_files())
    events = load_events(args.eval_dir, lexicons, "tune")
    print(f"{len(events)} tune events, {sum(len(e.rows) for e in events)} candidates, "
          f"{sum(int(e.y.sum()) for e in events)} on lexical-bias spans")
    folds = cross_validate(events)
    for n, f in enumerate(folds, 1):
        print(f"fold {n}: threshold {f['threshold']:.2f}  recall {f['recall']:.1%}  "
              f"precision {f['precision']:.1%}  {f['per_1000_words']:.1f} per 1,000 words")
    threshold = statistics.median(f["threshold"] for f in folds)
    for key in ("recall", "precision", "per_1000_words"):
        values = [f[key] for f in folds]
        print(f"{key}: min {min(values):.3f}  median {statistics.median(values):.3f}  "
              f"max {max(values):.3f}")
    model = fit(events)
    recall, precision, density = scores(model, events, threshold)
    print(f"shipped threshold {threshold:.2f}; on all tune events: recall {recall:.1%}, "
          f"precision {precision:.1%}, {density:.1f} per 1,000 words")
    weights = dict(zip(FEATURES, (round(float(w), 4) for w in model.coef_[0]), strict=True))
    print("coefficients: " + ", ".join(f"{k} {v:+.2f}" for k, v in weights.items()))
    if args.write:
        out = ROOT / "framing" / "data" / MODEL_FILE
        data = {
            "about": ("Logistic regression ranking candidate evaluative words "
                      "(framing/voices/evaluative.py); written by benchmarks/train_loaded.py "
                      "from BASIL's tune-fold events only."),
            "features": list(FEATURES), "coefficients": weights,
            "intercept": round(float(model.intercept_[0]), 4), "threshold": threshold,
            "trained_on": [e.name for e in events], "cross_validation": folds,
            "max_per_1000_words": MAX_DENSITY, "regularisation_c": C,
        }
        out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
