"""Turn pydantic's validation errors into messages a manager can act on, at the right line and column."""

from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..load import Mark, SourceMap
from ..load.mistakes import reserved_start
from .base import SLUG_PATTERN

Loc = tuple[Any, ...]


def explain_validation_error(
    error: ValidationError, model: type[BaseModel], source_map: SourceMap
) -> Iterator[tuple[Mark, str]]:
    items = [(item, _clean_loc(item["loc"], source_map, missing=item["type"] == "missing"))
             for item in error.errors(include_url=False)]
    # A value that fails every member of a union fails each in its own words; where one member says what
    # is wrong in Deskbook's words (a duration's hint), "is not one of: not taken" from the keyword member
    # only hides it.
    own_words = {loc for item, loc in items if item["type"] not in _PYDANTIC_UNION_NOISE}
    for item, loc in items:
        if item["type"] in _PYDANTIC_UNION_NOISE and loc in own_words:
            continue
        yield _explain_one(item, loc, model, source_map)


_PYDANTIC_UNION_NOISE = {"literal_error"}


def _clean_loc(loc: Loc, source_map: SourceMap, missing: bool = False) -> Loc:
    # Pydantic adds the names of union members ("int", "constrained-str") and "[key]" markers to locs;
    # keep only the real path through the document. A field may itself be called like a union member
    # ("date", "time"): such a part stays when the document has that key, or when it names the key
    # a "missing" error is about (always the last part).
    cleaned: list[Any] = []
    for index, part in enumerate(loc):
        if part == "[key]":
            cleaned.append(_KEY_MARKER)
            continue
        if isinstance(part, str) and ("[" in part or part in _UNION_MEMBER_NAMES):
            real = tuple(p for p in cleaned if p is not _KEY_MARKER) + (part,)
            is_key = real in source_map.keys or (missing and index == len(loc) - 1)
            if not is_key:
                continue
        cleaned.append(part)
    return tuple(cleaned)


_KEY_MARKER = object()
_UNION_MEMBER_NAMES = {"int", "str", "bool", "float", "date", "none", "constrained-str", "function-after"}


def _path_text(loc: Loc) -> str:
    parts: list[str] = []
    for part in loc:
        if part is _KEY_MARKER:
            continue
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "(top level)"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {getattr(value, 'source', value)}"
    if isinstance(value, str):
        return f"'{value}'" if len(value) < 60 else f"'{value[:57]}...'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _explain_one(item: ErrorDetails, loc: Loc, model: type[BaseModel], source_map: SourceMap) -> tuple[Mark, str]:
    kind = item["type"]
    value = item.get("input")
    key_error = _KEY_MARKER in loc
    path = tuple(part for part in loc if part is not _KEY_MARKER)
    where = _path_text(path)
    mark = source_map.key_mark(path) if key_error else source_map.value_mark(path)

    if kind == "missing" and path:
        parent_mark = source_map.value_mark(path[:-1])
        description = _field_description(model, path)
        hint = f" ({description})" if description else ""
        return parent_mark, f"missing required key '{path[-1]}' in {_path_text(path[:-1])}{hint}"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, path[:-1])
        suggestion = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean '{suggestion[0]}'?" if suggestion else ""
        listing = f" Allowed keys here: {', '.join(allowed)}." if allowed else ""
        return source_map.key_mark(path), f"unknown key '{path[-1]}'{hint}{listing}"
    if kind == "string_type" and path in source_map.flow_lines:
        # `say: {customer_name}, ...` parses as a mapping when nothing follows the closing brace.
        quoting = reserved_start(source_map.flow_lines[path], mark.line, mark.column)
        if quoting is not None:
            return Mark(quoting.line, quoting.column), f"{where}: {quoting.message}"
    if kind == "string_type":
        hint = "; quote it" if isinstance(value, (bool, int, float)) or value is None else ""
        return mark, f"{where}: expected text, got {_describe(value)}{hint}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return mark, f"{where}: expected a whole number, got {_describe(value)}{_number_hint(value)}"
    if kind in ("float_type", "float_parsing"):
        return mark, f"{where}: expected a number, got {_describe(value)}{_number_hint(value)}"
    if kind == "bool_type":
        hint = ""
        if isinstance(value, str) and value.lower() in {"yes", "no", "on", "off", "y", "n"}:
            hint = f" ('{value}' is a boolean only in old YAML 1.1; write true or false)"
        return mark, f"{where}: expected true or false, got {_describe(value)}{hint}"
    if kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        options = re.findall(r"'([^']*)'", expected)
        suggestion = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"; did you mean '{suggestion[0]}'?" if suggestion else ""
        return mark, f"{where}: {_describe(value)} is not one of: {', '.join(options)}{hint}"
    if kind == "string_pattern_mismatch":
        pattern = item.get("ctx", {}).get("pattern", "")
        if pattern == SLUG_PATTERN:
            return mark, (
                f"{where}: {_describe(value)} is not a valid id; use lowercase letters, digits and single "
                f"hyphens, like '{slugify(str(value))}'"
            )
        if ":" in pattern and "[a-z-]+" in pattern:
            return mark, f"{where}: {_describe(value)} is not a reference; write kind:id, like 'policy:refunds'"
        description = _field_description(model, path)
        return mark, f"{where}: {_describe(value)} does not have the expected form" + (
            f" ({description})" if description else ""
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return mark, f"{where}: expected a mapping of keys to values, got {_describe(value)}"
    if kind == "list_type":
        return mark, f"{where}: expected a list (lines starting with '- '), got {_describe(value)}"
    if kind == "too_short":
        minimum = item.get("ctx", {}).get("min_length", 1)
        return mark, f"{where}: needs at least {minimum} item{'s' if minimum != 1 else ''}"
    if kind == "too_long":
        maximum = item.get("ctx", {}).get("max_length")
        return mark, f"{where}: has too many items; at most {maximum}"
    if kind in ("date_type", "date_from_datetime_inexact", "date_parsing"):
        return mark, f"{where}: expected a date written YYYY-MM-DD, got {_describe(value)}"
    if kind in ("amount", "duration"):
        return mark, f"{where}: {item['msg']}"
    if kind == "value_error":
        message = str(item.get("ctx", {}).get("error", item["msg"]))
        return mark, f"{where}: {message}"
    message = item["msg"]
    message = message[0].lower() + message[1:] if message else message
    return mark, f"{where}: {message}, got {_describe(value)}"


def _number_hint(value: Any) -> str:
    if isinstance(value, str):
        stripped = value.strip()
        if re.fullmatch(r"0[0-9]+", stripped):
            return (
                f" (a leading zero is ambiguous: old YAML reads {stripped} as an octal number); "
                f"write {int(stripped)}"
            )
        if stripped[:1] and unicodedata.category(stripped[0]) == "Sc" and re.fullmatch(r".\s*[0-9][0-9,]*", stripped):
            return f"; write {re.sub(r'[^0-9]', '', stripped)} without the currency sign or commas"
        if re.fullmatch(r"[0-9]+\s*%", stripped):
            return f"; write {stripped.rstrip('% ')} without the % sign"
        if re.fullmatch(r"[0-9]+:[0-9]+", stripped):
            return " (old YAML reads this as a base-60 number)"
        if re.fullmatch(r"[0-9][0-9,]*", stripped):
            return f"; write {stripped.replace(',', '')} without commas"
    if isinstance(value, float):
        return "; write a whole number"
    return ""


def heading_anchor(text: str, separator: str) -> str:
    """Python-Markdown's heading anchor of the transliterated title: the same anchors as before for English
    ("it-s" would break links to "#its"), letters instead of nothing for other scripts."""
    # Imported here: only the site's headings need them, and importing Markdown cost every check ~30 ms.
    from anyascii import anyascii
    from markdown.extensions.toc import slugify as markdown_slugify

    return markdown_slugify(anyascii(text), separator)


def slugify(text: str, separator: str = "-") -> str:
    """An id from a title in any script, transliterated by anyascii (a maintained table per Unicode block):
    'Sandnessjøen Ålesund' -> 'sandnessjoen-alesund', 'あいさつ' -> 'aisatsu', 'سياسة' -> 'sysh'."""
    from anyascii import anyascii  # only an error's hint needs it

    slug = re.sub(r"[^a-z0-9]+", separator, anyascii(text).lower()).strip(separator)
    return slug or "my-id"


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated, Optional and unions down to the model or container inside."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = members[0] if len(members) == 1 else annotation
            if len(members) != 1:
                return annotation
            continue
        return annotation


def _model_at(model: type[BaseModel], path: Loc) -> Any:
    current: Any = model
    for part in path:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(part, int) and origin in (list, tuple):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return None
    return _unwrap(current)


def _allowed_keys(model: type[BaseModel], path: Loc) -> list[str]:
    target = _model_at(model, path)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _field_description(model: type[BaseModel], path: Loc) -> str | None:
    if not path:
        return None
    parent = _model_at(model, path[:-1])
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        field = next((info for name, info in parent.model_fields.items() if path[-1] in (name, info.alias)), None)
        if field is not None:
            return field.description
    return None
