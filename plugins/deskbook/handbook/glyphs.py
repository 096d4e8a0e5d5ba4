"""Every character printed must exist in the print font; a missing glyph prints as an empty box.

WeasyPrint does not report a glyph that no installed font has, so the handbook's text is checked
against the cmap of the fonts the print stylesheet names before rendering.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

PRINT_FONTS = ("DejaVu Sans", "DejaVu Sans:bold", "DejaVu Sans:italic", "DejaVu Sans Mono")
_FALLBACK_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


class MissingFont(RuntimeError):
    pass


def _font_file(pattern: str) -> Path | None:
    if shutil.which("fc-match"):
        result = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False
        )
        path = Path(result.stdout.strip())
        if result.returncode == 0 and path.is_file() and "dejavu" in path.name.lower():
            return path
    wanted = pattern.split(":")[0].replace(" ", "")
    for folder in _FALLBACK_DIRS:
        for candidate in sorted(folder.rglob(f"{wanted}*.ttf")) if folder.is_dir() else []:
            return candidate
    return None


@lru_cache(maxsize=1)
def print_font_coverage() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for pattern in PRINT_FONTS:
        path = _font_file(pattern)
        if path is None:
            raise MissingFont(
                f"the print font '{pattern.split(':')[0]}' is not installed; install the Debian package "
                "fonts-dejavu-core (make manual does this)"
            )
        with TTFont(str(path), lazy=True) as font:
            covered.update(font.getBestCmap())
    return frozenset(covered)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)


def missing_glyphs(html: str, coverage: frozenset[int] | None = None) -> list[tuple[str, str]]:
    """(character, the text around it) for every character no print font can draw."""
    coverage = print_font_coverage() if coverage is None else coverage
    collector = _TextCollector()
    collector.feed(html)
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for chunk in collector.chunks:
        for index, char in enumerate(chunk):
            if char.isspace() or ord(char) in coverage or char in seen:
                continue
            seen.add(char)
            start = max(0, index - 30)
            problems.append((char, chunk[start:index + 30].strip()))
    return problems
