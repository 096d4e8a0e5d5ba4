"""Browser fixtures for the site tests: Debian's Chromium driven by Playwright, the example site served
on 127.0.0.1."""

from __future__ import annotations

import pytest

from browser import served


@pytest.fixture(scope="session")
def served_site(built_example):
    with served(built_example / "site") as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
