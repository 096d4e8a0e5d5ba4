"""Fixture projects shared by the test levels: copy the example, build it through the real CLI.

A module of its own (not conftest.py) so test files can import it by a name no other conftest shadows.
"""

from __future__ import annotations

import re
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
    """Build a project through the real CLI (site and PDFs), as `build_manual.py build` does.

    The example's review dates are fixtures: a build that did not set SOURCE_DATE_EPOCH is judged on
    BUILD_EPOCH, when no review is overdue, so `--strict` (which fails on an overdue review) does not
    depend on the day the tests run."""
    import os

    from deskbook.cli import main

    pinned = "SOURCE_DATE_EPOCH" not in os.environ
    if pinned:
        os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH

    args = ["build", "-f", str(project / "mkdocs.yml")]
    if site_dir is not None:
        args += ["-d", str(site_dir)]
    if strict:
        args.append("--strict")
    try:
        return main(args)
    finally:
        if pinned:
            del os.environ["SOURCE_DATE_EPOCH"]


def without_channel_icons(markdown: str) -> str:
    """A page's text with each channel's icon (site/channel_icons.py) and the span holding it removed."""
    return re.sub(r'<span class="deskbook-channel">(.*?)<svg class="deskbook-channel-icon".*?</svg>(.*?)</span>',
                  r"\1\2", markdown)
