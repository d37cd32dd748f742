"""Parsing YAML written by someone else without letting it take the machine.

PyYAML's safe loader still expands aliases: a few hundred bytes of nested aliases ("billion
laughs") stand for hundreds of millions of values, and anything that walks them (validation, an
error message) runs out of memory. Officials do use anchors — one rubric shared by many indicators —
so aliases stay legal; what is capped is the number of values the document stands for once every
alias is expanded, and the nesting depth. Both are counted on the parser's event stream before a
single node is built, so a bomb is refused within milliseconds and an accepted file's node tree
is bounded by the same count.

libyaml (C) parses when PyYAML has it, the pure-Python parser otherwise; they accept the same files.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    ScalarEvent,
)

from .limits import FRAMEWORK_MAX_DEPTH, FRAMEWORK_MAX_NODES

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlTooLarge(ValueError):
    """The document is over a cap: the message says which, in words for the user."""


def expanded_size(text: str, max_nodes: int = FRAMEWORK_MAX_NODES, max_depth: int = FRAMEWORK_MAX_DEPTH) -> int:
    """The number of values `text` stands for with every alias expanded; YamlTooLarge past a cap.

    Raises yaml.YAMLError for text that is not YAML, as the loader would.
    """
    total = 0
    open_collections: list[tuple[str | None, int]] = []  # (anchor, total before it started)
    sizes: dict[str, int] = {}  # anchor → values it stands for
    loader = Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, ScalarEvent):
                total += 1
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            elif isinstance(event, CollectionStartEvent):
                open_collections.append((event.anchor, total))
                total += 1
                if len(open_collections) > max_depth:
                    raise YamlTooLarge(f"nested too deeply to be a framework (more than {max_depth} levels)")
            elif isinstance(event, CollectionEndEvent):
                anchor, before = open_collections.pop()
                if anchor is not None:
                    sizes[anchor] = total - before
            elif isinstance(event, AliasEvent):
                if any(anchor == event.anchor for anchor, _ in open_collections):
                    raise YamlTooLarge(f"the alias *{event.anchor} refers to the value that contains it")
                total += sizes.get(event.anchor, 1)  # an unknown anchor: the loader names the error
            if total > max_nodes:
                raise YamlTooLarge(
                    f"stands for more than {max_nodes:,} values once its aliases are expanded; "
                    "a framework needs far fewer (is an alias repeated inside another one?)"
                )
    finally:
        loader.dispose()
    return total


def safe_load_bounded(text: str) -> Any:
    """yaml.safe_load, refusing (YamlTooLarge) what is over the caps before building anything."""
    expanded_size(text)
    loader = Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
