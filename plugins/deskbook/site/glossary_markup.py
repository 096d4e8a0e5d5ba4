"""Mark glossary abbreviations up as <abbr title="..."> in rendered HTML, on every page.

Works on the final HTML (generated and hand-written pages alike) with the standard library's HTML
tokenizer: only text outside links, headings, code and existing abbreviations is touched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

SKIP_TAGS = {"a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "title",
             "svg", "textarea", "button", "label", "legend"}


class _Marker(HTMLParser):
    def __init__(self, pattern: re.Pattern, titles: dict[str, str]):
        super().__init__(convert_charrefs=False)
        self.pattern = pattern
        self.titles = titles
        self.out: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in SKIP_TAGS:
            self.skip_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data):
        if self.skip_depth:
            self.out.append(data)
            return
        self.out.append(
            self.pattern.sub(
                lambda m: f'<abbr title="{escape(self.titles[m.group(0)])}">{m.group(0)}</abbr>', data
            )
        )

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")


@lru_cache(maxsize=8)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(word) for word in words) + r")(?![\w-])")


def mark_abbreviations(html: str, abbreviations: dict[str, str]) -> str:
    if not abbreviations:
        return html
    pattern = _pattern(tuple(sorted(abbreviations, key=len, reverse=True)))
    if not pattern.search(html):
        return html  # most pages: no need to tokenise at all
    marker = _Marker(pattern, abbreviations)
    marker.feed(html)
    marker.close()
    return "".join(marker.out)
