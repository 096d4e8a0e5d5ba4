"""Keep what belongs together on one page: small cards whole, and the end of each chapter in a group of
at least six lines, so no page before a chapter's end holds a stray line or two.

Typst keeps a paragraph's lines together (widows and orphans) and a heading with what follows, but a
chapter starts on a new page, so whatever spills past the last full page of a chapter sits alone there.
Line counts are estimates from the text's length: enough to choose what to keep together, not to lay out.
"""

from __future__ import annotations

import math
from typing import Any

from .tree import Node

# The fewest lines the last page of a chapter may hold, and the group kept together to ensure it: the
# estimate is rough, so the group aims two lines higher.
CHAPTER_END_LINES = 6
GROUP_LINES = CHAPTER_END_LINES + 2
# A card (an entity's summary box) up to this long is never split; a longer one breaks like text.
CARD_LINES = 24
# The longest group kept together at a chapter's end: about half a page, so keeping it never leaves
# more than half a page empty.
LONGEST_GROUP = 26
# Characters of body text on one line of the printed page (10.5 pt on A4 or Letter with 20 mm margins).
LINE_CHARACTERS = 90


def keep_together(chapters: list[dict]) -> None:
    """Mark small cards unbreakable and group each chapter's last lines (in place)."""
    for chapter in chapters:
        for article in chapter["articles"]:
            _keep_small_cards(article["blocks"])
        last = chapter["articles"][-1]["blocks"] if chapter["articles"] else []
        _keep_the_end(last)


def _keep_small_cards(blocks: list) -> None:
    for node in blocks:
        if isinstance(node, dict) and node.get("t") == "card" and estimated_lines(node) <= CARD_LINES:
            node["keep"] = True
        elif isinstance(node, dict) and isinstance(node.get("c"), list):
            _keep_small_cards(node["c"])


def _keep_the_end(blocks: list) -> None:
    """Wrap the shortest run of last blocks holding at least GROUP_LINES lines in a "keep" node.
    Where a block is too long to keep whole, the run takes its last items if it is a list or a glossary.
    A long table or paragraph is not split: Typst never leaves a paragraph's last line alone, but the
    blocks after a long table may still make a short last page."""
    lines = 0.0
    start = len(blocks)
    for start in range(len(blocks) - 1, -1, -1):
        block_lines = estimated_lines(blocks[start])
        if lines + block_lines > LONGEST_GROUP:
            tail = _split_off_last_items(blocks[start], GROUP_LINES - lines)
            if tail is not None:
                blocks[start + 1:] = [{"t": "keep", "c": [tail, *blocks[start + 1:]]}]
            elif len(blocks) - start > 2:
                # Short of the goal behind a long table: at least a heading stays with what it heads.
                blocks[start + 1:] = [{"t": "keep", "c": blocks[start + 1:]}]
            return
        lines += block_lines
        if lines >= GROUP_LINES:
            break
    # The run found, or a whole short last article (its title, printed before it, stays with it).
    if len(blocks) - start > 1:
        blocks[start:] = [{"t": "keep", "c": blocks[start:]}]


def _split_off_last_items(node: Node, needed: float) -> Node | None:
    """Take the last items of a long list or definition list, at least ``needed`` lines of them, out of
    it and return them as a list of their own (an ordered list's numbering carries on)."""
    if not isinstance(node, dict) or node.get("t") not in ("list", "dl"):
        return None
    items = node["items"]
    lines = 0.0
    for start in range(len(items) - 1, 0, -1):
        lines += _item_lines(node, items[start])
        if lines >= needed:
            if lines > LONGEST_GROUP:
                return None
            tail = {**node, "items": items[start:]}
            if node.get("ordered"):
                tail["start"] = node.get("start", 1) + start
            node["items"] = items[:start]
            return tail
    return None


def _item_lines(node: dict, item: Any) -> float:
    if node["t"] == "dl":
        return 1 + estimated_lines(item["def"])
    return estimated_lines(item)


def estimated_lines(node: Any, width: int = LINE_CHARACTERS) -> float:
    """About how many lines of text a node prints (the space between blocks is not counted)."""
    if isinstance(node, str):
        return len(node) / width
    if isinstance(node, list):
        inline = sum(len(text) for text in _inline_texts(node))
        blocks = [item for item in node if isinstance(item, dict) and item.get("t") in _BLOCK_NODES]
        return (math.ceil(inline / width) if inline else 0) + sum(estimated_lines(item, width) for item in blocks)
    kind = node.get("t")
    if kind == "p":
        return math.ceil(max(1, _length(node["c"])) / width)
    if kind == "h":
        return 1
    if kind == "list":
        return sum(estimated_lines(item, width - 4) for item in node["items"])
    if kind == "dl":
        return sum(1 + estimated_lines(item["def"], width) for item in node["items"])
    if kind == "table":
        columns = max(1, node["cols"])
        return sum(
            max((math.ceil(max(1, _length(cell["c"])) / (width / columns * 0.9)) for cell in row), default=1)
            for row in node["head"] + node["rows"]
        )
    if kind in ("card", "quote", "aside", "span", "keep"):
        return estimated_lines(node["c"], width - 6)
    if kind == "question":
        return 1 + len(node["choices"])
    if kind == "svg":
        return 16
    if kind == "anchor":
        return 0  # a link target prints nothing
    if kind == "pre":
        return node["s"].count("\n") + 1
    return 1


_BLOCK_NODES = {"p", "h", "list", "dl", "table", "card", "quote", "aside", "question", "svg", "pre", "hr", "keep",
                "img"}


def _inline_texts(nodes: list):
    for node in nodes:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict) and node.get("t") not in _BLOCK_NODES and isinstance(node.get("c"), list):
            yield from _inline_texts(node["c"])


def _length(nodes: Any) -> int:
    if isinstance(nodes, str):
        return len(nodes)
    if isinstance(nodes, list):
        return sum(_length(node) for node in nodes)
    if isinstance(nodes, dict):
        return sum(_length(value) for key, value in nodes.items() if key in ("c", "s", "items", "def", "term"))
    return 0
