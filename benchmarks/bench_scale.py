"""Research scale: framing on 100 to 10,000 articles beside Scattertext, and one long article.

    python benchmarks/bench_scale.py [--sizes 100 1000 10000] [--runs 3] [--long 1 2 4 20]
                                     [--peer-python /work/peer-venv/bin/python]

1. Corpora of --sizes articles, resampled from the demo corpus by the peers' own script
   (../shared/peers/make_synthetic.py, run where it lies; size / 5 articles for each of the
   demo's 5 outlets, 20-40 of the outlet's own sentences each). It writes
   `<outlet>/NNN.txt`, but framing reads no subfolders: the same files are laid out for it in
   one folder as `<outlet>_NNN.txt` with an outlets.csv (columns file, outlet) naming each
   file's outlet as the demo's outlets.csv does. framing then runs as a user runs it, one cold
   process each: `python -m framing report FOLDER -o out.html` and `--format json -o
   out.json`. Scattertext runs on the subfolder layout through
   ../shared/peers/scattertext_peer.py (its log-odds of the first outlet against the rest
   and its explorer page) with --peer-python, when that interpreter has Scattertext (see
   ../shared/peers/README.md for installing it in its own virtual environment); otherwise its
   columns are left out. The tools alternate run by run (--runs, default 3 below 1,000
   articles and 1 from there on). Printed per size: the medians of wall time and of the
   child's peak memory (its own maximum resident set, from wait4), the HTML and JSON sizes,
   Scattertext's, and the ratio framing (HTML report) / Scattertext. The HTML report also
   runs on the Dask engine (`--engine dask`: a local cluster of one worker process per core,
   started by the run) when Dask's distributed scheduler is installed (`framing[dask]`);
   otherwise its columns are left out with a message. Its peak memory is the largest single
   process's (the client's or a worker's, whichever is larger), not their sum. Above --align-limit
   (200) articles framing leaves out the pairwise shared-copy comparison, as a report does.
2. One long article of --long MB (millions of characters) beside a short article from a
   second outlet, built and run as benchmarks/bench_long.py does (`framing report` with
   --max-article-chars raised): wall time, peak memory and seconds per MB at each size, so
   that growth faster than the text shows.

A run that takes longer than --timeout seconds is stopped and shown as such. Prints figures,
asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench_long import MB, demo_sentences, long_article
from bench_long import run as run_long

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "framing" / "corpora" / "al-hader-2015"
# ../shared/peers beside the project (or beside the folder of its git worktrees)
PEERS = next((p / "shared" / "peers" for p in ROOT.parents if (p / "shared" / "peers").is_dir()),
             ROOT.parent / "shared" / "peers")
MAKE_SYNTHETIC = PEERS / "make_synthetic.py"
SCATTERTEXT_PEER = PEERS / "scattertext_peer.py"
DEFAULT_PEER = Path("/work/peer-venv/bin/python")
OUTLETS = 5  # the demo corpus's outlets; make_synthetic.py writes --per-outlet for each
MIB = 1024 * 1024


@dataclass(frozen=True)
class Run:
    """One cold process: wall seconds, peak resident memory (MiB), output bytes, status."""

    seconds: float
    peak: float
    size: int
    status: str


def measure(cmd: list[str], output: Path, timeout: float) -> Run:
    """Run ``cmd`` in a fresh child; its own peak memory comes from wait4's resource use."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=log, stderr=log, start_new_session=True)
        timer = threading.Timer(timeout, _kill_group, (child.pid,))
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        tail = log.read().decode("utf-8", "replace").strip().splitlines()[-1:]
    if child.returncode == 0:
        state = "ok"
    elif child.returncode == -signal.SIGKILL and seconds >= timeout:
        state = f"stopped after {timeout:.0f} s"
    else:
        state = f"exit {child.returncode}: {' '.join(tail)[:120]}"
    size = output.stat().st_size if output.is_file() else 0
    return Run(seconds, usage.ru_maxrss / 1024, size, state)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
        os.killpg(pid, signal.SIGKILL)


def peer_python(path: Path) -> Path | None:
    """The interpreter to run Scattertext with, or None (and why) when it cannot."""
    if not path.is_file():
        print("Scattertext not installed: skipped (see ../shared/peers/README.md)")
        return None
    found = subprocess.run([str(path), "-c", "import scattertext, six"], capture_output=True)
    if found.returncode != 0:
        print(f"Scattertext not importable with {path}: skipped (see {PEERS / 'README.md'})")
        return None
    version = subprocess.run([str(path), "-c", "import scattertext as s; print(s.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    print(f"Scattertext {version or '?'} with {path}")
    return path


def make_corpus(n_articles: int, tmp: Path) -> tuple[Path, Path, str, int, int]:
    """Resample the demo corpus; returns the peer's folder, framing's folder, the peer's
    target outlet, the number of articles and of words."""
    nested = tmp / "by-outlet"
    subprocess.run([sys.executable, str(MAKE_SYNTHETIC), str(DEMO), str(nested),
                    "--per-outlet", str(max(1, n_articles // OUTLETS))],
                   check=True, capture_output=True)
    with (DEMO / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        names = {Path(row["file"]).stem: row["outlet"] for row in csv.DictReader(handle)}
    flat = tmp / "scale-event"
    flat.mkdir()
    rows: list[tuple[str, str]] = []
    words = 0
    for outlet in sorted(p for p in nested.iterdir() if p.is_dir()):
        for article in sorted(outlet.glob("*.txt")):
            name = f"{outlet.name}_{article.name}"
            shutil.copyfile(article, flat / name)
            words += len(article.read_text(encoding="utf-8").split())
            rows.append((name, names.get(outlet.name, outlet.name)))
    with (flat / "outlets.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("file", "outlet"))
        writer.writerows(rows)
    target = min(p.name for p in nested.iterdir() if p.is_dir())
    return nested, flat, target, len(rows), words


def median_run(runs: list[Run]) -> Run:
    bad = [r.status for r in runs if r.status != "ok"]
    return Run(statistics.median(r.seconds for r in runs), statistics.median(r.peak for r in runs),
               int(statistics.median(r.size for r in runs)), bad[0] if bad else "ok")


def scale(sizes: list[int], runs: int | None, peer: Path | None, timeout: float,
          dask: bool) -> None:
    """Section 1: the table of sizes."""
    header = (f"{'articles':>8} {'words':>10} {'runs':>4} | {'framing s':>9} {'MiB':>5} "
              f"{'HTML MB':>7} | {'json s':>7} {'MiB':>5} {'JSON MB':>7}")
    if dask:
        header += f" | {'dask s':>7} {'MiB':>5} {'same':>4}"
    if peer is not None:
        header += (f" | {'Sctx s':>7} {'MiB':>5} {'page MB':>7} | {'ratio s':>7} {'MiB':>5} "
                   f"{'page':>5}")
    print(header, flush=True)
    notes: list[str] = []
    for n in sizes:
        count = runs if runs is not None else (3 if n < 1000 else 1)
        with tempfile.TemporaryDirectory() as name:
            tmp = Path(name)
            nested, flat, target, articles, words = make_corpus(n, tmp)
            html, json_out, page = tmp / "out.html", tmp / "out.json", tmp / "page.html"
            framing = [sys.executable, "-m", "framing", "report", str(flat)]
            jobs = {
                "html": [*framing, "-o", str(html)],
                "json": [*framing, "--format", "json", "-o", str(json_out)],
            }
            outputs = {"html": html, "json": json_out, "peer": page, "dask": tmp / "dask.html"}
            if dask:
                jobs["dask"] = [*framing, "-o", str(outputs["dask"]), "--engine", "dask"]
            if peer is not None:
                jobs["peer"] = [str(peer), str(SCATTERTEXT_PEER), str(nested), target,
                                "--out", str(page)]
            done: dict[str, list[Run]] = {key: [] for key in jobs}
            for i in range(count):
                order = list(jobs) if i % 2 == 0 else list(reversed(jobs))
                for key in order:
                    outputs[key].unlink(missing_ok=True)
                    done[key].append(measure(jobs[key], outputs[key], timeout))
            same = dask and outputs["dask"].read_bytes() == html.read_bytes()
        f, j = median_run(done["html"]), median_run(done["json"])
        line = (f"{articles:>8,} {words:>10,} {count:>4} | {f.seconds:>9.1f} {f.peak:>5.0f} "
                f"{f.size / 1e6:>7.2f} | {j.seconds:>7.1f} {j.peak:>5.0f} {j.size / 1e6:>7.2f}")
        if dask:
            d = median_run(done["dask"])
            line += f" | {d.seconds:>7.1f} {d.peak:>5.0f} {'yes' if same else 'NO':>4}"
            notes += [f"{articles:,} articles, framing on Dask: {d.status}"] * (d.status != "ok")
        if peer is not None:
            s = median_run(done["peer"])
            line += (f" | {s.seconds:>7.1f} {s.peak:>5.0f} {s.size / 1e6:>7.2f} | "
                     f"{f.seconds / s.seconds:>7.1f} {f.peak / s.peak:>5.1f} "
                     f"{f.size / max(1, s.size):>5.2f}")
            notes += [f"{articles:,} articles, Scattertext: {s.status}"] * (s.status != "ok")
        notes += [f"{articles:,} articles, framing HTML: {f.status}"] * (f.status != "ok")
        notes += [f"{articles:,} articles, framing JSON: {j.status}"] * (j.status != "ok")
        print(line, flush=True)
    for note in notes:
        print(f"  {note}")


def long_articles(sizes: list[float], runs: int | None) -> None:
    """Section 2: one long article beside a short one."""
    sentences = demo_sentences()
    print(f"\none long article and one short one, `framing report` (median of {runs or 1}):")
    print(f"{'MB':>5} | {'s':>7} {'MiB':>6} | {'s per MB':>8} {'x first':>7}")
    first: float | None = None
    for size in sizes:
        text = long_article(int(size * MB), sentences)
        measured = [run_long(text) for _ in range(runs or 1)]
        seconds = statistics.median(m[0] for m in measured)
        peak = statistics.median(m[1] for m in measured)
        status = next((m[2] for m in measured if m[2] != "ok"), "ok")
        per_mb = seconds / size
        first = first or per_mb
        print(f"{size:>5g} | {seconds:>7.1f} {peak:>6.0f} | {per_mb:>8.1f} {per_mb / first:>7.2f}"
              + ("" if status == "ok" else f"  ({status})"), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000],
                        help="numbers of resampled articles (rounded down to a multiple of 5)")
    parser.add_argument("--runs", type=int, default=None,
                        help="runs of each tool per size [default: 3 below 1,000 articles, "
                             "else 1; 1 for the long articles]")
    parser.add_argument("--long", type=float, nargs="*", default=[1, 2],
                        help="sizes of the long article in MB (millions of characters)")
    parser.add_argument("--peer-python", type=Path, default=DEFAULT_PEER,
                        help="a Python with Scattertext installed")
    parser.add_argument("--timeout", type=float, default=900,
                        help="stop a run after this many seconds")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} cores; "
          "cold processes, medians")
    peer = peer_python(args.peer_python) if args.sizes else None
    dask = importlib.util.find_spec("distributed") is not None
    if args.sizes and not dask:
        print("Dask engine: skipped (pip install 'framing[dask]' to measure it)")
    if args.sizes:
        scale(args.sizes, args.runs, peer, args.timeout, dask)
    if args.long:
        long_articles(args.long, args.runs)


if __name__ == "__main__":
    main()
