"""Discussion questions and the glossary: drawn from this corpus's findings, with evidence."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import lxml.html

from framing.analysis import analyze
from framing.classroom.blind import blind_corpus
from framing.classroom.findings import voice_counts
from framing.classroom.glossary import glossary, load_glossary
from framing.classroom.questions import (
    KINDS,
    Question,
    VoiceCount,
    discussion_questions,
)
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import Corpus, Lexicon, Outlet, Report
from framing.render.html import render_html
from framing.text.loading import load_corpus

from .helpers import DEMO, SMALL, lexicon_from, one_sentence_article

TRT, REUTERS, ARUTZ = "trt-world", "reuters-republished", "arutz-sheva-israel-national-news"


@lru_cache(maxsize=1)
def lexicons() -> tuple[Lexicon, ...]:
    return tuple(load_lexicons(bundled_lexicon_files()))


@lru_cache(maxsize=1)
def demo_report() -> Report:
    return analyze(load_corpus(DEMO), lexicons())


@lru_cache(maxsize=1)
def demo_questions() -> tuple[Question, ...]:
    return demo_report().questions


def of_kind(questions: tuple[Question, ...], kind: str) -> Question:
    return next(q for q in questions if q.kind == kind)


def without_outlet(corpus: Corpus, outlet_id: str) -> Corpus:
    return replace(corpus, outlets=tuple(o for o in corpus.outlets if o.id != outlet_id),
                   articles=tuple(a for a in corpus.articles if a.outlet != outlet_id))


# --------------------------------------------------------------------------- the demo


def test_the_demo_gets_between_five_and_ten_varied_questions() -> None:
    questions = demo_questions()
    assert 5 <= len(questions) <= 8
    kinds = [q.kind for q in questions]
    distinct = list(dict.fromkeys(kinds))
    assert kinds[: len(distinct)] == distinct  # one of each kind before a second of any
    assert distinct == [k for k in KINDS if k in distinct]
    assert len(discussion_questions(demo_report(), max_questions=10)) == 10


def test_the_label_contrast_cites_hand_counted_figures() -> None:
    q = of_kind(demo_questions(), "label-contrast")
    # TRT World (003) writes "regime forces" 5 times (one "Regime forces", one with a no-break
    # space, which grep -c "regime forces" misses) and "Syrian regime forces" 4 times: labels as
    # written, though the lexicon counts both as "regime forces"; its 15 labels for the
    # government are all "regime" words. Reuters (004): "army" 5 times (once "army's"),
    # "government" 2, and never "regime".
    assert q.finding.startswith("Syrian government and its forces: TRT World writes "
                                "“regime forces” (5 times) and “Syrian regime forces” (4); all 15 ")
    assert ("Reuters (republished) writes “army” (5 times) and “government” (2); none of its 11 "
            "labels here is negative.") in q.finding
    assert [(c.outlet, c.label, c.count) for c in q.citations] == [
        (TRT, "regime forces", 5), (TRT, "Syrian regime forces", 4),
        (REUTERS, "army", 5), (REUTERS, "government", 2)]


def test_the_attribution_question_counts_said_across_the_outlets() -> None:
    q = of_kind(demo_questions(), "attribution")
    # grep -ow said: 12 (000), 2 (001), 7 (002), 2 (003), 4 (004); "Rebels says" in 004 is
    # a label of its own, as written. TRT World writes "rebels who complain" (003).
    assert "“said” (27 times in all)" in q.finding
    # "claimed" introduces a statement ("the Nusra Front claimed ... that"); "rebels who
    # complain of an intensified assault" introduces none the finder read: left out.
    assert q.finding.startswith("TRT World introduces statements with “claimed” (1 time):")
    assert "complain" not in q.finding


def test_the_terror_labels_only_one_outlet_uses_are_asked_about() -> None:
    q = of_kind(demo_questions(), "loaded-label")
    # 000 alone: "the Iran Shi'ite terror proxy Hezbollah", "the terrorist organization".
    assert q.finding.startswith("Hezbollah: only Arutz Sheva (Israel National News) writes "
                                "“terror proxy” (1 time) and “terrorist organization” (1)")


def test_the_omission_question_names_the_outlet_that_leaves_the_actor_out() -> None:
    q = of_kind(demo_questions(), "omission")
    # Counted as mentions, Iran is named 12 times (6 in 000, with "a state sponsor of terror"
    # in apposition; 1 in 001, 2 in 002, 3 in 003), which Reuters (004) never names (grep -ci
    # iran 004_*.txt gives 0); ISIS 11 (its typo "ISISe" in 002 is not counted).
    assert q.finding == ("Iran and Iranian forces: four of the five outlets mention this actor, "
                         "12 times in all; Reuters (republished) never does.")
    assert dict(q.figures) == {"outlets-naming": 4, "outlets": 5, "mentions": 12}
    assert q.absent == ("reuters-republished",)
    assert {c.outlet for c in q.citations} == (
        {o.id for o in demo_report().corpus.outlets} - {"reuters-republished"}
    )


def test_no_distinctive_question_where_no_word_stands_out() -> None:
    # Arutz Sheva's "talks" (7 times, once elsewhere) was asked about, though its z was below
    # 1.96; "ara news" and "al" were listed as distinctive. None passes the threshold.
    questions = discussion_questions(demo_report(), 20)
    assert not [q for q in questions if q.kind == "distinctive"]
    texts = " ".join(q.text for q in questions)
    assert "“ara news”" not in texts and "“al”" not in texts


def test_every_citation_points_at_evidence_in_the_html_report() -> None:
    page = lxml.html.fromstring(render_html(demo_report(), "al-hader-2015"))
    ids = set(page.xpath("//@id"))
    for q in discussion_questions(demo_report(), 20):
        assert q.citations, q.kind
        for citation in q.citations:
            assert citation.anchor in ids, (q.kind, citation)


def test_questions_are_deterministic() -> None:
    again = analyze(load_corpus(DEMO), lexicons()).questions
    assert again == demo_questions()


# --------------------------------------------------------------------------- names


def test_questions_read_with_blind_names() -> None:
    _, key = blind_corpus(load_corpus(DEMO))
    blind = discussion_questions(demo_report(), names=key.real_names())
    text = " ".join(q.text for q in blind)
    for outlet in demo_report().corpus.outlets:
        assert outlet.name not in text
    assert "Outlet C writes “regime forces” (5 times)" in text  # TRT World is Outlet C
    assert [q.kind for q in blind] == [q.kind for q in discussion_questions(demo_report())]


def test_questions_on_the_blind_corpus_match_those_with_blind_names() -> None:
    corpus, key = blind_corpus(load_corpus(DEMO))
    on_blind = discussion_questions(analyze(corpus, lexicons()))
    renamed = discussion_questions(demo_report(), names=key.real_names())
    assert [q.finding for q in on_blind][:3] == [q.finding for q in renamed][:3]


# --------------------------------------------------------------------------- other corpora


def test_questions_change_when_the_corpus_changes() -> None:
    corpus = load_corpus(DEMO)
    smaller = discussion_questions(analyze(without_outlet(corpus, TRT), lexicons()))
    assert smaller != demo_questions()
    assert "TRT World" not in " ".join(q.text for q in smaller)
    # Without TRT World, the widest gap in graded connotation is on the government: Arutz
    # Sheva's "regime forces" (3, one of them "regime\u00a0forces"), "Syrian regime" (2, one
    # "Syrian regime's"): 11 of its 14 labels negative; Reuters: "army" 5 (one "army's").
    contrast = of_kind(smaller, "label-contrast")
    assert contrast.finding.startswith(
        "Syrian government and its forces: Arutz Sheva (Israel National News) writes “regime "
        "forces” (3 times) and “Syrian regime” (2); 11 of its 14 labels here are negative. "
        "Reuters (republished) writes “army” (5 times) and “government” (2)")


def test_no_finding_no_question(tmp_path: Path) -> None:
    lexicon = lexicon_from(tmp_path, SMALL)
    articles = (one_sentence_article("Hezbollah fighters arrived.", "a", "a.txt"),
                one_sentence_article("Hezbollah fighters arrived.", "b", "b.txt"))
    corpus = Corpus(name="twins", articles=articles, outlets=tuple(
        Outlet(id=x, name=x.upper(), articles=(f"{x}.txt",), words=3) for x in "ab"))
    assert discussion_questions(analyze(corpus, [lexicon])) == ()


def test_a_shared_copy_question_says_how_many_sentences_and_cites_them() -> None:
    # Arutz Sheva and ARA News share one sentence, Arutz Sheva and Deccan Chronicle (both
    # crediting AFP) seven: the pair that shares most is asked about, and the question says
    # how many sentences it shares rather than calling it "the same agency copy".
    q = of_kind(demo_questions(), "wire-edit")
    assert q.finding == (
        "Arutz Sheva (Israel National News) and Deccan Chronicle print 7 sentences nearly word "
        "for word; where Arutz Sheva (Israel National News) writes “Islamic "
        "State (ISIS) group”, Deccan Chronicle writes “ISIS”.")
    assert dict(q.figures) == {"shared": 7}
    assert all(c.anchor == f"pair-{ARUTZ}-deccan-chronicle" for c in q.citations)
    assert [c.evidence[0][:4] for c in q.citations] == ["s-1-", "s-2-"]


def test_a_speaker_quoted_by_one_outlet_alone_is_no_family_name_another_quotes() -> None:
    voice = VoiceCount(outlet="ara-news", speaker="media activist Khalid Halabi", count=3,
                       alone=True, quotes=("q-0-1", "q-0-9", "q-0-20"))
    shared = VoiceCount(outlet="trt-world", speaker="Donald Trump", count=5)  # not alone
    questions = discussion_questions(demo_report(), voices=[voice, shared])
    voices = of_kind(questions, "voices")
    assert voices.finding == "Only ARA News quotes media activist Khalid Halabi (3 times)."
    assert voices.citations[0].evidence == ("q-0-1", "q-0-9", "q-0-20")
    assert "Trump" not in " ".join(q.finding for q in questions)


def test_the_loaded_label_question_gives_every_other_label_in_its_counts() -> None:
    # Arutz Sheva alone writes "terror proxy" and "terrorist organization"; the others write
    # "Lebanese Hezbollah militia" (ARA), "Hezbollah militias" and "Lebanese Hezbollah
    # militias" (TRT) - one lexicon entry, 3 - "Lebanese Hezbollah fighters" (Deccan, Reuters),
    # "Hezbollah" (TRT) and "militants of Hezbollah" (ARA): 7 mentions (counted in the CSV).
    q = of_kind(demo_questions(), "loaded-label")
    assert q.finding.endswith(
        "the other outlets that name this actor do so 7 times, as “Hezbollah militia” (3), "
        "“Hezbollah fighter” (2), “Hezbollah” (1) and “Hezbollah militant” (1).")
    assert sum(c.count for c in q.citations if c.outlet != ARUTZ) == 7


# --------------------------------------------------------------------------- glossary


def test_the_glossary_ships_in_the_package_with_a_reference_for_each_idea() -> None:
    assert resources.files("framing").joinpath("glossary.toml").is_file()
    entries = load_glossary()
    ids = [e.id for e in entries]
    for idea in ("framing", "labelling", "connotation", "attribution", "hedging", "omission",
                 "wire-copy"):
        assert idea in ids
    for entry in entries:
        assert entry.definition and entry.example and entry.reference
        assert not entry.from_corpus
    assert "Entman" in next(e for e in entries if e.id == "framing").reference
    assert "Hyland" in next(e for e in entries if e.id == "hedging").reference


def test_glossary_examples_come_from_this_corpus() -> None:
    entries = {e.id: e for e in glossary(demo_report())}
    assert entries["hedging"].from_corpus
    # 000: "expected to" twice and "likely" once; no other outlet hedges as often.
    assert entries["hedging"].example == (
        "Arutz Sheva (Israel National News) hedges 3 times (“expected to” 2, “likely” 1).")
    assert "“regime forces” (5 times)" in entries["labelling"].example
    assert entries["omission"].example.endswith("Reuters (republished) never does.")
    generic = {e.id: e for e in load_glossary()}
    assert entries["hedging"].definition == generic["hedging"].definition


def test_glossary_examples_take_blind_names() -> None:
    _, key = blind_corpus(load_corpus(DEMO))
    entries = glossary(demo_report(), names=key.real_names())
    text = " ".join(e.example for e in entries)
    assert "Outlet A hedges 3 times" in text
    for outlet in demo_report().corpus.outlets:
        assert outlet.name not in text


def test_a_voice_question_names_only_speakers_the_finder_could_name(tmp_path: Path) -> None:
    # "the $184 million reported by ... Mike Lynch": the quotation finder takes "184 million"
    # as the subject of "reported"; no question may say an outlet quotes "184 million".
    (tmp_path / "a.txt").write_text(
        "Talks\n\nThe offer is less than the $184 million reported by sportscaster Mike Lynch, "
        "who first reported the meeting. Team president Larry Lucchino said talks went well.\n")
    (tmp_path / "b.txt").write_text("Meeting\n\nThe two sides met on Friday, the team said.\n")
    report = analyze(load_corpus(tmp_path), [])
    assert any(q.speaker == "184 million" for q in report.quotes)  # the finder's misreading
    counts = voice_counts(report)
    assert "184 million" not in {v.speaker for v in counts}
    texts = [q.finding for q in discussion_questions(report, voices=counts)]
    assert not any("184 million" in t for t in texts)


def _three_outlets(tmp_path: Path, third: str) -> Report:
    texts = {"a": "Tariffs\n\nChina said on Monday that China would answer the tariffs.\n",
             "b": "Steel\n\nOfficials in China said the tariffs were unfair.\n",
             "c": f"Trade\n\n{third}\n"}
    for outlet, text in texts.items():
        (tmp_path / f"{outlet}.txt").write_text(text, encoding="utf-8")
    return analyze(load_corpus(tmp_path), lexicons())


def test_no_outlet_is_said_never_to_mention_an_actor_it_writes_of_in_another_form(
    tmp_path: Path,
) -> None:
    # "Chinese overproduction": the lexicon counts "China", not "Chinese", yet c writes of China.
    hinted = _three_outlets(tmp_path, "The tariffs are aimed at Chinese overproduction.")
    assert not [q for q in hinted.questions if q.kind == "omission" and "China" in q.finding]
    silent = _three_outlets(tmp_path, "The tariffs are aimed at steel overproduction.")
    omission = of_kind(silent.questions, "omission")
    assert omission.finding == ("China: two of the three outlets mention this actor, 3 times in "
                                "all; c never does.")
    assert omission.absent == ("c",)


def test_a_loaded_verb_is_asked_about_only_where_it_introduces_a_statement(
    tmp_path: Path,
) -> None:
    texts = {"a": 'Deal\n\n"We will not pay," the minister claimed on Monday.\n',
             "b": "Deal\n\nThe minister said the deal was fair, officials said.\n",
             "c": "Deal\n\nThe United States has threatened to impose tariffs on steel.\n"}
    for outlet, text in texts.items():
        (tmp_path / f"{outlet}.txt").write_text(text, encoding="utf-8")
    report = analyze(load_corpus(tmp_path), lexicons())
    asked = [q.finding for q in report.questions if q.kind == "attribution"]
    assert asked and asked[0].startswith("a introduces statements with “claimed” (1 time)")
    assert not any("threatened" in finding for finding in asked)
    assert any(m.text == "threatened" for m in report.matches)  # counted as a cue all the same


def test_a_speaker_named_with_his_state_is_the_family_another_outlet_quotes(
    tmp_path: Path,
) -> None:
    # "Rep. Elijah E. Cummings of Maryland" (b) and "Representative Elijah Cummings" (a) are one
    # voice: the family name is "Cummings", not "Maryland", so b does not quote him alone.
    (tmp_path / "a.txt").write_text(
        "Memos\n\nRepresentative Elijah Cummings argued that the memos were clear.\n")
    (tmp_path / "b.txt").write_text(
        "Memos released\n\nRep. Elijah E. Cummings of Maryland said the memos were clear. "
        "Cummings said the inquiry should go on.\n")
    counts = voice_counts(analyze(load_corpus(tmp_path), []))
    theirs = {v.outlet: v for v in counts if "Cummings" in v.speaker and v.count}
    assert set(theirs) == {"a", "b"}
    assert not any(v.alone for v in theirs.values())
