"""The evaluation team (lead, assessors, reviewer) and where the report is signed."""

from __future__ import annotations

import uuid

from ..core.clean_text import clean_text
from ..core.errors import UserError
from ..core.limits import CITY_MAX_CHARS, FRAMEWORK_NAME_MAX_CHARS, PERSON_MAX_CHARS, TEAM_MAX_MEMBERS
from ..persistence.records import TEAM_ROLES
from ..persistence.store import Store, TeamMemberInfo
from .review import normalized_nip


def checked_member(name: str, role: str, nip: str | None, position: str | None) -> TeamMemberInfo:
    """A member as the store keeps them (one clean line of a name, a known role, a NIP of 18 digits), or
    UserError; a NIP or position of None stays None (set_member keeps the stored one)."""
    name = clean_text(name, "name", PERSON_MAX_CHARS, single_line=True)
    if not name:
        raise UserError("team_name_empty")
    if role not in TEAM_ROLES:
        raise UserError("team_role_unknown", role=role, roles=", ".join(TEAM_ROLES))
    if nip is not None:
        nip = normalized_nip(nip) or ""
    if position is not None:
        position = clean_text(position, "position", FRAMEWORK_NAME_MAX_CHARS, single_line=True)
    return TeamMemberInfo(name=name, role=role, nip=nip, position=position)


def set_member(
    store: Store,
    assessment_id: uuid.UUID,
    name: str,
    role: str,
    *,
    nip: str | None = None,
    position: str | None = None,
    actor: str | None = None,
) -> TeamMemberInfo:
    """Add a member, or change the one with this name; a NIP or position left None keeps what is stored
    (changing someone's position on the command line must not wipe their NIP), "" clears it."""
    given = checked_member(name, role, nip, position)
    with store.transaction():  # what is kept is read in the transaction that writes it
        members = store.team(assessment_id)
        old = next((m for m in members if m.name == given.name), None)
        if old is None and len(members) >= TEAM_MAX_MEMBERS:
            raise UserError("team_too_large", most=TEAM_MAX_MEMBERS)
        member = TeamMemberInfo(
            name=given.name,
            role=given.role,
            nip=given.nip if given.nip is not None else (old.nip if old else ""),
            position=given.position if given.position is not None else (old.position if old else ""),
        )
        store.set_team_member(assessment_id, member, actor=actor)
    return member


def remove_member(store: Store, assessment_id: uuid.UUID, name: str, *, actor: str | None = None) -> None:
    store.remove_team_member(assessment_id, " ".join(name.split()), actor=actor)


def set_sign_place(store: Store, assessment_id: uuid.UUID, place: str, *, actor: str | None = None) -> None:
    place = clean_text(place, "place", CITY_MAX_CHARS, single_line=True)
    store.set_sign_place(assessment_id, place or None, actor=actor)


def sign_place(city: str, place: str | None) -> str:
    """Where the report is signed: as set, else the city's name without 'Kota'/'Kabupaten' ('Sukabumi')."""
    if place:
        return place
    for prefix in ("Kota ", "Kabupaten ", "Kab. "):
        if city.startswith(prefix):
            return city[len(prefix) :]
    return city
