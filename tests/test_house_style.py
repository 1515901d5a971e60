"""House style is not framing: spellings an outlet's style guide imposes are not findings."""

from __future__ import annotations

from framing.counts.distinctive import sentence_terms, spelled
from framing.text.layer import build_layer


def test_an_abbreviation_with_periods_counts_as_the_same_word_without() -> None:
    # The New York Times writes "I.R.S." where others write "IRS": one word, two styles.
    assert spelled("i.r.s.") == "irs" and spelled("u.s.") == "us"
    assert spelled("st.") == "st." and spelled("irs") == "irs"
    text = "The I.R.S. and the IRS are one agency."
    layer = build_layer(text, [(0, len(text))])
    assert sentence_terms(layer.sentence_tokens(0), 1).count("irs") == 2
