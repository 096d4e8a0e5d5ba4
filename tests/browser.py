"""Debian's Chromium driven by Playwright, and a folder served on 127.0.0.1: shared by the site's browser
tests and the security tests, so both launch the same browser the same way."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# The background-networking flags keep Chromium from calling out of a machine that has no network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextlib.contextmanager
def chromium() -> Iterator:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is required for the browser tests: apt-get install chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """``folder`` served on a free port of 127.0.0.1 (by ``handler_class``); yields its base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def one_page_of_each_layout(site: Path) -> list[str]:
    """The built pages a slow browser check visits when every page would take minutes: each top-level
    page (most have a layout of their own), and in each section its index and its first entity page, which
    share a template with the section's other pages. Paths relative to ``site``, sorted."""
    chosen: set[str] = set()
    for folder in sorted({path.parent for path in site.rglob("*.html")}):
        pages = sorted(folder.glob("*.html"))
        if folder == site:
            chosen.update(page.name for page in pages if page.name != "404.html")
            continue
        entity_pages = [page for page in pages if page.name != "index.html"]
        for page in [folder / "index.html", *entity_pages[:1]]:
            if page.is_file():
                chosen.add(page.relative_to(site).as_posix())
    return sorted(chosen)
