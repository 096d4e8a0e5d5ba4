"""Checks on the prose of the YAML: every [[reference]] resolves, and no value is written out by hand.

Both report at the very characters in the file, not at the start of a long text, so a manager sees which
reference or which number is meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from babel.numbers import get_currency_symbol
from pydantic import BaseModel

from .diagnostics import Diagnostics, Location
from .manual import EntityRecord, Manual, SourceDocument
from .model.base import Duration, Entity, Money
from .references import REFERENCE, Resolver, _field_amount, item_key, prose_fields

PROSE = "prose"


def text_location(document: SourceDocument, path: tuple, text: str, start: int, snippet: str) -> Location:
    """Where ``snippet``, found at ``start`` in the text at ``path``, stands in the file.

    Quoting, folding and block indentation change offsets, so the snippet is searched for in the source
    from the value's first character on, skipping as many earlier occurrences as the text has before it.
    """
    mark = document.source_map.value_mark(path)
    lines = document.source_map.lines
    skip = text.count(snippet, 0, start)
    first = mark.line - 1
    if not 0 <= first < len(lines):
        return Location(document.display, mark.line, mark.column)
    key_indent = len(lines[first]) - len(lines[first].lstrip(" "))
    column = mark.column - 1
    for index in range(first, len(lines)):
        line = lines[index]
        if index > first and line.strip() and len(line) - len(line.lstrip(" ")) <= key_indent:
            break
        found = line.find(snippet, column if index == first else 0)
        while found >= 0:
            if skip == 0:
                return Location(document.display, index + 1, found + 1)
            skip -= 1
            found = line.find(snippet, found + 1)
    return Location(document.display, mark.line, mark.column)


def prose_of(manual: Manual) -> Iterator[tuple[SourceDocument, tuple, str]]:
    for document in manual.documents:
        for path, text in prose_fields(document.model):
            yield document, path, text


def check_prose_references(manual: Manual, diagnostics: Diagnostics) -> None:
    """Every [[reference]] in YAML prose names something that exists and has a single value."""
    resolver = Resolver(manual)
    for document, path, text in prose_of(manual):
        if "[[" not in text:
            continue
        _, problems = resolver.segments(text)
        for problem in problems:
            head = REFERENCE.match(problem.reference)
            if head and head.group(1) in manual.incomplete_kinds:
                continue  # its file failed to load and is reported already
            diagnostics.error(text_location(document, path, text, problem.start, problem.reference), problem.message)


# -- values written out by hand ---------------------------------------------------------------------------

@dataclass(frozen=True)
class NamedValue:
    """One value of an entity that prose might repeat: where it is, and the pattern of its literal forms."""

    entity: Entity
    dotted: str  # "rules.window"
    number: int
    unit: str  # "days", "dollars", "percent", "working days", ...

    @property
    def reference(self) -> str:
        return f"[[{self.entity.kind}:{self.entity.id}.{self.dotted}]]"

    @property
    def number_reference(self) -> str:
        return f"[[{self.entity.kind}:{self.entity.id}.{self.dotted}.value]]"




def named_values(entity: Entity) -> list[NamedValue]:
    """The numbers an entity sets that a reference can show: rule values with units, amounts, durations.

    Only values a reference can reach are listed (items of a list are reached by their id)."""
    found: list[NamedValue] = []

    def walk(value: Any, dotted: tuple[str, ...]) -> None:
        if isinstance(value, BaseModel):
            number, unit = getattr(value, "value", None), getattr(value, "unit", None)
            if isinstance(number, int) and not isinstance(number, bool) and isinstance(unit, str) and dotted:
                found.append(NamedValue(entity, ".".join(dotted), number, str(unit)))
                return
            for name in type(value).model_fields:
                item = getattr(value, name)
                amount = _field_amount(type(value), name)
                if amount and isinstance(item, int) and not isinstance(item, bool) and item > 0:
                    found.append(NamedValue(entity, ".".join(dotted + (name,)), item, amount))
                elif isinstance(item, Money) and item.amount > 0 and item.amount == item.amount.to_integral_value():
                    unit = "dollars" if item.currency == "USD" else item.currency
                    found.append(NamedValue(entity, ".".join(dotted + (name,)), int(item.amount), unit))
                else:
                    walk(item, dotted + (name,))
        elif isinstance(value, list):
            for item in value:
                item_id = item_key(item)
                if isinstance(item_id, str) and not isinstance(item, Entity):
                    walk(item, dotted + (item_id,))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Duration) and not item.immediate:
                    found.append(NamedValue(entity, ".".join(dotted + (str(key),)), item.count,
                                            str(item).partition(" ")[2]))

    walk(entity, ())
    return found




def literal_pattern(value: NamedValue) -> re.Pattern:
    """The ways people write a value in a sentence: '30 days', '30-day', '$500', '500 dollars', '10 %'."""
    digits = str(value.number)
    grouped = f"{value.number:,}"
    number = f"(?:{re.escape(grouped)}|{digits})" if grouped != digits else digits
    unit = value.unit.lower()
    if re.fullmatch(r"[A-Z]{3}", value.unit):  # an amount in a currency other than dollars
        symbol = re.escape(get_currency_symbol(value.unit, "en"))
        forms = rf"{symbol}\s?{number}(?![\d,.]*\d)|\b{number}\s?(?:{symbol}|{value.unit}\b)"
    elif unit in ("dollars", "dollar"):
        forms = rf"\$\s?{number}(?![\d,.]*\d)|\b{number}\s+dollars?\b"
    elif unit in ("percent", "%"):
        forms = rf"\b{number}\s?(?:%|percent\b|per cent\b)"
    else:
        singular = re.escape(unit[:-1] if unit.endswith("s") else unit).replace(r"\ ", r"[\s-]+")
        forms = rf"\b{number}[\s-]+{singular}s?\b"
    return re.compile(rf"(?<![\w$.,]){forms}" if not forms.startswith(r"\$") else forms, re.IGNORECASE)


def _without_references(text: str) -> str:
    """The text with every [[reference]] blanked out, offsets kept."""
    return REFERENCE.sub(lambda match: " " * len(match.group(0)), text)


def check_stale_prose(manual: Manual, diagnostics: Diagnostics) -> None:
    """Warn where prose writes out a value of its own entity, or of one it refers to, instead of a reference:
    that sentence would stay old when the value changes."""
    values_by_entity: dict[str, list[NamedValue]] = {}

    def values_of(entity: Entity) -> list[NamedValue]:
        if entity.ref not in values_by_entity:
            values_by_entity[entity.ref] = named_values(entity)
        return values_by_entity[entity.ref]

    # Entities this one refers to, then those that refer to it (a routing rule naming a chain).
    linked: dict[str, list[Entity]] = {}
    for reference in manual.references:
        if reference.source is None:
            continue
        target = manual.get(*reference.target_kind_and_id)
        if target is not None:
            linked.setdefault(reference.source.entity.ref, []).append(target)
    for reference in manual.references:
        target = manual.get(*reference.target_kind_and_id)
        if reference.source is not None and target is not None:
            linked.setdefault(target.ref, []).append(reference.source.entity)

    report = diagnostics.warning
    entity_paths: dict[int, list[tuple]] = {}
    for other in manual.all_records():
        entity_paths.setdefault(id(other.document), []).append(other.path)
    for record in manual.all_records():
        owner = record.entity
        candidates = values_of(owner) + [value for target in linked.get(owner.ref, []) for value in values_of(target)]
        if not candidates:
            continue
        patterns = [(value, literal_pattern(value)) for value in candidates]
        for path, text in prose_fields(owner, record.path):
            if _inside_other_entity(entity_paths[id(record.document)], record, path) or _wrong_choice(
                owner, path[len(record.path):]
            ):
                continue
            searchable = _without_references(text)
            found: dict[int, list[tuple[NamedValue, str]]] = {}
            for value, pattern in patterns:
                for match in pattern.finditer(searchable):
                    found.setdefault(match.start(), []).append((value, match.group(0)))
            for start, matches in sorted(found.items()):
                value, literal = _likeliest(matches, text)
                whose = "" if value.entity is owner else f"{value.entity.ref} "
                fix = value.number_reference if "-" in literal else value.reference
                report(
                    text_location(record.document, path, text, start, literal),
                    f"'{literal}' repeats {whose}{value.dotted}; write {fix} so it follows changes",
                    rule=PROSE,
                )


def _likeliest(matches: list[tuple[NamedValue, str]], text: str) -> tuple[NamedValue, str]:
    """Of several values written the same way, the one whose name the sentence mentions most
    ('orders over $500' is the order threshold, not a gift limit of $500); else the nearest entity."""
    words = set(re.findall(r"[a-z]+", text.lower()))

    def mentioned(match: tuple[NamedValue, str]) -> int:
        name_words = re.findall(r"[a-z]+", match[0].dotted.lower())
        return sum(1 for word in name_words if len(word) > 3 and word.rstrip("s") in {w.rstrip("s") for w in words})

    return max(matches, key=mentioned)


def _wrong_choice(entity: Entity, path: tuple) -> bool:
    """A knowledge check's wrong choices may state other values on purpose; they are not stale prose."""
    answer = getattr(entity, "answer", None)
    return (
        isinstance(answer, int) and len(path) == 2 and path[0] == "choices" and path[1] != answer - 1
    )


def _inside_other_entity(entity_paths: list[tuple], record: EntityRecord, path: tuple) -> bool:
    """Prose of an entity nested in this one (a role inside a list) is judged with its own entity."""
    return any(
        len(other) > len(record.path) and path[: len(other)] == other for other in entity_paths
    )
