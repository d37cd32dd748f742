"""Access control on a central PostgreSQL server, enforced by the server itself.

Three group roles and row-level security policies: a login used with psql directly can do no more
than through the app. `sca_viewer` reads everything and writes nothing; `sca_assessor` writes the
drafts of the cities granted to it (table `city_grants`); `sca_reviewer` also finalizes and reopens
them. The audit trail is append-only for everyone. Our Python only turns a refusal into a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, text

ROLES = {"viewer": "sca_viewer", "assessor": "sca_assessor", "reviewer": "sca_reviewer"}

# Tables holding a city's data, with how a row finds its city.
_BY_ASSESSMENT = (
    "responses",
    "response_revisions",
    "response_conflicts",
    "evidence_files",
    "evidence_removals",
    "team_members",
)
_READ_ONLY_FOR_ALL = ("frameworks", "database_info", "alembic_version", "city_grants")

_SETUP = [
    # who may write which city: maintained by `server grant` / `server revoke`, read by the policies
    """CREATE TABLE IF NOT EXISTS city_grants (
        login text NOT NULL,
        city_id uuid NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
        PRIMARY KEY (login, city_id))""",
    # SECURITY DEFINER: the policies may read city_grants and assessments whatever the caller sees;
    # session_user is the login that connected (current_user is the definer inside the function).
    """CREATE OR REPLACE FUNCTION sca_may_write_city(city uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT EXISTS (SELECT 1 FROM city_grants WHERE login = session_user AND city_id = city) $$""",
    """CREATE OR REPLACE FUNCTION sca_is_reviewer() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT pg_has_role(session_user, 'sca_reviewer', 'MEMBER') $$""",
    # the responses, revisions and evidence of a granted city's draft (a final's are sealed)
    """CREATE OR REPLACE FUNCTION sca_may_write_assessment(assessment uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT EXISTS (SELECT 1 FROM assessments a JOIN city_grants g ON g.city_id = a.city_id
                          WHERE a.id = assessment AND g.login = session_user AND a.status = 'draft') $$""",
]


def _policies() -> list[str]:
    statements = []
    for table in ("assessments", *_BY_ASSESSMENT, "audit_entries"):
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS sca_read ON {table}",
            f"CREATE POLICY sca_read ON {table} FOR SELECT USING (true)",
        ]
    statements += [
        "DROP POLICY IF EXISTS sca_insert ON assessments",
        """CREATE POLICY sca_insert ON assessments FOR INSERT
            WITH CHECK (sca_may_write_city(city_id) AND status = 'draft')""",
        "DROP POLICY IF EXISTS sca_update ON assessments",
        # an assessor changes drafts and may hand them in for review (an approval by an assessor is
        # refused by the check, not skipped: a policy that hid the row would make it a silent no-op);
        # a reviewer may also approve, return and reopen
        """CREATE POLICY sca_update ON assessments FOR UPDATE
            USING (sca_may_write_city(city_id) AND (status IN ('draft', 'in_review') OR sca_is_reviewer()))
            WITH CHECK (sca_may_write_city(city_id) AND (status IN ('draft', 'in_review') OR sca_is_reviewer()))""",
        "DROP POLICY IF EXISTS sca_delete ON assessments",
        "CREATE POLICY sca_delete ON assessments FOR DELETE USING (sca_may_write_city(city_id) AND status = 'draft')",
    ]
    for table in _BY_ASSESSMENT:
        statements += [
            f"DROP POLICY IF EXISTS sca_write ON {table}",
            f"""CREATE POLICY sca_write ON {table} FOR ALL
                USING (sca_may_write_assessment(assessment_id)) WITH CHECK (sca_may_write_assessment(assessment_id))""",
        ]
    statements += [
        "DROP POLICY IF EXISTS sca_append ON audit_entries",
        # the trail of a granted city (or of no assessment: a framework import) may grow, never change
        """CREATE POLICY sca_append ON audit_entries FOR INSERT WITH CHECK (
            assessment_id IS NULL
            OR sca_may_write_city((SELECT city_id FROM assessments WHERE id = assessment_id))
            OR NOT EXISTS (SELECT 1 FROM assessments WHERE id = assessment_id))""",
    ]
    return statements


def _grants() -> list[str]:
    viewer, assessor, reviewer = ROLES["viewer"], ROLES["assessor"], ROLES["reviewer"]
    statements = [f"GRANT USAGE ON SCHEMA public TO {viewer}, {assessor}, {reviewer}"]
    statements.append(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}, {assessor}, {reviewer}")
    writable = ("assessments", *_BY_ASSESSMENT, "evidence_blobs", "cities")
    for role in (assessor, reviewer):
        statements.append(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(writable)} TO {role}")
        statements.append(f"GRANT INSERT ON audit_entries TO {role}")  # append-only
    statements.append(f"GRANT {assessor} TO {reviewer}")
    return statements


def install(engine: Engine) -> None:
    """Create (or bring up to date) the roles, grants and policies; run by the server's owner."""
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('smartcity_assess:server-init'))"))
        for role in ROLES.values():
            conn.execute(
                text(
                    f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
                    f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
                )
            )
        for statement in [*_SETUP, *_policies(), *_grants()]:
            conn.execute(text(statement))
        for table in _READ_ONLY_FOR_ALL:
            conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM PUBLIC"))


def login_exists(conn: Connection, login: str) -> bool:
    return (
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l AND rolcanlogin"), {"l": login}).first()
        is not None
    )


def grant(conn: Connection, login: str, role: str, city_ids: Iterable) -> None:
    conn.execute(text(f'GRANT {ROLES[role]} TO "{_identifier(login)}"'))
    for other in set(ROLES.values()) - {ROLES[role], ROLES["assessor"] if role == "reviewer" else ""}:
        conn.execute(text(f'REVOKE {other} FROM "{_identifier(login)}"'))
    for city_id in city_ids:
        conn.execute(
            text("INSERT INTO city_grants (login, city_id) VALUES (:l, :c) ON CONFLICT DO NOTHING"),
            {"l": login, "c": city_id},
        )


def revoke(conn: Connection, login: str, city_ids: Iterable | None) -> None:
    """Take away the cities given, or every right of the login when none are given."""
    if city_ids is None:
        for role in ROLES.values():
            conn.execute(text(f'REVOKE {role} FROM "{_identifier(login)}"'))
        conn.execute(text("DELETE FROM city_grants WHERE login = :l"), {"l": login})
        return
    for city_id in city_ids:
        conn.execute(text("DELETE FROM city_grants WHERE login = :l AND city_id = :c"), {"l": login, "c": city_id})


def _identifier(name: str) -> str:
    """A login name as a quoted identifier's content (doubled quotes), for the statements that need one."""
    return name.replace('"', '""')
