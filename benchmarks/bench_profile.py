"""`framing profile` at growing numbers of events: time, peak memory, page size.

    python benchmarks/bench_profile.py [../shared/eval/basil] [--copies 1 10]

The events are BASIL's 55 (read in place, never copied: each copy of the corpus is a folder of
symbolic links to the event folders, named apart), so --copies 10 profiles 550 events of three
articles each. framing runs as a user runs it, one cold process (`python -m framing profile
FOLDER -o out.html`, which also writes every event's report); printed per size: wall time, the
process's peak resident memory (its own, from wait4, and the largest of its workers'), the
profile page's size and the event reports' total size. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
              ROOT.parent / "shared")
MIB = 1024 * 1024


def corpus(basil: Path, copies: int, tmp: Path) -> Path:
    """A folder of ``copies`` x the BASIL event folders, as symbolic links."""
    folder = tmp / f"events-{copies}"
    folder.mkdir()
    events = sorted(p for p in basil.iterdir() if p.is_dir())
    for n in range(copies):
        for event in events:
            (folder / f"{n:03d}-{event.name}").symlink_to(event, target_is_directory=True)
    return folder


def run(folder: Path, out: Path) -> tuple[float, float, float, str]:
    """Wall seconds, own peak MiB, the largest child's peak MiB, and the status."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "framing", "profile", str(folder), "-o",
                              str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    code = os.waitstatus_to_exitcode(status)
    error = (child.stderr.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1] \
        if child.stderr else ""
    return seconds, usage.ru_maxrss / 1024, children, "ok" if code == 0 else f"exit {code}: {error}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("basil", nargs="?", type=Path, default=SHARED / "eval" / "basil")
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 10])
    args = parser.parse_args()
    if not args.basil.is_dir():
        sys.exit(f"{args.basil}: no BASIL events there; see ../shared/eval/README.md")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; one cold process per size")
    print(f"{'events':>7} | {'s':>7} {'MiB':>6} {'worker MiB':>10} | {'page MB':>7} "
          f"{'reports MB':>10}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for copies in args.copies:
            folder = corpus(args.basil, copies, tmp)
            out = tmp / f"profile-{copies}.html"
            seconds, peak, workers, status = run(folder, out)
            reports = sum(f.stat().st_size for f in (tmp / f"{out.stem}-events").glob("*.html"))
            events = sum(1 for _ in folder.iterdir())
            size = out.stat().st_size / 1e6 if out.exists() else 0
            print(f"{events:>7,} | {seconds:>7.1f} {peak:>6.0f} {workers:>10.0f} | "
                  f"{size:>7.2f} {reports / 1e6:>10.1f}" + ("" if status == "ok" else
                                                            f"  ({status})"), flush=True)


if __name__ == "__main__":
    main()
