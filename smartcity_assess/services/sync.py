"""Sync with a central server: push this database's assessments and pull the server's, merged as packages are.

Each side's assessment becomes a package in memory (packages.package_from_store: the members a
package file would hold, through the same checks) and is merged into the other side by the package
merge (merging.merge_package): the same three-way merge, the same refusals, the same conflicts,
recorded on the side that merges. Evidence moves once, by SHA-256: the merge writes only the blobs
the receiving side lacks, read from the other side while it writes them.

Both sides are written in one transaction each, open together: this database's (the pull) first,
then the server's (the push); the server commits, then this database. A refusal anywhere — the
server's access rules, a final assessment changed on the other side, frameworks that differ —
rolls both back, so nothing changed. A kill at any moment leaves each side as it was or with the
whole of its part; a rerun does the rest and recognises what was done (revisions, evidence and
audit entries keep their ids), so nothing is doubled.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import DatabaseError

from ..core.errors import NotFoundError, UserError
from ..persistence import db, team
from ..persistence.models import FINAL
from ..persistence.store import AssessmentInfo, Store, city_key, default_actor
from .merging import ImportResult, merge_package
from .packages import Package, package_from_store

Progress = Callable[[int, int], None]  # (done, total): evidence bytes moved, and a share per assessment merged

_STEP = 64 * 1024  # what one assessment's merge counts for in the progress, beside the evidence bytes


@dataclass(frozen=True)
class AssessmentSync:
    """What a sync did to one assessment: responses changed on the server (pushed) and here (pulled)."""

    id: uuid.UUID
    city: str
    year: int
    pushed: int
    pulled: int
    conflicts: int
    created_here: bool = False
    created_on_server: bool = False
    wrote: bool = False  # either side was written, if only to close a conflict decided on the other


@dataclass(frozen=True)
class SyncResult:
    assessments: tuple[AssessmentSync, ...]
    evidence_bytes: int = 0  # evidence read from one side and written to the other

    @property
    def pushed(self) -> int:
        return sum(a.pushed for a in self.assessments)

    @property
    def pulled(self) -> int:
        return sum(a.pulled for a in self.assessments)

    @property
    def conflicts(self) -> int:
        return sum(a.conflicts for a in self.assessments)

    @property
    def nothing_to_do(self) -> bool:
        return not any(a.wrote for a in self)

    def __iter__(self) -> Iterator[AssessmentSync]:
        return iter(self.assessments)

    def counts(self) -> dict[str, int]:
        return {"pushed": self.pushed, "pulled": self.pulled, "conflicts": self.conflicts}

    def line(self) -> str:
        return f"pushed {self.pushed}, pulled {self.pulled}, conflicts {self.conflicts}"

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.counts(),
            "evidence_bytes": self.evidence_bytes,
            "assessments": [
                {
                    "id": str(a.id),
                    "city": a.city,
                    "year": a.year,
                    "pushed": a.pushed,
                    "pulled": a.pulled,
                    "conflicts": a.conflicts,
                    "created_here": a.created_here,
                    "created_on_server": a.created_on_server,
                }
                for a in self.assessments
            ],
        }


def open_server(url: str) -> Store:
    """The server's store for a sync: a PostgreSQL database its owner has set up (nothing is created or
    migrated by a sync). One sentence when it cannot be reached, refuses the login or has no driver."""
    url = url.strip()
    if "://" not in url or not url.split("://", 1)[0].startswith("postgresql"):
        raise UserError("sync_needs_server")
    return Store(db.open_engine(url, set_up=False))


def sync(
    local: Store,
    server_url: str,
    ids: Sequence[str] = (),
    *,
    cities: Sequence[str] = (),
    actor: str | None = None,
    progress: Progress | None = None,
) -> SyncResult:
    """Push the chosen assessments (default: all but the sample data) and pull the server's, both ways merged."""
    server = open_server(server_url)
    try:
        if _same_database(local, server):
            raise UserError("sync_same_database")
        return _Sync(local, server, actor or default_actor(), progress).run(ids, cities)
    finally:
        server.close()


def _same_database(local: Store, server: Store) -> bool:
    a, b = local.engine.url, server.engine.url
    return a.get_backend_name() == b.get_backend_name() and (a.host, a.port, a.database) == (b.host, b.port, b.database)


@dataclass
class _Pair:
    """One assessment as this database and the server hold it (either may not have it yet)."""

    local: AssessmentInfo | None
    server: AssessmentInfo | None
    push: Package | None = None
    pull: Package | None = None
    pushed: ImportResult | None = None
    pulled: ImportResult | None = None

    @property
    def shown(self) -> AssessmentInfo:
        return self.local or self.server


def _natural_key(info: AssessmentInfo) -> tuple:
    return (city_key(info.city), info.year, info.framework_code)


class _Sync:
    def __init__(self, local: Store, server: Store, actor: str, progress: Progress | None):
        self.local, self.server, self.actor, self.progress = local, server, actor, progress
        self.server_name = f"sync with {server_label(server)}"
        self.local_name = f"sync from {actor} (device {local.device_id[:8]})"
        self.done = self.total = self.moved = 0

    # -- what to sync ------------------------------------------------------------------------

    def _pairs(self, ids: Sequence[str], cities: Sequence[str]) -> list[_Pair]:
        mine = [a for a in self.local.list_assessments() if not a.is_demo]  # sample data never travels
        theirs = [a for a in self.server.list_assessments() if not a.is_demo]
        with self.local.reading() as conn:
            deleted_here = team.deleted_assessment_ids(conn)
        by_id = {a.id: a for a in theirs}
        by_key = {_natural_key(a): a for a in theirs}
        pairs, matched = [], set()
        for a in mine:  # the same assessment: the same id, else the same city, year and framework (as import)
            other = by_id.get(a.id) or by_key.get(_natural_key(a))
            if other is not None:
                matched.add(other.id)
            pairs.append(_Pair(a, other))
        pairs += [_Pair(None, a) for a in theirs if a.id not in matched and a.id not in deleted_here]
        if ids:
            wanted = {self._resolve(text) for text in ids}
            pairs = [p for p in pairs if {p.local and p.local.id, p.server and p.server.id} & wanted]
        if cities:
            keys = {city_key(" ".join(c.split())) for c in cities}
            pairs = [p for p in pairs if city_key(p.shown.city) in keys]
        # two finals have nothing to move: finals are read-only everywhere
        return [p for p in pairs if not (p.local and p.server and p.local.status == p.server.status == FINAL)]

    def _resolve(self, text: str) -> uuid.UUID:
        for store in (self.local, self.server):
            try:
                return store.resolve_assessment_id(text)
            except NotFoundError:
                continue
        raise NotFoundError("sync_no_assessment", text=text)

    def _packages(self, pairs: list[_Pair]) -> None:
        """Both sides' packages, read before either side is written (each as committed), and the
        evidence bytes each side lacks, for the progress."""
        for p in pairs:
            if p.local is not None:
                p.push = package_from_store(self.local, p.local.id, name=self.local_name, actor=self.actor)
            if p.server is not None:
                p.pull = package_from_store(self.server, p.server.id, name=self.server_name, actor=self.actor)
        for packages, receiver in (([p.push for p in pairs], self.server), ([p.pull for p in pairs], self.local)):
            sizes = {e["sha256"]: e["size"] for pkg in packages if pkg is not None for e in pkg.evidence}
            with receiver.reading() as conn:
                lacking = team.missing_blobs(conn, sizes)
            self.total += sum(sizes[sha] for sha in lacking)
            self.total += _STEP * sum(pkg is not None for pkg in packages)
            for pkg in packages:
                if pkg is not None:
                    pkg.source = self._counted(pkg.source)

    def _counted(self, source):
        def pieces(sha256: str) -> Iterator[bytes]:
            for piece in source(sha256):
                self.moved += len(piece)
                self._advance(len(piece))
                yield piece

        return pieces

    def _advance(self, amount: int) -> None:
        self.done += amount
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    # -- the sync ----------------------------------------------------------------------------

    def run(self, ids: Sequence[str], cities: Sequence[str]) -> SyncResult:
        pairs = self._pairs(ids, cities)
        # read now: once a refused write has aborted the server's transaction, nothing more can be read there
        self.server_frameworks = {(f.code, f.version) for f in self.server.list_frameworks()}
        self._packages(pairs)
        if self.progress is not None:
            self.progress(0, self.total)
        self._merge_both(pairs)
        # A merge that had to make a revision of its own (both sides' histories joined) leaves the other
        # side without it: one more round, of fast-forwards only, so the next sync has nothing to do.
        echo = [_Pair(p.local, p.server) for p in pairs if _made_revisions(p)]
        if echo:
            echo = self._pairs_again(echo)
            self._packages(echo)
            self._merge_both(echo)
        return SyncResult(tuple(self._outcome(p) for p in pairs), self.moved)

    def _pairs_again(self, pairs: list[_Pair]) -> list[_Pair]:
        """The pairs as both sides hold them now (a side that lacked one has it since the first round)."""
        out = []
        for p in pairs:
            shown = p.shown
            local = self._find(self.local, shown)
            server = self._find(self.server, shown)
            out.append(_Pair(local, server))
        return out

    @staticmethod
    def _find(store: Store, info: AssessmentInfo) -> AssessmentInfo | None:
        try:
            return store.assessment(info.id)
        except NotFoundError:
            found = store.list_assessments(city=info.city, year=info.year, framework_code=info.framework_code)
            return found[0] if found else None

    def _merge_both(self, pairs: list[_Pair]) -> None:
        with self.local.transaction() as local_conn:
            for p in pairs:
                if p.pull is not None:
                    with self._refusals(p, here=True):
                        p.pulled = merge_package(self.local, local_conn, p.pull, actor=self.actor, final_target_ok=True)
                    self._advance(_STEP)
            with self.server.transaction() as server_conn:
                for p in pairs:
                    if p.push is not None:
                        with self._refusals(p, here=False):
                            p.pushed = merge_package(
                                self.server, server_conn, p.push, actor=self.actor, final_target_ok=True
                            )
                        self._advance(_STEP)
            # the server has committed; this database commits as the block ends

    @contextmanager
    def _refusals(self, pair: _Pair, *, here: bool):
        """A merge's refusal as a sync's sentence: which assessment, on which side, and that nothing changed."""
        a = pair.shown
        try:
            yield
        except DatabaseError as exc:
            if db.database_problem(exc) != "db_not_allowed" or here:
                raise
            raise self._not_allowed(pair) from None
        except UserError as exc:
            code = _SYNC_REFUSALS.get(exc.code)
            if code is None:
                if exc.code == "db_not_allowed" and not here:
                    raise self._not_allowed(pair) from None
                raise
            if exc.code == "package_final_diverged":
                target = pair.local if here else pair.server
                final_on_receiver = target is not None and target.status == FINAL
                code = "sync_final_here" if final_on_receiver == here else "sync_final_on_server"
            elif exc.code == "package_target_in_review":
                code = "sync_in_review_here" if here else "sync_in_review_on_server"
            params = {k: v for k, v in exc.params.items() if k != "name"}
            if not here and "local" in params:  # the merge's "local" is the receiving side: the server
                params["local"], params["theirs"] = params["theirs"], params["local"]
            raise UserError(code, **{"city": a.city, "year": a.year, **params}) from None

    def _not_allowed(self, pair: _Pair) -> UserError:
        a = pair.shown
        if (a.framework_code, a.framework_version) not in self.server_frameworks:
            return UserError("sync_framework_not_on_server", code=a.framework_code, version=a.framework_version)
        if pair.server is None and a.status == FINAL:
            return UserError("sync_final_new_on_server", city=a.city, year=a.year)
        return UserError("not_allowed_city", city=a.city)

    @staticmethod
    def _outcome(p: _Pair) -> AssessmentSync:
        pushed, pulled = p.pushed, p.pulled
        conflicts = set(pushed.new_conflicts if pushed else ()) | set(pulled.new_conflicts if pulled else ())
        a = p.shown
        return AssessmentSync(
            id=a.id,
            city=a.city,
            year=a.year,
            pushed=len(pushed.changed_indicators) if pushed else 0,
            pulled=len(pulled.changed_indicators) if pulled else 0,
            conflicts=len(conflicts),
            created_here=bool(pulled and pulled.created),
            created_on_server=bool(pushed and pushed.created),
            wrote=bool((pushed and pushed.wrote) or (pulled and pulled.wrote)),
        )


def _made_revisions(p: _Pair) -> bool:
    return bool((p.pushed and p.pushed.made_revisions) or (p.pulled and p.pulled.made_revisions))


# the package merge's refusals that a sync says in its own words (the assessment, the side, nothing synced)
_SYNC_REFUSALS = {
    "package_final_diverged": "sync_final_here",
    "package_target_in_review": "sync_in_review_here",
    "package_framework_version": "sync_framework_version",
    "package_framework_differs": "sync_framework_differs",
}


def server_label(server: Store) -> str:
    """The server as a person names it: host and database, never a password."""
    url = server.engine.url
    return f"{url.host or 'localhost'}/{url.database or ''}"
