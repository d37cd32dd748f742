"""The report's font: DejaVu Sans, registered once and embedded in every PDF.

reportlab's built-in Helvetica is not embedded and has no glyph beyond Latin-1; DejaVu Sans covers
Indonesian and Sundanese Latin text (é in "kénéh"), arrows, dashes and the maths signs used in the
method section.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", OBLIQUE: "DejaVuSans-Oblique.ttf"}

_lock = threading.Lock()  # the app builds reports on a worker thread; registration is global state
_registered = False


def register_fonts() -> str:
    """Register the DejaVu family with reportlab (idempotent); returns the regular font's name."""
    global _registered
    with _lock:
        if not _registered:
            for name, file_name in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
            # <b> and <i> in paragraphs pick the family's faces; there is no bold oblique, bold stands in.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, OBLIQUE)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = True
    return REGULAR


def covers(text: str) -> bool:
    """Whether the regular face has a glyph for every character of `text` (no box would be drawn)."""
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    return all(ord(ch) in face.charToGlyph or ch in "\n\r\t" for ch in text)
