"""Render print HTML to a PDF with WeasyPrint: restricted fetching, glyph check, atomic write."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .fetcher import RestrictedFetcher
from .glyphs import MissingFont, missing_glyphs


class PrintError(Exception):
    """A PDF could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class RenderedPdf:
    path: Path
    pages: int


def render_pdf(html: str, base_dir: Path, allowed_roots: list[Path], target: Path) -> RenderedPdf:
    """Render ``html`` (relative URLs resolve against ``base_dir``) to ``target``.

    The PDF is written to a temporary file beside ``target`` and renamed over it only when complete, so a
    failure keeps the previous PDF.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    try:
        problems = missing_glyphs(html)
    except MissingFont as exc:
        raise PrintError(str(exc)) from None
    if problems:
        listed = "; ".join(f"U+{ord(char):04X} '{char}' in \"{context}\"" for char, context in problems[:10])
        raise PrintError(
            f"{target.name}: the print font has no glyph for {listed}; replace the character in the content "
            "(it would print as an empty box)"
        )

    fetcher = RestrictedFetcher(allowed_roots)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".pdf.tmp", dir=target.parent)
    try:
        # Attachments are fetched while writing, images while laying out: both go through the fetcher.
        document = HTML(string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher).render()
        with os.fdopen(handle, "wb") as stream:
            document.write_pdf(stream)
        # mkstemp creates the file private (0600); a published PDF is as readable as any site file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except FatalURLFetchingError:
        Path(temporary).unlink(missing_ok=True)
        refused = "; ".join(fetcher.refused) or "an unknown resource"
        raise PrintError(f"{target.name}: {refused}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return RenderedPdf(target, len(document.pages))
