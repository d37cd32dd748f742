"""The sentences of errors a user can cause, in English and Bahasa Indonesia.

Written as the command line prints them after `error: ` (lower case, no final stop); the app
makes a sentence of them (`as_sentence`).

One catalogue for every front end (CLI, report, app), so the words cannot drift apart between
them. Parameters are put in as the reader's language writes them: times in local time, numbers
with the language's decimal mark.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .errors import UserError
from .text import local_time, localize, with_decimal_mark

MESSAGES: dict[str, dict[str, str]] = {
    "value_implausible": {
        "en": "value: {value} is outside the plausible range {low}–{high} {unit}",
        "id": "nilai: {value} di luar rentang wajar {low}–{high} {unit}",
    },
    "reopen_needs_reason": {
        "en": "say why it is reopened with --reason TEXT (it goes to the audit trail)",
        "id": "sebutkan alasan membuka kembali dengan --reason TEKS (dicatat di jejak audit)",
    },
    "cli_reference_needs_year": {
        "en": "--reference goes with --year Y --cities NAME ...: the city the others are compared with",
        "id": "--reference dipakai bersama --year T --cities NAMA ...: kota yang menjadi acuan perbandingan",
    },
    "cli_reference_not_compared": {
        "en": "--reference {reference} is not one of the cities compared ({cities})",
        "id": "--reference {reference} bukan salah satu kota yang dibandingkan ({cities})",
    },
    "server_needs_postgresql": {
        "en": "the server commands need a PostgreSQL URL (--db postgresql+psycopg://user@host/database)",
        "id": "perintah server memerlukan URL PostgreSQL (--db postgresql+psycopg://pengguna@host/basisdata)",
    },
    "server_unknown_role": {
        "en": "'{role}' is not a role: choose viewer, assessor or reviewer",
        "id": "'{role}' bukan peran: pilih viewer, assessor atau reviewer",
    },
    "server_no_login": {
        "en": "there is no login {login} on the server: create it first (CREATE ROLE {login} LOGIN PASSWORD …)",
        "id": "tidak ada login {login} di server: buat dulu (CREATE ROLE {login} LOGIN PASSWORD …)",
    },
    # sync with a server, and its login's password in the keyring
    "sync_needs_server": {
        "en": "sync needs the server's PostgreSQL URL (--server postgresql+psycopg://user@host/database)",
        "id": "sinkronisasi memerlukan URL PostgreSQL server (--server postgresql+psycopg://pengguna@host/basisdata)",
    },
    "sync_same_database": {
        "en": "--server names this same database; give the central server's URL",
        "id": "--server menunjuk basis data ini sendiri; berikan URL server pusat",
    },
    "sync_no_assessment": {
        "en": "no assessment with id {text} here or on the server",
        "id": "tidak ada penilaian dengan id {text} di sini maupun di server",
    },
    "sync_final_here": {
        "en": "{city} {year} is final here but was changed on the server since; nothing was synced (reopen it "
        "here to take the server's changes)",
        "id": "{city} {year} sudah final di sini tetapi diubah di server sejak itu; tidak ada yang disinkronkan "
        "(buka kembali di sini untuk menerima perubahan dari server)",
    },
    "sync_final_on_server": {
        "en": "{city} {year} is final on the server but was changed here since; nothing was synced (a reviewer "
        "reopens it on the server to take these changes)",
        "id": "{city} {year} sudah final di server tetapi diubah di sini sejak itu; tidak ada yang disinkronkan "
        "(peninjau membukanya kembali di server untuk menerima perubahan ini)",
    },
    "sync_final_new_on_server": {
        "en": "{city} {year} is final here and the server does not have it: the server takes new assessments "
        "from this login as drafts only; nothing was synced (name the other assessments' ids to sync them)",
        "id": "{city} {year} sudah final di sini dan belum ada di server: server hanya menerima penilaian baru "
        "dari login ini sebagai draf; tidak ada yang disinkronkan (sebutkan id penilaian lain untuk "
        "menyinkronkannya)",
    },
    "sync_in_review_here": {
        "en": "{city} {year} is in review here, so it takes no changes from the server until the reviewer "
        "returns it; nothing was synced",
        "id": "{city} {year} sedang ditinjau di sini, jadi tidak menerima perubahan dari server sampai peninjau "
        "mengembalikannya; tidak ada yang disinkronkan",
    },
    "sync_in_review_on_server": {
        "en": "{city} {year} is in review on the server, so it takes no changes until the reviewer returns it; "
        "nothing was synced",
        "id": "{city} {year} sedang ditinjau di server, jadi tidak menerima perubahan sampai peninjau "
        "mengembalikannya; tidak ada yang disinkronkan",
    },
    "sync_framework_version": {
        "en": "{city} {year} uses framework {code} version {local} here and version {theirs} on the server; they "
        "cannot be merged, and nothing was synced",
        "id": "{city} {year} memakai kerangka {code} versi {local} di sini dan versi {theirs} di server; keduanya "
        "tidak dapat digabung, dan tidak ada yang disinkronkan",
    },
    "sync_framework_differs": {
        "en": "framework {code} version {version} differs between here and the server under the same version; "
        "nothing was synced",
        "id": "kerangka {code} versi {version} berbeda antara di sini dan di server dengan versi yang sama; "
        "tidak ada yang disinkronkan",
    },
    "sync_framework_not_on_server": {
        "en": "the server does not have framework {code} {version}, and your login may not add it: its owner "
        "imports it there first (frameworks import); nothing was synced",
        "id": "server tidak memiliki kerangka {code} {version}, dan login Anda tidak berhak menambahkannya: "
        "pemiliknya mengimpornya di sana lebih dulu (frameworks import); tidak ada yang disinkronkan",
    },
    "db_not_set_up": {
        "en": "{where} is not set up for this version of Smart City Assess: its owner runs "
        "'smartcity-assess --db URL server init' first; nothing was changed",
        "id": "{where} belum disiapkan untuk versi Smart City Assess ini: pemiliknya menjalankan "
        "'smartcity-assess --db URL server init' lebih dulu; tidak ada yang diubah",
    },
    "db_no_such_database": {
        "en": "the server has no database as named in {where}; check the database name",
        "id": "server tidak memiliki basis data seperti yang disebut dalam {where}; periksa nama basis datanya",
    },
    "keyring_missing": {
        "en": 'the keyring package is not installed: pip install "smartcity-assess[server]" (or use ~/.pgpass)',
        "id": 'paket keyring belum terpasang: pip install "smartcity-assess[server]" (atau pakai ~/.pgpass)',
    },
    "keyring_failed": {
        "en": "the system keyring cannot be used here ({reason}); use libpq's ~/.pgpass instead",
        "id": "keyring sistem tidak dapat dipakai di sini ({reason}); pakai ~/.pgpass dari libpq sebagai gantinya",
    },
    "keyring_needs_host_and_login": {
        "en": "the URL must name the server's host and your login (postgresql+psycopg://login@host/database)",
        "id": "URL harus menyebut host server dan login Anda (postgresql+psycopg://login@host/basisdata)",
    },
    "password_empty": {
        "en": "no password was given; nothing was stored",
        "id": "kata sandi tidak diberikan; tidak ada yang disimpan",
    },
    "not_allowed_city": {
        "en": "you may not change {city}'s assessments on this server",
        "id": "Anda tidak berhak mengubah penilaian {city} di server ini",
    },
    "db_path_empty": {
        "en": "the database path is empty",
        "id": "jalur basis data kosong",
    },
    "db_folder_missing": {
        "en": "the folder {folder} does not exist; create it or choose another database",
        "id": "folder {folder} tidak ada; buat folder itu atau pilih basis data lain",
    },
    "db_not_ours": {
        "en": "{where} holds tables but is not a Smart City Assess database",
        "id": "{where} berisi tabel tetapi bukan basis data Smart City Assess",
    },
    "db_damaged_check": {
        "en": "the database {where} is damaged ({problems}); nothing was changed: restore it from a copy "
        "(migrations leave one beside it)",
        "id": "basis data {where} rusak ({problems}); tidak ada yang diubah: pulihkan dari salinan (migrasi "
        "meninggalkan salinan di sebelahnya)",
    },
    "db_newer": {
        "en": "the database was written by a newer version of Smart City Assess (schema {revision}); update the "
        "app to open it",
        "id": "basis data ini ditulis oleh versi Smart City Assess yang lebih baru (skema {revision}); perbarui "
        "aplikasi untuk membukanya",
    },
    "db_os_error": {
        "en": "the database {where} cannot be opened: {reason}",
        "id": "basis data {where} tidak dapat dibuka: {reason}",
    },
    "db_no_driver": {
        "en": "{where} is not a database this installation can open ({detail})",
        "id": "{where} bukan basis data yang dapat dibuka oleh instalasi ini ({detail})",
    },
    "framework_content_differs": {
        "en": "framework {code} version {version} is already stored with different content; give the changed "
        "file a new version",
        "id": "kerangka {code} versi {version} sudah tersimpan dengan isi yang berbeda; beri berkas yang diubah "
        "nomor versi baru",
    },
    "no_framework": {
        "en": "no framework {code} in the database (see 'frameworks list')",
        "id": "tidak ada kerangka {code} di basis data (lihat 'frameworks list')",
    },
    "no_framework_version": {
        "en": "no framework {code} version {version} in the database (see 'frameworks list')",
        "id": "tidak ada kerangka {code} versi {version} di basis data (lihat 'frameworks list')",
    },
    "stored_framework_missing": {
        "en": "the framework of this assessment is missing from the database",
        "id": "kerangka penilaian ini tidak ada di basis data",
    },
    "framework_altered": {
        "en": "the stored framework {code} {version} was altered outside the app (its checksum does not match)",
        "id": "kerangka tersimpan {code} {version} diubah di luar aplikasi (checksum-nya tidak cocok)",
    },
    "city_empty": {
        "en": "the city name is empty",
        "id": "nama kota kosong",
    },
    "year_implausible": {
        "en": "{year} is not a plausible assessment year",
        "id": "{year} bukan tahun penilaian yang masuk akal",
    },
    "not_a_year": {
        "en": "'{text}' is not a year",
        "id": "'{text}' bukan tahun",
    },
    "assessment_exists": {
        "en": "{city} already has a {year} assessment with framework {framework}",
        "id": "{city} sudah memiliki penilaian tahun {year} dengan kerangka {framework}",
    },
    "no_assessment": {
        "en": "the assessment no longer exists (it may have been deleted elsewhere)",
        "id": "penilaian itu sudah tidak ada (mungkin telah dihapus di tempat lain)",
    },
    "no_assessment_with_id": {
        "en": "no assessment with id {text} (see 'assessments list')",
        "id": "tidak ada penilaian dengan id {text} (lihat 'assessments list')",
    },
    "not_an_assessment_id": {
        "en": "'{text}' is not an assessment id: give it whole or its first 4 or more characters (see "
        "'assessments list')",
        "id": "'{text}' bukan id penilaian: berikan utuh atau 4 karakter pertamanya atau lebih (lihat "
        "'assessments list')",
    },
    "assessment_id_ambiguous": {
        "en": "'{text}' matches {count} assessments; give more of the id",
        "id": "'{text}' cocok dengan {count} penilaian; berikan id yang lebih panjang",
    },
    "not_final_nothing_to_reopen": {
        "en": "the assessment is not final, so there is nothing to reopen",
        "id": "penilaian belum final, jadi tidak ada yang perlu dibuka kembali",
    },
    "final_cannot_change": {
        "en": "the assessment is final: you cannot change it; reopen it first",
        "id": "penilaian sudah final: tidak dapat diubah; buka kembali dulu",
    },
    "final_cannot_delete": {
        "en": "the assessment is final: you cannot delete it; reopen it first",
        "id": "penilaian sudah final: tidak dapat dihapus; buka kembali dulu",
    },
    "final_cannot_finalize": {
        "en": "the assessment is final: you cannot finalize it; reopen it first",
        "id": "penilaian sudah final: tidak dapat difinalisasi lagi; buka kembali dulu",
    },
    "final_cannot_add": {
        "en": "the assessment is final: you cannot add evidence to it; reopen it first",
        "id": "penilaian sudah final: tidak dapat ditambahi bukti; buka kembali dulu",
    },
    "final_cannot_remove": {
        "en": "the assessment is final: you cannot remove evidence from it; reopen it first",
        "id": "penilaian sudah final: bukti tidak dapat dihapus darinya; buka kembali dulu",
    },
    "no_evidence": {
        "en": "the evidence file no longer exists (it may have been removed elsewhere)",
        "id": "berkas bukti itu sudah tidak ada (mungkin telah dihapus di tempat lain)",
    },
    "evidence_damaged": {
        "en": "the stored evidence file {name} is damaged (its SHA-256 does not match)",
        "id": "berkas bukti tersimpan {name} rusak (SHA-256-nya tidak cocok)",
    },
    "conflicts_with_stored": {
        "en": "the change conflicts with stored data: {detail}",
        "id": "perubahan bertentangan dengan data tersimpan: {detail}",
    },
    "level_outside_scale": {
        "en": "level: {level} is outside the scale {low}–{high}",
        "id": "tingkat: {level} di luar skala {low}–{high}",
    },
    "target_outside_scale": {
        "en": "target: {target} is outside the scale {low}–{high}",
        "id": "target: {target} di luar skala {low}–{high}",
    },
    "value_not_finite": {
        "en": "value: '{value}' is not a finite number",
        "id": "nilai: '{value}' bukan bilangan terhingga",
    },
    "value_not_measured": {
        "en": "value: {indicator} is not a measured indicator, so it takes no value",
        "id": "nilai: {indicator} bukan indikator terukur, jadi tidak menerima nilai",
    },
    "level_contradicts_value": {
        "en": "level: {level} contradicts the value {value} {unit}, which gives level {derived}",
        "id": "tingkat: {level} bertentangan dengan nilai {value} {unit}, yang memberi tingkat {derived}",
    },
    "implausible_year": {
        "en": "{field}: {year} is not a plausible year",
        "id": "{field}: {year} bukan tahun yang masuk akal",
    },
    "team_role_taken": {
        "en": "the team already has a {role} ({holder}); remove them or make them an assessor first",
        "id": "tim sudah memiliki {role} ({holder}); hapus dia atau jadikan asesor terlebih dahulu",
    },
    "team_name_empty": {
        "en": "the team member's name is empty",
        "id": "nama anggota tim kosong",
    },
    "team_role_unknown": {
        "en": "'{role}' is not a team role; choose one of {roles}",
        "id": "'{role}' bukan peran tim; pilih salah satu dari {roles}",
    },
    "team_too_large": {
        "en": "an evaluation team has at most {most} members",
        "id": "tim penilai beranggotakan paling banyak {most} orang",
    },
    "team_no_member": {
        "en": "{name} is not in the team of this assessment",
        "id": "{name} tidak ada dalam tim penilaian ini",
    },
    "team_needs_role": {
        "en": "--add needs --role lead, assessor or reviewer",
        "id": "--add memerlukan --role lead, assessor atau reviewer",
    },
    "team_role_without_add": {
        "en": "{option} goes with --add NAME (the member it is for)",
        "id": "{option} dipakai bersama --add NAMA (anggota yang dimaksud)",
    },
    "na_with_level": {
        "en": "na: an indicator marked N/A cannot also have a level or a value",
        "id": "tb: indikator yang ditandai TB (tidak berlaku) tidak dapat memiliki tingkat atau nilai",
    },
    "compare_no_such_framework": {
        "en": "{what} has no assessments with framework {framework}",
        "id": "{what} tidak memiliki penilaian dengan kerangka {framework}",
    },
    "compare_several_frameworks": {
        "en": "{what} has assessments with several frameworks ({codes}); choose one",
        "id": "{what} memiliki penilaian dengan beberapa kerangka ({codes}); pilih salah satu",
    },
    "compare_no_city": {
        "en": "no assessments for city '{city}' (cities: {known})",
        "id": "tidak ada penilaian untuk kota '{city}' (kota yang ada: {known})",
    },
    "compare_missing_years": {
        "en": "{name} has no assessment for {missing} (years: {have})",
        "id": "{name} tidak memiliki penilaian untuk {missing} (tahun yang ada: {have})",
    },
    "compare_year_is_draft": {
        "en": "the {years} assessment of {name} is a draft; include drafts to compare it",
        "id": "penilaian {years} {name} masih draf; sertakan draf untuk membandingkannya",
    },
    "compare_only_drafts": {
        "en": "{name} has only draft assessments; include drafts to compare them",
        "id": "{name} hanya memiliki penilaian draf; sertakan draf untuk membandingkannya",
    },
    "compare_no_cities": {
        "en": "name at least one city to compare",
        "id": "sebutkan setidaknya satu kota untuk dibandingkan",
    },
    "compare_no_year": {
        "en": "no assessments for {year}",
        "id": "tidak ada penilaian untuk tahun {year}",
    },
    "compare_city_no_year": {
        "en": "{city} has no assessment for {year}",
        "id": "{city} tidak memiliki penilaian untuk tahun {year}",
    },
    "compare_cities_draft": {
        "en": "the {year} assessment of {cities} is a draft; include drafts to compare it",
        "id": "penilaian {year} {cities} masih draf; sertakan draf untuk membandingkannya",
    },
    "name_clashes_with_column": {
        "en": "the name {name} clashes with a column of the comparison table",
        "id": "nama {name} berbenturan dengan kolom tabel perbandingan",
    },
    "cli_compare_either": {
        "en": "compare either one city over the years (--city NAME [--years Y ...]) or one year across cities "
        "(--year Y --cities NAME ...)",
        "id": "bandingkan satu kota dari tahun ke tahun (--city NAMA [--years T ...]) atau satu tahun antarkota "
        "(--year T --cities NAMA ...)",
    },
    "cli_cities_needs_year": {
        "en": "--cities goes with --year; to follow one city over the years use --city NAME [--years Y ...]",
        "id": "--cities dipakai bersama --year; untuk mengikuti satu kota dari tahun ke tahun pakai --city NAMA "
        "[--years T ...]",
    },
    "cli_years_needs_city": {
        "en": "--years goes with --city; to compare cities in one year use --year Y --cities NAME ...",
        "id": "--years dipakai bersama --city; untuk membandingkan kota dalam satu tahun pakai --year T --cities "
        "NAMA ...",
    },
    "cli_name_the_cities": {
        "en": "name the cities to compare in that year with --cities NAME ...",
        "id": "sebutkan kota yang dibandingkan pada tahun itu dengan --cities NAMA ...",
    },
    # the database
    "db_locked": {
        "en": "the database {where} is locked by another program; close it and try again",
        "id": "basis data {where} sedang dikunci oleh program lain; tutup program itu lalu coba lagi",
    },
    "db_damaged": {
        "en": "{where} is not a Smart City Assess database, or it is damaged",
        "id": "{where} bukan basis data Smart City Assess, atau berkas itu rusak",
    },
    "db_readonly": {
        "en": "the database {where} is read-only; copy it somewhere writable first",
        "id": "basis data {where} hanya dapat dibaca; salin dulu ke tempat yang dapat ditulisi",
    },
    "db_cannot_open": {
        "en": "the database {where} cannot be opened (check the folder exists and is writable)",
        "id": "basis data {where} tidak dapat dibuka (periksa bahwa foldernya ada dan dapat ditulisi)",
    },
    "db_full": {
        "en": "the disk holding {where} is full; nothing was changed: free some space and try again",
        "id": "disk tempat {where} penuh; tidak ada yang diubah: kosongkan sebagian ruang lalu coba lagi",
    },
    "db_io_error": {
        "en": "the database {where} could not be read or written (a disk or network error); nothing was changed",
        "id": "basis data {where} tidak dapat dibaca atau ditulis (galat disk atau jaringan); tidak ada yang diubah",
    },
    "db_unreachable": {
        "en": "the database server {where} cannot be reached; check the address and the network",
        "id": "server basis data {where} tidak dapat dihubungi; periksa alamat dan jaringannya",
    },
    "db_login_refused": {
        "en": "the database server {where} refused the login; check the user name and password",
        "id": "server basis data {where} menolak login; periksa nama pengguna dan kata sandinya",
    },
    "db_not_allowed": {
        "en": "your login on {where} may not make this change",
        "id": "login Anda di {where} tidak berhak membuat perubahan ini",
    },
    # evidence
    "evidence_is_database": {
        "en": "{name} is the assessment database itself; it cannot be attached as evidence",
        "id": "{name} adalah basis data penilaian itu sendiri; berkas ini tidak dapat dilampirkan sebagai bukti",
    },
    "evidence_not_a_file": {"en": "{name} is not a file", "id": "{name} bukan berkas"},
    "evidence_too_large": {
        "en": "{name} is {size}, more than the {limit} allowed for one evidence file",
        "id": "{name} berukuran {size}, melebihi batas {limit} untuk satu berkas bukti",
    },
    "evidence_empty": {"en": "{name} is empty", "id": "{name} kosong"},
    "evidence_unreadable": {
        "en": "{name} cannot be read ({reason})",
        "id": "{name} tidak dapat dibaca ({reason})",
    },
    "evidence_duplicate": {
        "en": "{name} is already attached to {indicator}",
        "id": "{name} sudah dilampirkan pada {indicator}",
    },
    "not_an_indicator": {
        "en": "'{indicator}' is not an indicator of framework {framework}",
        "id": "'{indicator}' bukan indikator kerangka {framework}",
    },
    "level_follows_value": {
        "en": "the level of {indicator} follows from its measured value; clear the value to choose a level by hand",
        "id": "tingkat {indicator} mengikuti nilai terukurnya; kosongkan nilai untuk memilih tingkat secara manual",
    },
    "changed_elsewhere": {
        "en": "{indicator} was changed elsewhere by {by} at {at}; what is stored now is shown and nothing was "
        "overwritten: make your change again if it still applies",
        "id": "{indicator} telah diubah di tempat lain oleh {by} pada {at}; yang kini tersimpan ditampilkan dan "
        "tidak ada yang tertimpa: ulangi perubahan Anda bila masih perlu",
    },
    # packages (.scapkg)
    "package_not_zip": {
        "en": "{name} is not a Smart City Assess package (it is not a zip file)",
        "id": "{name} bukan paket Smart City Assess (bukan berkas zip)",
    },
    "package_truncated": {
        "en": "{name} is damaged or incomplete (the zip file is cut short); ask for it again",
        "id": "{name} rusak atau tidak lengkap (berkas zip-nya terpotong); mintalah kiriman ulang",
    },
    "package_damaged": {
        "en": "{name} is damaged ({reason}); ask for it again",
        "id": "{name} rusak ({reason}); mintalah kiriman ulang",
    },
    "package_unreadable": {"en": "{name} cannot be read ({reason})", "id": "{name} tidak dapat dibaca ({reason})"},
    "package_unsafe_name": {
        "en": "{name} holds a member with an unsafe name ({member}); nothing was imported",
        "id": "{name} memuat anggota bernama tidak aman ({member}); tidak ada yang diimpor",
    },
    "package_unexpected_member": {
        "en": "{name} holds {member}, which no package of this app has; nothing was imported",
        "id": "{name} memuat {member}, yang tidak ada dalam paket aplikasi ini; tidak ada yang diimpor",
    },
    "package_duplicate_member": {
        "en": "{name} holds {member} twice; nothing was imported",
        "id": "{name} memuat {member} dua kali; tidak ada yang diimpor",
    },
    "package_member_too_large": {
        "en": "{member} in {name} unpacks to {size}, more than the {limit} allowed; nothing was imported",
        "id": "{member} dalam {name} berukuran {size} setelah dibuka, melebihi batas {limit}; tidak ada yang diimpor",
    },
    "package_total_too_large": {
        "en": "{name} unpacks to more than {limit}; nothing was imported",
        "id": "{name} berukuran lebih dari {limit} setelah dibuka; tidak ada yang diimpor",
    },
    "package_bomb": {
        "en": "{member} in {name} expands {ratio} times when unpacked, like a zip bomb; nothing was imported",
        "id": "{member} dalam {name} membesar {ratio} kali saat dibuka, seperti bom zip; tidak ada yang diimpor",
    },
    "package_unknown_format": {
        "en": "{name} is not a Smart City Assess package (no manifest of a known format)",
        "id": "{name} bukan paket Smart City Assess (tidak ada manifes dengan format yang dikenal)",
    },
    "package_newer_format": {
        "en": "{name} is in package format {version}, newer than this app reads ({supported}); update the app",
        "id": "{name} memakai format paket {version}, lebih baru daripada yang dapat dibaca aplikasi ini "
        "({supported}); perbarui aplikasinya",
    },
    "package_incomplete": {
        "en": "{name} lacks {member} in its manifest; it is not a complete package",
        "id": "manifes {name} tidak mencantumkan {member}; paket itu tidak lengkap",
    },
    "package_unlisted_member": {
        "en": "{name} holds {member}, which its manifest does not list; nothing was imported",
        "id": "{name} memuat {member}, yang tidak tercantum dalam manifesnya; tidak ada yang diimpor",
    },
    "package_missing_member": {
        "en": "{name} lacks {member}, which its manifest lists; nothing was imported",
        "id": "{name} tidak memuat {member}, padahal manifesnya mencantumkannya; tidak ada yang diimpor",
    },
    "package_checksum": {
        "en": "{member} in {name} does not match its checksum: the package was changed or damaged on the way; "
        "nothing was imported",
        "id": "{member} dalam {name} tidak cocok dengan checksum-nya: paket itu berubah atau rusak di jalan; "
        "tidak ada yang diimpor",
    },
    "package_bad_json": {
        "en": "{member} in {name} is not valid JSON ({reason}); nothing was imported",
        "id": "{member} dalam {name} bukan JSON yang sah ({reason}); tidak ada yang diimpor",
    },
    "package_bad_content": {
        "en": "{member} in {name} has a missing or malformed {field}; nothing was imported",
        "id": "{member} dalam {name} memiliki {field} yang hilang atau salah bentuk; tidak ada yang diimpor",
    },
    "package_framework_invalid": {
        "en": "the framework in {name} is not valid or does not match its checksum; nothing was imported",
        "id": "kerangka dalam {name} tidak sah atau tidak cocok dengan checksum-nya; tidak ada yang diimpor",
    },
    "package_unknown_indicator": {
        "en": "{name} answers '{indicator}', which is not an indicator of framework {framework}; nothing was imported",
        "id": "{name} menjawab '{indicator}', yang bukan indikator kerangka {framework}; tidak ada yang diimpor",
    },
    "package_outside_scale": {
        "en": "{name} gives {indicator} a {field} of {value}, outside the framework's scale {low}–{high}; "
        "nothing was imported",
        "id": "{name} memberi {indicator} {field} {value}, di luar skala kerangka {low}–{high}; tidak ada yang diimpor",
    },
    "package_bad_response": {
        "en": "{name} holds a response to {indicator} that is not valid ({reason}); nothing was imported",
        "id": "{name} memuat jawaban {indicator} yang tidak sah ({reason}); tidak ada yang diimpor",
    },
    "package_history_gap": {
        "en": "the revision history of {indicator} in {name} is incomplete or does not match; nothing was imported",
        "id": "riwayat revisi {indicator} dalam {name} tidak lengkap atau tidak cocok; tidak ada yang diimpor",
    },
    "package_chain_broken": {
        "en": "the audit trail in {name} does not verify from entry {seq} on: it was changed after it was "
        "written; nothing was imported",
        "id": "jejak audit dalam {name} tidak terverifikasi mulai entri {seq}: jejak itu diubah setelah ditulis; "
        "tidak ada yang diimpor",
    },
    "package_seal_broken": {
        "en": "{name} holds a final assessment whose content does not match what was approved; nothing was imported",
        "id": "{name} memuat penilaian final yang isinya tidak cocok dengan yang disetujui; tidak ada yang diimpor",
    },
    "package_framework_differs": {
        "en": "framework {code} version {version} in {name} differs from the one stored here under the same "
        "version; nothing was imported",
        "id": "kerangka {code} versi {version} dalam {name} berbeda dari yang tersimpan di sini dengan versi yang "
        "sama; tidak ada yang diimpor",
    },
    "package_target_final": {
        "en": "{city} {year} is final here; reopen it before importing {name}",
        "id": "{city} {year} sudah final di sini; buka kembali sebelum mengimpor {name}",
    },
    "package_target_in_review": {
        "en": "{city} {year} is in review here, so it takes no changes from {name} until the reviewer returns it",
        "id": "{city} {year} sedang ditinjau di sini, jadi tidak menerima perubahan dari {name} sampai peninjau "
        "mengembalikannya",
    },
    "package_final_diverged": {
        "en": "{name} holds {city} {year} as approved, but it was changed here since it was sent; nothing was imported",
        "id": "{name} memuat {city} {year} yang sudah disetujui, tetapi penilaian itu diubah di sini sejak "
        "dikirim; tidak ada yang diimpor",
    },
    "package_framework_version": {
        "en": "{city} {year} here uses framework {code} version {local} and {name} version {theirs}; they cannot "
        "be merged",
        "id": "{city} {year} di sini memakai kerangka {code} versi {local}, sedangkan {name} versi {theirs}; "
        "keduanya tidak dapat digabung",
    },
    "package_write_failed": {
        "en": "{name} cannot be written ({reason}); nothing was exported",
        "id": "{name} tidak dapat ditulis ({reason}); tidak ada yang diekspor",
    },
    "unknown_pillar": {
        "en": "'{pillar}' is not a pillar of framework {framework} (it has {known})",
        "id": "'{pillar}' bukan pilar kerangka {framework} (pilarnya {known})",
    },
    "bad_prefer": {
        "en": "--prefer takes mine, theirs or newer, not '{prefer}'",
        "id": "--prefer menerima mine, theirs atau newer, bukan '{prefer}'",
    },
    # field teams
    "assessment_in_review": {
        "en": "the assessment is in review: it cannot be changed until the reviewer returns it",
        "id": "penilaian sedang ditinjau: penilaian tidak dapat diubah sampai peninjau mengembalikannya",
    },
    "pillar_not_assigned": {
        "en": "{indicator} belongs to pillar {pillar}, which your assignment does not include; it is read-only here",
        "id": "{indicator} termasuk pilar {pillar}, yang tidak termasuk tugas Anda; di sini hanya dapat dibaca",
    },
    "conflicts_open": {
        "en": "conflicts from merged packages are still open ({count}); resolve them first (see 'conflicts list')",
        "id": "konflik dari paket yang digabung masih terbuka ({count}); selesaikan dulu (lihat 'conflicts list')",
    },
    "no_conflict": {"en": "{indicator} has no open conflict", "id": "{indicator} tidak memiliki konflik terbuka"},
    "resolve_how": {
        "en": "say how to settle it: --take mine, --take theirs, or the reconciled answer (--level, --na, "
        "--target, --value, --note)",
        "id": "sebutkan cara menyelesaikannya: --take mine, --take theirs, atau jawaban hasil rekonsiliasi "
        "(--level, --na, --target, --value, --note)",
    },
    "submit_not_draft": {
        "en": "only a draft can be submitted for review; this assessment is {status}",
        "id": "hanya draf yang dapat diajukan untuk ditinjau; penilaian ini {status}",
    },
    "approve_not_in_review": {
        "en": "only an assessment in review can be approved; this one is {status} (submit it first)",
        "id": "hanya penilaian yang sedang ditinjau yang dapat disetujui; penilaian ini {status} (ajukan dulu)",
    },
    "return_not_in_review": {
        "en": "only an assessment in review can be returned; this one is {status}",
        "id": "hanya penilaian yang sedang ditinjau yang dapat dikembalikan; penilaian ini {status}",
    },
    "reviewer_missing": {"en": "name the reviewer (--reviewer NAME)", "id": "sebutkan nama peninjau (--reviewer NAMA)"},
    "return_reason_missing": {
        "en": "say why it goes back to the assessors (--reason TEXT)",
        "id": "sebutkan alasan penilaian dikembalikan kepada penilai (--reason TEKS)",
    },
    "form_not_xlsx": {
        "en": "a field sheet is an Excel workbook: give a file name ending in .xlsx, not {name}",
        "id": "lembar kerja lapangan adalah buku kerja Excel: beri nama berkas berakhiran .xlsx, bukan {name}",
    },
    "form_is_folder": {
        "en": "{path} is a folder; give a file name such as lembar.xlsx",
        "id": "{path} adalah folder; beri nama berkas, misalnya lembar.xlsx",
    },
    "form_cannot_write": {
        "en": "{path}: cannot write the file ({reason}); nothing was changed",
        "id": "{path}: berkas tidak dapat ditulis ({reason}); tidak ada yang diubah",
    },
    "form_other_framework": {
        "en": "{name}: a field sheet of framework {found}, but the assessment uses {uses}; export a sheet with "
        "'smartcity-assess forms export --framework {uses}'",
        "id": "{name}: lembar kerja lapangan kerangka {found}, padahal penilaian ini memakai {uses}; ekspor "
        "lembarnya dengan 'smartcity-assess forms export --framework {uses}'",
    },
    "form_bad_cell": {
        "en": "{name}: sheet {sheet}, {problem}",
        "id": "{name}: lembar {sheet}, {problem}",
    },
    "form_no_answer": {
        "en": "{name}: the field sheet has no answer filled in",
        "id": "{name}: lembar kerja lapangan belum berisi satu jawaban pun",
    },
    "nip_invalid": {
        "en": "'{nip}' is not a NIP: a NIP has 18 digits",
        "id": "'{nip}' bukan NIP: NIP terdiri atas 18 angka",
    },
    "verify_entry": {
        "en": "audit entry {seq} ({what}, {at}) does not match its hash: the trail was changed behind the app's back",
        "id": "entri audit {seq} ({what}, {at}) tidak cocok dengan hash-nya: jejak diubah di luar aplikasi",
    },
    "verify_response": {
        "en": "the response to {indicator} does not match its revision history: it was changed behind the app's back",
        "id": "jawaban {indicator} tidak cocok dengan riwayat revisinya: jawaban itu diubah di luar aplikasi",
    },
    "verify_evidence": {
        "en": "the evidence file {name} of {indicator} does not match its SHA-256",
        "id": "berkas bukti {name} pada {indicator} tidak cocok dengan SHA-256-nya",
    },
    "verify_seal": {
        "en": "the approval's seal is missing from the audit trail",
        "id": "segel persetujuan tidak ada dalam jejak audit",
    },
    "verify_content": {
        "en": "the content no longer matches what was approved (sealed {sealed}…, now {now}…)",
        "id": "isi penilaian tidak lagi cocok dengan yang disetujui (disegel {sealed}…, kini {now}…)",
    },
    "evidence_not_found": {
        "en": "this assessment has no evidence file with SHA-256 {sha256}",
        "id": "penilaian ini tidak memiliki berkas bukti dengan SHA-256 {sha256}",
    },
}


SIZE_PARAMS = frozenset({"size", "limit"})  # byte counts, written as a person reads them


def human_size(size: int, lang: str = "en") -> str:
    """1536 → "1.5 KB" (binary multiples, as file managers show them); a decimal comma in Indonesian."""
    amount, unit = float(size), "bytes"
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            break
        amount /= 1024
    if unit == "bytes":
        return f"{int(amount)} {'byte' if lang == 'id' else 'bytes'}"  # Indonesian nouns take no plural
    return with_decimal_mark(f"{amount:.1f} {unit}", lang)


STATUS_WORDS = {
    "draft": {"en": "a draft", "id": "masih draf"},
    "in_review": {"en": "in review", "id": "sedang ditinjau"},
    "final": {"en": "final", "id": "sudah final"},
}


def _param(value: Any, lang: str, name: str = "") -> str:
    if isinstance(value, UserError):  # an error inside another one: in the same language
        return value.text(lang)
    if name == "status" and value in STATUS_WORDS:
        return STATUS_WORDS[value].get(lang, STATUS_WORDS[value]["en"])
    if name in SIZE_PARAMS and isinstance(value, int):
        return human_size(value, lang)
    if isinstance(value, Mapping):  # a framework text: in the reader's language
        return localize(value, lang)
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, float):
        return with_decimal_mark(f"{value:g}", lang)
    return str(value)


def render(
    code: str,
    params: dict[str, Any],
    lang: str = "en",
    *,
    sentence: bool = False,
    catalogue: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """The text for `code` in `lang` (English when it has none); an unknown code is a text itself.

    sentence=True: as a dialog says it (see as_sentence), the command line's form otherwise.
    """
    texts = (MESSAGES if catalogue is None else catalogue).get(code)
    if texts is None:
        return as_sentence(code) if sentence else code
    template = texts.get(lang) or texts["en"]
    if sentence:
        template = as_sentence(template)  # before filling in: a file name first stays as it is written
    return template.format(**{name: _param(value, lang, name) for name, value in params.items()})


def as_sentence(text: str) -> str:
    """A message as a dialog shows it: a capital first letter and a final stop.

    A text that starts with a name (a parameter, a file name or path, a code) keeps it as written.
    """
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if text[0].islower() and not any(mark in first for mark in "{./\\:_'"):
        text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?)" else text + "."
