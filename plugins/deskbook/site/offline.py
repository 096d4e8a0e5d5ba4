"""Search that works from a folder (file://) with no network.

Material loads ``search/search_index.js`` instead of the JSON when the page is opened from the file
system, and runs its search worker through a shim, because browsers refuse workers on file://. Material's
own offline plugin fetches that shim from a CDN; Deskbook ships a copy with the site instead.
"""

from __future__ import annotations

from pathlib import Path

SHIM_SOURCE = Path(__file__).parent / "assets" / "vendor" / "iframe-worker" / "shim.js"
SHIM_URI = "assets/deskbook/iframe-worker-shim.js"


def write_search_index_script(site_dir: Path) -> Path | None:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return None
    script = index.with_suffix(".js")
    script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
    return script
