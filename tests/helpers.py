"""Small builders shared by the tests: articles and lexicons from literal text."""

from __future__ import annotations

from pathlib import Path

from framing.lexicon.files import load_lexicon
from framing.model import Article, Lexicon, Sentence
from framing.text.layer import build_layer

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "framing" / "corpora" / "al-hader-2015"
LEXICONS = ROOT / "lexicons"


def one_sentence_article(text: str, outlet: str = "a", article_id: str = "a.txt") -> Article:
    """An article whose whole text is one kept sentence (no title)."""
    return Article(
        id=article_id, source=article_id, outlet=outlet, text=text, title="", title_span=None,
        paragraphs=((0, len(text)),), sentences=(Sentence(start=0, end=len(text)),),
        removed=(), words=len(text.split()), layer=build_layer(text, [(0, len(text))]),
    )


def lexicon_from(tmp_path: Path, toml: str, name: str = "test.toml") -> Lexicon:
    """Write a lexicon file and load it."""
    path = tmp_path / name
    path.write_text(toml, encoding="utf-8")
    return load_lexicon(path)


SMALL = """
name = "Test"
[[sources]]
title = "Invented for the tests"

[[referent]]
id = "hezbollah"
name = "Hezbollah"
[[referent.term]]
phrase = "Hezbollah"
connotation = "neutral"
note = "The group's own name."
[[referent.term]]
phrase = "terror proxy"
connotation = "negative"
note = "Calls it both terrorist and a tool of another state."
[[referent.term]]
phrase = "militia"
connotation = "negative"
note = "An irregular armed force."

[[referent]]
id = "syrian-government"
name = "Syrian government"
[[referent.term]]
phrase = "regime"
connotation = "negative"
note = "Implies illegitimacy."
context.reject_before = ["sanctions", "tax"]
[[referent.term]]
phrase = "pro-government forces"
connotation = "neutral"
note = "Plain description."

[[referent]]
id = "isis"
name = "ISIS"
[[referent.term]]
phrase = "IS"
connotation = "neutral"
note = "Short for Islamic State."
case_sensitive = true
inflect = false

[[referent]]
id = "observatory"
name = "Syrian Observatory"
[[referent.term]]
phrase = "monitor"
connotation = "neutral"
note = "Only about the Observatory."
context.require_near = ["Observatory"]
context.window = 3

[[cue]]
id = "terror"
name = "Terror vocabulary"
[[cue.term]]
phrase = "terror"
connotation = "negative"
note = "Names violence as terrorism."
"""
