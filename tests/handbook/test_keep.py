"""Which blocks the handbook keeps together at a chapter's end (deskbook/handbook/keep.py)."""

from __future__ import annotations

from deskbook.handbook.keep import GROUP_LINES, estimated_lines, keep_together


def _chapter(blocks: list) -> list[dict]:
    return [{"articles": [{"blocks": blocks}]}]


def _paragraph(words: int) -> dict:
    return {"t": "p", "c": [" ".join(["word"] * words)]}


def test_the_last_blocks_are_grouped_until_they_make_enough_lines():
    heading = {"t": "h", "l": 3, "c": ["Related"]}
    long, middle, short = _paragraph(600), _paragraph(100), _paragraph(10)
    blocks = [long, middle, heading, short, short]
    keep_together(_chapter(blocks))
    # The group grows from the end (1 + 1 + 1 lines) until the 6-line paragraph makes it enough.
    assert blocks == [long, {"t": "keep", "c": [middle, heading, short, short]}]
    assert estimated_lines(blocks[1]) >= GROUP_LINES


def test_a_long_glossary_keeps_its_last_terms_together():
    items = [{"term": [f"Term {n}"], "def": [_paragraph(12)], "id": f"term-{n}"} for n in range(40)]
    blocks = [{"t": "dl", "items": items}]
    keep_together(_chapter(blocks))
    glossary, kept = blocks[0], blocks[1]
    assert kept["t"] == "keep" and kept["c"][0]["t"] == "dl"
    kept_terms = [item["term"][0] for item in kept["c"][0]["items"]]
    assert kept_terms[-1] == "Term 39" and 2 <= len(kept_terms) < 40
    assert len(glossary["items"]) + len(kept_terms) == 40


def test_an_ordered_list_split_at_the_end_carries_its_numbering_on():
    steps = [[_paragraph(30)] for _ in range(30)]
    blocks = [{"t": "list", "ordered": True, "items": steps}]
    keep_together(_chapter(blocks))
    tail = blocks[1]["c"][0]
    assert tail["start"] == len(blocks[0]["items"]) + 1


def test_small_cards_never_split_and_long_ones_may():
    small = {"t": "card", "c": [_paragraph(40)]}
    long = {"t": "card", "c": [_paragraph(15 * 40)]}
    keep_together(_chapter([_paragraph(500), small, long, _paragraph(2000)]))
    assert small.get("keep") is True and "keep" not in long
