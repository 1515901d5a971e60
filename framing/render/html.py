"""Render a Report as one self-contained HTML page (jinja2, autoescaped, CSS inlined).

This module turns the Report into a view: plain dictionaries the template lays out. It computes
no new figures; every number shown comes from the Report and links to the sentences behind it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from framing import __version__
from framing.anchors import distinctive_anchor, label_anchor, match_id, sentence_id
from framing.counts.scoring import STRONG, label_key, written
from framing.model import Article, ConnotationShare, Group, LabelCount, Match, Report, Term
from framing.render.alignment import build_alignment_view
from framing.render.text import settings_said
from framing.render.voices import build_voices_view

if TYPE_CHECKING:
    from framing.classroom.blind import BlindKey

SYMBOL = {  # minus, circle, plus, diamond
    "negative": "\u2212", "neutral": "\u25cb", "positive": "+", "unrated": "\u25c7",
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one jinja2 environment: package templates, autoescape on, undefined is an error."""
    env = Environment(
        loader=PackageLoader("framing", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda x: f"{100 * x:.0f}%"
    env.filters["masked"] = masked
    env.filters["num"] = lambda x, d=2: f"{x:.{d}f}"
    env.filters["words"] = word_count
    return env


def word_count(words: int, blind: bool = False) -> str:
    """An article's or outlet's length as shown: exact, or in the blind edition to the
    hundred ("about 800"), since an exact count would tell a reader holding the originals
    which outlet is which."""
    if not blind:
        return str(words)
    return f"about {round(words, -2):,}" if words >= 100 else "under 100"


HIDDEN = re.compile("\u2588+")  # the blind edition's mask (see classroom/blind.py)
TEXT_NODE = re.compile(r">([^<>]+)<")
CODE_BLOCK = re.compile(r"(<(?:style|script)\b.*?</(?:style|script)>)", re.DOTALL)
SHOWN_MASK = "\u2588" * 4  # every hidden name drawn alike: "AFP" and "Reuters" as long


def masked(text: str) -> Markup:
    """Escaped text in which every run of mask characters is drawn with the same width (a run
    as long as the name would tell "AFP" from "Reuters") and reads as "name hidden" to a
    screen reader. The text behind it keeps its length, so offsets hold."""
    return Markup(HIDDEN.sub(
        lambda m: f'<span class="hidden-name"><span aria-hidden="true">{SHOWN_MASK}</span>'
                  '<span class="sr">name hidden</span></span>',
        str(escape(text)),
    ))


def render_html(
    report: Report, title: str | None = None, *, edition: Edition | None = None
) -> str:
    """The report page as a string. In the blind edition every hidden name is drawn with the
    same width, wherever it stands (text, notes, shared copy, tooltips)."""
    edition = edition or Edition()
    page = environment().get_template("report.html.j2").render(
        **build_view(report, title, edition))
    if edition.hide is not None:
        page = _hidden_in_text(page, edition.hide)
    return HIDDEN.sub(SHOWN_MASK, page) if edition.blind else page


def _hidden_in_text(page: str, hide: Callable[[str], str]) -> str:
    """The page with ``hide`` applied to the text between its tags, outside its style sheet
    and script; tags and attributes are left as they are."""
    parts = CODE_BLOCK.split(page)
    return "".join(
        part if i % 2 else TEXT_NODE.sub(lambda m: ">" + hide(m.group(1)) + "<", part)
        for i, part in enumerate(parts)
    )


def render_key(report: Report, key: BlindKey, title: str | None = None) -> str:
    """The teacher's key to a blind report: which outlet is which, and the questions named."""
    return environment().get_template("key.html.j2").render(
        version=__version__,
        title=title or report.corpus.name,
        key=key,
        questions=[replace(q, finding=key.named(q.finding)) for q in report.questions],
    )


@dataclass(frozen=True, kw_only=True)
class Edition:
    """How the page is dressed: a blind edition hides outlet names, a handout prints short."""

    blind: bool = False
    handout: bool = False
    # sentences listed per count (the JSON lists every match); None: 100, or 5 past
    # TEXTS_MAX articles, when the texts are not shown either
    evidence_per_cell: int | None = None
    # blind: hides the outlets' names in any text, applied to the page's own words as well (a
    # glossary reference to the "AP Stylebook" names the outlet AP as surely as an article)
    hide: Callable[[str], str] | None = None


TEXTS_MAX = 50  # past this many articles the page shows no full texts: it would not open
SAMPLE_PER_CELL = 5  # ... and lists this many sentences behind each count
ARTICLES_LISTED = 500  # ... and this many articles in its table (the JSON lists them all)
HANDOUT_ROWS = 8  # actors in the handout's tables: the most mentioned
REMOVED_SHOWN = 200  # removed lines listed per article; the JSON has them all
HANDOUT_LABELS = 4  # labels per cell of the handout's matrix: the most used; the rest in full


def contrasting_outlets(report: Report) -> tuple[str, ...]:
    """The two outlets a handout sets side by side: for the most mentioned lexicon actor,
    the one whose labels lean most negative (mean score, strength weighed) and the least."""
    outlets = [o.id for o in report.corpus.outlets]
    actor = next((g for g in report.groups if g.kind == "referent" and g.origin == "lexicon"),
                 None)
    shares = {s.outlet: -(s.score or 0.0) for s in report.shares if actor and s.group == actor.id}
    if len(shares) < 2:
        return tuple(outlets[:2])
    ranked = sorted(shares, key=lambda o: (shares[o], o))
    return tuple(sorted((ranked[-1], ranked[0]), key=outlets.index))


# --------------------------------------------------------------------------- view


def build_view(report: Report, title: str | None, edition: Edition) -> dict[str, Any]:
    corpus = report.corpus
    article_index = {a.id: i for i, a in enumerate(corpus.articles)}
    terms = _term_index(report)
    texts = len(corpus.articles) <= TEXTS_MAX
    per_cell = edition.evidence_per_cell or (100 if texts else SAMPLE_PER_CELL)
    evidence = _evidence_groups(report, article_index, per_cell)
    by_article: defaultdict[str, list[Match]] = defaultdict(list)
    for m in report.matches:
        by_article[m.article].append(m)
    return {
        "version": __version__,
        "title": title or corpus.name,
        "outlets": [_outlet_view(report, o.id) for o in corpus.outlets],
        "articles": [
            _article_view(a, by_article[a.id], terms, article_index) if texts
            else {"article": a, "index": article_index[a.id]}
            for a in corpus.articles[: None if texts else ARTICLES_LISTED]
        ],
        "articles_total": len(corpus.articles),
        "referents": _matrix(report, "referent", evidence),
        "cues": _matrix(report, "cue", evidence),
        "shares": _shares(report),
        "tones": _tones(report, article_index),
        "distinctive": _distinctive(report, article_index),
        "evidence": evidence,
        "packs": report.packs,
        "alignment": build_alignment_view(report, article_index),
        "voices": build_voices_view(report, article_index),
        "skipped": corpus.skipped,
        "removed_shown": REMOVED_SHOWN,
        "limits": corpus.limits,
        "sentences_cut": corpus.sentences_cut,
        "config": report.config,
        "settings_said": settings_said(report.config),
        "symbol": SYMBOL,
        "total_matches": len(report.matches),
        "edition": edition,
        "texts": texts,  # the articles' full texts are on the page (links "in context" work)
        "per_cell": per_cell,
        "texts_max": TEXTS_MAX,
        "handout_outlets": contrasting_outlets(report),
        "handout_rows": HANDOUT_ROWS,
        "handout_labels": HANDOUT_LABELS,
        "questions": report.questions,
        "what_differs": [report.questions[i] for i in report.what_differs],
        "glossary": report.glossary,
    }


def _term_index(report: Report) -> dict[tuple[str, str], tuple[Group, Term]]:
    return {(g.id, t.phrase): (g, t) for g in report.groups for t in g.terms}


def _outlet_view(report: Report, outlet_id: str) -> dict[str, Any]:
    outlet = report.corpus.outlet(outlet_id)
    return {"id": outlet.id, "name": outlet.name, "words": outlet.words,
            "articles": len(outlet.articles)}


def _variant_of(row: LabelCount) -> str:
    """The lexicon term a label was counted as, when the outlet wrote something else
    ("Russian air support" for "Russian air cover"); "" when it wrote the term itself."""
    if row.source == "discovered" or not row.lexicon_term:
        return ""
    written_as, entry = label_key(row.term), label_key(row.lexicon_term)
    inflected = {entry, entry + "s", entry + "es", entry[:-1] + "ies"}  # "regime soldiers"
    return "" if written_as in inflected else row.lexicon_term


def _matrix(report: Report, kind: str, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of groups, columns of outlets; each cell the labels with counts and anchors."""
    by_cell: defaultdict[tuple[str, str], list[LabelCount]] = defaultdict(list)
    for row in report.labels:
        if row.kind == kind:
            by_cell[(row.group, row.outlet)].append(row)
    rows = []
    for group in report.groups:
        if group.kind != kind:
            continue
        cells = []
        for outlet in report.corpus.outlets:
            labels = sorted(by_cell[(group.id, outlet.id)], key=lambda r: (-r.count, r.term))
            cells.append({
                "outlet": outlet.id,
                "total": sum(r.count for r in labels),
                "labels": [
                    {"term": r.term, "count": r.count, "connotation": r.connotation,
                     "quoted": r.quoted, "lexicon_term": _variant_of(r),
                     "per_1000": r.per_1000_words, "tfidf": r.tfidf,
                     "anchor": label_anchor(r.outlet, r.group, r.term)}
                    for r in labels
                ],
            })
        rows.append({"group": group, "cells": cells})
    return rows


def _shares(report: Report) -> list[dict[str, Any]]:
    """One row per lexicon actor named with a rated label, and per discovered actor some
    outlet names with a negative or positive one (the others' names alone tell nothing);
    each cell its bar."""
    by_key = {(s.group, s.outlet): s for s in report.shares}
    rows = []
    for group in report.groups:
        cells = [by_key.get((group.id, o.id)) for o in report.corpus.outlets]
        loaded = any(c and (c.negative or c.positive) for c in cells)
        rated = any(c and c.rated for c in cells)
        if group.kind == "referent" and (loaded or (rated and group.origin == "lexicon")):
            rows.append({
                "group": group,
                "cells": [{"outlet": o, "share": c, "bar": _bar(c)}
                          for o, c in zip(report.corpus.outlets, cells, strict=True)],
            })
    return rows


def _tones(report: Report, article_index: dict[str, int]) -> list[dict[str, Any]]:
    """One row per actor some outlet aims a loaded word at; each cell its tone, its words and
    the anchor of their sentences."""
    articles = {a.id: a for a in report.corpus.articles}
    by_id = {match_id(article_index[m.article], m.start): m for m in report.matches}
    by_cell = {(t.referent, t.outlet): t for t in report.tones}
    rows = []
    for group in report.groups:
        if group.kind != "referent" or not any(k[0] == group.id for k in by_cell):
            continue
        cells = []
        for outlet in report.corpus.outlets:
            tone = by_cell.get((group.id, outlet.id))
            words = [by_id[w] for w in tone.words] if tone else []
            cells.append(None if tone is None else {
                "tone": tone, "figure": None if tone.tone is None else _signed(tone.tone),
                "side": ("negative" if (tone.tone or 0) < 0 else
                         "positive" if (tone.tone or 0) > 0 else "neutral"),
                "words": [m.text for m in words if m.voice == "own"],
                "anchor": f"tone-{outlet.id}-{group.id}",
                "lines": [{"article": articles[m.article],
                           "target": match_id(article_index[m.article], m.start),
                           "quoted": m.voice != "own",
                           "pieces": _sentence_pieces(articles[m.article], m.sentence,
                                                      [(m.start, m.end)])}
                          for m in words],
            })
        rows.append({"group": group, "cells": cells})
    return rows


def _bar(share: ConnotationShare | None) -> dict[str, Any] | None:
    """A diverging bar for the mean signed score: filled leftward from the middle when the
    labels are unfavourable, rightward when favourable, as far as the score goes (3: full)."""
    if share is None or share.score is None:
        return None
    score = share.score
    side = "negative" if score < 0 else "positive" if score > 0 else "neutral"
    return {
        "side": side,
        "width": f"{100 * abs(score) / STRONG:.0f}%",
        "figure": _signed(score),
        "strong": share.strong_negative if score <= 0 else share.strong_positive,
        "strong_side": "negative" if score <= 0 else "positive",
    }


def _signed(score: float) -> str:
    """A score with a real minus sign and one decimal: "\u22121.2", "+0.5", "0.0"."""
    if round(score, 1) == 0:
        return "0.0"
    return f"{SYMBOL['negative'] if score < 0 else '+'}{abs(score):.1f}"


def _sentence_pieces(
    article: Article, sentence: int, hits: Iterable[tuple[int, int]]
) -> list[tuple[str, bool]]:
    """A sentence cut into (text, highlighted) pieces."""
    s = article.sentences[sentence]
    pieces: list[tuple[str, bool]] = []
    cursor = s.start
    for start, end in sorted(hits):
        if start < cursor:
            continue
        pieces.append((article.text[cursor:start], False))
        pieces.append((article.text[start:end], True))
        cursor = end
    pieces.append((article.text[cursor : s.end], False))
    return [p for p in pieces if p[0]]


def _evidence_groups(
    report: Report, article_index: dict[str, int], per_cell: int
) -> list[dict[str, Any]]:
    """Every label count's occurrences in context (the first ``per_cell`` of each), grouped by
    group, term and outlet."""
    articles = {a.id: a for a in report.corpus.articles}
    outlet_names = {o.id: o.name for o in report.corpus.outlets}
    by_label: defaultdict[tuple[str, str, str], list[Match]] = defaultdict(list)
    for m in report.matches:
        by_label[(m.group, label_key(written(m, articles[m.article].text)), m.outlet)].append(m)
    rows_of: defaultdict[str, list[LabelCount]] = defaultdict(list)
    for row in report.labels:
        rows_of[row.group].append(row)
    groups = []
    for group in report.groups:
        entries = []
        for row in sorted(rows_of[group.id], key=lambda r: (r.term, r.outlet)):
            found = by_label[(group.id, label_key(row.term), row.outlet)]
            lines = [
                {
                    "article": articles[m.article],
                    "target": match_id(article_index[m.article], m.start),
                    "pieces": _sentence_pieces(articles[m.article], m.sentence, [(m.start, m.end)]),
                }
                for m in found[:per_cell]
            ]
            entries.append({
                "anchor": label_anchor(row.outlet, group.id, row.term),
                "term": row.term, "lexicon_term": _variant_of(row),
                "outlet": outlet_names[row.outlet],
                "connotation": row.connotation, "count": row.count, "lines": lines,
                "more": len(found) - len(lines),
            })
        groups.append({"group": group, "entries": entries})
    return groups


def _distinctive(report: Report, article_index: dict[str, int]) -> list[dict[str, Any]]:
    articles = {a.id: a for a in report.corpus.articles}
    per_outlet: list[dict[str, Any]] = []
    for outlet in report.corpus.outlets:
        rows = []
        for d in (x for x in report.distinctive if x.outlet == outlet.id):
            rows.append({
                "term": d.term, "count": d.count, "others": d.others, "tfidf": d.tfidf,
                "z": d.log_odds_z, "few": d.count < report.config.few_mentions,
                "anchor": distinctive_anchor(outlet.id, d.term),
                "lines": [
                    {"article": articles[e.article],
                     "target": sentence_id(article_index[e.article], e.sentence),
                     "pieces": _sentence_pieces(articles[e.article], e.sentence, e.hits)}
                    for e in d.evidence
                ],
            })
        per_outlet.append({"outlet": outlet, "rows": rows})
    return per_outlet


def _article_view(
    article: Article,
    matches: Sequence[Match],
    terms: dict[tuple[str, str], tuple[Group, Term]],
    article_index: dict[str, int],
) -> dict[str, Any]:
    """The article's title and paragraphs cut into plain and highlighted pieces."""
    index = article_index[article.id]
    by_sentence: defaultdict[int, list[Match]] = defaultdict(list)
    for m in matches:
        by_sentence[m.sentence].append(m)
    blocks: list[dict[str, Any]] = []
    for i, sentence in enumerate(article.sentences):
        inside = by_sentence[i]
        blocks.append({
            "id": sentence_id(index, i),
            "in_title": sentence.in_title,
            "paragraph": _paragraph_of(article, sentence.start),
            "pieces": _marked_pieces(article, sentence.start, sentence.end, inside, terms, index),
        })
    paragraphs: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for block in blocks:
        if not block["in_title"]:
            paragraphs[block["paragraph"]].append(block)
    return {
        "article": article,
        "index": index,
        "title_blocks": [b for b in blocks if b["in_title"]],
        "paragraphs": [paragraphs[k] for k in sorted(paragraphs)],
        "matches": len(matches),
    }


def _paragraph_of(article: Article, offset: int) -> int:
    """Index of the kept paragraph holding ``offset``, -1 when none does (paragraphs are in
    text order and do not overlap, so bisection finds it)."""
    i = bisect.bisect_right(article.paragraphs, offset, key=lambda p: p[0]) - 1
    return i if i >= 0 and offset < article.paragraphs[i][1] else -1


def _marked_pieces(
    article: Article,
    start: int,
    end: int,
    matches: Sequence[Match],
    terms: dict[tuple[str, str], tuple[Group, Term]],
    index: int,
) -> list[dict[str, Any]]:
    pieces: list[dict[str, Any]] = []
    cursor = start
    for m in sorted(matches, key=lambda m: m.start):
        if m.start > cursor:
            pieces.append({"text": article.text[cursor : m.start]})
        group, term = terms[(m.group, m.term)]
        pieces.append({
            "text": m.text, "id": match_id(index, m.start), "kind": m.kind,
            "connotation": m.connotation, "group": group.name, "group_id": group.id,
            "term": term.phrase,
            "note": term.note, "anchor": label_anchor(m.outlet, m.group, written(m, article.text)),
        })
        cursor = m.end
    if cursor < end:
        pieces.append({"text": article.text[cursor:end]})
    return pieces
