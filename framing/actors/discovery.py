"""Find an event's actors in the articles themselves, with the labels each outlet uses for them.

No lexicon names this week's actors, so framing discovers them:

1. **Names**: runs of capitalised words of the article's text layer ("Kim Jong Un", "Syrian
   Observatory for Human Rights") that the tagger confirms (a word of the run tagged a proper
   noun, or an acronym: "DNC", "F.B.I."), with honorifics and titles split off ("Mr. Kim",
   "CIA Director Mike Pompeo" -> title "CIA Director", name "Mike Pompeo").
2. **Role phrases**: a role or person noun with its modifiers ("the North Korean leader", "the
   dictator", "the climber", "asylum-seekers").
3. **Grouping**: a name joins the longer name it is part of ("Kim" -> "Kim Jong Un",
   "Pompeo" -> "Mike Pompeo"), an acronym the name it abbreviates ("DNC" -> "Democratic
   National Committee"); a role phrase joins the name it stands next to in its own article
   ("North Korean dictator Kim Jong Un" makes "North Korean dictator" a label of Kim Jong Un),
   or, for one person ("the actress"), the one name the corpus ever puts that noun beside;
   else groups of people ("migrants", "rescuers") are a referent of their own. One unnamed
   person ("the climber", "an attorney") makes no row: a row "Attorney" or "Man" merged three
   attorneys, or a shooter with his victim, on events read by eye; nor do nouns for anyone
   ("people", "the family", "workers").

Precision comes first, since a reader who meets one absurd row stops trusting the rest:

- a capitalised word opening a sentence or quotation ("Just", "Remember") is a name only if it
  is written capitalised elsewhere mid-sentence or more name words follow it;
- titles and honorifics ("Mr.", "Rep.") are never a label; a one-word name ("Mr. Smith")
  goes to the Smith its own article names in full;
- who carries the news (agencies told something, outlets, platforms), places (after "in",
  "near", "-held", before "highway", "air base") and objects or works ("a Taser", "his Toyota
  Camry", "the Richter scale", "the Endangered Species Act") are no actors;
- a role joins a name only where its own article puts it beside that name (before it, or in
  apposition after it), never across punctuation, never in the plural; a one-person noun
  ("actress") also where that person is named and the corpus gives the noun to no one else,
  but "another actress" is someone else;
- group nouns that say no side ("forces", "fighters", "officials") make no row alone, and
  groups keep their side ("regime forces" and "rebel forces" stay apart).

The result is a set of Groups (``origin="discovered"``) whose terms are matched like lexicon
terms, so counting, evidence and rendering treat both alike; mentions.py then resolves them per
article. Names already covered by a lexicon are left to the lexicon. Pronouns are never
mentions here: they are no label. The word lists are data (framing/data/actors.toml).
Connotation is not guessed: a discovered label is "unrated" unless a cue list rates the same
word ("dictator").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.actors.words import (
    ADJECTIVE_ENDINGS,
    CALENDAR,
    CITIES,
    COLLECTIVES,
    COMPASS,
    CONNECTORS,
    DEMONYM_ENDINGS,
    DEMONYMS,
    DETERMINERS,
    GENERIC_GROUPS,
    GENERIC_PEOPLE,
    GROUP_NOUNS,
    HONORIFICS,
    IRREGULAR_PLURALS,
    LOCATIVES,
    MILITARY,
    MODIFIERS,
    NEWSPAPER_WORDS,
    NOT_ACTORS,
    OBJECT_DETERMINERS,
    PEOPLE,
    PERSON_NOUNS,
    PLACE_FIRST,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    ROLE_NOUNS,
    SIDES,
    THING_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    US_STATES,
    WORLD_REGIONS,
)
from framing.lexicon.matching import fold
from framing.model import Article, Connotation, Corpus, Group, Match, Term
from framing.slugs import slugify
from framing.text.tagger import lexicon as tagger_lexicon
from framing.text.tokens import Stretches, without_possessive

PARTY_STATE = re.compile(r"[rdi]-[a-z]+(?: [a-z]+)?")  # "R-Iowa", "D-N.Y.": a member's tag
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # name suffixes: another person
PARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|de|van|von)-[A-Z]")
# Tags of words that are never a name's first word, whatever their capital: verbs, adverbs,
# prepositions, pronouns ("Praising London", "Tonight ...").
NOT_NAME_TAGS = frozenset({
    "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "RBR", "RBS", "IN", "PRP", "PRP$", "MD",
    "CC", "WDT", "WP", "WRB", "UH", "EX", "TO",
})
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z.&]+(?:'s)?")  # "TDCJ", "F.B.I.", "NYPD's"
CONTRACTION = re.compile(r"'(?:m|re|ll|ve|d)$|n't$", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    """A word of the text layer as discovery reads it: a clitic joined to its word."""

    text: str  # as written, folded
    start: int
    end: int
    tag: str = ""  # Penn Treebank tag from the text layer

    @property
    def proper(self) -> bool:
        """Tagged a proper noun (NNP, NNPS)."""
        return self.tag in ("NNP", "NNPS")

    @property
    def cap(self) -> bool:
        """Written with a capital."""
        return self.text[:1].isupper()

    @cached_property
    def key(self) -> str:
        """Lowercase, without dots and possessive: the form compared across mentions (read
        millions of times on a large corpus, so kept once made)."""
        return without_possessive(self.text.lower()).replace(".", "")

    @property
    def capitalised(self) -> bool:
        """"Kim", and an Arabic or Dutch particle joined to a capital: "al-Issa", "van-Dam"."""
        return self.text[0].isupper() or PARTICLE_NAME.match(self.text) is not None


@dataclass(frozen=True)
class Mention:
    """A candidate mention: its words, where it is, and which part is a title or role."""

    article: str
    outlet: str
    start: int
    end: int
    name: tuple[str, ...]  # name keys ("kim", "jong", "un"); empty for a bare role phrase
    surface: str  # the name as written ("Kim Jong Un")
    role: str = ""  # title or role phrase as written ("North Korean dictator"), no determiner
    role_head: str = ""  # the role noun, singular ("dictator")
    located: bool = False  # right after "in", "near", "town of" ...: a place, not an actor
    thing: bool = False  # "a Taser", "his Toyota Camry", "the Richter scale": an object
    quoted: bool = False  # inside quotation marks: someone else's words, not a row's name
    apposition: str = ""  # a role phrase after the name: "Lohan, a 24-year-old actress,"
    name_start: int = -1  # where the name begins (after its title or role)


@dataclass
class Cluster:
    """Mentions grouped as one referent while discovering."""

    names: Counter[str] = field(default_factory=Counter)  # surface forms of the name
    unquoted: Counter[str] = field(default_factory=Counter)  # of those, outside quotations
    titled: int = 0  # name mentions with a title or role beside them: a person, not a place
    keys: set[tuple[str, ...]] = field(default_factory=set)
    roles: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    located: int = 0  # name mentions that read as places
    things: int = 0  # name mentions that read as objects or works

    @property
    def place(self) -> bool:
        """Named mostly after a locative preposition ("in Aleppo", "near Al-Hader"), or only
        by a big city's name ("Paris"), with no title beside it. A city standing for its team
        ("Philadelphia used a second-half surge") is lost with it: a row "Vancouver" in a
        shooting story costs more than a missing one in a basketball story."""
        named = sum(self.names.values())
        city = all(" ".join(key) in CITIES for key in self.keys)  # "Paris", "New York City"
        return named > 0 and (self.located * 2 >= named or city) and not self.titled

    @property
    def person(self) -> bool:
        """Named with a title ("President Trump"), or by a full name whose last word is also
        used alone ("Donald Trump" ... "Trump"): a person, not an organisation."""
        singles = {key[0] for key in self.keys if len(key) == 1}
        return bool(self.titled) or any(len(k) > 1 and k[-1] in singles for k in self.keys)

    @property
    def thing(self) -> bool:
        """Named mostly as an object ("a Taser", "an SUV", "the Richter scale")."""
        named = sum(self.names.values())
        return named > 0 and self.things * 2 >= named and not self.titled


def _tokens(article: Article, index: int) -> list[Token]:
    """The word tokens of sentence ``index`` from the article's text layer, each with its tag;
    a clitic joins the word it was split from ("Assad's", "didn't"), as a reader writes them,
    and punctuation is left out (discovery reads it from the gaps between words)."""
    tokens: list[Token] = []
    for t in article.layer.sentence_tokens(index):
        if t.word:
            tokens.append(Token(t.text, t.start, t.end, t.tag))
        elif tokens and tokens[-1].end == t.start and t.text[:1] in "'n" and t.text != "'":
            last = tokens[-1]
            tokens[-1] = Token(last.text + t.text, last.start, t.end, last.tag)
    return tokens


def _title_case(tokens: Sequence[Token], in_title: bool) -> bool:
    """A headline in Title Case or in capitals ("SAG'S DARK CLOUD"): capitals there do not
    mark names."""
    words = [t for t in tokens if len(t.text) > 3]
    shouted = len(words) >= 2 and sum(t.text.isupper() for t in words) >= 0.7 * len(words)
    share, least = (0.7, 3) if in_title else (1.0, 6)
    return shouted or (
        len(words) >= least and sum(t.capitalised for t in words) >= share * len(words)
    )


def _plural(phrase: str) -> str:
    """'Syrian force' -> 'Syrian forces', 'witness' -> 'witnesses', 'family' -> 'families',
    'woman' -> 'women'."""
    *words, last = phrase.split(" ")
    irregular = {one: many for many, one in IRREGULAR_PLURALS.items()}.get(last.lower())
    if irregular:
        return " ".join([*words, last[0] + irregular[1:]])
    if phrase.endswith(("s", "x", "ch", "sh")):
        return phrase + "es"
    if phrase.endswith("y") and phrase[-2:-1] not in set("aeiou"):
        return phrase[:-1] + "ies"
    return phrase + "s"


def _singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _is_name_token(token: Token, starting: bool) -> bool:
    """A capitalised word that can be part of a name; a name does not start with a function
    word or a contraction ("The", "This", "We'll") nor with a month or weekday."""
    if not token.capitalised:
        return False
    key = token.key
    if key in CALENDAR or key == "i" or CONTRACTION.search(token.text):
        return False  # "Tonight I'm": a pronoun or contraction is never part of a name
    if not starting or "." in token.text[:-1]:  # inside a name, or an abbreviation: "U.S."
        return True
    return not (key in ENGLISH_STOP_WORDS or "'" in key)


def _split_title(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """('CIA', 'Director', 'Mike', 'Pompeo') -> title ['CIA', 'Director'], name ['Mike', ...].

    "Secretary of State Mike Pompeo": a connector after a title word takes the next word too.
    """
    last_title = -1
    i = 0
    while i < len(words) - 1:
        if words[i].key in TITLE_WORDS or words[i].key in HONORIFICS:
            last_title = i
            if words[i + 1].key in CONNECTORS and i + 2 < len(words) - 1:
                last_title = i = i + 2
        i += 1
    name = words[last_title + 1 :]
    while name and name[0].key in CONNECTORS:
        name = name[1:]
    while name and (name[-1].key in TITLE_WORDS or name[-1].key in HONORIFICS):
        name = name[:-1]  # "Alaska Gov." cut off by a sentence break: the name is "Alaska"
    return words[: last_title + 1], name


def _acronym(words: Sequence[str]) -> str:
    """Initials of the capitalised words: ('democratic', 'national', 'committee') -> 'dnc'."""
    return "".join(w[0] for w in words if w not in CONNECTORS)


def _located(tokens: list[Token], first: int, after: int) -> bool:
    """A place: "in Aleppo", "Idlib Province", "the Aleppo-Damascus highway", a US state, a
    region of the world or a member's party-state tag ("Iowa", "the Middle East", "R-Iowa")."""
    before = _singular(tokens[first - 1].key) if first > 0 else ""
    if before in {"and", "or"}:  # "the towns of Kefraya and al-Foua": both are places
        j = first - 2
        while j > 0 and tokens[j].capitalised:
            j -= 1
        before = _singular(tokens[j].key) if j >= 0 and j < first - 2 else before
    following = {_singular(t.key) for t in tokens[after : after + 2]}
    last = _singular(tokens[after - 1].key)
    name = " ".join(t.key for t in tokens[first:after])
    return (
        name in US_STATES or name in WORLD_REGIONS or PARTY_STATE.fullmatch(name) is not None
        or before in LOCATIVES or before.endswith(PLACE_PREFIXES)
        or tokens[first].key in PLACE_FIRST or bool(following & PLACE_NOUNS) or last in PLACE_NOUNS
    )


def _thing(tokens: list[Token], first: int, after: int, text: str) -> bool:
    """An object or a work rather than an actor: its name ends in a thing's noun ("Endangered
    Species Act") or is followed by one ("the Richter scale", "a Taser gun"), or it is the
    head after "a", "an" or a possessive pronoun ("a Taser", "his silver Toyota Camry"; no one
    writes "a Lohan"; in "his IBF title" the head is "title" and IBF may be an actor)."""
    nxt = tokens[after] if after < len(tokens) else None
    joined = nxt is not None and _adjacent(text, tokens[after - 1], nxt)
    if tokens[after - 1].key in THING_WORDS or (
        nxt and joined and not nxt.cap and _singular(nxt.key) in THING_WORDS
    ):
        return True
    if nxt and joined and nxt.tag.startswith("NN"):
        return False
    j = first - 1
    while j >= 0 and first - j <= 3 and not tokens[j].cap and (
        tokens[j].tag in ("JJ", "CD", "VBN") or tokens[j].key[:1].isdigit()
    ):
        j -= 1  # "his 2013 gray Toyota Camry"
    return j >= 0 and tokens[j].key in OBJECT_DETERMINERS and _adjacent(
        text, tokens[j], tokens[j + 1]
    )


def _demonym(token: Token) -> bool:
    """'Korean', 'Syrian', 'Chinese', 'British', 'Western', 'Israeli', 'Greek'."""
    return token.key.endswith(DEMONYM_ENDINGS) or token.key in DEMONYMS


def _modifier(run: list[Token], tokens: list[Token], text: str) -> bool:
    """'North Korean' in 'North Korean officials', 'Federal' in 'Federal prosecutors': a
    nationality, or an adjective in lower case (as the tagger's lexicon knows it) written with a
    capital, modifying a noun: not a name."""
    adjective = len(run) == 1 and tagger_lexicon().get(run[0].key) == "JJ"
    if not (_demonym(run[-1]) or adjective) or run[-1].text.isupper():
        return False  # "Elizabeth II", "ISI", "Lohan" are names
    if len(run) > 1 and run[0].key not in COMPASS:
        return False  # "Nicolas Sebastian said" is a person; "North Korean officials" are not
    after = tokens.index(run[-1]) + 1
    return after < len(tokens) and not tokens[after].capitalised and (
        text[run[-1].end : tokens[after].start].strip() == ""
    )


def _name_runs(tokens: list[Token], text: str) -> list[list[Token]]:
    """Maximal runs of name tokens, connectors allowed inside, within one sentence."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for i, token in enumerate(tokens):
        joined = bool(run) and text[run[-1].end : token.start].strip() == ""
        joined = joined and not run[-1].text.endswith(("'s", "'"))  # "China's Xi": two names
        if joined and _is_name_token(token, False):
            run.append(token)
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if joined and token.key in CONNECTORS and nxt and _is_name_token(nxt, False):
            run.append(token)
            continue
        if run:
            runs.append(run)
        run = [token] if _is_name_token(token, True) else []
    if run:
        runs.append(run)
    trimmed = [r[:-1] if r[-1].key in CONNECTORS else r for r in runs]
    return [r for r in trimmed if r and _tagged_name(r)]  # "city of Van.": no run "Van of"


def _tagged_name(run: Sequence[Token]) -> bool:
    """Capitals find a run, the tagger confirms it: one of its words is tagged a proper noun,
    or is an acronym ("DWI", "NYPD", which the tagger often reads otherwise). Capitals alone
    or tags alone did worse on the tune events (benchmarks/evaluate.py): tags alone lose names
    the tagger misreads ("Mo Cheeks"), capitals alone keep "Look" and "Club"."""
    return any(t.proper or (t.text.isupper() and len(t.text) > 1) for t in run)


def _role_of_name(tokens: list[Token], first: int, text: str) -> list[Token]:
    """The role phrase standing right before a name ("North Korean dictator Kim"); a plural
    role ("leaders Kim and Trump") or one across punctuation is nobody's label."""
    if first == 0 or not _adjacent(text, tokens[first - 1], tokens[first]):
        return []
    noun = tokens[first - 1].key
    if noun != _singular(noun) or noun in TITLE_ABBREVIATIONS:
        return []
    return _role_before(tokens, first, text)


def _apposition(tokens: list[Token], after: int, text: str) -> list[Token]:
    """The role phrase in apposition right after a name ending before tokens[after]:
    "Lindsay Lohan, the actress," -> [actress]; "Smith, a longtime aide" -> [longtime, aide]."""
    if after >= len(tokens) or text[tokens[after - 1].end : tokens[after].start].strip() != ",":
        return []
    j = after + (tokens[after].key in {"a", "an", "the"})
    for k in range(j, min(j + 5, len(tokens))):
        token = tokens[k]
        gap = text[tokens[k - 1].end : token.start].strip()
        if token.capitalised or (k > j and gap not in {"", "-"}):
            return []  # "a 24-year-old actress" holds hyphens; a comma ends the phrase
        if token.key in ENGLISH_STOP_WORDS:
            return []  # "the Units, and rebel groups": a list, not an apposition
        if _singular(token.key) in ROLE_NOUNS:
            if token.key != _singular(token.key):
                return []  # "Smith, the leaders ..." is no apposition of one person
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt and _adjacent(text, token, nxt):
                return []  # the phrase goes on: "her longtime lawyer Shawn Holley" is Holley's
                # title, "a rebel commander" is a commander
            return _role_before(tokens, k + 1, text)
    return []


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Only spaces between two tokens: no comma, dash, quotation mark or bracket."""
    return text[left.end : right.start].strip() == ""


def _side_word(key: str) -> bool:
    """A noun or compound that says whose a group is: "regime forces", "rebel fighters",
    "pro-government militias", "Iranian-backed troops"."""
    return (
        key in PEOPLE or key in SIDES or key.startswith(("pro-", "anti-"))
        or key.endswith(("-backed", "-led", "-allied", "-aligned", "-linked"))
    )


def _role_before(tokens: list[Token], index: int, text: str) -> list[Token]:
    """Modifiers and a role noun ending just before tokens[index] ("North Korean dictator")."""
    if index == 0 or _singular(tokens[index - 1].key) not in PEOPLE:
        return []
    start = index - 1
    while start > 0 and index - start < 5:
        prev = tokens[start - 1]
        if not _adjacent(text, prev, tokens[start]):
            break  # never across punctuation: "Texas, Republican leader" is two phrases
        if prev.key in DETERMINERS or prev.key in ENGLISH_STOP_WORDS or prev.text.endswith("'s"):
            break  # "Trump's critics" are not Trump: a possessor is no modifier
        if prev.key in CALENDAR or not (
            prev.capitalised or prev.key in MODIFIERS or prev.key.endswith(ADJECTIVE_ENDINGS)
            or _side_word(prev.key)
        ):
            break
        start -= 1
    return tokens[start:index]


def _opens_clause(tokens: Sequence[Token], i: int, text: str) -> bool:
    """The first word of a sentence or of a quotation ("He said: \"Look ..."): capitalised
    there whatever it is."""
    if i == 0:
        return True
    gap = text[tokens[i - 1].end : tokens[i].start]
    return any(c in gap for c in "\":;.!?(")


@dataclass(frozen=True)
class Known:
    """What the whole corpus tells about single words: which are names, which are not actors."""

    names: frozenset[str] = frozenset()
    not_actors: frozenset[str] = NOT_ACTORS
    lower: frozenset[str] = frozenset()  # words also written in lower case


def _words_seen(articles: Sequence[Article], texts: dict[str, str]) -> Known:
    """Words written capitalised somewhere no sentence or quotation starts (the evidence that
    a sentence-initial "Kim" is a name and "Just" or "Remember" an ordinary word), and words
    written in lower case."""
    seen: set[str] = set()
    lower: set[str] = set()
    for article in articles:
        text = texts[article.id]
        for i, s in enumerate(article.sentences):
            tokens = _tokens(article, i)
            if _title_case(tokens, s.in_title):
                continue
            seen.update(
                t.key for i, t in enumerate(tokens)
                if t.capitalised and not _opens_clause(tokens, i, text)
            )
            lower.update(t.key for t in tokens if not t.capitalised)
    return Known(names=frozenset(seen), lower=frozenset(lower))


def _ordinary_opener(token: Token, opens: bool, ctx: Known) -> bool:
    """A sentence's first word that is capitalised only for standing first: never capitalised
    elsewhere, and written in lower case elsewhere or shaped like a verb or adverb."""
    key = token.key
    if not opens or key in ctx.names or key in TITLE_WORDS or key in HONORIFICS:
        return False
    return key in ctx.lower or key.endswith(("ing", "ly", "ed")) or token.tag in NOT_NAME_TAGS


def _is_actor_name(
    run: list[Token], name: list[Token], opens: bool, ctx: Known
) -> bool:
    """Not a capitalised ordinary word opening a sentence ("Just", "Remember", "Depending"),
    and not who carries the news (an agency, outlet or platform)."""
    if len(run) == 1 and opens and run[0].key not in ctx.names and not (
        run[0].proper and run[0].key not in ctx.lower
    ):
        return False  # a lone capital opening a sentence: a name if tagged one, never lower
    words = " ".join(t.key for t in name)
    if len(name) > 1 and name[-1].key in NEWSPAPER_WORDS:
        return False  # "the Anchorage Daily News", "the Sunday Times": an outlet
    return words not in ctx.not_actors and words.removeprefix("the ") not in ctx.not_actors


def _quoted(text: str, sentence_start: int, at: int) -> bool:
    """Inside quotation marks: an odd number of them opened earlier in the sentence."""
    return text.count('"', sentence_start, at) % 2 == 1


def sentence_mentions(
    article: Article, index: int, text: str, known: Known | None = None
) -> list[Mention]:
    """Name and role-phrase mentions in one sentence of an article (``text`` is folded)."""
    ctx = known or Known()
    s = article.sentences[index]
    tokens = _tokens(article, index)
    position = {t.start: i for i, t in enumerate(tokens)}
    mentions: list[Mention] = []
    used: set[int] = set()
    runs = [] if _title_case(tokens, s.in_title) else _name_runs(tokens, text)
    starts_with_role = runs and len(runs[0]) == 1 and runs[0][0] is tokens[0]
    if starts_with_role and _singular(tokens[0].key) in ROLE_NOUNS:
        runs = runs[1:]  # "Migrants waited": a role, not a name
    for run in runs:
        first = position[run[0].start]
        if len(run) > 1 and _ordinary_opener(run[0], _opens_clause(tokens, first, text), ctx):
            run, first = run[1:], first + 1  # "Praising London": the name is "London"
        title, name = _split_title(run)
        title = [t for t in title if t.key not in HONORIFICS | TITLE_ABBREVIATIONS]
        role = title or _role_of_name(tokens, first, text)
        if not name or all(t.key in TITLE_WORDS | HONORIFICS for t in name):
            continue
        if any(t.text.isupper() and t.key in ENGLISH_STOP_WORDS for t in name):
            continue  # "PEOPLE HAVE DIED IN A BLAZE": a shouted lead, not a name
        opens = _opens_clause(tokens, first, text)
        if _modifier(run, tokens, text) or not _is_actor_name(run, name, opens, ctx):
            continue
        span_start = role[0].start if role else name[0].start
        appositive = _apposition(tokens, first + len(run), text)
        used.update(position[t.start] for t in appositive)
        mentions.append(Mention(
            article=article.id, outlet=article.outlet, start=span_start, end=name[-1].end,
            name=tuple(w for t in name for w in t.key.split("-") if w),  # al-Issa = al Issa
            surface=without_possessive(text[name[0].start : name[-1].end]),
            role=text[role[0].start : role[-1].end] if role else "",
            role_head=_singular(role[-1].key) if role else "",
            located=not role and _located(tokens, first, first + len(run)),
            thing=not role and _thing(tokens, first, first + len(run), text),
            quoted=_quoted(text, s.start, name[0].start),
            apposition=text[appositive[0].start : appositive[-1].end] if appositive else "",
            name_start=name[0].start,
        ))
        used.update(range(first - len(role) if not title else first, first + len(run)))
    for i, token in enumerate(tokens):
        head = _singular(token.key)
        if i in used or head not in PEOPLE or (token.capitalised and i > 0):
            continue
        if head != token.key and head not in GROUP_NOUNS | PERSON_NOUNS:
            continue  # "the two leaders": several people, not one actor's label
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt and _singular(nxt.key) in PEOPLE and _adjacent(text, token, nxt):
            continue  # "rebel groups": the head is "groups", "rebel" modifies it
        role = _role_before(tokens, i + 1, text)
        written = without_possessive(text[role[0].start : token.end])  # "the president's"
        mentions.append(Mention(
            article=article.id, outlet=article.outlet, start=role[0].start, end=token.end,
            name=(), surface="", role=written, role_head=head,
            quoted=_quoted(text, s.start, role[0].start),
        ))
    return mentions


def _cluster_names(mentions: Sequence[Mention]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Map each name key to the key of the referent it belongs to.

    Multi-word names that contain one another are one referent ("Shinzo Abe", "Shinzo Abe of
    Japan"), named by the most frequent. A one-word name joins the most frequent referent
    whose full name ends (else begins) with it ("Pompeo", "Kim"), or the name it abbreviates.
    """
    keys = Counter(m.name for m in mentions if m.name)
    located = Counter(m.name for m in mentions if m.name and m.located)
    full = sorted((k for k in keys if len(k) > 1), key=lambda k: (-keys[k], -len(k), k))
    rank = {k: i for i, k in enumerate(full)}
    having = _names_by_word(full)  # only names that share a word can contain one another
    owner: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in full:
        near = sorted({o for w in key for o in having[w]}, key=rank.__getitem__)
        bigger = [o for o in near if o != key and (_contains(o, key) or _contains(key, o))
                  and _generation(o) == _generation(key)]  # "Donald Trump Jr." is his son
        known = [owner[o] for o in bigger if o in owner]
        owner[key] = known[0] if known else key
    weight: Counter[tuple[str, ...]] = Counter()
    for key in full:
        weight[owner[key]] += keys[key]
    acronyms = {_acronym(k): owner[k] for k in full}
    having = _names_by_word([k for k in full if not _generation(k)])  # "Trump" is no Jr.
    for key in sorted(k for k in keys if len(k) == 1):
        word = key[0]
        if located[key] >= 2 and 2 * located[key] >= keys[key]:
            owner[key] = key  # "in Surrey" is the county, not Surrey Police
            continue
        holding = having.get(word, [])
        by_last = {owner[k] for k in holding if _ends_with(k, word)}
        by_first = {
            owner[k] for k in holding
            if k[0] == word and (len(k) > 2 or keys[key] < 3 * weight[owner[k]])
        }  # "Kim" is Kim Jong Un's, but "Microsoft" named 20 times is not "Microsoft Word"
        inside = {owner[k] for k in holding if not _after_of(k, word)}
        candidates = by_last or by_first or (inside if len(inside) == 1 else set())
        if candidates:
            owner[key] = max(candidates, key=lambda k: (weight[k], k))
        elif len(word) >= 2 and word in acronyms:
            owner[key] = acronyms[word]
        else:
            owner[key] = key
    return owner


def _names_by_word(names: Sequence[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Each word with the names holding it, in the order given."""
    having: defaultdict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in names:
        for word in dict.fromkeys(name):
            having[word].append(name)
    return having


def _generation(name: tuple[str, ...]) -> str:
    """'jr' for 'Donald Trump Jr.': a father and his son share every other word of the name,
    so names that differ in it are two people, and a surname alone is not the son's."""
    return name[-1] if len(name) > 1 and name[-1] in GENERATIONS else ""


def _after_of(name: tuple[str, ...], word: str) -> bool:
    """'Greece' in 'Communist Party of Greece' names what the party is of."""
    return any(a in {"of", "for"} and b == word for a, b in pairwise(name))


def _ends_with(name: tuple[str, ...], word: str) -> bool:
    """'Smith' ends 'John Smith', but 'Greece' does not end 'Communist Party of Greece': after
    "of" or "for" comes what the name is of, not the name."""
    return name[-1] == word and (len(name) < 2 or name[-2] not in {"of", "for"})


def _local_owners(
    mentions: Sequence[Mention], owner: dict[tuple[str, ...], tuple[str, ...]]
) -> dict[tuple[str, tuple[str, ...]], tuple[str, ...]]:
    """A one-word name ("Smith", "Mr. Smith") per article: the referent whose full name that
    article gives (ending with the word), the most named there; else the
    corpus-wide owner only when one referent fitting it is named far more than any other."""
    named: defaultdict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    weight: Counter[tuple[str, ...]] = Counter()
    for m in mentions:
        if len(m.name) > 1:
            named[m.article][m.name] += 1
            weight[owner[m.name]] += 1
    full = {k for k in owner if len(k) > 1}
    local: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
    for m in mentions:
        if len(m.name) != 1 or (m.article, m.name) in local:
            continue
        word = m.name[0]
        here = named[m.article]
        fits = [k for k in here if _ends_with(k, word)]
        if fits:
            local[(m.article, m.name)] = owner[max(fits, key=lambda k: (here[k], k))]
            continue
        ending = {owner[k] for k in full if _ends_with(k, word)}
        starting = {owner[k] for k in full if k[0] == word}
        anywhere = sorted(ending or starting, key=lambda k: -weight[k])
        if len(anywhere) > 1 and weight[anywhere[0]] < 3 * weight[anywhere[1]]:
            local[(m.article, m.name)] = m.name  # "Mr. Smith" of which Smith: its own row
    return local


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when the shorter name's words appear in order in the longer one."""
    it = iter(longer)
    return all(word in it for word in shorter)


def discover(
    corpus: Corpus,
    lexicon_matches: Sequence[Match],
    min_mentions: int = 2,
) -> tuple[Group, ...]:
    """The event's referents found in the text, each with its labels as terms."""
    covered = _covered(lexicon_matches)
    texts = {a.id: a.layer.folded for a in corpus.articles}
    outlets = frozenset(_key_of(o.name) for o in corpus.outlets)
    known = replace(_words_seen(corpus.articles, texts), not_actors=NOT_ACTORS | outlets)
    mentions: list[Mention] = []
    for article in corpus.articles:
        for i in range(len(article.sentences)):
            for m in sentence_mentions(article, i, texts[article.id], known):
                found = _uncovered(m, covered.get(m.article, Stretches()), texts[article.id])
                if found is not None:
                    mentions.append(found)
    owner = _cluster_names(mentions)
    local = _local_owners(mentions, owner)
    clusters: defaultdict[tuple[str, ...], Cluster] = defaultdict(Cluster)
    role_owner: defaultdict[tuple[str, str], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for m in mentions:
        if m.name:
            key = local.get((m.article, m.name)) or owner[m.name]
            cluster = clusters[key]
            cluster.names[m.surface] += 1
            cluster.unquoted[m.surface] += not m.quoted
            cluster.keys.add(m.name)
            cluster.mentions += 1
            cluster.located += m.located
            cluster.things += m.thing
            cluster.titled += bool(m.role)  # a title before a name marks a person
            for role in filter(None, (m.role, m.apposition)):
                cluster.roles[role] += 1
                role_owner[(m.article, role.lower())][key] += 1
    for m in mentions:
        if not m.name:
            member = _member_of(m, owner)
            if member is not None and (
                clusters[member].place or clusters[member].person or not _many(m)
                or not _named_by(m, member, owner)
            ):
                member = None  # "a Brooklyn teen" is no member of Brooklyn, nor "Trump
                # supporters" Trump, nor "an NBA coach" the NBA: only a group's members, as
                # a group, stand for it ("Hezbollah fighters", "TDCJ officials")
            target = member or _role_target(m, role_owner)
            if target is None and m.role_head in GENERIC_PEOPLE:
                continue  # "a man", "people": anyone; no row of their own
            if target is None and _many(m) and m.role_head in GROUP_NOUNS | PERSON_NOUNS:
                target = _group_key(m)  # "rescuers", "the robbers"
            if target is not None:
                clusters[target].roles[m.role] += 1
                clusters[target].mentions += 1
    kept = [
        (key, cluster)
        for key, cluster in sorted(clusters.items(), key=lambda kv: (-kv[1].mentions, kv[0]))
        if cluster.mentions >= min_mentions and not cluster.place and not cluster.thing
    ]
    rated = {
        " ".join(fold(m.text).lower().split()): m.connotation
        for m in lexicon_matches if m.kind == "cue" and m.connotation != "unrated"
    }
    return _merge_same_names(
        [(_group(key, cluster, rated), cluster.mentions) for key, cluster in kept]
    )


def _merge_same_names(groups: list[tuple[Group, int]]) -> tuple[Group, ...]:
    """Clusters that end up with the same name (so the same id) are one referent to a reader:
    the first, most mentioned, takes the others' labels and mentions."""
    merged: dict[str, tuple[Group, int]] = {}
    for group, mentions in groups:
        if group.id not in merged:
            merged[group.id] = (group, mentions)
            continue
        first, before = merged[group.id]
        known = {t.phrase.casefold() for t in first.terms}
        extra = tuple(t for t in group.terms if t.phrase.casefold() not in known)
        merged[group.id] = (replace(first, terms=first.terms + extra), before + mentions)
    return tuple(
        replace(g, description=_described(n)) for g, n in merged.values()
    )


def _described(mentions: int) -> str:
    return f"Discovered in the articles: {mentions} mentions."


def _key_of(name: str) -> str:
    """An outlet's name as name keys are written: "TRT World" -> "trt world"."""
    return " ".join(without_possessive(w.lower()).replace(".", "") for w in name.split())


def _modifiers(mention: Mention) -> list[str]:
    return [without_possessive(w.lower()) for w in mention.role.split()[:-1]]


def _member_of(
    mention: Mention, owner: dict[tuple[str, ...], tuple[str, ...]]
) -> tuple[str, ...] | None:
    """'Lebanese Hezbollah fighters' belongs to Hezbollah: a known name among the modifiers."""
    for word in reversed(_modifiers(mention)):
        if (word,) in owner:
            return owner[(word,)]
    return None


def _named_by(
    mention: Mention, key: tuple[str, ...], owner: dict[tuple[str, ...], tuple[str, ...]]
) -> bool:
    """The group's own name stands among the mention's modifiers: its one-word name
    ("Hezbollah fighters"), its acronym ("TDCJ officials"), or the start of its name with its
    own noun ("Staunton police" of the Staunton Police Department); not a word the name merely
    starts with ("Greek youths" are no members of the Greek Socialist Workers Party)."""
    written = mention.role.split()[:-1]
    for word, as_written in zip(_modifiers(mention), written, strict=True):
        if owner.get((word,)) != key:
            continue
        if key == (word,) or _ACRONYM_WORD.fullmatch(as_written) or (
            key[0] == word and mention.role_head in key
        ):
            return True
    return False


def _many(mention: Mention) -> bool:
    """A group of people: a plural ("prosecutors") or a collective noun ("police", "the
    caravan"); one "prosecutor" is one person, not the prosecutors' row."""
    last = mention.role.split()[-1].lower() if mention.role else ""
    return last != mention.role_head or mention.role_head in COLLECTIVES


def _group_key(mention: Mention) -> tuple[str, ...] | None:
    """A group of people named by role: 'Syrian troops' and 'Syrian army' are one (Syrian
    forces), 'Iranian troops' another; 'protesters' its own. A noun that names no side
    ('forces', 'fighters', 'officials') needs a modifier that does, and different modifiers
    stay apart: 'regime forces' and 'rebel fighters' are never one row."""
    head = "force" if mention.role_head in MILITARY else mention.role_head
    words = [w for w in _modifiers(mention) if w not in DETERMINERS]
    noun = _singular(words[-1]) if words else ""
    if head in GENERIC_GROUPS and noun in GROUP_NOUNS and noun not in GENERIC_GROUPS:
        return ("~" + noun,)  # "rebel forces", "rebel groups" are the rebels
    nationality = [w for w in words if w.endswith(("an", "ese", "ish", "i")) or w in DEMONYMS]
    capitalised = {w.lower() for w in mention.role.split()[:-1] if w[:1].isupper()}
    sides = [w for w in words if _side_word(w) or w in capitalised]
    side = nationality[-1:] or sides[-1:] or words[-1:]
    if head in GENERIC_GROUPS and not (nationality or sides):
        return None  # "current groups", "armed men": no side named
    return ("~" + " ".join([*side, head]),)


def _role_target(
    mention: Mention, role_owner: dict[tuple[str, str], Counter[tuple[str, ...]]]
) -> tuple[str, ...] | None:
    """The name a bare role phrase stands for, when its own article says so: there the same
    phrase (else one with the same role noun) stands beside that name. Failing that, a
    one-person role noun ("actress", "climber") that the corpus puts beside exactly one name,
    and never beside another: "the actress" is Lohan in every article when "actress Lindsay
    Lohan" is written once and no other actress is named. A group noun ("the caravan") is
    never given to a person on another article's word."""
    owners = role_owner.get((mention.article, mention.role.lower()))
    if not owners:
        owners = _holders(mention, role_owner, mention.article)
    if not owners and mention.role_head in PERSON_NOUNS and mention.role_head not in GROUP_NOUNS:
        owners = _holders(mention, role_owner, None)
        if len(owners) > 1:
            return None
    ranked = owners.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _holders(
    mention: Mention, role_owner: dict[tuple[str, str], Counter[tuple[str, ...]]],
    article: str | None,
) -> Counter[tuple[str, ...]]:
    """Who the role noun of a mention stands beside, in one article or (None) in all."""
    found: Counter[tuple[str, ...]] = Counter()
    for (where, role), counter in role_owner.items():
        if article in (None, where) and _singular(role.split()[-1]) == mention.role_head:
            found.update(counter)
    return found


def _covered(matches: Sequence[Match]) -> dict[str, Stretches]:
    spans: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in matches:
        if m.kind == "referent":
            spans[m.article].append((m.start, m.end))
    return {article: Stretches.of(found) for article, found in spans.items()}


def _uncovered(m: Mention, cover: Stretches, text: str) -> Mention | None:
    """The mention where no lexicon match covers it. When a lexicon covers only the start of
    a title ("Syrian regime" in "Syrian regime leader Bashar al Assad"), the rest of the title
    ("leader") stays the name's label; a covered name is left to the lexicon."""
    if not cover.overlaps(m.start, m.end):
        return m
    if not m.name or m.name_start <= m.start or cover.overlaps(m.name_start, m.end):
        return None
    cut = cover.ends[cover.last_before(m.name_start)]  # where the lexicon's words stop
    role = text[cut : m.name_start].strip()
    if not role or _singular(role.split()[-1].lower()) not in PEOPLE:
        return replace(m, start=m.name_start, role="", role_head="")
    return replace(m, start=m.name_start - len(text[cut : m.name_start].lstrip()), role=role)


def _group(
    key: tuple[str, ...], cluster: Cluster, rated: Mapping[str, Connotation] | None = None
) -> Group:
    """A discovered referent: named by its most used full name, its forms and roles as terms."""
    if cluster.names:
        top = max(cluster.names.values())
        name = max(cluster.names, key=lambda n: (
            cluster.unquoted[n] > 0,
            len(n.split()) > 1 and (cluster.names[n] >= 2 or top < 5),
            cluster.names[n], -len(n), n,
        ))  # a full name once seen beats its surname, not "War-Zone Athens" once vs "Athens" 38
        # times; on a tie the shorter: "Johnny Carson", not "Channel Johnny Carson"
    else:
        plain = key[0].lstrip("~")
        collective = plain.split()[-1] in {"police", "military", "army", "caravan", "staff"}
        name = plain.capitalize() if collective else _plural(plain.capitalize())
    forms: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for phrase, count in (*cluster.names.items(), *cluster.roles.items()):
        forms[" ".join(phrase.lower().split())][phrase] += count
    terms = []
    for folded in sorted(forms):
        variants = forms[folded]
        phrase = max(variants, key=lambda v: (variants[v], v))
        is_name = all(v in cluster.names and v[0].isupper() for v in variants)
        rating = (rated or {}).get(folded, "unrated")  # "dictator": a cue list rates it
        terms.append(Term(
            phrase=phrase, connotation=rating, origin="discovered",
            note="Found in these articles; no lexicon rates this label." if rating == "unrated"
            else "Found in these articles; rated as the cue lists rate this word.",
            case_sensitive=is_name,
        ))
    return Group(
        id=f"d-{slugify(name, 'referent')}", name=name, kind="referent", origin="discovered",
        lexicon="",
        description=_described(cluster.mentions),
        terms=tuple(terms),
    )
