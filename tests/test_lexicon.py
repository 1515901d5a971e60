"""Lexicon loading and validation: every problem named with its file, entry and fix."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli.main import cli
from framing.errors import LexiconError
from framing.lexicon.files import (
    bundled_lexicon_files,
    check_lexicons,
    expand_paths,
    is_bundled,
    load_lexicon,
    load_lexicons,
    pack_name,
    shared_phrases,
)
from framing.lexicon.matching import compile_terms, find_matches, index_terms

from .helpers import LEXICONS, SMALL, lexicon_from, one_sentence_article

HEADER = 'name = "T"\n[[sources]]\ntitle = "Invented"\n'


def problems_of(tmp_path: Path, body: str, name: str = "bad.toml") -> list[str]:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return check_lexicons([path])


def test_small_lexicon_loads(tmp_path: Path) -> None:
    lexicon = lexicon_from(tmp_path, SMALL)
    assert [g.id for g in lexicon.groups] == [
        "hezbollah", "syrian-government", "isis", "observatory", "terror",
    ]
    regime = lexicon.groups[1].terms[0]
    assert regime.context is not None
    assert regime.context.reject_before == ("sanctions", "tax")


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    body = '[[referent]]\nid = "x"\nname = "X"\n[[referent.term]]\nphrase = "y"\n' \
           'conotation = "negative"\nnote = "n"\n'
    problems = problems_of(tmp_path, body)
    assert any(
        "bad.toml: referent 'x', term 'y': unknown key 'conotation'; did you mean 'connotation'?"
        in p for p in problems
    )
    assert any("term 'y': connotation is missing; write one of negative" in p for p in problems)


def test_bad_connotation_and_missing_note(tmp_path: Path) -> None:
    body = '[[cue]]\nid = "c"\nname = "C"\n[[cue.term]]\nphrase = "slammed"\n' \
           'connotation = "bad"\n'
    problems = problems_of(tmp_path, body)
    assert f"{tmp_path / 'bad.toml'}: cue 'c', term 'slammed': connotation is 'bad'; " \
           "write one of negative, neutral, positive" in problems
    assert any("term 'slammed': 'note' is missing or empty" in p for p in problems)


def test_duplicate_term_in_one_file(tmp_path: Path) -> None:
    term = '[[referent.term]]\nphrase = "{}"\nconnotation = "neutral"\nnote = "n"\n'
    body = ('[[referent]]\nid = "a"\nname = "A"\n' + term.format("Hezbollah")
            + '[[referent]]\nid = "b"\nname = "B"\n' + term.format("hezbollah"))
    problems = problems_of(tmp_path, body)
    assert any("referent 'b': duplicate term 'hezbollah', already under referent 'a'" in p
               for p in problems)


def test_shared_phrase_across_files_is_allowed_but_ids_are_not(tmp_path: Path) -> None:
    lex = HEADER + '[[cue]]\nid = "{}"\nname = "C"\n[[cue.term]]\nphrase = "terror"\n' \
                   'connotation = "negative"\nnote = "n"\n'
    (tmp_path / "a.toml").write_text(lex.format("one"), encoding="utf-8")
    (tmp_path / "b.toml").write_text(lex.format("two"), encoding="utf-8")
    lexicons = load_lexicons(expand_paths([tmp_path]))
    (note,) = shared_phrases(lexicons)
    assert "b.toml: 'terror' (two) is also in" in note and "counts once: for the referent" in note
    (tmp_path / "b.toml").write_text(lex.format("one"), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicons(expand_paths([tmp_path]))
    assert any("b.toml: id 'one' is also used in" in p for p in err.value.problems)


def test_scope_must_be_general_or_domain(tmp_path: Path) -> None:
    path = tmp_path / "scoped.toml"
    path.write_text('scope = "sometimes"\n' + HEADER + '[[cue]]\nid = "c"\nname = "C"\n'
                    '[[cue.term]]\nphrase = "x"\nconnotation = "neutral"\nnote = "n"\n')
    problems = check_lexicons([path])
    assert any("scope is 'sometimes'; write scope = \"general\"" in p for p in problems)


def test_patterns_that_can_never_match(tmp_path: Path) -> None:
    body = ('[[referent]]\nid = "a"\nname = "A"\n'
            '[[referent.term]]\nphrase = "--"\nconnotation = "neutral"\nnote = "n"\n'
            '[[referent.term]]\nphrase = "is"\nconnotation = "neutral"\nnote = "n"\n'
            'case_sensitive = true\n'
            '[[referent.term]]\nphrase = "regime"\nconnotation = "negative"\nnote = "n"\n'
            'context.require_near = []\n')
    problems = problems_of(tmp_path, body)
    assert any("term '--': the phrase has no letters or digits and can never match" in p
               for p in problems)
    assert any("term 'is': case_sensitive is true but the phrase is all lowercase" in p
               for p in problems)
    assert any("term 'regime', context: require_near is empty" in p for p in problems)


def test_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('name = "unclosed\n', encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    assert str(path) in str(err.value) and "not valid TOML" in str(err.value)


def test_file_needs_sources_and_entries(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text('name = "Empty"\n', encoding="utf-8")
    problems = check_lexicons([path])
    assert any("no [[sources]]" in p for p in problems)
    assert any("no [[referent]] or [[cue]] entries" in p for p in problems)


def test_shipped_lexicons_are_valid_and_complete() -> None:
    files = expand_paths([LEXICONS])
    assert [f.name for f in files] == sorted(f.name for f in files)
    lexicons = load_lexicons(files)
    for lexicon in lexicons:
        assert lexicon.sources, lexicon.path
        for group in lexicon.groups:
            for term in group.terms:
                assert term.note and term.connotation, (lexicon.path, group.id, term.phrase)


def test_every_loaded_cue_is_graded() -> None:
    cues = load_lexicon(LEXICONS / "cues.toml")
    rated = [t for g in cues.groups for t in g.terms if t.connotation != "neutral"]
    assert len(rated) == 379
    assert [t.phrase for t in rated if t.strength is None] == []
    assert all(t.strength is None for g in cues.groups for t in g.terms
               if t.connotation == "neutral")


def test_lexicon_check_passes_on_the_shipped_lexicons() -> None:
    result = CliRunner().invoke(cli, ["lexicon", "check", str(LEXICONS)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert " lexicon file(s) OK" in result.output


@pytest.mark.parametrize(
    ("text", "term", "count"),
    [
        ("The debate was a battle of proxies, with surrogates for each side.", "proxy", 0),
        ("Both campaigns sent proxies to the spin room after the debate.", "proxy", 0),
        ("Shareholders may vote by proxy at the annual meeting.", "proxy", 0),
        ("Hezbollah, an Iranian proxy, denied any role.", "proxy", 1),
        ("Iran-backed proxies fired rockets at the base on Sunday.", "proxy", 1),
        ("Tehran arms its proxies across the region.", "proxy", 1),
        ("Farmers watched their withering crops in the drought.", "withering", 0),
        ("The senator delivered a withering reply.", "withering", 1),
        ("Stinging nettles lined the path.", "stinging", 0),
        ("The party suffered a stinging defeat.", "stinging", 1),
    ],
)
def test_cues_count_only_in_their_loaded_sense(text: str, term: str, count: int) -> None:
    cues = load_lexicon(LEXICONS / "cues.toml")
    index = index_terms(compile_terms(cues.groups))
    found = [m.term for m in find_matches(one_sentence_article(text), index)]
    assert found.count(term) == count, found


def test_installed_package_ships_the_lexicons() -> None:
    names = [f.name for f in bundled_lexicon_files()]
    assert names == sorted(p.name for p in LEXICONS.glob("*.toml"))
    assert {"cues.toml", "places.toml", "syria.toml"} <= set(names)


def test_pack_names_come_from_file_names_even_with_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "my lexicons"
    folder.mkdir()
    lexicon = lexicon_from(folder, SMALL, name="my terms.toml")
    assert pack_name(lexicon) == "my terms" and not is_bundled(lexicon)
    bundled = load_lexicons(bundled_lexicon_files())
    assert [pack_name(lex) for lex in bundled if lex.scope == "general"] == ["cues", "places"]
    assert all(is_bundled(lex) for lex in bundled)


# --------------------------------------------------------------------------- graded packs

# cues.toml is graded and tested on its own; these are the places list and the domain packs.
PACKS = sorted(path for path in bundled_lexicon_files() if path.name != "cues.toml")


def test_every_rated_term_of_the_places_and_packs_has_a_strength() -> None:
    rated = [(path.name, term) for path in PACKS for group in load_lexicon(path).groups
             for term in group.terms if term.connotation != "neutral"]
    assert len(PACKS) == 12
    assert [(name, t.phrase) for name, t in rated if t.strength is None] == []
    # counted when the grades were written (issue 10): 411 rated terms in the 12 files
    assert Counter(t.strength for _, t in rated) == {"mild": 160, "clear": 195, "strong": 56}


def test_the_demo_contrast_on_hezbollah_is_strong_against_mild() -> None:
    # Arutz Sheva's "terror proxy" and "terrorist organization" against ARA News's "militia" and
    # "militant": graded, the outlet calling Hezbollah terrorist is the most negative.
    syria = {g.id: {t.phrase: t.strength for t in g.terms}
             for g in load_lexicon(LEXICONS / "syria.toml").groups}
    hezbollah = syria["hezbollah"]
    assert hezbollah["terror proxy"] == hezbollah["terrorist organization"] == "strong"
    assert hezbollah["Hezbollah militia"] == hezbollah["Hezbollah militant"] == "mild"
    assert syria["armed-opposition"]["militant"] == "mild"
    assert syria["syrian-government"]["regime"] == syria["syrian-government"]["regime forces"]
    assert syria["syrian-government"]["regime"] == "clear"


def test_no_lexicon_is_fitted_to_the_demo() -> None:
    # Lexicons describe language: no note, description or comment about "the demo", and none
    # of the demo articles' typos as spellings (misspellings are not handled by listing them).
    for path in bundled_lexicon_files():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bdemo\b", text, re.IGNORECASE), path.name
        spellings = {s.casefold() for g in load_lexicon(path).groups for t in g.terms
                     for s in (t.phrase, *t.variants)}
        assert not spellings & {"hezboll-ah", "isise", "iraqis people protecting units"}, path.name


def test_an_id_used_twice_in_one_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "dup.toml"
    path.write_text(
        'name = "Dup"\nscope = "general"\n[[sources]]\ntitle = "Test"\n'
        '[[referent]]\nid = "hezbollah"\nname = "Hezbollah"\n'
        'term = [{ phrase = "Hezbollah", connotation = "neutral", note = "its name" }]\n'
        '[[referent]]\nid = "hezbollah"\nname = "Hizbullah"\n'
        'term = [{ phrase = "Party of God", connotation = "neutral", note = "translation" }]\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    assert caught.value.problems == [
        f"{path}: referent 'hezbollah': the id is already used by the referent named "
        "'Hezbollah' in this file; give each entry its own id"
    ]
