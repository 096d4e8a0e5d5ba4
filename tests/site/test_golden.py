"""Golden pages: the rendered Markdown+HTML of a small fixed project, compared byte for byte.

Regenerate after an intended change with ``DESKBOOK_UPDATE_GOLDEN=1 pytest tests/site/test_golden.py``
and review the diff like any other change.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from bench.synthetic import write_synthetic_content
from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.site import SiteOptions, render_site_pages

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["policies/policy-0000.md", "scripts/script-0002.md", "escalation/index.md", "response-times.md"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    content = write_synthetic_content(tmp_path_factory.mktemp("golden") / "content", 8)
    manual = load_manual_or_raise(content)
    pages = render_site_pages(manual, SiteOptions(today=dt.date(2026, 11, 22)))
    return {page.src_uri: page.markdown for page in pages}


# In German: the quotation marks around what staff say are the language's („…“), as in the PDFs.
GERMAN_PAGES = ["scripts/script-0002.md"]


@pytest.fixture(scope="module")
def rendered_in_german(tmp_path_factory):
    content = write_synthetic_content(tmp_path_factory.mktemp("golden-de") / "content", 8)
    settings = content / "manual.yaml"
    data = yaml.safe_load(settings.read_text(encoding="utf-8"))
    data["locale"] = {"language": "de_DE", "currency": "EUR"}
    settings.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    manual = load_manual_or_raise(content)
    pages = render_site_pages(manual, SiteOptions(today=dt.date(2026, 11, 22)))
    return {page.src_uri: page.markdown for page in pages}


@pytest.mark.parametrize("src_uri", GERMAN_PAGES)
def test_german_page_matches_golden(rendered_in_german, src_uri):
    golden = GOLDEN / ("de__" + src_uri.replace("/", "__"))
    if os.environ.get("DESKBOOK_UPDATE_GOLDEN"):
        golden.write_text(rendered_in_german[src_uri], encoding="utf-8")
    page = rendered_in_german[src_uri]
    assert page == golden.read_text(encoding="utf-8")
    assert "„" in page and "”" not in page, "German quotes what staff say as „…“"


@pytest.mark.parametrize("src_uri", PAGES)
def test_page_matches_golden(rendered, src_uri):
    golden = GOLDEN / src_uri.replace("/", "__")
    if os.environ.get("DESKBOOK_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered[src_uri], encoding="utf-8")
    assert rendered[src_uri] == golden.read_text(encoding="utf-8")
