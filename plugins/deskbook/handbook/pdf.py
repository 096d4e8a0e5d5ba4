"""Compile one print document with Typst: a prepared root folder, chosen fonts only, atomic write.

Typst reads only inside ``root``, a temporary folder this module fills with Deskbook's templates, the
print data as ``data.json`` and copies of the content files the data names (the logo, images), and the
font files :mod:`.print_fonts` chose for the text. The templates cannot reach the project, the network
(no packages) or any other font of the machine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..print_bounds import PrintBounds, over_bounds
from .bidi import isolate_embedded_ltr
from .glyphs import missing_glyphs
from .print_fonts import PrintFonts, choose_fonts, font_advice
from .tree import strings, walk

TEMPLATES = Path(__file__).parent / "typst"
TYPST_PROCESS = Path(__file__).with_name("typst_process.py")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
# PDF/UA-1 for assistive technology, PDF/A-2a for archiving; Typst checks both while compiling.
PDF_STANDARDS = ["ua-1", "a-2a"]


class PrintError(Exception):
    """A PDF could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class RenderedPdf:
    path: Path
    pages: int


@dataclass(frozen=True)
class PreparedPdf:
    """A document ready to compile: its own root folder holds everything Typst may read."""

    template: str
    root: Path
    target: Path
    bounds: PrintBounds = PrintBounds()
    fonts: PrintFonts = PrintFonts()  # noqa: RUF009 (frozen, so one shared default is safe)

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def prepare(template: str, data: dict[str, Any], content_dir: Path, target: Path,
            bounds: PrintBounds = PrintBounds()) -> PreparedPdf:
    """Check the data's size and glyphs, copy the assets it names, and write the root folder for one PDF."""
    too_much = over_bounds(print_work(data), bounds)
    if too_much:
        raise PrintError(f"{target.name} would print {' and '.join(too_much)} (options of deskbook/pdf in "
                         "mkdocs.yml); Typst was not started. Print less in this PDF (an edition for an audience, "
                         "fewer call logs, a shorter table), or raise the option if the PDF must hold it")
    texts = list(strings(data))
    fonts = choose_fonts(texts, str(data.get("lang", "en")), content_dir.parent)
    problems = missing_glyphs(texts, fonts.missing)
    if problems:
        listed = "; ".join(f"U+{ord(char):04X} '{char}' in \"{context}\"" for char, context in problems[:10])
        raise PrintError(f"{target.name}: no print font has a glyph for {listed} (it would not print); "
                         f"{font_advice(char for char, _ in problems)}")
    data = {**data, "fonts": list(fonts.families)}
    if data.get("dir") == "rtl":
        isolate_embedded_ltr(data)
    root = Path(tempfile.mkdtemp(prefix=f"deskbook-{target.stem}-"))
    try:
        for source in TEMPLATES.glob("*.typ"):
            shutil.copyfile(source, root / source.name)
        _copy_assets(data, content_dir, root, target.name)
        (root / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return PreparedPdf(template, root, target, bounds, fonts)


def print_work(data: Any) -> dict[str, int]:
    """What a PDF's print data asks Typst to lay out, by the option that bounds it."""
    rows = cells = 0
    for node in walk(data):
        if node.get("t") == "table":
            table = node["head"] + node["rows"]
            rows += len(table)
            cells += sum(len(row) for row in table)
    return {"max_rows": rows, "max_cells": cells, "max_characters": sum(len(text) for text in strings(data))}


def _copy_assets(data: dict[str, Any], content_dir: Path, root: Path, pdf_name: str) -> None:
    """Images named in the data (the logo) are files of the content folder, named relative to it
    (``assets/logo.svg``); each is copied under the root, and the data then names the copy. URLs,
    absolute paths and paths that leave the content folder are refused."""
    from .tree import walk

    holders = [node for node in walk(data) if node.get("t") == "img"]
    book = data.get("book") or {}
    if book.get("logo"):
        holders.append({"t": "logo", "src": book["logo"], "_book": book})
    content = content_dir.resolve()
    for holder in holders:
        source = holder["src"]
        relative = PurePosixPath(source)
        path = (content / Path(*relative.parts)).resolve() if relative.parts else content
        if "://" in source or relative.is_absolute() or source.startswith("\\") or content not in path.parents:
            raise PrintError(f"{pdf_name}: refused to read {source}: only files inside the content folder "
                             "may be printed")
        if not path.is_file():
            raise PrintError(f"{pdf_name}: {source} does not exist (looked in {content_dir})")
        copy = root / "assets" / path.relative_to(content)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        posix = copy.relative_to(root).as_posix()
        if "_book" in holder:
            holder["_book"]["logo"] = posix
        else:
            holder["src"] = posix


def typst_job(prepared: PreparedPdf, output: str, timestamp: dt.datetime) -> dict[str, Any]:
    """What typst_process.py is asked to do: the one place its job is written."""
    return {
        "input": str(prepared.root / prepared.template),
        "root": str(prepared.root),
        "font_paths": prepared.fonts.font_paths(prepared.root / "fonts"),
        "timestamp": int(timestamp.timestamp()),
        "pdf_standards": PDF_STANDARDS,
        "output": output,
        "memory_limit": prepared.bounds.memory_limit * 1024 * 1024,
    }


def compile_pdf(prepared: PreparedPdf, timestamp: dt.datetime) -> RenderedPdf:
    """Compile to a temporary file beside the target, in a process of its own (see typst_process.py), and
    rename it over the target when complete, so a failure keeps the previous PDF. Safe to run in threads:
    each waits for its own process."""
    target = prepared.target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".pdf.tmp", dir=target.parent)
    os.close(handle)
    job = typst_job(prepared, temporary, timestamp)
    bounds = prepared.bounds
    try:
        try:
            # run() kills the child when the time is up, stopped (SIGSTOP) or not, and then waits for it.
            finished = subprocess.run([sys.executable, "-I", str(TYPST_PROCESS)], input=json.dumps(job),
                                      capture_output=True, text=True, check=False, timeout=bounds.timeout)
        except subprocess.TimeoutExpired:
            raise PrintError(f"{target.name}: Typst did not finish within {bounds.timeout} s and was ended "
                             "(timeout of deskbook/pdf in mkdocs.yml); print less in this PDF, or raise the "
                             "timeout") from None
        if finished.returncode != 0:
            raise PrintError(f"{target.name}: Typst could not lay it out: {_typst_message(finished, bounds)}")
        _drop_false_suspects(Path(temporary))
        # mkstemp creates the file private (0600); a published PDF is as readable as any site file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        prepared.cleanup()
    return RenderedPdf(target, _page_count(target.read_bytes()))


_OUT_OF_MEMORY = re.compile(r"memory allocation|MemoryError|out of memory|Cannot allocate", re.I)


def _typst_message(finished: subprocess.CompletedProcess, bounds: PrintBounds = PrintBounds()) -> str:
    try:
        error = json.loads(finished.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        if _OUT_OF_MEMORY.search(finished.stderr) or finished.returncode == -6:  # SIGABRT: Rust's failed allocation
            return (f"it needed more than {bounds.memory_limit:,} MiB of memory and was ended (memory_limit of "
                    "deskbook/pdf in mkdocs.yml); print less in this PDF, or raise memory_limit")
        if finished.returncode < 0:
            return f"the Typst process was ended by signal {-finished.returncode}"
        # Not Typst's verdict: the process itself failed (killed, out of memory, typst not installed).
        return f"the Typst process ended with {finished.returncode}: {finished.stderr.strip()[-500:]}"
    return " ".join([error["message"], *(f"({hint})" for hint in error["hints"])])


# Typst writes the catalog's /MarkInfo with an explicit /Suspects false, which is valid PDF and the default.
# Poppler (22.x, Debian's) takes any Suspects but true for a wrong type, so pdfinfo, pdftotext and every
# viewer built on it print "Syntax Error: Suspects object is wrong type (boolean)" for every PDF.
_FALSE_SUSPECTS = b"/MarkInfo<</Marked true/Suspects false>>"


def _drop_false_suspects(pdf: Path) -> None:
    """Leave the default out, padded with spaces to the same length so that every xref offset holds."""
    written = pdf.read_bytes()
    if written.count(_FALSE_SUSPECTS) == 1:
        unsaid = b"/MarkInfo<</Marked true>>"
        pdf.write_bytes(written.replace(_FALSE_SUSPECTS, unsaid + b" " * (len(_FALSE_SUSPECTS) - len(unsaid))))


def _page_count(pdf: bytes) -> int:
    """Typst writes each page object as ``/Type/Page/...`` (and the page tree as ``/Type/Pages``)."""
    return len(_PAGE_OBJECT.findall(pdf))


def render_pdf(template: str, data: dict[str, Any], content_dir: Path, target: Path,
               timestamp: dt.datetime) -> RenderedPdf:
    """Prepare and compile in one call (tests, single PDFs)."""
    return compile_pdf(prepare(template, data, content_dir, target), timestamp)
