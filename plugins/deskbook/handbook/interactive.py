"""What the book prints where the site has an interactive block: made from the Manual, never from the
block's HTML (a form's labels read as a paragraph of words on paper).

A site template marks such a block in print mode with ``<deskbook-print block="name">``; :mod:`.tree`
keeps it as a ``print`` node, and :func:`fill_print_blocks` puts the blocks made here in its place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..manual import Manual
from ..model.escalation import Authority
from ..model.fields import capital
from ..site.who_decides import who_decides_data
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
    """"Who decides?" on paper: for each request a rep measures against the authority matrix, the first
    role whose limit covers each amount (as the site's helper answers), and beyond the highest limit, the
    chain; then the requests that always go to one place, and the order value above which everything does."""
    helper = who_decides_data(view, href)
    roles = {role["id"]: role for role in helper["roles"]}

    def role_ref(role_id: str) -> Node:
        role = roles.get(role_id)
        if role is None:
            return ""
        return {"t": "ref", "to": role["href"].lstrip("#"), "c": [role["title"]]}

    rows: list[list[dict]] = []
    for measured in helper["measured"]:
        request = capital(view.localization.gettext(Authority.model_fields[measured["limit"]].title or ""))
        highest: float | None = None
        shown_highest = ""
        first = True
        for role in helper["roles"]:
            limit = role["limits"][measured["limit"]]
            # A role whose limit is no higher than one before it never decides: the earlier role does.
            if limit is None or (highest is not None and limit <= highest) or limit <= 0:
                continue
            rows.append([_cell(request if first else ""), _cell(role["shown"][measured["limit"]]),
                         _cell(role_ref(role["id"]))])
            highest, shown_highest, first = limit, role["shown"][measured["limit"]], False
        # Past the highest limit nobody decides alone; a per cent cannot go past a hundred.
        if highest is not None and not (measured["unit"] == "percent" and highest >= 100):
            rows.append([_cell(""), _cell(words["more_than"].format(amount=shown_highest)), _cell(words["nobody"])])
    blocks: list[Node] = []
    if rows:
        head = [[_cell(words["asks_for"]), _cell(words["amount"]), _cell(words["who_decides"])]]
        blocks.append(table_node(head, rows))
    for threshold in helper["thresholds"]:
        if threshold["role"] in roles:
            blocks.append({"t": "p", "c": [words["order_over"].format(amount=threshold["shown"],
                                                                        role=roles[threshold["role"]]["title"])]})
    chains = {chain["id"]: chain for chain in helper["chains"]}
    routed = []
    for rule in helper["routed"]:
        if rule["role"]:
            to: Node = role_ref(rule["role"])
        elif rule["chain"] in chains:
            chain = chains[rule["chain"]]
            to = {"t": "ref", "to": chain["href"].lstrip("#"), "c": [chain["title"]], "see": "see"}
        else:
            to = words["account_executive"]
        routed.append([_cell(rule["title"]), _cell(to)])
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
