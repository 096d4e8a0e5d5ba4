"""Issue 23, case 3: a symbolic link under docs/ or content/ that leaves them is never followed; check and
build name it, located, and the site gets nothing from outside (``.git/config`` holds CI's token header)."""

from __future__ import annotations

import os

import pytest

from projects import copy_example_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKBOOK_PDF", "false")
    project = copy_example_project(tmp_path / "project")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text('[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic SECRET\n')
    return project


LINKS = [
    ("docs/cfg.md", "../.git/config"),
    ("docs/notes.txt", "../../outside.txt"),
    ("docs/linked", "../../outside-folder"),
    ("content/assets/extra.txt", "../../.git/config"),
    ("docs/dangling.md", "../nowhere.md"),
]


@pytest.mark.parametrize("link, target", LINKS)
def test_links_leaving_the_project_are_located_errors_of_check_and_build(project, tmp_path, capsys, link, target):
    from deskbook.cli import main

    (tmp_path / "outside.txt").write_text("SECRET outside")
    (tmp_path / "outside-folder").mkdir()
    (tmp_path / "outside-folder" / "page.md").write_text("# SECRET page\n")
    os.symlink(target, project / link)
    assert main(["check", "--content", str(project / "content"), "-f", str(project / "mkdocs.yml")]) == 1
    site = tmp_path / "site"
    assert main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]) == 1
    err = capsys.readouterr().err
    assert err.count(f"{link}: error: a symbolic link to ") == 2, err
    assert "Traceback" not in err and not site.exists()


def test_plain_mkdocs_build_refuses_them_too(project, tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    os.symlink("../.git/config", project / "docs" / "cfg.md")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    with pytest.raises(Abort):
        build(config)
    assert not any("SECRET" in path.read_text(errors="ignore") for path in (tmp_path / "site").rglob("*") if path.is_file())


def test_a_link_inside_the_docs_folder_is_fine(project, tmp_path):
    from deskbook.cli import main

    os.symlink("how-to-use.md", project / "docs" / "how-to-use-2.md")
    assert main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")]) == 0
