"""The 404 page, styled and linked wherever it is shown.

MkDocs writes ``404.html`` with links from the server's root (``/assets/...``), because a server shows it
for a missing address at any depth; opened from a folder those links point at the disk's root, so the
page shows unstyled and its menu leads nowhere. Deskbook writes its links relative to the site's root,
where the file sits, and a line of script gives the page a ``<base>`` of the site's root when it is
served over HTTP, so a server's 404 at any depth finds the same files.
"""

from __future__ import annotations

import json
import re

_ROOT_LINK = re.compile(r'(\s(?:href|src)=")/(?!/)')


def relative_not_found_page(html: str, base: str) -> str:
    """``base``: the site's root path as MkDocs gave the 404 page its links ("/" or site_url's path)."""
    prefix = base if base.endswith("/") else base + "/"
    if prefix == "/":
        relative = _ROOT_LINK.sub(r"\1", html)
    else:
        relative = re.sub(r'(\s(?:href|src)=")' + re.escape(prefix), r"\1", html)
    relative = relative.replace(f'"base": {json.dumps(base)}', '"base": "."', 1)
    served_base = (
        "<script>if (location.protocol !== \"file:\") {"
        "var b = document.createElement(\"base\"); b.href = " + json.dumps(prefix) + "; document.head.prepend(b);"
        "}</script>"
    )
    # After the charset, before the first link or script the base must apply to.
    for opening in ('<meta charset="utf-8">', "<head>"):
        at = relative.find(opening)
        if at >= 0:
            at += len(opening)
            return relative[:at] + served_base + relative[at:]
    return relative
