from __future__ import annotations

from pathlib import Path

import pytest

MINIMAL_CONTENT = Path(__file__).parents[1] / "fixtures" / "minimal" / "content"


@pytest.fixture(scope="session")
def minimal_content() -> Path:
    """The smallest valid content folder: every required file, one entity of each folder kind."""
    return MINIMAL_CONTENT
