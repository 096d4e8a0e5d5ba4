"""Deskbook's own markup is valid HTML: no page of the example has an id twice, and the Nu HTML checker
finds no error outside the theme's own markup."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.pdf  # the example is built with its PDFs

NU = Path(__file__).parent / "nu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's page shell, the same on a plain Material site: its drawer and search toggles are checkboxes
# with autocomplete, its section labels carry an empty tabindex, its table-of-contents label points at a
# hidden toggle. Deskbook writes none of these classes.
THEME_MARKUP = ('class="md-toggle"', 'class="md-nav__link', 'class="md-nav__title"', 'class="md-search__input"')


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids[value] += 1


def _pages(built_example: Path) -> list[Path]:
    return sorted((built_example / "site").rglob("*.html"))


def test_no_page_has_an_id_twice(built_example):
    pages = _pages(built_example)
    assert len(pages) > 60
    repeated = {}
    for page in pages:
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        twice = sorted(name for name, count in parser.ids.items() if count > 1)
        if twice:
            repeated[page.relative_to(built_example / "site").as_posix()] = twice
    assert repeated == {}


def test_nu_checker_finds_no_error_in_deskbooks_markup(built_example):
    if not NU.is_file():
        pytest.fail(f"the Nu HTML checker is missing: npm ci --prefix {NU.parents[3]} (make test does)")
    result = subprocess.run(["java", "-jar", str(NU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(built_example / "site")], capture_output=True, text=True, timeout=600,
                            check=False)  # vnu exits 1 on any error, the theme's included
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ours = [f"{m['url'].rpartition('/site/')[2]}:{m.get('lastLine')}: {m['message']} ({m.get('extract', '')})"
            for m in messages
            if m["type"] == "error" and not any(mark in m.get("extract", "") for mark in THEME_MARKUP)]
    theme = len(messages) - len(ours)
    assert ours == [], f"{len(ours)} errors in Deskbook's markup ({theme} in the theme's)"
