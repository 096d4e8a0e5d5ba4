"""The 404 page is the site's own, styled, with working links: opened from a folder, and shown by a
server for a missing address deep inside the site."""

from __future__ import annotations

import http.server
from pathlib import Path

import pytest
from browser import served

from deskbook.site.not_found import relative_not_found_page

pytestmark = pytest.mark.browser

BRAND_PRIMARY = "rgb(11, 79, 108)"  # content/manual.yaml's default primary colour, #0b4f6c


def test_links_from_the_root_become_relative_and_a_served_page_gets_a_base():
    page = ('<html><head><meta charset="utf-8"><link href="/assets/a.css"></head>'
            '<body><a href="/policies/x.html">x</a><a href="//cdn.example/y">y</a>'
            '<script id="__config">{"base": "/"}</script></body></html>')
    out = relative_not_found_page(page, "/")
    assert 'href="assets/a.css"' in out and 'href="policies/x.html"' in out
    assert 'href="//cdn.example/y"' in out, "a protocol-relative address is not a path from the root"
    assert '"base": "."' in out
    assert out.index('<meta charset="utf-8">') < out.index("createElement(\"base\")") < out.index("a.css")
    deeper = relative_not_found_page(page.replace('"/', '"/manual/'), "/manual/")  # site_url names a folder
    assert 'href="assets/a.css"' in deeper and 'b.href = "/manual/"' in deeper


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that answers a missing file with the site's 404.html, as web hosts do."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args):
        pass


def _header_colour_and_home_link(page) -> tuple[str, str]:
    colour = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    home = page.evaluate("document.querySelector('a.md-header__button.md-logo').href")
    return colour, home


def test_not_found_page_from_a_folder(built_example, page):
    site = built_example / "site"
    page.goto((site / "404.html").as_uri())
    page.wait_for_load_state("load")
    colour, home = _header_colour_and_home_link(page)
    assert colour == BRAND_PRIMARY, "the page is styled"
    assert home == (site / "index.html").as_uri()
    assert page.evaluate("document.querySelector('img[alt=logo]').naturalWidth") > 0, "the logo loads"


def test_not_found_page_served_for_a_missing_address_deep_in_the_site(built_example, page):
    with served(built_example / "site", _NotFoundHandler) as base:
        response = page.goto(base + "policies/no/such/page.html")
        assert response is not None and response.status == 404
        page.wait_for_load_state("load")
        colour, home = _header_colour_and_home_link(page)
    assert colour == BRAND_PRIMARY
    assert home == base + "index.html"
