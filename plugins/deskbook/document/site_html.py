"""The site's rendering of a document: each ``<db-NAME>`` element becomes the HTML its stylesheet and
scripts know, everything else (Markdown headings, HTML's own elements) passes as written.

Only templates write ``db-`` tags: text from YAML reaches a template autoescaped (``<`` is ``&lt;``)
and Markdown fields are sanitised to a list of HTML tags, so no content can write one.
"""

from __future__ import annotations

import re

from . import ATTRIBUTES, ELEMENTS, PREFIX, Element

_ATTRIBUTE = re.compile(r'([a-z-]+)(?:="([^"]*)")?')
_ATTRIBUTES = r'(?:\s+[a-z-]+(?:="[^"]*")?)*'
_TAG = re.compile(rf"<(/?){PREFIX}([a-z-]+)({_ATTRIBUTES})\s*>")
_TAG_LINE = re.compile(rf"^[ \t]*{_TAG.pattern}[ \t]*\n", re.M)
# One of HTML's own elements with a meaning from the document: <td db-number>.
_HTML_TAG_WITH_MEANING = re.compile(rf'<([a-z][a-z0-9]*)({_ATTRIBUTES}\s+{PREFIX}[a-z-]+{_ATTRIBUTES})\s*>')
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class UnknownElement(ValueError):
    """A template wrote a ``db-`` tag that the document does not declare: a Deskbook bug, caught by the
    golden and build tests of every page."""


def site_html(document: str) -> str:
    """The document with every element written the site's way."""
    document = _TAG.sub(_site_tag, _TAG_LINE.sub(_site_line, document))
    return _HTML_TAG_WITH_MEANING.sub(_site_html_tag, document)


def _site_line(match: re.Match) -> str:
    # An element the site leaves out but for its content takes its own line with it: a blank line inside
    # an HTML block would end the block for Markdown.
    element = ELEMENTS.get(match.group(2))
    if element is not None and element.site_tag is None:
        return ""
    return match.group(0)


def _site_tag(match: re.Match) -> str:
    closing, name, written = match.groups()
    element = ELEMENTS.get(name)
    if element is None:
        raise UnknownElement(f"<{PREFIX}{name}> is not an element of the document (deskbook/document)")
    if element.site_tag is None:
        return ""
    if closing:
        return f"</{element.site_tag}>"
    # A bare attribute (``data-search-exclude``) has no value: None.
    attributes = {found.group(1): found.group(2) for found in _ATTRIBUTE.finditer(written)}
    missing = [key for key in element.needs if key not in attributes]
    if missing:
        raise UnknownElement(f"<{PREFIX}{name}> needs {', '.join(missing)}")
    return f"<{element.site_tag}{_site_attributes(element, attributes)}>"


def _site_html_tag(match: re.Match) -> str:
    name, written = match.groups()
    kept: list[tuple[str, str | None]] = []
    classes: list[str] = []
    for found in _ATTRIBUTE.finditer(written):
        key, value = found.group(1), found.group(2)
        if key.startswith(PREFIX):
            meaning = ATTRIBUTES.get(key[len(PREFIX):])
            if meaning is None:
                raise UnknownElement(f"{key} is not an attribute of the document (deskbook/document)")
            classes.append(meaning.site_class)
        elif key != "class":
            kept.append((key, value))
            continue
        elif value:
            classes.insert(0, value)  # the element's own class comes before its meanings'
        # One class attribute, where the first of the element's class or its meanings was written.
        if ("class", None) not in kept:
            kept.append(("class", None))
    written_out = []
    for key, value in kept:
        shown = " ".join(classes) if key == "class" else value
        written_out.append(f" {key}" if shown is None else f' {key}="{shown}"')
    return f"<{name}{''.join(written_out)}>"


def _site_attributes(element: Element, attributes: dict[str, str | None]) -> str:
    # A class word that names an attribute the element was not given is left out: a badge without a tone
    # is a plain badge. The class stands where the first attribute it names was written, or first.
    words, named = [], []
    for word in element.site_class.split():
        names = _PLACEHOLDER.findall(word)
        named.extend(names)
        if all(attributes.get(name) for name in names):
            words.append(_PLACEHOLDER.sub(lambda found: attributes[found.group(1)] or "", word))
    class_attribute = f' class="{" ".join(words)}"' if words else ""
    written = []
    for key, value in attributes.items():
        if key in named:
            if key == named[0]:
                written.append(class_attribute)
            continue
        site_key = element.site_attributes.get(key, key)
        # Values are as the template wrote them, already escaped for an attribute.
        written.append(f" {site_key}" if value is None else f' {site_key}="{value}"')
    if not named or named[0] not in attributes:
        written.insert(0, class_attribute)
    return "".join(written)
