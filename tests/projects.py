"""Fixture projects shared by the test levels: copy the example, build it through the real CLI.

A module of its own (not conftest.py) so test files can import it by a name no other conftest shadows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


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
