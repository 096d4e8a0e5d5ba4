"""Every character printed must exist in the print fonts: Typst drops (or boxes) a glyph no font has,
without a word. The print data's strings are checked against the cmaps of the fonts shipped in
``fonts/`` (the only fonts Typst may use) before anything is compiled."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable

FONTS = Path(__file__).parent / "fonts"
# Format characters (zero-width joiners, direction marks) are not drawn, so they need no glyph.
_NOT_DRAWN = {"Cc", "Cf", "Zl", "Zp"}


@lru_cache(maxsize=1)
def print_font_coverage() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for path in sorted(FONTS.glob("*.[ot]tf")):
        with TTFont(str(path), lazy=True) as font:
            covered.update(font.getBestCmap())
    return frozenset(covered)


def missing_glyphs(texts: Iterable[str], coverage: frozenset[int] | None = None) -> list[tuple[str, str]]:
    """(character, the text around it) for every character no print font can draw, each named once."""
    coverage = print_font_coverage() if coverage is None else coverage
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for text in texts:
        for index, char in enumerate(text):
            if char in seen or char.isspace() or ord(char) in coverage:
                continue
            if unicodedata.category(char) in _NOT_DRAWN:
                continue
            seen.add(char)
            start = max(0, index - 30)
            problems.append((char, " ".join(text[start:index + 30].split())))
    return problems
