"""`deskbook init`: a company's own manual without a fork. The new repository checks and builds at once
(for real, from a fresh clone), and its CI and pre-commit install the pinned Deskbook release."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import click
import yaml
from deskbook.cli import main
from deskbook.cli.commands import cli
from deskbook.cli.init import yaml_scalar
from deskbook.release import (
    git_ref,
    installed_version,
    pinned_requirement,
    repository_url,
)

NAME = "Acme & Sons' <Kettles>"


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=folder, check=True,
                   capture_output=True)


def test_init_then_check_and_build_in_a_fresh_clone(tmp_path, capsys, monkeypatch):
    origin = tmp_path / "acme-manual"
    assert main(["init", str(origin), "--name", NAME]) == 0
    git(origin, "init", "-q")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "Start the manual")
    git(tmp_path, "clone", "-q", str(origin), "clone")
    clone = tmp_path / "clone"
    monkeypatch.chdir(clone)
    capsys.readouterr()
    assert main(["check"]) == 0
    assert "content is valid (0 warnings)" in capsys.readouterr().err
    assert main(["build", "--strict"]) == 0, capsys.readouterr().err
    for pdf in ("handbook.pdf", "handbook-rep.pdf", "desk-card.pdf", "log-form.pdf"):
        assert (clone / "site" / "pdf" / pdf).is_file(), pdf
    company = (clone / "site" / "company" / "index.html").read_text()
    assert "Acme &amp; Sons" in company and "&lt;Kettles&gt;" in company, "the name is text, escaped"
    assert not list(tmp_path.glob("**/.site.building-*"))


def test_the_pinned_release_is_this_repository_at_a_revision_it_has(repo_root):
    pinned = pinned_requirement()
    assert pinned == f"deskbook @ git+{repository_url()}@{git_ref(installed_version())}"
    assert repository_url().startswith("https://"), "pyproject.toml's [project.urls] names the repository"
    ref = pinned.rpartition("@")[2]
    found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], check=False,
                           cwd=repo_root, capture_output=True, text=True)
    assert found.returncode == 0, f"{ref} (the tag or commit this Deskbook was built from) is not in the repository"


def test_versions_name_their_git_revision():
    assert git_ref("0.2.0") == "v0.2.0"
    assert git_ref("0.2.0+d20261202") == "v0.2.0", "a dirty tree at the tag is still the tag"
    assert git_ref("0.2.1.dev3+g1a2b3c4") == "1a2b3c4"
    assert git_ref("0.0.1.dev167+g53949d373.d20261202") == "53949d373"
    assert git_ref("0.0.0") is None, "setuptools-scm's fallback: built without git"


def test_yaml_written_by_init_reads_as_a_manager_would_write_it(tmp_path):
    assert yaml_scalar("A & B") == "A & B"
    assert yaml_scalar("Acme & Sons' <Kettles>") == "Acme & Sons' <Kettles>"
    for awkward in ("2024", "yes", "NO", "a: b", "#1 Kettles", "- dash", "'quoted'", "Zürich & Søn", "tab\there"):
        assert yaml.safe_load(f"name: {yaml_scalar(awkward)}\n") == {"name": awkward}, awkward
    assert main(["init", str(tmp_path / "manual"), "--name", "A & B"]) == 0
    texts = [path.read_text() for path in (tmp_path / "manual").rglob("*") if path.is_file()]
    assert not any("\\u00" in text for text in texts), "no JSON escapes in files people edit"
    assert "name: A & B\n" in (tmp_path / "manual" / "content" / "company.yaml").read_text()


def test_the_command_names_itself(capsys):
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("Usage: deskbook ")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"deskbook {installed_version()}"


def test_the_new_repository_installs_a_pinned_release(tmp_path):
    assert main(["init", str(tmp_path / "manual"), "--name", "Acme"]) == 0
    project = tmp_path / "manual"
    pinned = pinned_requirement()
    assert pinned in (project / "requirements.txt").read_text().splitlines()
    workflow = yaml.safe_load((project / ".github" / "workflows" / "manual.yml").read_text())
    runs = [step.get("run", "") for step in workflow["jobs"]["manual"]["steps"]]
    assert "python -m pip install --quiet -r requirements.txt" in runs
    check, build = runs.index("deskbook check --strict --format github"), runs.index("deskbook build --strict")
    assert check < build, "a warning fails the step that annotates its line, before the build"
    assert not any("-e ." in run or "build_manual.py" in run for run in runs), "no install from a fork"
    for run in runs:
        for command in re.findall(r"\bdeskbook (\w+)", run):
            assert command in cli.list_commands(click.Context(cli)), f"the workflow calls 'deskbook {command}', which does not exist"
    from pre_commit.clientlib import load_config

    config = load_config(str(project / ".pre-commit-config.yaml"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "deskbook check" and hook["additional_dependencies"] == [pinned]
    assert re.match(hook["files"], "mkdocs.yml") and re.match(hook["files"], "docs/index.md")
    assert (project / ".gitignore").read_text().count(".site.building-*") == 1


def test_a_requirement_of_ones_own(tmp_path):
    requirement = "deskbook @ git+https://example.org/deskbook@v0.1.0"
    assert main(["init", str(tmp_path / "manual"), "--name", "Acme", "--requirement", requirement]) == 0
    assert requirement in (tmp_path / "manual" / "requirements.txt").read_text()
    assert requirement in (tmp_path / "manual" / ".pre-commit-config.yaml").read_text()


def test_init_never_overwrites(tmp_path, capsys):
    (tmp_path / "manual").mkdir()
    (tmp_path / "manual" / "notes.txt").write_text("mine")
    assert main(["init", str(tmp_path / "manual"), "--name", "Acme"]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert sorted(path.name for path in (tmp_path / "manual").iterdir()) == ["notes.txt"]


def test_new_in_a_new_project_uses_its_own_ids(tmp_path, capsys, monkeypatch):
    assert main(["init", str(tmp_path / "manual"), "--name", "Acme"]) == 0
    monkeypatch.chdir(tmp_path / "manual")
    assert main(["new", "policy", "late-delivery"]) == 0
    assert main(["new", "call-log", "first-call"]) == 0
    assert main(["new", "chain", "complaints"]) == 0
    assert "owner: manager" in Path("content/policies/late-delivery.yaml").read_text()
    assert "category: question" in Path("content/call-logs/first-call.yaml").read_text()
    capsys.readouterr()
    assert main(["check"]) == 0, capsys.readouterr().err
