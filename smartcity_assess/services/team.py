"""The evaluation team (lead, assessors, reviewer) and where the report is signed."""

from __future__ import annotations

import uuid

from ..core.errors import UserError
from ..persistence.models import TEAM_ROLES
from ..persistence.store import Store, TeamMemberInfo

NIP_DIGITS = 18  # Nomor Induk Pegawai: 18 digits (birth date, appointment month, sex, serial)


def clean_nip(text: str) -> str:
    """A NIP as written on official documents (spaces allowed there), stored as its 18 digits; '' for none."""
    digits = "".join(text.split())
    if digits and (not digits.isdigit() or len(digits) != NIP_DIGITS):
        raise UserError(f"NIP '{text}' is not a civil servant's number ({NIP_DIGITS} digits)")
    return digits


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
    name = " ".join(name.split())
    if not name:
        raise UserError("the team member's name is empty")
    if role not in TEAM_ROLES:
        raise UserError(f"'{role}' is not a team role; choose one of {', '.join(TEAM_ROLES)}")
    member = TeamMemberInfo(name=name, role=role, nip=clean_nip(nip), position=" ".join(position.split()))
    store.set_team_member(assessment_id, member, actor=actor)
    return member


def remove_member(store: Store, assessment_id: uuid.UUID, name: str, *, actor: str | None = None) -> None:
    store.remove_team_member(assessment_id, " ".join(name.split()), actor=actor)


def set_sign_place(store: Store, assessment_id: uuid.UUID, place: str, *, actor: str | None = None) -> None:
    store.set_sign_place(assessment_id, " ".join(place.split()) or None, actor=actor)


def sign_place(city: str, place: str | None) -> str:
    """Where the report is signed: as set, else the city's name without 'Kota'/'Kabupaten' ('Sukabumi')."""
    if place:
        return place
    for prefix in ("Kota ", "Kabupaten ", "Kab. "):
        if city.startswith(prefix):
            return city[len(prefix) :]
    return city
