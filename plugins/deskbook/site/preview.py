"""What the browser shows while ``serve`` is previewing content that does not load: the located errors,
in place of every page, until the next good save brings the manual back."""

from __future__ import annotations

from ..locale import Localization, localization
from .environment import environment


def content_error_page(report: str) -> str:
    """A Markdown page listing ``report`` (the located errors, one a line), escaped as text.

    Content that does not load has no manual.yaml to read a language from, so the page is in English, like
    check's own messages."""
    return environment(localization()).get_template("content_errors.md.j2").render(report=report)


def pdfs_not_built_page(serving: bool, switch: str, words: Localization) -> str:
    """The Downloads page of a site built without its PDFs (a preview, or ``switch`` set to false), which
    says how to get them instead of leaving a link to nowhere."""
    return environment(words).get_template("downloads_not_built.md.j2").render(serving=serving, switch=switch)
