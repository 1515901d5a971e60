"""Load and validate lexicon files (TOML), collecting every problem with its file, entry and fix.

The format is documented in lexicons/README.md. Validation never stops at the first problem: a
teacher editing a file wants the whole list at once.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, cast

from framing.errors import LexiconError
from framing.model import (
    CONNOTATIONS,
    STRENGTHS,
    Connotation,
    Context,
    Group,
    GroupKind,
    Lexicon,
    SourceRef,
    Strength,
    Term,
)

FILE_KEYS = {"name", "description", "language", "scope", "sources", "referent", "cue"}
SCOPES = ("general", "domain")
SOURCE_KEYS = {"title", "url"}
GROUP_KEYS = {"id", "name", "description", "term"}
TERM_KEYS = {
    "phrase", "connotation", "strength", "note", "source", "variants", "case_sensitive",
    "inflect", "context",
}
CONTEXT_KEYS = {"require_near", "reject_before", "reject_after", "window"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WORD = re.compile(r"\w", re.UNICODE)


def bundled_lexicon_dir() -> Traversable:
    """The lexicons shipped inside the installed package."""
    return resources.files("framing") / "lexicons"


def bundled_lexicon_files() -> list[Traversable]:
    """The shipped lexicon files, sorted by name."""
    folder = bundled_lexicon_dir()
    return sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


BUNDLED = " (bundled)"  # how a shipped lexicon's label ends


def source_label(source: Path | Traversable) -> str:
    """How a lexicon file is named in messages and reports: bundled ones by name only, so a
    report does not depend on where framing is installed."""
    if isinstance(source, Path) and not _is_bundled(source):
        return str(source)
    return f"{source.name}{BUNDLED}"


def pack_name(lexicon: Lexicon) -> str:
    """The short name of a lexicon file, as --pack takes it: "syria" for syria.toml."""
    return Path(lexicon.path.removesuffix(BUNDLED)).stem


def is_bundled(lexicon: Lexicon) -> bool:
    """Whether the lexicon ships with framing (else the user gave it with --lexicon)."""
    return lexicon.path.endswith(BUNDLED)


def _is_bundled(path: Path) -> bool:
    folder = bundled_lexicon_dir()
    return isinstance(folder, Path) and path.resolve().parent == folder.resolve()


def unique_sources(sources: Iterable[Path | Traversable]) -> list[Path | Traversable]:
    """Drop a file given twice (say the bundled lexicons/ folder again), keeping the first."""
    seen: set[str] = set()
    kept: list[Path | Traversable] = []
    for source in sources:
        if isinstance(source, Path) and not _is_bundled(source):
            key = str(source.resolve())
        else:
            key = f"bundled:{source.name}"
        if key not in seen:
            seen.add(key)
            kept.append(source)
    return kept


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Folders become their *.toml files (sorted); files stay; a missing path is an error."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.toml"))
            if not found:
                raise LexiconError([f"{path}: no .toml lexicon files in this folder"])
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise LexiconError([f"{path}: no such file or folder; give a .toml file or a folder"])
    return files


def load_lexicons(sources: Sequence[Path | Traversable]) -> tuple[Lexicon, ...]:
    """Load several lexicon files; raise LexiconError listing every problem in all of them."""
    lexicons: list[Lexicon] = []
    problems: list[str] = []
    for source in sources:
        try:
            lexicons.append(load_lexicon(source))
        except LexiconError as err:
            problems.extend(err.problems)
    problems.extend(cross_file_problems(lexicons))
    if problems:
        raise LexiconError(problems)
    return tuple(lexicons)


def load_lexicon(source: Path | Traversable) -> Lexicon:
    """Parse and validate one lexicon file."""
    label = source_label(source)
    try:
        data = tomllib.loads(source.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise LexiconError([f"{label}: not UTF-8 text; save the file as UTF-8"]) from None
    except tomllib.TOMLDecodeError as err:
        raise LexiconError([f"{label}: not valid TOML ({err}); fix the syntax there"]) from None
    except OSError as err:
        raise LexiconError([f"{label}: cannot be read ({err.strerror})"]) from None
    except RecursionError:
        raise LexiconError([f"{label}: brackets nested too deeply to read; fix the syntax there"]
                           ) from None
    problems: list[str] = []
    lexicon = _parse_file(data, label, source.name, problems)
    if problems:
        raise LexiconError(problems)
    return lexicon


def check_lexicons(sources: Sequence[Path | Traversable]) -> list[str]:
    """Every problem in the given files, empty when all are valid."""
    try:
        load_lexicons(sources)
    except LexiconError as err:
        return err.problems
    return []


# --------------------------------------------------------------------------- parsing


def _unknown_keys(
    table: dict[str, Any], allowed: set[str], where: str, problems: list[str]
) -> None:
    for key in sorted(set(table) - allowed):
        close = difflib.get_close_matches(key, sorted(allowed), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(sorted(allowed))}"
        problems.append(f"{where}: unknown key '{key}'; {hint}")


def _text(table: dict[str, Any], key: str, where: str, problems: list[str]) -> str:
    """A required non-empty string field."""
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: '{key}' is missing or empty; add {key} = \"...\"")
        return ""
    return value.strip()


def _optional_text(table: dict[str, Any], key: str, where: str, problems: list[str]) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(f"{where}: '{key}' must be text in quotes")
        return None
    return value.strip() or None


def _words(table: dict[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    """An optional list of phrases, each with at least one word character."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: '{key}' must be a list of words in quotes, like [\"a\", \"b\"]")
        return ()
    for item in value:
        if not WORD.search(item):
            problems.append(f"{where}: '{key}' entry {item!r} has no letters and can never match")
    return tuple(v.strip() for v in value if WORD.search(v))


def _parse_file(data: dict[str, Any], label: str, name: str, problems: list[str]) -> Lexicon:
    _unknown_keys(data, FILE_KEYS, label, problems)
    sources = _parse_sources(data.get("sources"), label, problems)
    groups: list[Group] = []
    kinds: tuple[GroupKind, ...] = ("referent", "cue")
    for kind in kinds:
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            problems.append(f"{label}: '{kind}' must be written [[{kind}]] (an array of tables)")
            continue
        for i, entry in enumerate(entries, 1):
            group = _parse_group(entry, kind, i, label, name, problems)
            if group is not None:
                groups.append(group)
    if not groups:
        problems.append(f"{label}: no [[referent]] or [[cue]] entries; add at least one")
    _duplicate_problems(groups, label, problems)
    scope = data.get("scope", "domain")
    if scope not in SCOPES:
        problems.append(
            f"{label}: scope is {scope!r}; write scope = \"general\" (always used) or "
            "\"domain\" (used when the articles fit it)"
        )
    return Lexicon(
        name=_text(data, "name", label, problems),
        path=label,
        description=str(data.get("description", "")).strip(),
        sources=sources,
        groups=tuple(groups),
        scope="general" if scope == "general" else "domain",
    )


def _parse_sources(value: Any, label: str, problems: list[str]) -> tuple[SourceRef, ...]:
    if not isinstance(value, list) or not value:
        problems.append(
            f"{label}: no [[sources]]; name at least one source for the file, with title = \"...\""
        )
        return ()
    refs: list[SourceRef] = []
    for i, item in enumerate(value, 1):
        where = f"{label}: sources #{i}"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be a table with title = \"...\"")
            continue
        _unknown_keys(item, SOURCE_KEYS, where, problems)
        title = _text(item, "title", where, problems)
        refs.append(SourceRef(title=title, url=_optional_text(item, "url", where, problems)))
    return tuple(refs)


def _parse_group(
    entry: Any, kind: GroupKind, index: int, label: str, name: str, problems: list[str]
) -> Group | None:
    if not isinstance(entry, dict):
        problems.append(f"{label}: {kind} #{index} must be a table")
        return None
    raw_id = entry.get("id")
    named = isinstance(raw_id, str)
    where = f"{label}: {kind} '{raw_id}'" if named else f"{label}: {kind} #{index}"
    _unknown_keys(entry, GROUP_KEYS, where, problems)
    group_id = _text(entry, "id", where, problems)
    if group_id and not ID_PATTERN.match(group_id):
        problems.append(
            f"{where}: id must be lowercase letters, digits and hyphens, like 'hezbollah'"
        )
    terms_raw = entry.get("term", [])
    if not isinstance(terms_raw, list) or not terms_raw:
        problems.append(
            f"{where}: no terms; add [[{kind}.term]] entries with phrase, connotation, note"
        )
        terms_raw = []
    terms = [_parse_term(t, i, where, problems) for i, t in enumerate(terms_raw, 1)]
    return Group(
        id=group_id,
        name=_text(entry, "name", where, problems),
        kind=kind,
        description=str(entry.get("description", "")).strip(),
        terms=tuple(t for t in terms if t is not None),
        lexicon=name,
    )


def _parse_term(entry: Any, index: int, group_where: str, problems: list[str]) -> Term | None:
    if not isinstance(entry, dict):
        problems.append(f"{group_where}: term #{index} must be a table")
        return None
    phrase = entry.get("phrase")
    named = isinstance(phrase, str)
    where = f"{group_where}, term {phrase!r}" if named else f"{group_where}, term #{index}"
    _unknown_keys(entry, TERM_KEYS, where, problems)
    phrase_text = _text(entry, "phrase", where, problems)
    if phrase_text and not WORD.search(phrase_text):
        problems.append(f"{where}: the phrase has no letters or digits and can never match")
    connotation = entry.get("connotation")
    if connotation not in CONNOTATIONS:
        shown = "missing" if connotation is None else f"{connotation!r}"
        problems.append(f"{where}: connotation is {shown}; write one of {', '.join(CONNOTATIONS)}")
    strength = _parse_strength(entry.get("strength"), connotation, where, problems)
    note = _text(entry, "note", where, problems)
    flags = {
        "case_sensitive": entry.get("case_sensitive", False),
        "inflect": entry.get("inflect", True),
    }
    for key, value in flags.items():
        if not isinstance(value, bool):
            problems.append(f"{where}: '{key}' must be true or false (no quotes)")
    variants = _words(entry, "variants", where, problems)
    if phrase_text.casefold() in {v.casefold() for v in variants}:
        problems.append(f"{where}: a variant repeats the phrase itself; remove it")
    if flags["case_sensitive"] is True and phrase_text and phrase_text == phrase_text.lower():
        problems.append(
            f"{where}: case_sensitive is true but the phrase is all lowercase, so it would miss "
            "capitalised uses; write the phrase as it is capitalised in text"
        )
    return Term(
        phrase=phrase_text,
        connotation=cast(Connotation, connotation if connotation in CONNOTATIONS else "neutral"),
        note=note,
        strength=strength,
        source=_optional_text(entry, "source", where, problems),
        variants=variants,
        case_sensitive=flags["case_sensitive"] is True,
        inflect=flags["inflect"] is not False,
        context=_parse_context(entry.get("context"), where, problems),
    )


def _parse_strength(
    value: Any, connotation: Any, where: str, problems: list[str]
) -> Strength | None:
    """How strongly a negative or positive term carries its connotation (optional for now)."""
    if value is None:
        return None
    if value not in STRENGTHS:
        problems.append(f"{where}: strength is {value!r}; write one of {', '.join(STRENGTHS)}")
        return None
    if connotation == "neutral":
        problems.append(f"{where}: a neutral term has no strength; remove 'strength'")
        return None
    return cast(Strength, value)


def _parse_context(value: Any, where: str, problems: list[str]) -> Context | None:
    if value is None:
        return None
    where = f"{where}, context"
    if not isinstance(value, dict):
        problems.append(f"{where}: must be written context.reject_before = [...] etc.")
        return None
    _unknown_keys(value, CONTEXT_KEYS, where, problems)
    window = value.get("window", 4)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 30:
        problems.append(f"{where}: window must be a whole number of words from 1 to 30")
        window = 4
    if "require_near" in value and not value["require_near"]:
        problems.append(f"{where}: require_near is empty, so the term can never match; remove it")
    return Context(
        require_near=_words(value, "require_near", where, problems),
        reject_before=_words(value, "reject_before", where, problems),
        reject_after=_words(value, "reject_after", where, problems),
        window=window,
    )


# --------------------------------------------------------------------------- duplicates


def _spellings(term: Term) -> list[str]:
    return [" ".join(s.casefold().split()) for s in (term.phrase, *term.variants)]


def _duplicate_problems(groups: Sequence[Group], label: str, problems: list[str]) -> None:
    """The same id or spelling twice in one file is ambiguous: which referent gets the
    count?"""
    seen: dict[str, str] = {}
    ids: dict[str, str] = {}
    for group in groups:
        if not group.id:
            continue
        if group.id in ids:
            problems.append(f"{label}: {group.kind} '{group.id}': the id is already used by "
                            f"{ids[group.id]} in this file; give each entry its own id")
            continue
        ids[group.id] = f"the {group.kind} named {group.name!r}"
        for term in group.terms:
            for spelling in _spellings(term):
                owner = f"{group.kind} '{group.id}'"
                if spelling in seen:
                    problems.append(
                        f"{label}: {owner}: duplicate term {spelling!r}, already under "
                        f"{seen[spelling]}; keep it in one place"
                    )
                else:
                    seen[spelling] = owner


def cross_file_problems(lexicons: Sequence[Lexicon]) -> list[str]:
    """Referent and cue ids must be unique across files: counts are keyed by them.

    A phrase shared by two files is allowed (packs overlap: "terrorist" is in the terrorism
    pack and the Middle East pack); matching counts each occurrence once, for the file loaded
    first.
    """
    problems: list[str] = []
    owner: dict[str, str] = {}
    for lexicon in lexicons:
        for group in lexicon.groups:
            if group.id in owner and owner[group.id] != lexicon.path:
                problems.append(
                    f"{lexicon.path}: id '{group.id}' is also used in {owner[group.id]}; "
                    "rename one"
                )
            owner.setdefault(group.id, lexicon.path)
    return problems


def shared_phrases(lexicons: Sequence[Lexicon]) -> list[str]:
    """Phrases that several files hold, and which file's entry counts them."""
    first: dict[str, tuple[str, str]] = {}
    notes: list[str] = []
    for lexicon in lexicons:
        for group in lexicon.groups:
            for term in group.terms:
                for spelling in _spellings(term):
                    if spelling not in first:
                        first[spelling] = (lexicon.path, group.id)
                    elif first[spelling][0] != lexicon.path:
                        path, gid = first[spelling]
                        notes.append(
                            f"{lexicon.path}: {spelling!r} ({group.id}) is also in {path} "
                            f"({gid}); where both are used it counts once: for the referent "
                            f"if one of them is a cue, else for {path}"
                        )
    return notes
