"""Every claim the findings make, checked against the JSON tables they come from.

The demo and events from ../shared/eval (not used to build the findings: ECB+ t05, t18 and t29,
NewsWCL50 e7, two BASIL events) as readers' own articles: numbers, "only" and "never" claims,
shared-sentence counts and the evidence ids behind every count (tests/claims.py).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from framing.analysis import analyze
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import Lexicon
from framing.render.export import report_dict
from framing.text.loading import load_corpus

from .claims import problems, stated_numbers
from .helpers import DEMO, ROOT

EVAL = ROOT.parent / "shared" / "eval"
EVENTS = (
    "ecbplus/ecb-t05-plus", "ecbplus/ecb-t18-plus", "ecbplus/ecb-t29-plus",
    "newswcl50/wcl50-e7-tariff-exemptions-delayed",
    "basil/basil-2011-04-07-trump-holds-birther-meeting",
    "basil/basil-2013-05-23-irs-official-who-refused-to-testify-facing-more",
)


@lru_cache(maxsize=1)
def lexicons() -> tuple[Lexicon, ...]:
    return tuple(load_lexicons(bundled_lexicon_files()))


def findings_of(folder: Path) -> dict:
    return report_dict(analyze(load_corpus(folder), lexicons()))


def test_every_claim_of_the_demo_holds_and_there_are_findings_of_every_main_kind() -> None:
    doc = findings_of(DEMO)
    assert problems(doc) == []
    kinds = {f["kind"] for f in doc["findings"]}
    assert {"label-contrast", "loaded-label", "omission", "wire-edit", "voices"} <= kinds
    assert 3 <= sum(f["what_differs"] for f in doc["findings"]) <= 5
    assert [q["finding"] for q in doc["questions"]] == [f["id"] for f in doc["findings"]]


@pytest.mark.parametrize("event", EVENTS)
def test_every_claim_holds_on_an_event_nobody_tuned_for(event: str) -> None:
    folder = EVAL / event
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here: ../shared/eval sits beside the clone in CI")
    doc = findings_of(folder)
    assert doc["findings"], "an event of several outlets gives findings"
    assert problems(doc) == []


def test_the_checker_catches_a_wrong_number_a_false_only_and_a_miscount() -> None:
    doc = findings_of(DEMO)
    hezbollah = next(f for f in doc["findings"] if f["kind"] == "loaded-label")
    wrong = {**hezbollah, "text": hezbollah["text"].replace("7 times", "8 times")}
    assert any("states 8" in p for p in problems({**doc, "findings": [wrong]}))
    iran = next(f for f in doc["findings"] if f["kind"] == "omission")
    untrue = {**iran, "absent": [*iran["absent"], "trt-world"]}  # TRT names Iran 3 times
    assert any("trt-world writes 'Iranian' (3)" in p
               for p in problems({**doc, "findings": [untrue]}))
    miscount = {**hezbollah, "figures": {**hezbollah["figures"], "elsewhere": 6}}
    assert any("elsewhere" in p for p in problems({**doc, "findings": [miscount]}))
    assert stated_numbers(doc, "TRT World writes “regime forces” (5 times); once; four of "
                               "the 12") == [5, 12, 1, 4]
