"""Machine-readable exports: the JSON document and the CSV labels table (see SCHEMA.md)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any

from framing import __version__
from framing.anchors import match_id, quote_id
from framing.model import Match, Report

SCHEMA_VERSION = 3  # 3: findings, questions; ids on matches and quotes
# 2: labels[].term is the words as written; lexicon_term, score added
GENERATOR = f"framing {__version__}"
CSV_COLUMNS = (
    "outlet", "outlet_name", "referent", "referent_name", "term", "lexicon_term", "connotation",
    "score", "count", "per_1000_words", "articles", "tfidf", "source", "quoted",
)


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as plain data, in a stable order."""
    corpus = report.corpus
    sources = {a.id: a.source for a in corpus.articles}
    number = {a.id: n for n, a in enumerate(corpus.articles)}
    return {
        "generator": GENERATOR,
        "schema_version": SCHEMA_VERSION,
        "settings": {
            "own_voice": report.config.own_voice_only,
            "evaluative": report.config.evaluative,
            "discover": report.config.discover,
            "top_terms": report.config.top_terms,
            "align_max_articles": report.config.align_max_articles,
        },
        "corpus": {
            "name": corpus.name,
            "skipped": [{"file": s.source, "reason": s.reason} for s in corpus.skipped],
            "limits": {
                "max_article_chars": corpus.limits.max_article_chars,
                "max_sentence_words": corpus.limits.max_sentence_words,
                "sentences_cut": corpus.sentences_cut,
            },
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
             "unrated": s.unrated, "rated": s.rated, "score": s.score,
             "strong_negative": s.strong_negative, "strong_positive": s.strong_positive}
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
        **_alignment_dict(report, sources),
        "matches": [
            {
                "id": match_id(number[m.article], m.start), "outlet": m.outlet,
                "article": sources[m.article], "start": m.start, "end": m.end, "text": m.text,
                "referent": m.group, "kind": m.kind,
                "term": m.term, "connotation": m.connotation, "source": m.source,
                "sentence": m.sentence, "voice": m.voice, "speaker": m.speaker,
            }
            for m in report.matches
        ],
        **_voices_dict(report, sources),
        "tones": [
            {"outlet": t.outlet, "referent": t.referent, "tone": t.tone,
             "negative": t.negative, "positive": t.positive, "quoted": t.quoted,
             "words": list(t.words)}
            for t in report.tones
        ],
        **_discussion_dict(report),
    }


def _discussion_dict(report: Report) -> dict[str, Any]:
    """What differs and the discussion questions, each finding with the figures it states and
    the evidence (match, quotation or sentence ids) behind every count it cites."""
    return {
        "findings": [
            {"id": f"f{n}", "kind": q.kind, "text": q.finding,
             "what_differs": n - 1 in report.what_differs,
             "figures": dict(q.figures), "absent": list(q.absent),
             "citations": [
                 {"outlet": c.outlet, "referent": c.group or None, "label": c.label,
                  "count": c.count, "evidence": list(c.evidence)}
                 for c in q.citations
             ]}
            for n, q in enumerate(report.questions, 1)
        ],
        "questions": [
            {"finding": f"f{n}", "text": q.ask} for n, q in enumerate(report.questions, 1)
        ],
    }


def _refs(refs: Any, sources: dict[str, str]) -> list[dict[str, Any]]:
    return [{"article": sources[r.article], "sentence": r.sentence, "title": r.in_title}
            for r in refs]


ALIGNMENT_KEYS = ("alignments", "edits", "shared", "shared_sources", "content_units", "unique",
                  "headlines")


def _why_not_aligned(report: Report) -> str:
    """Why the shared-copy keys are empty: the stage was switched off or the corpus too big."""
    config = report.config
    if not config.align:
        return "shared copy was not compared (switched off)"
    return (f"shared copy was not compared: {len(report.corpus.articles)} articles exceed the "
            f"limit of {config.align_max_articles} (pairwise comparison; --align-limit 0 "
            "lifts it)")


def _alignment_dict(report: Report, sources: dict[str, str]) -> dict[str, Any]:
    """Shared copy across articles: aligned sentences, word edits, overlaps, omissions."""
    a = report.alignment
    if a is None:
        empty: dict[str, Any] = {key: [] for key in ALIGNMENT_KEYS}
        return {**empty, "alignment_skipped": _why_not_aligned(report)}
    return {
        "alignment_skipped": None,
        "alignments": [
            {"a": _refs(x.a, sources), "b": _refs(x.b, sources),
             "outlets": [x.outlet_a, x.outlet_b], "similarity": round(x.similarity, 4),
             "kind": x.kind}
            for x in a.alignments
        ],
        "edits": [
            {"outlets": [e.outlet_a, e.outlet_b],
             "articles": [sources[e.article_a], sources[e.article_b]],
             "alignment": e.alignment, "op": e.op, "before": e.before, "after": e.after,
             "before_span": list(e.a_span), "after_span": list(e.b_span),
             "referent": e.referent, "term_before": e.term_before, "term_after": e.term_after,
             "connotation": {"before": e.connotation_before, "after": e.connotation_after}}
            for e in a.edits
        ],
        "shared": [
            {"outlets": [o.outlet_a, o.outlet_b], "sentences": [o.sentences_a, o.sentences_b],
             "shared": [o.shared_a, o.shared_b], "verbatim": [o.verbatim_a, o.verbatim_b],
             "share": [round(o.share_a, 4), round(o.share_b, 4)]}
            for o in a.overlaps
        ],
        "shared_sources": [
            {"articles": [sources[x.article_a], sources[x.article_b]],
             "outlets": [x.outlet_a, x.outlet_b], "alignments": x.alignments,
             "agencies": list(x.agencies), "credited": list(x.credited)}
            for x in a.shared_sources
        ],
        "content_units": [
            {"sentences": _refs(u.sentences, sources), "outlets": list(u.outlets)}
            for u in a.units
        ],
        "unique": [
            {"outlet": u.outlet, "sentences": _refs(u.sentences, sources),
             "compared": u.compared}
            for u in a.unique
        ],
        "headlines": [
            {"article": sources[h.article], "outlet": h.outlet, "referent": h.referent,
             "headline_only": list(h.headline_only), "body_only": list(h.body_only)}
            for h in a.headlines
        ],
    }


def _voices_dict(report: Report, sources: dict[str, str]) -> dict[str, Any]:
    """Whose words and who acts: quotations, agents and patients, casualty wording."""
    from framing.voices.statements import speaker_referent

    number = {a.id: n for n, a in enumerate(report.corpus.articles)}
    matches_of: defaultdict[str, list[Match]] = defaultdict(list)
    for m in report.matches:
        matches_of[m.article].append(m)
    return {
        "quotes": [
            {"id": quote_id(number[q.article], q.start), "outlet": q.outlet,
             "article": sources[q.article], "start": q.start, "end": q.end,
             "direct": q.direct, "speaker": q.name or q.speaker, "speaker_as_written": q.speaker,
             "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
             "referent": speaker_referent(q, matches_of[q.article]), "named": q.named,
             "kind": q.kind, "role": q.role, "verb": q.verb, "verb_lemma": q.verb_lemma,
             "connotation": q.connotation}
            for q in report.quotes
        ],
        "actions": [
            {"outlet": a.outlet, "article": sources[a.article], "referent": a.group,
             "term": a.term, "start": a.start, "end": a.end, "role": a.role, "verb": a.verb,
             "verb_start": a.verb_start, "verb_end": a.verb_end, "passive": a.passive}
            for a in report.actions
        ],
        "casualties": [
            {"outlet": c.outlet, "article": sources[c.article], "start": c.start, "end": c.end,
             "wording": c.wording, "agent": c.agent or None, "quoted": c.quoted}
            for c in report.casualties
        ],
        "headline_voices": [
            {"outlet": h.outlet, "article": sources[h.article], "title": h.title,
             "verb": h.verb or None, "agent": h.agent, "agent_text": h.agent_text or None,
             "patient": h.patient, "patient_text": h.patient_text or None}
            for h in report.headline_voices
        ],
    }


def _count_row(row: Any, group_key: str) -> dict[str, Any]:
    return {
        "outlet": row.outlet, group_key: row.group, "term": row.term,
        "lexicon_term": row.lexicon_term, "connotation": row.connotation, "score": row.score,
        "count": row.count,
        "per_1000_words": row.per_1000_words, "articles": row.articles, "tfidf": row.tfidf,
        "source": row.source, "quoted": row.quoted,
    }


FORMULA_STARTS = frozenset("=+-@\t\r")


def render_json(report: Report) -> str:
    """Pretty, deterministic JSON ending in a newline."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def render_csv(report: Report) -> str:
    """The labels table: one row per outlet, referent and label as written."""
    outlets = {o.id: o.name for o in report.corpus.outlets}
    groups = {g.id: g.name for g in report.groups}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.labels:
        if r.kind == "referent":
            writer.writerow([
                r.outlet, _cell(outlets[r.outlet]), r.group, _cell(groups[r.group]),
                _cell(r.term), _cell(r.lexicon_term), r.connotation,
                "" if r.score is None else r.score, r.count, f"{r.per_1000_words:.2f}",
                r.articles, f"{r.tfidf:.4f}", r.source, r.quoted,
            ])
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Text from the articles or the user as a spreadsheet will not run it: a cell starting
    with =, +, -, @, a tab or a carriage return is a formula to Excel and LibreOffice
    (``=HYPERLINK(…)`` as an outlet name), so it gets a leading apostrophe, as OWASP advises."""
    return "'" + text if text[:1] in FORMULA_STARTS else text
