<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
    <context>
        <name>AgreementModel</name>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Spread</source>
            <translation>Selisih</translation>
        </message>
        <message>
            <source>The assessors' levels are {spread} apart: worth talking over before reconciling.</source>
            <translation>Tingkat dari para penilai berselisih {spread}: sebaiknya dibicarakan sebelum direkonsiliasi.</translation>
        </message>
    </context>
    <context>
        <name>AgreementView</name>
        <message>
            <source>Agreement between assessors — {city} {year}</source>
            <translation>Kesepakatan antarpenilai — {city} {year}</translation>
        </message>
        <message>
            <source>Only one assessor scored this assessment so far ({names}): there is no agreement to measure yet.</source>
            <translation>Sejauh ini baru satu penilai yang menilai penilaian ini ({names}): belum ada kesepakatan yang dapat diukur.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Krippendorff's alpha (ordinal): {alpha}&lt;/b&gt;</source>
            <translation>&lt;b&gt;Alfa Krippendorff (ordinal): {alpha}&lt;/b&gt;</translation>
        </message>
        <message numerus="yes">
            <source>%n assessor(s): {names}.</source>
            <translation>
                <numerusform>%n penilai: {names}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicator(s) scored by more than one of them.</source>
            <translation>
                <numerusform>%n indikator dinilai oleh lebih dari satu penilai.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicator(s) with levels 2 or more apart, listed first and highlighted.</source>
            <translation>
                <numerusform>%n indikator dengan tingkat berselisih 2 atau lebih, ditampilkan paling atas dan disorot.</numerusform>
            </translation>
        </message>
        <message>
            <source>Alpha needs at least two assessors with some disagreement to measure.</source>
            <translation>Alfa memerlukan sedikitnya dua penilai dengan perbedaan yang dapat diukur.</translation>
        </message>
    </context>
    <context>
        <name>ApproveDialog</name>
        <message>
            <source>Approve assessment</source>
            <translation>Setujui penilaian</translation>
        </message>
        <message>
            <source>e.g. Head of Bappeda</source>
            <translation>mis. Kepala Bappeda</translation>
        </message>
        <message>
            <source>18 digits, optional</source>
            <translation>18 angka, boleh dikosongkan</translation>
        </message>
        <message>
            <source>Reviewer's &amp;name</source>
            <translation>&amp;Nama peninjau</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>&amp;Jabatan</translation>
        </message>
        <message>
            <source>NI&amp;P</source>
            <translation>NI&amp;P</translation>
        </message>
    </context>
    <context>
        <name>AssessmentListPage</name>
        <message>
            <source>Filter by city, year, status…</source>
            <translation>Saring menurut kota, tahun, status…</translation>
        </message>
        <message>
            <source>New assessment…</source>
            <translation>Penilaian baru…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Delete draft…</source>
            <translation>Hapus draf…</translation>
        </message>
        <message>
            <source>No assessments yet. Start one with “New assessment…” (Ctrl+N), or explore the sample data first: Help → Load Sample Data.</source>
            <translation>Belum ada penilaian. Mulai dengan “Penilaian baru…” (Ctrl+N), atau jelajahi data contoh terlebih dahulu: Bantuan → Muat Data Contoh.</translation>
        </message>
        <message>
            <source>{city} {year} was returned by the reviewer: {comment}</source>
            <translation>{city} {year} dikembalikan oleh peninjau: {comment}</translation>
        </message>
    </context>
    <context>
        <name>AssessmentSession</name>
        <message>
            <source>level</source>
            <translation>tingkat</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>tidak berlaku</translation>
        </message>
        <message>
            <source>target</source>
            <translation>target</translation>
        </message>
        <message>
            <source>value</source>
            <translation>nilai</translation>
        </message>
        <message>
            <source>note</source>
            <translation>catatan</translation>
        </message>
        <message>
            <source>source of the value</source>
            <translation>sumber nilai</translation>
        </message>
        <message>
            <source>year of the value</source>
            <translation>tahun nilai</translation>
        </message>
        <message>
            <source>recommendation</source>
            <translation>rekomendasi</translation>
        </message>
        <message>
            <source>responsible unit</source>
            <translation>perangkat daerah penanggung jawab</translation>
        </message>
        <message>
            <source>due year</source>
            <translation>tahun target</translation>
        </message>
        <message>
            <source>{code}: {fields}</source>
            <translation>{code}: {fields}</translation>
        </message>
        <message>
            <source>{code}: add {name}</source>
            <translation>{code}: tambah {name}</translation>
        </message>
        <message>
            <source>{code}: remove {name}</source>
            <translation>{code}: hapus {name}</translation>
        </message>
    </context>
    <context>
        <name>AssessmentsModel</name>
        <message>
            <source>City</source>
            <translation>Kota</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Tahun</translation>
        </message>
        <message>
            <source>Framework</source>
            <translation>Kerangka</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Completion</source>
            <translation>Kelengkapan</translation>
        </message>
        <message>
            <source>Index</source>
            <translation>Indeks</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>In review</source>
            <translation>Sedang ditinjau</translation>
        </message>
        <message>
            <source>Draft (returned)</source>
            <translation>Draf (dikembalikan)</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>{status} (sample)</source>
            <translation>{status} (contoh)</translation>
        </message>
        <message>
            <source>Returned by the reviewer: {comment}</source>
            <translation>Dikembalikan oleh peninjau: {comment}</translation>
        </message>
    </context>
    <context>
        <name>ChartExport</name>
        <message>
            <source>{name}: use a .png or .svg file</source>
            <translation>{name}: gunakan berkas .png atau .svg</translation>
        </message>
        <message>
            <source>the chart could not be drawn</source>
            <translation>grafik tidak dapat digambar</translation>
        </message>
        <message>
            <source>{path}: cannot write the file ({reason})</source>
            <translation>{path}: berkas tidak dapat ditulis ({reason})</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <source>Compare assessments</source>
            <translation>Bandingkan penilaian</translation>
        </message>
        <message>
            <source>One city over the years</source>
            <translation>Satu kota dari tahun ke tahun</translation>
        </message>
        <message>
            <source>One year across cities</source>
            <translation>Satu tahun antarkota</translation>
        </message>
        <message>
            <source>Different frameworks cannot be compared: choose one</source>
            <translation>Kerangka yang berbeda tidak dapat dibandingkan: pilih salah satu</translation>
        </message>
        <message>
            <source>Include drafts</source>
            <translation>Sertakan draf</translation>
        </message>
        <message>
            <source>Draft assessments are not final; they are marked “(draft)” when shown</source>
            <translation>Penilaian draf belum final; saat ditampilkan diberi tanda “(draf)”</translation>
        </message>
        <message>
            <source>Compared with</source>
            <translation>Dibandingkan dengan</translation>
        </message>
        <message>
            <source>Each city's figures also show its difference to this city</source>
            <translation>Angka setiap kota juga menunjukkan selisihnya dengan kota ini</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Bandingkan</translation>
        </message>
        <message>
            <source>Pillar scores (0–5)</source>
            <translation>Skor pilar (0–5)</translation>
        </message>
        <message>
            <source>Overall and pillar scores over the years (0–5)</source>
            <translation>Skor keseluruhan dan skor pilar dari tahun ke tahun (0–5)</translation>
        </message>
        <message>
            <source>Filter by code or name</source>
            <translation>Saring menurut kode atau nama</translation>
        </message>
        <message>
            <source>All rows</source>
            <translation>Semua baris</translation>
        </message>
        <message>
            <source>Pillars only</source>
            <translation>Pilar saja</translation>
        </message>
        <message>
            <source>Indicators only</source>
            <translation>Indikator saja</translation>
        </message>
        <message>
            <source>Regressions only</source>
            <translation>Hanya yang menurun</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Ekspor</translation>
        </message>
        <message>
            <source>Table as CSV or Excel…</source>
            <translation>Tabel sebagai CSV atau Excel…</translation>
        </message>
        <message>
            <source>Radar chart as PNG or SVG…</source>
            <translation>Grafik radar sebagai PNG atau SVG…</translation>
        </message>
        <message>
            <source>Trend chart as PNG or SVG…</source>
            <translation>Grafik tren sebagai PNG atau SVG…</translation>
        </message>
        <message>
            <source>there is nothing to export: choose what to compare first</source>
            <translation>belum ada yang dapat diekspor: pilih dahulu apa yang akan dibandingkan</translation>
        </message>
        <message>
            <source>the trend chart is drawn when one city is compared over the years</source>
            <translation>grafik tren hanya digambar bila satu kota dibandingkan dari tahun ke tahun</translation>
        </message>
        <message>
            <source>Years</source>
            <translation>Tahun</translation>
        </message>
        <message>
            <source>Cities</source>
            <translation>Kota</translation>
        </message>
        <message>
            <source>Lower only</source>
            <translation>Hanya yang lebih rendah</translation>
        </message>
        <message>
            <source>These assessments use different frameworks; the list shows those of {code}.</source>
            <translation>Penilaian ini memakai kerangka yang berbeda; daftar menampilkan yang memakai {code}.</translation>
        </message>
        <message>
            <source>Framework: {code}</source>
            <translation>Kerangka: {code}</translation>
        </message>
        <message>
            <source>{label} (draft)</source>
            <translation>{label} (draf)</translation>
        </message>
        <message>
            <source>Draft: not final, and may still change</source>
            <translation>Draf: belum final dan masih dapat berubah</translation>
        </message>
        <message>
            <source>No assessments yet: create one, or load the demo data.</source>
            <translation>Belum ada penilaian: buat penilaian baru atau muat data demo.</translation>
        </message>
        <message>
            <source>Only draft assessments exist so far: tick “Include drafts” to compare them.</source>
            <translation>Sejauh ini hanya ada penilaian draf: centang “Sertakan draf” untuk membandingkannya.</translation>
        </message>
        <message>
            <source>years</source>
            <translation>tahun</translation>
        </message>
        <message>
            <source>cities</source>
            <translation>kota</translation>
        </message>
        <message>
            <source>Choose at least one of the {what} to compare.</source>
            <translation>Pilih sedikitnya satu {what} untuk dibandingkan.</translation>
        </message>
        <message>
            <source>One assessment chosen: there is no change to show.</source>
            <translation>Hanya satu penilaian yang dipilih: tidak ada perubahan untuk ditampilkan.</translation>
        </message>
        <message>
            <source>Framework version changed between {a} ({x}) and {b} ({y}); indicators are matched by code.</source>
            <translation>Versi kerangka berubah antara {a} ({x}) dan {b} ({y}); indikator dicocokkan menurut kode.</translation>
        </message>
        <message>
            <source>New: {codes}.</source>
            <translation>Baru: {codes}.</translation>
        </message>
        <message>
            <source>No longer assessed: {codes}.</source>
            <translation>Tidak lagi dinilai: {codes}.</translation>
        </message>
        <message>
            <source>Drafts (not final) included: {keys}.</source>
            <translation>Draf (belum final) yang disertakan: {keys}.</translation>
        </message>
        <message>
            <source>In brackets: each city's difference to {city}.</source>
            <translation>Dalam kurung: selisih setiap kota dengan {city}.</translation>
        </message>
        <message>
            <source>{key} (draft)</source>
            <translation>{key} (draf)</translation>
        </message>
        <message>
            <source>Overall</source>
            <translation>Keseluruhan</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Ekspor gagal</translation>
        </message>
        <message>
            <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
            <translation>CSV (*.csv);;Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Export the comparison table</source>
            <translation>Ekspor tabel perbandingan</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG drawing (*.svg)</source>
            <translation>Gambar PNG (*.png);;Gambar vektor SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export the radar chart</source>
            <translation>Ekspor grafik radar</translation>
        </message>
        <message>
            <source>Export the trend chart</source>
            <translation>Ekspor grafik tren</translation>
        </message>
    </context>
    <context>
        <name>ComparisonTableModel</name>
        <message>
            <source>Draft: not final, and may still change</source>
            <translation>Draf: belum final dan masih dapat berubah</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Perubahan</translation>
        </message>
        <message>
            <source>Trend</source>
            <translation>Tren</translation>
        </message>
        <message>
            <source>Last vs first</source>
            <translation>Terakhir vs pertama</translation>
        </message>
        <message>
            <source>{key} (draft)</source>
            <translation>{key} (draf)</translation>
        </message>
        <message>
            <source>{key} (reference)</source>
            <translation>{key} (acuan)</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>N/A</source>
            <translation>TB</translation>
        </message>
        <message>
            <source>not assessed</source>
            <translation>tidak dinilai</translation>
        </message>
        <message>
            <source>Marked not applicable in {key}: left out of the scores</source>
            <translation>Ditandai tidak berlaku (TB) pada {key}: tidak dihitung dalam skor</translation>
        </message>
        <message>
            <source>Not assessed in {key} (no level recorded, or not in that framework)</source>
            <translation>Tidak dinilai pada {key} (tingkat belum dicatat, atau tidak ada dalam kerangka tersebut)</translation>
        </message>
        <message>
            <source>{key} minus {reference}, as the figures are shown</source>
            <translation>{key} dikurangi {reference}, sesuai angka yang ditampilkan</translation>
        </message>
        <message>
            <source>Overall score in {key}</source>
            <translation>Skor keseluruhan pada {key}</translation>
        </message>
        <message>
            <source>▲ higher</source>
            <translation>▲ lebih tinggi</translation>
        </message>
        <message>
            <source>▼ lower</source>
            <translation>▼ lebih rendah</translation>
        </message>
        <message>
            <source>= same</source>
            <translation>= sama</translation>
        </message>
        <message>
            <source>▲ improved</source>
            <translation>▲ meningkat</translation>
        </message>
        <message>
            <source>▼ regressed</source>
            <translation>▼ menurun</translation>
        </message>
        <message>
            <source>= held</source>
            <translation>= tetap</translation>
        </message>
    </context>
    <context>
        <name>ConflictsView</name>
        <message>
            <source>Conflicts — {city} {year}</source>
            <translation>Konflik — {city} {year}</translation>
        </message>
        <message>
            <source>Mine (this database)</source>
            <translation>Milik saya (basis data ini)</translation>
        </message>
        <message>
            <source>Theirs (the package)</source>
            <translation>Milik mereka (paket)</translation>
        </message>
        <message>
            <source>Take &amp;mine</source>
            <translation>Ambil milik &amp;saya</translation>
        </message>
        <message>
            <source>Take &amp;theirs</source>
            <translation>Ambil milik &amp;mereka</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Sunting…</translation>
        </message>
        <message>
            <source>Take all mine</source>
            <translation>Ambil semua milik saya</translation>
        </message>
        <message>
            <source>Take all theirs</source>
            <translation>Ambil semua milik mereka</translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s) left to decide.</source>
            <translation>
                <numerusform>%n konflik belum diputuskan.</numerusform>
            </translation>
        </message>
        <message>
            <source>No conflicts left.</source>
            <translation>Tidak ada konflik lagi.</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>Tidak berlaku</translation>
        </message>
        <message>
            <source>Level {level} – {name}</source>
            <translation>Tingkat {level} – {name}</translation>
        </message>
        <message>
            <source>No level</source>
            <translation>Tanpa tingkat</translation>
        </message>
        <message>
            <source>Measured: {value} {unit}</source>
            <translation>Terukur: {value} {unit}</translation>
        </message>
        <message>
            <source>Source: {source}</source>
            <translation>Sumber: {source}</translation>
        </message>
        <message>
            <source>Target: {target}</source>
            <translation>Target: {target}</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>Catatan: {note}</translation>
        </message>
        <message>
            <source>Recommendation: {text}</source>
            <translation>Rekomendasi: {text}</translation>
        </message>
        <message>
            <source>Responsible: {unit}; due {due}</source>
            <translation>Penanggung jawab: {unit}; target waktu {due}</translation>
        </message>
        <message>
            <source>Evidence: {files}</source>
            <translation>Bukti: {files}</translation>
        </message>
        <message numerus="yes">
            <source>Keep this database's answer for all %n conflict(s)?</source>
            <translation>
                <numerusform>Pertahankan jawaban basis data ini untuk semua %n konflik?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Take the package's answer for all %n conflict(s)?</source>
            <translation>
                <numerusform>Ambil jawaban paket untuk semua %n konflik?</numerusform>
            </translation>
        </message>
        <message>
            <source>Settle all conflicts</source>
            <translation>Selesaikan semua konflik</translation>
        </message>
    </context>
    <context>
        <name>DatabaseLock</name>
        <message>
            <source>The database {path} is already open in another Smart City Assess window; close that window first.</source>
            <translation>Basis data {path} sudah dibuka di jendela Smart City Assess lain; tutup jendela itu terlebih dahulu.</translation>
        </message>
    </context>
    <context>
        <name>Evidence</name>
        <message>
            <source>{name} cannot be opened ({reason}).</source>
            <translation>{name} tidak dapat dibuka ({reason}).</translation>
        </message>
    </context>
    <context>
        <name>EvidenceModel</name>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Ditambahkan</translation>
        </message>
        <message>
            <source>Added by {who}; SHA-256 {sha}</source>
            <translation>Ditambahkan oleh {who}; SHA-256 {sha}</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>{suffix} file</source>
            <translation>Berkas {suffix}</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
    </context>
    <context>
        <name>IndicatorListModel</name>
        <message>
            <source>{name}: two assessors answered differently; see Conflicts</source>
            <translation>{name}: dua penilai menjawab berbeda; lihat Konflik</translation>
        </message>
        <message>
            <source>{name}: not answered yet</source>
            <translation>{name}: belum dijawab</translation>
        </message>
        <message>
            <source>✎ has a note</source>
            <translation>✎ ada catatan</translation>
        </message>
        <message>
            <source>❐ evidence files: {count}</source>
            <translation>❐ berkas bukti: {count}</translation>
        </message>
        <message>
            <source>N/A</source>
            <translation>TB</translation>
        </message>
    </context>
    <context>
        <name>IndicatorPanel</name>
        <message>
            <source>Not applicable (N)</source>
            <translation>Tidak berlaku (N)</translation>
        </message>
        <message>
            <source>measured value</source>
            <translation>nilai terukur</translation>
        </message>
        <message>
            <source>As the framework sets ({level})</source>
            <translation>Sesuai kerangka kerja ({level})</translation>
        </message>
        <message>
            <source>Findings, sources, who said what… (saved as you type)</source>
            <translation>Temuan, sumber, siapa menyatakan apa… (tersimpan saat Anda mengetik)</translation>
        </message>
        <message>
            <source>Add file…</source>
            <translation>Tambah berkas…</translation>
        </message>
        <message>
            <source>e.g. BPS, Susenas; Diskominfo inventory</source>
            <translation>mis. BPS, Susenas; inventaris Diskominfo</translation>
        </message>
        <message>
            <source>year</source>
            <translation>tahun</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>Tahun:</translation>
        </message>
        <message>
            <source>what should be done to reach the target</source>
            <translation>apa yang perlu dilakukan untuk mencapai target</translation>
        </message>
        <message>
            <source>unit (OPD), e.g. Diskominfo</source>
            <translation>perangkat daerah, mis. Diskominfo</translation>
        </message>
        <message>
            <source>Due:</source>
            <translation>Target waktu:</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>or drop files here</source>
            <translation>atau seret berkas ke sini</translation>
        </message>
        <message>
            <source>Target level:</source>
            <translation>Tingkat target:</translation>
        </message>
        <message>
            <source>Measured value:</source>
            <translation>Nilai terukur:</translation>
        </message>
        <message>
            <source>Source of the value:</source>
            <translation>Sumber nilai:</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>Catatan:</translation>
        </message>
        <message>
            <source>Recommendation:</source>
            <translation>Rekomendasi:</translation>
        </message>
        <message>
            <source>Responsible unit:</source>
            <translation>Penanggung jawab:</translation>
        </message>
        <message>
            <source>Evidence:</source>
            <translation>Bukti:</translation>
        </message>
        <message>
            <source>indicator {n} of {total}</source>
            <translation>indikator {n} dari {total}</translation>
        </message>
        <message>
            <source>References: {items}</source>
            <translation>Acuan: {items}</translation>
        </message>
        <message>
            <source>Marked not applicable: left out of the scores.</source>
            <translation>Ditandai tidak berlaku: tidak dihitung dalam skor.</translation>
        </message>
        <message>
            <source>Level {level} chosen; target {target}.</source>
            <translation>Tingkat {level} dipilih; target {target}.</translation>
        </message>
        <message>
            <source>Not answered.</source>
            <translation>Belum dijawab.</translation>
        </message>
        <message>
            <source>Not answered yet: press 1–5 or N.</source>
            <translation>Belum dijawab: tekan 1–5 atau N.</translation>
        </message>
        <message>
            <source>No note.</source>
            <translation>Tidak ada catatan.</translation>
        </message>
        <message>
            <source>→ level {level} ({name}) from the thresholds</source>
            <translation>→ tingkat {level} ({name}) menurut ambang batas</translation>
        </message>
        <message>
            <source>'{text}' is not a number.</source>
            <translation>'{text}' bukan angka.</translation>
        </message>
        <message>
            <source>'{text}' is out of range for a measured value.</source>
            <translation>'{text}' di luar rentang nilai terukur.</translation>
        </message>
        <message>
            <source>outside the plausible range {low}–{high}</source>
            <translation>di luar rentang wajar {low}–{high}</translation>
        </message>
        <message>
            <source>'{text}' is not a year.</source>
            <translation>'{text}' bukan tahun.</translation>
        </message>
        <message>
            <source>Add evidence files</source>
            <translation>Tambah berkas bukti</translation>
        </message>
    </context>
    <context>
        <name>KeysDialog</name>
        <message>
            <source>Walk: choose that level (when no text field has the focus)</source>
            <translation>Penilaian: pilih tingkat itu (saat tidak ada kolom teks yang aktif)</translation>
        </message>
        <message>
            <source>Walk: mark the indicator not applicable, or clear the mark</source>
            <translation>Penilaian: tandai indikator tidak berlaku, atau hapus tandanya</translation>
        </message>
        <message>
            <source>Walk: search the indicators (code, name, question, note)</source>
            <translation>Penilaian: cari indikator (kode, nama, pertanyaan, catatan)</translation>
        </message>
        <message>
            <source>Walk search: go to the indicator found; list filter: open the assessment found</source>
            <translation>Pencarian penilaian: buka indikator yang ditemukan; saringan daftar: buka penilaian yang ditemukan</translation>
        </message>
        <message>
            <source>Leave a text field (the note is saved); close Compare or a dialog</source>
            <translation>Keluar dari kolom teks (catatan disimpan); tutup Bandingkan atau dialog</translation>
        </message>
        <message>
            <source>Move between the fields: target, value, note, evidence, buttons</source>
            <translation>Berpindah antarkolom: target, nilai, catatan, bukti, tombol</translation>
        </message>
        <message>
            <source>Close the Compare window</source>
            <translation>Tutup jendela Bandingkan</translation>
        </message>
        <message>
            <source>Compare: tick or untick the year or city that has the focus</source>
            <translation>Bandingkan: centang atau hapus centang tahun atau kota yang aktif</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Pintasan papan ketik</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Tombol</translation>
        </message>
        <message>
            <source>Does</source>
            <translation>Fungsi</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Loading the assessments…</source>
            <translation>Memuat penilaian…</translation>
        </message>
        <message numerus="yes">
            <source>%n indicator(s) changed elsewhere: shown as now stored.</source>
            <translation>
                <numerusform>%n indikator diubah di tempat lain: ditampilkan sesuai yang tersimpan.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;New Assessment…</source>
            <translation>Penilaian &amp;Baru…</translation>
        </message>
        <message>
            <source>&amp;Open Database…</source>
            <translation>B&amp;uka Basis Data…</translation>
        </message>
        <message>
            <source>Assessment &amp;List</source>
            <translation>&amp;Daftar Penilaian</translation>
        </message>
        <message>
            <source>&amp;Import Framework…</source>
            <translation>&amp;Impor Kerangka…</translation>
        </message>
        <message>
            <source>&amp;Export Responses (CSV/XLSX)…</source>
            <translation>&amp;Ekspor Jawaban (CSV/XLSX)…</translation>
        </message>
        <message>
            <source>Export &amp;PDF Report…</source>
            <translation>Ekspor Laporan &amp;PDF…</translation>
        </message>
        <message>
            <source>Import Pac&amp;kage…</source>
            <translation>Impo&amp;r Paket…</translation>
        </message>
        <message>
            <source>E&amp;xport Package…</source>
            <translation>Ekspor P&amp;aket…</translation>
        </message>
        <message>
            <source>&amp;Conflicts…</source>
            <translation>K&amp;onflik…</translation>
        </message>
        <message>
            <source>Export &amp;Word Report (DOCX)…</source>
            <translation>Ekspor Laporan &amp;Word (DOCX)…</translation>
        </message>
        <message>
            <source>Export Field &amp;Sheet (XLSX)…</source>
            <translation>Ekspor Lembar Kerja &amp;Lapangan (XLSX)…</translation>
        </message>
        <message>
            <source>A&amp;greement…</source>
            <translation>Kesepaka&amp;tan Penilai…</translation>
        </message>
        <message>
            <source>Su&amp;bmit for Review</source>
            <translation>A&amp;jukan untuk Ditinjau</translation>
        </message>
        <message>
            <source>&amp;Approve…</source>
            <translation>Set&amp;ujui…</translation>
        </message>
        <message>
            <source>Re&amp;turn to Assessors…</source>
            <translation>Kembalikan ke Pe&amp;nilai…</translation>
        </message>
        <message>
            <source>Connect to Ser&amp;ver…</source>
            <translation>&amp;Hubungkan ke Server…</translation>
        </message>
        <message>
            <source>S&amp;ync with Server…</source>
            <translation>&amp;Sinkronkan dengan Server…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Urungkan</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>U&amp;langi</translation>
        </message>
        <message>
            <source>&amp;Next Indicator</source>
            <translation>Indikator Beri&amp;kutnya</translation>
        </message>
        <message>
            <source>&amp;Previous Indicator</source>
            <translation>Indikator &amp;Sebelumnya</translation>
        </message>
        <message>
            <source>Next &amp;Unanswered</source>
            <translation>&amp;Berikutnya yang Belum Dijawab</translation>
        </message>
        <message>
            <source>&amp;Search Indicators…</source>
            <translation>&amp;Cari Indikator…</translation>
        </message>
        <message>
            <source>&amp;Finalize…</source>
            <translation>&amp;Finalkan…</translation>
        </message>
        <message>
            <source>&amp;Reopen…</source>
            <translation>Buka Kemba&amp;li…</translation>
        </message>
        <message>
            <source>&amp;Delete Draft…</source>
            <translation>&amp;Hapus Draf…</translation>
        </message>
        <message>
            <source>Tea&amp;m and Properties…</source>
            <translation>Ti&amp;m dan Properti…</translation>
        </message>
        <message>
            <source>&amp;Compare…</source>
            <translation>Ba&amp;ndingkan…</translation>
        </message>
        <message>
            <source>Load &amp;Sample Data</source>
            <translation>Muat Data &amp;Contoh</translation>
        </message>
        <message>
            <source>&amp;Remove Sample Data…</source>
            <translation>&amp;Hapus Data Contoh…</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Pintasan Papan Ketik</translation>
        </message>
        <message>
            <source>Open &amp;Log Folder</source>
            <translation>Buka Folder &amp;Log</translation>
        </message>
        <message>
            <source>&amp;About Smart City Assess</source>
            <translation>&amp;Tentang Smart City Assess</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Berkas</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Sunting</translation>
        </message>
        <message>
            <source>&amp;Assessment</source>
            <translation>&amp;Penilaian</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Tampilan</translation>
        </message>
        <message>
            <source>La&amp;nguage</source>
            <translation>Ba&amp;hasa</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>B&amp;antuan</translation>
        </message>
        <message>
            <source>Smart City Assess</source>
            <translation>Smart City Assess</translation>
        </message>
        <message>
            <source>A final assessment cannot be deleted; reopen it first.</source>
            <translation>Penilaian final tidak dapat dihapus; buka kembali terlebih dahulu.</translation>
        </message>
        <message>
            <source>Delete the draft assessment of {city} {year} with all its scores, notes and files? This cannot be undone.</source>
            <translation>Hapus draf penilaian {city} {year} beserta seluruh skor, catatan, dan berkasnya? Tindakan ini tidak dapat diurungkan.</translation>
        </message>
        <message>
            <source>Delete draft</source>
            <translation>Hapus draf</translation>
        </message>
        <message>
            <source>Finalize {city} {year}? It becomes read-only everywhere until someone reopens it.</source>
            <translation>Finalkan {city} {year}? Penilaian menjadi hanya-baca di mana pun sampai dibuka kembali.</translation>
        </message>
        <message>
            <source>Finalize assessment</source>
            <translation>Finalisasi penilaian</translation>
        </message>
        <message numerus="yes">
            <source>%n indicator is still unanswered: {codes}.</source>
            <translation>
                <numerusform>%n indikator masih belum dijawab: {codes}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicators are still unanswered: {codes}.</source>
            <translation>
                <numerusform>%n indikator masih belum dijawab: {codes}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Reopen assessment</source>
            <translation>Buka kembali penilaian</translation>
        </message>
        <message>
            <source>Why is it reopened? (kept in the audit trail)</source>
            <translation>Mengapa dibuka kembali? (dicatat dalam jejak audit)</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>Buka basis data</translation>
        </message>
        <message>
            <source>Smart City Assess databases (*.db *.sqlite);;All files (*)</source>
            <translation>Basis data Smart City Assess (*.db *.sqlite);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Import framework</source>
            <translation>Impor kerangka</translation>
        </message>
        <message>
            <source>Framework files (*.yaml *.yml *.json);;All files (*)</source>
            <translation>Berkas kerangka (*.yaml *.yml *.json);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Imported framework {code} {version}.</source>
            <translation>Kerangka {code} {version} telah diimpor.</translation>
        </message>
        <message>
            <source>Export responses</source>
            <translation>Ekspor jawaban</translation>
        </message>
        <message>
            <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
            <translation>CSV (*.csv);;Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Responses written to {path}.</source>
            <translation>Jawaban ditulis ke {path}.</translation>
        </message>
        <message>
            <source>Export field sheet</source>
            <translation>Ekspor lembar kerja lapangan</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Field sheet written to {path}.</source>
            <translation>Lembar kerja lapangan ditulis ke {path}.</translation>
        </message>
        <message>
            <source>PDF reports are not available in this build of the app.</source>
            <translation>Laporan PDF tidak tersedia pada versi aplikasi ini.</translation>
        </message>
        <message>
            <source>Export Word report</source>
            <translation>Ekspor laporan Word</translation>
        </message>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Dokumen Word (*.docx)</translation>
        </message>
        <message>
            <source>Export PDF report</source>
            <translation>Ekspor laporan PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Writing the report…</source>
            <translation>Menulis laporan…</translation>
        </message>
        <message>
            <source>Report written to {path}.</source>
            <translation>Laporan ditulis ke {path}.</translation>
        </message>
        <message>
            <source>Report written</source>
            <translation>Laporan selesai</translation>
        </message>
        <message>
            <source>Open {name} now?</source>
            <translation>Buka {name} sekarang?</translation>
        </message>
        <message>
            <source>The comparison view is not available in this build of the app.</source>
            <translation>Tampilan perbandingan tidak tersedia pada versi aplikasi ini.</translation>
        </message>
        <message>
            <source>Compare — Smart City Assess</source>
            <translation>Bandingkan — Smart City Assess</translation>
        </message>
        <message>
            <source>&lt;p&gt;Offline-first smart-city maturity assessments.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Penilaian tingkat kematangan kota cerdas yang dapat bekerja tanpa internet.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Database: {path}&lt;/p&gt;</source>
            <translation>&lt;p&gt;Basis data: {path}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Frameworks:&lt;/p&gt;</source>
            <translation>&lt;p&gt;Kerangka:&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Sample data loaded: cities marked “(demo)”, ready to compare (Ctrl+Shift+K).</source>
            <translation>Data contoh dimuat: kota bertanda “(demo)”, siap dibandingkan (Ctrl+Shift+K).</translation>
        </message>
        <message>
            <source>Remove the sample data — every assessment marked “(sample)”, with its scores, notes and files? Your own assessments stay as they are.</source>
            <translation>Hapus data contoh — setiap penilaian bertanda “(contoh)”, beserta skor, catatan, dan berkasnya? Penilaian Anda sendiri tetap seperti adanya.</translation>
        </message>
        <message>
            <source>Remove sample data</source>
            <translation>Hapus data contoh</translation>
        </message>
        <message numerus="yes">
            <source>%n sample assessment(s) removed.</source>
            <translation>
                <numerusform>%n penilaian contoh dihapus.</numerusform>
            </translation>
        </message>
        <message>
            <source>There is no sample data to remove.</source>
            <translation>Tidak ada data contoh untuk dihapus.</translation>
        </message>
        <message>
            <source>The log folder {folder} cannot be made ({reason}).</source>
            <translation>Folder log {folder} tidak dapat dibuat ({reason}).</translation>
        </message>
        <message>
            <source>About Smart City Assess</source>
            <translation>Tentang Smart City Assess</translation>
        </message>
        <message>
            <source>The {language} translation is missing from this installation.</source>
            <translation>Terjemahan {language} tidak ada dalam instalasi ini.</translation>
        </message>
        <message>
            <source>Export package</source>
            <translation>Ekspor paket</translation>
        </message>
        <message>
            <source>Pillars the assessor who imports it may change (the others stay read-only for them):</source>
            <translation>Pilar yang boleh diubah oleh penilai yang mengimpornya (pilar lain hanya dapat dibaca olehnya):</translation>
        </message>
        <message>
            <source>Smart City Assess packages (*.scapkg)</source>
            <translation>Paket Smart City Assess (*.scapkg)</translation>
        </message>
        <message>
            <source>Package written to {path}.</source>
            <translation>Paket ditulis ke {path}.</translation>
        </message>
        <message>
            <source>Writing the package…</source>
            <translation>Menulis paket…</translation>
        </message>
        <message>
            <source>Import package</source>
            <translation>Impor paket</translation>
        </message>
        <message>
            <source>Responses changed differently here and in {name}: how should they be settled?</source>
            <translation>Ada jawaban yang diubah berbeda di sini dan di {name}: bagaimana menyelesaikannya?</translation>
        </message>
        <message>
            <source>&amp;Leave them for me to decide (both sides kept)</source>
            <translation>&amp;Biarkan saya yang memutuskan (kedua sisi disimpan)</translation>
        </message>
        <message>
            <source>Prefer &amp;mine (this database)</source>
            <translation>Utamakan &amp;milik saya (basis data ini)</translation>
        </message>
        <message>
            <source>Prefer &amp;theirs (the package)</source>
            <translation>Utamakan &amp;paket (milik mereka)</translation>
        </message>
        <message>
            <source>Prefer the &amp;newer change</source>
            <translation>Utamakan perubahan &amp;terbaru</translation>
        </message>
        <message>
            <source>Smart City Assess packages (*.scapkg);;All files (*)</source>
            <translation>Paket Smart City Assess (*.scapkg);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Added {added}, updated {updated}, unchanged {unchanged}, conflicts {conflicts}.</source>
            <translation>Ditambahkan {added}, diperbarui {updated}, tidak berubah {unchanged}, konflik {conflicts}.</translation>
        </message>
        <message>
            <source>Responses changed differently on both sides: {count}. Decide them now?</source>
            <translation>Jawaban yang diubah berbeda di kedua pihak: {count}. Putuskan sekarang?</translation>
        </message>
        <message>
            <source>Package imported</source>
            <translation>Paket diimpor</translation>
        </message>
        <message>
            <source>Checking and merging the package…</source>
            <translation>Memeriksa dan menggabungkan paket…</translation>
        </message>
        <message>
            <source>Conflicts from merged packages are still open ({count}); decide them first (Assessment → Conflicts…).</source>
            <translation>Konflik dari paket yang digabung masih terbuka ({count}); putuskan dulu (Penilaian → Konflik…).</translation>
        </message>
        <message>
            <source>{city} {year} submitted for review.</source>
            <translation>{city} {year} diajukan untuk ditinjau.</translation>
        </message>
        <message>
            <source>Approve {city} {year}? It becomes final and read-only, and the record is sealed with your name.</source>
            <translation>Setujui {city} {year}? Penilaian menjadi final dan hanya dapat dibaca, dan catatannya disegel dengan nama Anda.</translation>
        </message>
        <message>
            <source>{city} {year} approved: final.</source>
            <translation>{city} {year} disetujui: final.</translation>
        </message>
        <message>
            <source>Return {city} {year} to the assessors? It becomes a draft again; they see your reason on it.</source>
            <translation>Kembalikan {city} {year} kepada para penilai? Penilaian menjadi draf lagi; mereka melihat alasan Anda di sana.</translation>
        </message>
        <message>
            <source>{city} {year} returned to the assessors.</source>
            <translation>{city} {year} dikembalikan kepada para penilai.</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>Smart City Assess</source>
            <translation>Smart City Assess</translation>
        </message>
    </context>
    <context>
        <name>NewAssessmentDialog</name>
        <message>
            <source>New assessment</source>
            <translation>Penilaian baru</translation>
        </message>
        <message>
            <source>e.g. Bandung</source>
            <translation>mis. Bandung</translation>
        </message>
        <message>
            <source>your name, kept in the audit trail</source>
            <translation>nama Anda, dicatat dalam jejak audit</translation>
        </message>
        <message>
            <source>Start assessment</source>
            <translation>Mulai penilaian</translation>
        </message>
        <message>
            <source>City:</source>
            <translation>Kota:</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>Tahun:</translation>
        </message>
        <message>
            <source>Framework:</source>
            <translation>Kerangka:</translation>
        </message>
        <message>
            <source>Assessor:</source>
            <translation>Penilai:</translation>
        </message>
    </context>
    <context>
        <name>PropertiesDialog</name>
        <message>
            <source>Properties of {city} {year}</source>
            <translation>Properti {city} {year}</translation>
        </message>
        <message>
            <source>Lead</source>
            <translation>Ketua</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>Anggota penilai</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Jabatan</translation>
        </message>
        <message>
            <source>name as it is signed</source>
            <translation>nama sebagaimana ditandatangani</translation>
        </message>
        <message>
            <source>18 digits, for civil servants</source>
            <translation>18 digit, untuk ASN</translation>
        </message>
        <message>
            <source>e.g. Kepala Bidang Aplikasi Informatika</source>
            <translation>mis. Kepala Bidang Aplikasi Informatika</translation>
        </message>
        <message>
            <source>Add or update</source>
            <translation>Tambah atau perbarui</translation>
        </message>
        <message>
            <source>Remove selected</source>
            <translation>Hapus yang dipilih</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nama:</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>Peran:</translation>
        </message>
        <message>
            <source>NIP:</source>
            <translation>NIP:</translation>
        </message>
        <message>
            <source>Position:</source>
            <translation>Jabatan:</translation>
        </message>
        <message>
            <source>Evaluation team (named in the report and on its sign-off page)</source>
            <translation>Tim penilai (dicantumkan dalam laporan dan pada lembar pengesahannya)</translation>
        </message>
        <message>
            <source>Signed at:</source>
            <translation>Tempat penandatanganan:</translation>
        </message>
    </context>
    <context>
        <name>RadarWidget</name>
        <message>
            <source>(no score)</source>
            <translation>(tanpa skor)</translation>
        </message>
    </context>
    <context>
        <name>ReconcileDialog</name>
        <message>
            <source>Reconciled answer for {code}</source>
            <translation>Jawaban hasil rekonsiliasi untuk {code}</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>Tidak berlaku</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Tingkat</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Rekomendasi</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>Return to the assessors</source>
            <translation>Kembalikan kepada penilai</translation>
        </message>
        <message>
            <source>What should the assessors look at again?</source>
            <translation>Apa yang perlu diperiksa lagi oleh para penilai?</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Alasan</translation>
        </message>
    </context>
    <context>
        <name>ScorePanel</name>
        <message>
            <source>{year} (current)</source>
            <translation>{year} (saat ini)</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Overall index</source>
            <translation>Indeks keseluruhan</translation>
        </message>
        <message>
            <source>{percent} complete</source>
            <translation>{percent} lengkap</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <source>only if the keyring or ~/.pgpass has none</source>
            <translation>hanya bila keyring atau ~/.pgpass tidak menyimpannya</translation>
        </message>
        <message>
            <source>Keep the password in the system keyring</source>
            <translation>Simpan kata sandi di keyring sistem</translation>
        </message>
        <message>
            <source>Server &amp;URL:</source>
            <translation>&amp;URL server:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Kata sandi:</translation>
        </message>
    </context>
    <context>
        <name>ServerSync</name>
        <message>
            <source>Connect to server</source>
            <translation>Hubungkan ke server</translation>
        </message>
        <message>
            <source>&amp;Connect</source>
            <translation>&amp;Hubungkan</translation>
        </message>
        <message>
            <source>Connected to {server}.</source>
            <translation>Terhubung ke {server}.</translation>
        </message>
        <message>
            <source>Connecting to the server…</source>
            <translation>Menghubungkan ke server…</translation>
        </message>
        <message>
            <source>Sync with server</source>
            <translation>Sinkronkan dengan server</translation>
        </message>
        <message>
            <source>&amp;Sync</source>
            <translation>&amp;Sinkronkan</translation>
        </message>
        <message>
            <source>Syncing with the server…</source>
            <translation>Menyinkronkan dengan server…</translation>
        </message>
        <message>
            <source>Pushed {pushed}, pulled {pulled}, conflicts {conflicts}.</source>
            <translation>Dikirim {pushed}, diambil {pulled}, konflik {conflicts}.</translation>
        </message>
        <message>
            <source>New here: {names}.</source>
            <translation>Baru di sini: {names}.</translation>
        </message>
        <message>
            <source>New on the server: {names}.</source>
            <translation>Baru di server: {names}.</translation>
        </message>
        <message>
            <source>Nothing to do: this database and the server hold the same.</source>
            <translation>Tidak ada yang perlu dilakukan: basis data ini dan server berisi hal yang sama.</translation>
        </message>
        <message>
            <source>Open the assessment and decide its conflicts (⚠), then sync again.</source>
            <translation>Buka penilaiannya dan putuskan konfliknya (⚠), lalu sinkronkan lagi.</translation>
        </message>
    </context>
    <context>
        <name>WalkView</name>
        <message>
            <source>Next unanswered</source>
            <translation>Berikutnya yang belum dijawab</translation>
        </message>
        <message>
            <source>Go to the next indicator without an answer (F3)</source>
            <translation>Ke indikator berikutnya yang belum dijawab (F3)</translation>
        </message>
        <message>
            <source>Search indicators (Ctrl+F)</source>
            <translation>Cari indikator (Ctrl+F)</translation>
        </message>
        <message>
            <source>Code, name, question or note; Enter goes to the one highlighted, Esc ends</source>
            <translation>Kode, nama, pertanyaan, atau catatan; Enter membuka yang disorot, Esc mengakhiri</translation>
        </message>
        <message>
            <source>Keys: PgDn/Alt+→ next · PgUp/Alt+← previous</source>
            <translation>Tombol: PgDn/Alt+→ berikutnya · PgUp/Alt+← sebelumnya</translation>
        </message>
        <message>
            <source>Keys: 1–5 level · N not applicable · PgDn/Alt+→ next · PgUp/Alt+← previous · F3 next unanswered</source>
            <translation>Tombol: 1–5 tingkat · N tidak berlaku · PgDn/Alt+→ berikutnya · PgUp/Alt+← sebelumnya · F3 berikutnya yang belum dijawab</translation>
        </message>
        <message>
            <source>Final — read-only</source>
            <translation>Final — hanya-baca</translation>
        </message>
        <message>
            <source>Responses two assessors changed differently: decide each one</source>
            <translation>Jawaban yang diubah berbeda oleh dua penilai: putuskan satu per satu</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Ajukan untuk ditinjau</translation>
        </message>
        <message>
            <source>Hand the assessment to the reviewer: read-only until they decide</source>
            <translation>Serahkan penilaian kepada peninjau: hanya dapat dibaca sampai peninjau memutuskan</translation>
        </message>
        <message>
            <source>Approve…</source>
            <translation>Setujui…</translation>
        </message>
        <message>
            <source>Sign it off as the reviewer: final, with your name, role and NIP</source>
            <translation>Sahkan sebagai peninjau: final, dengan nama, jabatan, dan NIP Anda</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>Kembalikan…</translation>
        </message>
        <message>
            <source>Send it back to the assessors with your reason</source>
            <translation>Kirim kembali kepada para penilai dengan alasan Anda</translation>
        </message>
        <message numerus="yes">
            <source>⚠ Conflicts (%n)…</source>
            <translation>
                <numerusform>⚠ Konflik (%n)…</numerusform>
            </translation>
        </message>
        <message>
            <source>In review — read-only until the reviewer approves or returns it</source>
            <translation>Sedang ditinjau — hanya-baca sampai peninjau menyetujui atau mengembalikannya</translation>
        </message>
        <message>
            <source>Draft — every change is saved at once</source>
            <translation>Draf — setiap perubahan langsung tersimpan</translation>
        </message>
        <message>
            <source>Returned by the reviewer: {comment}</source>
            <translation>Dikembalikan oleh peninjau: {comment}</translation>
        </message>
        <message>
            <source>Your assignment: pillars {pillars}; the others are read-only here.</source>
            <translation>Tugas Anda: pilar {pillars}; pilar lain hanya dapat dibaca di sini.</translation>
        </message>
        <message>
            <source>Reopen…</source>
            <translation>Buka kembali…</translation>
        </message>
        <message>
            <source>Finalize…</source>
            <translation>Finalkan…</translation>
        </message>
    </context>
    <context>
        <name>Worker</name>
        <message>
            <source>The task failed unexpectedly ({kind}: {detail}).</source>
            <translation>Tugas gagal secara tak terduga ({kind}: {detail}).</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <source>Save All</source>
            <translation>Simpan Semua</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Ya</translation>
        </message>
        <message>
            <source>Yes to &amp;All</source>
            <translation>Ya untuk &amp;Semua</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Tidak</translation>
        </message>
        <message>
            <source>N&amp;o to All</source>
            <translation>T&amp;idak untuk Semua</translation>
        </message>
        <message>
            <source>Abort</source>
            <translation>Batalkan</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Coba Lagi</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translation>Abaikan</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Buang</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Bantuan</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Terapkan</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Atur Ulang</translation>
        </message>
        <message>
            <source>Restore Defaults</source>
            <translation>Kembalikan Bawaan</translation>
        </message>
    </context>
    <context>
        <name>QGnomeTheme</name>
        <message>
            <source>&amp;OK</source>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Batal</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Tutup</translation>
        </message>
        <message>
            <source>Close without Saving</source>
            <translation>Tutup tanpa Menyimpan</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Tampilkan Detail...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Sembunyikan Detail...</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Cari di:</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Mundur</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Mundur</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Maju</translation>
        </message>
        <message>
            <source>Go forward</source>
            <translation>Maju</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translation>Folder Induk</translation>
        </message>
        <message>
            <source>Go to the parent directory</source>
            <translation>Ke folder induk</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translation>Buat Folder Baru</translation>
        </message>
        <message>
            <source>Create a New Folder</source>
            <translation>Buat folder baru</translation>
        </message>
        <message>
            <source>List View</source>
            <translation>Tampilan Daftar</translation>
        </message>
        <message>
            <source>Change to list view mode</source>
            <translation>Beralih ke tampilan daftar</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translation>Tampilan Rinci</translation>
        </message>
        <message>
            <source>Change to detail view mode</source>
            <translation>Beralih ke tampilan rinci</translation>
        </message>
        <message>
            <source>Sidebar</source>
            <translation>Bilah Samping</translation>
        </message>
        <message>
            <source>List of places and bookmarks</source>
            <translation>Daftar tempat dan markah</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Jenis berkas:</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translation>&amp;Nama berkas:</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Buka</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation>&amp;Pilih</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>Simpan Sebagai</translation>
        </message>
        <message>
            <source>Find Directory</source>
            <translation>Cari Folder</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>New Folder</source>
            <translation>Folder Baru</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>Folder &amp;Baru</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>&amp;Ganti Nama</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>Tampilkan berkas &amp;tersembunyi</translation>
        </message>
        <message>
            <source>All Files (*)</source>
            <translation>Semua Berkas (*)</translation>
        </message>
        <message>
            <source>%1 already exists.
Do you want to replace it?</source>
            <translation>%1 sudah ada.
Ganti berkas tersebut?</translation>
        </message>
        <message>
            <source>Are you sure you want to delete '%1'?</source>
            <translation>Yakin ingin menghapus '%1'?</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>Tempat Terkini</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>Komputer Saya</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Komputer</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translation>Tanggal Diubah</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>Komputer Saya</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Komputer</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Urungkan</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>U&amp;langi</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Potong</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Salin</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Tempel</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Pilih Semua</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Urungkan</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>U&amp;langi</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Potong</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Salin</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Tempel</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Pilih Semua</translation>
        </message>
        <message>
            <source>Copy &amp;Link Location</source>
            <translation>Salin &amp;Lokasi Tautan</translation>
        </message>
    </context>
</TS>
