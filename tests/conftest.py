"""Fixtures shared by every test level: the repository, the example content, fixture projects."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "plugins"))

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
