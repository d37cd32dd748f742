"""Sample data a new user can explore at once: Bandung over four years and a neighbouring city.

The cities are named "(demo)" and the assessments flagged `is_demo`, so sample data never collides
with, or passes for, a real assessment. The story follows the seed theses: e-government is
advanced, while the command center lacks an SOP, a website, institutional flexibility and outreach.
"""

from __future__ import annotations

from ..core.responses import ResponseInput, validate_response
from ..persistence.store import Store, TeamMemberInfo
from .frameworks import BUILTIN_FRAMEWORK_CODE
from .review import finalize

DEMO_ASSESSOR = "Demo data (sample, not a real assessment)"
DEMO_ACTOR = "demo"

# indicator → levels (or measured values, for metric indicators) per year
BANDUNG = {
    "GOV-01": (3, 3, 4),
    "GOV-02": (2, 2, 2),
    "GOV-03": (1, 1, 2),
    "GOV-04": (1, 1, 1),
    "GOV-05": (55.0, 62.0, 71.0),
    "GOV-06": (3, 4, 4),
    "GOV-07": (2, 3, 3),
    "GOV-08": (3, 3, 4),
    "GOV-09": (12.0, 9.0, 6.0),
    "INF-01": (3, 4, 4),
    "INF-02": (3, 3, 4),
    "INF-03": (3, 4, 4),
    "INF-04": (4, 4, 4),
    "INF-05": (3, 3, 4),
    "INF-06": (2, 3, 3),
    "INF-07": (93.0, 96.0, 97.5),
    "INF-08": (62.0, 71.0, 78.0),
    "WIFI-01": (38.0, 44.0, 52.0),
    "WIFI-02": (80.0, 86.0, 92.0),
    "WIFI-03": (71.0, 78.0, 84.0),
    "WIFI-04": (35.0, 48.0, 57.0),
    "WIFI-05": (2, 3, 3),
    "WIFI-06": (2, 2, 3),
    "WIFI-07": (2, 3, 3),
    "WIFI-08": (2, 2, None),
    "COM-01": (1, 2, 2),
    "COM-02": (2, 3, 3),
    "COM-03": (3, 3, 4),
    "COM-04": (3, 3, 3),
    "COM-05": (82.0, 86.0, 90.0),
    "COM-06": (2, 3, None),
    "COM-07": (4, 4, 4),
    "COM-08": (2, 2, 3),
}
BANDUNG_YEARS = (2024, 2025, 2026)  # the last one is left as an unfinished draft

# An earlier final year, so that Bandung's final assessments alone show a trend over three years
# (comparison, progress in the report). Community support (COM-07) was stronger at the launch: a regression.
BANDUNG_2023 = {
    "GOV-01": 2,
    "GOV-02": 2,
    "GOV-03": 1,
    "GOV-04": 1,
    "GOV-05": 45.0,
    "GOV-06": 3,
    "GOV-07": 2,
    "GOV-08": 2,
    "GOV-09": 16.0,
    "INF-01": 3,
    "INF-02": 2,
    "INF-03": 3,
    "INF-04": 3,
    "INF-05": 2,
    "INF-06": 2,
    "INF-07": 91.0,
    "INF-08": 58.0,
    "WIFI-01": 31.0,
    "WIFI-02": 72.0,
    "WIFI-03": 66.0,
    "WIFI-04": 30.0,
    "WIFI-05": 2,
    "WIFI-06": 2,
    "WIFI-07": 2,
    "WIFI-08": 2,
    "COM-01": 1,
    "COM-02": 2,
    "COM-03": 2,
    "COM-04": 3,
    "COM-05": 82.0,
    "COM-06": 2,
    "COM-07": 5,
    "COM-08": 2,
}

CIMAHI = {
    "GOV-01": (3, 3),
    "GOV-02": (3, 3),
    "GOV-03": (3, 3),
    "GOV-04": (3, 4),
    "GOV-05": (38.0, 45.0),
    "GOV-06": (2, 3),
    "GOV-07": (2, 2),
    "GOV-08": (2, 2),
    "GOV-09": (16.0, 11.0),
    "INF-01": (3, 3),
    "INF-02": (2, 2),
    "INF-03": (2, 3),
    "INF-04": (3, 3),
    "INF-05": (2, 2),
    "INF-06": (2, 2),
    "INF-07": (91.0, 94.0),
    "INF-08": (55.0, 60.0),
    "WIFI-01": (20.0, 26.0),
    "WIFI-02": (60.0, 70.0),
    "WIFI-03": (82.0, 88.0),
    "WIFI-04": (40.0, 52.0),
    "WIFI-05": (3, 3),
    "WIFI-06": (2, 3),
    "WIFI-07": (2, 2),
    "WIFI-08": (2, 2),
    "COM-01": (3, 3),
    "COM-02": (2, 2),
    "COM-03": (2, 3),
    "COM-04": (2, 2),
    "COM-05": (81.0, 84.0),
    "COM-06": (3, 3),
    "COM-07": (3, 3),
    "COM-08": (True, True),  # True: not applicable that year
}
CIMAHI_YEARS = (2025, 2026)

NOTES = {
    "GOV-02": "BCC is governed by Perwal No. 20/2022 but is no longer a UPT: budget and coordination are "
    "inflexible (BCC is not a technical implementation unit any more).",
    "GOV-03": "No SOP specific to command-center management; operators follow general Diskominfo procedures.",
    "GOV-04": "The Bandung Command Center has no official website that citizens can reach.",
    "COM-01": "Little socialization of the command-center programme to citizens; most residents interviewed "
    "did not know what BCC does.",
    "GOV-06": "Many e-government systems and services are in use (Diskominfo interviews).",
    "WIFI-02": "City-wide public Wi-Fi programme reaches most kelurahan.",
    "COM-07": "Strong support from Bandung's communities for the smart-city agenda.",
}


# where the measured values come from (the year they describe is the year before the assessment)
VALUE_SOURCES = {
    "GOV-05": "Diskominfo, inventory of city services",
    "GOV-09": "SP4N-LAPOR! export",
    "INF-07": "Operators' coverage maps (Kominfo)",
    "INF-08": "Speed tests by Diskominfo",
    "WIFI-01": "Diskominfo, public Wi-Fi inventory; BPS population",
    "WIFI-02": "Diskominfo, public Wi-Fi inventory",
    "WIFI-03": "Network monitoring system",
    "WIFI-04": "Spot checks by Diskominfo",
    "COM-05": "BPS, Susenas",
}
# indicator → (recommendation, responsible unit, years from the assessment until it is due)
RECOMMENDATIONS = {
    "GOV-02": ("Give the command center UPT status again, with its own budget line.", "Bagian Organisasi", 1),
    "GOV-03": ("Write, enact and train a command-center SOP: monitoring, escalation, incidents.", "Diskominfo", 0),
    "GOV-04": ("Publish an official command-center website on the city's go.id domain.", "Diskominfo", 0),
    "COM-01": ("Run a yearly socialization campaign on the command center, down to kelurahan.", "Diskominfo", 1),
    "WIFI-04": ("Upgrade the backhaul of the slowest public hotspots.", "Diskominfo", 2),
    "COM-06": ("Survey citizens' satisfaction with digital services every year.", "Bappelitbang", 1),
}
# sample team of every demo assessment: (name, role, NIP, position)
DEMO_TEAM = (
    ("Rina Kartika (demo)", "lead", "198203152006042001", "Kepala Bidang Aplikasi Informatika"),
    ("Andi Pratama (demo)", "assessor", "", "Pranata Komputer Ahli Muda"),
    ("Dewi Lestari (demo)", "assessor", "", "Analis Kebijakan"),
    ("Dr. Budi Santoso (demo)", "reviewer", "197001011995031002", "Inspektur Pembantu"),
)


def _entry(spec) -> ResponseInput | None:
    if spec is None:
        return None
    if spec is True:
        return ResponseInput(na=True, note="Not applicable this year (sample).")
    if isinstance(spec, float):
        return ResponseInput(value=spec)
    return ResponseInput(level=spec)


def _with_report_fields(entry: ResponseInput, code: str, year: int, notes: dict[str, str]) -> ResponseInput:
    fields = entry.as_fields()
    fields["note"] = notes.get(code, "")
    if entry.value is not None and code in VALUE_SOURCES:
        fields.update(value_source=VALUE_SOURCES[code], value_year=year - 1)
    if code in RECOMMENDATIONS:
        action, unit, years = RECOMMENDATIONS[code]
        fields.update(recommendation=action, responsible=unit, due=year + years)
    return ResponseInput(**fields)


def _load_city(
    store: Store, city: str, years: tuple[int, ...], table: dict, drafts: set[int], notes: dict[str, str]
) -> list[str]:
    info = store.find_framework(BUILTIN_FRAMEWORK_CODE)
    framework = store.framework(info.id)
    existing = {a.year for a in store.list_assessments(city=city, framework_code=info.code)}
    loaded = []
    for index, year in enumerate(years):
        if year in existing:
            continue
        assessment_id = store.create_assessment(
            city, year, info.id, assessor=DEMO_ASSESSOR, actor=DEMO_ACTOR, is_demo=True
        )
        rows = {}
        for code, per_year in table.items():
            entry = _entry(per_year[index])
            if entry is None:
                continue
            if not entry.na:
                entry = _with_report_fields(entry, code, year, notes)
            rows[code] = validate_response(framework, code, entry).as_fields()
        store.save_responses(assessment_id, rows, actor=DEMO_ACTOR)
        for name, role, nip, position in DEMO_TEAM:
            store.set_team_member(assessment_id, TeamMemberInfo(name, role, nip, position), actor=DEMO_ACTOR)
        if year not in drafts:
            finalize(store, assessment_id, actor=DEMO_ACTOR)
        loaded.append(f"{city} {year}")
    return loaded


def load_demo(store: Store) -> list[str]:
    """Load the sample assessments that are not there yet; returns them as "City year", [] when all were there."""
    earliest = {code: (spec,) for code, spec in BANDUNG_2023.items()}
    with store.transaction():  # all the sample data or none: a kill midway leaves no half-loaded year
        return _load_cities(store, earliest)


def _load_cities(store: Store, earliest: dict) -> list[str]:
    loaded = _load_city(store, "Bandung (demo)", (2023,), earliest, set(), NOTES)
    loaded += _load_city(store, "Bandung (demo)", BANDUNG_YEARS, BANDUNG, {BANDUNG_YEARS[-1]}, NOTES)
    loaded += _load_city(store, "Cimahi (demo)", CIMAHI_YEARS, CIMAHI, set(), {})
    return loaded


def remove_demo(store: Store, *, actor: str | None = None) -> int:
    """Delete exactly the sample data (`is_demo` assessments and the demo cities), in one transaction.

    Real assessments — even of a city named like a demo one — are left as they are. Returns how many
    sample assessments were removed (0: there were none).
    """
    return len(store.delete_demo_assessments(actor=actor))
