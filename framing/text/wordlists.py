"""The word lists of the rules, read from the data files shipped in ``framing/data``.

``speech.toml`` holds what quotations, attributions and speakers are read with, ``verbs.toml``
what agency is read with, ``actors.toml`` what actors are discovered with, ``places.toml``
the cities that are places, not actors, ``outlets.toml`` the forms of widely read outlets'
names (for the blind edition). Each file is parsed
once; a missing or malformed list, or a word listed twice, is a
:class:`~framing.errors.FramingError` naming the file and the list.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from framing.errors import FramingError

SPEECH = "speech.toml"
VERBS = "verbs.toml"
ACTORS = "actors.toml"
PLACES = "places.toml"
OUTLETS = "outlets.toml"


@cache
def data_file(name: str) -> dict[str, Any]:
    """The parsed ``framing/data/<name>``."""
    source = resources.files("framing").joinpath("data", name)
    try:
        return tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise FramingError(
            f"framing/data/{name}: cannot be read ({err}); reinstall framing or fix the file"
        ) from None


def word_tuple(file: str, key: str) -> tuple[str, ...]:
    """A list of a data file, in its order: ``key = ["…", …]``, no word twice."""
    return _words(file, key, data_file(file).get(key))


def word_set(file: str, key: str) -> frozenset[str]:
    """A list of a data file as a set."""
    return frozenset(word_tuple(file, key))


def word_table(file: str, key: str) -> dict[str, tuple[str, ...]]:
    """A table of lists, in its order: ``[key]`` then ``name = ["…", …]`` lines."""
    table = _table(file, key)
    return {name: _words(file, f"{key}.{name}", value) for name, value in table.items()}


def word_map(file: str, key: str) -> dict[str, str]:
    """A table of words: ``[key]`` then ``name = "…"`` lines."""
    table = _table(file, key)
    bad = [name for name, value in table.items() if not isinstance(value, str)]
    if bad:
        raise FramingError(f"framing/data/{file}, [{key}]: not a word: {', '.join(bad)}; "
                           'write name = "word"')
    return dict(table)


def rule_lists(
    file: str, key: str, name: str, items: str
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """An array of tables in its order: ``[[key]]`` with a ``name = "…"`` and an
    ``items = ["…", …]`` each, as (name, items) pairs."""
    entries = data_file(file).get(key)
    if not isinstance(entries, list) or not entries:
        raise FramingError(f"framing/data/{file}: [[{key}]] missing; give at least one")
    rules = []
    for n, entry in enumerate(entries, 1):
        label = entry.get(name) if isinstance(entry, dict) else None
        if not isinstance(label, str):
            raise FramingError(f"framing/data/{file}, [[{key}]] {n}: {name} missing or not text")
        rules.append((label, _words(file, f"[[{key}]] {n} {items}", entry.get(items))))
    return tuple(rules)


def _table(file: str, key: str) -> dict[str, Any]:
    """The table ``[key]`` of a data file."""
    table = data_file(file).get(key)
    if not isinstance(table, dict) or not table:
        raise FramingError(f"framing/data/{file}: table [{key}] missing or empty; restore it")
    return table


def _words(file: str, key: str, value: Any) -> tuple[str, ...]:
    """``value`` as a list of words, checked."""
    if not isinstance(value, list) or not value or not all(isinstance(w, str) for w in value):
        raise FramingError(f"framing/data/{file}: {key} missing or not a list of words; "
                           'write key = ["word", …]')
    twice = sorted({w for w in value if value.count(w) > 1})
    if twice:
        raise FramingError(f"framing/data/{file}: {key} lists {', '.join(twice)} twice; "
                           "keep one of each")
    return tuple(value)
