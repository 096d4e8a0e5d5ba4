"""`check` tells the whole truth: mkdocs.yml's Deskbook options, every reference in docs/, the previous
edition's tag; and whenever `check` passes, `build` succeeds (a property over a catalogue of changes)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskbook.cli import main
from test_bad_inputs import CASES as BAD_INPUT_CASES
from test_bad_inputs import P as POLICY_FILE

MINIMAL_CONTENT = Path(__file__).parents[1] / "fixtures" / "minimal" / "content"

MKDOCS_YML = """\
site_name: !ENV [DESKBOOK_SITE_NAME, "Minimal manual"]
docs_dir: docs
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - search
  - deskbook/content:
      content_dir: content
  - deskbook/pdf:
      page_size: A4
      editions:
        - name: handbook
          title: Complete edition
        - name: handbook-supervisor
          title: Supervisor edition
          audience: supervisor
      desk_card:
        parts: [escalation, contacts]
        scripts: [transfer]
"""

INDEX_MD = "# Welcome\n\nRefunds: [[policy:refunds]], within [[policy:refunds.rules.window]].\n"


def make_project(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(MINIMAL_CONTENT, folder / "content")
    (folder / "docs").mkdir()
    (folder / "docs" / "index.md").write_text(INDEX_MD)
    (folder / "mkdocs.yml").write_text(MKDOCS_YML)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace once; a change whose text an earlier change already replaced does nothing."""
    path.write_text(path.read_text().replace(old, new, 1))


@dataclass(frozen=True)
class Change:
    name: str
    apply: Callable[[Path], None]
    expected: str | None  # a located error `check` must report; None for a change that is fine

    def __repr__(self) -> str:
        return self.name


def _yml(old: str, new: str) -> Callable[[Path], None]:
    return lambda project: edit(project / "mkdocs.yml", old, new)


def _page(name: str, text: str) -> Callable[[Path], None]:
    return lambda project: (project / "docs" / name).write_text(text)


CHANGES = [
    # --- fine ---------------------------------------------------------------------------------------
    Change("edition for everyone", _yml("          audience: supervisor\n", ""), None),
    Change("letter paper", _yml("page_size: A4", "page_size: Letter"), None),
    Change("no desk-card scripts", _yml("        scripts: [transfer]\n", ""), None),
    Change("desk card off", _yml("        parts: [escalation, contacts]\n", "        enabled: false\n"), None),
    Change("a second good page", _page("more.md", "See [[role:care-manager.title]] at [[company.name]].\n"), None),
    Change("env tag in plugin options", _yml("page_size: A4", "page_size: !ENV [PAPER, A4]"), None),
    # --- rejected by build, so by check first -------------------------------------------------------
    Change("audience manual.yaml lacks", _yml("audience: supervisor", "audience: supervisors"),
           r"mkdocs\.yml:18:21: error: editions\[1\]\.audience 'supervisors' is not an audience in manual\.yaml; "
           r"did you mean 'supervisor'\?"),
    Change("unknown desk-card script", _yml("scripts: [transfer]", "scripts: [transfer, hold]"),
           r"mkdocs\.yml:21:29: error: desk_card\.scripts: unknown script 'hold' \(scripts: transfer\)"),
    Change("unknown desk-card part", _yml("parts: [escalation, contacts]", "parts: [escalation, contact]"),
           r"mkdocs\.yml:20:29: error: desk_card\.parts: unknown part 'contact'; did you mean 'contacts'\?"),
    Change("same edition name twice", _yml("name: handbook-supervisor", "name: handbook"),
           r"mkdocs\.yml:16:17: error: editions\[1\]\.name 'handbook' is already used at line 14"),
    Change("bad paper size", _yml("page_size: A4", "page_size: A5"),
           r"mkdocs\.yml:12:18: error: page_size 'A5' is not one of: A4, Letter"),
    Change("PDF language not the manual's", _yml("page_size: A4", "page_size: A4\n      language: de"),
           r"mkdocs\.yml:13:17: error: deskbook/pdf: language 'de' is not the manual's language \(en_US"),
    Change("misspelt option", _yml("page_size: A4", "pagesize: A4"),
           r"mkdocs\.yml:12:17: error: deskbook/pdf: unknown option 'pagesize'; did you mean 'page_size'\?"),
    Change("broken reference in a page", _page("index.md", INDEX_MD + "\nOwner: [[role:care-manger]]\n"),
           r"docs/index\.md:5:8: error: unknown reference \[\[role:care-manger\]\]: no role with id 'care-manger'; "
           r"did you mean \[\[role:care-manager\]\]\?"),
    Change("broken reference in another page", _page("other.md", "# Other\n\n[[policy:refundz.rules.window]]\n"),
           r"docs/other\.md:3:1: error: unknown reference \[\[policy:refundz\.rules\.window\]\]"),
    Change("previous tag without git", lambda project: edit(project / "content" / "manual.yaml", "number: '1'",
                                                            "number: '2'\n  previous_tag: edition-1"),
           r"content/manual\.yaml:5:17: error: previous_tag 'edition-1' cannot be read: the project is not in a "
           r"git repository"),
    Change("dangling policy owner", lambda project: edit(project / "content" / "policies" / "refunds.yaml",
                                                         "owner: care-manager", "owner: care-manger"),
           r"content/policies/refunds\.yaml:\d+:8: error: unknown role 'care-manger'"),
]
# The property runs over these changes and over the content cases of the bad-input catalogue that stand on
# their own (a new policy file, valid or broken one way or another).
CATALOGUE = CHANGES + [
    Change(f"content: {case.name}", lambda project, case=case: case.apply(project / "content"), case.expected)
    for case in BAD_INPUT_CASES if case.path == POLICY_FILE
]


def run_check(project: Path, capsys) -> tuple[int, str]:
    status = main(["check", "-f", str(project / "mkdocs.yml")])
    out = capsys.readouterr()
    return status, out.err + out.out


@pytest.mark.parametrize("change", CHANGES, ids=[change.name for change in CHANGES])
def test_check_reports_project_problems_located(change, tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path / "project")
    monkeypatch.chdir(project)
    change.apply(project)
    status, report = run_check(project, capsys)
    if change.expected is None:
        assert status == 0, report
    else:
        assert status == 1, report
        assert re.search(change.expected, report), f"expected /{change.expected}/ in:\n{report}"
    assert "Traceback" not in report


def test_check_finds_mkdocs_yml_beside_the_content(tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path / "project")
    _yml("audience: supervisor", "audience: nobody")(project)
    monkeypatch.chdir(project)
    assert main(["check"]) == 1
    assert "mkdocs.yml:18:21: error: editions[1].audience 'nobody'" in capsys.readouterr().err
    assert main(["check", "--content", "content"]) == 1


def test_every_broken_reference_of_every_page_at_once(tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path / "project")
    for change in CHANGES:
        if change.name.startswith("broken reference"):
            change.apply(project)
    monkeypatch.chdir(project)
    status, report = run_check(project, capsys)
    assert status == 1 and "docs/index.md:5:8" in report and "docs/other.md:3:1" in report, report
    # build reports the same, together, before MkDocs runs ...
    assert main(["build", "-f", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "docs/index.md:5:8" in err and "docs/other.md:3:1" in err, err
    # ... and so does a plain `mkdocs build`, through the content plugin.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True,
                            text=True, env={**os.environ, "DESKBOOK_PDF": "false"})
    assert result.returncode != 0
    assert "docs/index.md:5:8" in result.stderr and "docs/other.md:3:1" in result.stderr, result.stderr


@pytest.mark.parametrize("change", [change for change in CHANGES if change.expected and "mkdocs" in change.expected
                                    and "unknown option" not in change.expected],
                         ids=lambda change: change.name)
def test_mkdocs_build_refuses_the_same_pdf_options_with_the_same_words(change, tmp_path):
    """The PDF plugin takes its verdict on its options from the check (project.py): a plain `mkdocs build`
    stops on what `check` reports, located in mkdocs.yml, and builds no PDF."""
    project = make_project(tmp_path / "project")
    change.apply(project)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True,
                            text=True, env={**os.environ, "DESKBOOK_PDF": "true"})
    assert result.returncode != 0
    assert re.search(change.expected, result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "pdf").exists()


def test_a_tag_check_cannot_judge_is_judged_by_the_build_where_it_stands(tmp_path):
    project = make_project(tmp_path / "project")
    _yml("page_size: A4", "page_size: !ENV [PAPER, A4]")(project)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True,
                            text=True, env={**os.environ, "DESKBOOK_PDF": "true", "PAPER": "A5"})
    assert result.returncode != 0
    assert "mkdocs.yml:12:18: error: page_size 'A5' is not one of: A4, Letter" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_previous_tag_names_a_git_revision(tmp_path, capsys, monkeypatch):
    project = make_project(tmp_path / "project")
    git = lambda *args: subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "start")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "edition 1")
    git("tag", "edition-1")
    monkeypatch.chdir(project)
    manual = project / "content" / "manual.yaml"
    edit(manual, "number: '1'", "number: '2'\n  previous_tag: editon-1")
    status, report = run_check(project, capsys)
    assert status == 1
    assert re.search(r"content/manual\.yaml:5:17: error: previous_tag: unknown revision 'editon-1'", report), report
    edit(manual, "previous_tag: editon-1", "previous_tag: edition-1")
    status, report = run_check(project, capsys)
    assert status == 0, report


def test_no_built_in_desk_card_scripts(tmp_path, capsys):
    """A project that names no scripts gets none: no default 'supervisor-takeover' to trip over."""
    from deskbook.project import pdf_outputs_of

    project = make_project(tmp_path / "project")
    _yml("        scripts: [transfer]\n", "")(project)
    editions, card = pdf_outputs_of(project / "mkdocs.yml")
    assert card is not None and card.scripts == ()
    assert [edition.audience for edition in editions] == [None, "supervisor"]


# Each example that passes `check` is built for real with its PDFs (seconds each), so examples are few.
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.sampled_from(CATALOGUE), min_size=1, max_size=2, unique_by=lambda change: change.name))
def test_whenever_check_passes_build_succeeds(changes, capsys, monkeypatch):
    with tempfile.TemporaryDirectory() as temporary:
        project = make_project(Path(temporary) / "project")
        monkeypatch.chdir(project)
        for change in changes:
            change.apply(project)
        status, report = run_check(project, capsys)
        if status != 0:
            return
        built = main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(Path(temporary) / "site")])
        assert built == 0, capsys.readouterr().err
        assert (Path(temporary) / "site" / "pdf" / "handbook.pdf").is_file()
