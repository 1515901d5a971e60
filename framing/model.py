"""The data that flows through framing: frozen dataclasses, no behaviour beyond small helpers.

Offsets (``start``/``end``) are always character offsets into ``Article.text``, the article's
text exactly as read from its file (for a saved web page: as extracted from it), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # these modules import this one; the Report only refers to their results
    from framing.classroom.glossary import GlossaryEntry
    from framing.classroom.questions import Question
    from framing.copy.alignment import AlignmentReport
    from framing.counts.tone import ActorTone
    from framing.text.layer import TextLayer
    from framing.voices.agency import Action, Casualty, HeadlineVoice
    from framing.voices.statements import Quote

Connotation = Literal["negative", "neutral", "positive", "unrated"]
# What a lexicon may assign; "unrated" marks labels discovered in the text that no lexicon rates.
CONNOTATIONS: tuple[Connotation, ...] = ("negative", "neutral", "positive")

Origin = Literal["lexicon", "discovered"]  # where a referent or label comes from
Voice = Literal["own", "quoted"]  # a label in the outlet's own words, or inside a quotation

GroupKind = Literal["referent", "cue"]
# How evaluative words beyond the hand lists are kept: by the shipped model, a lexicon rule, not
EvaluativeMode = Literal["model", "lexicon", "off"]
# How strongly a negative or positive term carries its connotation: "militia" is mildly
# negative toward an armed group, "terror proxy" strongly. Neutral terms have no strength.
Strength = Literal["mild", "clear", "strong"]
STRENGTHS: tuple[Strength, ...] = ("mild", "clear", "strong")


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, kw_only=True)
class Document:
    """One article as read from disk, before cleaning: text plus whatever metadata came with it."""

    source: str  # the input file name, relative to the corpus folder ("feed.jsonl#3" for rows)
    text: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()
    encoding: str = "utf-8"
    event: str | None = None  # a feed row's event, which `framing profile` groups by


@dataclass(frozen=True, kw_only=True)
class RemovedLine:
    """A line of page chrome the cleaner took out, and the rule that took it."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """A sentence of an article; the title counts as one sentence with ``in_title``."""

    start: int
    end: int
    in_title: bool = False
    piece: int = 0  # 1, 2 … for the pieces of a sentence cut at the limit; 0: whole


@dataclass(frozen=True, kw_only=True)
class ReadingLimits:
    """How much of its input framing reads, stated in every report and set by the user.

    An article longer than ``max_article_chars`` is skipped, with the reason (a book or a
    database dump is no article, and would take minutes). A sentence longer than
    ``max_sentence_words`` (text with no full stops, a list run together) is cut into pieces
    of that many words, since the rules that read a whole sentence around each match would
    otherwise cost the square of its length."""

    max_article_chars: int = 1_000_000
    max_sentence_words: int = 200


@dataclass(frozen=True, kw_only=True)
class Article:
    """A cleaned article: the text as read, the spans kept, and what was removed and why."""

    id: str  # unique within the corpus; the input file name (with "#n" for rows of a feed)
    source: str
    outlet: str  # outlet id
    text: str
    title: str  # "" when the file has no headline
    title_span: tuple[int, int] | None
    paragraphs: tuple[tuple[int, int], ...]  # kept body spans, title excluded
    sentences: tuple[Sentence, ...]
    removed: tuple[RemovedLine, ...]
    words: int  # word tokens of the layer: title and kept body, punctuation not counted
    layer: TextLayer  # tokens, tags, sentences and noun phrases, built once when cleaned
    date: str | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()
    encoding: str = "utf-8"


@dataclass(frozen=True, kw_only=True)
class Outlet:
    id: str
    name: str
    articles: tuple[str, ...]  # article ids
    words: int


@dataclass(frozen=True, kw_only=True)
class Skipped:
    """An input file that was not used, and why: nothing vanishes silently."""

    source: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class Corpus:
    name: str
    outlets: tuple[Outlet, ...]
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...] = ()
    limits: ReadingLimits = ReadingLimits()

    @property
    def sentences_cut(self) -> int:
        """How many sentences were longer than the limit, so cut into pieces."""
        return sum(1 for a in self.articles for s in a.sentences if s.piece == 1)

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def outlet(self, outlet_id: str) -> Outlet:
        for out in self.outlets:
            if out.id == outlet_id:
                return out
        raise KeyError(outlet_id)


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, kw_only=True)
class Context:
    """Conditions a term needs around it before it counts (for ambiguous words such as 'regime').

    ``require_near``: at least one of these words within ``window`` words on either side.
    ``reject_before``: not counted directly after one of these ("sanctions regime").
    ``reject_after``: not counted directly before one of these.
    """

    require_near: tuple[str, ...] = ()
    reject_before: tuple[str, ...] = ()
    reject_after: tuple[str, ...] = ()
    window: int = 4


@dataclass(frozen=True, kw_only=True)
class Term:
    phrase: str
    connotation: Connotation
    note: str
    strength: Strength | None = None  # None for neutral terms and terms not yet graded
    source: str | None = None
    variants: tuple[str, ...] = ()  # other spellings counted as this term
    case_sensitive: bool = False
    inflect: bool = True  # also match plurals and possessives of the last word
    context: Context | None = None
    origin: Origin = "lexicon"


@dataclass(frozen=True, kw_only=True)
class Group:
    """A referent (an actor or thing, with the labels outlets use for it) or a cue category."""

    id: str
    name: str
    kind: GroupKind
    description: str
    terms: tuple[Term, ...]
    lexicon: str  # file name of the lexicon it came from ("" for a discovered referent)
    origin: Origin = "lexicon"


@dataclass(frozen=True, kw_only=True)
class SourceRef:
    title: str
    url: str | None = None


@dataclass(frozen=True, kw_only=True)
class Lexicon:
    name: str
    path: str  # as given, for messages
    description: str
    sources: tuple[SourceRef, ...]
    groups: tuple[Group, ...]
    scope: Literal["general", "domain"] = "domain"  # general packs are always used


@dataclass(frozen=True, kw_only=True)
class PackChoice:
    """Whether a lexicon file is used on a corpus, with the evidence (see packs.py)."""

    lexicon: Lexicon
    chosen: bool
    reason: str
    matches: int = 0
    terms: int = 0
    outlets: int = 0


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True, kw_only=True)
class AnalysisConfig:
    """Every knob of the analysis in one place; the CLI fills it from options."""

    top_terms: int = 12  # distinctive terms listed per outlet
    min_count: int = 2  # a distinctive term must occur at least this often in the outlet
    min_z: float = 1.96  # ... and stand out beyond chance (log-odds z, 1 in 20)
    few_mentions: int = 5  # below this, a figure is flagged as resting on a handful of mentions
    ngram_max: int = 2  # TF-IDF over words and phrases of up to this many words
    discover: bool = True  # find referents and labels no lexicon names
    align: bool = True  # align sentences across articles: shared copy, edits, omissions
    align_max_articles: int = 200  # alignment is pairwise: left out above this (0: no limit)
    own_voice_only: bool = False  # count only labels in the outlet's own words, not in quotes
    min_mentions: int = 2  # a discovered referent needs at least this many mentions
    # evaluative words beyond the hand lists (voices/evaluative.py): ranked by the shipped
    # model, kept by a plain lexicon rule, or left out
    evaluative: EvaluativeMode = "model"


@dataclass(frozen=True, kw_only=True)
class Match:
    """One mention of a referent (or one cue word) found in an article, with its label."""

    article: str
    outlet: str
    start: int
    end: int
    text: str
    group: str
    kind: GroupKind
    term: str  # the term's canonical phrase
    connotation: Connotation
    sentence: int  # index into the article's sentences
    source: Origin = "lexicon"
    voice: Voice = "own"  # "quoted": inside a direct quotation (reported speech is own words)
    speaker: str | None = None  # whose quotation, when quoted
    # A mention may be longer than its label: in "terror proxy Hezbollah" the mention of
    # Hezbollah spans both words and its label is "terror proxy". None: the label is the match.
    label_span: tuple[int, int] | None = None

    @property
    def label_bounds(self) -> tuple[int, int]:
        """Where the label's words are in the text."""
        return self.label_span or (self.start, self.end)


@dataclass(frozen=True, kw_only=True)
class LabelCount:
    """How often one outlet used one label for one referent or cue category.

    A label is the outlet's words as written, case, spacing and hyphens aside: "Russian air
    support" is its own row even though the lexicon counts it as a variant of "Russian air
    cover", which ``lexicon_term`` keeps.
    """

    outlet: str
    group: str
    kind: GroupKind
    term: str  # the label's words as the outlet wrote them (its most frequent spelling)
    connotation: Connotation
    count: int
    per_1000_words: float
    articles: int  # in how many of the outlet's articles it occurs
    tfidf: float  # weight of the term for this outlet among all lexicon terms
    source: Origin = "lexicon"
    quoted: int = 0  # of ``count``, how many sit inside direct quotations
    lexicon_term: str = ""  # the lexicon entry matched (its phrase); for a discovered label, term
    # Signed strength: negative unfavourable, 0 neutral, None unrated; magnitude 1 mild,
    # 2 clear, 3 strong (see scoring.signed_score).
    score: int | None = None


@dataclass(frozen=True, kw_only=True)
class ConnotationShare:
    """How an outlet's mentions of a referent lean: the share carrying each connotation, and
    the strength-weighted figure (mean signed score) that ranks "terror proxy" above "militia".
    """

    outlet: str
    group: str
    mentions: int
    negative: float
    neutral: float
    positive: float
    unrated: float = 0.0  # share of discovered labels no lexicon rates
    rated: int = 0  # mentions whose label is rated (negative, neutral or positive)
    score: float | None = None  # mean signed score over rated mentions (-3..3); None: none rated
    strong_negative: int = 0  # rated mentions with a strongly negative label
    strong_positive: int = 0


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """A sentence behind a number, with the character spans to highlight in it."""

    article: str
    sentence: int
    hits: tuple[tuple[int, int], ...]


@dataclass(frozen=True, kw_only=True)
class DistinctiveTerm:
    """A word or phrase that sets one outlet apart from the others pooled."""

    outlet: str
    term: str
    count: int  # in this outlet
    others: int  # in all other outlets together
    tfidf: float
    log_odds: float
    log_odds_z: float
    evidence: tuple[Evidence, ...] = field(default=())


@dataclass(frozen=True, kw_only=True)
class Report:
    """Everything the renderers need; they compute nothing new."""

    corpus: Corpus
    lexicons: tuple[Lexicon, ...]
    groups: tuple[Group, ...]  # the groups with at least one match, in lexicon order
    matches: tuple[Match, ...]
    labels: tuple[LabelCount, ...]
    shares: tuple[ConnotationShare, ...]
    distinctive: tuple[DistinctiveTerm, ...]
    config: AnalysisConfig
    packs: tuple[PackChoice, ...] = ()  # every lexicon offered, chosen or not, and why
    alignment: AlignmentReport | None = None  # shared copy and edits (None when not aligned)
    quotes: tuple[Quote, ...] = ()  # quotations and attributed statements
    actions: tuple[Action, ...] = ()  # referents as agents or patients of verbs
    casualties: tuple[Casualty, ...] = ()  # wording that reports deaths or damage
    headline_voices: tuple[HeadlineVoice, ...] = ()  # who acts in each headline
    tones: tuple[ActorTone, ...] = ()  # loaded words aimed at each actor, per outlet
    questions: tuple[Question, ...] = ()  # for class: each a finding, a question, its evidence
    what_differs: tuple[int, ...] = ()  # the questions whose findings head the report
    glossary: tuple[GlossaryEntry, ...] = ()  # the ideas used, with examples from these articles
