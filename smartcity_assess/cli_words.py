"""What the command line itself says, in English and Bahasa Indonesia (`--lang`, default: the system's).

Errors come from core.messages; these are the headers, confirmations and notes. JSON output is
for scripts and keeps its English keys and codes whatever the language.
"""

from __future__ import annotations

import os

from .core.messages import render

WORDS: dict[str, dict[str, str]] = {
    "yes": {"en": "yes", "id": "ya"},
    "valid_framework": {
        "en": "{file}: valid framework {code} {version}: {pillars} pillars, {indicators} indicators",
        "id": "{file}: kerangka {code} {version} valid: {pillars} pilar, {indicators} indikator",
    },
    "h_code": {"en": "CODE", "id": "KODE"},
    "h_version": {"en": "VERSION", "id": "VERSI"},
    "h_indicators": {"en": "INDICATORS", "id": "INDIKATOR"},
    "h_builtin": {"en": "BUILT-IN", "id": "BAWAAN"},
    "h_title": {"en": "TITLE", "id": "JUDUL"},
    "h_id": {"en": "ID", "id": "ID"},
    "h_city": {"en": "CITY", "id": "KOTA"},
    "h_year": {"en": "YEAR", "id": "TAHUN"},
    "h_framework": {"en": "FRAMEWORK", "id": "KERANGKA"},
    "h_status": {"en": "STATUS", "id": "STATUS"},
    "h_done": {"en": "DONE", "id": "SELESAI"},
    "h_score": {"en": "SCORE", "id": "SKOR"},
    "h_when": {"en": "WHEN", "id": "WAKTU"},
    "h_who": {"en": "WHO", "id": "OLEH"},
    "h_action": {"en": "ACTION", "id": "TINDAKAN"},
    "h_what": {"en": "WHAT", "id": "APA"},
    "h_change": {"en": "CHANGE", "id": "PERUBAHAN"},
    "h_pillar": {"en": "PILLAR", "id": "PILAR"},
    "h_domain": {"en": "DOMAIN", "id": "DOMAIN"},
    "h_band": {"en": "BAND", "id": "PREDIKAT"},
    "h_target": {"en": "TARGET", "id": "TARGET"},
    "h_gap": {"en": "GAP", "id": "KESENJANGAN"},
    "h_name": {"en": "NAME", "id": "NAMA"},
    "h_trend": {"en": "TREND", "id": "TREN"},
    "h_role": {"en": "ROLE", "id": "PERAN"},
    "h_nip": {"en": "NIP", "id": "NIP"},
    "h_position": {"en": "POSITION", "id": "JABATAN"},
    "status_draft": {"en": "draft", "id": "draf"},
    "status_final": {"en": "final", "id": "final"},
    "demo_mark": {"en": " (demo)", "id": " (demo)"},
    "no_assessments_yet": {
        "en": "no assessments yet: create one with 'smartcity-assess assessments new --city NAME --year YYYY'",
        "id": "belum ada penilaian: buat dengan 'smartcity-assess assessments new --city NAMA --year TTTT'",
    },
    "finalized": {"en": "finalized", "id": "difinalisasi"},
    "no_team_yet": {
        "en": "no team yet: add one with --add NAME --role lead|assessor|reviewer [--nip NIP]",
        "id": "belum ada tim: tambahkan dengan --add NAMA --role lead|assessor|reviewer [--nip NIP]",
    },
    "signed_at": {"en": "signed at: {place}", "id": "ditandatangani di: {place}"},
    "reopened": {"en": "reopened", "id": "dibuka kembali"},
    "deleted": {"en": "deleted", "id": "dihapus"},
    "imported_responses": {
        "en": "imported {count} responses: {changed} changed, {unchanged} unchanged",
        "id": "{count} jawaban diimpor: {changed} berubah, {unchanged} tetap",
    },
    "deleted_by": {
        "en": "deleted by {who} on {when}: the assessment is gone, its trail stays",
        "id": "dihapus oleh {who} pada {when}: penilaiannya sudah tidak ada, jejak auditnya tetap",
    },
    "reference_mark": {"en": " (reference)", "id": " (acuan)"},
    "demo_removed": {"en": "removed {count} sample assessments", "id": "{count} penilaian contoh dihapus"},
    "demo_none_to_remove": {"en": "there is no sample data to remove", "id": "tidak ada data contoh untuk dihapus"},
    "score_line": {
        "en": "overall {score} ({band}), target {target}, gap {gap}, completion {completion}",
        "id": "keseluruhan {score} ({band}), target {target}, kesenjangan {gap}, kelengkapan {completion}",
    },
    "largest_gaps": {"en": "largest gaps by priority:", "id": "kesenjangan terbesar menurut prioritas:"},
    "gap_line": {
        "en": "  {code} {name}: level {level} → target {target} (priority {priority})",
        "id": "  {code} {name}: tingkat {level} → target {target} (prioritas {priority})",
    },
    "note": {"en": "note: {note}", "id": "catatan: {note}"},
    "demo_loaded": {
        "en": "loaded demo assessments (sample data): {names}",
        "id": "penilaian demo dimuat (data contoh): {names}",
    },
    "server_ready": {
        "en": "the server is ready: schema, built-in frameworks, roles sca_viewer, sca_assessor, sca_reviewer",
        "id": "server siap: skema, kerangka bawaan, peran sca_viewer, sca_assessor, sca_reviewer",
    },
    "granted": {"en": "{login} is {role} for: {cities}", "id": "{login} menjadi {role} untuk: {cities}"},
    "revoked": {"en": "rights taken from {login}", "id": "hak {login} dicabut"},
    "sync_line": {
        "en": "pushed {pushed}, pulled {pulled}, conflicts {conflicts}",
        "id": "dikirim {pushed}, diambil {pulled}, konflik {conflicts}",
    },
    "sync_nothing": {
        "en": "nothing to do: this database and the server hold the same",
        "id": "tidak ada yang perlu dilakukan: basis data ini dan server berisi hal yang sama",
    },
    "sync_assessment": {
        "en": "  {id} {city} {year}: pushed {pushed}, pulled {pulled}, conflicts {conflicts}{note}",
        "id": "  {id} {city} {year}: dikirim {pushed}, diambil {pulled}, konflik {conflicts}{note}",
    },
    "sync_new_here": {"en": " (new here)", "id": " (baru di sini)"},
    "sync_new_on_server": {"en": " (new on the server)", "id": " (baru di server)"},
    "sync_conflicts_hint": {
        "en": "decide the conflicts with 'smartcity-assess conflicts list ID' (or in the app), then sync again",
        "id": "putuskan konfliknya dengan 'smartcity-assess conflicts list ID' (atau di aplikasi), lalu sinkronkan "
        "lagi",
    },
    "password_prompt": {"en": "password for {login} on {host}: ", "id": "kata sandi {login} di {host}: "},
    "password_stored": {
        "en": "the server accepted the login; its password is kept in the system keyring for {login} on {host}",
        "id": "server menerima login itu; kata sandinya disimpan di keyring sistem untuk {login} di {host}",
    },
    "password_forgotten": {
        "en": "the keyring no longer holds a password for {login} on {host}",
        "id": "keyring tidak lagi menyimpan kata sandi {login} di {host}",
    },
    "password_none": {
        "en": "the keyring held no password for {login} on {host}",
        "id": "keyring tidak menyimpan kata sandi {login} di {host}",
    },
    "no_open_conflicts": {"en": "no open conflicts", "id": "tidak ada konflik terbuka"},
    "conflict_level": {"en": "level {level}", "id": "tingkat {level}"},
    "conflict_no_level": {"en": "no level", "id": "tanpa tingkat"},
    "conflict_na": {"en": "N/A", "id": "TB"},
    "conflict_target": {"en": "target {target}", "id": "target {target}"},
    "conflict_value": {"en": "value {value}", "id": "nilai {value}"},
    "conflict_source": {"en": "source {source} ({year})", "id": "sumber {source} ({year})"},
    "conflict_recommendation": {
        "en": "recommendation: {text} ({unit}, due {due})",
        "id": "rekomendasi: {text} ({unit}, target waktu {due})",
    },
    "conflict_mine": {"en": "  mine:   {side}", "id": "  milik saya:   {side}"},
    "conflict_theirs": {"en": "  theirs: {side}  [{source}]", "id": "  milik mereka: {side}  [{source}]"},
    "resolved": {"en": "resolved {what}", "id": "diselesaikan: {what}"},
    "in_review": {"en": "in review", "id": "dalam peninjauan"},
    "approved": {"en": "final; content sha256 {digest}", "id": "final; sha256 isi {digest}"},
    "returned": {"en": "returned to draft", "id": "dikembalikan ke draf"},
    "agreement_line": {
        "en": "Krippendorff's alpha (ordinal): {alpha}; assessors: {assessors}",
        "id": "alfa Krippendorff (ordinal): {alpha}; penilai: {assessors}",
    },
    "demo_already": {"en": "demo data is already loaded", "id": "data demo sudah dimuat"},
    "not_assessed": {"en": "not assessed", "id": "tidak dinilai"},
    "draft_column": {"en": " (draft)", "id": " (draf)"},
    "higher": {"en": "higher", "id": "lebih tinggi"},
    "lower": {"en": "lower", "id": "lebih rendah"},
    "same": {"en": "same", "id": "sama"},
    "improved": {"en": "improved", "id": "membaik"},
    "regressed": {"en": "regressed", "id": "menurun"},
    "held": {"en": "held", "id": "tetap"},
    "no_display": {
        "en": "there is no display to open the app on (DISPLAY is not set); the command line works without one "
        "(see --help)",
        "id": "tidak ada layar untuk membuka aplikasi (DISPLAY tidak diatur); baris perintah tetap bekerja tanpa "
        "layar (lihat --help)",
    },
    "app_cannot_start": {
        "en": "the desktop app cannot start ({detail}); the command line works without it (see --help)",
        "id": "aplikasi desktop tidak dapat berjalan ({detail}); baris perintah tetap bekerja tanpanya (lihat --help)",
    },
}


def say(key: str, lang: str, **params) -> str:
    return render(key, params, lang, catalogue=WORDS)


def system_language() -> str:
    """'id' when the system speaks Indonesian (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "id" if value.split(":")[0].lower().startswith(("id", "in_")) else "en"
    return "en"


# argparse's own messages (it looks `_` up when it reports), for `--lang id`. Its help text stays English.
ARGPARSE_ID = {
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "perlu satu argumen",
    "expected at least one argument": "perlu setidaknya satu argumen",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ambiguous option: %(option)s could match %(matches)s": "opsi ambigu: %(option)s dapat berarti %(matches)s",
    "see '%s --help'": "lihat '%s --help'",
}


def speak_argparse(lang: str) -> None:
    """Make argparse report usage mistakes in `lang` (English is its own)."""
    import argparse

    table = ARGPARSE_ID if lang == "id" else {}
    argparse._ = lambda message: table.get(message, message)


def language_in(argv) -> str:
    """The --lang an argument list asks for (before it is parsed), else the system's language."""
    argv = list(argv)
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return system_language()
