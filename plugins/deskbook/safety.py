"""Checks for text and files that are valid but deceive: invisible or reordering characters, ids that
take a generated page's place, a logo that reaches outside the content folder or holds script.

Each adds located diagnostics, as the rules of ``check`` do, so ``check`` reports them before a build.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import TYPE_CHECKING

from .urls import entity_target
from .visible import INVISIBLE

if TYPE_CHECKING:
    from .diagnostics import Diagnostics
    from .manual import Manual

def check_invisible_characters(manual: Manual, diagnostics: Diagnostics) -> None:
    for document in manual.documents:
        for path, text in document.texts:
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


_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
# Elements that run script, embed another document or change attributes (an <animate> or <set> can
# give a link a javascript: address after load): none has a place in a logo.
_ACTIVE_ELEMENTS = frozenset({"script", "foreignObject", "iframe", "embed", "object", "handler", "listener",
                              "set", "animate", "animateMotion", "animateTransform", "discard"})


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def sanitised_svg(svg: bytes) -> tuple[bytes, list[str]]:
    """The SVG rebuilt from its drawing only: no script, event handler, foreign object, animation or
    address outside the file; also what was taken out (empty for a clean logo). The site serves the
    logo from its own origin, so a script in it would read what the manual stores (quiz answers)."""
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError as exc:
        return b"", [f"not readable as SVG ({exc})"]
    removed: list[str] = []

    def clean(element: ElementTree.Element) -> None:
        for child in list(element):
            if not isinstance(child.tag, str) or _local(child.tag) in _ACTIVE_ELEMENTS:
                removed.append(f"<{_local(child.tag) if isinstance(child.tag, str) else 'processing instruction'}>")
                element.remove(child)
            else:
                clean(child)
        for name, value in list(element.attrib.items()):
            local = _local(name)
            outside = local in ("href", "src") and not _OWN_REFERENCE.match(value)
            if local.lower().startswith("on") or outside or any(
                    not _OWN_REFERENCE.match(url) for url in _CSS_URL.findall(value)):
                removed.append(f"{local}=\"{value[:40]}\"")
                del element.attrib[name]
        if _local(element.tag) == "style" and element.text and _CSS_URL.search(element.text):
            removed.append("<style> with url(...)")
            element.text = ""

    clean(root)
    if _local(root.tag) != "svg":
        return b"", [f"the file's outer element is <{_local(root.tag)}>, not <svg>"]
    ElementTree.register_namespace("", _SVG)
    ElementTree.register_namespace("xlink", _XLINK)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True), removed


def check_logo_references(manual: Manual, diagnostics: Diagnostics) -> None:
    """The PDFs print only the logo's own content: an address inside an SVG logo would vanish silently."""
    logo = manual.settings.logo
    if logo is None or not logo.lower().endswith(".svg"):
        return
    path = (manual.content_dir / logo).resolve()
    if manual.content_dir.resolve() not in path.parents or not path.is_file():
        return  # check_assets reports these
    document = next(doc for doc in manual.documents if doc.content_file.name == "manual")
    svg = path.read_bytes()
    _, removed = sanitised_svg(svg)
    active = [part for part in removed if not part.startswith(("href=", "src=", "<style>")) and "url(" not in part]
    if active:
        diagnostics.warning(
            document.location(("logo",)),
            f"logo '{logo}' holds {', '.join(sorted(set(active))[:4])}, which could run as script; the site "
            "serves the logo without them; delete them from the SVG",
        )
    outside = svg_outside_references(svg)
    if outside:
        shown = ", ".join(repr(address[:80]) for address in outside[:3])
        diagnostics.error(
            document.location(("logo",)),
            f"logo '{logo}' refers to {shown}, which the PDFs will not load; draw it in the SVG itself "
            "or embed the picture as a data:image URL",
        )


SITE_MARKER = ".deskbook-site"
_MARKER_TEXT = "This folder is a site built by Deskbook; the next build replaces all of it.\n"


def mark_as_site(folder: Path) -> None:
    """Written into every site before it is swapped in, so the next build knows the folder is its own."""
    (folder / SITE_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")


def foreign_folder_problem(final_dir: Path) -> str | None:
    """Why ``final_dir`` may not be replaced by a site: it holds files and no Deskbook marker (or it is
    not a folder at all); None for a new folder, an empty one or a site Deskbook built."""
    if final_dir.is_symlink() and not final_dir.exists():
        return "is a symbolic link to nothing; remove the link or choose another folder"
    if not final_dir.exists():
        return None
    if not final_dir.is_dir():
        return "is a file, not a folder; choose a folder of its own, like site/"
    if final_dir.is_symlink():
        return "is a symbolic link; name the folder itself, or choose a folder of its own, like site/"
    try:
        entries = [entry.name for entry in os.scandir(final_dir)]
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not entries or SITE_MARKER in entries:
        return None
    shown = ", ".join(sorted(entries)[:3]) + (", ..." if len(entries) > 3 else "")
    return (f"holds files ({shown}) but no site Deskbook built (no {SITE_MARKER} file in it), and a build "
            "replaces the whole folder; choose an empty or new folder, like site/, or empty this one yourself")


def links_out_of(folders: list[Path], root: Path) -> list[tuple[str, str]]:
    """Every symbolic link under ``folders`` (the docs and content folders) whose target is not inside one
    of them, as (the link, its target) for messages: MkDocs follows links, so ``docs/cfg.md`` linked to
    ``../.git/config`` would publish the checkout's token header. Links to nowhere count too."""
    from .diagnostics import display_path

    inside = [folder.resolve() for folder in folders]
    found = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for directory, subfolders, names in os.walk(folder, followlinks=False):
            for name in sorted(subfolders + names):
                path = Path(directory) / name
                if not path.is_symlink():
                    continue
                target = path.resolve()
                if not target.exists() or not any(target == base or base in target.parents for base in inside):
                    found.append((display_path(path, root), display_path(target, root)))
    return found


def check_links_out_of_project(folders: list[Path], root: Path, diagnostics: Diagnostics) -> None:
    from .diagnostics import Location

    for link, target in links_out_of(folders, root):
        diagnostics.error(Location(link), f"a symbolic link to {target}, which is not inside the docs or content "
                                          "folder; Deskbook publishes nothing from outside them: copy the file "
                                          "in instead of linking it, or remove the link")


def check_safety(manual: Manual, diagnostics: Diagnostics) -> None:
    check_invisible_characters(manual, diagnostics)
    check_page_ids(manual, diagnostics)
    check_logo_references(manual, diagnostics)
