"""The quality gate: evaluation figures pinned in a baseline file, never lowered silently.

A floor is a figure that must not drop (recall, precision, F1); a ceiling is one that must
not rise (highlights per 1,000 words, rows off gold). The baseline also holds a digest of
each dataset's inputs, so a changed evaluation set is noticed instead of being mistaken for a
better or worse tool, and adding a dataset leaves the other datasets' digests standing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TOLERANCE = 1e-9  # float noise from summation order must not fail the gate
CEILING_MARGIN = 1.0  # a ceiling is pinned this far above the current figure, unless told
ABOUT = (
    "Pinned by benchmarks/evaluate.py --update-baseline: floors must not drop, ceilings must "
    "not be exceeded, inputs_sha256 is the digest of each dataset's evaluation files."
)


@dataclass(frozen=True)
class Baseline:
    """Pinned figures and, per dataset, the digest of the inputs they were measured on."""

    inputs_sha256: Mapping[str, str]
    floors: Mapping[str, float] = field(default_factory=dict)
    ceilings: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Figures:
    """Current figures: those where higher is better, and those where lower is better.

    `ceiling_margins` says how far above the current figure a ceiling is pinned (default
    CEILING_MARGIN; 0 for a share that must simply not rise).
    """

    floors: Mapping[str, float]
    ceilings: Mapping[str, float]
    ceiling_margins: Mapping[str, float] = field(default_factory=dict)


def inputs_digest(root: Path, files: Sequence[Path]) -> str:
    """sha256 over each file's path (relative to `root`) and bytes, in sorted path order."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def check(figures: Figures, digests: Mapping[str, str], baseline: Baseline) -> list[str]:
    """Every way the current run falls short of the baseline; empty when it passes.

    `digests` holds the digest of each dataset that ran; each must equal its pin.
    """
    problems = []
    for dataset, digest in sorted(digests.items()):
        pinned = baseline.inputs_sha256.get(dataset, "none")
        if digest != pinned:
            problems.append(
                f"the evaluation inputs changed ({dataset}); re-pin with --update-baseline "
                f"after checking (digest {digest[:12]}, pinned {pinned[:12]})"
            )
    for name, pin in sorted(baseline.floors.items()):
        value = figures.floors.get(name)
        if value is None:
            problems.append(f"{name} is pinned at {pin:.4f} but was not measured")
        elif value < pin - TOLERANCE:
            problems.append(f"{name} dropped to {value:.4f}, below its pin {pin:.4f}")
    for name, pin in sorted(baseline.ceilings.items()):
        value = figures.ceilings.get(name)
        if value is None:
            problems.append(f"{name} has a ceiling of {pin:.4f} but was not measured")
        elif value > pin + TOLERANCE:
            problems.append(f"{name} rose to {value:.4f}, above its ceiling {pin:.4f}")
    return problems


@dataclass(frozen=True)
class Update:
    """A new baseline, with what it kept (figures that got worse) and what it loosened."""

    baseline: Baseline
    kept: list[str]
    loosened: list[str]


def update(figures: Figures, digests: Mapping[str, str], old: Baseline | None,
           allow_lower: bool) -> Update:
    """Pin the current figures: floors only rise and ceilings only fall, unless `allow_lower`.

    With `allow_lower` every pin follows the current figures, and each loosened pin is listed.
    The digests of the datasets that ran replace their pins; other datasets' pins stay.
    """
    floors = {} if old is None else dict(old.floors)
    ceilings = {} if old is None else dict(old.ceilings)
    kept: list[str] = []
    loosened: list[str] = []
    for name, value in figures.floors.items():
        pin = floors.get(name)
        if pin is not None and value < pin - TOLERANCE:
            if allow_lower:
                loosened.append(f"{name}: lowered {_pin_note('floor', pin, value)}")
            else:
                kept.append(f"{name}: kept {_pin_note('floor', pin, value)}")
        floors[name] = value if pin is None or allow_lower else max(value, pin)
    for name, value in figures.ceilings.items():
        pin = ceilings.get(name)
        proposed = value + figures.ceiling_margins.get(name, CEILING_MARGIN)
        if pin is not None and allow_lower and proposed > pin + TOLERANCE:
            loosened.append(f"{name}: raised {_pin_note('ceiling', pin, value)}")
        elif pin is not None and not allow_lower and value > pin + TOLERANCE:
            kept.append(f"{name}: kept {_pin_note('ceiling', pin, value)}")
        ceilings[name] = proposed if pin is None or allow_lower else min(proposed, pin)
    pinned_digests = {} if old is None else dict(old.inputs_sha256)
    new = Baseline(dict(sorted((pinned_digests | dict(digests)).items())),
                   dict(sorted(floors.items())), dict(sorted(ceilings.items())))
    return Update(new, kept, loosened)


def _pin_note(kind: str, pin: float, value: float) -> str:
    """How a pin and the current figure compare, for the notes of `update`."""
    return f"the {kind} at {pin:.4f}; the figure is now {value:.4f}"


def read_baseline(path: Path) -> Baseline:
    """Load a baseline file written by `write_baseline`."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Baseline(
        inputs_sha256=_digests(data["inputs_sha256"]),
        floors={str(k): float(v) for k, v in data["floors"].items()},
        ceilings={str(k): float(v) for k, v in data["ceilings"].items()},
    )


def _digests(pinned: Any) -> dict[str, str]:
    """Per-dataset digests; a single digest (the older format) pins no dataset, so the next
    --check asks for a re-pin instead of comparing a digest of other files."""
    if isinstance(pinned, Mapping):
        return {str(k): str(v) for k, v in pinned.items()}
    return {}


def write_baseline(path: Path, baseline: Baseline) -> None:
    """Write the baseline as stable, readable JSON."""
    data = {
        "about": ABOUT, "inputs_sha256": dict(baseline.inputs_sha256),
        "floors": dict(baseline.floors), "ceilings": dict(baseline.ceilings),
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
