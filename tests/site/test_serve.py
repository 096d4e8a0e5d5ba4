"""``serve`` as a manager uses it: the address printed, a content error shown in the browser as the
located errors, and the manual back with the next good save; the Downloads page says how to get PDFs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from projects import REPO_ROOT, copy_example_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = _get(url)
        if text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}; last seen:\n{page[:2000]}")


@pytest.fixture
def serving(tmp_path):
    project = copy_example_project(tmp_path / "project")
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO_ROOT / "plugins"))
    env.pop("DESKBOOK_PDF", None)
    process = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "build_manual.py"), "serve", "-f", str(project / "mkdocs.yml"),
         "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_serve_prints_its_address_and_shows_content_errors_until_fixed(serving):
    project, base, process = serving
    first_line = process.stdout.readline()
    assert f"Serving the manual on {base}" in first_line
    refunds = base + "policies/refunds.html"
    _wait_for(refunds, "Refunds")

    policy = project / "content" / "policies" / "refunds.yaml"
    good = policy.read_text()
    policy.write_text(good.replace("owner:", "ownr:", 1))
    page = _wait_for(refunds, "Content errors")
    assert "content/policies/refunds.yaml:" in page and "ownr" in page
    assert "Content errors" in _get(base + "index.html")

    policy.write_text(good)
    page = _wait_for(refunds, "Review by")
    assert "Content errors" not in page


def test_downloads_page_says_how_to_get_pdfs_while_previewing(serving):
    project, base, process = serving
    page = _wait_for(base + "downloads.html", "Downloads")
    assert "serve --pdf" in page and "build_manual.py build" in page
