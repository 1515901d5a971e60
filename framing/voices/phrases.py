"""Speaker phrases: who a speech verb's subject is, the noun phrase before or after a verb, the
apposition that describes a speaker, and the proper name in a phrase.

``Found`` is what the attribution rules return: the speaker's span, its role (the apposition
or title describing it, "" when none) and the verb's span.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.text.tokens import Span, Tok, tokens, trim_end, without_possessive
from framing.voices.speech_words import (
    ADVERBS,
    AUX,
    BE,
    DETERMINERS,
    LEADING,
    LINKS,
    NOUN_LIKE,
    PARTICLES,
    PARTY,
    PERSON_ROLES,
    PRONOUNS,
    SOURCE_NOUNS,
    SPEECH_FORMS,
    STOP,
    TIME_WORDS,
    speech_at,
)

Found = tuple[Span, str, Span]  # speaker span, role, verb span


def verb_subject(text: str, toks: list[Tok], i: int, verb: Span) -> Found | None:
    """Who says the verb at toks[i]: a participle's clause subject, else the subject before."""
    head = toks[:i]
    if toks[i].low.endswith("ing"):
        if head and head[-1].low in {"for", "of", "by", "without", "after", "before"}:
            return None
        if not head or head[-1].text == "," or head[-1].low in ADVERBS | {"as", "while"}:
            return _participle_subject(text, head, verb)
    found = subject_before(text, head, verb[0])
    return (found[0], found[1], verb) if found else None


def _participle_subject(text: str, head: list[Tok], verb: Span) -> Found | None:
    """'Halabi said, pointing out "…"': the subject of the clause's finite speech verb, else
    the name that opens the sentence ('Bloomberg contrasted …, saying "…"')."""
    for i, tok in enumerate(head):
        found = speech_at(text, tok.start, head[-1].end)
        if found and not tok.cap and not tok.low.endswith("ing"):
            subject = subject_before(text, head[:i], tok.start)
            if subject:
                return subject[0], subject[1], verb
    opening = _opening_name(head)
    return (opening, "", verb) if opening else None


def _opening_name(toks: Sequence[Tok]) -> Span | None:
    """A pronoun or capitalised name that opens a clause (after 'But', 'On Monday,' …)."""
    i = 0
    while i < len(toks) and (toks[i].key in LEADING or toks[i].text == "," or (
        without_possessive(toks[i].key) in TIME_WORDS
    )):
        i += 1
    if i < len(toks) and toks[i].low in PRONOUNS - {"who"}:
        return toks[i].start, toks[i].end
    name = [t for t in toks[i:i + 6]]
    end = 0
    while end < len(name) and name[end].word and (name[end].cap or (
        name[end].low in PARTICLES and end + 1 < len(name) and name[end + 1].cap
    )):
        end += 1
    if end == 0 or name[0].key in DETERMINERS:
        return None
    return name[0].start, name[end - 1].end


def subject_before(
    text: str, head: list[Tok], verb_start: int, from_start: bool = False
) -> tuple[Span, str] | None:
    """The speaker before a verb: a pronoun, a noun phrase, or 'Name, apposition,'.

    ``from_start``: the speaker opens ``head`` (the words after a quote), so an apposition is
    everything between its first comma and the verb.
    """
    toks = [t for t in head if t.end <= verb_start]
    if toks and toks[-1].text == ")":  # 'Sen. Patrick Leahy (D-Vt.) called'
        opening = max((i for i, t in enumerate(toks) if t.text == "("), default=-1)
        toks = toks[:opening] if opening > 0 else toks
    while toks and (toks[-1].key in AUX - {"to"} or toks[-1].key in ADVERBS or (
        toks[-1].low.endswith("ly") and not toks[-1].cap and len(toks) > 1
    ) or toks[-1].key in TIME_WORDS or (toks[-1].low == "on" and len(toks) < len(head))):
        toks = toks[:-1]
    if not toks or toks[-1].key in BE or toks[-1].low == "to":
        return None
    last = toks[-1]
    if last.low in PRONOUNS:
        return (last.start, last.end), ""
    if last.text == ",":
        return _apposed_subject(text, toks, from_start)
    span = np_before(toks)
    return (span, "") if span else None


def _apposed_subject(text: str, toks: list[Tok], from_start: bool) -> tuple[Span, str] | None:
    """'Rami Abdulrahman, the head of the Observatory…, said': the named phrase that opens the
    comma-separated run before the verb, and the rest as its role."""
    chunks: list[list[Tok]] = [[]]
    for tok in toks[:-1]:
        if tok.text == ",":
            chunks.append([])
        else:
            chunks[-1].append(tok)
    for n, chunk in enumerate(chunks[:-1] if not from_start else chunks[:1]):
        while chunk and chunk[0].key in LEADING:
            chunk = chunk[1:]
        span = np_before(chunk) if chunk else None
        if span is None or span[0] != chunk[0].start:
            continue
        phrase = text[span[0]:span[1]]
        if not (proper_name(phrase) or chunk[-1].key in SOURCE_NOUNS | PERSON_ROLES):
            continue
        rest = [t for c in chunks[n + 1:] for t in c]
        role = text[rest[0].start:rest[-1].end] if rest else ""
        return span, role
    return None


def np_before(toks: Sequence[Tok]) -> Span | None:
    """The noun phrase ending with the last token: names, nouns, modifiers, 'of'/'for' links."""
    i = len(toks) - 1
    if i < 0 or not _head_ok(toks[i]):
        return None
    first = i
    while i > 0 and first - i < 12:
        prev = toks[i - 1]
        if not prev.word:
            if prev.text == "." and i >= 2 and len(toks[i - 2].text) <= 3 and toks[i - 2].cap:
                i -= 1  # 'Paul D. Ryan' tokenised as 'D', '.'
                continue
            break
        if prev.key in DETERMINERS:
            first = i - 1
            link = toks[i - 2] if i >= 2 else None
            if link is not None and i >= 3 and toks[i - 3].word and (
                link.key in LINKS or (link.key == "to" and toks[i - 3].key == "close")
            ):
                i -= 2  # 'the head of the Observatory', 'a source close to the government'
                continue
            break
        if prev.key in LINKS or prev.key in PARTICLES or prev.key == "and" or (
            prev.key == "to" and i >= 2 and toks[i - 2].key == "close"
        ) or (prev.key == "on" and toks[i].key in {"ground", "the"}):
            left = toks[i - 2] if i >= 2 else None
            if left is None or not left.word or left.key in STOP:
                break
            if prev.key == "and" and not (left.cap and toks[i].cap):
                break
            if prev.key in PARTICLES and not toks[i].cap:
                break
            i -= 1
            continue
        if prev.key in STOP or prev.key in BE or prev.key in TIME_WORDS or (
            prev.key in SPEECH_FORMS and not prev.cap
        ):
            break
        if prev.low.endswith("ed") and not prev.cap and "-" not in prev.low:
            break
        i -= 1
        first = i
    if first > 0 and toks[first - 1].key in AUX:
        return None  # 'could provide', 'to argue': a verb, not a subject
    return toks[first].start, toks[-1].end


def _head_ok(tok: Tok) -> bool:
    """The last word of a speaker phrase: a noun or name, not a function word or a possessive."""
    return tok.word and tok.key not in STOP and tok.key not in DETERMINERS and (
        tok.key not in LINKS
    ) and not tok.low.endswith(("'s", "'")) and not (tok.low.endswith("ing") and not tok.cap)


def np_after(after: Sequence[Tok], relative_ends: bool = False) -> Span | None:
    """The noun phrase that starts the tokens: 'Yousef al-Issa', 'observers', 'the army'."""
    words: list[Tok] = []
    for i, tok in enumerate(after[:12]):
        if not tok.word:
            break
        key = tok.key
        nxt = after[i + 1] if i + 1 < len(after) else None
        if words and (key in LINKS or key in PARTICLES or key == "and"):
            if nxt and nxt.word and (nxt.cap or (nxt.key in DETERMINERS and key in LINKS)) and (
                not relative_ends or key in PARTICLES
            ):
                words.append(tok)
                continue
            break
        if key in DETERMINERS:
            if words and words[-1].key not in LINKS:
                break  # 'told Reuters the town was quiet'
            words.append(tok)
            continue
        if key in STOP or key in TIME_WORDS or (
            key in SPEECH_FORMS and not tok.cap and key not in NOUN_LIKE
        ):
            break
        words.append(tok)
    while words and (words[-1].key in LINKS or words[-1].key in DETERMINERS or (
        words[-1].key in PARTICLES
    )):
        words.pop()
    if not words:
        return None
    return words[0].start, words[-1].end


def apposition(text: str, speaker_end: int, toks: Sequence[Tok]) -> str:
    """', a field commander for Ahrar al-Sham, one of …' after a speaker, without '…, told X'."""
    rest = [t for t in toks if t.start >= speaker_end]
    if len(rest) < 2 or rest[0].text != ",":
        return ""
    end_tok = next((t for t in rest[1:] if t.text in ".;!?\"" or t.low in {"told", "said"}), None)
    end = end_tok.start if end_tok else rest[-1].end
    return text[rest[1].start:trim_end(text, rest[1].start, end)]


def proper_name(phrase: str, at_sentence_start: bool = False) -> str:
    """The proper name in a speaker phrase, titles off: 'Observatory chief Rami Abdel Rahman'
    -> 'Rami Abdel Rahman', 'Sen. Rand Paul' -> 'Rand Paul'; '' for 'a military source'.

    A nationality before a common noun ('Western officials') and a common word capitalised
    only because it starts the sentence ('Rebels', 'State television') are not names.
    """
    toks = [t for t in tokens(phrase, 0, len(phrase)) if t.word]
    runs: list[list[Tok]] = []
    run: list[Tok] = []
    for i, tok in enumerate(toks):
        starting = i == 0 and at_sentence_start
        common = tok.key in DETERMINERS or tok.key in SOURCE_NOUNS or tok.key in STOP
        capital = tok.cap and not (starting and common) and tok.key not in DETERMINERS
        linking = bool(run) and (tok.key in PARTICLES or tok.key in {"of", "for"}) and (
            i + 1 < len(toks) and toks[i + 1].cap
        )
        if capital or linking:
            run.append(tok)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    runs = [r for r in runs if not _modifier(r, toks) and r[-1].key not in PARTY | SOURCE_NOUNS]
    if not runs:
        return ""
    last = runs[-1]
    titles = [i for i, t in enumerate(last[:-1]) if t.key.split("-")[0] in PERSON_ROLES
              or t.key.endswith(("-based", "-run", "-backed", "-led", "-funded"))]
    if titles:
        last = last[titles[-1] + 1:]
    return without_possessive(phrase[last[0].start:last[-1].end])


def _modifier(run: list[Tok], toks: list[Tok]) -> bool:
    """One capitalised word before a common noun: 'Western officials', 'House speaker',
    "Trump's proposal" (a possessive before anything)."""
    index = toks.index(run[-1])
    follows = toks[index + 1] if index + 1 < len(toks) else None
    if follows is None:
        return False
    return run[-1].low.endswith(("'s", "'")) or (len(run) == 1 and not follows.cap)

