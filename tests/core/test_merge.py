"""The three-way merge decision on revision graphs, case by case."""

import uuid
from datetime import UTC, datetime, timedelta

from smartcity_assess.core.merge import ADDED, CONFLICT, UNCHANGED, UPDATED, Revision, decide

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def rev(number, content, *parents):
    return Revision(uuid.uuid4(), tuple(p.id for p in parents), content, number, T0 + timedelta(minutes=number))


def graph(*revisions):
    return {r.id: r for r in revisions}


L2, L3, L4 = (2, False, None, None, ""), (3, False, None, None, ""), (4, False, None, None, "")


def test_nothing_here_is_added_and_the_same_head_is_unchanged():
    a = rev(1, L2)
    assert decide(None, a.id, graph(a)).outcome == ADDED
    assert decide(a.id, a.id, graph(a)).outcome == UNCHANGED
    assert decide(a.id, None, graph(a)).outcome == UNCHANGED


def test_a_descendant_is_taken_and_an_ancestor_stays():
    a = rev(1, L2)
    b = rev(2, L3, a)
    assert (decide(a.id, b.id, graph(a, b)).outcome, decide(a.id, b.id, graph(a, b)).fast_forward) == (UPDATED, True)
    assert decide(b.id, a.id, graph(a, b)).outcome == UNCHANGED


def test_both_changed_since_the_common_ancestor_is_a_conflict_unless_equal():
    a = rev(1, L2)
    mine, theirs, same = rev(2, L3, a), rev(2, L4, a), rev(2, L3, a)
    g = graph(a, mine, theirs, same)
    assert decide(mine.id, theirs.id, g).outcome == CONFLICT and decide(mine.id, theirs.id, g).base == a.id
    assert decide(mine.id, same.id, g).outcome == UNCHANGED


def test_only_one_side_changed_since_the_base_even_when_both_wrote():
    a = rev(1, L2)
    mine = rev(2, L2, a)  # we wrote, but back to what it was (a revert)
    theirs = rev(2, L4, a)
    g = graph(a, mine, theirs)
    assert (decide(mine.id, theirs.id, g).outcome, decide(mine.id, theirs.id, g).fast_forward) == (UPDATED, False)
    assert decide(theirs.id, mine.id, g).outcome == UNCHANGED


def test_a_settled_conflict_knows_the_side_it_took_in():
    a = rev(1, L2)
    mine, theirs = rev(2, L3, a), rev(2, L4, a)
    settled = rev(3, L3, mine, theirs)  # merged_from theirs
    g = graph(a, mine, theirs, settled)
    assert decide(settled.id, theirs.id, g).outcome == UNCHANGED
    later = rev(3, (5, False, None, None, "second visit"), theirs)
    g[later.id] = later
    assert decide(settled.id, later.id, g).outcome == CONFLICT  # both moved on since theirs


def test_no_common_ancestor_compares_with_an_empty_response():
    mine, theirs = rev(1, L3), rev(1, L4)
    assert decide(mine.id, theirs.id, graph(mine, theirs)).outcome == CONFLICT
    twin = rev(1, L3)
    assert decide(mine.id, twin.id, graph(mine, twin)).outcome == UNCHANGED  # the same answer, made apart
