"""Manual -> site pages: Jinja templates, links between entities, SVG diagrams (no MkDocs here).

The renderer is imported on first use, not with the package: ``check`` needs only ``site.references``
(the ``[[...]]`` references in docs/), and importing Jinja and the diagrams would double its start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pages import GeneratedPage, SiteOptions, render_site_pages

__all__ = ["GeneratedPage", "SiteOptions", "render_site_pages"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import pages

        return getattr(pages, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
