"""What the book prints where the site has an interactive block: made from the Manual, never from the
block's HTML (a form's labels read as a paragraph of words on paper).

A page's document marks such a block with ``<db-interactive block="name">`` (the ``interactive`` macro of
the site's templates); :mod:`.tree` keeps it as a ``print`` node, and :func:`fill_print_blocks` puts the
blocks made here in its place.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..decisions import ROUTED, Request, decide, measures, role_limit, shown_limit
from ..manual import Manual
from ..model import Money, Role
from ..model.fields import capital
from ..urls import anchor_id
from .tree import Node, table_node, walk


def fill_print_blocks(blocks: list, view: Manual, words: dict[str, str], href: Callable[[str, str], str]) -> None:
    """Replace every ``print`` node in ``blocks`` (in place) with the book's rendering of that block."""
    makers: dict[str, Callable[[], list[Node]]] = {
        "who-decides": lambda: decision_table(view, words, href),
        "knowledge-check": lambda: knowledge_check(view, words),
    }
    for node in walk(blocks):
        for key in ("c", "items"):
            children = node.get(key)
            if isinstance(children, list) and any(_is_print(child) for child in children):
                node[key] = _filled(children, makers)
    if any(_is_print(block) for block in blocks):
        blocks[:] = _filled(blocks, makers)


def _is_print(node: Any) -> bool:
    return isinstance(node, dict) and node.get("t") == "print"


def _filled(nodes: list, makers: dict[str, Callable[[], list[Node]]]) -> list:
    filled: list = []
    for node in nodes:
        filled.extend(makers[node["block"]]() if _is_print(node) else [node])
    return filled


def _cell(*content: Node) -> dict:
    return {"c": list(content)}


def decision_table(view: Manual, words: dict[str, str], href: Callable[[str, str], str]) -> list[Node]:
    """"Who decides?" on paper, from the same decisions the site's helper exports
    (:mod:`deskbook.decisions`): for each kind of request, the first role whose limit covers each amount,
    and beyond the highest limit nobody alone; then the order value above which everything goes to one
    role, and the requests that always go to one place, in the decision's own words."""
    localization = view.localization

    def role_ref(role: Role) -> Node:
        return {"t": "ref", "to": href("role", role.id).lstrip("#"), "c": [role.title]}

    rows: list[list[dict]] = []
    for measure in measures(view):
        request = capital(measure.label)
        if measure.unit == "held":
            holders = [role for role in view.entities("role") if role_limit(view, role, measure) is not None]
            if holders:
                rows.append([_cell(request), _cell(words["yes"]), _cell(role_ref(holders[0]))])
            continue
        highest: Decimal | None = None
        shown_highest = ""
        first = True
        for role in view.entities("role"):
            value = role_limit(view, role, measure)
            if value is None:
                continue
            size = value.amount if isinstance(value, Money) else value
            # A role whose limit is no higher than one before it never decides: the earlier role does.
            if size <= 0 or (highest is not None and size <= highest):
                continue
            shown = shown_limit(localization, measure, value)
            rows.append([_cell(request if first else ""), _cell(shown), _cell(role_ref(role))])
            highest, shown_highest, first = size, shown, False
        # Past the highest limit nobody decides alone; a per cent cannot go past a hundred.
        if highest is not None and not (measure.unit == "percent" and highest >= 100):
            rows.append([_cell(""), _cell(words["more_than"].format(amount=shown_highest)), _cell(words["nobody"])])
    blocks: list[Node] = []
    if rows:
        head = [[_cell(words["asks_for"]), _cell(words["amount"]), _cell(words["who_decides"])]]
        blocks.append(table_node(head, rows))
    routed = []
    for rule in view.entities("routing"):
        role = view.get("role", rule.route_to) if rule.route_to else None
        if rule.when.order_value_over is not None and role is not None:
            blocks.append({"t": "p", "c": [words["order_over"].format(
                amount=localization.money(rule.when.order_value_over), role=role.title)]})
            continue
        if role is not None:
            to: Node = role_ref(role)
        elif rule.chain and (chain := view.get("chain", rule.chain)) is not None:
            to = {"t": "ref", "to": href("chain", chain.id).lstrip("#"), "c": [chain.display_title], "see": "see"}
        else:  # a key account's handler: the decision names who handles each account
            to = " ".join(decide(view, Request(ROUTED + rule.id)).sentences[:1])
        routed.append([_cell(rule.title), _cell(to)])
    if routed:
        blocks.append(table_node([[_cell(words["asks_for"]), _cell(words["send_to"])]], routed))
    return blocks


def knowledge_check(view: Manual, words: dict[str, str]) -> list[Node]:
    """The quiz as a printed exercise: questions with boxes to tick, answers at the back of the book."""
    blocks: list[Node] = [{"t": "p", "c": [words["quiz_intro"]]}]
    for number, question in enumerate(view.entities("question"), start=1):
        blocks.append({"t": "question", "n": number, "q": question.question, "choices": list(question.choices),
                       "id": anchor_id("question", question.id)})
    return blocks
