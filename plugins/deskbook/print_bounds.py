"""How much print work one PDF may be, judged before Typst runs, and how long and how much memory Typst
may take for it.

Typst's time and memory grow with the rows of a table and the text of the book: a 55,000-row table took
268 s and 6.1 GiB, so a pull request could hold CI for hours. The counts here are cheap (one walk over
the print data) and the defaults leave the example company's handbook (273 rows, 836 cells, 83,000
characters) a wide margin; ``deskbook/pdf`` options in mkdocs.yml raise them for a bigger book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PrintBounds:
    max_rows: int = 5_000
    """Table rows in one PDF."""
    max_cells: int = 30_000
    """Table cells in one PDF."""
    max_characters: int = 2_000_000
    """Printed characters in one PDF (about 700 pages)."""
    timeout: int = 300
    """Seconds Typst may take for one PDF before it is ended."""
    memory_limit: int = 4096
    """MiB of memory Typst may take for one PDF."""


# Option name -> what it counts, for messages.
COUNTED = {"max_rows": "table rows", "max_cells": "table cells", "max_characters": "characters"}
OPTIONS = (*COUNTED, "timeout", "memory_limit")


def over_bounds(work: dict[str, int], bounds: PrintBounds) -> list[str]:
    """Each bound ``work`` (counts by option, from ``handbook.pdf.print_work``) passes, in words:
    ``55,002 table rows, more than max_rows (5,000)``."""
    return [f"{work[name]:,} {what}, more than {name} ({getattr(bounds, name):,})"
            for name, what in COUNTED.items() if work[name] > getattr(bounds, name)]


_DELIMITER_ROW = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def markdown_tables(markdown: str) -> list[tuple[int, int]]:
    """(line of the header, rows) of every pipe table in a Markdown page, without parsing the page."""
    lines = markdown.split("\n")
    tables = []
    index = 1
    while index < len(lines):
        if "|" in lines[index - 1] and "-" in lines[index] and _DELIMITER_ROW.match(lines[index]):
            end = index + 1
            while end < len(lines) and lines[end].strip() and "|" in lines[end]:
                end += 1
            tables.append((index, end - index))  # the header and the body rows
            index = end
        index += 1
    return tables
