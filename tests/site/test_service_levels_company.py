"""The software company (tests/fixtures/software) built end to end through the CLI: its service-level
matrix on the site at phone and laptop widths, in the handbook and on the desk card, each target with
its clock."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from browser import served
from projects import REPO_ROOT, build_project

pytestmark = pytest.mark.pdf

SOFTWARE = Path(__file__).resolve().parents[1] / "fixtures" / "software" / "content"


@pytest.fixture(scope="module")
def software_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("software") / "project"
    shutil.copytree(SOFTWARE, project / "content")
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Welcome to [[company.name]]\n")
    config = (REPO_ROOT / "mkdocs.yml").read_text()
    rep_edition = "        - name: handbook-rep\n          title: Representative edition\n          audience: rep\n"
    assert rep_edition in config
    config = config.replace(rep_edition, "").replace("scripts: [hold, supervisor-takeover]", "scripts: [transfer]")
    config = re.sub(r"parts: \[[^\]]*\]", "parts: [service-levels, authority, time-limits, opening-hours, response-times]", config)
    (project / "mkdocs.yml").write_text(config)
    assert build_project(project) == 0
    return project


def _text(pdf: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    return re.sub(r"\s+", " ", text.replace("\u00ad ", "").replace("\u00ad", ""))


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_matrix_fits_the_screen(software_project, browser, width, height):
    # The session's browser (tests/site/conftest.py): a second Playwright in one process refuses to start.
    with served(software_project / "site") as base:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(base + "response-times.html")
        regions = page.locator(".deskbook-levels[role=region]")
        assert regions.count() == 3
        assert [regions.nth(i).get_attribute("aria-label") for i in range(3)] == [
            "Service levels: Basic", "Service levels: Premium", "Service levels: Ultimate"]
        rights = page.evaluate("() => [...document.querySelectorAll('.deskbook-levels table')]"
                               ".map(table => table.getBoundingClientRect().right)")
        assert rights and max(rights) <= width, rights
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        cell = page.locator(".deskbook-levels").nth(2).locator("td").first
        assert cell.inner_text() == "30 minutes, around the clock"
        assert cell.is_visible()


def test_the_handbook_and_card_show_each_clock(software_project):
    handbook = _text(software_project / "site" / "pdf" / "handbook.pdf")
    assert "Service levels" in handbook
    assert "4 hours (business hours, Monday to Friday, 08:00 to 17:00 Europe/Berlin)" in handbook
    card = PdfReader(software_project / "site" / "pdf" / "desk-card.pdf")
    assert len(card.pages) == 2
    text = _text(software_project / "site" / "pdf" / "desk-card.pdf")
    assert "First response: 30 minutes, around the clock; Resolution: 8 hours, around the clock" in text
    assert "First response: 4 hours (Support desk hours)" in text
    assert "Support desk hours: business hours, Monday to Friday, 08:00 to 17:00 Europe/Berlin" in text
