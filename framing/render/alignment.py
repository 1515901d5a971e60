"""The view of shared wire copy for the HTML report: overlaps, editorial changes, omissions.

Like render_html, it computes no new figure: it arranges the AlignmentReport for the template,
and every number links to the sentences behind it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from framing.anchors import pair_anchor, sentence_id
from framing.copy.alignment import Alignment, AlignmentReport, Edit, SentenceRef
from framing.model import Article, Report

PREVIEW = 140  # characters of a sentence shown as a row label


def build_alignment_view(report: Report, article_index: dict[str, int]) -> dict[str, Any] | None:
    """Everything the template's shared-copy sections need, or None without an alignment."""
    a = report.alignment
    if a is None:
        return None
    articles = {art.id: art for art in report.corpus.articles}
    names = {o.id: o.name for o in report.corpus.outlets}
    return {
        "matrix": _matrix(report, a),
        "sources": [
            {"a": names[s.outlet_a], "b": names[s.outlet_b], "count": s.alignments,
             "agencies": s.agencies, "credited": s.credited,
             "anchor": pair_anchor(s.outlet_a, s.outlet_b)}
            for s in a.shared_sources
        ],
        "pairs": _pairs(a, articles, names, article_index, {g.id: g.name for g in report.groups}),
        "units": _units(a, report, articles, article_index),
        "unique": [
            {"outlet": names[u.outlet], "compared": u.compared,
             "sentences": [_sentence(articles, r, article_index) for r in u.sentences]}
            for u in a.unique
        ],
        "headlines": [
            {"outlet": names[h.outlet], "article": articles[h.article],
             "target": f"art-{article_index[h.article]}",
             "referent": _group_name(report, h.referent),
             "headline_only": h.headline_only, "body_only": h.body_only}
            for h in a.headlines
        ],
    }


def _group_name(report: Report, group_id: str) -> str:
    return next((g.name for g in report.groups if g.id == group_id), group_id)


def _matrix(report: Report, a: AlignmentReport) -> list[dict[str, Any]]:
    """Rows: an outlet; cells: the share of its sentences the column outlet also carries."""
    by_pair = {}
    for o in a.overlaps:
        by_pair[(o.outlet_a, o.outlet_b)] = (o.shared_a, o.sentences_a, o.share_a)
        by_pair[(o.outlet_b, o.outlet_a)] = (o.shared_b, o.sentences_b, o.share_b)
    rows = []
    for row in report.corpus.outlets:
        cells = []
        for col in report.corpus.outlets:
            shared, total, share = by_pair.get((row.id, col.id), (0, 0, 0.0))
            cells.append({
                "self": row.id == col.id, "shared": shared, "total": total, "share": share,
                "anchor": pair_anchor(row.id, col.id),
            })
        rows.append({"outlet": row, "cells": cells})
    return rows


def _sentence(
    articles: dict[str, Article], ref: SentenceRef, article_index: dict[str, int]
) -> dict[str, Any]:
    art = articles[ref.article]
    s = art.sentences[ref.sentence]
    target = sentence_id(article_index[art.id], ref.sentence)
    return {"text": art.text[s.start : s.end], "target": target}


def _marked(
    articles: dict[str, Article], refs: Sequence[SentenceRef], spans: Iterable[tuple[int, int]]
) -> list[tuple[str, bool]]:
    """The sentences of one side, cut into (text, changed) pieces."""
    pieces: list[tuple[str, bool]] = []
    for ref in refs:
        art = articles[ref.article]
        s = art.sentences[ref.sentence]
        cursor = s.start
        for start, end in sorted(spans):
            if s.start <= start and end <= s.end and start >= cursor:
                if start == end:
                    continue
                pieces.append((art.text[cursor:start], False))
                pieces.append((art.text[start:end], True))
                cursor = end
        pieces.append((art.text[cursor : s.end] + " ", False))
    return [p for p in pieces if p[0]]


def _pairs(
    a: AlignmentReport,
    articles: dict[str, Article],
    names: dict[str, str],
    article_index: dict[str, int],
    group_names: dict[str, str],
) -> list[dict[str, Any]]:
    """Aligned sentences per outlet pair; edits that change a label first."""
    edits: defaultdict[int, list[Edit]] = defaultdict(list)
    for e in a.edits:
        edits[e.alignment].append(e)
    grouped: defaultdict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for i, al in enumerate(a.alignments):
        row = _aligned(al, edits[i], articles, article_index)
        for label in row["labels"]:
            label["referent"] = group_names.get(label["referent"], label["referent"])
        grouped[(al.outlet_a, al.outlet_b)].append(row)
    pairs = []
    for (oa, ob), rows in sorted(grouped.items()):
        rows.sort(key=lambda r: (not r["labels"], r["kind"] == "verbatim", r["order"]))
        pairs.append({"a": names[oa], "b": names[ob], "anchor": pair_anchor(oa, ob), "rows": rows})
    return pairs


def _aligned(
    al: Alignment,
    edits: Sequence[Edit],
    articles: dict[str, Article],
    article_index: dict[str, int],
) -> dict[str, Any]:
    labels = [
        {"referent": e.referent, "before": e.term_before, "after": e.term_after,
         "from": e.connotation_before, "to": e.connotation_after}
        for e in edits if e.referent
    ]
    return {
        "kind": al.kind, "similarity": al.similarity, "labels": labels,
        "order": (al.a[0].article, al.a[0].sentence),
        "a": _marked(articles, al.a, [e.a_span for e in edits]),
        "b": _marked(articles, al.b, [e.b_span for e in edits]),
        "a_target": _sentence(articles, al.a[0], article_index)["target"],
        "b_target": _sentence(articles, al.b[0], article_index)["target"],
    }


def _units(
    a: AlignmentReport, report: Report, articles: dict[str, Article], article_index: dict[str, int]
) -> list[dict[str, Any]]:
    """Content carried by more than one outlet, widest first, as rows of a who-carries grid."""
    rows = []
    for unit in a.units:
        if len(unit.outlets) < 2:
            continue
        first = _sentence(articles, unit.sentences[0], article_index)
        text = first["text"]
        rows.append({
            "label": text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…",
            "target": first["target"],
            "carried": [o.id in unit.outlets for o in report.corpus.outlets],
            "count": len(unit.outlets),
        })
    rows.sort(key=lambda r: (-r["count"], r["label"]))
    return rows
