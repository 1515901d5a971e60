"""Measure the text layer's candidates on UD English-EWT; prints a table, asserts nothing.

    python benchmarks/text_layer.py [EVAL_DIR]     (default ../shared/eval, read in place)

Reads ud-ewt/en_ewt-ud-{dev,test}.conllu (gold sentences, tokens and Penn tags, column XPOS) and
measures, for each candidate:
1. sentence splitting: each gold paragraph's sentences joined by one space, split again;
   precision, recall and F1 of the sentence ends inside paragraphs;
2. tokenisation: each gold sentence's text tokenised; precision, recall and F1 of the token
   spans against the gold tokens (UD's syntactic words);
3. tagging: the gold tokens of each sentence tagged; accuracy over all tokens and over words
   (tokens whose gold tag is not punctuation, where the tag sets differ in detail);
4. speed (units per second of processor time) and import cost: ``python -X importtime``'s
   cumulative time of the module and the wall time of ``python -c "import X"`` (best of 3),
   and the time the import adds after framing's own imports (best of 3).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

Span = tuple[int, int]
PUNCT_TAGS = frozenset({".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "#", "$"})
FRAMING_IMPORTS = ("import framing.cli.main, framing.text.loading, framing.text.cleaning, "
                   "framing.analysis, "
                   "framing.render.html, framing.render.export, sklearn.feature_extraction.text, "
                   "pysbd, jinja2")


@dataclass
class Sentence:
    """A gold sentence: its text, its tokens and their Penn tags."""

    text: str
    words: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass
class Document:
    """A gold document: its paragraphs, each a list of sentences."""

    paragraphs: list[list[Sentence]] = field(default_factory=list)


def read_conllu(path: Path) -> list[Document]:
    """The documents of a CoNLL-U file (multiword ranges and empty nodes left out)."""
    docs: list[Document] = []
    current: Sentence | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc") or not docs:
            docs.append(Document())
        if line.startswith("# newpar") or not docs[-1].paragraphs:
            docs[-1].paragraphs.append([])
        if line.startswith("# text = "):
            current = Sentence(text=line[len("# text = "):])
            docs[-1].paragraphs[-1].append(current)
        elif line and not line.startswith("#") and current is not None:
            cols = line.split("\t")
            if cols[0].isdigit():
                current.words.append(cols[1])
                current.tags.append(cols[4])
    for doc in docs:
        doc.paragraphs = [p for p in doc.paragraphs if p]
    return [doc for doc in docs if doc.paragraphs]


def gold_spans(sentence: Sentence) -> list[Span] | None:
    """Where each gold token is in the sentence's text; None when one cannot be found."""
    spans, cursor = [], 0
    for word in sentence.words:
        found = sentence.text.find(word, cursor)
        if found < 0:
            return None
        spans.append((found, found + len(word)))
        cursor = found + len(word)
    return spans


def prf(found: int, gold: int, right: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = right / found if found else 0.0
    r = right / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --------------------------------------------------------------------------- sentence splitting

Splitter = Callable[[str], Iterable[Span]]


def pysbd_splitter() -> Splitter:
    """pysbd as cleaning.py used it: pieces located in the text."""
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)

    def split(text: str) -> Iterator[Span]:
        cursor = 0
        for piece in seg.segment(text):
            piece = str(piece).strip()
            found = text.find(piece, cursor)
            if piece and found >= 0:
                cursor = found + len(piece)
                yield found, cursor
    return split


def punkt_splitter(train: str | None) -> Splitter:
    """nltk Punkt, untrained or trained unsupervised on ``train``."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tok = PunktSentenceTokenizer(train) if train else PunktSentenceTokenizer()
    return lambda text: tok.span_tokenize(text)


def punkt_with_abbreviations() -> Splitter:
    """nltk Punkt, untrained, told framing's title abbreviations (no data needed)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from framing.text.wordlists import SPEECH, word_tuple

    params = PunktParameters()
    params.abbrev_types = {w.lower() for w in word_tuple(SPEECH, "abbreviations")} | {
        "u.s", "u.n", "u.k", "e.g", "i.e", "inc", "co", "corp", "ltd", "vs", "etc", "no"}
    tok = PunktSentenceTokenizer(params)
    return lambda text: tok.span_tokenize(text)


def framing_splitter() -> Splitter:
    """The text layer's splitter (framing.text.sentences)."""
    from framing.text.sentences import split_sentences

    return lambda text: split_sentences(text, 0, len(text))


def measure_splitter(docs: Sequence[Document], make: Callable[[Document], Splitter],
                     ) -> tuple[float, float, float, float]:
    """P, R, F1 of inner sentence ends, and sentences per second."""
    found = gold = right = 0
    sentences = 0
    elapsed = 0.0
    for doc in docs:
        split = make(doc)
        for paragraph in doc.paragraphs:
            text = " ".join(s.text for s in paragraph)
            ends, cursor = set(), 0
            for s in paragraph[:-1]:
                cursor += len(s.text)
                ends.add(cursor)
                cursor += 1
            start = time.process_time()
            spans = list(split(text))
            elapsed += time.process_time() - start
            predicted = {text[:end].rstrip().__len__() for _, end in spans[:-1]}
            predicted.discard(len(text.rstrip()))
            found += len(predicted)
            gold += len(ends)
            right += len(predicted & ends)
            sentences += len(paragraph)
    return (*prf(found, gold, right), sentences / elapsed if elapsed else 0.0)


# --------------------------------------------------------------------------- tokenisation

Tokenizer = Callable[[str], Iterable[Span]]


def measure_tokenizer(sentences: Sequence[Sentence], tokenize: Tokenizer,
                      ) -> tuple[float, float, float, float]:
    """P, R, F1 of token spans against gold, and tokens per second."""
    found = gold = right = tokens = 0
    elapsed = 0.0
    for sentence in sentences:
        want = gold_spans(sentence)
        if want is None:
            continue
        start = time.process_time()
        try:
            got = list(tokenize(sentence.text))
        except ValueError:  # nltk's span alignment fails on some texts
            got = []
        elapsed += time.process_time() - start
        found += len(got)
        gold += len(want)
        right += len(set(got) & set(want))
        tokens += len(got)
    return (*prf(found, gold, right), tokens / elapsed if elapsed else 0.0)


def old_pattern(pattern: str) -> Tokenizer:
    """A regex of today's stages, as a tokenizer."""
    import re

    regex = re.compile(pattern)
    return lambda text: (m.span() for m in regex.finditer(text))


# --------------------------------------------------------------------------- tagging

Tagger = Callable[[list[str]], list[str]]


def pattern_lexicon_only() -> Tagger:
    """Most frequent tag: the Pattern lexicon's tag for known words, else NNP/CD/NN."""
    from textblob.en import lexicon

    lexicon.load()

    def tag(words: list[str]) -> list[str]:
        out = []
        for i, w in enumerate(words):
            known = lexicon.get(w) or (lexicon.get(w.lower()) if i == 0 else None)
            if known:
                out.append(known)
            elif w.istitle():
                out.append("NNP")
            elif any(c.isdigit() for c in w):
                out.append("CD")
            else:
                out.append("NN")
        return out
    return tag


def textblob_pattern_tagger() -> Tagger:
    """TextBlob's PatternTagger on given tokens: lexicon and suffix rules."""
    from textblob.en import parser

    return lambda words: [t for _, t in parser.find_tags(words)]


def pattern_brill_tagger() -> Tagger:
    """Pattern's tagger with all of Brill's rules (morphology, context, entities)."""
    from textblob import _text
    from textblob.en import lexicon

    lexicon.load()
    return lambda words: [t for _, t in _text.find_tags(
        words, lexicon=lexicon, morphology=lexicon.morphology, context=lexicon.context,
        entities=lexicon.entities)]


def framing_tagger() -> Tagger:
    """The text layer's tagger (framing.text.tagger): PatternTagger's rules, lexicon read
    from the textblob package without importing it."""
    from framing.text.tagger import tag_words

    return lambda words: list(tag_words(words))


def agreement(sentences: Sequence[Sentence], one: Tagger, other: Tagger) -> float:
    """Share of gold tokens given the same tag by two taggers (brackets aside)."""
    same = total = 0
    fix = {"(": "-LRB-", ")": "-RRB-"}
    for sentence in sentences:
        words = list(sentence.words)
        for a, b in zip(one(words), other(words), strict=True):
            same += fix.get(a, a) == fix.get(b, b)
            total += 1
    return same / total


def all_nn() -> Tagger:
    """Every token NN: the floor."""
    return lambda words: ["NN"] * len(words)


def measure_tagger(sentences: Sequence[Sentence], tag: Tagger,
                   ) -> tuple[float, float, float, float]:
    """Accuracy on all tokens, on words, F1 of proper nouns (NNP/NNPS), and tokens per second."""
    total = right = words = words_right = 0
    proper_found = proper_gold = proper_right = 0
    elapsed = 0.0
    fix = {"(": "-LRB-", ")": "-RRB-", '"': "``"}
    for sentence in sentences:
        start = time.process_time()
        tags = tag(list(sentence.words))
        elapsed += time.process_time() - start
        for gold, got in zip(sentence.tags, tags, strict=True):
            got = fix.get(got, got)
            ok = gold == got or (gold == "''" and got == "``")
            total += 1
            right += ok
            if gold not in PUNCT_TAGS:
                words += 1
                words_right += ok
            is_proper, said_proper = gold in ("NNP", "NNPS"), got in ("NNP", "NNPS")
            proper_gold += is_proper
            proper_found += said_proper
            proper_right += is_proper and said_proper
    proper_f1 = prf(proper_found, proper_gold, proper_right)[2]
    return right / total, words_right / words, proper_f1, total / elapsed if elapsed else 0.0


# --------------------------------------------------------------------------- import cost


def import_cost(module: str) -> tuple[float, float, float]:
    """importtime's cumulative seconds, wall seconds of ``import X`` alone, and seconds it adds
    after framing's imports (best of 3 each)."""
    python = sys.executable
    cumulative = []
    wall = []
    extra = []
    for _ in range(3):
        run = subprocess.run([python, "-X", "importtime", "-c", f"import {module}"],
                             capture_output=True, text=True, check=True)
        rows = [line.split("|") for line in run.stderr.splitlines() if "|" in line]
        cumulative.append(max(int(r[1]) for r in rows[1:]) / 1e6 if len(rows) > 1 else 0.0)
        start = time.perf_counter()
        subprocess.run([python, "-c", f"import {module}"], check=True)
        wall.append(time.perf_counter() - start)
        code = (f"{FRAMING_IMPORTS}\nimport time\ns = time.perf_counter()\nimport {module}\n"
                "print(time.perf_counter() - s)")
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(ROOT)})
        extra.append(float(out.stdout))
    return min(cumulative), min(wall), min(extra)


# --------------------------------------------------------------------------- main


def main(eval_dir: Path) -> None:
    folder = eval_dir / "ud-ewt"
    docs = [d for name in ("en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu")
            for d in read_conllu(folder / name)]
    sentences = [s for d in docs for p in d.paragraphs for s in p]
    print(f"UD English-EWT dev+test: {len(docs)} documents, {len(sentences)} sentences, "
          f"{sum(len(s.words) for s in sentences)} tokens\n")
    demo = "\n\n".join(p.read_text(encoding="utf-8")
                       for p in sorted((ROOT / "framing/corpora/al-hader-2015").glob("*.txt")))

    def doc_text(doc: Document) -> str:
        return "\n\n".join(" ".join(s.text for s in p) for p in doc.paragraphs)

    print("Sentence splitting (ends inside paragraphs)   P      R      F1     sentences/s")
    splitters: list[tuple[str, Callable[[Document], Splitter]]] = []
    shared_pysbd = pysbd_splitter()
    shared_punkt = punkt_splitter(None)
    demo_punkt = punkt_splitter(demo)
    shared_framing = framing_splitter()
    abbreviations = punkt_with_abbreviations()
    splitters = [
        ("pysbd 0.3 (as before)", lambda d: shared_pysbd),
        ("nltk Punkt, untrained", lambda d: shared_punkt),
        ("nltk Punkt, trained on the document itself", lambda d: punkt_splitter(doc_text(d))),
        ("nltk Punkt, trained on the demo corpus", lambda d: demo_punkt),
        ("nltk Punkt, untrained, title abbreviations", lambda d: abbreviations),
        ("framing.text.sentences (chosen)", lambda d: shared_framing),
    ]
    for name, make in splitters:
        p, r, f, speed = measure_splitter(docs, make)
        print(f"  {name:44s} {p:.3f}  {r:.3f}  {f:.3f}  {speed:9.0f}")

    from nltk.tokenize import NLTKWordTokenizer, TreebankWordTokenizer, WordPunctTokenizer

    from framing.text.tokenizer import token_spans

    print("\nTokenisation (token spans vs gold)            P      R      F1     tokens/s")
    tokenizers: list[tuple[str, Tokenizer]] = [
        ("framing.text.tokenizer (chosen)", lambda t: token_spans(t)),
        ("nltk TreebankWordTokenizer.span_tokenize", TreebankWordTokenizer().span_tokenize),
        ("nltk NLTKWordTokenizer.span_tokenize", NLTKWordTokenizer().span_tokenize),
        ("nltk WordPunctTokenizer.span_tokenize", WordPunctTokenizer().span_tokenize),
        ("tokens.py TOKEN (before: quotes, agency)",
         old_pattern(r"\w+(?:[-'.]\w+)*'?|[^\w\s]")),
        ("matching.py TOKEN (before, words only)", old_pattern(r"\w+(?:'\w+)*")),
    ]
    for name, tokenize in tokenizers:
        p, r, f, speed = measure_tokenizer(sentences, tokenize)
        print(f"  {name:44s} {p:.3f}  {r:.3f}  {f:.3f}  {speed:9.0f}")

    print("\nTagging on gold tokens (Penn tags)            all    words  NNP F1  tokens/s")
    taggers: list[tuple[str, Tagger]] = [
        ("every token NN", all_nn()),
        ("most frequent tag (Pattern lexicon only)", pattern_lexicon_only()),
        ("TextBlob PatternTagger (lexicon + suffixes)", textblob_pattern_tagger()),
        ("Pattern with all Brill rules (textblob._text)", pattern_brill_tagger()),
        ("framing.text.tagger (chosen)", framing_tagger()),
    ]
    for name, tag in taggers:
        acc, word_acc, proper, speed = measure_tagger(sentences, tag)
        print(f"  {name:44s} {acc:.3f}  {word_acc:.3f}  {proper:.3f}  {speed:9.0f}")
    same = agreement(sentences, framing_tagger(), textblob_pattern_tagger())
    print(f"  framing.text.tagger gives PatternTagger's tag to {same:.2%} of the tokens")
    print("  nltk PerceptronTagger: not measured; its weights come only from nltk's downloader")

    print("\nImport cost (s)                               importtime  wall   added to framing")
    for module in ("pysbd", "nltk", "nltk.tokenize.punkt", "nltk.chunk.regexp", "textblob",
                   "textblob.en", "framing.text.layer"):
        cumulative, wall, extra = import_cost(module)
        print(f"  {module:44s} {cumulative:8.3f}  {wall:6.3f}  {extra:8.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval")
