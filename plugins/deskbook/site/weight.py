"""Lighter pages: what a phone on a slow network pays for each page, cut without changing what it shows.

Material's templates indent every line of the menu, which is in every page; Deskbook's stylesheet and
scripts are written to be read, with comments. The site is served as the browser reads it: runs of
white space between tags as one character (HTML renders them as one space anyway; ``<pre>``, ``<textarea>``,
scripts and styles are left as written), the stylesheet inside the page's head (no second render-blocking
file before the first paint) and without comments, the scripts without their comment lines and run once the
page is parsed (the first paint waits for none of them). Pure functions; the content plugin applies them to
each page it writes (``bench/weight_bench.py`` measures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Elements whose white space is what they show or what they run: left as written.
_RAW_OR_TAG = re.compile(
    r"<(pre|textarea|script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.DOTALL | re.IGNORECASE
)
_SPACE_RUN = re.compile(r"[ \t\r\n\f]{2,}|[\t\r\f]")


def _one_space(run: re.Match[str]) -> str:
    # A line break stays a line break: the page source still reads as lines, and renders the same.
    return "\n" if "\n" in run.group() else " "


def squeeze_whitespace(html: str) -> str:
    """Every run of white space in the text between tags as one space or one line break; tags,
    comments, ``pre``, ``textarea``, ``script`` and ``style`` untouched."""
    parts: list[str] = []
    last = 0
    for kept in _RAW_OR_TAG.finditer(html):
        parts.append(_SPACE_RUN.sub(_one_space, html[last:kept.start()]))
        parts.append(kept.group())
        last = kept.end()
    parts.append(_SPACE_RUN.sub(_one_space, html[last:]))
    return "".join(parts)


_CSS_STRING_OR_COMMENT = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|/\*.*?\*/', re.DOTALL)
# Around these a space never changes what a rule means; before ":" it does (".a :hover" is not ".a:hover"),
# and before "(" in a media query ("and (" is not "and(").
_CSS_SPACE_AROUND = re.compile(r"\s*([{};,>])\s*|(:)\s+")
_CSS_LAST_SEMICOLON = re.compile(r";}")


def minify_css(css: str) -> str:
    """The stylesheet without comments and without the white space its rules do not need; strings kept."""
    tokens = list(_CSS_STRING_OR_COMMENT.finditer(css))
    kept_strings = [token.group() for token in tokens if not token.group().startswith("/*")]
    # Strings stand aside as placeholders while the code around them is squeezed.
    code = _CSS_STRING_OR_COMMENT.sub(lambda token: " " if token.group().startswith("/*") else "\0", css)
    code = _CSS_SPACE_AROUND.sub(lambda match: match.group(1) or match.group(2), re.sub(r"\s+", " ", code))
    pieces = _CSS_LAST_SEMICOLON.sub("}", code).strip().split("\0")
    return "".join(piece + (kept_strings[at] if at < len(kept_strings) else "") for at, piece in enumerate(pieces))


_JS_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)
_JS_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def lighter_script(script: str) -> str:
    """A script without its comment lines and indentation. A template literal (a backtick) may hold such
    lines as text, so a script with one is served as written."""
    if "`" in script:
        return script
    return _JS_INDENT.sub("", _JS_COMMENT_LINE.sub("", script))


# Material's script: everything that makes the page work starts here, and the scripts after it build on it.
MATERIAL_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')
_SCRIPT_ELEMENT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
# Attributes that already say when a script runs: async and defer, and modules (deferred by nature).
_RUNS_WHEN_SAID = re.compile(r"""(?:^|\s)(?:async|defer)(?=[\s=]|$)|\stype\s*=\s*["']?module""", re.IGNORECASE)
_SOURCE = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)


def deferred_scripts(html: str) -> str:
    """Material's bundle and every script file after it with ``defer``: they still run in their order and
    before ``DOMContentLoaded`` (which Material and Deskbook's scripts wait for), but after the page is
    parsed, so the browser paints the text first. A plain script at the end of the body runs before the
    first paint whenever it is already loaded (cached, or fast to arrive), and Material's takes
    Lighthouse's mid-range phone about a quarter of a second. Inline scripts and scripts before the
    bundle are left alone: they may write into the page as it is parsed (the search shim's loader does)."""
    bundle = MATERIAL_BUNDLE.search(html)
    if bundle is None:
        return html

    def deferred(script: re.Match[str]) -> str:
        attributes, body = script.group(1), script.group(2)
        if not _SOURCE.search(attributes) or body.strip() or _RUNS_WHEN_SAID.search(attributes):
            return script.group()
        return f"<script{attributes} defer>{body}</script>"

    return html[:bundle.start()] + _SCRIPT_ELEMENT.sub(deferred, html[bundle.start():])


def inline_stylesheet(html: str, stylesheet_href: str, css: str) -> str:
    """The page's ``<link rel="stylesheet" href=...>`` to ``stylesheet_href`` replaced by the stylesheet
    itself, where the link stood (so stylesheets listed after it still win)."""
    link = f'<link rel="stylesheet" href="{stylesheet_href}">'
    if link not in html:
        return html
    # "</" inside the style element would end it early; in CSS "<\\/" reads the same.
    escaped = css.replace("</", "<\\/")
    return html.replace(link, f"<style>{escaped}</style>", 1)


# What a selector asks of a pseudo-class's argument (":not(.x)", ":is(.a, .b)") is not a class the element
# must have, nor is a dot inside an attribute's value ('[href$=".pdf"]'); only the classes outside them are.
_NOT_REQUIRED = re.compile(r"\([^()]*\)|\[[^\]]*\]")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_WORD = re.compile(r"[\w-]+")


_ATTRIBUTE = re.compile(r'([\w-]+)="([\w-]+)"')


def words_of(text: str) -> set[str]:
    """Every word a page or a script could use as a class name, and every attribute written with a value,
    as ``dir=rtl``."""
    return set(_WORD.findall(text)) | {f"{name}={value}" for name, value in _ATTRIBUTE.findall(text)}


# An attribute a selector asks a value of ([dir="rtl"]) is written so in the page when it can match: the rules
# for right-to-left manuals stay out of a left-to-right manual's pages. (Material's script holds the word
# "rtl" itself, so the word alone would keep them.)
_ATTRIBUTE_VALUE = re.compile(r'\[([\w-]+)="([\w-]+)"\]')
_ARGUMENTS = re.compile(r"\([^()]*\)")


def _split_selectors(selectors: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for at, character in enumerate(selectors):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            parts.append(selectors[start:at])
            start = at + 1
    parts.append(selectors[start:])
    return parts


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """The top-level parts of a minified stylesheet, in order: (selectors or at-rule, body) for a block,
    (statement, None) for an at-rule without one (``@import ...;``). Strings may hold braces."""
    parts: list[tuple[str, str | None]] = []
    depth, start, head_end, at = 0, 0, 0, 0
    while at < len(css):
        character = css[at]
        if character in "\"'":
            closing = css.find(character, at + 1)
            while closing > 0 and css[closing - 1] == "\\":
                closing = css.find(character, closing + 1)
            at = len(css) if closing < 0 else closing + 1
            continue
        if character == "{":
            if depth == 0:
                head_end = at
            depth += 1
        elif character == "}":
            depth -= 1
            if depth == 0:
                parts.append((css[start:head_end], css[head_end + 1:at]))
                start = at + 1
        elif character == ";" and depth == 0:
            parts.append((css[start:at + 1], None))
            start = at + 1
        at += 1
    return parts


@dataclass(frozen=True)
class StyleRule:
    """One top-level part of a stylesheet, read once for every page: as written and what a page must
    contain for it to apply (for each of its selectors, the classes and attribute values it names), or,
    for an at-rule holding rules (``@media``), its head and the rules inside it. ``needs`` is None for a
    part that always stays."""

    text: str
    needs: tuple[frozenset[str], ...] | None = None
    inner: tuple[StyleRule, ...] = ()


def _needs(selector: str) -> frozenset[str]:
    classes = _CLASS.findall(_NOT_REQUIRED.sub("", selector))
    attributes = [f"{name}={value}" for name, value in _ATTRIBUTE_VALUE.findall(_ARGUMENTS.sub("", selector))]
    return frozenset(classes + attributes)


def stylesheet_rules(minified_css: str) -> tuple[StyleRule, ...]:
    """A minified stylesheet read into its rules, once per build: each page then only looks its words up.
    Rules without classes, ``:root``'s custom properties, stay; an at-rule holding rules keeps those that
    can apply; ``@font-face`` and ``@page`` (declarations) and statements (``@import ...;``) always stay."""
    rules: list[StyleRule] = []
    for head, body in _blocks(minified_css):
        if body is None:
            rules.append(StyleRule(head))
        elif not head.startswith("@"):
            rules.append(StyleRule(f"{head}{{{body}}}", tuple(_needs(one) for one in _split_selectors(head))))
        elif "{" in body:  # @media, @supports: rules inside
            rules.append(StyleRule(head, inner=stylesheet_rules(body)))
        else:  # @font-face, @page: declarations
            rules.append(StyleRule(f"{head}{{{body}}}"))
    return tuple(rules)


def styles_for_page(rules: tuple[StyleRule, ...], words: set[str]) -> str:
    """The rules that can apply to a page: a rule goes when one of the classes of each of its selectors is
    a word neither the page nor any script it loads contains (scripts add classes as the reader works: the
    quiz marks a choice right); an at-rule goes when none of the rules inside it can apply."""
    kept: list[str] = []
    for rule in rules:
        if rule.inner:
            inner = styles_for_page(rule.inner, words)
            if inner:
                kept.append(f"{rule.text}{{{inner}}}")
        elif rule.needs is None or any(needed <= words for needed in rule.needs):
            kept.append(rule.text)
    return "".join(kept)
