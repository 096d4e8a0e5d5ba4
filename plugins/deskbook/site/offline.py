"""Search that works from a folder (file://) with no network.

Material loads ``search/search_index.js`` instead of the JSON when the page is opened from the file
system, and runs its search worker through a shim, because browsers refuse workers on file://. Material's
own offline plugin fetches that shim from a CDN; Deskbook ships a copy with the site instead, and a page
loads it only when opened from a folder: over HTTP it would be 1.4 KiB and a render-blocking file for
nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from .weight import MATERIAL_BUNDLE

SHIM_SOURCE = Path(__file__).parent / "assets" / "vendor" / "iframe-worker" / "shim.js"
SHIM_URI = "assets/deskbook/iframe-worker-shim.js"


def with_folder_shim(html: str, shim_href: str) -> str:
    """The page with a line of script before Material's bundle that, on file:// only, loads the shim
    there (``document.write`` is what keeps it in order before the bundle, as a plain script tag would):
    Material's bundle starts the search worker as it runs, so the shim must be in place before it."""
    bundle = MATERIAL_BUNDLE.search(html)
    if bundle is None:
        return html
    tag = json.dumps(f'<script src="{shim_href}"></script>').replace("</", "<\\/")
    loader = f'<script>location.protocol==="file:"&&document.write({tag})</script>'
    return html[:bundle.start()] + loader + html[bundle.start():]


def write_search_index_script(site_dir: Path) -> Path | None:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return None
    script = index.with_suffix(".js")
    script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
    return script
