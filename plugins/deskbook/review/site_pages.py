"""The review pages as generated site pages (the content plugin adds them under "Review")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..manual import Manual
from ..site.pages import GeneratedPage
from .pages import due_for_review_markdown, whats_new_markdown


def review_site_pages(manual: Manual, project_root: Path, today: dt.date) -> list[GeneratedPage]:
    words = manual.localization
    return [
        GeneratedPage("review/whats-new.md", words.gettext("What changed in this edition"), "review",
                      whats_new_markdown(manual, project_root)),
        GeneratedPage("review/due-for-review.md", words.gettext("Due for review"), "review",
                      due_for_review_markdown(manual, today)),
    ]
