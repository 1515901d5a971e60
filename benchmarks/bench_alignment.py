"""Speed of the sentence alignment; prints figures, asserts nothing.

    python benchmarks/bench_alignment.py [--articles 50] [--sentences 40] [--runs 3]

Builds a corpus of --articles articles of --sentences sentences each (plus a headline), spread
over ten outlets, by resampling the demo corpus's sentences with a fixed seed and lightly
editing about a third of the copies (a word replaced, dropped or added), as editors do with
wire copy. Each pair of articles then shares many sentences, far more than real outlets do,
so this is a heavy case. Times `align_corpus` alone (lexicon matches are found beforehand),
median of --runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from framing.analysis import analyze
from framing.copy.alignment import AlignmentReport, align_corpus
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import AnalysisConfig, Article, Corpus, Outlet, Sentence
from framing.text.layer import build_layer
from framing.text.loading import load_corpus

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "framing" / "corpora" / "al-hader-2015"
SWAPS = {
    "regime": "government", "government": "regime", "rebels": "insurgents",
    "insurgents": "militants", "fighters": "troops", "troops": "forces", "said": "claimed",
    "Hezbollah": "the terrorist organization", "army": "regime army", "seized": "captured",
}
FILLERS = ("reportedly", "also", "on Thursday", "according to sources", "heavily")


def light_edit(sentence: str, rng: random.Random) -> str:
    """The sentence with one word replaced (a known label swap if any), dropped or added."""
    words = sentence.split()
    swappable = [i for i, w in enumerate(words) if w in SWAPS]
    choice = rng.random()
    if swappable and choice < 0.5:
        i = rng.choice(swappable)
        words[i] = SWAPS[words[i]]
    elif choice < 0.75 and len(words) > 6:
        del words[rng.randrange(1, len(words) - 1)]
    else:
        words.insert(rng.randrange(1, len(words)), rng.choice(FILLERS))
    return " ".join(words)


def synthetic_corpus(n_articles: int, n_sentences: int, seed: int = 2015) -> Corpus:
    """Articles resampled from the demo corpus's sentences, a third of the copies edited."""
    demo = load_corpus(DEMO)
    pool = sorted({" ".join(a.text[s.start : s.end].split())
                   for a in demo.articles for s in a.sentences if not s.in_title})
    pool = [s for s in pool if len(s.split()) >= 5]
    rng = random.Random(seed)
    articles: list[Article] = []
    for i in range(n_articles):
        picked = rng.sample(pool, min(n_sentences, len(pool)))
        body = [light_edit(s, rng) if rng.random() < 0.33 else s for s in picked]
        articles.append(_article(f"a{i:03d}.txt", f"outlet-{i % 10}", f"Headline {i}: "
                                 + rng.choice(pool), body))
    outlets = tuple(
        Outlet(id=f"outlet-{k}", name=f"Outlet {k}",
               articles=tuple(a.id for a in articles if a.outlet == f"outlet-{k}"),
               words=sum(a.words for a in articles if a.outlet == f"outlet-{k}"))
        for k in range(min(10, n_articles))
    )
    return Corpus(name="synthetic", outlets=outlets, articles=tuple(articles))


def _article(article_id: str, outlet: str, title: str, body: list[str]) -> Article:
    """An article whose title is sentence 0 and whose body is one paragraph of ``body``."""
    text = title + "\n\n" + " ".join(body)
    sentences = [Sentence(start=0, end=len(title), in_title=True)]
    at = len(title) + 2
    for s in body:
        sentences.append(Sentence(start=at, end=at + len(s)))
        at += len(s) + 1
    return Article(
        id=article_id, source=article_id, outlet=outlet, text=text, title=title,
        title_span=(0, len(title)), paragraphs=((len(title) + 2, len(text)),),
        sentences=tuple(sentences), removed=(), words=len(text.split()),
        layer=build_layer(text, [(s.start, s.end) for s in sentences]),
    )


def describe(report: AlignmentReport) -> str:
    """The pair counts of a run."""
    kinds = [al.kind for al in report.alignments]
    splits = sum(len(al.a) + len(al.b) > 2 for al in report.alignments)
    shared = sum(len(u.outlets) > 1 for u in report.units)
    labelled = sum(e.referent is not None for e in report.edits)
    return (f"{len(report.compared):,} sentences compared ({len(report.ignored)} ignored); "
            f"{len(report.alignments):,} aligned pairs ({kinds.count('verbatim'):,} verbatim, "
            f"{kinds.count('edited'):,} edited, {splits} splits or merges); "
            f"{len(report.edits):,} edits ({labelled:,} touching a referent); "
            f"{len(report.units):,} content units ({shared:,} carried by several outlets)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--sentences", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = synthetic_corpus(args.articles, args.sentences)
    lexicons = load_lexicons(bundled_lexicon_files())
    matches = analyze(corpus, lexicons, AnalysisConfig(discover=False)).matches
    times: list[float] = []
    report: AlignmentReport | None = None
    for _ in range(args.runs):
        start = time.perf_counter()
        report = align_corpus(corpus, matches)
        times.append(time.perf_counter() - start)
    assert report is not None
    print(f"alignment of {args.articles} articles x {args.sentences} sentences "
          f"({len(matches):,} lexicon matches): median {statistics.median(times):.2f} s "
          f"over {args.runs} runs (each: {', '.join(f'{t:.2f}' for t in times)})")
    print(describe(report))


if __name__ == "__main__":
    main()
