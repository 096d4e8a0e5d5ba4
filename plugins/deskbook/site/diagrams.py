"""Escalation chain diagrams, drawn at build time as inline SVG: no JavaScript, prints as vectors.

Geometry is computed here; the markup comes from the ``chain.svg.j2`` template (autoescaped).
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
        boxes.append(DiagramBox(x, y, BOX_WIDTH, height, number, title, level.response_words(words), lines,
                                level.role))
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
        then_title=then.title if then is not None else None,
    )


def chain_diagram(manual: Manual, chain: Chain, link: bool = True) -> Markup:
    diagram = layout_chain(manual, chain)
    template = environment(manual.localization).get_template("chain.svg.j2")
    return Markup(template.render(diagram=diagram, link=link, chain=chain))
