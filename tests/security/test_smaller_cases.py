"""Issue 23, case 7, the parts not in other files: the words around a page's source link are the
manual's language. (Dates and init names: test_no_traceback.py; the quiz's storage: tests/site/test_quiz.py.)"""

from __future__ import annotations

from pathlib import Path

from deskbook.pipeline import load_checked_manual
from deskbook.site import SiteOptions, render_site_pages

GERMAN = Path(__file__).resolve().parents[1] / "fixtures" / "german"


def test_edit_this_file_is_in_the_manuals_language():
    manual = load_checked_manual(GERMAN / "content", GERMAN)
    pages = render_site_pages(manual, SiteOptions(edit_url="https://example.org/acme/manual/edit/main/"))
    edit_links = [page for page in pages if "deskbook-edit" in page.markdown]
    assert edit_links, "entity pages link to their YAML"
    for page in edit_links:
        assert ">Diese Datei bearbeiten</a>" in page.markdown and "Edit this file" not in page.markdown, page.src_uri
