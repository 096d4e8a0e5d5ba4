"""The order a new hire meets things in: sections as ``manual.yaml`` lists them, entities by their
``order`` and then by title, so "Greeting a customer" comes before "Closing a contact" whatever the
files are called."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from ..manual import Manual
from ..model import Entity
from ..model.sections import SECTION_NAMES

E = TypeVar("E", bound=Entity)


def entity_sort_key(entity: Entity) -> tuple[bool, int, str]:
    return (entity.order is None, entity.order or 0, entity.display_title.casefold())


def in_reading_order(entities: Iterable[E]) -> list[E]:
    return sorted(entities, key=entity_sort_key)


def section_order(manual: Manual) -> list[str]:
    """Section keys: those ``manual.yaml`` names first, in its order, then the rest in the usual order.
    The site's menu and the handbook's chapters both follow it."""
    chosen = list(dict.fromkeys(manual.settings.sections or ()))
    return chosen + [section for section in SECTION_NAMES if section not in chosen]
