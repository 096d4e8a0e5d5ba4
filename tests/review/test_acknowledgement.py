"""Read and acknowledged: each audience's sheet of what changed for them, on the site and as a PDF, and
which policies a material change (as manual.yaml defines it) asks them to sign for again."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from projects import build_project, copy_example_project
from pypdf import PdfReader

from deskbook.cli import main
from deskbook.pipeline import load_checked_manual
from deskbook.review.acknowledgement import acknowledgement_sheet


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=test@example.com", "-c", "user.name=Test", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path.name}: the fixture no longer matches the example"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def second_edition(tmp_path) -> Path:
    """The example tagged as edition 1, then edition 2 with a rule of Refunds changed (material: rules),
    only the version of Written communications changed (not material) and a supervisors' policy changed."""
    project = copy_example_project(tmp_path / "repo")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "edition 1")
    git(project, "tag", "edition-1")
    content = project / "content"
    _edit(content / "policies" / "refunds.yaml", "counted from the day of purchase.\n    value: 30",
          "counted from the day of purchase.\n    value: 45")
    _edit(content / "policies" / "communications.yaml", "version: ", "version: \"9.9\"\n# was ")
    _edit(content / "policies" / "key-accounts.yaml", "version: \"1.1\"", "version: \"1.2\"")
    _edit(content / "manual.yaml", 'number: "1"', 'number: "2"\n  previous_tag: edition-1')
    git(project, "commit", "-qam", "edition 2: longer refund window")
    return project


def _titles(items) -> list[str]:
    return [item.title for item in items]


def test_first_edition_sheet_asks_for_every_policy_the_audience_reads(example_content):
    manual = load_checked_manual(example_content)
    rep = acknowledgement_sheet(manual, None, "rep")
    supervisor = acknowledgement_sheet(manual, None, "supervisor")
    assert rep.previous_edition is None and rep.for_information == ()
    assert "Refunds" in _titles(rep.to_acknowledge)
    assert "Key accounts and large orders" not in _titles(rep.to_acknowledge), "a supervisors' policy"
    assert "Key accounts and large orders" in _titles(supervisor.to_acknowledge)


def test_material_change_marks_the_policy_for_acknowledgement_again(second_edition):
    manual = load_checked_manual(second_edition / "content")
    sheet = acknowledgement_sheet(manual, second_edition, "rep")
    assert sheet.previous_edition == "1" and "since edition 1 (edition-1)" in sheet.comparison
    assert _titles(sheet.to_acknowledge) == ["Refunds"]
    refunds = sheet.to_acknowledge[0]
    assert refunds.reason == "changed materially"
    assert refunds.changes == ("Window: 30 days -> 45 days",)
    information = {item.title: item for item in sheet.for_information}
    assert "Written communications" in information, "a new version number alone is no material change"
    assert information["Written communications"].changes == ("Version: 1.0 -> 9.9",)
    assert "Key accounts and large orders" not in information, "reps do not read the supervisors' policy"
    supervisor = acknowledgement_sheet(manual, second_edition, "supervisor")
    assert "Key accounts and large orders" in _titles(supervisor.for_information)


def test_what_is_material_is_what_manual_yaml_says(second_edition):
    _edit(second_edition / "content" / "manual.yaml", "material: [rules, exceptions, summary]", "material: [version]")
    sheet = acknowledgement_sheet(load_checked_manual(second_edition / "content"), second_edition, "rep")
    assert _titles(sheet.to_acknowledge) == ["Written communications"]
    assert "Refunds" in _titles(sheet.for_information)


def test_an_unknown_material_field_is_a_located_error(example_project, capsys, monkeypatch):
    _edit(example_project / "content" / "manual.yaml", "material: [rules, exceptions, summary]",
          "material: [rules, rulez]")
    monkeypatch.chdir(example_project)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "content/manual.yaml:" in err and "rulez" in err and "Traceback" not in err


@pytest.mark.pdf
def test_example_sheets_are_on_the_site_and_printed(built_example):
    site = built_example / "site"
    html = (site / "review" / "acknowledgement-rep.html").read_text()
    page = html[html.index("<article"):html.index("</article>")]  # the sheet, not the site's menu
    assert "Acknowledgement: Customer care representatives" in page
    assert '<a href="../policies/refunds.html">' in page
    assert "Key accounts and large orders" not in page
    assert "Signature" in page
    assert 'href="../pdf/acknowledgement-rep.pdf"' in page
    for audience in ("rep", "supervisor", "manager"):
        assert (site / "review" / f"acknowledgement-{audience}.html").is_file()
        pdf = PdfReader(site / "pdf" / f"acknowledgement-{audience}.pdf")
        assert len(pdf.pages) == 1, "a one-page sheet"
    text = PdfReader(site / "pdf" / "acknowledgement-rep.pdf").pages[0].extract_text()
    for words in ("Customer care representatives", "Edition 1", "Refunds", "Name", "Signature", "Date"):
        assert words in text
    assert "Key accounts" not in text


@pytest.mark.pdf
def test_second_edition_sheet_on_the_site_and_in_the_pdf_marks_the_changed_policy(second_edition):
    assert build_project(second_edition, strict=False) == 0
    site = second_edition / "site"
    page = (site / "review" / "acknowledgement-rep.html").read_text()
    assert "What changed for you since edition 1" in page
    text = PdfReader(site / "pdf" / "acknowledgement-rep.pdf").pages[0].extract_text()
    assert "Policy changed: Refunds (changed materially)" in text
    assert "Window: 30 days -> 45 days" in text
    assert "Other changes, for information" in text
