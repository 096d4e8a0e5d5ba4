"""Checks for text and files that are valid but deceive: invisible or reordering characters, ids that
take a generated page's place, a logo that reaches outside the content folder.

Each adds located diagnostics, as the rules of ``check`` do, so ``check`` reports them before a build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from typing import TYPE_CHECKING

from .limits import text_fields
from .urls import entity_target
from .visible import INVISIBLE

if TYPE_CHECKING:
    from .diagnostics import Diagnostics
    from .manual import Manual

def check_invisible_characters(manual: Manual, diagnostics: Diagnostics) -> None:
    for document in manual.documents:
        for path, text in text_fields(document.model):
            found = sorted({f"U+{ord(character):04X}" for character in INVISIBLE.findall(text)})
            if found:
                diagnostics.warning(
                    document.location(path),
                    f"invisible or text-reordering characters ({', '.join(found)}): the text may not read "
                    "as it shows; delete them",
                )


RESERVED_PAGE_IDS = frozenset({"index"})


def check_page_ids(manual: Manual, diagnostics: Diagnostics) -> None:
    """An entity whose page would take the place of a generated page (``policies/index.md``)."""
    for kind, records in manual.records.items():
        for entity_id in RESERVED_PAGE_IDS & set(records):
            if entity_target(kind, entity_id).anchor is None:
                diagnostics.error(
                    records[entity_id].location("id"),
                    f"the id '{entity_id}' is taken by the site's list of this kind; choose another id",
                )


_OWN_REFERENCE = re.compile(r"^\s*(?:#|data:image/(?:png|jpeg|gif|webp);base64,)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)


def svg_outside_references(svg: bytes) -> list[str]:
    """Every address in an SVG that points outside the file itself (a web address, a local path)."""
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError as exc:
        return [f"not readable as SVG ({exc})"]
    found = []
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.rpartition("}")[2] in ("href", "src") and not _OWN_REFERENCE.match(value):
                found.append(value)
            for url in _CSS_URL.findall(value):
                if not _OWN_REFERENCE.match(url):
                    found.append(url)
        if element.tag.rpartition("}")[2] == "style" and element.text:
            found += [url for url in _CSS_URL.findall(element.text) if not _OWN_REFERENCE.match(url)]
    return found


def check_logo_references(manual: Manual, diagnostics: Diagnostics) -> None:
    """The PDFs print only the logo's own content: an address inside an SVG logo would vanish silently."""
    logo = manual.settings.logo
    if logo is None or not logo.lower().endswith(".svg"):
        return
    path = (manual.content_dir / logo).resolve()
    if manual.content_dir.resolve() not in path.parents or not path.is_file():
        return  # check_assets reports these
    outside = svg_outside_references(path.read_bytes())
    if outside:
        document = next(doc for doc in manual.documents if doc.content_file.name == "manual")
        shown = ", ".join(repr(address[:80]) for address in outside[:3])
        diagnostics.error(
            document.location(("logo",)),
            f"logo '{logo}' refers to {shown}, which the PDFs will not load; draw it in the SVG itself "
            "or embed the picture as a data:image URL",
        )


def check_safety(manual: Manual, diagnostics: Diagnostics) -> None:
    check_invisible_characters(manual, diagnostics)
    check_page_ids(manual, diagnostics)
    check_logo_references(manual, diagnostics)
