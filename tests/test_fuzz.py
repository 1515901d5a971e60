"""Fuzzing every input kind (benchmarks/fuzz.py, seeded and bounded so the suite stays fast):
no generated input crashes framing or runs past the time limit. The long run is
`python benchmarks/fuzz.py` (1,500 inputs per kind)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from .helpers import ROOT

EXAMPLES = 12  # per kind, after the reproducers of issue 11: about 15 s in all
LIMIT = 20.0  # seconds before an input counts as a hang


def load_fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "benchmarks" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz"] = module
    spec.loader.exec_module(module)
    return module


FUZZ = load_fuzz()


@pytest.mark.parametrize("kind", FUZZ.KINDS)
def test_no_generated_input_crashes_or_hangs(kind: str) -> None:
    tally = FUZZ.fuzz(kind, EXAMPLES, LIMIT)
    tried = EXAMPLES + len(FUZZ.REPRODUCERS[kind])
    assert tally.tried == tried
    assert (tally.crashes, tally.hangs) == (0, 0), dict(tally.causes)
    assert tally.written + tally.refused == tried
