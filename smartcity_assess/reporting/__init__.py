"""The PDF gap report (reportlab, embedded DejaVu fonts, no Qt)."""

from .writer import write_report

__all__ = ["write_report"]
