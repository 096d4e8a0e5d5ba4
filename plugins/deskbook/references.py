"""Values by reference: ``[[policy:refunds.rules.window]]`` in any text, shown with the current value.

One syntax for hand-written pages and for every prose field of the YAML:

- ``[[kind:id]]`` names an entity (its title; a link where the output has links);
- ``[[kind:id.field]]`` or ``[[kind:id.field.sub]]`` shows a value: a policy rule (``rules.<rule id>``)
  shows its value and unit ("30 days"), an amount shows its sign ("$500", "10%");
- ``[[var:name]]`` a value from variables.yaml; ``[[company.field]]`` a company field.

:func:`resolve` is the one pure function over the Manual that turns a text into segments (plain text and
links); the site and the printed books both render from it, so a changed value cannot stay old in one
of them. :func:`resolved_manual` gives the outputs a Manual whose prose already carries those segments.
Values are looked up, never evaluated, and never parsed as markup by any output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from markupsafe import Markup, escape
from pydantic import BaseModel

from .limits import Suggestions
from .locale import Localization
from .manual import Manual, _annotation_layers, index_manual
from .model.base import Amount, Duration, Money, Prose
from .model.escalation import Limit
from .model.quantity import Quantity

REFERENCE = re.compile(r"\[\[\s*([a-z][a-z0-9_-]*)(?::([a-z0-9_-]+))?((?:\.[a-z0-9_-]+)*)\s*\]\]")
LEFTOVER = re.compile(r"\[\[[^\]\n]*\]\]")
_MAX_DEPTH = 8  # a value that refers to a value that refers ... ; deeper means a circle


@dataclass(frozen=True)
class Link:
    """A reference to a whole entity: shown as its title, linked where the output can link."""

    kind: str
    id: str
    text: str


@dataclass(frozen=True)
class Value:
    """A looked-up value: text that outputs show as it is, never as markup."""

    text: str


Segment = str | Value | Link
"""Author's text (Markdown in a Markdown field), a value, or a link."""


@dataclass(frozen=True)
class ReferenceProblem:
    start: int  # offset of the reference in the text
    reference: str
    message: str


class UnknownReference(LookupError):
    pass


@cache
def _field_amount(model: type[BaseModel], name: str) -> str | None:
    info = model.model_fields[name]
    layers = [info.annotation, *info.metadata]
    for layer in layers:
        if isinstance(layer, Amount):
            return layer.unit
        for candidate in _annotation_layers(layer):
            if typing.get_origin(candidate) is typing.Annotated:
                for meta in candidate.__metadata__:
                    if isinstance(meta, Amount):
                        return meta.unit
    return None


def item_key(item: Any) -> str | None:
    """How a reference names an item of a list: its id, or its kind for a typed limit (``limits.credit``)."""
    if isinstance(item, BaseModel):
        fields = type(item).model_fields
        if "id" in fields:
            return str(vars(item)["id"])
        if "kind" in fields:
            return str(vars(item)["kind"])
    return None


def _value_text(value: Any, amount: str | None, words: Localization) -> str:
    if isinstance(value, Limit):
        return value.summary(words)
    if isinstance(value, Money):
        return words.money(value)
    if isinstance(value, Duration):
        return words.duration(value)
    if amount == "percent" and isinstance(value, int) and not isinstance(value, bool):
        return words.percent(value)
    if isinstance(value, Quantity):
        if value.kind == "reference":
            raise TypeError("a reference itself; name the value it takes")
        return words.quantity(value)
    if isinstance(value, BaseModel):
        rule_value = getattr(value, "value", None)
        if isinstance(rule_value, Quantity):
            return _value_text(rule_value, None, words)
        for name in ("title", "name", "text", "term"):
            if isinstance(getattr(value, name, None), str):
                return getattr(value, name)
        raise TypeError("not a single value")
    if isinstance(value, bool):
        return words.gettext("yes") if value else words.gettext("no")
    if isinstance(value, (list, dict)):
        raise TypeError("a list, not a single value")
    if isinstance(value, dt.date):
        return words.date(value)  # "March 1, 2027", "1. März 2027": as every date Deskbook writes
    if value is None:
        raise TypeError("empty here")
    if amount == "percent" and isinstance(value, int):
        return words.percent(value)
    return str(value)


def _lookup(value: Any, parts: list[str]) -> tuple[Any, str | None]:
    """The value at ``parts`` inside ``value``, and the amount unit of the field it came from."""
    amount = None
    for part in parts:
        if isinstance(value, BaseModel):
            if part not in type(value).model_fields:
                raise KeyError(part)
            amount = _field_amount(type(value), part)
            value = getattr(value, part)
            if isinstance(value, Quantity) and part == "value" and part is parts[-1]:
                # "[[...window.value]]": the bare number, for sentences like "a 30-day window".
                if value.kind == "reference" or value.is_range:
                    raise KeyError(part)
                value = int(value.low) if value.low == value.low.to_integral_value() else value.low
            continue
        if isinstance(value, list):
            match = next((item for item in value if item_key(item) == part), None)
            if match is None:
                raise KeyError(part)
            value, amount = match, None
            continue
        if isinstance(value, dict) and part in value:
            value = value[part]
            continue
        if isinstance(value, Duration) and not value.immediate and part in ("value", "unit"):
            # "24 hours" read as a number and a unit, for sentences like "a [[...email.value]]-hour target".
            value = value.count if part == "value" else str(value).partition(" ")[2]
            continue
        if isinstance(value, Money) and part == "value":
            value = int(value.amount) if value.amount == value.amount.to_integral_value() else value.amount
            continue
        raise KeyError(part)
    return value, amount




class Resolver:
    """Looks references up in one Manual (the raw, checked one) and remembers nothing else."""

    def __init__(self, manual: Manual, suggestions: Suggestions | None = None):
        self.manual = manual
        # One bounded "did you mean" per run: thousands of unknown references must not compare every pair.
        self.suggestions = suggestions or Suggestions()

    def segments(self, text: str, _depth: int = 0) -> tuple[list[Segment], list[ReferenceProblem]]:
        """``text`` as plain strings and links, every reference replaced; and what could not be."""
        pieces: list[Segment] = []
        problems: list[ReferenceProblem] = []
        position = 0
        for match in REFERENCE.finditer(text):
            pieces.append(text[position:match.start()])
            position = match.end()
            try:
                found = self._one(match, _depth)
            except UnknownReference as exc:
                problems.append(ReferenceProblem(match.start(), match.group(0),
                                                 f"unknown reference {match.group(0)}: {exc}"))
                pieces.append(match.group(0))
                continue
            except TypeError as exc:
                problems.append(ReferenceProblem(match.start(), match.group(0), f"reference {match.group(0)} is {exc}"))
                pieces.append(match.group(0))
                continue
            pieces.extend(found)
        pieces.append(text[position:])
        for match in LEFTOVER.finditer(text):
            if not REFERENCE.fullmatch(match.group(0)):
                problems.append(ReferenceProblem(
                    match.start(), match.group(0),
                    f"{match.group(0)} is not a reference; write [[kind:id]], [[kind:id.field]] or [[var:name]] "
                    "in lowercase",
                ))
        problems.sort(key=lambda problem: problem.start)
        return _merged(pieces), problems

    def reference(self, match: re.Match) -> list[Segment]:
        """What one :data:`REFERENCE` match stands for; raises UnknownReference or TypeError."""
        return self._one(match, 0)

    def _one(self, match: re.Match, depth: int) -> list[Segment]:
        head, entity_id, dotted = match.group(1), match.group(2), match.group(3)
        parts = [part for part in dotted.split(".") if part]
        if head == "var" and entity_id and not parts:
            values = self.manual.variables.values
            name = entity_id if entity_id in values else entity_id.replace("-", "_")
            if name not in values:
                guess = self.suggestions.closest(name, "var", values)
                hint = f"; did you mean [[var:{guess}]]?" if guess else ""
                raise UnknownReference(f"no variable '{entity_id}'{hint}")
            return self._nested(values[name], depth, Value)
        if head == "company" and entity_id is None:
            try:
                value, amount = _lookup(self.manual.company, parts)
            except KeyError as exc:
                raise UnknownReference(f"'{exc.args[0]}' is not known there") from None
            return self._nested(_value_text(value, amount, self.manual.localization), depth, Value)
        if entity_id is None:
            raise UnknownReference(f"'{head}' is not known there; write [[kind:id]] or [[var:name]]")
        if head not in self.manual.records and head not in _known_kinds():
            guess = self.suggestions.closest(head, "kinds", _known_kinds())
            hint = f"; did you mean [[{guess}:{entity_id}{dotted}]]?" if guess else ""
            raise UnknownReference(f"unknown kind '{head}'{hint}")
        entity = self.manual.get(head, entity_id)
        if entity is None:
            guess = self.suggestions.closest(entity_id, head, self.manual.records.get(head, {}), 0.5)
            hint = f"; did you mean [[{head}:{guess}{dotted}]]?" if guess else ""
            raise UnknownReference(f"no {head} with id '{entity_id}'{hint}")
        if not parts:
            return [Link(head, entity_id, "".join(_plain(self._nested(entity.display_title, depth, Value))))]
        try:
            value, amount = _lookup(entity, parts)
        except KeyError as exc:
            raise UnknownReference(f"'{exc.args[0]}' is not known there") from None
        return self._nested(_value_text(value, amount, self.manual.localization), depth, Value)

    def quantity(self, value: Quantity) -> Quantity:
        """The value a ``[[...]]`` rule value names, typed; raises UnknownReference or TypeError."""
        if value.kind != "reference":
            return value
        match = REFERENCE.fullmatch(value.reference)
        if match is None or match.group(2) is None or not match.group(3):
            raise UnknownReference("a rule's value can name a field, like [[role:rep.authority.max_refund]]")
        entity = self.manual.get(match.group(1), match.group(2))
        if entity is None:
            self._one(match, 0)  # raises with its "did you mean"
            raise UnknownReference(f"no {match.group(1)} with id '{match.group(2)}'")
        try:
            found, amount = _lookup(entity, [part for part in match.group(3).split(".") if part])
        except KeyError as exc:
            raise UnknownReference(f"'{exc.args[0]}' is not known there") from None
        if isinstance(found, Quantity):
            return self.quantity(found)
        if isinstance(found, Money):
            return Quantity("money", found.amount, None, found.currency)
        if isinstance(found, Duration) and not found.immediate:
            return Quantity("duration", Decimal(found.count), None, found.unit)
        if amount == "percent" and isinstance(found, int) and not isinstance(found, bool):
            return Quantity("percent", Decimal(found))
        raise TypeError("not an amount, a time or a percentage, so it cannot be a rule's value")

    def _nested(self, text: str, depth: int, wrap: Callable[[str], Value]) -> list[Segment]:
        """A looked-up text may hold references of its own; a circle of them is an error, not a hang."""
        if "[[" not in text:
            return [wrap(text)]
        if depth >= _MAX_DEPTH:
            raise TypeError("part of a circle of references that never ends in a value")
        segments, problems = self.segments(text, depth + 1)
        if problems:
            raise TypeError(problems[0].message.removeprefix("unknown reference ").removeprefix("reference "))
        return [segment if isinstance(segment, Link) else wrap("".join(_plain([segment]))) for segment in segments]


@lru_cache(maxsize=1)
def _known_kinds() -> list[str]:
    from .model import KINDS

    return list(KINDS)


def _merged(pieces: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif piece != "":
            merged.append(piece)
    return merged


def _plain(segments: list[Segment]) -> Iterator[str]:
    for segment in segments:
        yield segment if isinstance(segment, str) else segment.text


def resolve(text: str, manual: Manual) -> list[Segment]:
    """``text`` with every reference replaced by the current value: plain strings and links.

    References were checked by ``check``; one that cannot be resolved stays as written.
    """
    return Resolver(manual).segments(text)[0]


def plain(segments: list[Segment]) -> str:
    return "".join(_plain(segments))


# -- what the site can link from anywhere ------------------------------------------------------------------

LinkBuilder = Callable[[str, str], str]
# A context variable, not a global: print data for several editions may be built in threads at once.
_link_builder: ContextVar[LinkBuilder | None] = ContextVar("deskbook_link_builder", default=None)


class linking:
    """While rendering one page, links in resolved text point from that page (relative, so the site works
    from a folder). Outside it, a referenced entity is shown by its title only."""

    def __init__(self, href: LinkBuilder):
        self.href = href

    def __enter__(self) -> None:
        self._token = _link_builder.set(self.href)

    def __exit__(self, *exc: Any) -> None:
        _link_builder.reset(self._token)


def segments_html(segments: list[Segment]) -> Markup:
    href = _link_builder.get()
    html = []
    for segment in segments:
        if isinstance(segment, Link):
            if href is None:
                html.append(str(escape(segment.text)))
            else:
                html.append(str(Markup('<db-ref href="{}" kind="{}">{}</db-ref>').format(
                    href(segment.kind, segment.id), segment.kind, segment.text)))
        else:
            html.append(str(escape(segment if isinstance(segment, str) else segment.text)))
    return Markup("".join(html))


def render_with_values(segments: list[Segment], render: Callable[[str], str]) -> Markup:
    """Render the author's text with ``render`` (Markdown, sanitised) and put values and links in after,
    escaped, so a value is never read as Markdown or HTML. Each value stands in as a plain-letter token
    that Markdown leaves alone."""
    authored = "".join(segment for segment in segments if isinstance(segment, str))
    nonce = 0
    while f"dbkv{nonce}x" in authored:
        nonce += 1
    tokens: dict[str, Segment] = {}
    source = []
    for segment in segments:
        if isinstance(segment, str):
            source.append(segment)
        else:
            token = f"dbkv{nonce}x{len(tokens)}z"
            tokens[token] = segment
            source.append(token)
    html = render("".join(source))
    for token, segment in tokens.items():
        html = html.replace(token, str(segments_html([segment])))
    return Markup(html)


class ResolvedText(str):
    """Prose with its references resolved: as a ``str`` it is the plain text with the current values, so
    every output that reads it as text (the books, the search index, titles) shows them; Jinja's
    autoescape uses ``__html__``, which links referenced entities. ``source`` is the text as written."""

    source: str
    segments: tuple[Segment, ...]

    def __new__(cls, source: str, segments: list[Segment]) -> ResolvedText:
        text = super().__new__(cls, "".join(_plain(segments)))
        text.source = source
        text.segments = tuple(segments)
        return text

    def __html__(self) -> str:
        return str(segments_html(list(self.segments)))


def resolved_manual(manual: Manual) -> Manual:
    """The same Manual with every prose field that holds references resolved (see :class:`ResolvedText`)."""
    resolver = Resolver(manual)
    changed = False

    def walk(value: Any) -> Any:
        nonlocal changed
        if isinstance(value, Quantity) and value.kind == "reference":
            changed = True
            try:
                return resolver.quantity(value)
            except (UnknownReference, TypeError):
                return value  # check reports it at its line
        if isinstance(value, str):
            if "[[" not in value:
                return value
            changed = True
            return ResolvedText(value, resolver.segments(value)[0])
        if isinstance(value, BaseModel):
            updates = {}
            for name in type(value).model_fields:
                item = getattr(value, name)
                new = walk(item)
                if new is not item:
                    updates[name] = new
            return value.model_copy(update=updates) if updates else value
        if isinstance(value, list):
            items = [walk(item) for item in value]
            return items if any(new is not old for new, old in zip(items, value, strict=True)) else value
        if isinstance(value, dict):
            entries = {key: walk(item) for key, item in value.items()}
            return entries if any(entries[key] is not value[key] for key in value) else value
        return value

    documents = [dataclasses.replace(document, model=walk(document.model)) for document in manual.documents]
    if not changed:
        return manual
    return index_manual(Manual(manual.content_dir, documents, incomplete_kinds=manual.incomplete_kinds))


# -- where prose stands in the YAML -------------------------------------------------------------------------

@cache
def _prose_fields(model: type[BaseModel]) -> dict[str, bool]:
    """Field name -> whether it holds prose (Text or Markdown, alone, in a list or as dict values)."""
    fields = {}
    for name, info in model.model_fields.items():
        layers = [info.annotation, *info.metadata]
        fields[name] = any(isinstance(layer, Prose) for layer in layers) or any(
            isinstance(meta, Prose)
            for layer in layers
            for candidate in _all_layers(layer)
            if typing.get_origin(candidate) is typing.Annotated
            for meta in candidate.__metadata__
        )
    return fields


def _all_layers(annotation: Any) -> Iterator[Any]:
    for candidate in _annotation_layers(annotation):
        yield candidate
        if typing.get_origin(candidate) in (list, tuple, dict):
            for argument in typing.get_args(candidate):
                yield from _all_layers(argument)


def prose_fields(model: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every prose text inside ``model`` with its path in the document."""
    for name, is_prose in _prose_fields(type(model)).items():
        value = getattr(model, name)
        yield from _prose_values(value, path + (name,), is_prose)


def _prose_values(value: Any, path: tuple, is_prose: bool) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        if is_prose:
            yield path, value
    elif isinstance(value, BaseModel):
        yield from prose_fields(value, path)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _prose_values(item, path + (index,), is_prose)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _prose_values(item, path + (key,), is_prose)
