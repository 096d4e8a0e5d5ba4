"""The release as a company gets it: `make dist`'s wheel installed (not editable) into a fresh venv, then
the README's company path command by command, `diff`, and the same wheel on ProperDocs with MkDocs
uninstalled. Slow (pip, from its cache where it can): `pytest -m "not release"` leaves it out."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.release

REPO_ROOT = Path(__file__).resolve().parents[2]
EPOCH = "1790000000"  # tests/projects.py BUILD_EPOCH


def run(*args, cwd=None, env=None, check=True):
    result = subprocess.run([str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True,
                            check=False, timeout=900)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} exited {result.returncode}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", dist, REPO_ROOT)  # as `make dist`: sdist, then the wheel from it
    assert len(list(dist.glob("deskbook-*.tar.gz"))) == 1
    return next(dist.glob("deskbook-*-py3-none-any.whl"))


def fresh_venv(folder: Path, *requirements) -> dict:
    venv.create(folder, with_pip=True)
    run(folder / "bin" / "python", "-m", "pip", "install", "--quiet", *requirements)
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environment.update(PATH=f"{folder / 'bin'}{os.pathsep}{environment['PATH']}", SOURCE_DATE_EPOCH=EPOCH,
                       NO_MKDOCS_2_WARNING="1")
    return environment


def readme_company_commands() -> list[str]:
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme[readme.index("**Your company's own manual**"):readme.index("## Quick start")]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_the_readme_company_path_with_the_built_wheel(wheel, tmp_path):
    commands = readme_company_commands()
    install = next(line for line in commands if line.startswith("pip install"))
    version = re.search(r"@v([0-9.]+)\"$", install).group(1)
    assert "git+https://github.com/deskbook/deskbook@v" in install
    assert f"## v{version}" in (REPO_ROOT / "CHANGELOG.md").read_text(), "the README installs a listed release"
    environment = fresh_venv(tmp_path / "venv", wheel)
    assert run("deskbook", "--version", env=environment).stdout.startswith("deskbook ")
    assert "Usage: deskbook " in run("deskbook", "--help", env=environment).stdout
    for command in commands:
        if command.startswith(("python3 -m venv", "pip install")):
            continue  # done above, with the wheel in place of the tag
        run("bash", "-c", command, cwd=tmp_path, env=environment)
    project = tmp_path / "acme-manual"
    assert (project / "site" / "index.html").is_file() and (project / "site" / "pdf" / "handbook.pdf").is_file()
    pinned = (project / "requirements.txt").read_text().splitlines()[-1]
    ref = re.fullmatch(r"deskbook @ git\+https://github\.com/deskbook/deskbook@(\S+)", pinned).group(1)
    assert run("git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=REPO_ROOT, check=False).returncode == 0
    # diff, in the installed package too: a committed change described in words.
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    run(*git, "init", "-q", cwd=project, env=environment)
    run(*git, "add", ".", cwd=project, env=environment)
    run(*git, "commit", "-q", "-m", "Start", cwd=project, env=environment)
    run("deskbook", "new", "policy", "late-delivery", cwd=project, env=environment)
    assert "Late delivery" in run("deskbook", "diff", "HEAD", cwd=project, env=environment).stdout
    run("deskbook", "check", "--strict", cwd=project, env=environment)


def test_the_installed_wheel_finds_fonts_for_other_scripts(wheel, tmp_path):
    # Japanese needs a font the package does not ship; finding one on the machine reads font files, which
    # must work with the wheel's own dependencies (not the test extras).
    environment = fresh_venv(tmp_path / "venv", wheel)
    project = tmp_path / "japanese"
    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "japanese", project)
    run("deskbook", "check", "--strict", cwd=project, env=environment)
    run("deskbook", "build", cwd=project, env={**environment, "DESKBOOK_PDF": "true"})
    assert (project / "site" / "pdf" / "handbook.pdf").is_file()


def test_properdocs_without_mkdocs(wheel, tmp_path):
    environment = fresh_venv(tmp_path / "venv", wheel)
    run(tmp_path / "venv" / "bin" / "python", "-m", "pip", "uninstall", "--quiet", "--yes", "mkdocs")
    project = tmp_path / "project"
    shutil.copytree(REPO_ROOT / "content", project / "content")
    shutil.copytree(REPO_ROOT / "docs", project / "docs")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    missing = run("deskbook", "build", cwd=project, env=environment, check=False)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "neither is installed; install one: pip install properdocs" in missing.stderr
    run(tmp_path / "venv" / "bin" / "python", "-m", "pip", "install", "--quiet", "properdocs==1.6.7")
    assert run(tmp_path / "venv" / "bin" / "python", "-c", "import mkdocs", check=False).returncode == 1
    run("deskbook", "build", "--strict", cwd=project, env=environment)
    (project / "mkdocs.yml").rename(project / "properdocs.yml")
    run("properdocs", "build", "--strict", "-d", "site-properdocs", cwd=project, env=environment)
    ours = sorted(path.relative_to(project / "site").as_posix() for path in (project / "site").rglob("*.html"))
    theirs = sorted(path.relative_to(project / "site-properdocs").as_posix()
                    for path in (project / "site-properdocs").rglob("*.html"))
    assert ours == theirs and len(ours) > 40
    assert sorted(path.name for path in (project / "site-properdocs" / "pdf").glob("*.pdf")) == [
        "acknowledgement-manager.pdf", "acknowledgement-rep.pdf", "acknowledgement-supervisor.pdf",
        "desk-card.pdf", "handbook-rep.pdf", "handbook-supervisor.pdf", "handbook.pdf", "log-form.pdf"]
    # The engine's own strict build fails on what check --strict fails on: an overdue review.
    late = {**environment, "SOURCE_DATE_EPOCH": "1795305600"}
    failed = run("properdocs", "build", "--strict", "-d", "late", cwd=project, env=late, check=False)
    assert failed.returncode == 1 and "privacy.yaml:7:12: warning" in failed.stderr


# The newest Zensical the registries here serve whole: 0.1.x needs zensical-ui, of which no release is
# served; 0.0.73 is the last release without it.
ZENSICAL = "zensical==0.0.73"


def readme_zensical_config() -> str:
    readme = (REPO_ROOT / "README.md").read_text()
    return re.search(r"```toml\n(.*?)```", readme[readme.index("**Zensical**"):], re.DOTALL).group(1)


@pytest.mark.engines
def test_zensical_builds_every_page(wheel, tmp_path):
    environment = fresh_venv(tmp_path / "venv", wheel, ZENSICAL)
    project = tmp_path / "project"
    shutil.copytree(REPO_ROOT / "content", project / "content")
    shutil.copytree(REPO_ROOT / "docs", project / "docs")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs" / "guide").mkdir()
    (project / "docs" / "guide" / "intro.md").write_text("See [[policy:refunds]], within [[policy:refunds.rules.window]].\n")
    (project / "zensical.toml").write_text(readme_zensical_config())  # the README's, as written
    run("deskbook", "build", "--strict", cwd=project, env=environment)
    run("deskbook", "pages", "pages", cwd=project, env=environment)
    assert "Zensical" not in run("deskbook", "check", cwd=project, env=environment).stderr, "it names the extension"
    run("zensical", "build", "-f", "zensical.toml", cwd=project, env=environment)
    ours = {path.relative_to(project / "site").as_posix() for path in (project / "site").rglob("*.html")}
    theirs = {path.relative_to(project / "site-zensical").as_posix()
              for path in (project / "site-zensical").rglob("*.html")}
    # Every page but the downloads page, which lists the PDFs Zensical does not make.
    assert ours - theirs == {"downloads.html"} and len(theirs) > 60
    pages = {path: path.read_text() for path in (project / "site-zensical").rglob("*.html")}
    assert not [path for path, html in pages.items() if "[[" in html]
    intro = pages[project / "site-zensical" / "guide" / "intro.html"]
    assert '<a href="../policies/refunds.html">Refunds</a>, within <span>30 days</span>' in intro
    assert "Harbourline Home Goods" in pages[project / "site-zensical" / "index.html"]
    assert (project / "site-zensical" / "assets" / "deskbook" / "quiz.js").is_file()
