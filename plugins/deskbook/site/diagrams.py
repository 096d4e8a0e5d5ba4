"""Escalation chain diagrams, drawn at build time as inline SVG: no JavaScript, prints as vectors.

Geometry is computed here; the markup comes from the ``chain.svg.j2`` template (autoescaped). In a
right-to-left language each label ends at the box's right edge (``text-anchor="end"``) and is a
right-to-left isolate (U+2067 ... U+2069), so it reads right in a page, a PDF or a file of its own: the
drawing does not say ``direction="rtl"``, which browsers honour and Typst's SVG renderer ignores (there the
labels ran out of their boxes to the right). Inside a label, an English role name or a number is a bidi
isolate of its own (U+2068 ... U+2069), keeping its order and punctuation.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from ..manual import Manual
from ..model import Chain
from .environment import environment

BOX_WIDTH = 420
LINE_HEIGHT = 18
PADDING = 12
GAP = 34
WRAP_AT = 52


TEXT_INSET = 14
FIRST_STRONG_ISOLATE, RIGHT_TO_LEFT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2067", "\u2069"


def isolated(text: str, direction: str) -> str:
    """In a right-to-left manual, text that keeps its own direction inside the line (SVG text has no <bdi>);
    left-to-right drawings stay as they were, byte for byte."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if direction == "rtl" else text


@dataclass(frozen=True)
class DiagramBox:
    x: int
    y: int
    width: int
    height: int
    number: int
    title: str
    within: str
    lines: tuple[str, ...]
    href_id: str
    text_x: int  # where the labels start: the left edge's inset, or the right edge's in right-to-left


@dataclass(frozen=True)
class DiagramArrow:
    x: int
    y1: int
    y2: int


@dataclass(frozen=True)
class ChainDiagram:
    width: int
    height: int
    boxes: tuple[DiagramBox, ...]
    arrows: tuple[DiagramArrow, ...]
    title: str
    then_title: str | None
    direction: str

    @property
    def anchor(self) -> str:
        """Where a label hangs from its ``x``: its start in left-to-right, its (right-hand) end otherwise."""
        return "end" if self.direction == "rtl" else "start"

    def label(self, text: str) -> str:
        """A whole label as the drawing writes it: in right-to-left, one right-to-left isolate."""
        return f"{RIGHT_TO_LEFT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if self.direction == "rtl" else text


def layout_chain(manual: Manual, chain: Chain) -> ChainDiagram:
    boxes: list[DiagramBox] = []
    arrows: list[DiagramArrow] = []
    y = 8
    x = 8
    words = manual.localization
    for number, level in enumerate(chain.levels, start=1):
        role = manual.get("role", level.role)
        title = role.title if role is not None else level.role
        lines = tuple(textwrap.wrap(
            words.gettext("Passes on when: %(condition)s", condition=level.hand_on_when), WRAP_AT)) if number < len(
            chain.levels
        ) or chain.then else tuple(textwrap.wrap(level.hand_on_when, WRAP_AT))
        height = PADDING * 2 + LINE_HEIGHT * (2 + len(lines))
        if boxes:
            arrows.append(DiagramArrow(x + BOX_WIDTH // 2, y - GAP + 2, y - 4))
        text_x = x + BOX_WIDTH - TEXT_INSET if words.direction == "rtl" else x + TEXT_INSET
        boxes.append(DiagramBox(x, y, BOX_WIDTH, height, number, isolated(title, words.direction),
                                isolated(level.response_words(words), words.direction), lines, level.role,
                                text_x))
        y += height + GAP
    then = manual.get("chain", chain.then) if chain.then else None
    if then is not None:
        arrows.append(DiagramArrow(x + BOX_WIDTH // 2, y - GAP + 2, y - 4))
        y += LINE_HEIGHT + PADDING
    return ChainDiagram(
        width=BOX_WIDTH + 16,
        height=y - GAP + (LINE_HEIGHT + PADDING if then is not None else 0) + 8,
        boxes=tuple(boxes),
        arrows=tuple(arrows),
        title=chain.title,
        then_title=isolated(then.title, words.direction) if then is not None else None,
        direction=words.direction,
    )


def chain_diagram(manual: Manual, chain: Chain, link: bool = True) -> Markup:
    diagram = layout_chain(manual, chain)
    template = environment(manual.localization).get_template("chain.svg.j2")
    return Markup(template.render(diagram=diagram, link=link, chain=chain))
