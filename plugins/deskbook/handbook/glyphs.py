"""Every character printed must exist in the print fonts: Typst drops (or boxes) a glyph no font has,
without a word. The print data's strings are checked against the characters the fonts shipped in
``fonts/`` and those :mod:`.print_fonts` chose for the other scripts (the only fonts Typst may use) can
draw, before anything is compiled.

That set is kept in ``fonts/coverage.txt`` (code point ranges), so a build does not parse fonts. After
changing a font, regenerate it with ``python -m deskbook.handbook.glyphs`` (needs fontTools); a test
checks that the file matches the fonts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

FONTS = Path(__file__).parent / "fonts"
COVERAGE = FONTS / "coverage.txt"
# Format characters (zero-width joiners, direction marks) are not drawn, so they need no glyph.
_NOT_DRAWN = {"Cc", "Cf", "Zl", "Zp"}


def coverage_from_fonts() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for path in sorted(FONTS.glob("*.[ot]tf")):
        with TTFont(str(path), lazy=True) as font:
            covered.update(font.getBestCmap())
    return frozenset(covered)


def coverage_ranges(covered: frozenset[int]) -> str:
    ranges: list[str] = []
    start = previous = None
    for code in sorted(covered):
        if previous is not None and code == previous + 1:
            previous = code
            continue
        if start is not None:
            ranges.append(f"{start:04X}-{previous:04X}")
        start = previous = code
    if start is not None:
        ranges.append(f"{start:04X}-{previous:04X}")
    return "\n".join(ranges) + "\n"


@lru_cache(maxsize=1)
def print_font_coverage() -> frozenset[int]:
    covered: set[int] = set()
    for line in COVERAGE.read_text(encoding="ascii").split():
        first, last = (int(part, 16) for part in line.split("-"))
        covered.update(range(first, last + 1))
    return frozenset(covered)


def drawn_characters(texts: Iterable[str]) -> set[str]:
    """The characters of the texts that need a glyph (not spaces, not direction marks)."""
    used: set[str] = set()
    for text in texts:
        used.update(text)
    return {char for char in used if not char.isspace() and unicodedata.category(char) not in _NOT_DRAWN}


def missing_glyphs(texts: Iterable[str], missing_chars: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(character, the text around it) for every character no print font can draw, each named once;
    ``missing_chars`` are those no chosen font has (by default: those the shipped fonts lack)."""
    texts = list(texts)
    if missing_chars is None:
        coverage = print_font_coverage()
        missing_chars = {char for char in drawn_characters(texts) if ord(char) not in coverage}
    missing = set(missing_chars)
    problems: list[tuple[str, str]] = []
    for text in texts:
        for index, char in enumerate(text):
            if char in missing:
                missing.discard(char)
                start = max(0, index - 30)
                problems.append((char, " ".join(text[start:index + 30].split())))
        if not missing:
            break
    return problems


if __name__ == "__main__":
    COVERAGE.write_text(coverage_ranges(coverage_from_fonts()), encoding="ascii")
    print(f"wrote {COVERAGE}")
