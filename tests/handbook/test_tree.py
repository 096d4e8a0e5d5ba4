"""The print tree made from a page's HTML: pure functions, no PDF."""

from __future__ import annotations

import pytest

from deskbook.handbook.tree import Converter, parse_html


def _refs(html: str) -> list[dict]:
    root, svgs = parse_html(html)
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "ref":
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(Converter(svgs).blocks(root.children))
    return found


@pytest.mark.parametrize(("html", "see"), [
    ('<p>Ask first (<a class="deskbook-ref" href="#refunds">Refunds</a>).</p>', "page"),
    ('<p>Ask first (see <a class="deskbook-ref" href="#refunds">Refunds</a>).</p>', "page"),
    ('<p>Ask (twice) first: <a class="deskbook-ref" href="#refunds">Refunds</a>.</p>', "see"),
    ('<p>See <a class="deskbook-ref" href="#refunds">Refunds</a>.</p>', "see"),
    # A [[policy:refunds]] on a hand-written page is a link without a class.
    ('<p>with a valid receipt (<a href="#refunds">Refunds</a>).</p>', "page"),
    ('<p>See <a href="#refunds">Refunds</a>.</p>', "see"),
])
def test_a_reference_inside_brackets_gets_its_page_after_a_comma(html, see):
    """"(Refunds (see page 24))" was printed with nested brackets; inside brackets it is "(Refunds, page 24)"."""
    assert [ref["see"] for ref in _refs(html)] == [see]


def test_table_columns_carry_their_longest_word_and_text():
    root, svgs = parse_html("<table><thead><tr><th>Rule</th><th>Value</th></tr></thead><tbody>"
                            "<tr><td>A refund can be requested within the window</td><td>30 days</td></tr>"
                            "<tr><td>Short</td><td>5 working days</td></tr></tbody></table>")
    [table] = [node for node in Converter(svgs).blocks(root.children) if isinstance(node, dict)]
    assert table["words"] == ["requested", "working"]
    assert table["texts"] == ["A refund can be requested within the window", "5 working days"]


def test_a_line_break_between_cjk_characters_is_removed_and_one_between_words_is_a_space():
    root, svgs = parse_html("<p>日本語の\n文章です。 Latin\ntext</p>")
    assert Converter(svgs).blocks(root.children) == [{"t": "p", "c": ["日本語の文章です。 Latin text"]}]
