"""Cost of long input: one article of 1, 2, 5 and 20 MB, and one very long sentence.

    python benchmarks/bench_long.py [--sizes 1 2 5 20] [--sentence-words 10000 50000]

Each case is a folder of two articles: the long one and a short one from another outlet.
The long article is the demo corpus's sentences, drawn at random (seeded) and numbered so no
line repeats (the cleaner drops repeated lines), in paragraphs of five sentences; the long
sentence is words of those sentences without their full stops. `framing report` runs on it as a
cold process, with --max-article-chars raised so the article is read (by default one over
1,000,000 characters is skipped, which takes no time at all); its wall time and peak memory
are printed. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "framing" / "corpora" / "al-hader-2015"
SHORT = "Return\n\nHezbollah fighters came back to the town on Wednesday, the army said.\n"
MB = 1_000_000
# Runs framing's command line in this child and prints the child's own peak memory (KiB).
PEAK_OF_FRAMING = """
import resource, runpy, sys
sys.argv = ["framing", *sys.argv[1:]]
try:
    runpy.run_module("framing", run_name="__main__")
finally:
    print(f"PEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def demo_sentences() -> list[str]:
    from framing.text.loading import load_corpus

    demo = load_corpus(DEMO)
    return [" ".join(a.text[s.start : s.end].split()) for a in demo.articles
            for s in a.sentences if not s.in_title]


def long_article(size: int, sentences: list[str]) -> str:
    """About ``size`` characters of news text, no line repeated."""
    rng = random.Random(size)
    parts = ["A very long article\n"]
    total, n = 0, 0
    while total < size:
        n += 1
        paragraph = f"({n}) " + " ".join(rng.choice(sentences) for _ in range(5))
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"


def long_sentence(words: int, sentences: list[str]) -> str:
    pool = " ".join(sentences).replace(".", "").split()
    rng = random.Random(words)
    return "A long sentence\n\n" + " ".join(rng.choice(pool) for _ in range(words)) + ".\n"


def run(text: str) -> tuple[float, float, str]:
    """framing report on the text beside a short article: seconds, peak MiB, last line."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "event"
        folder.mkdir()
        (folder / "long.txt").write_text(text, encoding="utf-8")
        (folder / "other.txt").write_text(SHORT, encoding="utf-8")
        cmd = [sys.executable, "-c", PEAK_OF_FRAMING, "report", str(folder), "-o",
               str(Path(tmp) / "r.html"), "--max-article-chars", str(len(text) + 1)]
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - start
    lines = (done.stdout + done.stderr).strip().splitlines()
    peak = next((int(x.split()[1]) for x in reversed(lines) if x.startswith("PEAK ")), 0)
    status = "ok" if done.returncode == 0 else f"exit {done.returncode}: {lines[-2:-1]}"
    return seconds, peak / 1024, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 2, 5, 20],
                        help="article sizes in MB (millions of characters)")
    parser.add_argument("--sentence-words", type=int, nargs="*", default=[10_000, 50_000])
    args = parser.parse_args()
    sentences = demo_sentences()
    print(f"python {sys.version.split()[0]}; one cold `framing report` per case")
    for size in args.sizes:
        seconds, peak, status = run(long_article(int(size * MB), sentences))
        print(f"one article of {size:g} MB: {seconds:.1f} s, peak {peak:.0f} MiB ({status})",
              flush=True)
    for words in args.sentence_words:
        seconds, peak, status = run(long_sentence(words, sentences))
        print(f"one sentence of {words:,} words: {seconds:.1f} s, peak {peak:.0f} MiB "
              f"({status})", flush=True)


if __name__ == "__main__":
    main()
