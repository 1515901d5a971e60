"""The evaluation script: its metrics on hand-made inputs, the quality gate, the command line.

Every text here is invented for the tests; none comes from the evaluation data.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .helpers import ROOT


def _load(name: str) -> ModuleType:
    """Import benchmarks/<name>.py (benchmarks is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # evaluate.py imports the other two by these names
    spec.loader.exec_module(module)
    return module


metrics = _load("evaluation_metrics")
gate = _load("evaluation_gate")
outlet_eval = _load("evaluation_outlets")
_load("evaluate_voices")
evaluate = _load("evaluate")

Span = metrics.Span
Highlight = metrics.Highlight


def hl(start: int, end: int, category: str = "r", article: str = "a.txt") -> Any:
    return Highlight(Span(article, start, end), category)


# Overlap rules


def test_overlap_counts_shared_characters_only() -> None:
    assert metrics.overlap(Span("a.txt", 0, 5), Span("a.txt", 3, 9)) == 2
    assert metrics.overlap(Span("a.txt", 0, 5), Span("a.txt", 5, 9)) == 0  # touching
    assert metrics.overlap(Span("a.txt", 0, 5), Span("b.txt", 0, 5)) == 0  # other article
    assert metrics.overlap(Span("a.txt", 2, 3), Span("a.txt", 0, 9)) == 1  # nested


def test_largest_overlap_wins_and_ties_go_to_the_earliest() -> None:
    mention = Span("a.txt", 10, 20)
    small, large = hl(8, 12, "small"), hl(12, 19, "large")
    assert metrics.best_highlight(mention, [small, large]) == large
    left, right = hl(5, 13, "left"), hl(17, 25, "right")  # 3 characters each
    assert metrics.best_highlight(mention, [right, left]) == left
    assert metrics.best_highlight(mention, [hl(0, 10), hl(20, 30)]) is None  # touching only


# B-cubed


def _keys(labels: str) -> list[tuple[str, ...]]:
    return [(label,) for label in labels]


def test_bcubed_on_bagga_and_baldwins_example() -> None:
    # Items 1-12; gold classes {1-5}, {6, 7}, {8-12} (Bagga and Baldwin 1998).
    gold = _keys("AAAAABBCCCCC")
    # Merging the small class into a big one costs less precision than merging the two big
    # ones: items 1-5 score 5/7, 6-7 score 2/7, 8-12 score 1 -> (25/7 + 4/7 + 5) / 12 = 16/21.
    precision, recall, f1 = metrics.bcubed(_keys("XXXXXXXYYYYY"), gold)
    assert precision == pytest.approx(16 / 21)
    assert recall == pytest.approx(1.0)
    assert f1 == pytest.approx(32 / 37)
    # {1-5, 8-12} and {6, 7}: 10 items score 1/2, 2 score 1 -> 7/12.
    precision, recall, _ = metrics.bcubed(_keys("XXXXXYYXXXXX"), gold)
    assert precision == pytest.approx(7 / 12)
    assert recall == pytest.approx(1.0)


def test_bcubed_of_all_singletons_has_full_precision_and_low_recall() -> None:
    precision, recall, _ = metrics.bcubed(_keys("abcdefghijkl"), _keys("AAAAABBCCCCC"))
    assert precision == pytest.approx(1.0)
    assert recall == pytest.approx((5 * (1 / 5) + 2 * (1 / 2) + 5 * (1 / 5)) / 12)


def test_unfound_mentions_are_singletons() -> None:
    gold = [metrics.GoldMention(Span("a.txt", s, s + 3), "X") for s in (0, 10, 20)]
    referents = [hl(0, 3, "r"), hl(9, 12, "r")]
    mentions = metrics.grouping_mentions("e", gold, referents)
    assert [m.found for m in mentions] == [True, True, False]
    scores = metrics.score_grouping(mentions)
    assert scores.mention_recall == pytest.approx(2 / 3)
    assert scores.b3_precision == pytest.approx(1.0)
    assert scores.b3_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_two_unfound_mentions_do_not_share_a_cluster() -> None:
    gold = [metrics.GoldMention(Span("a.txt", s, s + 3), "X") for s in (0, 10)]
    scores = metrics.score_grouping(metrics.grouping_mentions("e", gold, []))
    assert (scores.found, scores.b3_recall) == (0, pytest.approx(0.5))


def test_pooled_events_keep_their_clusters_apart() -> None:
    first = metrics.grouping_mentions("e1", [metrics.GoldMention(Span("a.txt", 0, 3), "X")],
                                      [hl(0, 3, "r")])
    second = metrics.grouping_mentions("e2", [metrics.GoldMention(Span("a.txt", 0, 3), "Y")],
                                       [hl(0, 3, "r")])
    pooled = metrics.score_grouping(first + second)
    assert (pooled.b3_precision, pooled.b3_recall) == (1.0, 1.0)


def test_macro_is_the_mean_of_events() -> None:
    one = metrics.GroupingScores(10, 5, 0.5, 1.0, 0.2, 0.4)
    two = metrics.GroupingScores(30, 30, 1.0, 0.5, 0.4, 0.6)
    macro = metrics.macro_grouping([one, two])
    assert (macro.gold, macro.found) == (40, 35)
    assert (macro.mention_recall, macro.b3_f1) == (pytest.approx(0.75), pytest.approx(0.5))


# Rows: purity and rows off gold, on invented spans of one article "a.txt"
#   gold: A at 0-5 and 10-15 (ACTOR), B at 20-25 and 30-35 (GROUP), C at 40-45 (COUNTRY)
#   r1 matches 0-5, 10-15, 20-25, 50-55: 3 on gold (A, A, B), main concept A
#   r2 matches 30-35, 40-45: 2 on gold (B, C), a tie: main concept B (first by name)
#   r3 matches 60-65, 70-75, 80-85: none on gold, 3 matches: off gold
#   r4 matches 90-95, 96-99: none on gold, but too small to count


def _gold() -> list[Any]:
    return [metrics.GoldMention(Span("a.txt", start, start + 5), concept, kind)
            for start, concept, kind in [(0, "A", "ACTOR"), (10, "A", "ACTOR"),
                                         (20, "B", "GROUP"), (30, "B", "GROUP"),
                                         (40, "C", "COUNTRY")]]


def _rows() -> list[Any]:
    starts = {"r1": (0, 10, 20, 50), "r2": (30, 40), "r3": (60, 70, 80), "r4": (90, 96)}
    return [hl(start, min(start + 5, 99), row) for row, found in starts.items()
            for start in found]


def test_row_tallies_count_each_rows_concepts() -> None:
    tallies = {t.row: t for t in metrics.row_tallies(_gold(), _rows())}
    assert tallies["r1"] == metrics.RowTally("r1", 4, (("A", 2), ("B", 1)))
    assert tallies["r2"] == metrics.RowTally("r2", 2, (("B", 1), ("C", 1)))
    assert (tallies["r3"].matches, tallies["r3"].on_gold, tallies["r4"].matches) == (3, 0, 2)
    assert (tallies["r1"].on_main, tallies["r1"].on_gold) == (2, 3)


def test_row_purity_is_weighted_by_matches_on_gold() -> None:
    counts = metrics.row_counts(metrics.row_tallies(_gold(), _rows()))
    # r1: 2 of 3 on its main concept, r2: 1 of 2 -> 3 of 5; r4 has nothing on gold.
    assert (counts.on_main, counts.on_gold) == (3, 5)
    assert counts.purity == pytest.approx(0.6)


def test_rows_off_gold_counts_rows_of_three_or_more_matches_only() -> None:
    counts = metrics.row_counts(metrics.row_tallies(_gold(), _rows()))
    # r1 (4 matches) and r3 (3) are large enough; r3 lands on no gold mention.
    assert (counts.rows, counts.rows_off) == (2, 1)
    assert counts.off_gold == pytest.approx(0.5)
    pooled = counts + metrics.RowCounts(on_gold=5, on_main=5, rows=2, rows_off=0)
    assert (pooled.purity, pooled.off_gold) == (pytest.approx(0.8), pytest.approx(0.25))
    assert (metrics.RowCounts().purity, metrics.RowCounts().off_gold) == (None, None)


def test_a_scope_limits_the_matches_counted() -> None:
    # Only 0-30 annotated (as ECB+'s annotated sentences): r1 keeps 3 matches, 30-35 only
    # touches the scope, so r2, r3 and r4 drop out.
    tallies = metrics.row_tallies(_gold(), _rows(), [Span("a.txt", 0, 30)])
    assert tallies == [metrics.RowTally("r1", 3, (("A", 2), ("B", 1)))]
    counts = metrics.row_counts(tallies)
    assert (counts.purity, counts.rows, counts.rows_off) == (pytest.approx(2 / 3), 1, 0)


def test_bcubed_per_mention_type_scores_that_types_mentions_alone() -> None:
    mentions = metrics.grouping_mentions("e", _gold(), _rows())
    assert [m.kind for m in mentions] == ["ACTOR", "ACTOR", "GROUP", "GROUP", "COUNTRY"]
    # All: r1 = {A, A, B}, r2 = {B, C}. Precision (2/3 + 2/3 + 1/3 + 1/2 + 1/2) / 5 = 8/15;
    # recall (1 + 1 + 1/2 + 1/2 + 1) / 5 = 4/5.
    overall = metrics.score_grouping(mentions)
    assert (overall.b3_precision, overall.b3_recall) == (pytest.approx(8 / 15),
                                                         pytest.approx(0.8))
    kinds = metrics.by_kind(mentions)
    assert sorted(kinds) == ["ACTOR", "COUNTRY", "GROUP"]
    assert (kinds["ACTOR"].b3_precision, kinds["ACTOR"].b3_recall) == (1.0, 1.0)
    # The two B mentions sit in different rows: recall 1/2 each, precision 1, F1 2/3.
    group = kinds["GROUP"]
    assert (group.gold, group.b3_precision, group.b3_recall) == (2, 1.0, 0.5)
    assert group.b3_f1 == pytest.approx(2 / 3)
    # Purity against the GROUP mentions alone: r1 hits B once, r2 hits B once: 2 of 2.
    only_groups = [g for g in _gold() if g.kind == "GROUP"]
    assert metrics.row_counts(metrics.row_tallies(only_groups, _rows())).purity == 1.0


# Folds and spread


def test_ecbplus_folds_follow_the_topic_number() -> None:
    folds = metrics.assign_folds("ecbplus", ["ecb-t02-ecb", "ecb-t01-plus", "ecb-t01-ecb",
                                             "ecb-t10-plus", "ecb-t23-ecb"])
    assert folds == {"ecb-t01-ecb": "tune", "ecb-t01-plus": "tune", "ecb-t02-ecb": "check",
                     "ecb-t10-plus": "check", "ecb-t23-ecb": "tune"}


def test_other_folds_alternate_in_sorted_order() -> None:
    folds = metrics.assign_folds("newswcl50", ["e5", "e0", "e7", "e1"])
    assert folds == {"e0": "tune", "e1": "check", "e5": "tune", "e7": "check"}
    assert metrics.assign_folds("basil", ["b"]) == {"b": "tune"}


def test_spread_of_the_defined_values() -> None:
    spread = metrics.spread([0.2, 0.4, None, 0.9])
    assert spread is not None
    assert (spread.events, spread.low, spread.middle, spread.high) == (3, 0.2, 0.4, 0.9)
    # Mean 0.5; squared deviations 0.09, 0.01, 0.16 -> sqrt(0.26 / 3).
    assert spread.sd == pytest.approx((0.26 / 3) ** 0.5)
    even = metrics.spread([0.2, 0.4, 0.6, 0.9])
    assert even is not None and even.middle == pytest.approx(0.5)
    assert metrics.spread([None]) is None


# Loaded wording


def test_wording_counts() -> None:
    annotated = [
        metrics.BiasSpan(Span("a.txt", 0, 10), "lex"),
        metrics.BiasSpan(Span("a.txt", 20, 30), "lex"),
        metrics.BiasSpan(Span("a.txt", 40, 60), "inf"),
    ]
    marked = [hl(5, 8, "loaded"), hl(30, 35, "loaded"), hl(50, 55, "verbs"), hl(70, 75, "verbs")]
    counts = metrics.wording_counts(annotated, marked, 2000)
    assert (counts.lex_spans, counts.lex_found) == (2, 1)  # 30-35 only touches 20-30
    assert (counts.highlights, counts.highlights_on_spans) == (4, 2)  # an inf span counts
    assert counts.lex_recall == pytest.approx(0.5)
    assert counts.precision == pytest.approx(0.5)
    assert counts.per_1000_words == pytest.approx(2.0)
    by_category = metrics.category_counts(annotated, marked)
    assert sorted(by_category) == ["loaded", "verbs"]
    assert (by_category["loaded"].lex_found, by_category["loaded"].precision) == (1, 0.5)
    assert (by_category["verbs"].lex_found, by_category["verbs"].highlights_on_spans) == (0, 1)


def test_undefined_figures_are_none_and_pooling_adds_counts() -> None:
    empty = metrics.wording_counts([], [], 0)
    assert (empty.lex_recall, empty.precision, empty.per_1000_words) == (None, None, None)
    pooled = metrics.WordingCounts(2, 1, 4, 2, 1000) + metrics.WordingCounts(2, 2, 0, 0, 1000)
    assert (pooled.lex_recall, pooled.precision, pooled.per_1000_words) == (0.75, 0.5, 2.0)
    assert metrics.mean_of([None, 0.2, 0.4]) == pytest.approx(0.3)


# Against the annotators: rank correlation, the event bootstrap, the outlet order


def art(event: str, outlet: str, loaded: int, lex: int, words: int = 1000) -> Any:
    return outlet_eval.ArticleCounts(event, outlet, loaded, lex, words)


def test_spearman_of_monotone_reversed_and_tied_orders() -> None:
    assert outlet_eval.spearman([1, 2, 3, 4], [1, 4, 9, 100]) == pytest.approx(1.0)
    assert outlet_eval.spearman([1, 2, 3, 4], [100, 9, 4, 1]) == pytest.approx(-1.0)
    # Ranks [1, 2, 3, 4] and [1.5, 1.5, 3, 4]: deviations (-1.5, -0.5, 0.5, 1.5) and
    # (-1, -1, 0.5, 1.5); 4.5 / sqrt(5 * 4.5) = sqrt(0.9).
    assert outlet_eval.spearman([1, 2, 3, 4], [1, 1, 2, 3]) == pytest.approx(0.9 ** 0.5)


def test_spearman_is_undefined_without_variation() -> None:
    assert outlet_eval.spearman([1, 2, 3], [4, 4, 4]) is None
    assert outlet_eval.spearman([1], [2]) is None
    with pytest.raises(ValueError):
        outlet_eval.spearman([1, 2], [1])


def test_kendall_tau_b() -> None:
    assert outlet_eval.kendall_tau([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # One pair of three swapped: (2 - 1) / 3.
    assert outlet_eval.kendall_tau([1, 2, 3], [1, 3, 2]) == pytest.approx(1 / 3)
    # x ties one pair: 2 concordant, 0 discordant, over sqrt((3 - 1) * 3).
    assert outlet_eval.kendall_tau([1, 2, 2], [1, 2, 3]) == pytest.approx(2 / 6 ** 0.5)
    assert outlet_eval.kendall_tau([1, 1, 1], [1, 2, 3]) is None


def test_the_rate_correlation_leaves_article_length_out() -> None:
    # Counts rise together (1.0); per 1,000 words framing gives 1, 2, 1 (ranks 1.5, 3, 1.5)
    # and the annotators 1, 2, 0.75 (ranks 2, 3, 1): 1.5 / sqrt(1.5 * 2) = sqrt(3) / 2.
    articles = [art("e", "a", 1, 1), art("e", "b", 2, 2), art("e", "c", 4, 3, 4000),
                art("e", "d", 9, 9, 0)]  # no words: no rate, left out of the rate figure
    assert outlet_eval.article_spearman(articles[:3], rates=False) == pytest.approx(1.0)
    assert outlet_eval.article_spearman(articles, rates=True) == pytest.approx(3 ** 0.5 / 2)


def test_outlet_rates_pool_words_and_the_orders_compare_ranks() -> None:
    articles = [art("e1", "x", 2, 1, 1000), art("e2", "x", 4, 0, 3000), art("e1", "y", 1, 3)]
    # x: 6 highlights in 4,000 words (not the mean of 2 and 1.33); y: 1 in 1,000.
    assert outlet_eval.outlet_rates(articles, "loaded") == {"x": 1.5, "y": 1.0}
    assert outlet_eval.outlet_rates(articles, "lex") == {"x": 0.25, "y": 3.0}
    rates = {"a": 1.0, "b": 3.0, "c": 2.0}
    assert outlet_eval.ordering(rates) == ("b", "c", "a")
    assert outlet_eval.same_order(rates, {"a": 0.1, "b": 0.9, "c": 0.5}) is True
    assert outlet_eval.same_order(rates, {"a": 2.0, "b": 1.0, "c": 0.0}) is False
    assert outlet_eval.order_tau(rates, {"a": 3.0, "b": 1.0, "c": 2.0}) == pytest.approx(-1.0)
    tied = {"a": 1.0, "b": 1.0, "c": 2.0}
    assert outlet_eval.same_order(tied, {"a": 1.0, "b": 2.0, "c": 3.0}) is False  # must tie
    assert outlet_eval.same_order(tied, {"a": 5.0, "b": 5.0, "c": 9.0}) is True
    assert outlet_eval.same_order(rates, {"a": None, "b": 1.0, "c": 2.0}) is None


def test_the_event_bootstrap_is_fixed_and_keeps_events_whole() -> None:
    events = [["a1", "a2"], ["b1"], ["c1", "c2", "c3"]]
    samples = list(metrics.resample_events(events, draws=50, seed=3))
    assert samples == list(metrics.resample_events(events, draws=50, seed=3))
    assert samples != list(metrics.resample_events(events, draws=50, seed=4))
    assert all(len(s) == 3 and all(any(e is g for g in events) for e in s) for s in samples)
    assert metrics.interval95([None, *range(1, 201)]) == (5, 195)  # ranks 4 and 194 of 0-199
    assert metrics.interval95([None]) is None


def test_identical_events_give_an_interval_of_one_point() -> None:
    # Each event: counts (0, 0), (1, 2), (3, 1); ranks (1, 2, 3) and (1, 3, 2) -> 0.5, and any
    # sample of copies keeps it.
    articles = [art(e, o, loaded, lex) for e in ("e1", "e2", "e3")
                for o, loaded, lex in (("x", 0, 0), ("y", 1, 2), ("z", 3, 1))]
    result = outlet_eval.compare(articles, draws=200)
    assert result.figures.spearman_count == pytest.approx(0.5)
    low, high = result.spearman_count_interval
    assert (low, high) == (pytest.approx(0.5), pytest.approx(0.5))
    assert (result.events, result.articles, result.draws) == (3, 9, 200)
    # framing orders z > y > x, the annotators y > z > x: one pair of three swapped.
    assert (result.orders_match, result.tau) == (False, pytest.approx(1 / 3))
    assert result.order_agreement == 0.0
    assert result.framing_intervals["z"] == (3.0, 3.0)


def test_order_agreement_counts_samples_of_whole_events() -> None:
    # e1 alone: both sides put x first. e2 outweighs it: framing x first, annotators y first.
    # A sample agrees only when it is e1 twice: about a quarter of samples.
    e1 = [art("e1", "x", 2, 2), art("e1", "y", 1, 1)]
    e2 = [art("e2", "x", 20, 1), art("e2", "y", 10, 10)]
    result = outlet_eval.compare([*e1, *e2], draws=2000, seed=7)
    only_e1 = sum(s == [e1, e1] for s in metrics.resample_events([e1, e2], 2000, 7)) / 2000
    assert result.order_agreement == pytest.approx(only_e1)
    assert 0.22 < only_e1 < 0.28
    assert result.orders_match is False


# The gate


D1, D2 = {"x": "d1"}, {"x": "d2"}  # one dataset's inputs digest, before and after a change


def figures(recall: float = 0.5, per_1000: float = 3.0) -> Any:
    return gate.Figures({"x.recall": recall}, {"x.per_1000": per_1000})


def pinned(recall: float = 0.5, ceiling: float = 4.0, digest: str = "d1") -> Any:
    return gate.Baseline({"x": digest}, {"x.recall": recall}, {"x.per_1000": ceiling})


def test_check_passes_at_the_pins_and_above() -> None:
    assert gate.check(figures(0.5), D1, pinned(0.5)) == []
    assert gate.check(figures(0.6), D1, pinned(0.5)) == []
    assert gate.check(figures(0.5 - 1e-12), D1, pinned(0.5)) == []  # float noise


def test_check_names_a_floor_that_dropped() -> None:
    [problem] = gate.check(figures(0.4), D1, pinned(0.5))
    assert "x.recall dropped to 0.4000, below its pin 0.5000" in problem


def test_check_names_a_ceiling_exceeded() -> None:
    [problem] = gate.check(figures(per_1000=4.5), D1, pinned(ceiling=4.0))
    assert "x.per_1000 rose to 4.5000, above its ceiling 4.0000" in problem


def test_check_fails_when_the_inputs_changed() -> None:
    [problem] = gate.check(figures(), D2, pinned(digest="d1"))
    assert problem == ("the evaluation inputs changed (x); re-pin with --update-baseline after "
                       "checking (digest d2, pinned d1)")


def test_a_dataset_not_pinned_fails_and_an_update_keeps_the_other_digests() -> None:
    [problem] = gate.check(figures(), {**D1, "y": "e1"}, pinned())
    assert "inputs changed (y)" in problem and "pinned none" in problem
    result = gate.update(figures(), {"y": "e1"}, pinned(), allow_lower=False)
    assert result.baseline.inputs_sha256 == {"x": "d1", "y": "e1"}


def test_a_ceiling_margin_of_zero_pins_the_figure_itself() -> None:
    shares = gate.Figures({}, {"x.off": 0.25}, {"x.off": 0.0})
    assert gate.update(shares, D1, None, allow_lower=False).baseline.ceilings == {"x.off": 0.25}


def test_check_names_a_pinned_figure_not_measured() -> None:
    [problem] = gate.check(gate.Figures({}, {"x.per_1000": 3.0}), D1, pinned())
    assert "x.recall is pinned" in problem


def test_update_raises_floors_and_lowers_ceilings() -> None:
    result = gate.update(figures(0.7, 1.0), D2, pinned(0.5, 4.0), allow_lower=False)
    assert (result.kept, result.loosened) == ([], [])
    assert result.baseline.inputs_sha256 == D2
    assert result.baseline.floors == {"x.recall": 0.7}
    assert result.baseline.ceilings == {"x.per_1000": 1.0 + gate.CEILING_MARGIN}


def test_update_never_lowers_a_floor_without_allow_lower() -> None:
    result = gate.update(figures(0.3), D1, pinned(0.5), allow_lower=False)
    assert result.baseline.floors == {"x.recall": 0.5}
    assert result.kept == ["x.recall: kept the floor at 0.5000; the figure is now 0.3000"]
    result = gate.update(figures(0.3), D1, pinned(0.5), allow_lower=True)
    assert result.baseline.floors == {"x.recall": 0.3}
    assert result.loosened == ["x.recall: lowered the floor at 0.5000; the figure is now 0.3000"]
    assert result.kept == []


def test_update_never_raises_a_ceiling_without_allow_lower() -> None:
    result = gate.update(figures(per_1000=9.0), D1, pinned(ceiling=4.0), allow_lower=False)
    assert result.baseline.ceilings == {"x.per_1000": 4.0}
    assert result.kept and "x.per_1000: kept the ceiling" in result.kept[0]
    result = gate.update(figures(per_1000=3.5), D1, pinned(ceiling=4.0), allow_lower=False)
    assert result.baseline.ceilings == {"x.per_1000": 4.0}  # within the margin: unchanged
    assert result.kept == []
    result = gate.update(figures(per_1000=9.0), D1, pinned(ceiling=4.0), allow_lower=True)
    assert result.baseline.ceilings == {"x.per_1000": 9.0 + gate.CEILING_MARGIN}
    assert result.loosened and "raised the ceiling" in result.loosened[0]


def test_first_update_pins_everything(tmp_path: Path) -> None:
    result = gate.update(figures(0.5, 3.0), D1, None, allow_lower=False)
    assert (result.kept, result.loosened) == ([], [])
    path = tmp_path / "baseline.json"
    gate.write_baseline(path, result.baseline)
    assert gate.read_baseline(path) == result.baseline


def test_digest_covers_names_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"one")
    before = gate.inputs_digest(tmp_path, [tmp_path / "a.txt"])
    (tmp_path / "a.txt").write_bytes(b"two")
    assert gate.inputs_digest(tmp_path, [tmp_path / "a.txt"]) != before
    (tmp_path / "a.txt").rename(tmp_path / "b.txt")
    (tmp_path / "b.txt").write_bytes(b"one")
    assert gate.inputs_digest(tmp_path, [tmp_path / "b.txt"]) != before


# The command line, on a tiny invented evaluation set

NEWS = {
    "alpha": "Rebels retreat\n\nThe Syrian regime said its forces took the town. Rebels left.\n",
    "beta": "Town falls\n\nGovernment forces took the town, the army said on Sunday.\n",
}


def _spans(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def write_event(folder: Path, rows: list[dict[str, object]],
                sentences: dict[str, list[str]] | None = None) -> None:
    folder.mkdir(parents=True)
    for outlet, text in NEWS.items():
        (folder / f"{outlet}.txt").write_text(text, encoding="utf-8")
    annotations = []
    for row in rows:
        outlet, phrase = str(row.pop("outlet")), str(row.pop("phrase"))
        start, end = _spans(NEWS[outlet], phrase)
        annotations.append({"outlet": outlet, "start": start, "end": end, "text": phrase, **row})
    outlets: dict[str, dict[str, object]] = {outlet: {"file": f"{outlet}.txt"} for outlet in NEWS}
    for outlet, phrases in (sentences or {}).items():
        outlets[outlet]["annotated_sentences"] = [
            dict(zip(("start", "end"), _spans(NEWS[outlet], phrase), strict=True))
            for phrase in phrases
        ]
    data = {"outlets": outlets, "annotations": annotations}
    (folder / "annotations.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    root = tmp_path / "eval"
    write_event(root / "newswcl50" / "e1", [
        {"outlet": "alpha", "phrase": "The Syrian regime", "code_type": "ACTOR",
         "code_name": "SYR"},
        {"outlet": "beta", "phrase": "Government forces", "code_type": "GROUP",
         "code_name": "SYR"},
        {"outlet": "alpha", "phrase": "took the town", "code_type": "ACTION", "code_name": "x"},
    ])
    write_event(root / "ecbplus" / "ecb-t02-ecb", [
        {"outlet": "alpha", "phrase": "The Syrian regime", "code_type": "ACTOR",
         "code_name": "t2_syr", "in_annotated_sentence": True},
        {"outlet": "alpha", "phrase": "Rebels", "code_type": "GROUP", "code_name": "t2_reb",
         "in_annotated_sentence": False},
        {"outlet": "beta", "phrase": "Government forces", "code_type": "GROUP",
         "code_name": "t2_syr", "in_annotated_sentence": False},
    ], {"alpha": ["The Syrian regime said its forces took the town."], "beta": []})
    write_event(root / "basil" / "e2", [
        {"outlet": "alpha", "phrase": "Syrian regime", "bias": "lex"},
        {"outlet": "beta", "phrase": "on Sunday", "bias": "inf"},
    ])
    return root


def test_update_then_check_passes(eval_dir: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    out = tmp_path / "figures.json"
    args = [str(eval_dir), "--baseline", str(baseline)]
    assert evaluate.main([*args, "--update-baseline", "--json", str(out)]) == 0
    assert "NewsWCL50" in capsys.readouterr().out
    pins = json.loads(baseline.read_text(encoding="utf-8"))
    assert set(pins["floors"]) >= {"newswcl50.b3_f1", "newswcl50.b3_f1_macro", "basil.lex_recall"}
    assert set(pins["floors"]) >= {"ecbplus.b3_f1", "ecbplus.row_purity",
                                   "newswcl50.row_purity"}
    assert set(pins["floors"]) >= {"basil.spearman_count", "basil.spearman_rate",
                                   "basil.outlet_order_agreement"}
    assert set(pins["ceilings"]) == {"basil.highlights_per_1000_words",
                                     "newswcl50.rows_off_gold", "ecbplus.rows_off_gold"}
    assert set(pins["inputs_sha256"]) == {"newswcl50", "ecbplus", "basil"}
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["newswcl50"]["micro"]["gold"] == 2
    # ECB+: only the one mention inside an annotated sentence counts.
    assert data["ecbplus"]["micro"]["gold"] == 1
    assert data["ecbplus"]["events"]["ecb-t02-ecb"]["fold"] == "check"
    assert data["newswcl50"]["events"]["e1"]["fold"] == "tune"
    basil = data["basil"]
    # Per article: only the lex span counts on the annotators' side (alpha's), and framing's
    # loaded highlights and words add up to the event's.
    assert [(a["outlet"], a["lex"]) for a in basil["articles"]] == [("alpha", 1), ("beta", 0)]
    assert sum(a["loaded"] for a in basil["articles"]) == basil["micro"]["highlights"]
    assert sum(a["words"] for a in basil["articles"]) == basil["micro"]["words"]
    assert set(basil["against_annotators"]) == {"all", "tune"}
    assert basil["against_annotators"]["all"]["articles"] == 2
    assert evaluate.main([*args, "--check"]) == 0
    assert "Quality gate: passed" in capsys.readouterr().out


def test_gate_on_a_pin_above_the_figure_and_on_changed_inputs(
        eval_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    args = [str(eval_dir), "--baseline", str(baseline)]
    evaluate.main([*args, "--update-baseline"])
    pins = json.loads(baseline.read_text(encoding="utf-8"))
    pins["floors"]["basil.precision"] = 1.5
    baseline.write_text(json.dumps(pins), encoding="utf-8")
    capsys.readouterr()
    assert evaluate.main([*args, "--check"]) == 1
    assert "basil.precision dropped to" in capsys.readouterr().err
    assert evaluate.main([*args, "--update-baseline"]) == 1  # the raised pin is kept
    assert "KEPT: basil.precision" in capsys.readouterr().err
    assert json.loads(baseline.read_text(encoding="utf-8"))["floors"]["basil.precision"] == 1.5
    assert evaluate.main([*args, "--update-baseline", "--allow-lower"]) == 0
    assert "LOOSENED (--allow-lower): basil.precision" in capsys.readouterr().out
    assert evaluate.main([*args, "--check"]) == 0
    with (eval_dir / "basil" / "e2" / "beta.txt").open("a", encoding="utf-8") as file:
        file.write("One more line.\n")
    assert evaluate.main([*args, "--check"]) == 1
    assert "the evaluation inputs changed (basil)" in capsys.readouterr().err


def test_a_basil_event_framing_crashes_on_keeps_its_lex_spans_and_words(
        eval_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def crash(folder: Path, lexicons: Any, config: Any) -> Any:
        raise IndexError("boom")

    monkeypatch.setattr(evaluate, "framing_json", crash)
    out = tmp_path / "figures.json"
    assert evaluate.main([str(eval_dir / "basil"), "--json", str(out)]) == 0
    assert "BASIL against the annotators" in capsys.readouterr().out
    articles = json.loads(out.read_text(encoding="utf-8"))["basil"]["articles"]
    # framing found nothing; the words are counted between spaces, so rates stay defined.
    assert [(a["loaded"], a["lex"], a["words"]) for a in articles] == [(0, 1, 13), (0, 0, 12)]


def test_a_single_event_folder_is_accepted(eval_dir: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    assert evaluate.main([str(eval_dir / "basil" / "e2")]) == 0
    output = capsys.readouterr().out
    assert "BASIL" in output and "NewsWCL50" not in output


def test_missing_data_fails_and_says_where_it_belongs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main([str(tmp_path / "nowhere"), "--check"]) == 1
    assert "../shared/eval" in capsys.readouterr().err


def test_offsets_that_do_not_line_up_fail(eval_dir: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    path = eval_dir / "basil" / "e2" / "annotations.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["annotations"][0]["start"] += 1
    path.write_text(json.dumps(data), encoding="utf-8")
    assert evaluate.main([str(eval_dir)]) == 1
    assert "do not line up" in capsys.readouterr().err


def test_allow_lower_needs_update_baseline(eval_dir: Path) -> None:
    with pytest.raises(SystemExit):
        evaluate.main([str(eval_dir), "--allow-lower"])


def test_one_fold_runs_only_its_events(eval_dir: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    assert evaluate.main([str(eval_dir), "--fold", "check"]) == 0
    output = capsys.readouterr().out
    assert "ECB+" in output and "fold check (1 events)" in output
    assert "NewsWCL50" not in output and "BASIL" not in output
    with pytest.raises(SystemExit):
        evaluate.main([str(eval_dir), "--fold", "tune", "--check"])


def test_an_event_framing_crashes_on_is_counted_as_failed(
        eval_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    real = evaluate.framing_json

    def crash_on_e1(folder: Path, lexicons: Any, config: Any) -> Any:
        if folder.name == "e1":
            raise IndexError("boom\nsecond line")
        return real(folder, lexicons, config)

    monkeypatch.setattr(evaluate, "framing_json", crash_on_e1)
    out = tmp_path / "figures.json"
    assert evaluate.main([str(eval_dir), "--json", str(out)]) == 0
    assert "  e1: IndexError: boom\n" in capsys.readouterr().out
    event = json.loads(out.read_text(encoding="utf-8"))["newswcl50"]["events"]["e1"]
    assert event["failure"] == "IndexError: boom"  # one line; raised outside framing/
    assert (event["gold"], event["found"]) == (2, 0)
