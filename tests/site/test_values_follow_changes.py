"""Changing one value in the YAML changes it everywhere: every site page and every PDF, searched as text."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from projects import BUILD_EPOCH, build_project, copy_example_project

pytestmark = pytest.mark.pdf

OLD_VALUE = re.compile(r"\b30[\s\u00a0-]+days?\b", re.I)


def _site_texts(site: Path) -> dict[str, str]:
    texts = {}
    for page in site.rglob("*.html"):
        text = re.sub(r"<script.*?</script>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        texts[page.relative_to(site).as_posix()] = re.sub(r"\s+", " ", html.unescape(text))
    return texts


def _pdf_texts(pdf_dir: Path) -> dict[str, str]:
    return {
        pdf.name: re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\u00ad\n", ""))
        for pdf in pdf_dir.glob("*.pdf")
    }


def _set_value(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, path
    path.write_text(text.replace(old, new, 1))


def test_changing_the_refund_window_leaves_no_old_value(tmp_path, monkeypatch):
    """The refund window goes from 30 to 45 days. The other values that are 30 days too (the returns and
    privacy rules, the review warning) are moved aside first, so any "30 days" left in the outputs can
    only be the old refund window written out somewhere."""
    project = copy_example_project(tmp_path / "project")
    policies = project / "content" / "policies"
    for name, value in (("returns", 46), ("privacy", 47), ("refunds", 45)):
        _set_value(policies / f"{name}.yaml", "    value: 30 days", f"    value: {value} days")
    _set_value(project / "content" / "manual.yaml", "review_warning_days: 30", "review_warning_days: 31")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    assert build_project(project) == 0

    site = project / "site"
    texts = {**_site_texts(site), **_pdf_texts(site / "pdf")}
    stale = {name: [text[max(0, m.start() - 60):m.end() + 20] for m in OLD_VALUE.finditer(text)]
             for name, text in texts.items() if OLD_VALUE.search(text)}
    assert stale == {}, "the old refund window survives"

    for name in ("index.html", "policies/refunds.html", "training/knowledge-checks.html", "handbook.pdf",
                 "handbook-rep.pdf", "desk-card.pdf"):
        assert "45 days" in texts[name], name
    assert "the refund window is 45 days" in texts["training/knowledge-checks.html"]
