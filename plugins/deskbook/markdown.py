"""``deskbook.markdown``: the ``[[...]]`` references as a Python-Markdown extension of its own, for engines
that run Markdown extensions but no MkDocs plugins (Zensical). ``deskbook pages DIR`` writes the generated
pages; this extension resolves the references of the hand-written ones while the engine renders them.

In an engine's config::

    markdown_extensions:
      - deskbook.markdown:
          content: content          # the content folder, from the folder the engine runs in
          use_directory_urls: false # as the engine's own setting (Zensical's is passed on by itself)

Values and links are the ones the ``deskbook/content`` plugin inserts: looked up, never evaluated, and
text after Markdown has parsed the page. Links are relative to the page being rendered, which Zensical
tells its extensions; Python-Markdown called directly renders one page, named by the ``page`` option.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .diagnostics import ContentError, format_report
from .manual import Manual
from .pipeline import checked_manual
from .site.reference_markdown import ReferenceExtension
from .urls import entity_target, relative_url


class DeskbookMarkdownError(ValueError):
    """The content the extension was pointed at cannot be loaded (every located error in the message)."""


class DeskbookReferences(ReferenceExtension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "content": ["content", "The content folder, relative to the folder the engine runs in"],
            "page": ["index.md", "The page being rendered (its path in the docs folder), when the engine "
                                 "does not say"],
            "use_directory_urls": [False, "Link to page/ instead of page.html, as the engine writes pages"],
        }
        super().__init__()
        self.setConfigs(kwargs)
        self.manual = load_manual(Path(self.getConfig("content")))
        self.link = self._link
        self._page = str(self.getConfig("page"))
        self._directory_urls = bool(self.getConfig("use_directory_urls"))

    def extendMarkdown(self, md) -> None:
        super().extendMarkdown(md)
        self._page, self._directory_urls = _engine_page(md, self._page, self._directory_urls)

    def _link(self, kind: str, entity_id: str) -> str:
        target = entity_target(kind, entity_id)
        return relative_url(self._page, target.src_uri, self._directory_urls, target.anchor)


def load_manual(content_dir: Path) -> Manual:
    """The checked Manual (loaded once per content state, as for the plugins)."""
    if not content_dir.is_dir():
        raise DeskbookMarkdownError(f"deskbook.markdown: no content folder at {content_dir}; set its "
                                    "'content' option to the project's content folder")
    try:
        return checked_manual(content_dir, content_dir.resolve().parent)[0]
    except ContentError as exc:
        raise DeskbookMarkdownError("Deskbook content has errors:\n" + format_report(exc.diagnostics)) from None


def _engine_page(md, page: str, use_directory_urls: bool) -> tuple[str, bool]:
    """The page Zensical is rendering and its URL style, from the rendering context it registers on every
    Markdown instance (a preprocessor holding ``page`` and ``config``); the options otherwise."""
    for processor in md.preprocessors:
        context_page = getattr(processor, "page", None)
        path = getattr(context_page, "path", None)
        if isinstance(path, str):
            config = getattr(processor, "config", None) or {}
            directory_urls = config.get("use_directory_urls", use_directory_urls)
            return path, bool(directory_urls)
    return page, use_directory_urls


def makeExtension(**kwargs: Any) -> DeskbookReferences:
    return DeskbookReferences(**kwargs)
