"""Loaded words beyond the hand lists: general graded lexicons, read in context, then ranked.

The hand-written cue lists (lexicons/cues.toml) hold the words a class looks for first
("slammed", "power grab"); most loaded words of a news story are ordinary evaluative words no
hand list holds ("lavish", "disastrous", "cozy"). Two general lexicons rate them
(lexicon/graded.py), but a lexicon rates words, not uses: "attack" is loaded of a speech and
plain of a raid, "good" inside "not good" is no praise, "Security" in "Social Security" is a
name.

So every word of the text layer that either lexicon rates (``is_candidate``) and that no
lexicon match already covers, neither a stop word nor part of a name, becomes a candidate with
features of its use (``features``): how strongly each lexicon rates it, its part of speech,
whether a negator or an intensifier stands before it, whether it is inside a quotation or
reported speech, in the headline, capitalised. A logistic regression weighs them; it was trained
on BASIL's development events only (benchmarks/train_loaded.py, cross-validated by event), and
its coefficients and threshold are data (framing/data/loaded_model.json). A candidate is kept
when the model's probability reaches the threshold. Without the model (``mode="lexicon"``) a
plain rule keeps words both lexicons agree are strongly evaluative.

Kept words become matches of one cue category, "Evaluative words (general lexicons)", each
term's note saying what the lexicons rate it and why it was kept, so every highlight can be
traced to its source.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.errors import FramingError
from framing.lexicon.graded import Graded, GradedLexicon, graded_lexicon
from framing.model import Article, Corpus, EvaluativeMode, Group, Lexicon, Match, Term
from framing.text.layer import Token
from framing.text.tokens import Stretches
from framing.text.wordlists import data_file, word_set
from framing.voices.quotes import Quote

GROUP_ID = "evaluative-words"
MODEL_FILE = "loaded_model.json"
CONTEXT_FILE = "evaluative.toml"
MIN_VADER, MIN_SUBJECTIVITY, MIN_TB_POLARITY = 1.0, 0.4, 0.1  # what makes a candidate
RULE_VADER, RULE_SUBJECTIVITY = 2.0, 0.8  # without the model: both lexicons this sure
BEFORE = 3  # words before a candidate read for a negator or an intensifier
FEATURES = (
    "vader", "has_vader", "tb_subjectivity", "tb_polarity", "has_tb", "adjective", "adverb",
    "verb", "noun", "capitalised", "quoted", "reported", "negated", "intensified", "headline",
    "length", "negative", "superlative", "near_actor",
)
NEAR = 3  # words either side of a candidate within which an actor's mention makes it aimed


@dataclass(frozen=True)
class Ranker:
    """A logistic regression over ``FEATURES``: its weights, bias and threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(w * features[name] for w, name in zip(self.weights, FEATURES,
                                                                   strict=True))
        return 1 / (1 + math.exp(-z))


@dataclass(frozen=True)
class Evaluative:
    """What the stage found: its matches, and the cue category and lexicon they belong to."""

    matches: tuple[Match, ...]
    group: Group | None
    lexicon: Lexicon | None
    reason: str  # why the stage ran as it did, for the report's method section


@dataclass(frozen=True)
class Candidate:
    """A word a general lexicon rates, at one place in an article, with its features."""

    article: Article
    token: Token
    entry: Graded
    features: dict[str, float]


def find_evaluative(
    corpus: Corpus, matches: Sequence[Match], quotes: Sequence[Quote],
    mode: EvaluativeMode = "model",
) -> Evaluative:
    """The evaluative words of every article that the ranker (or the rule) keeps."""
    lexicon = graded_lexicon()
    if mode == "off":
        return Evaluative((), None, None, "left out (--evaluative off)")
    if not lexicon.entries:
        return Evaluative((), None, None, "left out: install vaderSentiment and textblob")
    ranker = load_ranker() if mode == "model" else None
    kept = [c for c in candidates(corpus, matches, quotes, lexicon)
            if (_rule(c.entry) if ranker is None
                else ranker.probability(c.features) >= ranker.threshold)]
    group = _group([c.entry for c in kept], ranker)
    found = tuple(_match(c) for c in kept)
    how = (f"ranked by a model trained on BASIL (kept at p ≥ {ranker.threshold:.2f})"
           if ranker else "kept where both lexicons rate a word strongly")
    return Evaluative(found, group, _lexicon(group, lexicon), f"{len(found)} words {how}")


def candidates(
    corpus: Corpus, matches: Sequence[Match], quotes: Sequence[Quote], lexicon: GradedLexicon
) -> Iterator[Candidate]:
    """Every rated word outside the lexicon matches, names and stop words, with its features."""
    covered: dict[str, list[tuple[int, int]]] = {}
    actors: dict[str, list[tuple[int, int]]] = {}
    for m in matches:
        covered.setdefault(m.article, []).append((m.start, m.end))
        if m.kind == "referent":
            actors.setdefault(m.article, []).append((m.start, m.end))
    statements: dict[tuple[str, bool], list[tuple[int, int]]] = {}
    for q in quotes:
        statements.setdefault((q.article, q.direct), []).append((q.start, q.end))
    for article in corpus.articles:
        direct = Stretches.of(statements.get((article.id, True), []))
        reported = Stretches.of(statements.get((article.id, False), []))
        taken = Stretches.of(covered.get(article.id, []))
        mentioned = Stretches.of(actors.get(article.id, []))
        tokens = article.layer.tokens
        for i, token in enumerate(tokens):
            entry = lexicon.get(token.low)
            if entry is None or not is_candidate(entry) or not _plain_word(token):
                continue
            if taken.overlaps(token.start, token.end):
                continue
            if plain_sense(tokens, i):
                continue
            near = tokens[max(0, i - NEAR)].start, tokens[min(len(tokens) - 1, i + NEAR)].end
            aimed = mentioned.overlaps(*near)
            inside = (direct.holds(token.start), reported.holds(token.start))
            yield Candidate(article=article, token=token, entry=entry,
                            features=features(article, tokens, i, entry, inside, aimed))


def is_candidate(entry: Graded) -> bool:
    """Rated clearly enough by one lexicon to be worth weighing."""
    return ((entry.vader is not None and abs(entry.vader) >= MIN_VADER)
            or (entry.tb_subjectivity is not None and entry.tb_polarity is not None
                and entry.tb_subjectivity >= MIN_SUBJECTIVITY
                and abs(entry.tb_polarity) >= MIN_TB_POLARITY))


def features(
    article: Article, tokens: Sequence[Token], i: int, entry: Graded,
    inside: tuple[bool, bool] = (False, False), aimed: bool = False,
) -> dict[str, float]:
    """The candidate's features, every one between 0 and 1 (see ``FEATURES``); ``inside``:
    within a direct quotation, within reported speech (either may hold the other); ``aimed``:
    an actor's mention stands within ``NEAR`` words."""
    token = tokens[i]
    before = {t.low for t in tokens[max(0, i - BEFORE) : i] if t.sentence == token.sentence}
    tag = token.tag
    return {
        "vader": abs(entry.vader) / 4 if entry.vader is not None else 0.0,
        "has_vader": float(entry.vader is not None),
        "tb_subjectivity": entry.tb_subjectivity or 0.0,
        "tb_polarity": abs(entry.tb_polarity or 0.0),
        "has_tb": float(entry.tb_polarity is not None),
        "adjective": float(tag.startswith("JJ")),
        "adverb": float(tag.startswith("RB")),
        "verb": float(tag.startswith("VB")),
        "noun": float(tag.startswith("NN")),
        "capitalised": float(token.text[0].isupper()),
        "quoted": float(inside[0]),
        "reported": float(inside[1]),
        "negated": float(bool(before & _context("negators"))),
        "intensified": float(bool(before & _context("intensifiers"))),
        "headline": float(article.sentences[token.sentence].in_title),
        "length": min(len(token.low), 12) / 12,
        "negative": float(entry.polarity < 0),
        "superlative": float(tag in ("JJS", "RBS", "JJR", "RBR")),
        "near_actor": float(aimed),
    }


def plain_sense(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i`` is used in a plain sense by the sense rules of
    framing/data/evaluative.toml ("pleaded guilty", "killing civilians", "blasted" by a
    bomb)."""
    rules = _senses().get(tokens[i].low)
    if not rules:
        return False
    here = tokens[i].sentence
    first, last = i, i
    while first > 0 and tokens[first - 1].sentence == here:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].sentence == here:
        last += 1
    sentence = [t.low for t in tokens[first : last + 1]]
    before = {t.low for t in tokens[max(0, i - 2) : i] if t.sentence == tokens[i].sentence}
    after = {t.low for t in tokens[i + 1 : i + 3] if t.sentence == tokens[i].sentence}
    if before & set(rules.get("plain_after", ())):
        return True
    if "loaded_before" in rules and not after & set(rules["loaded_before"]):
        return True
    return bool(set(sentence) & set(rules.get("plain_near", ())))


@lru_cache(maxsize=1)
def _senses() -> dict[str, dict[str, tuple[str, ...]]]:
    """The sense rules: word -> {"plain_after" | "loaded_before" | "plain_near": words}."""
    table = data_file(CONTEXT_FILE).get("senses", {})
    rules: dict[str, dict[str, tuple[str, ...]]] = {}
    for word, kinds in table.items():
        unknown = set(kinds) - {"plain_after", "loaded_before", "plain_near"}
        if unknown or not all(isinstance(v, list) for v in kinds.values()):
            raise FramingError(f"framing/data/{CONTEXT_FILE}, [senses.{word}]: give lists "
                               "named plain_after, loaded_before or plain_near")
        rules[word] = {kind: tuple(words) for kind, words in kinds.items()}
    return rules


def _plain_word(token: Token) -> bool:
    """A word, not a stop word, not part of a name ("Security" of "Social Security")."""
    return (token.word and token.low not in ENGLISH_STOP_WORDS
            and token.tag not in ("NNP", "NNPS"))


def _rule(entry: Graded) -> bool:
    """Without the model: both lexicons agree the word is strongly evaluative."""
    return (entry.vader is not None and abs(entry.vader) >= RULE_VADER
            and (entry.tb_subjectivity or 0.0) >= RULE_SUBJECTIVITY)


@lru_cache(maxsize=8)
def _context(name: str) -> frozenset[str]:
    return word_set(CONTEXT_FILE, name)


@lru_cache(maxsize=1)
def load_ranker() -> Ranker:
    """The shipped model: framing/data/loaded_model.json, checked against ``FEATURES``."""
    where = f"framing/data/{MODEL_FILE}"
    try:
        data = json.loads(resources.files("framing").joinpath("data", MODEL_FILE)
                          .read_text(encoding="utf-8"))
        weights = data["coefficients"]
        names = tuple(data["features"])
        ranker = Ranker(weights=tuple(float(weights[n]) for n in FEATURES),
                        bias=float(data["intercept"]), threshold=float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise FramingError(f"{where}: cannot be read ({err}); retrain it with "
                           "benchmarks/train_loaded.py or run with --evaluative lexicon") from None
    if names != FEATURES:
        raise FramingError(f"{where}: its features {', '.join(names)} are not framing's "
                           f"({', '.join(FEATURES)}); retrain it with benchmarks/train_loaded.py")
    return ranker


def _match(c: Candidate) -> Match:
    t = c.token
    return Match(article=c.article.id, outlet=c.article.outlet, start=t.start, end=t.end,
                 text=t.text, group=GROUP_ID, kind="cue", term=c.entry.word,
                 connotation=c.entry.connotation, sentence=t.sentence)


def _group(entries: Sequence[Graded], ranker: Ranker | None) -> Group | None:
    if not entries:
        return None
    why = ("kept where the model trained on BASIL's annotations ranks this use as loaded"
           if ranker else "kept because both lexicons rate it strongly")
    terms = {e.word: Term(phrase=e.word, connotation=e.connotation, strength=e.strength,
                          note=f"{e.note()}; {why}.", inflect=False)
             for e in entries}
    return Group(id=GROUP_ID, name="Evaluative words (general lexicons)", kind="cue",
                 description=("Words two general lexicons rate as positive or negative, kept "
                              "where their use reads as the writer's judgement rather than a "
                              "plain description. Weaker evidence than the hand-written cue "
                              "lists: read the sentence."),
                 terms=tuple(terms[w] for w in sorted(terms)), lexicon="(general lexicons)")


def _lexicon(group: Group | None, lexicon: GradedLexicon) -> Lexicon | None:
    if group is None:
        return None
    return Lexicon(name="General evaluative lexicons", path="(general lexicons)",
                   description=("VADER and Pattern's subjectivity lexicon, read in context by "
                                "a model trained on BASIL; see framing/voices/evaluative.py"),
                   sources=lexicon.sources, groups=(group,), scope="general")
