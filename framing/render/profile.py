"""Render a Profile (outlets across events): JSON, CSV, SQLite and one self-contained HTML page.

Every renderer reads ``profile_dict``, so the formats cannot disagree; the HTML adds only
layout: which figures to show first and the words that explain them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from framing import __version__
from framing.model import Report
from framing.profile.events import Profile
from framing.profile.figures import FEW_EVENTS, RESAMPLES, Figure, OutletProfile
from framing.profile.summary import EventSummary
from framing.render.export import GENERATOR
from framing.render.html import environment, render_html
from framing.render.sqlite import Rows, make_table, write_database

PROFILE_SCHEMA = 1
FIGURE_FIELDS = ("outlet", "name", "referent", "category", "value", "low", "high", "events")
# The figures the summary table shows, in order, with what each one is.
SUMMARY = (
    ("loaded_per_1000_words", "Loaded words per 1,000 words"),
    ("hedges_per_1000_words", "Hedges per 1,000 words"),
    ("attribution_verbs_per_1000_words", "Verbs of saying per 1,000 words"),
    ("loaded_attribution_share", "Share of verbs of saying that judge"),
    ("shared_copy_share", "Share of sentences another outlet also prints"),
)
TABLES = (
    make_table("meta", "key TEXT, value TEXT"),
    make_table("events", "id TEXT, title TEXT, outlets JSON, headline_labels JSON", key="id"),
    make_table("outlet_events", "event TEXT, outlet TEXT, words INTEGER, articles INTEGER, "
               "loaded INTEGER, hedges INTEGER, attribution INTEGER, loaded_attribution INTEGER, "
               "statements INTEGER, compared INTEGER, shared INTEGER",
               indexed=("event",)),
    make_table("figures", "outlet TEXT, name TEXT, referent TEXT, category TEXT, value REAL, "
               "low REAL, high REAL, events INTEGER", indexed=("name",)),
    make_table("labels", "outlet TEXT, referent TEXT, label TEXT, count INTEGER, events INTEGER"),
    make_table("skipped", "event TEXT, reason TEXT"),
)


def _figure_dict(f: Figure) -> dict[str, Any]:
    return {"name": f.name, "referent": f.referent, "category": f.category, "value": f.value,
            "low": f.low, "high": f.high, "events": f.events}


def profile_dict(profile: Profile) -> dict[str, Any]:
    """The whole profile as plain data, in a stable order (documented in SCHEMA.md)."""
    return {
        "generator": GENERATOR,
        "schema_version": PROFILE_SCHEMA,
        "kind": "profile",
        "corpus": profile.name,
        "settings": {"resamples": RESAMPLES, "interval": 0.95, "few_events": FEW_EVENTS},
        "events": [{
            "id": e.id, "title": e.title, "outlets": [o.outlet for o in e.outlets],
            "headline_labels": _headline_labels(e),
        } for e in profile.events],
        "actors": _actor_names(profile),
        "outlet_events": [{
            "event": e.id, "outlet": o.outlet, "words": o.words, "articles": o.articles,
            "loaded": o.loaded, "hedges": o.hedges, "attribution": o.attribution,
            "loaded_attribution": o.loaded_attribution,
            "statements": sum(o.voices.values()), "compared": o.compared, "shared": o.shared,
        } for e in profile.events for o in e.outlets],
        "profiles": [{
            "outlet": p.outlet, "events": list(p.events), "words": p.words,
            "figures": [_figure_dict(f) for f in p.figures],
            "labels": [{"referent": u.referent, "label": u.label, "count": u.count,
                        "events": u.events} for u in p.labels],
        } for p in profile.profiles],
        "skipped": [{"event": i, "reason": why} for i, why in profile.skipped],
    }


def _headline_labels(event: EventSummary) -> dict[str, dict[str, str]]:
    """Per headline actor, each outlet's most used label for it (ties: alphabetical)."""
    found: dict[str, dict[str, str]] = {}
    for actor in event.headline_actors:
        found[actor] = {}
        for o in event.outlets:
            use = o.actors.get(actor)
            if use is not None and use.labels:
                found[actor][o.outlet] = min(use.labels.items(), key=lambda x: (-x[1], x[0]))[0]
    return found


def _actor_names(profile: Profile) -> dict[str, str]:
    names: dict[str, str] = {}
    for e in profile.events:
        for actor, name in e.actor_names.items():
            names.setdefault(actor, name)
    return dict(sorted(names.items()))


def event_page(report: Report) -> str:
    """An event's own report, as `framing report` writes it (run where the event was analysed)."""
    return render_html(report, report.corpus.name)


def render_profile_json(profile: Profile) -> str:
    return json.dumps(profile_dict(profile), ensure_ascii=False, indent=2) + "\n"


def render_profile_csv(profile: Profile) -> str:
    """Every figure of every outlet, one row each."""
    out = io.StringIO()
    writer = csv.DictWriter(out, FIGURE_FIELDS, lineterminator="\n")
    writer.writeheader()
    for p in profile_dict(profile)["profiles"]:
        for f in p["figures"]:
            writer.writerow({"outlet": p["outlet"], **f})
    return out.getvalue()


def render_profile_sqlite(profile: Profile) -> Callable[[Path], None]:
    """The profile's tables as a database written at the path given (see output.py)."""
    data = profile_dict(profile)
    rows: dict[str, Rows] = {
        "meta": [{"key": k, "value": str(data[k])}
                 for k in ("generator", "schema_version", "kind", "corpus")],
        "events": data["events"],
        "outlet_events": data["outlet_events"],
        "figures": [{"outlet": p["outlet"], **f} for p in data["profiles"] for f in p["figures"]],
        "labels": [{"outlet": p["outlet"], **u} for p in data["profiles"] for u in p["labels"]],
        "skipped": data["skipped"],
    }
    return partial(write_database, rows, tables=TABLES)


def render_profile_html(profile: Profile, title: str, event_pages: Mapping[str, str]) -> str:
    """The profile page; ``event_pages`` links each event id to its own report."""
    data = profile_dict(profile)
    return environment().get_template("profile.html.j2").render(
        title=title, version=__version__, data=data, summary=SUMMARY,
        outlets=[p["outlet"] for p in data["profiles"]],
        table=_summary_table(profile.profiles), pages=event_pages,
        actors=_recurring_actors(data), few=FEW_EVENTS, resamples=RESAMPLES,
        voices=_by_category(profile.profiles, "voice_share"),
        domains=_by_category(profile.profiles, "connotation_vs_others"),
        distinctive={p.outlet: [f for f in p.figures if f.name == "distinctive_word"]
                     for p in profile.profiles},
    )


def _summary_table(profiles: tuple[OutletProfile, ...]) -> dict[str, dict[str, Figure]]:
    return {p.outlet: {f.name: f for f in p.figures if f.referent is None and f.category is None}
            for p in profiles}


def _by_category(profiles: tuple[OutletProfile, ...], name: str
                 ) -> dict[str, dict[str, Figure]]:
    """category -> outlet -> figure, for the figures of ``name`` about a category."""
    table: dict[str, dict[str, Figure]] = {}
    for p in profiles:
        for f in p.figures:
            if f.name == name and f.category is not None:
                table.setdefault(f.category, {})[p.outlet] = f
    return dict(sorted(table.items()))


def _recurring_actors(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Actors with a connotation figure for at least one outlet: per outlet the figure and its
    three most used labels."""
    rows: dict[str, dict[str, Any]] = {}
    for p in data["profiles"]:
        for f in p["figures"]:
            if f["name"] == "connotation_vs_others" and f["referent"]:
                row = rows.setdefault(f["referent"], {
                    "id": f["referent"], "name": data["actors"].get(f["referent"], f["referent"]),
                    "figures": {}, "labels": {}})
                row["figures"][p["outlet"]] = f
    for p in data["profiles"]:
        for u in p["labels"]:
            if u["referent"] in rows:
                rows[u["referent"]]["labels"].setdefault(p["outlet"], []).append(u)
    return sorted(rows.values(), key=lambda r: r["name"].casefold())
