"""Manual -> print data -> Typst -> PDF: the handbook editions, the desk card and the log form (no MkDocs here)."""

from .data import DeskCardSpec, EditionSpec, LogFormSpec, PrintOptions, handbook_data
from .pdf import PrintError, RenderedPdf, render_pdf

__all__ = [
    "DeskCardSpec",
    "EditionSpec",
    "LogFormSpec",
    "PrintError",
    "PrintOptions",
    "RenderedPdf",
    "handbook_data",
    "render_pdf",
]
