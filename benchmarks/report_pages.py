"""Write the demo report as PDF and DOCX in both languages, render every page to PNG, and refresh the samples
in docs/ (each picked by the heading it shows).

    python benchmarks/report_pages.py [--out FOLDER]

Needs pdftoppm (poppler-utils) and, for the DOCX pages, LibreOffice (soffice). Every page lands in FOLDER
(default: a temporary folder, printed) as <kind>-<lang>-NN.png, for looking at them all.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import DOCS  # also puts the checkout on sys.path
from pypdf import PdfReader

from smartcity_assess.reporting import write_report
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store

# docs file → (kind, lang, text the page shows, which match)
SAMPLES = {
    "report-cover.png": ("pdf", "en", "Smart City Maturity Assessment Report, Bandung (demo), 2026", 0),
    "report-signoff-id.png": ("pdf", "id", "LEMBAR PENGESAHAN", 0),
    "report-summary.png": ("pdf", "en", "1  Executive summary", 0),
    "report-summary-id.png": ("pdf", "id", "1  Ringkasan eksekutif", 0),
    "report-intro-id.png": ("pdf", "id", "2  Pendahuluan", 0),
    "report-pillar.png": ("pdf", "en", "4  Pillar GOV", 0),
    "report-findings.png": ("pdf", "en", "WIFI-01 Public Wi-Fi hotspots per 100,000 inhabitants", 1),
    "report-gaps.png": ("pdf", "en", "8  Prioritised gaps", 0),
    "report-roadmap.png": ("pdf", "en", "9  Roadmap", 0),
    "report-progress.png": ("pdf", "en", "10  Progress since previous assessments", 0),
    "report-appendix-id.png": ("pdf", "id", "12  Lampiran: daftar berkas bukti", 0),
    "report-docx-id.png": ("docx", "id", "LEMBAR PENGESAHAN", 0),
    "report-docx-findings.png": ("docx", "en", "Findings by indicator", 0),
}


def convert_docx(path: Path, folder: Path) -> Path:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        raise SystemExit("LibreOffice is needed for the DOCX pages (apt-get install libreoffice-writer-nogui)")
    profile = folder / "lo-profile"
    subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(folder / "docx-pdf"), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return folder / "docx-pdf" / (path.stem + ".pdf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for every page's PNG (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="report-pages-"))
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "demo.db")
    load_demo(store)
    (info,) = store.list_assessments(city="Bandung (demo)", year=2026)
    if not store.evidence(info.id):
        store.add_evidence(info.id, "GOV-03", "notulen-rapat-sop.pdf", b"%PDF-1.4 sample minutes", actor="demo")
        store.add_evidence(info.id, "WIFI-01", "inventaris-titik-wifi.xlsx", b"sample inventory", actor="demo")
    pdfs = {}
    for lang in ("en", "id"):
        pdfs[("pdf", lang)] = write_report(store, info.id, folder / f"laporan-{lang}.pdf", lang=lang)
        docx_path = write_report(store, info.id, folder / f"laporan-{lang}.docx", lang=lang)
        pdfs[("docx", lang)] = convert_docx(docx_path, folder)
    store.close()
    for (kind, lang), pdf in pdfs.items():
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(folder / f"{kind}-{lang}")], check=True)
    for name, (kind, lang, text, nth) in SAMPLES.items():
        wanted = " ".join(text.split())
        texts = [" ".join(page.extract_text().split()) for page in PdfReader(pdfs[(kind, lang)]).pages]
        pages = [i for i, page_text in enumerate(texts) if wanted in page_text]
        if len(pages) <= nth:
            print(f"{name}: no page shows {text!r}", file=sys.stderr)
            return 1
        count = len(texts)
        digits = len(str(count))
        shutil.copy(folder / f"{kind}-{lang}-{pages[nth] + 1:0{digits}d}.png", DOCS / name)
        print(f"docs/{name}: {kind} {lang} page {pages[nth] + 1} of {count}")
    print(f"every page: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
