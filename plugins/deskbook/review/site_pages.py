"""The review pages as generated site pages (the content plugin adds them under "Review")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..manual import Manual
from ..site.pages import GeneratedPage
from .acknowledgement import acknowledgement_markdown, acknowledgement_sheet, sheet_name
from .pages import due_for_review_markdown, whats_new_markdown


def review_site_pages(manual: Manual, project_root: Path, today: dt.date,
                      pdf_dir: str | None = None) -> list[GeneratedPage]:
    """``pdf_dir``: the site folder the acknowledgement PDFs go to, when the build makes them."""
    words = manual.localization
    pages = [
        GeneratedPage("review/whats-new.md", words.gettext("What changed in this edition"), "review",
                      whats_new_markdown(manual, project_root)),
        GeneratedPage("review/due-for-review.md", words.gettext("Due for review"), "review",
                      due_for_review_markdown(manual, today)),
    ]
    for audience in manual.settings.audiences:
        name = sheet_name(audience.id)
        sheet = acknowledgement_sheet(manual, project_root, audience.id)
        pdf_href = f"../{pdf_dir}/{name}.pdf" if pdf_dir is not None else None
        pages.append(GeneratedPage(f"review/{name}.md",
                                   words.gettext("Acknowledgement: %(audience)s", audience=audience.name), "review",
                                   acknowledgement_markdown(sheet, words, pdf_href)))
    return pages
