"""Left-to-right runs inside right-to-left text, isolated for Typst.

In an Arabic or Hebrew paragraph, an English name, an id like ``HB-2041`` or a product name followed by
punctuation is laid out by the Unicode bidi algorithm against the paragraph's direction, so the
punctuation and the neutral characters next to the run land on the wrong side of it. Each run from a
strong left-to-right character to the last strong left-to-right character or digit before the next
right-to-left character is wrapped in LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE (U+2066, U+2069),
which Typst's bidi honours: the run is laid out as one left-to-right unit, its surroundings as Arabic.

A run is found in a whole line of text, not in each of its pieces: "Words in [brackets] are yours to
fill in" left in English is three pieces (text, a blank, text), and isolated piece by piece the three
were laid out right to left, last piece first. Typst runs the bidi algorithm over a paragraph's text
across its emphasis, links and blanks, so one isolate may open in one piece and close in another; a badge
is a box laid out apart (one object in the line), so its own text is a line of its own.

A paragraph, heading or table cell whose first strong character is left-to-right (Unicode bidi rules P2
and P3: an English paragraph or cell the company left untranslated) is not isolated but marked
``"dir": "ltr"``: nodes.typ sets it as a left-to-right paragraph, from the left edge with its full stop at
the end, as a browser does with ``unicode-bidi: plaintext``. Titles, which the book repeats in its
contents, bookmarks, running heads and index, are first-strong isolates (FSI ... PDI) instead, so each
reads in its own direction wherever it stands.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
_RIGHT_TO_LEFT = {"R", "AL"}
_ISOLATE_INITIATORS = {"LRI", "RLI", "FSI"}
_RUN_ENDS = {"L", "EN"}
_OBJECT = "\ufffc"  # a box in the line: neutral, as Typst counts it
# Inline nodes whose text flows in the line around them (tree.py makes them; "span" is a link unlinked).
_FLOWING = {"em", "strong", "sub", "sup", "small", "del", "s", "u", "mark", "url", "ref", "blank", "label", "span"}
_INLINE = _FLOWING | {"code", "br", "badge", "anchor"}
# Nodes that are a paragraph of their own, so take their direction from their text; a table cell has no "t".
_PARAGRAPHS = {"p", "h", "cell"}


def ltr_runs(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s left-to-right runs start and end (``text[start:end]``). A text with no right-to-left
    letter at all (an English name, a sentence left in English) is one run, its closing punctuation with it;
    a text that already holds an isolate is left to it."""
    classes = {unicodedata.bidirectional(char) for char in text}
    if "L" in classes and not classes & _RIGHT_TO_LEFT and LRI not in text:
        return [(0, len(text))]
    return _runs_between_isolates(text)


def _runs_between_isolates(text: str) -> list[tuple[int, int]]:
    runs = []
    index, length = 0, len(text)
    while index < length:
        if unicodedata.bidirectional(text[index]) != "L":
            index += 1
            continue
        end = last = index
        while end < length and unicodedata.bidirectional(text[end]) not in _RIGHT_TO_LEFT \
                and text[end] not in (LRI, PDI):
            if unicodedata.bidirectional(text[end]) in _RUN_ENDS:
                last = end
            end += 1
        runs.append((index, last + 1))
        index = last + 1
    return runs


def first_strong_direction(text: str) -> str | None:
    """``ltr`` or ``rtl``: the direction of ``text``'s first strong character outside any isolate (rules P2
    and P3 of the Unicode bidi algorithm); None for text with none (digits and punctuation only)."""
    depth = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _ISOLATE_INITIATORS:
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0 and kind == "L":
            return "ltr"
        elif depth == 0 and kind in _RIGHT_TO_LEFT:
            return "rtl"
    return None


def isolated_title(title: str) -> str:
    """A title (or another text set as a line of its own) as a first-strong isolate when it holds a
    left-to-right letter ("Orders over ر.س 500 and key accounts"), so it reads in order in a right-to-left
    contents, outline, running head, index or desk card; a title in the page's own script needs none."""
    if any(unicodedata.bidirectional(char) == "L" for char in title):
        return f"{FSI}{title}{PDI}"
    return title


def isolate_ltr_runs(text: str) -> str:
    """``text`` with every left-to-right run isolated; text without one is returned as it is."""
    out = text
    for start, end in reversed(ltr_runs(text)):
        out = f"{out[:start]}{LRI}{out[start:end]}{PDI}{out[end:]}"
    return out


@dataclass
class _Piece:
    """A stretch of a line's text: a string in a list of nodes (``editable``), or a node whose text cannot
    take a mark inside it (code, a box), which an isolate may only open before or close after."""

    nodes: list
    index: int
    text: str
    editable: bool


def isolate_line(nodes: list) -> None:
    """Isolate the left-to-right runs of one line of inline nodes, in place, across its pieces."""
    pieces: list[_Piece] = []
    _collect(nodes, pieces)
    _isolate_pieces(pieces)


def line_direction(nodes: list) -> str | None:
    """The direction of a line of inline nodes by its first strong character (P2, P3), its badges' text
    apart (each a box in the line)."""
    pieces: list[_Piece] = []
    _collect(nodes, pieces, boxes_too=False)
    return first_strong_direction("".join(piece.text for piece in pieces))


def _isolate_pieces(pieces: list[_Piece]) -> None:
    text = "".join(piece.text for piece in pieces)
    # Marks go in from the end of the line backwards, so the places found before them stay where they were.
    marks: list[tuple[int, int, str]] = []  # (piece, offset in it, mark)
    for start, end in ltr_runs(text):
        marks.append(_place(pieces, start, LRI, opening=True))
        marks.append(_place(pieces, end, PDI, opening=False))
    for number, offset, mark in sorted(marks, key=lambda place: (place[0], place[1]), reverse=True):
        piece = pieces[number]
        if piece.editable:
            string = piece.nodes[piece.index]
            piece.nodes[piece.index] = string[:offset] + mark + string[offset:]
        else:
            piece.nodes.insert(piece.index + (1 if offset else 0), mark)


def _place(pieces: list[_Piece], position: int, mark: str, opening: bool) -> tuple[int, int, str]:
    """Which piece, and where in it, a mark at ``position`` of the line goes. An opening mark goes at the
    start of the piece the run starts in, a closing one at the end of the piece it ends in; in a piece
    that takes no mark, before or after the whole node."""
    start = 0
    for number, piece in enumerate(pieces):
        end = start + len(piece.text)
        if (start <= position < end) if opening else (start < position <= end):
            if piece.editable:
                return number, position - start, mark
            return number, 0 if opening else 1, mark
        start = end
    raise ValueError(f"no piece at {position}")  # a run lies inside the line's own text


def _collect(nodes: list, pieces: list[_Piece], boxes_too: bool = True) -> None:
    """The pieces of a line; with ``boxes_too``, a badge's own line is isolated on the way."""
    for index, node in enumerate(nodes):
        if isinstance(node, str):
            pieces.append(_Piece(nodes, index, node, True))
        elif not isinstance(node, dict):
            continue
        elif node.get("t") == "badge":
            if boxes_too:
                isolate_line(node["c"])
            pieces.append(_Piece(nodes, index, _OBJECT, False))
        elif node.get("t") == "code":
            pieces.append(_Piece(nodes, index, node.get("s", ""), False))
        elif node.get("t") in _FLOWING and isinstance(node.get("c"), list):
            _collect(node["c"], pieces, boxes_too)


def _isolate_badges(nodes: list) -> None:
    """A badge's text is a line of its own in a left-to-right paragraph too."""
    _collect(nodes, [])


def _is_line(nodes: Any) -> bool:
    return isinstance(nodes, list) and all(
        isinstance(node, str) or (isinstance(node, dict) and node.get("t") in _INLINE) for node in nodes)


def isolate_embedded_ltr(data: Any) -> None:
    """Isolate the left-to-right runs of every line of text in the print data's node tree (the pages'
    paragraphs, headings, cells, list items, glossary terms, questions), in place; a paragraph, heading or
    cell that starts left to right is marked ``"dir": "ltr"`` instead, and the titles the book lists are
    isolated whole. Keys, anchors and the words table are not text."""
    for chapter in data.get("chapters", []) if isinstance(data, dict) else []:
        chapter["title"] = isolated_title(chapter["title"])
        for article in chapter["articles"]:
            article["title"] = isolated_title(article["title"])
    for group in data.get("index", []) if isinstance(data, dict) else []:
        for entry in group["entries"]:
            entry["title"] = isolated_title(entry["title"])
    # The desk card's rows are plain texts, each a line of its own: a policy title, its value, its note.
    for part in data.get("parts", []) if isinstance(data, dict) else []:
        part["channels"] = [isolated_title(channel) for channel in part.get("channels", [])]
        for row in part.get("rows", []):
            for key in ("label", "value", "note", "category"):
                if isinstance(row.get(key), str):
                    row[key] = isolated_title(row[key])
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(item for item in value if isinstance(item, (list, dict)))
            continue
        if not isinstance(value, dict):
            continue
        for key, child in list(value.items()):  # a paragraph may take a "dir" on the way
            if key == "c" and _is_line(child) and value.get("t", "cell") in _PARAGRAPHS \
                    and line_direction(child) == "ltr":
                value["dir"] = "ltr"
                _isolate_badges(child)
            elif key in ("c", "term") and _is_line(child):
                isolate_line(child)
            elif key == "choices" and isinstance(child, list):
                value[key] = [isolate_ltr_runs(choice) if isinstance(choice, str) else choice for choice in child]
            elif key == "q" and isinstance(child, str):
                value[key] = isolate_ltr_runs(child)
            elif isinstance(child, (list, dict)):
                stack.append(child)
