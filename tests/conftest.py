"""Fixtures shared by every test level: the repository, the example content, fixture projects."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "plugins"))
sys.path.insert(0, str(REPO_ROOT))  # for bench.synthetic, which fixtures share with the benchmarks

# Material's end-of-life banner would otherwise sit in every captured build log.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def example_content() -> Path:
    return REPO_ROOT / "content"


def copy_example_project(destination: Path) -> Path:
    """A full project (content, docs, mkdocs.yml) in ``destination``, ready to be built or broken."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO_ROOT / "content", destination / "content")
    if (REPO_ROOT / "docs").is_dir():
        shutil.copytree(REPO_ROOT / "docs", destination / "docs")
    else:
        (destination / "docs").mkdir()
    shutil.copy(REPO_ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    return copy_example_project(tmp_path / "project")


BUILD_EPOCH = "1790000000"  # 2026-09-21; fixed so dates in the built site and PDFs are stable


def build_project(project: Path, site_dir: Path | None = None, strict: bool = True) -> int:
    """Build a project through the real CLI (site and PDFs), as `build_manual.py build` does."""
    from deskbook.cli import main

    args = ["build", "-f", str(project / "mkdocs.yml")]
    if site_dir is not None:
        args += ["-d", str(site_dir)]
    if strict:
        args.append("--strict")
    return main(args)


@pytest.fixture(scope="session")
def built_example(tmp_path_factory) -> Path:
    """The example project built once per test session (site and PDFs); returns the project folder."""
    project = copy_example_project(tmp_path_factory.mktemp("example") / "project")
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    try:
        status = build_project(project)
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    assert status == 0, "the example project must build cleanly with --strict"
    return project
