"""The desk card fits by construction: its blocks are measured here, before Typst lays them out, and what
does not fit on two sides is left out, lowest priority first, and reported.

``desk-card.typ`` lays the card out as two columns a side, the title above side 1, and the response
targets (when listed) full width at the top of the side they open. Every block is unbreakable (a row, a
script), so a column ends where the next block would not fit. This module follows the same layout with
the measures Typst uses, erring only on the large side:

- widths are the fonts' own advances (:mod:`.font_metrics`), summed without the kerning Typst applies
  (which only tightens), and lines are filled word by word as Typst fills an unjustified paragraph,
  breaking at spaces only (Typst may also break after a dash);
- a line is as tall as the face's top edge at its size, with the paragraph's leading between lines;
  the gaps are the template's, and where two meet Typst keeps the larger, as :func:`fit` does.

``check`` runs this without Typst. tests/handbook/test_layout_fuzzer.py holds it to Typst's layout: every
block lands where :func:`fit` put it or earlier, never later, and not much earlier (desk-card.typ marks
where each block begins). A word wider than a column, which Typst cannot break without hyphenating, is
counted as the lines it would fill.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .font_metrics import face

# The page, in mm, as desk-card.typ sets it: paper, margins, the gutter between the two columns.
PAPER_MM = {"a4": (210.0, 297.0), "us-letter": (215.9, 279.4)}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM, GUTTER = 12.0, 12.0, 14.0, 7.0
_PT = 0.3528  # mm
BODY, NOTE, HEADING, TITLE = 12.0, 10.5, 15.0, 17.0
LEADING = 0.5  # between the lines of a paragraph, in em of the body (desk-card.typ: par leading)
STEP_GAP = 0.6  # between a script's steps, in em (enum spacing)
PARAGRAPH_GAP = 0.7 * BODY * _PT  # mm: below a script and a list's closing note (par spacing)
CATEGORY_LEAST = 30.0  # mm: the response table's category column holds a word like "management"
ROW_GAP, HEADING_ABOVE, HEADING_BELOW = 2.2, 4.5, 2.0
TITLE_BELOW = 2.0 + 1.5 * _PT + 3.0  # the title's inset and rule, and the float's clearance
CELL_INSET_X, CELL_INSET_Y = 1.4, 1.3
FLOAT_CLEARANCE = 3.0  # mm: below the title and each response table (desk-card.typ's floats)
CELL_MOST = 33.0  # mm: a channel's column is no wider than this for a cell of several words
STEP_INDENT = 2.5  # mm: the indent of a script's numbered steps and the gap after the number (enum)
SIDES = 2


@dataclass(frozen=True)
class Place:
    """Where staff find what a block prints when the card leaves it out: a page of the site (its source
    path, as the site's links name it, and the anchor on it) and the handbook's chapter for that page's
    section (None where the handbook leaves the section out)."""

    src_uri: str
    anchor: str | None
    chapter: str | None


@dataclass
class Block:
    """What may not be split: one row of a list (the first with its part's heading), a whole script, the
    response table. ``name`` is how a warning names it when it is left out, ``listed`` the card part
    (as mkdocs.yml's desk_card.parts names it) it prints in, ``where`` where staff find it instead."""

    data: dict[str, Any]
    height: float
    name: str
    where: Place
    listed: str
    full_width: bool = False
    part: int = 0  # the part it belongs to, for putting the kept rows back under their heading
    # The weak space it begins and ends with, counted in its height: a heading's space above (dropped at
    # a column's top) and the gap below; Typst keeps the larger of two that meet, as fit() does.
    above: float = 0.0
    below: float = ROW_GAP
    # A row after its list's first prints the heading again when it opens side 2 (a reader turning the
    # card over sees what the rows are), or when the rows before it are left out: that heading's height at
    # a column's top.
    reopened: float = 0.0
    # Where fit() placed it: the side and column (from 0) and the top of what it prints (below the space
    # left above it), in mm below the top margin.
    side: int = 0
    column: int = 0
    top: float = 0.0


Runs = Sequence[tuple[str, bool]]  # text in runs of one weight: (text, bold)


def lines(text: str | Runs, width_mm: float, size: float = BODY, bold: bool = False) -> int:
    """How many lines ``text`` takes in a column ``width_mm`` wide, filled as Typst fills an unjustified
    paragraph: each line takes the words that fit, and a line breaks only at a space (the card never
    hyphenates; Typst also breaks after a dash, which can only save a line). A word wider than the column
    is counted as the lines it would fill."""
    runs = [(text, bold)] if isinstance(text, str) else text
    # A line break in the text (a YAML block scalar's) starts a line of its own.
    forced: list[list[tuple[str, bool]]] = [[]]
    for run_text, weight in runs:
        for number, piece in enumerate(run_text.split("\n")):
            if number:
                forced.append([])
            forced[-1].append((piece, weight))
    if len(forced) > 1:
        return sum(max(1, lines(piece, width_mm, size)) for piece in forced)
    room = width_mm / (size * _PT)  # in em
    space = max(face(weight).width(" ") for _, weight in runs) if runs else 0.0
    count, used = 0, 0.0
    for word in _word_widths(runs):
        if count and used + space + word <= room:
            used += space + word
            continue
        count += 1
        if word > room:
            count += math.ceil(word / room) - 1
            used = word - room * (math.ceil(word / room) - 1)
        else:
            used = word
    return count


def _word_widths(runs: Runs) -> list[float]:
    """Each space-separated word's advance in em, a word that changes weight midway measured in both."""
    widths: list[float] = []
    joined = False  # the last word goes on into this run (no space between)
    for text, bold in runs:
        measure = face(bold).width
        pieces = text.split(" ")
        for index, piece in enumerate(pieces):
            if index == 0 and joined and widths:
                widths[-1] += measure(piece)
            elif piece:
                widths.append(measure(piece))
        joined = bool(pieces[-1])
    return widths


def paragraph_height(*runs: tuple[int, float], em: float = BODY) -> float:
    """The height in mm of a paragraph of ``(lines, size)`` runs, from the top of its first line to the
    baseline of its last, as Typst sets it: each line as tall as the face's top edge at its size, the
    paragraph's leading (half its ``em``, the body's or a heading's) between lines."""
    count = sum(number for number, _ in runs)
    if not count:
        return 0.0
    top = face().line_top
    return (sum(number * size * top for number, size in runs) + (count - 1) * LEADING * em) * _PT


def heading_size(title: str, width: float) -> float:
    """The size a list's or a script's heading is set at: 15 pt, or less when a word of it is wider than
    the column at 15 pt, so that the word fits (the card breaks no word)."""
    widest = _widest(title.split(), bold=True, size=HEADING)
    if widest <= width:
        return HEADING
    return math.floor(HEADING * width / widest * 10) / 10


def heading_height(title: str, width: float) -> float:
    """A list's or a script's heading with the space above and below it."""
    size = heading_size(title, width)
    return HEADING_ABOVE + paragraph_height((lines(title, width, size, bold=True), size), em=HEADING) \
        + HEADING_BELOW


def row_height(row: dict[str, str], width: float) -> float:
    """One row (label, value, note on lines of their own) and the gap below it."""
    return paragraph_height((lines(row["label"], width, bold=True), BODY), (lines(row["value"], width), BODY),
                            (lines(row["note"], width, NOTE), NOTE)) + ROW_GAP


def script_height(script: dict[str, Any], width: float) -> float:
    """A script: its heading, and its steps numbered, each step's text beside the widest number."""
    steps = script["step_runs"]
    indent = STEP_INDENT + _mm(f"{len(steps)}.")
    heights = [paragraph_height((lines(runs, width - indent), BODY)) for runs in steps]
    return heading_height(script["title"], width) + sum(heights) + STEP_GAP * BODY * _PT * (len(heights) - 1) \
        + PARAGRAPH_GAP


def response_columns(response: dict[str, Any], width: float) -> list[float]:
    """The channels' column widths in mm, which desk-card.typ uses as they are: each as wide as its widest
    cell (up to ``CELL_MOST``), or as its widest word when that leaves the category column too little; the
    category column takes the rest. Every width is at least the column's widest word (the head's in bold),
    so no word overprints the next column."""
    columns = list(zip(*([response["channels"]] + [row["targets"] for row in response["rows"]]), strict=True))
    widest_words = [max(_widest(column[0].split(), bold=True), _widest([word for cell in column[1:]
                                                                        for word in cell.split()]))
                    for column in columns]
    widths = [max(word, min(CELL_MOST, max(_mm(column[0], bold=True), _widest(list(column[1:])))))
              + 2 * CELL_INSET_X for word, column in zip(widest_words, columns, strict=True)]
    if sum(widths) > 0.7 * width:
        widths = [word + 2 * CELL_INSET_X for word in widest_words]
    # Rounded up, so that rounding never makes a column narrower than its widest word.
    return [math.ceil(column_width * 10) / 10 for column_width in widths]


def response_tables(response: dict[str, Any], width: float) -> list[dict[str, Any]]:
    """The response targets as one table, or, when the channels' widest words side by side leave the
    category column too little (eleven channels on A4), as several tables of as many channels as fit,
    each with the category column; only the first has the heading. Each table carries its ``widths``."""
    category_words = [word for row in response["rows"] for word in row["category"].split()]
    room = width - max(CATEGORY_LEAST, _widest(category_words) + 2 * CELL_INSET_X)
    groups: list[list[int]] = [[]]
    used = 0.0
    for index, head in enumerate(response["channels"]):
        cells = [word for row in response["rows"] for word in row["targets"][index].split()]
        needed = max(_widest(head.split(), bold=True), _widest(cells)) + 2 * CELL_INSET_X
        if groups[-1] and used + needed > room:
            groups.append([])
            used = 0.0
        groups[-1].append(index)
        used += needed
    tables = []
    for number, group in enumerate(groups):
        table = {**response, "title": response["title"] if number == 0 else "",
                 "channels": [response["channels"][index] for index in group],
                 "rows": [{**row, "targets": [row["targets"][index] for index in group]} for row in response["rows"]]}
        table["widths"] = response_columns(table, width)
        tables.append(table)
    return tables


def _mm(text: str, bold: bool = False, size: float = BODY) -> float:
    """The width of ``text`` on one line, in mm."""
    return face(bold).width(text) * size * _PT


def _widest(texts: list[str], bold: bool = False, size: float = BODY) -> float:
    return max((_mm(text, bold, size) for text in texts), default=0.0)


def response_height(response: dict[str, Any], width: float) -> float:
    widths = response["widths"]
    category_width = max(width - sum(widths), 10.0) - 2 * CELL_INSET_X
    table = 0.0
    cells = [[response["category"]] + list(response["channels"])] + [
        [row["category"] + (f" ({response['flagged']})" if row["flag"] else "")] + list(row["targets"])
        for row in response["rows"]]
    for index, cell_row in enumerate(cells):
        bold = index == 0
        count = max([lines(cell_row[0], category_width, bold=bold)]
                    + [lines(text, cell_width - 2 * CELL_INSET_X, bold=bold)
                       for text, cell_width in zip(cell_row[1:], widths, strict=True)])
        table += paragraph_height((count, BODY)) + 2 * CELL_INSET_Y
    # A table stands at the top of the side, under the one before it, as a float: the space above its
    # heading is dropped there, the float's clearance keeps what follows apart.
    heading = heading_height(response["title"], width) - HEADING_ABOVE if response["title"] else 0.0
    return heading + table + FLOAT_CLEARANCE


def fit(blocks: list[Block], paper: str, title: str) -> tuple[list[Block], list[Block]]:
    """Fill two columns a side in the blocks' order (their priority), the response table (full width)
    above the columns of side 2. Each block is kept when it fits after the blocks of higher priority
    kept before it, where Typst would put it: in what is left of the current column, or at the top of the
    next one. One that fits in neither (a row or script taller than a column, or one with no room left
    on the card) is left out on its own: the blocks after it are still tried, so a huge row never costs
    the card the rows of lower priority that fit, and a kept block never took a place a block of higher
    priority could have had. The first block on side 2 is marked ``opens_side`` (desk-card.typ places
    the response table with it)."""
    page_width, page_height = PAPER_MM[paper]
    width = page_width - 2 * MARGIN_X
    body = page_height - MARGIN_TOP - MARGIN_BOTTOM
    title_height = paragraph_height((lines(title, width, TITLE, bold=True), TITLE), em=TITLE) + TITLE_BELOW
    wide = [block for block in blocks if block.full_width]
    flowing = [block for block in blocks if not block.full_width]
    # The response tables stand at the top of side 2, as many as it holds (the targets of many channels
    # come as several tables, each going on under the first one's heading, so none is kept after a
    # left-out one).
    kept_wide: list[Block] = []
    for block in wide:
        if sum(taken.height for taken in kept_wide) + block.height > body:
            break
        kept_wide.append(block)
    tops = [title_height, sum(block.height for block in kept_wide)]
    top = 0.0
    for number, block in enumerate(kept_wide):
        block.side, block.top, block.data["n"] = 1, top, number
        top += block.height
    kept: list[Block] = []
    column = _Column(0, 0, tops[0], None)
    for block in flowing:
        previous = kept[-1] if kept else None
        # Typst moves an unbreakable block that does not fit to the next column, and only once.
        candidates = [column] + ([column.next(tops)] if column.next(tops).side < SIDES else [])
        for candidate in candidates:
            height, above = candidate.needs(block, previous)
            if candidate.used + height <= body:
                break
        else:
            continue
        block.data["opens_side"] = candidate.opens_side
        block.side, block.column, block.data["n"] = candidate.side, candidate.column, len(kept_wide) + len(kept)
        block.top = candidate.used + above - candidate.collapsed(above)
        column = _Column(candidate.side, candidate.column, candidate.used + height, block.below)
        kept.append(block)
    chosen = {id(block) for block in kept_wide + kept}
    return kept_wide + kept, [block for block in blocks if id(block) not in chosen]


@dataclass(frozen=True)
class _Column:
    """Where fit() has got to: the column, how much of it is used (mm below the top margin), and the gap
    its last block ends with (None at the column's top, where a block's space above is dropped)."""

    side: int
    column: int
    used: float
    below: float | None

    @property
    def opens_side(self) -> bool:
        return self.side == 1 and self.column == 0 and self.below is None

    def next(self, tops: list[float]) -> _Column:
        side, column = (self.side, 1) if self.column == 0 else (self.side + 1, 0)
        return _Column(side, column, tops[side] if side < SIDES else 0.0, None)

    def collapsed(self, above: float) -> float:
        """The part of a block's space above that this place drops: all of it at a column's top, else as
        much as the gap before it already gives (Typst keeps the larger of two that meet)."""
        return above if self.below is None else min(above, self.below)

    def needs(self, block: Block, previous: Block | None) -> tuple[float, float]:
        """The height ``block`` takes here and the space it begins with. A row prints its list's heading
        again (with the heading's space above) when it opens side 2, or when it does not follow a kept row
        of its own list (the rows before it were left out)."""
        continues = previous is not None and previous.data["t"] == "row" and previous.part == block.part
        heading = bool(block.reopened) and (self.opens_side or not continues)
        above = block.above + (HEADING_ABOVE if heading else 0.0)
        height = block.height + (block.reopened + HEADING_ABOVE if heading else 0.0)
        return height - self.collapsed(above), above


def column_width_mm(paper: str) -> float:
    return (PAPER_MM[paper][0] - 2 * MARGIN_X - GUTTER) / 2


def text_width_mm(paper: str) -> float:
    return PAPER_MM[paper][0] - 2 * MARGIN_X
