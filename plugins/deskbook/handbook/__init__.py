"""Manual -> print HTML -> PDF: the handbook editions and the desk reference card (no MkDocs here)."""

from .pdf import PrintError, render_pdf
from .render import DeskCardSpec, EditionSpec, PrintOptions, desk_card_html, handbook_html

__all__ = [
    "DeskCardSpec",
    "EditionSpec",
    "PrintError",
    "PrintOptions",
    "desk_card_html",
    "handbook_html",
    "render_pdf",
]
