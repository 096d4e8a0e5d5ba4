"""Search that finds what staff type: the search index Material writes, refined after the build.

Staff type "500" for "$500" and "1500" for "$1,500"; Material's index keeps "$500" and "1,500" as single
words, so neither is found. Each entry gets a ``numbers`` field holding every number of its text in plain
digits; the field is searched like the text but never shown, so results still read "$1,500".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

# A number as written: digits, possibly grouped ("1,500", "1.500", "1 500" with a narrow no-break space)
# and possibly with decimals ("12.50", "12,50").
_NUMBER = re.compile(r"(?<!\w)\d{1,3}(?:([,.\u00a0\u202f'’])\d{3})(?:\1\d{3})*(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")

NUMBERS_FIELD = "numbers"


def plain_numbers(text: str) -> list[str]:
    """Every number in ``text`` as plain digits, once each, in order: "$1,500 or 30 days" -> ["1500", "30"]."""
    found: dict[str, None] = {}
    for match in _NUMBER.finditer(_TAG.sub(" ", text)):
        written = match.group(0)
        separator = match.group(1)
        if separator:  # grouped: "1,500.25" -> "1500.25", "1.234,50" -> "1234.50"
            written = written.replace(separator, "").replace(",", ".")
        found[written] = None
        found[written.partition(".")[0]] = None
    return list(found)


def refine_search_index(index: dict[str, Any]) -> dict[str, Any]:
    """Adds the ``numbers`` field to the index and its entries, and folds runs of whitespace (the
    templates' line breaks) in each entry's text."""
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields.setdefault(NUMBERS_FIELD, {"boost": 1.0})
    for entry in index.get("docs", []):
        entry["text"] = _SPACES.sub(" ", entry.get("text", "")).strip()
        numbers = plain_numbers(entry.get("title", "") + " " + entry["text"])
        if numbers:
            entry[NUMBERS_FIELD] = " ".join(numbers)
    return index


def refine_search_index_file(site_dir: Path) -> Path | None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return None
    index = refine_search_index(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
