"""How a content kind appears on the printed desk card without Typst or print code of its own.

A settings file that declares a ``card_part`` in the registry gives the card titled lists of rows
(its model's ``desk_card(manual, day)``, given the Manual as the card's audience sees it); ``desk-card.typ``
lays every such list out the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class CardRow:
    label: str  # printed bold: "Customer care line"
    value: str = ""  # on the next line: "+1 555 0142 300"
    note: str = ""  # under it, in a lighter colour: "Every day, 08:00 to 20:00"


@dataclass(frozen=True)
class CardList:
    """A heading over rows, and an optional closing line ("All hours are Europe/Berlin time")."""

    title: str
    rows: tuple[CardRow, ...]
    note: str = ""


@runtime_checkable
class CardSource(Protocol):
    """A settings model with a ``card_part``: its lists for the card, given the Manual and the printed day."""

    def desk_card(self, manual: Any, day: dt.date) -> list[CardList]: ...
