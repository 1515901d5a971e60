"""Speed and memory of framing on this machine; prints figures, asserts nothing.

    python benchmarks/bench_report.py [--articles 1000] [--runs 5]

1. `framing --help` and `framing report` on the demo corpus, each as a cold process (median of
   --runs), with the share of the report's time spent importing modules, and peak memory.
2. The analysis alone (cleaning, matching, scoring, distinctive terms, discovery, quotations
   and agency; no rendering) on --articles synthetic articles made by resampling the demo
   corpus's sentences, spread over ten outlets, in a child process so its peak memory is its
   own. Above 200 articles the pairwise shared-copy alignment is left out, as in a report
   (benchmarks/bench_alignment.py measures it).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "framing" / "corpora" / "al-hader-2015"
FRAMING = [sys.executable, "-m", "framing"]
IMPORTS = (
    "import framing.cli.main, framing.text.loading, framing.text.cleaning, framing.analysis, "
    "framing.render.html, framing.render.export, sklearn.feature_extraction.text, pysbd, jinja2"
)


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall time (s) of a command over ``runs`` cold processes, and peak RSS (MiB)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), peak


def synthetic_analysis(n_articles: int) -> None:
    """Child-process body: build and analyse the resampled corpus, print time and peak RSS."""
    from framing.analysis import analyze
    from framing.lexicon.files import bundled_lexicon_files, load_lexicons
    from framing.model import Document
    from framing.text.loading import build_corpus, load_corpus

    demo = load_corpus(DEMO)
    sentences = [a.text[s.start : s.end] for a in demo.articles for s in a.sentences]
    rng = random.Random(2015)
    docs = []
    for i in range(n_articles):
        body = "\n".join(" ".join(rng.sample(sentences, 3)) for _ in range(10))
        docs.append(Document(source=f"a{i:04d}.txt", text=f"Headline number {i}\n\n{body}\n",
                             outlet=f"Outlet {i % 10}"))
    lexicons = load_lexicons(bundled_lexicon_files())
    start = time.perf_counter()
    corpus = build_corpus("synthetic", docs, [])
    cleaned = time.perf_counter()
    report = analyze(corpus, lexicons)
    done = time.perf_counter()
    words = sum(a.words for a in corpus.articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    aligned = "with" if report.alignment is not None else "without"
    print(f"analysis of {n_articles} articles ({words:,} words, {len(report.matches):,} matches, "
          f"{aligned} shared-copy alignment): {done - start:.2f} s (cleaning and sentence "
          f"splitting {cleaned - start:.2f} s, the rest {done - cleaned:.2f} s); "
          f"peak memory {peak:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        synthetic_analysis(args.articles)
        return
    print(f"python {sys.version.split()[0]} on {sys.platform}; median of {args.runs} cold runs")
    help_time, _ = timed([*FRAMING, "--help"], args.runs)
    print(f"framing --help: {help_time:.3f} s")
    imports_time, _ = timed([sys.executable, "-c", IMPORTS], args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "demo.html")
        report_time, peak = timed([*FRAMING, "report", str(DEMO), "-o", out], args.runs)
    print(f"framing report on the demo corpus: {report_time:.3f} s "
          f"(of which imports {imports_time:.3f} s); peak memory {peak:.0f} MiB")
    subprocess.run([sys.executable, __file__, "--inner", "--articles", str(args.articles)],
                   check=True)


if __name__ == "__main__":
    main()
