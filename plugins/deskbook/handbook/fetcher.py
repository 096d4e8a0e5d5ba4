"""A URL fetcher for WeasyPrint that reads only the project's own files.

WeasyPrint follows every URL in the HTML it renders: ``<img src="/etc/passwd">``, ``http://`` images,
``<link rel="attachment">``. The handbook's HTML contains text from YAML, so the fetcher allows only
``file:`` URLs under the given folders (the content folder's assets and Deskbook's print assets) and
refuses everything else. A refusal stops the render (``fail_on_errors``), and the refused URLs are kept
so the build can name them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher


class FetchRefused(ValueError):
    pass


class RestrictedFetcher(URLFetcher):
    def __init__(self, allowed_roots: list[Path]):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=True)
        self.allowed_roots = [root.resolve() for root in allowed_roots]
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None):
        parsed = urlparse(url)
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            return self._refuse(url, "only the project's own files may be used in a PDF")
        path = Path(unquote(parsed.path)).resolve()
        if not any(path == root or root in path.parents for root in self.allowed_roots):
            return self._refuse(url, "it is outside the project's asset folders")
        if not path.is_file():
            return self._refuse(url, "the file does not exist")
        return super().fetch(url, headers)

    def _refuse(self, url: str, reason: str):
        self.refused.append(f"{url} ({reason})")
        raise FetchRefused(f"refused to fetch {url}: {reason}")
