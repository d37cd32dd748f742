"""The evaluation team (lead, assessors, reviewer) and where the report is signed."""

from __future__ import annotations

import uuid

from ..core.clean_text import clean_text
from ..core.errors import UserError
from ..core.limits import CITY_MAX_CHARS, FRAMEWORK_NAME_MAX_CHARS, PERSON_MAX_CHARS, TEAM_MAX_MEMBERS
from ..persistence.records import TEAM_ROLES
from ..persistence.store import Store, TeamMemberInfo
from .review import normalized_nip


def set_member(
    store: Store,
    assessment_id: uuid.UUID,
    name: str,
    role: str,
    *,
    nip: str = "",
    position: str = "",
    actor: str | None = None,
) -> TeamMemberInfo:
    name = clean_text(name, "name", PERSON_MAX_CHARS, single_line=True)
    if not name:
        raise UserError("team_name_empty")
    if role not in TEAM_ROLES:
        raise UserError("team_role_unknown", role=role, roles=", ".join(TEAM_ROLES))
    member = TeamMemberInfo(
        name=name,
        role=role,
        nip=normalized_nip(nip) or "",
        position=clean_text(position, "position", FRAMEWORK_NAME_MAX_CHARS, single_line=True),
    )
    with store.transaction():  # the count and the write see the same team
        known = {m.name for m in store.team(assessment_id)}
        if name not in known and len(known) >= TEAM_MAX_MEMBERS:
            raise UserError("team_too_large", most=TEAM_MAX_MEMBERS)
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
