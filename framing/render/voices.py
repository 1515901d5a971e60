"""The view of voices and agency for the HTML report: who is quoted, who acts.

Arranges the Report's quotes, actions and casualty wording for the template; every count links
to the sentences behind it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from framing.anchors import sentence_id, voice_anchor
from framing.model import Article, Report
from framing.voices.agency import Action, Casualty
from framing.voices.statements import Quote

KINDS = ("official", "military", "opposition", "monitor", "expert", "witness", "agency",
         "media", "other", "unknown")


def build_voices_view(report: Report, article_index: dict[str, int]) -> dict[str, Any]:
    """Per outlet: its sources and their verbs; per referent: who acts and who undergoes."""
    articles = {a.id: a for a in report.corpus.articles}
    return {
        "outlets": [_outlet_voices(report, o.id, articles, article_index)
                    for o in report.corpus.outlets],
        "kinds": KINDS,
        "agency": _agency_rows(report, articles, article_index),
        "casualties": _casualties(report, articles, article_index),
        "headlines": [
            {"outlet": _outlet_name(report, h.outlet), "title": h.title, "verb": h.verb,
             "agent": _group_name(report, h.agent) if h.agent else h.agent_text,
             "patient": _group_name(report, h.patient) if h.patient else h.patient_text}
            for h in report.headline_voices
        ],
    }


def _outlet_name(report: Report, outlet: str) -> str:
    return report.corpus.outlet(outlet).name


def _group_name(report: Report, group: str) -> str:
    return next((g.name for g in report.groups if g.id == group), group)


def _line(
    article: Article, sentence: int, span: tuple[int, int], article_index: dict[str, int]
) -> dict[str, Any]:
    """A sentence with one span marked, for an evidence list."""
    s = article.sentences[sentence]
    start, end = max(span[0], s.start), min(span[1], s.end)
    pieces = [(article.text[s.start : start], False), (article.text[start:end], True),
              (article.text[end : s.end], False)]
    return {"pieces": [p for p in pieces if p[0]],
            "target": sentence_id(article_index[article.id], sentence)}


def _outlet_voices(
    report: Report, outlet: str, articles: dict[str, Article], article_index: dict[str, int]
) -> dict[str, Any]:
    quotes = [q for q in report.quotes if q.outlet == outlet]
    words = {q: len(articles[q.article].text[q.start : q.end].split()) for q in quotes}
    total_words = report.corpus.outlet(outlet).words
    by_speaker: defaultdict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_speaker[q.name or q.speaker or "unattributed"].append(q)
    speakers = []
    for name, said in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        verbs = Counter((q.verb_lemma or q.verb, q.connotation) for q in said if q.verb)
        speakers.append({
            "name": name, "kind": said[0].kind, "named": said[0].named, "count": len(said),
            "words": sum(words[q] for q in said),
            "verbs": [{"verb": v, "connotation": c, "count": k}
                      for (v, c), k in sorted(verbs.items(), key=lambda x: (-x[1], x[0]))],
            "anchor": voice_anchor(outlet, name),
            "lines": [_line(articles[q.article], q.sentence, (q.start, q.end), article_index)
                      for q in said],
        })
    kinds: Counter[str] = Counter(q.kind for q in quotes)
    return {
        "outlet": report.corpus.outlet(outlet),
        "quotes": len(quotes),
        "direct": sum(q.direct for q in quotes),
        "named": sum(q.named for q in quotes),
        "anonymous": sum(not q.named for q in quotes),
        "quoted_words": sum(words.values()),
        "share": sum(words.values()) / max(total_words, 1),
        "kinds": [kinds.get(k, 0) for k in KINDS],
        "loaded": sum(q.connotation == "negative" for q in quotes if q.verb),
        "speakers": speakers,
    }


def _agency_rows(
    report: Report, articles: dict[str, Article], article_index: dict[str, int]
) -> list[dict[str, Any]]:
    """Referents down, outlets across: how often each is agent or patient, with the verbs."""
    by_cell: defaultdict[tuple[str, str, str], list[Action]] = defaultdict(list)
    for a in report.actions:
        by_cell[(a.group, a.outlet, a.role)].append(a)
    rows = []
    for group in report.groups:
        if group.kind != "referent":
            continue
        cells = []
        for outlet in report.corpus.outlets:
            cell = {}
            for role in ("agent", "patient"):
                acts = by_cell[(group.id, outlet.id, role)]
                cell[role] = {
                    "count": len(acts),
                    "verbs": sorted({a.verb.lower() for a in acts}),
                    "anchor": f"act-{group.id}-{outlet.id}-{role}",
                    "lines": [_line(articles[a.article], a.sentence,
                                    (min(a.start, a.verb_start), max(a.end, a.verb_end)),
                                    article_index) for a in acts],
                }
            cells.append(cell)
        if any(c["agent"]["count"] or c["patient"]["count"] for c in cells):
            rows.append({"group": group, "cells": cells})
    return rows


def _casualties(
    report: Report, articles: dict[str, Article], article_index: dict[str, int]
) -> list[dict[str, Any]]:
    """Per outlet: casualty wording that names no one responsible, and wording that does."""
    rows = []
    for outlet in report.corpus.outlets:
        own: Sequence[Casualty] = [c for c in report.casualties if c.outlet == outlet.id]
        groups = {}
        for kind, chosen in (("agentless", [c for c in own if not c.agent]),
                             ("with_agent", [c for c in own if c.agent])):
            groups[kind] = {
                "count": len(chosen), "anchor": f"cas-{outlet.id}-{kind}",
                "lines": [_line(articles[c.article], c.sentence, (c.start, c.end),
                                article_index) for c in chosen],
            }
        rows.append({"outlet": outlet, **groups})
    return rows
