"""Issue 23, case 1: a build replaces only a folder that is Deskbook's (it holds the marker every built site
holds) or is empty; PDF folders stay inside the site. Nothing else is written or deleted."""

from __future__ import annotations

import os
import re

import pytest
from projects import copy_example_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKBOOK_PDF", "false")  # the output folder is what is tested here
    return copy_example_project(tmp_path / "project")


def _build(project, *args) -> int:
    from deskbook.cli import main

    return main(["build", "-f", str(project / "mkdocs.yml"), *args])


def _tree(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _victims(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "diary.md").write_text("my notes")
    sibling = tmp_path / "other-repo" / ".git"
    sibling.mkdir(parents=True)
    (sibling / "HEAD").write_text("ref: refs/heads/main\n")
    ssh = tmp_path / "home" / ".ssh"
    ssh.mkdir(parents=True)
    (ssh / "id_ed25519").write_text("PRIVATE KEY")
    return [notes, sibling, ssh]


def test_build_dash_d_on_someones_folder_refuses_and_deletes_nothing(project, tmp_path, capsys):
    for victim in _victims(tmp_path):
        before = _tree(victim)
        assert _build(project, "-d", str(victim)) == 2
        err = capsys.readouterr().err
        assert f"error: -d {victim}: the output folder {victim} holds files" in err
        assert "no .deskbook-site file" in err and "Traceback" not in err
        assert _tree(victim) == before and victim.is_dir()
        assert not list(victim.parent.glob(f".{victim.name}.*")), "no staging folder left beside it"


def test_site_dir_in_mkdocs_yml_is_refused_with_its_line_by_build_and_check(project, tmp_path, capsys):
    from deskbook.cli import main

    notes, _, _ = _victims(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + f"site_dir: {os.path.relpath(notes, project)}\n")
    line = config.read_text().splitlines().index(f"site_dir: {os.path.relpath(notes, project)}") + 1
    assert _build(project) == 1
    assert main(["check", "--content", str(project / "content"), "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert len(re.findall(rf"mkdocs\.yml:{line}:11: error: site_dir '\.\./notes': the output folder .* holds files", err)) == 2
    assert (notes / "diary.md").read_text() == "my notes"


def test_every_built_site_is_marked_and_a_marked_site_is_replaced(project, tmp_path):
    site = tmp_path / "site"
    assert _build(project, "-d", str(site)) == 0
    assert (site / ".deskbook-site").is_file()
    (site / "stale.html").write_text("from the previous build")
    assert _build(project, "-d", str(site)) == 0
    assert not (site / "stale.html").exists() and (site / ".deskbook-site").is_file()


def test_an_empty_or_new_folder_is_taken(project, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _build(project, "-d", str(empty)) == 0
    assert (empty / "index.html").is_file()


def test_a_dangling_link_as_output_folder_is_refused(project, tmp_path, capsys):
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    assert _build(project, "-d", str(tmp_path / "link")) == 2
    assert "is a symbolic link to nothing" in capsys.readouterr().err
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.parametrize("output_dir", ["../../../x", "/tmp/deskbook-pdfs", "javascript:alert(document.domain)//",
                                        "..", "pdf/../../x", ""])
def test_pdf_output_dir_must_stay_inside_the_site(project, tmp_path, capsys, monkeypatch, output_dir):
    from deskbook.cli import main

    monkeypatch.setenv("DESKBOOK_PDF", "true")
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "  - deskbook/pdf:\n" in text
    config.write_text(text.replace("  - deskbook/pdf:\n", f"  - deskbook/pdf:\n      output_dir: '{output_dir}'\n"))
    line = config.read_text().splitlines().index(f"      output_dir: '{output_dir}'") + 1
    assert main(["check", "--content", str(project / "content"), "-f", str(config)]) == 1
    assert _build(project, "-d", str(tmp_path / "site")) == 1
    err = capsys.readouterr().err
    assert len(re.findall(rf"mkdocs\.yml:{line}:19: error: deskbook/pdf: output_dir '", err)) == 2, err
    assert "Traceback" not in err
    assert not (tmp_path / "site").exists() and not (tmp_path / "x").exists()
