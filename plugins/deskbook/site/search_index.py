"""Search that finds what staff type: the search index Material writes, refined after the build.

Staff type "500" for "$500" and "1500" for "$1,500"; Material's index keeps "$500" and "1,500" as single
words, so neither is found. Each entry gets a ``numbers`` field holding every number of its text in plain
digits; the field is searched like the text but never shown, so results still read "$1,500".

Staff type "CSAT" for "Customer satisfaction score (CSAT)": words are split at brackets, quotes and
punctuation, not only at spaces. The page about a thing comes first: each entry carries its page's weight
(``page_weight``), words count as typed and stemmed before the longer words they begin, and a word that
begins nothing is read as a one-letter slip (``assets/search-worker.js``, added to Material's worker). A
result's preview opens with what the page says, not with the table of facts above it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# A number as written: digits, possibly grouped ("1,500", "1.500", "1 500" with a narrow no-break space)
# and possibly with decimals ("12.50", "12,50").
_NUMBER = re.compile(r"(?<!\w)\d{1,3}(?:([,.\u00a0\u202f'’])\d{3})(?:\1\d{3})*(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")

NUMBERS_FIELD = "numbers"

# Besides where the language's own separator splits (white space and hyphens), words end at brackets,
# quotes and punctuation, also Arabic (، ؛ ؟) and full-width CJK (「」『』（）！？・); a full stop only where
# no word follows it ("care@harbourline.example" and "2.1" stay whole). A JavaScript regular expression,
# as Lunr reads it.
PUNCTUATION_SEPARATOR = (r"[()\[\]{}<>\"\u201c\u201d\u201e\u00ab\u00bb,;:!?/|\u00b7\u2026"
                         r"\u060c\u061b\u061f\u300c-\u300f\uff08\uff09\uff01\uff1f\u30fb]+|\.(?!\w)")
# Words as typed are stemmed ("refunds" finds "refund"): the language's stemmer joins Material's stages.
STEMMER = "stemmer"

# The languages Lunr can stem and split, as Material ships them: lunr.<language>.min.js.
LUNR_LANGUAGES = "assets/javascripts/lunr/min"

SEARCH_WORKER_PATCH = Path(__file__).parent / "assets" / "search-worker.js"
MATERIAL_SEARCH_WORKER = "assets/javascripts/workers/search.*.min.js"

# How a page's kind weighs in search, against 1 for every other page: what a rep acts on (scripts,
# policies, procedures) first; standards, chains and products next; sample call logs, which mention
# everything in passing, below every page that says what to do (a title weighs 1000 times its text, so
# only a weight under 1/1000 keeps a log's title below a policy's text). Kinds not named weigh 1, so
# another company's kinds rank as plain pages.
KIND_WEIGHTS: Mapping[str, float] = {
    "script": 3.0, "policy": 3.0, "procedure": 3.0, "standard": 2.0, "chain": 2.0, "product": 1.5,
    "call-log": 0.001,
}
# The list of PDFs names every audience and edition, so it matches half of what staff type.
DOWNLOADS_WEIGHT = 0.001


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


def page_weight(entity_kind: str | None, downloads: bool = False) -> float:
    """The weight of a page's entries in search: by the kind of entity the page is about."""
    if downloads:
        return DOWNLOADS_WEIGHT
    return KIND_WEIGHTS.get(entity_kind or "", 1.0)


def weigh_entries(index: dict[str, Any], weights: Mapping[str, float]) -> None:
    """Each entry (a page or one of its sections) takes its page's weight, as Lunr's document boost."""
    for entry in index.get("docs", []):
        weight = weights.get(entry.get("location", "").partition("#")[0])
        if weight is not None and weight != 1.0:
            entry["boost"] = round(entry.get("boost", 1.0) * weight, 3)


_LEADING_FURNITURE = re.compile(r"^(?P<furniture>[^<]+?)\s*(?P<lead><p>.*?</p>)", re.DOTALL)


def summary_first(text: str) -> str:
    """A page's text with its first paragraph before the table of facts above it (owner, version, date):
    Material previews a result with the text's opening words, and those should say what the page is."""
    match = _LEADING_FURNITURE.match(text)
    if match is None:
        return text
    rest = text[match.end():].strip()
    return " ".join(part for part in (match["lead"], match["furniture"].strip(), rest) if part)


def find_as_typed(index: dict[str, Any], separator: bool = True, pipeline: bool = True,
                  language: str | None = None) -> None:
    """Words split where staff would split them, and stemmed; each left alone where ``mkdocs.yml`` sets it.
    ``language`` is the manual's, where Lunr has a stemmer for it: Material's Arabic and Hebrew
    translations search with English settings, so الانتظار was never stemmed and انتظار found nothing."""
    config = index.setdefault("config", {})
    if language is not None:
        config["lang"] = [language]
    if separator and PUNCTUATION_SEPARATOR not in config.get("separator", ""):
        config["separator"] = "|".join(part for part in (config.get("separator"), PUNCTUATION_SEPARATOR) if part)
    # Material's translations write " " for "no stages"; that is no stage's name.
    stages = config["pipeline"] = [stage for stage in config.get("pipeline", []) if stage.strip()]
    if pipeline and STEMMER not in stages:
        stages.insert(0, STEMMER)


def extend_search_worker(site_dir: Path) -> Path | None:
    """Deskbook's ranking appended to Material's search worker, in the site it was built into."""
    workers = sorted(site_dir.glob(MATERIAL_SEARCH_WORKER))
    if not workers:
        return None
    worker = workers[0]
    script = worker.read_text(encoding="utf-8")
    patch = SEARCH_WORKER_PATCH.read_text(encoding="utf-8")
    if patch not in script:
        worker.write_text(script.rstrip("\n") + "\n" + patch, encoding="utf-8")
    return worker


def refine_search_index_file(
    site_dir: Path,
    weights: Mapping[str, float] | None = None,
    separator: bool = True,
    pipeline: bool = True,
    language: str | None = None,
) -> Path | None:
    """The index refined in place; ``language`` (the manual's, unless mkdocs.yml names the search's) is
    searched with Lunr's support for it where Material ships that."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return None
    index = refine_search_index(json.loads(path.read_text(encoding="utf-8")))
    if language is not None and not (site_dir / LUNR_LANGUAGES / f"lunr.{language}.min.js").is_file():
        language = None
    find_as_typed(index, separator, pipeline, language)
    weigh_entries(index, weights or {})
    for entry in index.get("docs", []):
        if "#" not in entry.get("location", "#"):
            entry["text"] = summary_first(entry["text"])
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
