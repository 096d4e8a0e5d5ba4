"""The order a new hire meets things in: sections as ``manual.yaml`` lists them, entities by their
``order`` and then by title, so "Greeting a customer" comes before "Closing a contact" whatever the
files are called."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from ..manual import Manual
from ..model import Entity
from ..model.manual_settings import READING_ORDER

E = TypeVar("E", bound=Entity)


def entity_sort_key(entity: Entity) -> tuple[bool, int, str]:
    return (entity.order is None, entity.order or 0, entity.display_title.casefold())


def in_reading_order(entities: Iterable[E]) -> list[E]:
    return sorted(entities, key=entity_sort_key)


def section_order(manual: Manual) -> list[str]:
    """Section keys: those ``manual.yaml`` names first, in its order, then the rest in the usual order."""
    chosen = list(dict.fromkeys(manual.settings.sections or ()))
    return chosen + [section for section in READING_ORDER if section not in chosen]
