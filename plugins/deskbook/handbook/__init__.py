"""The printed outputs: the handbook editions, the desk card, the log form and the acknowledgement sheets.

Loaded lazily, so that ``check`` (which reads the desk card's fit and the print fonts) does not import the
handbook's renderer and Typst runner."""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "DeskCardSpec": "specs", "EditionSpec": "specs", "LogFormSpec": "specs", "PrintOptions": "specs",
    "handbook_data": "data", "PrintError": "pdf", "RenderedPdf": "pdf", "render_pdf": "pdf",
}
__all__ = ["DeskCardSpec", "EditionSpec", "LogFormSpec", "PrintError", "PrintOptions", "RenderedPdf", "handbook_data",
           "render_pdf"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
