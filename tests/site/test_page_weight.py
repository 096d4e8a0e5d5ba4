"""Lighter than plain Material: Deskbook's page scripts only where they run, and a sized logo."""

from __future__ import annotations

import re
import struct

import pytest

from deskbook.site.theme import LOGO_HEIGHT, logo_size

SCRIPT = re.compile(r'<script src="([^"]+)"')


@pytest.mark.parametrize("head, size", [
    (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 120">', (48, 24)),
    (b'<svg width="30px" height="60px" xmlns="http://www.w3.org/2000/svg">', (12, 24)),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", 512, 128), (96, 24)),
    (b'<svg xmlns="http://www.w3.org/2000/svg">', None),
    (b'<svg viewBox="0 0 0 10">', None),
    (b"GIF89a", None),
])
def test_logo_size_keeps_the_logos_proportions_at_the_headers_height(head, size):
    assert logo_size(head) == size
    if size is not None:
        assert size[1] == LOGO_HEIGHT


@pytest.mark.pdf  # the example is built with its PDFs
def test_page_scripts_only_on_their_pages_and_every_img_sized(built_example):
    site = built_example / "site"
    loading = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site).as_posix()
        for source in SCRIPT.findall(html):
            loading.setdefault(source.rpartition("/")[2], set()).add(name)
        for img in re.findall(r"<img\b[^>]*>", html):
            assert "width=" in img and "height=" in img, f"{name}: {img}"
    assert loading["quiz.js"] == {"training/knowledge-checks.html"}
    assert loading["who-decides.js"] == {"escalation/index.html"}
    assert len(loading["deskbook.js"]) > 60, "the site script stays on every page"
