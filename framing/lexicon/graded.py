"""General graded lexicons of evaluative words, merged into one scale with each entry's source.

Two established lexicons, read from the packages that ship them (nothing is downloaded):

- VADER (Hutto and Gilbert 2014, MIT licence): about 7,500 words and phrases, each rated by ten
  people from -4 (most negative) to +4; the file ``vader_lexicon.txt`` of the vaderSentiment
  package. (nltk's ``nltk.sentiment.vader`` reads the same lexicon, but only after a download
  this tool never makes.)
- The subjectivity lexicon TextBlob ships, from Pattern (De Smedt and Daelemans 2012): about
  2,900 adjectives and adverbs, each sense with a polarity (-1 to 1) and a subjectivity (0, a
  fact, to 1, an opinion); ``en/en-sentiment.xml`` of the textblob package. Senses are averaged,
  as TextBlob does.

One scale: the polarity of an entry is the mean of the sources that rate it (VADER's rating
divided by 4, TextBlob's polarity), so -1 to 1; its strength follows the size of that mean.
Which of these words is loaded *in a news story* is for the ranker (``voices/evaluative.py``)
to judge from the context: the lexicons rate words, not uses.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framing.model import Connotation, SourceRef, Strength

VADER = SourceRef(title="VADER lexicon (Hutto and Gilbert 2014), as shipped by vaderSentiment "
                        "3.3; MIT licence",
                  url="https://github.com/cjhutto/vaderSentiment")
PATTERN = SourceRef(title="Pattern's English subjectivity lexicon (De Smedt and Daelemans "
                          "2012), as shipped by TextBlob; BSD/MIT licences",
                    url="https://github.com/sloria/TextBlob")
STRONG_FROM, CLEAR_FROM = 0.6, 0.35  # |polarity| at which an entry is strong, clear
WORD = re.compile(r"[a-z][a-z'-]*[a-z]")


@dataclass(frozen=True, slots=True)
class Graded:
    """One evaluative word on the merged scale, with what each source says of it."""

    word: str
    vader: float | None = None  # VADER's mean rating, -4 to 4
    tb_polarity: float | None = None  # TextBlob's polarity, -1 to 1
    tb_subjectivity: float | None = None  # TextBlob's subjectivity, 0 to 1

    @property
    def polarity(self) -> float:
        """-1 to 1: the mean of the sources' polarities."""
        found = [x for x in (None if self.vader is None else self.vader / 4, self.tb_polarity)
                 if x is not None]
        return sum(found) / len(found) if found else 0.0

    @property
    def connotation(self) -> Connotation:
        return "negative" if self.polarity < 0 else "positive" if self.polarity > 0 else "neutral"

    @property
    def strength(self) -> Strength:
        size = abs(self.polarity)
        return "strong" if size >= STRONG_FROM else "clear" if size >= CLEAR_FROM else "mild"

    def note(self) -> str:
        """What the lexicons say of the word, for its highlight."""
        said = []
        if self.vader is not None:
            said.append(f"VADER rates it {self.vader:+.1f} on a scale of -4 to +4")
        if self.tb_polarity is not None and self.tb_subjectivity is not None:
            said.append(f"Pattern/TextBlob: polarity {self.tb_polarity:+.2f}, subjectivity "
                        f"{self.tb_subjectivity:.2f} (0 fact, 1 opinion)")
        return "; ".join(said)


@dataclass(frozen=True)
class GradedLexicon:
    """The merged entries by word, and which sources could be read."""

    entries: dict[str, Graded]
    sources: tuple[SourceRef, ...]
    missing: tuple[str, ...]  # packages not installed, whose lexicon is left out

    def get(self, word: str) -> Graded | None:
        return self.entries.get(word)


@lru_cache(maxsize=1)
def graded_lexicon() -> GradedLexicon:
    """VADER and Pattern's lexicons merged, from the installed packages; a package that is
    not installed is named in ``missing`` and its lexicon left out."""
    vader, tb, missing = _vader(), _pattern(), []
    if vader is None:
        missing.append("vaderSentiment")
    if tb is None:
        missing.append("textblob")
    words = set(vader or {}) | set(tb or {})
    entries = {}
    for word in sorted(words):
        polarity, subjectivity = (tb or {}).get(word, (None, None))
        entries[word] = Graded(word=word, vader=(vader or {}).get(word),
                               tb_polarity=polarity, tb_subjectivity=subjectivity)
    sources = tuple(s for s, found in ((VADER, vader), (PATTERN, tb)) if found is not None)
    return GradedLexicon(entries=entries, sources=sources, missing=tuple(missing))


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file inside an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


def _vader() -> dict[str, float] | None:
    """VADER's single words and their mean ratings (emoticons and phrases left out)."""
    path = _package_file("vaderSentiment", "vader_lexicon.txt")
    if path is None:
        return None
    ratings = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and WORD.fullmatch(fields[0]):
            ratings[fields[0]] = float(fields[1])
    return ratings


def _pattern() -> dict[str, tuple[float, float]] | None:
    """Pattern's words with their senses' mean polarity and subjectivity."""
    path = _package_file("textblob", "en", "en-sentiment.xml")
    if path is None:
        return None
    senses: defaultdict[str, list[tuple[float, float]]] = defaultdict(list)
    for element in ET.parse(path).getroot().iter("word"):
        form = (element.get("form") or "").lower()
        if WORD.fullmatch(form):
            senses[form].append((float(element.get("polarity", 0)),
                                 float(element.get("subjectivity", 0))))
    return {form: (sum(p for p, _ in rated) / len(rated), sum(s for _, s in rated) / len(rated))
            for form, rated in senses.items()}
