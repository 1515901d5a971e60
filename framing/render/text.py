"""The short summary `framing report` prints to the terminal."""

from __future__ import annotations

from collections import defaultdict

from framing.lexicon.files import pack_name
from framing.model import AnalysisConfig, LabelCount, Report

WIDTH = 22


def _cut(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def most_used_labels(report: Report) -> dict[tuple[str, str], LabelCount]:
    """For each (referent, outlet), the label the outlet used most (ties: alphabetical)."""
    best: dict[tuple[str, str], LabelCount] = {}
    ranked = sorted(report.labels, key=lambda r: (-r.count, r.term))
    for row in ranked:
        if row.kind == "referent":
            best.setdefault((row.group, row.outlet), row)
    return best


def settings_said(config: AnalysisConfig) -> list[str]:
    """The options that change what is counted, as a reader should be told them."""
    said = []
    if config.own_voice_only:
        said.append("own voice only (--own-voice): labels inside quotations are not counted")
    if not config.discover:
        said.append("lexicon terms only (--no-discovery): no actors found in the text")
    if config.evaluative == "lexicon":
        said.append("evaluative words kept by the lexicon rule, not the model "
                    "(--evaluative lexicon)")
    elif config.evaluative == "off":
        said.append("no evaluative words beyond the hand-written cue lists (--evaluative off)")
    return said


def render_summary(report: Report) -> str:
    """Outlets with their size, then each referent's most used label per outlet."""
    corpus = report.corpus
    lines = [f"{corpus.name}: {len(corpus.articles)} articles from {len(corpus.outlets)} outlets"]
    for outlet in corpus.outlets:
        lines.append(f"  {outlet.name}: {len(outlet.articles)} article(s), {outlet.words} words")
    used = [pack_name(p.lexicon) for p in report.packs if p.chosen]
    lines.append(f"  lexicons used: {', '.join(used) or 'none'} (the report says why)")
    lines += [f"  {setting}" for setting in settings_said(report.config)]
    best = most_used_labels(report)
    referents = [g for g in report.groups if g.kind == "referent"]
    if not referents:
        lines.append("No lexicon label for an actor occurs in these articles.")
        return "\n".join(lines) + "\n"
    per_outlet: defaultdict[str, int] = defaultdict(int)
    for m in report.matches:
        per_outlet[m.outlet] += 1
    header = ["most used label"] + [_cut(o.name) for o in corpus.outlets]
    rows = [header]
    for group in referents:
        cells = [_cut(group.name)]
        for outlet in corpus.outlets:
            row = best.get((group.id, outlet.id))
            cells.append(_cut(f"{row.term} ({row.count})") if row else "-")
        rows.append(cells)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines.append("")
    for r in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"
