"""What a field is, read from the model itself: its label, its description and its type.

Every field of every content model declares ``Field(title=N_("refund up to"), description="...")``. The
title is the label readers see: an English msgid, translated where it is shown and given a capital where
it starts a line or a cell. The description is what editors show on hover (the JSON Schemas). The type says
how a value is written out (an amount, a duration, a date, a reference to a role). ``diff``, the templates
and the desk card ask here instead of keeping tables of field names.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..locale import Localization
from .base import Amount, Choices, Duration, Money, RefTo
from .quantity import Quantity


def field_info(model: type[BaseModel] | BaseModel, name: str) -> FieldInfo:
    """The declaration of ``name`` on ``model``; a KeyError names the field and the model."""
    model_class = model if isinstance(model, type) else type(model)
    try:
        return model_class.model_fields[name]
    except KeyError:
        raise KeyError(f"{model_class.__name__} has no field '{name}'") from None


def label(model: type[BaseModel] | BaseModel, name: str, words: Localization) -> str:
    """The field's label in the manual's language, with a capital: "Refund up to", "Erstattung bis"."""
    title = field_info(model, name).title
    if title is None:
        raise KeyError(f"{(model if isinstance(model, type) else type(model)).__name__}.{name} has no title")
    return capital(words.gettext(title))


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class FieldType:
    """A field's type with the Optional and Annotated wrappers taken off, and the markers they carried."""

    annotation: Any
    markers: tuple[Any, ...] = ()

    @property
    def reference(self) -> RefTo | None:
        return next((marker for marker in self.markers if isinstance(marker, RefTo)), None)

    @property
    def is_percent(self) -> bool:
        return any(isinstance(marker, Amount) and marker.unit == "percent" for marker in self.markers)

    @property
    def choice_names(self) -> dict[str, str]:
        """What readers call each keyword of a field of fixed keywords (channels, statuses), else nothing."""
        return next((marker.names for marker in self.markers if isinstance(marker, Choices)), {})

    @property
    def is_quantity(self) -> bool:
        """An amount of money, a time or a percentage: a limit or a window staff keep to."""
        return self.annotation in (Money, Duration) or self.is_percent

    @property
    def item(self) -> FieldType | None:
        """What a list holds, or a mapping's values."""
        if get_origin(self.annotation) in (list, tuple):
            return unwrap(get_args(self.annotation)[0])
        if get_origin(self.annotation) is dict:
            return unwrap(get_args(self.annotation)[1])
        return None

    @property
    def key(self) -> FieldType | None:
        return unwrap(get_args(self.annotation)[0]) if get_origin(self.annotation) is dict else None

    @property
    def model(self) -> type[BaseModel] | None:
        return self.annotation if isinstance(self.annotation, type) and issubclass(self.annotation, BaseModel) else None


def unwrap(annotation: Any, markers: tuple[Any, ...] = ()) -> FieldType:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            markers = markers + tuple(annotation.__metadata__)
            annotation = get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            arms = [arm for arm in get_args(annotation) if arm is not type(None)]
            if len(arms) == 1:
                annotation = arms[0]
                continue
        return FieldType(annotation, markers)


def type_of(model: type[BaseModel], name: str) -> FieldType:
    info = field_info(model, name)
    return unwrap(info.annotation, tuple(info.metadata))


@dataclass(frozen=True)
class PathStep:
    """One part of a path into a model's data (as ``diff`` flattens it) and what the model says it is.

    ``part`` is a field name, ``[key]`` (a list item known by its id or kind), ``#n`` (a list item by
    position) or a mapping's key. ``owner`` is the model declaring the field a field-name part names."""

    part: str
    owner: type[BaseModel] | None
    type: FieldType | None


def walk(model: type[BaseModel], path: tuple[str, ...]) -> list[PathStep]:
    """The steps of ``path`` into ``model``, each with its declaration; parts the model does not know (data
    from another revision's model) get none, and so do the parts under them."""
    steps = []
    current: FieldType | None = FieldType(model)
    for part in path:
        owner = current.model if current is not None else None
        if owner is not None and part in owner.model_fields:
            current = type_of(owner, part)
            steps.append(PathStep(part, owner, current))
            continue
        current = current.item if current is not None else None
        steps.append(PathStep(part, None, current))
    return steps


def value_at(data: Any, path: tuple[str, ...]) -> Any:
    """The typed value (a Money, a Duration, a date, an id) a flattened path points at in a model."""
    for part in path:
        if data is None:
            return None
        if isinstance(data, BaseModel):
            data = getattr(data, part, None)
        elif isinstance(data, (list, tuple)):
            data = item_at(data, part)
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def item_at(items: list[Any] | tuple[Any, ...], part: str) -> Any:
    if part.startswith("#") and part[1:].isdigit():
        position = int(part[1:]) - 1
        return items[position] if 0 <= position < len(items) else None
    if part.startswith("[") and part.endswith("]"):
        key = part[1:-1]
        return next((item for item in items if getattr(item, "id", None) == key), None) or next(
            (item for item in items if getattr(item, "kind", None) == key), None)
    return None


def written(value: Any, words: Localization, field_type: FieldType | None = None) -> str | None:
    """A typed value the way the manual's language writes it ("$1,500", "2 Werktage", "1. März 2026",
    "Live chat" for ``chat``); None for text and numbers, which are shown as written."""
    if isinstance(value, bool):
        return words.gettext("yes") if value else words.gettext("no")
    if isinstance(value, Money):
        return words.money(value)
    if isinstance(value, Duration):
        return words.duration(value)
    if isinstance(value, Quantity) and value.kind != "reference":
        return words.quantity(value)
    if isinstance(value, dt.date):
        return words.date(value)
    if field_type is not None and field_type.is_percent and isinstance(value, int):
        return words.percent(value)
    if field_type is not None and isinstance(value, str) and value in field_type.choice_names:
        return words.gettext(field_type.choice_names[value])
    return None
