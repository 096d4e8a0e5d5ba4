"""A page is written once, as a document; the site and the book each render it (deskbook/document)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from deskbook.document import ELEMENTS, InPrint, tag
from deskbook.document.site_html import UnknownElement, site_html
from deskbook.handbook.data import PageConverter, _page_document
from deskbook.pipeline import load_checked_manual
from deskbook.site import SiteOptions, render_site_pages

TODAY = dt.date(2026, 11, 22)
_CLASS = re.compile(r'\sclass="[^"]*"')


def _sample(name: str) -> str:
    element = ELEMENTS[name]
    attributes = "".join(f' {key}="{key}-value"' for key in element.needs)
    return f"<{tag(element)}{attributes}>words</{tag(element)}>"


def _print_blocks(manual, document: str) -> list:
    return PageConverter(manual).blocks(document)


@pytest.fixture(scope="module")
def example_manual(example_content):
    return load_checked_manual(example_content)


@pytest.mark.parametrize("name", sorted(ELEMENTS))
def test_every_element_has_a_site_rendering_and_a_print_rendering(name, example_manual):
    element = ELEMENTS[name]
    document = f"<div>{_sample(name)}</div>" if element.block else f"<p>before {_sample(name)} after</p>"

    written = site_html(document)
    assert "db-" not in written
    if element.site_tag:
        assert f"<{element.site_tag}" in written
    if element.in_print is not InPrint.LEFT_OUT and element.in_print is not InPrint.INTERACTIVE:
        assert "words" in written

    blocks = json.dumps(_print_blocks(example_manual, document))
    if element.in_print is InPrint.LEFT_OUT:
        assert "words" not in blocks
    elif element.in_print is InPrint.INTERACTIVE:
        assert '"t": "print"' in blocks and '"block": "block-value"' in blocks
    elif element.in_print is not InPrint.ABSENT:  # an absent entity prints its title, not the id
        assert "words" in blocks


def test_a_name_the_document_does_not_declare_is_refused_by_the_site():
    with pytest.raises(UnknownElement, match="db-sya"):
        site_html("<db-sya>Hello</db-sya>")
    with pytest.raises(UnknownElement, match="needs kind"):
        site_html('<db-ref href="x.html">Refunds</db-ref>')


def test_a_badge_without_a_tone_is_a_plain_badge_and_attributes_keep_their_place():
    assert site_html('<db-badge tone="overdue">Late</db-badge>') == (
        '<span class="deskbook-badge deskbook-overdue">Late</span>')
    assert site_html("<db-badge>PDF</db-badge>") == '<span class="deskbook-badge">PDF</span>'
    assert site_html('<db-ref href="a.html" kind="policy">A</db-ref>') == (
        '<a href="a.html" class="deskbook-ref deskbook-ref-policy">A</a>')
    assert site_html('<db-hint data-search-exclude>Note</db-hint>') == (
        '<p class="deskbook-hint" data-search-exclude>Note</p>')
    assert site_html('<db-blank hint="the order number">[order]</db-blank>') == (
        '<span class="deskbook-blank" title="the order number">[order]</span>')


def test_a_helper_only_the_site_shows_leaves_no_blank_line_in_an_html_block():
    document = '<div class="deskbook">\n  <db-site-only>\n  <p>Form</p>\n  </db-site-only>\n  <p>Table</p>\n</div>'
    assert site_html(document) == '<div class="deskbook">\n  <p>Form</p>\n  <p>Table</p>\n</div>'


def test_every_page_of_the_site_is_its_document_written_as_html(example_manual):
    for page in render_site_pages(example_manual, SiteOptions(today=TODAY)):
        assert "<db-" not in page.markdown and "</db-" not in page.markdown, page.src_uri


def test_restyling_the_site_changes_nothing_in_the_book(example_manual):
    """The book reads the document's elements, never a class: with every class attribute of every page
    taken out, the print data is the same, node for node."""
    pages = render_site_pages(example_manual, SiteOptions(today=TODAY, print_mode=True))
    assert any("<db-say" in page.markdown for page in pages)
    for page in pages:
        document = _page_document(page)
        unstyled = _CLASS.sub("", document)
        assert _print_blocks(example_manual, unstyled) == _print_blocks(example_manual, document), page.src_uri


def test_the_book_prints_what_the_document_means(example_manual):
    options = SiteOptions(today=TODAY, print_mode=True)
    pages = {page.src_uri: page for page in render_site_pages(example_manual, options)}
    script = json.dumps(_print_blocks(example_manual, _page_document(pages["scripts/greeting.md"])))
    assert '"style": "say"' in script and '"t": "label"' in script
    escalation = json.dumps(_print_blocks(example_manual, _page_document(pages["escalation/index.md"])))
    assert '"block": "who-decides"' in escalation
    # The form is the site's: the book's document does not hold it.
    assert "who-decides-request" not in pages["escalation/index.md"].markdown


def test_a_cell_the_document_marks_as_a_number_is_aligned_on_both(example_manual):
    document = '<table><thead><tr><th>Rule</th> <th db-number>Value</th></tr></thead>' \
               '<tbody><tr><td>Refunds</td> <td db-number data-label="Value">30 days</td></tr></tbody></table>'
    assert site_html(document).count('class="deskbook-num"') == 2
    table = _print_blocks(example_manual, document)[0]
    assert [cell.get("number", False) for cell in table["head"][0] + table["rows"][0]] == [False, True, False, True]
    with pytest.raises(UnknownElement, match="db-numbr"):
        site_html("<td db-numbr>3</td>")
