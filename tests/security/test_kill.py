"""Issue 13, case 6: a build stopped at any moment leaves a complete site (the old one or the new one),
no process behind it, and no staging folder after the next run.

Real builds of the example (site and Typst PDFs) in their own process sessions, killed with SIGKILL or
stopped with SIGTERM at several moments spread over a build's length.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from projects import BUILD_EPOCH, REPO_ROOT, copy_example_project

PDFS = {"handbook.pdf", "handbook-rep.pdf", "handbook-supervisor.pdf", "desk-card.pdf", "log-form.pdf",
        "acknowledgement-rep.pdf", "acknowledgement-supervisor.pdf", "acknowledgement-manager.pdf"}
OLD_SITE_MARK = "old-site-mark.txt"


def _environment() -> dict[str, str]:
    environment = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_EPOCH, NO_MKDOCS_2_WARNING="1")
    environment["PYTHONPATH"] = str(REPO_ROOT / "plugins")
    return environment


def _start(project: Path, *command: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, *command], cwd=project, env=_environment(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _build(project: Path) -> subprocess.Popen:
    return _start(project, str(REPO_ROOT / "build_manual.py"), "build")


def _session_is_gone(process: subprocess.Popen, within: float = 2.0) -> bool:
    """No process of the build's group is alive, at the latest ``within`` seconds after the build's own
    process ended (a signal sent to the group takes a moment to end every member)."""
    deadline = time.monotonic() + within
    while not _group_is_dead(process.pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _group_is_dead(group_id: int) -> bool:
    """A dead member may linger as a zombie: the build's Typst process, orphaned by the kill, waits to be
    reaped by PID 1, which in some containers never reaps."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # pid (comm) state ppid pgrp ...: comm may hold spaces, so split after its closing parenthesis.
            state, _, group = stat.read_text().rpartition(")")[2].split()[:3]
        except (OSError, ValueError):
            continue  # ended while we looked
        if int(group) == group_id and state != "Z":
            return False
    return True


def _site_state(site: Path) -> str:
    """'old', 'new', or what is wrong: the site must always be one complete build."""
    if not site.is_dir():
        return "missing"
    if (site / OLD_SITE_MARK).is_file():
        return "old"
    pdfs = {path.name for path in (site / "pdf").glob("*.pdf")}
    if (site / "index.html").is_file() and (site / "search" / "search_index.json").is_file() and pdfs == PDFS:
        return "new"
    return f"incomplete: {sorted(path.name for path in site.iterdir())}, pdfs {sorted(pdfs)}"


@pytest.fixture(scope="module")
def project_with_site(tmp_path_factory) -> tuple[Path, float]:
    project = copy_example_project(tmp_path_factory.mktemp("kill") / "project")
    started = time.monotonic()
    assert _build(project).wait(timeout=600) == 0
    return project, time.monotonic() - started


@pytest.mark.parametrize("moment", [0.15, 0.5, 0.9])
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_stopped_build_leaves_a_complete_site_and_no_process(project_with_site, moment, signum):
    project, duration = project_with_site
    site = project / "site"
    (site / OLD_SITE_MARK).write_text("the site before this build")
    process = _build(project)
    time.sleep(duration * moment)
    os.killpg(process.pid, signum)
    process.wait(timeout=120)
    time.sleep(0.2)
    assert _session_is_gone(process), "a process of the stopped build is still running"
    state = _site_state(site)
    assert state in ("old", "new"), state
    if signum == signal.SIGTERM:
        # (a SIGKILLed build's staging folder may still be there: the next build that gets going removes it)
        staging = project / f".site.building-{process.pid}"
        assert not staging.exists(), "SIGTERM must remove the build's staging folder at once"
    # Nothing changes afterwards: no leftover worker writes into the live site.
    snapshot = sorted((path, path.stat().st_mtime_ns) for path in site.rglob("*"))
    time.sleep(1.0)
    assert sorted((path, path.stat().st_mtime_ns) for path in site.rglob("*")) == snapshot


def test_the_next_build_removes_what_a_killed_build_left(project_with_site):
    project, duration = project_with_site
    process = _build(project)
    time.sleep(duration * 0.5)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    # Whether or not the kill came after the build made its staging folder, one of a build long dead
    # is there too: a SIGKILL cannot clean up, so the next run must.
    dead = project / ".site.building-999999999"
    (dead / "pdf").mkdir(parents=True, exist_ok=True)
    (dead / "pdf" / "handbook.pdf").write_bytes(b"%PDF half written")
    assert _build(project).wait(timeout=600) == 0
    assert not list(project.glob(".site.building-*")) and not list(project.glob(".site.previous-*"))
    assert _site_state(project / "site") == "new"
    status = subprocess.run(["git", "check-ignore", "-q", ".site.building-123/"], cwd=REPO_ROOT)
    assert status.returncode == 0, "staging folders must be ignored by git"


def test_a_killed_plain_mkdocs_build_writes_nothing_later(project_with_site):
    project, duration = project_with_site
    process = _start(project, "-m", "mkdocs", "build", "-q", "-d", "plain-site")
    time.sleep(duration * 0.6)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert _session_is_gone(process)
    plain = project / "plain-site"
    before = sorted((path, path.stat().st_mtime_ns) for path in plain.rglob("*")) if plain.exists() else []
    time.sleep(3)
    after = sorted((path, path.stat().st_mtime_ns) for path in plain.rglob("*")) if plain.exists() else []
    assert after == before, "something kept writing PDFs after the build was killed"
