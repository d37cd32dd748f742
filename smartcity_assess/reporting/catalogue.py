"""The report's own words in English and Bahasa Indonesia, and how it writes numbers and dates.

Framework texts (pillar names, rubrics, band labels) come from the framework through `localize`;
this catalogue only holds what the report itself says. It is plain Python, not Qt, because the
report runs without a display (CLI, worker thread).
"""

from __future__ import annotations

from datetime import date

from ..core.errors import UserError
from ..core.text import LANGUAGES, with_decimal_mark

MESSAGES: dict[str, dict[str, str]] = {
    # document frame
    "report_title": {
        "en": "Smart-City Maturity Gap Report",
        "id": "Laporan Analisis Kesenjangan Kematangan Kota Cerdas",
    },
    "page_of": {"en": "page {page} of {total}", "id": "halaman {page} dari {total}"},
    "draft_mark": {"en": "DRAFT", "id": "DRAF"},
    "draft_notice": {
        "en": "This assessment is not final: its figures may still change.",
        "id": "Penilaian ini belum final: angka-angkanya masih dapat berubah.",
    },
    "demo_notice": {
        "en": "Sample data for demonstration: not a real assessment.",
        "id": "Data contoh untuk demonstrasi: bukan penilaian yang sebenarnya.",
    },
    # cover
    "city": {"en": "City", "id": "Kota"},
    "year": {"en": "Assessment year", "id": "Tahun penilaian"},
    "framework": {"en": "Framework", "id": "Kerangka penilaian"},
    "framework_version": {"en": "{title}, version {version}", "id": "{title}, versi {version}"},
    "assessor": {"en": "Assessor", "id": "Penilai"},
    "status": {"en": "Status", "id": "Status"},
    "status_final": {"en": "Final (finalized on {date} by {who})", "id": "Final (difinalisasi {date} oleh {who})"},
    "status_draft": {"en": "Draft", "id": "Draf"},
    "status_in_review": {
        "en": "In review (submitted on {date} by {who})",
        "id": "Sedang ditinjau (diajukan {date} oleh {who})",
    },
    "assessed_by": {"en": "Assessed by", "id": "Dinilai oleh"},
    "reviewed_by": {"en": "Reviewed and approved by", "id": "Ditinjau dan disetujui oleh"},
    "reviewer_line": {"en": "{who}, on {date}", "id": "{who}, pada {date}"},
    "content_hash": {"en": "Content hash (SHA-256)", "id": "Hash isi (SHA-256)"},
    "sec_signoff": {"en": "Sign-off", "id": "Pengesahan"},
    "signoff_submitted": {"en": "Submitted for review", "id": "Diajukan untuk ditinjau"},
    "signoff_pending": {"en": "not yet approved", "id": "belum disetujui"},
    "signoff_hash_note": {
        "en": "The content hash covers every response and evidence file as approved; 'smartcity-assess "
        "assessments verify' recomputes it and the audit trail's hash chain.",
        "id": "Hash isi mencakup setiap jawaban dan berkas bukti sebagaimana disetujui; 'smartcity-assess "
        "assessments verify' menghitungnya ulang beserta rantai hash jejak audit.",
    },
    "method_agreement": {"en": "Agreement between assessors", "id": "Kesepakatan antarpenilai"},
    "agreement_text": {
        "en": "{count} assessors scored the indicators independently ({names}). Their agreement over "
        "{indicators} indicators scored by more than one of them, Krippendorff's alpha (ordinal): {alpha}. "
        "Indicators on which their levels differ by two or more: {wide}.",
        "id": "{count} penilai menilai indikator secara mandiri ({names}). Kesepakatan mereka atas "
        "{indicators} indikator yang dinilai oleh lebih dari satu penilai, alfa Krippendorff (ordinal): "
        "{alpha}. Indikator yang tingkatnya berselisih dua atau lebih: {wide}.",
    },
    "report_date": {"en": "Date of this report", "id": "Tanggal laporan"},
    "not_given": {"en": "not given", "id": "tidak diisi"},
    # section titles
    "sec_summary": {"en": "Executive summary", "id": "Ringkasan eksekutif"},
    "sec_pillar": {"en": "Pillar {code}: {name}", "id": "Pilar {code}: {name}"},
    "sec_gaps": {"en": "Prioritised gaps", "id": "Kesenjangan menurut prioritas"},
    "sec_roadmap": {"en": "Roadmap", "id": "Peta jalan"},
    "sec_progress": {"en": "Progress since previous assessments", "id": "Kemajuan sejak penilaian sebelumnya"},
    "sec_method": {"en": "Method", "id": "Metode"},
    # executive summary
    "overall_index": {"en": "Overall index", "id": "Indeks keseluruhan"},
    "band": {"en": "Band", "id": "Predikat"},
    "target": {"en": "Target", "id": "Target"},
    "gap": {"en": "Gap", "id": "Kesenjangan"},
    "completion": {"en": "Completion", "id": "Kelengkapan"},
    "completion_detail": {
        "en": "{percent} ({answered} answered, {na} not applicable, of {total} indicators)",
        "id": "{percent} ({answered} dijawab, {na} tidak berlaku, dari {total} indikator)",
    },
    "no_answers": {
        "en": "No indicator has been answered yet, so there are no scores, gaps or roadmap to report. "
        "They will appear here once the assessor records levels.",
        "id": "Belum ada indikator yang dijawab, sehingga belum ada nilai, kesenjangan, atau peta jalan untuk "
        "dilaporkan. Semuanya akan tampil di sini setelah penilai mengisi tingkat kematangan.",
    },
    "radar_caption": {
        "en": "Pillar scores on the fixed {lo}–{hi} scale (rings at each level).",
        "id": "Nilai pilar pada skala tetap {lo}–{hi} (lingkaran pada setiap tingkat).",
    },
    "radar_missing": {
        "en": "Not assessed (drawn at the centre): {items}.",
        "id": "Tidak dinilai (digambar di titik pusat): {items}.",
    },
    "series_current": {"en": "{year} (this assessment)", "id": "{year} (penilaian ini)"},
    "series_target": {"en": "Target", "id": "Target"},
    "series_previous": {"en": "{year} (previous)", "id": "{year} (sebelumnya)"},
    "pillar": {"en": "Pillar", "id": "Pilar"},
    "score": {"en": "Score", "id": "Nilai"},
    "weight": {"en": "Weight", "id": "Bobot"},
    "top_gaps": {"en": "Five largest gaps by priority", "id": "Lima kesenjangan terbesar menurut prioritas"},
    "no_gaps": {
        "en": "Every answered indicator is at or above its target.",
        "id": "Semua indikator yang dijawab sudah mencapai atau melampaui targetnya.",
    },
    "priority": {"en": "Priority", "id": "Prioritas"},
    "indicator": {"en": "Indicator", "id": "Indikator"},
    "code": {"en": "Code", "id": "Kode"},
    "level": {"en": "Level", "id": "Tingkat"},
    "level_name": {"en": "Name", "id": "Nama"},
    "level_to_target": {"en": "Level → target", "id": "Tingkat → target"},
    # pillar sections
    "evidence_files": {"en": "Files", "id": "Bukti"},
    "note": {"en": "Assessor's note", "id": "Catatan penilai"},
    "not_answered": {"en": "not answered", "id": "belum dijawab"},
    "na": {"en": "N/A", "id": "T/B"},
    "strengths": {"en": "Strengths (at or above target)", "id": "Kekuatan (mencapai atau melampaui target)"},
    "weaknesses": {"en": "Weaknesses (below target)", "id": "Kelemahan (di bawah target)"},
    "none": {"en": "none", "id": "tidak ada"},
    "pillar_line": {
        "en": "Score {score} ({band}), target {target}, gap {gap}; {answered} of {total} indicators answered, "
        "{na} not applicable; weight {weight}.",
        "id": "Nilai {score} ({band}), target {target}, kesenjangan {gap}; {answered} dari {total} indikator "
        "dijawab, {na} tidak berlaku; bobot {weight}.",
    },
    "pillar_line_unscored": {
        "en": "Not scored yet: {answered} of {total} indicators answered, {na} not applicable; weight {weight}.",
        "id": "Belum dinilai: {answered} dari {total} indikator dijawab, {na} tidak berlaku; bobot {weight}.",
    },
    "no_answers_short": {
        "en": "None yet: no indicator has been answered.",
        "id": "Belum ada: belum ada indikator yang dijawab.",
    },
    "unscored": {"en": "not scored", "id": "belum dinilai"},
    # prioritised gaps
    "gaps_intro": {
        "en": "Every indicator below its target, largest priority first. Under each, the rubric of the levels "
        "between the current level and the target: what reaching the target concretely requires.",
        "id": "Setiap indikator di bawah targetnya, dimulai dari prioritas terbesar. Di bawah setiap indikator "
        "tercantum rubrik tingkat antara tingkat saat ini dan target: apa yang secara konkret dibutuhkan "
        "untuk mencapai target.",
    },
    "gap_head": {
        "en": "level {level} ({level_name}) → target {target}; gap {gap}, priority {priority}",
        "id": "tingkat {level} ({level_name}) → target {target}; kesenjangan {gap}, prioritas {priority}",
    },
    "rubric_level": {"en": "Level {number} – {name}:", "id": "Tingkat {number} – {name}:"},
    # roadmap
    "roadmap_intro": {
        "en": "Gaps grouped into phases by priority. Rule: the gaps are taken in order of priority; those that "
        "begin within the first 50% of the total priority (the weighted gap of the whole assessment) go "
        "to 0–6 months, those that begin within the next 30% to 6–12 months, the rest to 12–24 months. "
        "So the few gaps that make up half of the distance to target come first.",
        "id": "Kesenjangan dikelompokkan ke dalam tahapan menurut prioritas. Aturannya: kesenjangan diurutkan "
        "menurut prioritas; yang dimulai dalam 50% pertama dari total prioritas (kesenjangan tertimbang "
        "seluruh penilaian) masuk ke 0–6 bulan, yang dimulai dalam 30% berikutnya ke 6–12 bulan, sisanya "
        "ke 12–24 bulan. Dengan begitu, sedikit kesenjangan yang membentuk separuh jarak ke target "
        "ditangani lebih dahulu.",
    },
    "phase": {"en": "Phase", "id": "Tahap"},
    "phase_0_6": {"en": "0–6 months", "id": "0–6 bulan"},
    "phase_6_12": {"en": "6–12 months", "id": "6–12 bulan"},
    "phase_12_24": {"en": "12–24 months", "id": "12–24 bulan"},
    "next_step": {"en": "First milestone", "id": "Capaian pertama"},
    "next_step_text": {"en": "reach level {number} ({name})", "id": "mencapai tingkat {number} ({name})"},
    "cumulative": {"en": "Cum. share", "id": "Kum. porsi"},
    "no_roadmap": {
        "en": "No gap to close: there is no roadmap to propose.",
        "id": "Tidak ada kesenjangan yang perlu ditutup: tidak ada peta jalan yang diusulkan.",
    },
    # progress
    "progress_intro": {
        "en": "Final assessments of {city} with the same framework ({code}), compared by indicator code. "
        "A pillar or indicator that a year did not assess reads “not assessed”.",
        "id": "Penilaian final {city} dengan kerangka yang sama ({code}), dibandingkan menurut kode indikator. "
        "Pilar atau indikator yang tidak dinilai pada suatu tahun ditulis “tidak dinilai”.",
    },
    "not_assessed": {"en": "not assessed", "id": "tidak dinilai"},
    "overall": {"en": "Overall", "id": "Keseluruhan"},
    "change_since": {"en": "Change since {year}", "id": "Perubahan sejak {year}"},
    "year_draft": {"en": "{year} (draft)", "id": "{year} (draf)"},
    "version_change": {
        "en": "The framework version changed: {versions}. Indicators are compared by code.",
        "id": "Versi kerangka berubah: {versions}. Indikator dibandingkan menurut kode.",
    },
    "version_in_year": {"en": "{version} in {year}", "id": "{version} pada {year}"},
    "improvements": {"en": "Largest improvements since {year}", "id": "Peningkatan terbesar sejak {year}"},
    "regressions": {"en": "Largest regressions since {year}", "id": "Penurunan terbesar sejak {year}"},
    "no_improvements": {"en": "No indicator improved.", "id": "Tidak ada indikator yang meningkat."},
    "no_regressions": {"en": "No indicator regressed.", "id": "Tidak ada indikator yang menurun."},
    "not_comparable": {
        "en": "Not comparable with {year} (not assessed or not applicable in one of the two years)",
        "id": "Tidak dapat dibandingkan dengan {year} (tidak dinilai atau tidak berlaku pada salah satu tahun)",
    },
    "change": {"en": "Change", "id": "Perubahan"},
    # method
    "method_scale": {"en": "Scale and level names", "id": "Skala dan nama tingkat"},
    "method_weights": {"en": "Pillar weights", "id": "Bobot pilar"},
    "share": {"en": "Share", "id": "Porsi"},
    "share_scored": {"en": "Share in this assessment", "id": "Porsi dalam penilaian ini"},
    "share_scored_note": {
        "en": "Pillars without a score are left out and the other pillars' weights renormalised: the second "
        "share is the one the overall figures and the priorities use.",
        "id": "Pilar tanpa skor tidak dihitung dan bobot pilar lainnya dinormalkan ulang: porsi kedua adalah "
        "porsi yang dipakai untuk angka keseluruhan dan prioritas.",
    },
    "indicators": {"en": "Indicators", "id": "Indikator"},
    "method_weights_note": {
        "en": "Indicator weights within each pillar are listed in the pillar sections (column “{weight}”).",
        "id": "Bobot indikator di dalam setiap pilar tercantum pada bagian pilar (kolom “{weight}”).",
    },
    "method_bands": {"en": "Bands (predicates)", "id": "Predikat"},
    "range": {"en": "Range", "id": "Rentang"},
    "range_from": {"en": "{lo} and above", "id": "{lo} ke atas"},
    "range_between": {"en": "{lo} to below {hi}", "id": "{lo} sampai di bawah {hi}"},
    "method_formulas": {"en": "Formulas", "id": "Rumus"},
    "formulas": {
        "en": [
            "Pillar score = Σ(w × level) / Σ w over the answered indicators of the pillar (w: indicator weight).",
            "Pillar target = Σ(w × target) / Σ w over the same indicators.",
            "Indicator gap = max(0, target − level); pillar gap = Σ(w × gap) / Σ w.",
            "Overall index, target and gap = the same weighted means over the pillars that have a score, "
            "with the pillar weights.",
            "Priority = pillar share × indicator share within its pillar × gap; the priorities add up to the "
            "overall gap.",
            "Completion = (answered + not applicable) / all indicators.",
            "A measured indicator's level comes from its value and the thresholds set in the framework.",
        ],
        "id": [
            "Nilai pilar = Σ(w × tingkat) / Σ w atas indikator pilar yang dijawab (w: bobot indikator).",
            "Target pilar = Σ(w × target) / Σ w atas indikator yang sama.",
            "Kesenjangan indikator = maks(0, target − tingkat); kesenjangan pilar = Σ(w × kesenjangan) / Σ w.",
            "Indeks, target, dan kesenjangan keseluruhan = rata-rata tertimbang yang sama atas pilar yang "
            "memiliki nilai, dengan bobot pilar.",
            "Prioritas = porsi pilar × porsi indikator di dalam pilarnya × kesenjangan; jumlah seluruh "
            "prioritas sama dengan kesenjangan keseluruhan.",
            "Kelengkapan = (dijawab + tidak berlaku) / seluruh indikator.",
            "Tingkat indikator terukur ditentukan dari nilainya dan ambang batas yang ditetapkan dalam kerangka.",
        ],
    },
    "method_na": {"en": "Not applicable and unanswered indicators", "id": "Indikator tidak berlaku dan belum dijawab"},
    "na_text": {
        "en": "An indicator marked not applicable (N/A) or not yet answered is left out of every mean, and the "
        "weights of the others are renormalised; it never counts as zero. A pillar with no answered "
        "indicator has no score and is left out of the overall index in the same way.",
        "id": "Indikator yang ditandai tidak berlaku (T/B) atau belum dijawab tidak diikutkan dalam rata-rata, "
        "dan bobot indikator lainnya dinormalisasi ulang; indikator tersebut tidak pernah dihitung nol. "
        "Pilar tanpa indikator yang dijawab tidak memiliki nilai dan dengan cara yang sama tidak "
        "diikutkan dalam indeks keseluruhan.",
    },
    "rounding": {
        "en": "Figures are computed unrounded and shown with two decimals.",
        "id": "Angka dihitung tanpa pembulatan dan ditampilkan dengan dua desimal.",
    },
    "earlier_rule": {
        "en": "Earlier assessments are compared only when they are final.",
        "id": "Penilaian sebelumnya hanya dibandingkan bila sudah final.",
    },
}

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
}
DASH = "—"


class Catalogue:
    """The report's words and number formats in one language."""

    def __init__(self, lang: str):
        if lang not in LANGUAGES:
            raise UserError(f"'{lang}' is not a report language; choose one of {', '.join(LANGUAGES)}")
        self.lang = lang

    def __call__(self, key: str, **values) -> str:
        text = MESSAGES[key][self.lang]
        return text.format(**values) if values else text

    def lines(self, key: str) -> list[str]:
        return list(MESSAGES[key][self.lang])

    def number(self, value: float | None, digits: int = 2) -> str:
        """Two decimals with the language's decimal separator; a dash for no value."""
        if value is None:
            return DASH
        return with_decimal_mark(f"{value:.{digits}f}", self.lang)

    def signed(self, value: float | None, digits: int = 2) -> str:
        if value is None:
            return DASH
        return ("+" if value > 0 else "") + self.number(value, digits)

    def percent(self, fraction: float) -> str:
        return f"{fraction:.0%}"

    def measured(self, value: float) -> str:
        """A measured value as recorded (no forced decimals), with the language's decimal separator."""
        return with_decimal_mark(f"{value:g}", self.lang)

    def date(self, day: date) -> str:
        return f"{day.day} {_MONTHS[self.lang][day.month - 1]} {day.year}"
