"""Left-to-right runs inside right-to-left text, isolated for Typst.

In an Arabic or Hebrew paragraph, an English name, an id like ``HB-2041`` or a product name followed by
punctuation is laid out by the Unicode bidi algorithm against the paragraph's direction, so the
punctuation and the neutral characters next to the run land on the wrong side of it. Each run from a
strong left-to-right character to the last strong left-to-right character or digit before the next
right-to-left character is wrapped in LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE (U+2066, U+2069),
which Typst's bidi honours: the run is laid out as one left-to-right unit, its surroundings as Arabic.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .tree import walk

LRI, PDI = "\u2066", "\u2069"
_RIGHT_TO_LEFT = {"R", "AL"}
_RUN_ENDS = {"L", "EN"}


def isolate_ltr_runs(text: str) -> str:
    """``text`` with every left-to-right run isolated; text without one is returned as it is. A text with
    no right-to-left letter at all (an English name, a sentence left in English) is isolated whole, its
    closing punctuation with it."""
    classes = {unicodedata.bidirectional(char) for char in text}
    if "L" in classes and not classes & _RIGHT_TO_LEFT and LRI not in text:
        return f"{LRI}{text}{PDI}"
    out: list[str] = []
    index, length = 0, len(text)
    while index < length:
        if unicodedata.bidirectional(text[index]) != "L":
            out.append(text[index])
            index += 1
            continue
        end = last = index
        while end < length and unicodedata.bidirectional(text[end]) not in _RIGHT_TO_LEFT \
                and text[end] not in (LRI, PDI):
            if unicodedata.bidirectional(text[end]) in _RUN_ENDS:
                last = end
            end += 1
        out += [LRI, text[index:last + 1], PDI]
        index = last + 1
    return "".join(out)


def isolate_embedded_ltr(data: Any) -> None:
    """Isolate the left-to-right runs of every text in the print data's node tree (the pages' paragraphs,
    headings, cells, list items, questions), in place. Keys, anchors and the words table are not text."""
    for node in walk(data):
        for key in ("c", "choices"):
            children = node.get(key)
            if isinstance(children, list):
                node[key] = [isolate_ltr_runs(child) if isinstance(child, str) else child for child in children]
        if isinstance(node.get("q"), str):
            node["q"] = isolate_ltr_runs(node["q"])
