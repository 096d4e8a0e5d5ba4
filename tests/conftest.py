"""Fixtures shared by every test level: the repository, the example content, fixture projects."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from filelock import FileLock

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "plugins"))
sys.path.insert(0, str(REPO_ROOT))  # for bench.synthetic, which fixtures share with the benchmarks

# Material's end-of-life banner would otherwise sit in every captured build log.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/projects.py, shared by test files
from projects import BUILD_EPOCH, build_project, copy_example_project  # noqa: E402


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser test of a process: Playwright refuses a second sync instance while
    one runs, and a pytest-xdist worker runs site and security files one after the other."""
    from browser import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def example_content() -> Path:
    return REPO_ROOT / "content"


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    return copy_example_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_example(tmp_path_factory, worker_id) -> Path:
    """The example project built once per test run (site and PDFs); returns the project folder.

    Under pytest-xdist every worker has its own session, so the first worker to come builds into the
    run's shared temporary folder and the others wait on the lock and read what it built: the build is
    a minute of CPU that two workers on two cores would otherwise each spend.
    """
    if worker_id == "master":  # not distributed
        return _build_example(tmp_path_factory.mktemp("example") / "project")
    shared = tmp_path_factory.getbasetemp().parent / "example-built-once"
    with FileLock(str(shared) + ".lock"):
        done = shared / "built"
        if not done.exists():
            shutil.rmtree(shared, ignore_errors=True)  # a worker that died half-way
            _build_example(shared / "project")
            done.write_text("ok\n", encoding="utf-8")
    return shared / "project"


def _build_example(folder: Path) -> Path:
    project = copy_example_project(folder)
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
