"""Manual -> site pages: Jinja templates, links between entities, SVG diagrams (no MkDocs here)."""

from .pages import GeneratedPage, SiteOptions, render_site_pages

__all__ = ["GeneratedPage", "SiteOptions", "render_site_pages"]
