"""The desk card fits by construction: its blocks are measured here, before Typst lays them out, and what
does not fit on two sides is left out, lowest priority first, and reported.

``desk-card.typ`` lays the card out as two columns a side, the title above side 1, and the response
targets (when listed) full width at the top of the side they open. Every block is unbreakable (a row, a
script), so a column ends where the next block would not fit. This module follows the same layout with
widths and heights that err on the large side: DejaVu Sans averages under 0.5 em a character in running
text (measured on the example's card: the 37 characters of "Discount 15% · Refund $250 · Gift $50"
take 80 mm at 12 pt), and more in bold, so 0.5 and 0.56 em leave room; a line takes the cap height and the
leading (1.23 em) but the last line ends at its baseline, counted as 1.2 em. The layout fuzzer
(tests/handbook/test_layout_fuzzer.py) holds these figures to the real layout: a bold head of wide letters
is wider (``_WIDE_BOLD``), and a word longer than a column, which these figures cannot place, is open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The page, in mm, as desk-card.typ sets it: paper, margins, the gutter between the two columns.
PAPER_MM = {"a4": (210.0, 297.0), "us-letter": (215.9, 279.4)}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM, GUTTER = 12.0, 12.0, 14.0, 7.0
_PT = 0.3528  # mm
BODY, NOTE, HEADING, TITLE = 12.0, 10.5, 15.0, 17.0
_LINE = 1.2  # line pitch, in em
_REGULAR, _BOLD = 0.5, 0.56  # character width, in em
# One bold word of wide letters is wider than running text: "Community" takes 0.71 em a letter in DejaVu
# Sans Bold (the fuzzer found a head of it overprinting the next column at 0.56).
_WIDE_BOLD, _WIDE_REGULAR = 0.72, 0.6
CATEGORY_LEAST = 30.0  # mm: the response table's category column holds a word like "management"
ROW_GAP, HEADING_ABOVE, HEADING_BELOW, TITLE_BELOW = 2.2, 4.5, 2.0, 7.0
CELL_INSET_X, CELL_INSET_Y = 1.4, 1.3
STEP_INDENT = 6.0  # the number and its gap before a script's step
SIDES = 2


@dataclass
class Block:
    """What may not be split: one row of a list (the first with its part's heading), a whole script, the
    response table. ``name`` is how a warning names it when it is left out; ``where`` where staff find it."""

    data: dict[str, Any]
    height: float
    name: str
    where: str
    full_width: bool = False
    part: int = 0  # the part it belongs to, for putting the kept rows back under their heading


@dataclass
class Fitted:
    parts: list[dict[str, Any]]
    left_out: list[Block] = field(default_factory=list)


def lines(text: str, width_mm: float, size: float = BODY, bold: bool = False) -> int:
    """How many lines ``text`` takes in a column ``width_mm`` wide, wrapped at spaces only (the card never
    hyphenates); a word wider than the column takes the lines it would need."""
    if not text:
        return 0
    per_line = max(1, int(width_mm / (size * _PT * (_BOLD if bold else _REGULAR))))
    count, used = 1, 0
    for word in text.split():
        length = len(word)
        if used and used + 1 + length > per_line:
            count, used = count + 1, 0
        if length > per_line:
            count += (length - 1) // per_line
            used = length % per_line or per_line
        else:
            used += (1 if used else 0) + length
    return count


def _height(count: int, size: float) -> float:
    return count * size * _PT * _LINE


def heading_height(title: str, width: float) -> float:
    return HEADING_ABOVE + _height(lines(title, width, HEADING, bold=True), HEADING) + HEADING_BELOW


def row_height(row: dict[str, str], width: float) -> float:
    return (_height(lines(row["label"], width, bold=True), BODY) + _height(lines(row["value"], width), BODY)
            + _height(lines(row["note"], width, NOTE), NOTE) + ROW_GAP)


def script_height(script: dict[str, Any], width: float) -> float:
    steps = sum(_height(lines(step_text, width - STEP_INDENT), BODY) + 0.6 * BODY * _PT
                for step_text in script["plain_steps"])
    return heading_height(script["title"], width) + steps


def response_columns(response: dict[str, Any], width: float) -> list[float]:
    """The channels' column widths in mm, which desk-card.typ uses as they are: each as wide as its longest
    cell (up to 14 characters), or as its longest word when that leaves the category column too little;
    the category column takes the rest."""
    columns = list(zip(*([response["channels"]] + [row["targets"] for row in response["rows"]]), strict=True))
    char = BODY * _PT * _BOLD  # the head is bold
    longest_words = [max((len(word) for cell in column for word in cell.split()), default=1) for column in columns]
    widths = [max(word, min(14, max(len(cell) for cell in column))) * char + 2 * CELL_INSET_X
              for word, column in zip(longest_words, columns, strict=True)]
    if sum(widths) > 0.7 * width:
        widths = [word * char + 2 * CELL_INSET_X for word in longest_words]
    return [round(column_width, 1) for column_width in widths]


def response_tables(response: dict[str, Any], width: float) -> list[dict[str, Any]]:
    """The response targets as one table, or, when the channels' longest words side by side leave the
    category column too little (eleven channels on A4), as several tables of as many channels as fit,
    each with the category column; only the first has the heading. Each table carries its ``widths`` and
    the longest word of each column's head and cells, which desk-card.typ measures."""
    category_words = [word for row in response["rows"] for word in row["category"].split()]
    room = width - max(CATEGORY_LEAST, _longest(category_words) * BODY * _PT * _WIDE_REGULAR + 2 * CELL_INSET_X)
    groups: list[list[int]] = [[]]
    used = 0.0
    for index, head in enumerate(response["channels"]):
        cells = [word for row in response["rows"] for word in row["targets"][index].split()]
        needed = max(_longest(head.split()) * _WIDE_BOLD, _longest(cells) * _WIDE_REGULAR) * BODY * _PT \
            + 2 * CELL_INSET_X
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
        # desk-card.typ widens a column to its longest words as Typst measures them, so none overprints.
        table["head_words"] = [max(head.split(), key=len, default="") for head in table["channels"]]
        table["cell_words"] = [max((word for row in table["rows"] for word in row["targets"][index].split()),
                                   key=len, default="") for index in range(len(table["channels"]))]
        tables.append(table)
    return tables


def _longest(words: list[str]) -> int:
    return max((len(word) for word in words), default=1)


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
        table += _height(count, BODY) + 2 * CELL_INSET_Y
    return (heading_height(response["title"], width) if response["title"] else HEADING_BELOW) + table


def fit(blocks: list[Block], paper: str, title: str) -> tuple[list[Block], list[Block]]:
    """Fill two columns a side in the blocks' order (their priority), the response table (full width)
    above the columns of side 2; the first block that finds no room and every block after it are left
    out, so a kept row never follows a left-out one. The first block on side 2 is marked ``opens_side``
    (desk-card.typ places the response table with it)."""
    page_width, page_height = PAPER_MM[paper]
    width = page_width - 2 * MARGIN_X
    body = page_height - MARGIN_TOP - MARGIN_BOTTOM
    title_height = _height(lines(title, width, TITLE, bold=True), TITLE) + TITLE_BELOW
    wide = [block for block in blocks if block.full_width]
    flowing = [block for block in blocks if not block.full_width]
    # The response tables stand at the top of side 2, as many as it holds (the targets of many channels
    # come as several tables).
    kept_wide: list[Block] = []
    for block in wide:
        if sum(taken.height for taken in kept_wide) + block.height > body:
            break
        kept_wide.append(block)
    tops = [title_height, sum(block.height for block in kept_wide)]
    side, column, used = 0, 0, tops[0]
    kept: list[Block] = []
    for index, block in enumerate(flowing):
        block.data["opens_side"] = False
        while used + block.height > body:
            side, column = (side, 1) if column == 0 else (side + 1, 0)
            if side >= SIDES:
                return kept_wide + kept, [block for block in wide if block not in kept_wide] + flowing[index:]
            used = tops[side]
            block.data["opens_side"] = side == 1 and column == 0
            if block.height > body - used:
                return kept_wide + kept, [block for block in wide if block not in kept_wide] + flowing[index:]
        used += block.height
        kept.append(block)
    return kept_wide + kept, [block for block in wide if block not in kept_wide]


def column_width_mm(paper: str) -> float:
    return (PAPER_MM[paper][0] - 2 * MARGIN_X - GUTTER) / 2


def text_width_mm(paper: str) -> float:
    return PAPER_MM[paper][0] - 2 * MARGIN_X
