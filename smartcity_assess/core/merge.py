"""Three-way merge of one response's revision histories, as CouchDB/PouchDB and ODK entities do.

Each side has a head revision; revisions name their parent (and a revision that settled a conflict
also the other side's revision it took in, `merged_from`). Pure: the caller hands in the union of
both sides' revisions and gets back what to do, never a silent overwrite.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from .responses import UNANSWERED

ADDED = "added"
UPDATED = "updated"
UNCHANGED = "unchanged"
CONFLICT = "conflict"
OUTCOMES = (ADDED, UPDATED, UNCHANGED, CONFLICT)

EMPTY = tuple(UNANSWERED.values())  # the content of an unanswered response


@dataclass(frozen=True)
class Revision:
    id: uuid.UUID
    parents: tuple[uuid.UUID, ...]  # parent_id and merged_from, those that are set
    content: tuple  # (level, na, target, value, note)
    number: int
    at: datetime


@dataclass(frozen=True)
class Decision:
    outcome: str
    fast_forward: bool = False  # UPDATED: the incoming head descends from ours, so it becomes ours as it is
    base: uuid.UUID | None = None  # the latest common ancestor, when there is one


def ancestors(head: uuid.UUID, revisions: Mapping[uuid.UUID, Revision]) -> set[uuid.UUID]:
    """The head and every revision it descends from (as far as the history goes)."""
    seen, stack = set(), [head]
    while stack:
        rev = stack.pop()
        if rev in seen:
            continue
        seen.add(rev)
        known = revisions.get(rev)
        if known is not None:
            stack.extend(known.parents)
    return seen


def decide(
    local_head: uuid.UUID | None, incoming_head: uuid.UUID | None, revisions: Mapping[uuid.UUID, Revision]
) -> Decision:
    """What an incoming response does to ours: added, updated, unchanged or a conflict."""
    if incoming_head is None:
        return Decision(UNCHANGED)
    if local_head is None:
        return Decision(ADDED, fast_forward=True)
    if local_head == incoming_head:
        return Decision(UNCHANGED)
    ours = ancestors(local_head, revisions)
    if incoming_head in ours:
        return Decision(UNCHANGED)  # we already have it, and may have moved on
    theirs = ancestors(incoming_head, revisions)
    if local_head in theirs:
        return Decision(UPDATED, fast_forward=True)
    mine, incoming = revisions[local_head].content, revisions[incoming_head].content
    if mine == incoming:
        return Decision(UNCHANGED)
    common = [revisions[r] for r in ours & theirs if r in revisions]
    base = max(common, key=lambda r: (r.number, r.at)) if common else None
    base_content = base.content if base is not None else EMPTY
    base_id = base.id if base is not None else None
    if mine == base_content:
        return Decision(UPDATED, base=base_id)  # only they changed it since the common ancestor
    if incoming == base_content:
        return Decision(UNCHANGED, base=base_id)  # only we did
    return Decision(CONFLICT, base=base_id)
