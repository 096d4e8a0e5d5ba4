"""Fixtures the security browser tests share."""

import pytest
from browser import chromium


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched
