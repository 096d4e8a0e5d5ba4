"""Data for the "Who decides?" helper on the escalation page: the decision table of
:mod:`deskbook.decisions` and what the page shows around an answer (role titles, chains with their links
and scripts), as one JSON block the page carries, so the answer is looked up in the browser with no
network, also from a folder (file://)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..decisions import decision_table
from ..manual import Manual
from .reading_order import in_reading_order


def who_decides_data(manual: Manual, href: Callable[[str, str], str]) -> dict[str, Any]:
    """Everything the helper needs; ``href(kind, id)`` links from the escalation page."""
    return {
        # The service levels go to the response-times page's "How fast must I answer?" helper instead.
        "table": {key: value for key, value in decision_table(manual).items() if key != "serviceLevels"},
        "roles": {role.id: role.title for role in manual.entities("role")},
        "chains": {chain.id: _chain(manual, chain, href) for chain in manual.entities("chain")},
    }


def _chain(manual: Manual, chain, href) -> dict[str, Any]:
    scripts = in_reading_order(
        script for script in manual.entities("script") if getattr(script, "escalates_to", None) == chain.id
    )
    return {
        "title": chain.display_title,
        "href": href("chain", chain.id),
        "scripts": [{"title": script.title, "href": href("script", script.id)} for script in scripts],
    }
