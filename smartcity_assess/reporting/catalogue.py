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
        "en": "Smart City Maturity Assessment Report",
        "id": "Laporan Hasil Penilaian Tingkat Kematangan Smart City",
    },
    "report_title_full": {
        "en": "Smart City Maturity Assessment Report, {city}, {year}",
        "id": "Laporan Hasil Penilaian Tingkat Kematangan Smart City {city} Tahun {year}",
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
    "sec_review_record": {"en": "Review and approval", "id": "Peninjauan dan pengesahan"},
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
        "id": "Belum ada indikator yang dijawab, sehingga belum ada skor, kesenjangan, atau peta jalan untuk "
        "dilaporkan. Semuanya akan tampil di sini setelah penilai mengisi tingkat kematangan.",
    },
    "radar_caption": {
        "en": "Pillar scores on the fixed {lo}–{hi} scale (rings at each level).",
        "id": "Skor pilar pada skala tetap {lo}–{hi} (lingkaran pada setiap tingkat).",
    },
    "radar_missing": {
        "en": "Not assessed (drawn at the centre): {items}.",
        "id": "Tidak dinilai (digambar di titik pusat): {items}.",
    },
    "series_current": {"en": "{year} (this assessment)", "id": "{year} (penilaian ini)"},
    "series_target": {"en": "Target", "id": "Target"},
    "series_previous": {"en": "{year} (previous)", "id": "{year} (sebelumnya)"},
    "pillar": {"en": "Pillar", "id": "Pilar"},
    "score": {"en": "Score", "id": "Skor"},
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
    "na": {"en": "N/A", "id": "TB"},
    "strengths": {"en": "Strengths (at or above target)", "id": "Kekuatan (mencapai atau melampaui target)"},
    "weaknesses": {"en": "Weaknesses (below target)", "id": "Kelemahan (di bawah target)"},
    "none": {"en": "none", "id": "tidak ada"},
    "pillar_line": {
        "en": "Score {score} ({band}), target {target}, gap {gap}; {answered} of {total} indicators answered, "
        "{na} not applicable; weight {weight}.",
        "id": "Skor {score} ({band}), target {target}, kesenjangan {gap}; {answered} dari {total} indikator "
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
    "cumulative": {"en": "Cumulative share", "id": "Porsi kumulatif"},
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
    # domains
    "domain": {"en": "Domain", "id": "Domain"},
    "domain_of": {"en": "Domain {code}: {name}.", "id": "Domain {code}: {name}."},
    "domain_scores": {"en": "Scores by domain", "id": "Skor per domain"},
    # sign-off page
    "sec_signoff": {"en": "Sign-off", "id": "Lembar pengesahan"},
    "signoff_title": {"en": "SIGN-OFF PAGE", "id": "LEMBAR PENGESAHAN"},
    "signoff_text": {
        "en": "The {title} has been prepared by the evaluation team, reviewed and approved by the undersigned.",
        "id": "{title} ini telah disusun oleh tim penilai, direviu, dan disahkan oleh yang bertanda tangan "
        "di bawah ini.",
    },
    "signoff_reviewed": {"en": "Reviewed by,", "id": "Direviu oleh,"},
    "signoff_approved": {"en": "Lead of the evaluation team,", "id": "Ketua Tim Penilai,"},
    "signoff_reviewer": {"en": "Reviewer", "id": "Reviewer"},
    "nip_line": {"en": "NIP. {nip}", "id": "NIP. {nip}"},
    "dotted": {"en": "……………………………", "id": "……………………………"},
    # introduction
    "sec_intro": {"en": "Introduction", "id": "Pendahuluan"},
    "legal_basis": {"en": "Legal basis", "id": "Dasar hukum"},
    "no_legal_basis": {
        "en": "The framework file states no legal basis.",
        "id": "Berkas kerangka penilaian tidak mencantumkan dasar hukum.",
    },
    "purpose": {"en": "Purpose", "id": "Maksud dan tujuan"},
    "purpose_text": {
        "en": "This assessment measures the smart-city maturity of {city} in {year} against the framework "
        "“{framework}”, shows the gap to the targets set, and recommends what to do, by whom and by when, "
        "so that the next assessment can show what was closed.",
        "id": "Penilaian ini mengukur tingkat kematangan Smart City {city} pada tahun {year} berdasarkan kerangka "
        "“{framework}”, menunjukkan kesenjangan terhadap target yang ditetapkan, serta merekomendasikan apa "
        "yang perlu dilakukan, oleh siapa, dan kapan, sehingga penilaian berikutnya dapat menunjukkan "
        "kesenjangan yang telah ditutup.",
    },
    "scope": {"en": "Scope", "id": "Ruang lingkup"},
    "scope_text": {
        "en": "{city}, assessment year {year}: {indicators} indicators in {pillars} pillars{domains}, each scored on "
        "the levels {lo}–{hi} of the framework {framework}, version {version}.",
        "id": "{city}, tahun penilaian {year}: {indicators} indikator dalam {pillars} pilar{domains}, masing-masing "
        "dinilai pada tingkat {lo}–{hi} kerangka {framework}, versi {version}.",
    },
    "scope_domains": {"en": " grouped in {count} domains", "id": " yang dikelompokkan dalam {count} domain"},
    "team": {"en": "Evaluation team", "id": "Tim penilai"},
    "no_team": {
        "en": "No team has been recorded (smartcity-assess assessments team, or the assessment's properties in "
        "the app).",
        "id": "Tim penilai belum dicatat (smartcity-assess assessments team, atau properti penilaian di aplikasi).",
    },
    "number": {"en": "No.", "id": "No."},
    "name": {"en": "Name", "id": "Nama"},
    "team_role": {"en": "Role in the team", "id": "Peran dalam tim"},
    "position": {"en": "Position", "id": "Jabatan"},
    "nip": {"en": "NIP", "id": "NIP"},
    "role_lead": {"en": "Lead", "id": "Ketua"},
    "role_assessor": {"en": "Assessor", "id": "Anggota penilai"},
    "role_reviewer": {"en": "Reviewer", "id": "Reviewer"},
    # method: stages and sources
    "method_stages": {"en": "Stages", "id": "Tahapan"},
    "stages": {
        "en": [
            "Preparation: the framework, its targets and the evaluation team are set.",
            "Collection: documents, regulations, systems and measured values (with their source and year) are "
            "gathered from the perangkat daerah, and evidence files attached to each indicator.",
            "Assessment: the assessors score every indicator against its rubric and write down their finding.",
            "Review: the reviewer checks the levels against the evidence.",
            "Finalization: the assessment is made read-only, and this report is signed.",
        ],
        "id": [
            "Persiapan: kerangka penilaian, target, dan tim penilai ditetapkan.",
            "Pengumpulan data: dokumen, regulasi, sistem, dan nilai terukur (beserta sumber dan tahunnya) "
            "dihimpun dari perangkat daerah, dan berkas bukti dilampirkan pada setiap indikator.",
            "Penilaian: penilai menilai setiap indikator berdasarkan rubriknya dan mencatat temuannya.",
            "Reviu: reviewer memeriksa tingkat yang diberikan terhadap bukti.",
            "Finalisasi: penilaian dikunci agar tidak dapat diubah, dan laporan ini ditandatangani.",
        ],
    },
    "method_sources": {"en": "Sources", "id": "Sumber data"},
    "sources_text": {
        "en": "Documents and regulations of the government, interviews with the perangkat daerah, {files} (listed in "
        "the appendix) and measured values from {sources}.",
        "id": "Dokumen dan regulasi pemerintah daerah, wawancara dengan perangkat daerah, {files} (tercantum dalam "
        "lampiran), serta nilai terukur dari {sources}.",
    },
    "sources_text_unsourced": {
        "en": "Documents and regulations of the government, interviews with the perangkat daerah and {files} (listed "
        "in the appendix); no measured value has its source stated yet.",
        "id": "Dokumen dan regulasi pemerintah daerah, wawancara dengan perangkat daerah, dan {files} (tercantum "
        "dalam lampiran); belum ada nilai terukur yang dicantumkan sumbernya.",
    },
    "source_files": {"en": "{count} evidence files", "id": "{count} berkas bukti"},
    "source_files_one": {"en": "1 evidence file", "id": "1 berkas bukti"},
    # per indicator
    "sec_findings": {"en": "Findings by indicator", "id": "Hasil penilaian per indikator"},
    "level_reached": {"en": "Level reached:", "id": "Tingkat yang dicapai:"},
    "level_reached_text": {"en": "{number} – {name} (target {target}).", "id": "{number} – {name} (target {target})."},
    "finding": {"en": "Finding:", "id": "Temuan:"},
    "measured_value": {"en": "Measured value:", "id": "Nilai terukur:"},
    "source": {"en": "source", "id": "sumber"},
    "source_unknown": {"en": "source not stated", "id": "sumber tidak dicantumkan"},
    "recommendation": {"en": "Recommendation:", "id": "Rekomendasi:"},
    "responsible": {"en": "responsible", "id": "penanggung jawab"},
    "due": {"en": "due", "id": "target waktu"},
    "references": {"en": "References:", "id": "Acuan:"},
    "evidence_line": {"en": "Evidence:", "id": "Bukti:"},
    "evidence_count": {"en": "{count} files, see the appendix.", "id": "{count} berkas, lihat lampiran."},
    "evidence_count_one": {"en": "1 file, see the appendix.", "id": "1 berkas, lihat lampiran."},
    # roadmap
    "unit": {"en": "Responsible unit (OPD)", "id": "Perangkat daerah penanggung jawab"},
    "no_unit": {"en": "not assigned", "id": "belum ditentukan"},
    "due_year": {"en": "Due", "id": "Target waktu"},
    "action": {"en": "Recommendation", "id": "Rekomendasi"},
    # conclusion
    "sec_conclusion": {"en": "Conclusion", "id": "Kesimpulan"},
    "conclusion_index": {
        "en": "The smart-city maturity index of {city} in {year} is {score} ({band}), against a target of {target}; "
        "{completion} of the indicators have been assessed.",
        "id": "Indeks kematangan Smart City {city} tahun {year} adalah {score} ({band}), dengan target {target}; "
        "{completion} indikator telah dinilai.",
    },
    "conclusion_none": {
        "en": "No indicator of {city} has been scored for {year} yet, so no conclusion can be drawn.",
        "id": "Belum ada indikator {city} yang dinilai untuk tahun {year}, sehingga belum dapat ditarik kesimpulan.",
    },
    "conclusion_extremes": {
        "en": "The strongest {kind} is {best} ({best_score}); the weakest is {worst} ({worst_score}).",
        "id": "{kind_cap} terkuat adalah {best} ({best_score}); yang terlemah adalah {worst} ({worst_score}).",
    },
    "kind_domain": {"en": "domain", "id": "domain"},
    "kind_pillar": {"en": "pillar", "id": "pilar"},
    "conclusion_gaps": {
        "en": "{count} indicators are below their target; the largest priorities are {codes}.",
        "id": "{count} indikator masih di bawah targetnya; prioritas terbesar adalah {codes}.",
    },
    "conclusion_no_gaps": {
        "en": "Every scored indicator has reached its target.",
        "id": "Seluruh indikator yang dinilai telah mencapai targetnya.",
    },
    "conclusion_recommendations": {
        "en": "{count} recommendations are addressed to {units} responsible units; the roadmap sets them in three "
        "phases.",
        "id": "{count} rekomendasi ditujukan kepada {units} perangkat daerah penanggung jawab; peta jalan membaginya "
        "dalam tiga tahap.",
    },
    "conclusion_change": {
        "en": "Since {year} the index has changed by {change}.",
        "id": "Sejak tahun {year} indeks berubah sebesar {change}.",
    },
    "conclusion_draft": {
        "en": "This report is a draft: its figures may change until the assessment is finalized.",
        "id": "Laporan ini masih berupa draf: angkanya dapat berubah sampai penilaian difinalisasi.",
    },
    # evidence appendix
    "sec_appendix": {"en": "Appendix: evidence files", "id": "Lampiran: daftar berkas bukti"},
    "appendix_intro": {
        "en": "Every file attached to the assessment, with its SHA-256 fingerprint: a copy whose fingerprint "
        "matches is the file the assessors saw.",
        "id": "Setiap berkas yang dilampirkan pada penilaian, beserta sidik SHA-256-nya: salinan dengan sidik yang "
        "sama adalah berkas yang dilihat oleh penilai.",
    },
    "no_evidence": {"en": "No evidence file has been attached.", "id": "Belum ada berkas bukti yang dilampirkan."},
    "file": {"en": "File", "id": "Berkas"},
    "date": {"en": "Date", "id": "Tanggal"},
    "added_by": {"en": "Added by", "id": "Ditambahkan oleh"},
    "sha256": {"en": "SHA-256", "id": "SHA-256"},
    # field sheets (forms export)
    "form_title": {"en": "Field sheet", "id": "Lembar kerja lapangan"},
    "form_instructions": {"en": "Instructions", "id": "Petunjuk"},
    "form_lines": {
        "en": [
            "One sheet per pillar: each row is an indicator with its question, the rubric of each level, and for a "
            "measured indicator its unit and thresholds.",
            "Fill in the columns on the right: the level ({low}–{high}, or TB when the indicator does not apply), a "
            "target if it differs from the framework's, the measured value, your finding, the source and year of the "
            "value, a recommendation, the responsible unit (OPD) and the year it is due.",
            "For a measured indicator give the value: the level follows from the thresholds.",
            "A cell left empty changes nothing that is already recorded.",
            "Do not change the codes in column A, the row of column keys, or the sheet '_form'.",
            "Read the sheet back with: smartcity-assess responses import ID FILE.xlsx (all or nothing: the first "
            "bad cell refuses the whole file and names its sheet, row and column).",
        ],
        "id": [
            "Satu lembar untuk setiap pilar: setiap baris adalah satu indikator dengan pertanyaannya, rubrik setiap "
            "tingkat, serta satuan dan ambang batas untuk indikator terukur.",
            "Isi kolom di sebelah kanan: tingkat ({low}–{high}, atau TB bila indikator tidak berlaku), target bila "
            "berbeda dari kerangka, nilai terukur, temuan Anda, sumber dan tahun nilai, rekomendasi, perangkat daerah "
            "penanggung jawab, dan tahun target penyelesaiannya.",
            "Untuk indikator terukur isikan nilainya: tingkatnya ditentukan dari ambang batas.",
            "Sel yang dibiarkan kosong tidak mengubah apa pun yang sudah tercatat.",
            "Jangan mengubah kode di kolom A, baris kunci kolom, atau lembar '_form'.",
            "Baca kembali lembar ini dengan: smartcity-assess responses import ID BERKAS.xlsx (semua atau tidak "
            "sama sekali: sel pertama yang salah menolak seluruh berkas dan menyebut lembar, baris, dan kolomnya).",
        ],
    },
    "form_levels": {"en": "Levels", "id": "Tingkat"},
    "form_question": {"en": "Question", "id": "Pertanyaan"},
    "form_unit": {"en": "Unit", "id": "Satuan"},
    "form_thresholds": {"en": "Thresholds", "id": "Ambang batas"},
    "form_level": {"en": "Level ({low}–{high} or TB)", "id": "Tingkat ({low}–{high} atau TB)"},
    "form_value": {"en": "Value", "id": "Nilai"},
    "form_source": {"en": "Source of the value", "id": "Sumber nilai"},
    "form_year": {"en": "Year of the value", "id": "Tahun nilai"},
    "form_responsible": {"en": "Responsible unit (OPD)", "id": "Perangkat daerah penanggung jawab"},
    "form_due": {"en": "Due (year)", "id": "Target waktu (tahun)"},
    "form_not_applicable": {"en": "not applicable", "id": "tidak berlaku"},
    "form_bad_level": {"en": "Choose {low}–{high} or TB", "id": "Pilih {low}–{high} atau TB"},
    "form_bad_year": {"en": "A year such as 2026", "id": "Tahun, misalnya 2026"},
    "form_bad_number": {"en": "A number", "id": "Angka"},
    # method
    "method_scale": {"en": "Scale and level names", "id": "Skala dan nama tingkat"},
    "method_weights": {"en": "Pillar weights", "id": "Bobot pilar"},
    "share": {"en": "Share", "id": "Porsi"},
    "share_scored": {"en": "Share in this assessment", "id": "Porsi dalam penilaian ini"},
    "share_scored_note": {
        "en": "Pillars without a score are left out and the other pillars' weights renormalised: the second "
        "share is the one the overall figures and the priorities use.",
        "id": "Pilar tanpa skor tidak dihitung dan bobot pilar lainnya dinormalisasi: porsi kedua adalah "
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
            "Domain score, target, gap and completion = the weighted means of its pillars', with the pillar weights.",
            "Priority = pillar share × indicator share within its pillar × gap; the priorities add up to the "
            "overall gap.",
            "Completion = (answered + not applicable) / all indicators.",
            "A measured indicator's level comes from its value and the thresholds set in the framework.",
        ],
        "id": [
            "Skor pilar = Σ(w × tingkat) / Σ w atas indikator pilar yang dijawab (w: bobot indikator).",
            "Target pilar = Σ(w × target) / Σ w atas indikator yang sama.",
            "Kesenjangan indikator = maks(0, target − tingkat); kesenjangan pilar = Σ(w × kesenjangan) / Σ w.",
            "Indeks, target, dan kesenjangan keseluruhan = rata-rata tertimbang yang sama atas pilar yang "
            "memiliki skor, dengan bobot pilar.",
            "Skor, target, kesenjangan, dan kelengkapan domain = rata-rata tertimbang pilar-pilarnya, dengan bobot "
            "pilar.",
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
        "id": "Indikator yang ditandai tidak berlaku (TB) atau belum dijawab tidak diikutkan dalam rata-rata, "
        "dan bobot indikator lainnya dinormalisasi; indikator tersebut tidak pernah dihitung nol. "
        "Pilar tanpa indikator yang dijawab tidak memiliki skor dan dengan cara yang sama tidak "
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

    def lines(self, key: str, **values) -> list[str]:
        return [line.format(**values) if values else line for line in MESSAGES[key][self.lang]]

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
