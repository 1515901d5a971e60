"""Machine-readable exports: the JSON document and the CSV labels table (see SCHEMA.md)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import __version__
from .model import Report

SCHEMA_VERSION = 1
GENERATOR = f"framing {__version__}"
CSV_COLUMNS = (
    "outlet", "outlet_name", "referent", "referent_name", "term", "connotation",
    "count", "per_1000_words", "articles", "tfidf", "source",
)


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as plain data, in a stable order."""
    corpus = report.corpus
    sources = {a.id: a.source for a in corpus.articles}
    return {
        "generator": GENERATOR,
        "schema_version": SCHEMA_VERSION,
        "corpus": {
            "name": corpus.name,
            "skipped": [{"file": s.source, "reason": s.reason} for s in corpus.skipped],
        },
        "outlets": [
            {"id": o.id, "name": o.name, "words": o.words, "articles": list(o.articles)}
            for o in corpus.outlets
        ],
        "articles": [
            {
                "id": a.id, "file": a.source, "outlet": a.outlet, "title": a.title,
                "date": a.date, "url": a.url, "credits": list(a.credits), "words": a.words,
                "sentences": len(a.sentences), "encoding": a.encoding,
                "removed": [
                    {"start": r.start, "end": r.end, "text": r.text, "reason": r.reason}
                    for r in a.removed
                ],
            }
            for a in corpus.articles
        ],
        "lexicons": [
            {
                "name": p.lexicon.name, "file": p.lexicon.path, "scope": p.lexicon.scope,
                "chosen": p.chosen, "reason": p.reason,
                "sources": [{"title": s.title, "url": s.url} for s in p.lexicon.sources],
            }
            for p in report.packs
        ],
        "referents": [
            {"id": g.id, "name": g.name, "kind": g.kind, "description": g.description,
             "lexicon": g.lexicon, "source": g.origin}
            for g in report.groups
        ],
        "labels": [_count_row(r, "referent") for r in report.labels if r.kind == "referent"],
        "cues": [_count_row(r, "category") for r in report.labels if r.kind == "cue"],
        "connotation_shares": [
            {"outlet": s.outlet, "referent": s.group, "mentions": s.mentions,
             "negative": s.negative, "neutral": s.neutral, "positive": s.positive,
             "unrated": s.unrated}
            for s in report.shares
        ],
        "distinctive_terms": [
            {
                "outlet": d.outlet, "term": d.term, "count": d.count, "others": d.others,
                "tfidf": d.tfidf, "log_odds": d.log_odds, "log_odds_z": d.log_odds_z,
                "few": d.count < report.config.few_mentions,
                "evidence": [
                    {"article": sources[e.article], "sentence": e.sentence,
                     "hits": [list(h) for h in e.hits]}
                    for e in d.evidence
                ],
            }
            for d in report.distinctive
        ],
        "matches": [
            {
                "outlet": m.outlet, "article": sources[m.article], "start": m.start,
                "end": m.end, "text": m.text, "referent": m.group, "kind": m.kind,
                "term": m.term, "connotation": m.connotation, "source": m.source,
                "sentence": m.sentence,
            }
            for m in report.matches
        ],
    }


def _count_row(row: Any, group_key: str) -> dict[str, Any]:
    return {
        "outlet": row.outlet, group_key: row.group, "term": row.term,
        "connotation": row.connotation, "count": row.count,
        "per_1000_words": row.per_1000_words, "articles": row.articles, "tfidf": row.tfidf,
        "source": row.source,
    }


def render_json(report: Report) -> str:
    """Pretty, deterministic JSON ending in a newline."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def render_csv(report: Report) -> str:
    """The labels table: one row per outlet, referent and term that occurs."""
    outlets = {o.id: o.name for o in report.corpus.outlets}
    groups = {g.id: g.name for g in report.groups}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.labels:
        if r.kind == "referent":
            writer.writerow([
                r.outlet, outlets[r.outlet], r.group, groups[r.group], r.term, r.connotation,
                r.count, f"{r.per_1000_words:.2f}", r.articles, f"{r.tfidf:.4f}", r.source,
            ])
    return buffer.getvalue()
