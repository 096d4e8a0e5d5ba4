"""The printed authority of a company that grants no refunds and no gifts (tests/fixtures/software): the
handbook's authority matrix and the desk card's "Who may approve what" leave those kinds out, and print
the extensions, usage credits and seats it does grant, with their typed values."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from projects import REPO_ROOT, build_project

pytestmark = pytest.mark.pdf

SOFTWARE = REPO_ROOT / "tests" / "fixtures" / "software" / "content"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("software-authority") / "project"
    shutil.copytree(SOFTWARE, project / "content")
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Welcome to [[company.name]]\n")
    config = (REPO_ROOT / "mkdocs.yml").read_text()
    # The software company has no representatives' audience, and no hold script.
    rep_edition = "        - name: handbook-rep\n          title: Representative edition\n          audience: rep\n"
    assert rep_edition in config
    config = config.replace(rep_edition, "").replace("scripts: [hold, supervisor-takeover]", "scripts: [transfer]")
    config = re.sub(r"parts: \[[^\]]*\]", "parts: [authority]", config)
    (project / "mkdocs.yml").write_text(config)
    assert build_project(project) == 0
    return project / "site" / "pdf"


def _text(pdf: Path) -> str:
    """The PDF's words as poppler reads them, soft hyphens and line breaks joined up."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text.replace("\u00ad\n", "").replace("\u00ad", ""))


def _matrix(handbook: str) -> str:
    return handbook.split("Authority matrix", 2)[-1].split("Who do I escalate to?", 1)[0]


def test_the_handbook_matrix_leaves_out_the_kinds_nobody_holds(pdfs):
    matrix = _matrix(_text(pdfs / "handbook.pdf"))
    for absent in ("Refund", "Free gift", "$0", "Consult other staff"):
        assert absent not in matrix, matrix
    for present in ("Trial extension", "Usage credit", "Extra seats", "May override policy", "up to 500 usage",
                    "2 × the failed minutes", "up to 25 seats for 3 months"):
        assert present in matrix, matrix


def test_the_desk_card_leaves_out_the_kinds_nobody_holds(pdfs):
    card = _text(pdfs / "desk-card.pdf")
    part = card.split("Who may approve what", 1)[1]
    for absent in ("Refund", "Gift", "$0", "none"):
        assert absent not in part, part
    assert "Trial extension up to 14 days" in part
    assert "Discount up to 15% for 3 months" in part
    assert "Usage credit: current usage + 2 × the failed minutes" in part
