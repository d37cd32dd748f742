"""Importing a package: a three-way merge of every response into this database, in one transaction.

Responses are merged one by one on their revision histories (core.merge): an incoming revision
that descends from ours is taken, ours that descends from theirs stays, the same content stays,
and two sides that both changed a response since their common ancestor become a conflict that
keeps both until a person decides (or `prefer` decides at import, audited as such). Conflicts
still open in the package come along too: the recipient decides them as well, unless its own
history already took the other side in.

Evidence is united by indicator and content (SHA-256), and removals travel: for each file the later
of its last adding and its last removal, on either side, wins. So a file removed on one laptop and
untouched on the other stays removed, and a file attached again after a removal is kept (the new
adding is later). The times are the laptops' clocks, as for `prefer newer`. The package's audit
entries are added to this assessment's chain. Importing the same package again writes nothing. A
sync (services.sync) merges packages built from the other database with the same code
(merge_package).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..core.errors import UserError
from ..core.merge import ADDED, CONFLICT, UNCHANGED, UPDATED, Revision, ancestors, decide
from ..core.responses import UNANSWERED
from ..persistence import team
from ..persistence.models import DRAFT, FINAL, TEAM_MEMBERS
from ..persistence.models import EVIDENCE_REMOVALS as REMOVALS
from ..persistence.store import (
    ASSESSMENTS,
    AUDIT,
    EVIDENCE,
    RESPONSE_FIELDS,
    REVISIONS,
    SINGLE_ROLES,
    Store,
    TeamMemberInfo,
    audit_row,
    default_actor,
    team_text,
    utcnow,
)
from .packages import Package, Progress, read_package

MINE, THEIRS, NEWER = "mine", "theirs", "newer"
PREFERENCES = (MINE, THEIRS, NEWER)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    conflicts: int
    assessment_id: uuid.UUID
    created: bool = False
    evidence_added: int = 0
    evidence_removed: int = 0
    # for a sync's counts: the indicators whose answer or evidence changed here, the conflicts first
    # kept by this merge (one kept before and met again is not news), and whether this merge made
    # revisions of its own (the other side then lacks them)
    changed_indicators: frozenset[str] = frozenset()
    new_conflicts: frozenset[str] = frozenset()
    made_revisions: bool = False
    wrote: bool = False  # anything at all (a settled conflict closed, history, the review state)

    def as_dict(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged, "conflicts": self.conflicts}

    def line(self) -> str:
        return f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, conflicts {self.conflicts}"


def import_package(
    store: Store,
    path: str | os.PathLike,
    *,
    prefer: str | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Check the package whole, then merge it; refuses with one sentence and changes nothing on any problem."""
    if prefer is not None and prefer not in PREFERENCES:
        raise UserError("bad_prefer", prefer=prefer)
    package = read_package(path, progress)
    with store.transaction() as conn:
        return merge_package(store, conn, package, prefer=prefer, actor=actor)


def merge_package(
    store: Store,
    conn,
    package: Package,
    *,
    prefer: str | None = None,
    actor: str | None = None,
    final_target_ok: bool = False,
) -> ImportResult:
    """Merge a checked package (from a file, or built from another store) inside `store.transaction()`.

    final_target_ok: a final assessment here is not refused outright, only any change to it (a sync
    meets finals on both sides, with nothing to move, on every run).
    """
    return _Merge(store, conn, package, prefer, actor or default_actor(), final_target_ok).run()


def _content(row: Mapping[str, Any]) -> tuple:
    """A response's fields (in RESPONSE_FIELDS order) as one comparable value: equal content, equal tuples."""
    return tuple(_plain_field(name, row[name]) for name in RESPONSE_FIELDS)


def _plain_field(name: str, value: Any) -> Any:
    if name == "na":
        return bool(value)
    if name == "value":
        return None if value is None else float(value)
    return UNANSWERED[name] if value is None else value  # a text stored as NULL reads as its empty default


def _revision(row: Mapping[str, Any]) -> Revision:
    parents = tuple(p for p in (row["parent_id"], row["merged_from"]) if p is not None)
    return Revision(id=row["id"], parents=parents, content=_content(row), number=row["number"], at=row["at"])


class _Merge:
    def __init__(
        self, store: Store, conn, package: Package, prefer: str | None, actor: str, final_target_ok: bool = False
    ):
        self.store, self.conn, self.package, self.prefer, self.actor = store, conn, package, prefer, actor
        self.final_target_ok = final_target_ok
        self.now = utcnow()
        self.audit: list[dict[str, Any]] = []  # this database's own entries about the import
        self.changed = False
        self.changed_codes: set[str] = set()
        self.new_conflicts: set[str] = set()
        self.made_revisions = False

    # -- the receiving side ----------------------------------------------------------------

    def _framework_id(self) -> uuid.UUID:
        pkg, framework = self.package, self.package.framework
        for info in self.store.list_frameworks():
            if info.code == framework.code and info.version == framework.version:
                if info.checksum != pkg.assessment["framework_checksum"]:
                    raise UserError(
                        "package_framework_differs", name=pkg.name, code=framework.code, version=framework.version
                    )
                return info.id
        self.changed = True
        return self.store.add_framework(framework, None, actor=self.actor).id

    def _target(self) -> tuple[uuid.UUID | None, dict[str, Any] | None]:
        a = self.package.assessment
        found = team.find_assessment(self.conn, a["id"], a["city"], a["year"], a["framework_code"])
        if found is None:
            return None, None
        # queue behind other writers of it (a row lock on a server, whose policies may refuse this login)
        self.store.lock_for_write(found)
        local = team.assessment_row(self.conn, found)
        name = self.package.name
        if local["status"] == FINAL and not self.final_target_ok:
            raise UserError("package_target_final", name=name, city=local["city"], year=local["year"])
        if local["framework_checksum"] != a["framework_checksum"]:
            raise UserError(
                "package_framework_version",
                name=name,
                city=local["city"],
                year=local["year"],
                code=local["framework_code"],
                local=local["framework_version"],
                theirs=a["framework_version"],
            )
        return found, local

    def _create(self, framework_id: uuid.UUID) -> uuid.UUID:
        a = self.package.assessment
        values = {k: a[k] for k in ("id", "year", "framework_code", "assessor", "status", "created_at")}
        values.update({k: a[k] for k in ("finalized_at", "finalized_by", "submitted_at", "submitted_by")})
        values.update({k: a[k] for k in ("reviewer", "reviewer_role", "reviewer_nip", "review_comment")})
        values.update(framework_id=framework_id, is_demo=False, updated_at=self.now, content_hash=a["content_hash"])
        pillars = self.package.pillars or a["editable_pillars"]
        values["editable_pillars"] = ",".join(pillars) if pillars else None
        team.create_assessment(self.conn, values, a["city"])
        self.changed = True
        return a["id"]

    # -- the merge --------------------------------------------------------------------------

    def run(self) -> ImportResult:
        pkg = self.package
        framework_id = self._framework_id()
        target, local = self._target()
        created = target is None
        if created:
            target = self._create(framework_id)
        snap = team.snapshot(self.conn, target)
        self.target, self.created, self.snap = target, created, snap
        review_from_package = created or self._review_is_newer(snap)
        status = pkg.assessment["status"] if review_from_package else local["status"]

        graph = {r["id"]: _revision(r) for r in snap.revisions}
        known = team.known_ids(self.conn, REVISIONS, [r["id"] for r in pkg.revisions])
        new_revisions = [{**r, "assessment_id": target} for r in pkg.revisions if r["id"] not in known]
        for r in pkg.revisions:
            graph.setdefault(r["id"], _revision(r))
        team.insert_rows(self.conn, REVISIONS, new_revisions)
        self.changed |= bool(new_revisions)

        counts = dict.fromkeys((ADDED, UPDATED, UNCHANGED, CONFLICT), 0)
        outcomes: dict[str, str] = {}
        theirs_evidence = _by_indicator(pkg.evidence)
        for code, theirs in pkg.responses.items():
            mine = snap.responses.get(code)
            decision = decide(mine["revision"] if mine else None, theirs["revision"], graph)
            outcome = decision.outcome
            if status != DRAFT and outcome != UNCHANGED and not (review_from_package and decision.fast_forward):
                self._refuse_closed(status, snap)
            if outcome in (ADDED, UPDATED):
                self._take(code, mine, theirs, graph, fast_forward=decision.fast_forward)
            elif outcome == CONFLICT:
                outcome = self._conflict(code, mine, theirs, graph, snap, theirs_evidence.get(code, []))
            counts[outcome] += 1
            outcomes[code] = outcome
        for code in self._carried_conflicts(status):
            if outcomes.get(code, CONFLICT) != CONFLICT:  # counted as the conflict it still is
                counts[outcomes[code]] -= 1
                counts[CONFLICT] += 1

        if pkg.assessment["status"] == FINAL and review_from_package:
            self._take_signed_team()  # an approval from elsewhere: the team and place it sealed
        elif status == DRAFT:
            self._merge_team(snap)
        added_evidence, removed_evidence = self._merge_evidence(snap)
        if (added_evidence or removed_evidence) and status != DRAFT and not created:
            self._refuse_closed(status, snap)
        foreign = self._foreign_audit(snap)
        review_news = review_from_package and not created
        # The other side's audit entries travel with the changes they record, not on their own: two
        # databases that sync would otherwise send each other their own merge entries for ever.
        wrote = bool(self.changed or added_evidence or removed_evidence or review_news)
        if wrote:
            summary = (
                f"{pkg.name} from {pkg.manifest['exported_by']} (device {pkg.manifest['device_id'][:8]}, "
                f"exported {pkg.manifest['exported_at']}): added {counts[ADDED]}, updated {counts[UPDATED]}, "
                f"unchanged {counts[UNCHANGED]}, conflicts {counts[CONFLICT]}"
            )
            self.audit.append(self._entry("import_package", new=summary))
            if self.package.pillars and not created and local["editable_pillars"] != ",".join(self.package.pillars):
                team.touch(self.conn, target, editable_pillars=",".join(self.package.pillars))
            team.insert_audit(self.conn, foreign + self.audit)
            team.touch(self.conn, target)
            if review_from_package and not created:
                self._take_review_state()
            if pkg.assessment["status"] == FINAL and review_from_package:
                self._seal()
        return ImportResult(
            added=counts[ADDED],
            updated=counts[UPDATED],
            unchanged=counts[UNCHANGED],
            conflicts=counts[CONFLICT],
            assessment_id=target,
            created=created,
            evidence_added=added_evidence,
            evidence_removed=removed_evidence,
            changed_indicators=frozenset(self.changed_codes),
            new_conflicts=frozenset(self.new_conflicts),
            made_revisions=self.made_revisions,
            wrote=wrote,
        )

    def _entry(self, action: str, code: str | None = None, field: str | None = None, old=None, new=None) -> dict:
        return audit_row(self.actor, action, self.target, code, field, old, new, self.now)

    def _take(self, code, mine, theirs, graph, *, fast_forward: bool, action: str = "merge") -> None:
        """Make the incoming side ours: as it is when it descends from ours, else as a merge revision."""
        head = graph[theirs["revision"]]
        fields = dict(zip(RESPONSE_FIELDS, head.content, strict=True))
        if fast_forward:
            stamp = {
                "updated_by": theirs["updated_by"],
                "updated_at": theirs["updated_at"],
                "revision": theirs["revision"],
                "revision_number": theirs["revision_number"],
            }
        else:
            stamp = self._merge_revision(code, mine, head, fields)
        old = {f: mine[f] for f in RESPONSE_FIELDS} if mine else None
        for f in RESPONSE_FIELDS if not self.created else ():  # a new copy: the package's own trail says it all
            before = old[f] if old else None
            if (old is None and fields[f] not in (None, False, "")) or (old is not None and before != fields[f]):
                self.audit.append(self._entry(action, code, f, before, fields[f]))
        team.set_response(self.conn, self.target, code, fields, stamp)
        self.changed = True
        if old != fields:  # a new revision of the same answer (a decision both sides share) is no news to a reader
            self.changed_codes.add(code)
        self._close_if_settled(code, head, graph)

    def _close_if_settled(self, code: str, head: Revision, graph) -> None:
        """An open conflict here whose both sides the incoming head descends from was settled elsewhere
        (the other database decided it, and its decision came in): it is no longer open here either."""
        open_one = self.snap.conflicts.get(code)
        if open_one is None:
            return
        history = ancestors(head.id, graph)
        if open_one["mine_revision"] in history and open_one["theirs_revision"] in history:
            team.close_conflict(self.conn, open_one["id"], self.actor, f"settled elsewhere ({self.package.name})")
            self.audit.append(self._entry("resolve_conflict", code, None, None, f"settled in {self.package.name}"))

    def _merge_revision(self, code, mine, other: Revision, fields) -> dict[str, Any]:
        self.made_revisions = True
        return team.merge_revision(
            self.conn,
            assessment_id=self.target,
            code=code,
            mine=mine,
            other_id=other.id,
            other_number=other.number,
            fields=fields,
            actor=self.actor,
            device_id=self.store.device_id,
            at=self.now,
        )

    def _conflict(self, code, mine, theirs, graph, snap, evidence, carried: dict | None = None) -> str:
        """Keep both sides (or settle by `prefer`); `carried`: a conflict the package kept open, its side as kept."""
        head = graph[theirs["revision"]]
        choice = self.prefer
        if choice == NEWER:
            choice = THEIRS if head.at > graph[mine["revision"]].at else MINE
        if choice == THEIRS:
            self._take(code, mine, theirs, graph, fast_forward=False, action="resolve_conflict")
            self.audit.append(self._entry("resolve_conflict", code, None, None, f"theirs (--prefer {self.prefer})"))
            return UPDATED
        if choice == MINE:
            mine_fields = {f: mine[f] for f in RESPONSE_FIELDS}
            stamp = self._merge_revision(code, mine, head, mine_fields)
            team.set_response(self.conn, self.target, code, mine_fields, stamp)
            self.audit.append(self._entry("resolve_conflict", code, None, None, f"mine (--prefer {self.prefer})"))
            self.changed = True
            return UNCHANGED
        open_one = snap.conflicts.get(code)
        if open_one is not None and open_one["theirs_revision"] == head.id:
            return CONFLICT  # already kept, as it was: nothing to write
        side = dict(zip(RESPONSE_FIELDS, head.content, strict=True))
        side.update(
            by=graph_actor(self.package, head.id),
            at=head.at.isoformat(),
            device=self.package.manifest["device_id"],
            evidence=[{k: e[k] for k in ("file_name", "sha256", "size", "added_by")} for e in evidence],
        )
        source = f"{self.package.name} from {self.package.manifest['exported_by']}"
        if carried is not None:
            kept = carried["theirs"]
            side.update(by=kept["by"], device=kept["device"], evidence=kept["evidence"])
            side["at"] = kept["at"].isoformat() if kept["at"] else side["at"]
            source = f"{carried['source']}; carried in {source}"
        team.open_conflict(self.conn, self.target, code, mine["revision"], head.id, side, source)
        self.audit.append(self._entry("conflict", code, None, None, f"kept both sides ({source})"))
        self.changed = True
        self.new_conflicts.add(code)
        return CONFLICT

    def _merge_team(self, snap) -> None:
        """The sender's team members this side lacks are added (by name; the lead's and the reviewer's
        places are not taken twice), and its signing place when this side has none. Nobody is removed:
        the team is the lead's to change, here as in the app."""
        mine = {m["name"] for m in snap.members}
        held = {m["role"] for m in snap.members if m["role"] in SINGLE_ROLES}
        new = []
        for member in self.package.team:
            if member["name"] in mine or (member["role"] in SINGLE_ROLES and member["role"] in held):
                continue
            held |= {member["role"]} & set(SINGLE_ROLES)
            new.append({**member, "id": uuid.uuid4(), "assessment_id": self.target})
            info = TeamMemberInfo(member["name"], member["role"], member["nip"], member["position"])
            self.audit.append(self._entry("set_team_member", None, "team", None, team_text(info)))
        team.insert_rows(self.conn, TEAM_MEMBERS, new)
        place = self.package.assessment.get("sign_place")
        if place and not snap.assessment["sign_place"]:
            team.touch(self.conn, self.target, sign_place=place)
            self.audit.append(self._entry("set", None, "sign_place", None, place))
            new.append(place)
        self.changed |= bool(new)

    def _take_signed_team(self) -> None:
        team.replace_team(self.conn, self.target, self.package.team)
        team.touch(self.conn, self.target, sign_place=self.package.assessment.get("sign_place"))
        self.changed = True

    def _carried_conflicts(self, status: str) -> list[str]:
        """Open the conflicts the package still had open, where our history has not taken that side in.

        Returns the indicators that are conflicts because of them. Our response is compared with the
        kept side as with any incoming revision: already among our ancestors (we settled it, or wrote
        it) is nothing to do. One open conflict per indicator: where ours is open already, it stays, and
        the carried one comes back with the next package until it is settled on one side.
        """
        if not self.package.conflicts:
            return []
        snap = team.snapshot(self.conn, self.target)  # as merged so far, with the revisions just written
        graph = {r["id"]: _revision(r) for r in snap.revisions}
        found = []
        for carried in self.package.conflicts:
            code, theirs_id = carried["indicator_code"], carried["theirs_revision"]
            mine = snap.responses.get(code)
            if mine is None or theirs_id not in graph:
                continue
            open_one = snap.conflicts.get(code)
            if open_one is not None and open_one["theirs_revision"] != theirs_id:
                found.append(code)
                continue
            if open_one is None and decide(mine["revision"], theirs_id, graph).outcome == UNCHANGED:
                continue
            if status != DRAFT and open_one is None:
                self._refuse_closed(status, snap)
            outcome = self._conflict(code, mine, {"revision": theirs_id}, graph, snap, [], carried=carried)
            if outcome == CONFLICT:
                found.append(code)
        return found

    def _merge_evidence(self, snap) -> tuple[int, int]:
        """Removals from both sides first (the later of adding and removing wins), then the files added;
        returns (files added, files removed) here."""
        pkg = self.package
        known = team.known_ids(self.conn, REMOVALS, [r["id"] for r in pkg.removals])
        new_removals = [{**r, "assessment_id": self.target} for r in pkg.removals if r["id"] not in known]
        team.insert_rows(self.conn, REMOVALS, new_removals)
        self.changed |= bool(new_removals)
        latest_removal: dict[tuple[str, str], dict[str, Any]] = {}
        for r in [*snap.removals, *pkg.removals]:
            key = (r["indicator_code"], r["sha256"])
            if key not in latest_removal or r["removed_at"] > latest_removal[key]["removed_at"]:
                latest_removal[key] = r

        def removal_covering(key, added_at) -> dict[str, Any] | None:
            removal = latest_removal.get(key)
            return removal if removal is not None and removal["removed_at"] >= added_at else None

        gone = []
        for item in snap.evidence:
            removal = removal_covering((item["indicator_code"], item["sha256"]), item["added_at"])
            if removal is not None:
                gone.append(item)
                self.audit.append(
                    self._entry(
                        "remove_evidence",
                        item["indicator_code"],
                        "evidence",
                        item["file_name"],
                        f"removed by {removal['removed_by']} at {removal['removed_at'].isoformat()} (from {pkg.name})",
                    )
                )
        team.delete_evidence(self.conn, [e["id"] for e in gone])
        gone_ids = {e["id"] for e in gone}
        remaining = [e for e in snap.evidence if e["id"] not in gone_ids]
        return self._unite_evidence(remaining, removal_covering), len(gone)

    def _unite_evidence(self, local, removal_covering) -> int:
        have = {(e["indicator_code"], e["sha256"]) for e in local}
        taken_ids = team.known_ids(self.conn, EVIDENCE, [e["id"] for e in self.package.evidence])
        added = 0
        for item in self.package.evidence:
            key = (item["indicator_code"], item["sha256"])
            if key in have or removal_covering(key, item["added_at"]) is not None:
                continue
            have.add(key)
            if not team.blob_known(self.conn, item["sha256"]):
                team.insert_blob(self.conn, item["sha256"], item["size"], self.package.evidence_pieces(item["sha256"]))
            row = {**item, "assessment_id": self.target}
            if item["id"] in taken_ids:
                row["id"] = uuid.uuid4()
            team.insert_rows(self.conn, EVIDENCE, [row])
            added += 1
            self.changed_codes.add(item["indicator_code"])
            if self.created:
                continue
            self.audit.append(
                self._entry(
                    "add_evidence",
                    item["indicator_code"],
                    "evidence",
                    None,
                    f"{item['file_name']} ({item['size']} bytes, sha256 {item['sha256'][:12]}) "
                    f"from {self.package.name}",
                )
            )
        return added

    def _foreign_audit(self, snap) -> list[dict[str, Any]]:
        """The package's audit entries this chain lacks, in their order, to be linked at its end."""
        known = team.known_ids(self.conn, AUDIT, [e["id"] for e in self.package.audit])
        return [
            {k: v for k, v in e.items() if k not in ("seq", "prev_hash", "hash")} | {"assessment_id": self.target}
            for e in self.package.audit
            if e["id"] not in known
        ]

    def _review_is_newer(self, snap) -> bool:
        """Whether the package's review state (submitted, returned, approved) is later news than ours."""
        theirs = [e for e in self.package.audit if e["action"] in REVIEW_ACTIONS]
        ours_only = [e for e in snap.audit if e["action"] in REVIEW_ACTIONS]
        known = {e["id"] for e in ours_only}
        foreign = [e for e in theirs if e["id"] not in known]
        if not foreign:
            return False
        mine_ids = {e["id"] for e in theirs}
        local_only = [e for e in ours_only if e["id"] not in mine_ids]
        return not local_only or max(e["at"] for e in foreign) > max(e["at"] for e in local_only)

    def _refuse_closed(self, status: str, snap) -> None:
        a = snap.assessment
        code = "package_final_diverged" if status == FINAL else "package_target_in_review"
        raise UserError(code, name=self.package.name, city=a["city"], year=a["year"])

    def _take_review_state(self) -> None:
        a = self.package.assessment
        values = {k: a[k] for k in ("status", *REVIEW_COLUMNS)}
        self.conn.execute(ASSESSMENTS.update().where(ASSESSMENTS.c.id == self.target).values(**values))

    def _seal(self) -> None:
        """A final assessment from elsewhere: its seal points at our copy of the approval entry."""
        a = self.package.assessment
        sealed = next(e for e in self.package.audit if e["hash"] == a["sealed_head"])
        local_head = self.conn.execute(select(AUDIT.c.hash).where(AUDIT.c.id == sealed["id"])).scalar_one()
        if team.current_content_hash(self.conn, self.target) != a["content_hash"]:
            snap = team.snapshot(self.conn, self.target)
            self._refuse_closed(FINAL, snap)
        self.conn.execute(ASSESSMENTS.update().where(ASSESSMENTS.c.id == self.target).values(sealed_head=local_head))


REVIEW_ACTIONS = frozenset({"submit", "approve", "return", "reopen", "finalize"})
REVIEW_COLUMNS = (
    "finalized_at",
    "finalized_by",
    "submitted_at",
    "submitted_by",
    "reviewer",
    "reviewer_role",
    "reviewer_nip",
    "review_comment",
    "content_hash",
)


def graph_actor(package: Package, revision_id: uuid.UUID) -> str:
    return next((r["actor"] for r in package.revisions if r["id"] == revision_id), "")


def _by_indicator(evidence) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for item in evidence:
        out.setdefault(item["indicator_code"], []).append(item)
    return out
