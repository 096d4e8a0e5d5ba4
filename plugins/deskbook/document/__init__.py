"""The document a page template writes: one tree for the site and the book.

A page template (``site/templates``) writes its page once, as a *document*: Markdown headings, HTML's own
structural elements (``p``, ``ul``, ``table``, ``dl``, ``blockquote``, ``a``, ``em``, ...) for what HTML
has a word for, and the elements declared here, ``<db-NAME>``, for what a customer-service manual means
that HTML has no word for: a line staff say, a value, a reference to an entity, a blank to fill in, an
interactive helper. Each output visits that tree and decides what each element becomes:

- the site (:mod:`.site_html`) turns each element into the HTML and classes its stylesheet and scripts
  use, or leaves only its content;
- the book (:mod:`deskbook.handbook.tree`) turns each into a print node for the Typst templates, and
  never reads a class of the site's HTML, so the site can restyle freely.

Every element is declared here once, with what it means and what each output makes of it; a test fails
when an output has no rendering for one, and the site rejects a name not declared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class InPrint(Enum):
    """What the printed handbook makes of an element."""

    LEAD = "lead"  # a paragraph in the lead style (a page's summary line)
    HINT = "hint"  # a paragraph in the quiet style (a side note, a person's title)
    SAY = "say"  # a paragraph staff say aloud, marked as such
    DO = "do"  # a paragraph staff do, marked as such
    CARD = "card"  # a framed block (one metric, one resource, one person)
    ASIDE = "aside"  # a block set apart after the page's content ("Referred to by")
    LEFT_OUT = "left out"  # nothing: a site helper whose answers the page's tables already give on paper
    INTERACTIVE = "interactive"  # the book's own rendering of a helper, made from the model
    REFERENCE = "reference"  # a link inside the book, with the page it is on
    NEAR_REFERENCE = "near reference"  # a link to something on the same page: no page number
    ABSENT = "absent"  # an entity this edition leaves out: its title, unlinked
    BLANK = "blank"  # a blank staff fill in during the contact
    LABEL = "label"  # a short tag before a step ("Say", "Do")
    BADGE = "badge"  # a value or a status, set off from the text


@dataclass(frozen=True)
class Element:
    """One element of the document, written ``<db-NAME ...>``.

    ``site_tag`` and ``site_class`` are what the site writes in its place (``site_class`` may name the
    element's attributes: ``"deskbook-ref deskbook-ref-{kind}"``); no ``site_tag`` means the site keeps
    only the content. ``site_attributes`` renames the element's own attributes to the site's
    (``hint`` -> ``title``); any other attribute (``id``, ``data-search-exclude``, ``role``) is an HTML
    attribute and is kept as written.
    """

    name: str
    meaning: str
    block: bool
    in_print: InPrint
    site_tag: str | None = None
    site_class: str = ""
    site_attributes: dict[str, str] = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    """Attributes the element must have."""


ELEMENTS: dict[str, Element] = {element.name: element for element in (
    # Paragraphs with a part to play.
    Element("lead", "the page's summary or purpose, read first", True, InPrint.LEAD, "p", "deskbook-lead"),
    Element("tagline", "the company's tagline", True, InPrint.LEAD, "p", "deskbook-tagline"),
    Element("hint", "a side note about the page itself", True, InPrint.HINT, "p", "deskbook-hint"),
    Element("byline", "a person's job title and part in the escalation", True, InPrint.HINT, "p",
            "deskbook-role"),
    Element("say", "what staff say aloud, in a script", True, InPrint.SAY, "p", "deskbook-say"),
    Element("do", "what staff do, in a script", True, InPrint.DO, "p", "deskbook-do-step"),
    # Blocks.
    Element("card", "one thing of several on a page, set in a frame", True, InPrint.CARD, "div",
            "deskbook-card"),
    Element("annotation", "a reviewer's note on an example call (tone: good or improve)", True, InPrint.CARD,
            "div", "deskbook-annotation deskbook-{tone}", needs=("tone",)),
    Element("used-by", "the entities that refer to this one", True, InPrint.ASIDE, "div", "deskbook-used-by"),
    Element("site-only", "a helper that only a browser can run, whose answers the page's tables give",
            True, InPrint.LEFT_OUT),
    Element("interactive", "a helper (a form, a quiz) that the book prints its own way (block: its name)",
            True, InPrint.INTERACTIVE, needs=("block",)),
    # Inline.
    Element("ref", "a link to an entity (kind, href)", False, InPrint.REFERENCE, "a",
            "deskbook-ref deskbook-ref-{kind}", needs=("kind", "href")),
    Element("near-ref", "a link to an entity on the same page (href)", False, InPrint.NEAR_REFERENCE, "a",
            "deskbook-local-ref", needs=("href",)),
    Element("absent", "an entity this edition leaves out (ref: kind:id): its id on the site", False,
            InPrint.ABSENT, "span", "deskbook-ref-absent", {"ref": "data-ref"}, needs=("ref",)),
    Element("blank", "a blank staff fill in during the contact (hint: what goes in it)", False,
            InPrint.BLANK, "span", "deskbook-blank", {"hint": "title"}),
    Element("label", "a short tag before a step", False, InPrint.LABEL, "span", "deskbook-label"),
    Element("badge", "a status or a fact set off from the text (tone: how it reads on the site)", False,
            InPrint.BADGE, "span", "deskbook-badge deskbook-{tone}"),
    Element("link-badge", "a badge that links to an entity (href)", False, InPrint.NEAR_REFERENCE, "a",
            "deskbook-badge", needs=("href",)),
    Element("value", "a value of a rule: an amount, a duration, a share", False, InPrint.BADGE, "span",
            "deskbook-value"),
)}



@dataclass(frozen=True)
class Attribute:
    """A meaning the document gives one of HTML's own elements, written ``db-NAME`` on it (``<td
    db-number>``); the site writes ``site_class`` in its place."""

    name: str
    meaning: str
    site_class: str


ATTRIBUTES: dict[str, Attribute] = {attribute.name: attribute for attribute in (
    Attribute("number", "a table cell that holds a number: aligned to the end, its digits of even width",
              "deskbook-num"),
)}

PREFIX = "db-"


def tag(element: Element) -> str:
    """The tag name templates write: ``db-say``."""
    return PREFIX + element.name


def element_named(tag_name: str) -> Element | None:
    """The element a tag names (``db-say``), or None for HTML's own tags."""
    if not tag_name.startswith(PREFIX):
        return None
    return ELEMENTS.get(tag_name[len(PREFIX):])


BLOCK_TAGS = frozenset(tag(element) for element in ELEMENTS.values() if element.block)
