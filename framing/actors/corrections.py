"""A person's corrections to the referents framing discovered: merge, split, rename, ignore.

They live in ``referents.toml`` in the article folder, picked up automatically:

    [[merge]]                       # several referents are one
    referents = ["Kim Jong Un", "Kim"]
    name = "Kim Jong Un"            # optional

    [[split]]                       # some labels belong to a referent of their own
    referent = "Forces"
    labels = ["Iranian troops"]
    name = "Iranian forces"

    [[rename]]
    referent = "Abe"
    name = "Shinzo Abe"

    [[ignore]]                      # not actors of this event
    referents = ["Easter Weekend"]

Referents are named by their name or id as the report shows them; lexicon referents may be
named too (merging a discovered referent into one adds its labels to it).
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.model import Group
from framing.slugs import slugify

FILE_NAME = "referents.toml"
KEYS = {
    "merge": {"referents", "name"},
    "split": {"referent", "labels", "name"},
    "rename": {"referent", "name"},
    "ignore": {"referents"},
}


@dataclass(frozen=True, kw_only=True)
class Correction:
    action: str  # merge | split | rename | ignore
    referents: tuple[str, ...]
    name: str = ""
    labels: tuple[str, ...] = ()
    where: str = ""  # "referents.toml: merge #1", for messages


def load_corrections(folder: Path) -> tuple[Correction, ...]:
    """The corrections in ``folder/referents.toml``; none when the file is absent."""
    path = folder / FILE_NAME
    if not path.is_file():
        return ()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise InputError(f"{path}: not valid UTF-8 TOML ({err}); fix the syntax there") from None
    except RecursionError:
        raise InputError(f"{path}: brackets nested too deeply to read; fix the syntax there"
                         ) from None
    problems: list[str] = []
    corrections: list[Correction] = []
    for action in sorted(set(data) - set(KEYS)):
        problems.append(f"{path}: unknown section [[{action}]]; use merge, split, rename or ignore")
    for action, allowed in KEYS.items():
        entries = data.get(action, [])
        if not isinstance(entries, list):
            problems.append(f"{path}: '{action}' must be a section written [[{action}]], not "
                            f"{action} = {entries!r}")
            continue
        for i, entry in enumerate(entries, 1):
            where = f"{path}: {action} #{i}"
            corrections.append(_parse(action, entry, allowed, where, problems))
    if problems:
        raise InputError("\n".join(problems))
    return tuple(corrections)


def _strings(entry: dict[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: '{key}' must be a name in quotes or a list of them")
        return ()
    return tuple(v.strip() for v in value)


def _parse(
    action: str, entry: Any, allowed: set[str], where: str, problems: list[str]
) -> Correction:
    if not isinstance(entry, dict):
        problems.append(f"{where}: must be a table, written [[{action}]]")
        return Correction(action=action, referents=(), where=where)
    for key in sorted(set(entry) - allowed):
        problems.append(f"{where}: unknown key '{key}'; allowed: {', '.join(sorted(allowed))}")
    refs = _strings(entry, "referents" if "referents" in allowed else "referent", where, problems)
    name = entry.get("name", "")
    if not isinstance(name, str):
        problems.append(f"{where}: 'name' must be text in quotes")
        name = ""
    if not refs:
        problems.append(f"{where}: name the referent(s) it applies to")
    if action == "merge" and len(refs) < 2:
        problems.append(f"{where}: merge needs at least two referents")
    if action in ("rename", "split") and not name.strip():
        problems.append(f"{where}: {action} needs name = \"...\" for the new name")
    labels = _strings(entry, "labels", where, problems) if action == "split" else ()
    if action == "split" and not labels:
        problems.append(f"{where}: split needs labels = [...] to move to the new referent")
    return Correction(
        action=action, referents=refs, name=name.strip(), labels=labels, where=where
    )


def apply_corrections(groups: list[Group], corrections: tuple[Correction, ...]) -> list[Group]:
    """The groups with every correction applied, in file order."""
    for correction in corrections:
        targets = [_find(groups, ref, correction.where) for ref in correction.referents]
        if correction.action == "ignore":
            groups = [g for g in groups if g not in targets]
        elif correction.action == "rename":
            groups = [replace(g, name=correction.name) if g is targets[0] else g for g in groups]
        elif correction.action == "merge":
            groups = _merge(groups, targets, correction.name)
        else:
            groups = _split(groups, targets[0], correction)
    return groups


def _find(groups: list[Group], ref: str, where: str) -> Group:
    wanted = ref.casefold()
    for group in groups:
        if wanted in (group.id.casefold(), group.name.casefold()) and group.kind == "referent":
            return group
    names = [g.name for g in groups if g.kind == "referent"]
    close = difflib.get_close_matches(ref, names, n=3)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise InputError(f"{where}: no referent named {ref!r}{hint} (names as the report shows them)")


def _merge(groups: list[Group], targets: list[Group], name: str) -> list[Group]:
    """The first lexicon referent (else the first named) absorbs the others' terms."""
    keep = next((g for g in targets if g.origin == "lexicon"), targets[0])
    phrases = {t.phrase.casefold() for t in keep.terms}
    extra = [
        t for g in targets if g is not keep for t in g.terms if t.phrase.casefold() not in phrases
    ]
    merged = replace(keep, name=name or keep.name, terms=keep.terms + tuple(extra))
    return [merged if g is keep else g for g in groups if g is keep or g not in targets]


def _split(groups: list[Group], source: Group, correction: Correction) -> list[Group]:
    wanted = {label.casefold() for label in correction.labels}
    moving = tuple(t for t in source.terms if t.phrase.casefold() in wanted)
    missing = wanted - {t.phrase.casefold() for t in moving}
    if missing:
        raise InputError(
            f"{correction.where}: {source.name!r} has no label {sorted(missing)[0]!r}; "
            f"its labels are: {', '.join(t.phrase for t in source.terms)}"
        )
    new = replace(
        source, id=f"d-{slugify(correction.name, 'referent')}", name=correction.name,
        terms=moving, origin="discovered",
        description="Split off by referents.toml.",
    )
    kept = replace(source, terms=tuple(t for t in source.terms if t not in moving))
    result: list[Group] = []
    for g in groups:
        result.extend([kept, new] if g is source else [g])
    return result
