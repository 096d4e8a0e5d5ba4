"""A small, safe reference syntax for hand-written pages: ``[[policy:refunds.rules.window]]``.

Forms:

- ``[[kind:id]]`` links to the entity, with its title as the text;
- ``[[kind:id.field]]`` or ``[[kind:id.field.sub]]`` shows a value (a policy rule is ``rules.<rule id>``
  and shows its value and unit, like "30 days");
- ``[[var:name]]`` shows a value from variables.yaml;
- ``[[company.field]]`` shows a company field (``[[company.name]]``).

Values are looked up, never evaluated, and inserted escaped. An unknown name is an error with its line
and column, so a renamed policy cannot leave a silently wrong sentence behind.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable

from markupsafe import escape
from pydantic import BaseModel

from ..manual import Manual

REFERENCE = re.compile(r"\[\[\s*([a-z][a-z0-9_-]*)(?::([a-z0-9_-]+))?((?:\.[a-z0-9_-]+)*)\s*\]\]")
LEFTOVER = re.compile(r"\[\[[^\]\n]*\]\]")


@dataclass(frozen=True)
class ReferenceProblem:
    line: int
    column: int
    message: str


def _lookup(value: Any, parts: list[str]) -> Any:
    for part in parts:
        if isinstance(value, BaseModel):
            if isinstance(value, BaseModel) and part in type(value).model_fields:
                value = getattr(value, part)
                continue
            raise KeyError(part)
        if isinstance(value, list):
            match = next((item for item in value if getattr(item, "id", None) == part), None)
            if match is None:
                raise KeyError(part)
            value = match
            continue
        if isinstance(value, dict) and part in value:
            value = value[part]
            continue
        raise KeyError(part)
    return value


def _as_text(value: Any) -> str:
    if isinstance(value, BaseModel):
        rule_value = getattr(value, "value", None)
        if rule_value is not None:
            unit = getattr(value, "unit", None)
            return f"{rule_value} {unit}" if unit else str(rule_value)
        for name in ("title", "name", "text", "term"):
            if isinstance(getattr(value, name, None), str):
                return getattr(value, name)
        raise TypeError("not a single value")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, dict)):
        raise TypeError("a list, not a single value")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def expand_references(
    markdown: str, manual: Manual, link: Callable[[str, str], str]
) -> tuple[str, list[ReferenceProblem]]:
    """Replace every reference in ``markdown``; ``link(kind, id)`` gives the href of an entity."""
    problems: list[ReferenceProblem] = []

    def replace(match: re.Match) -> str:
        head, entity_id, dotted = match.group(1), match.group(2), match.group(3)
        parts = [part for part in dotted.split(".") if part]
        line = markdown.count("\n", 0, match.start()) + 1
        column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
        try:
            if head == "var" and entity_id:
                values = manual.variables.values
                if entity_id.replace("-", "_") not in values and entity_id not in values:
                    raise KeyError(entity_id)
                return str(escape(values.get(entity_id, values.get(entity_id.replace("-", "_")))))
            if head == "company" and entity_id is None:
                return str(escape(_as_text(_lookup(manual.company, parts))))
            if entity_id is None:
                raise KeyError(head)
            entity = manual.get(head, entity_id)
            if entity is None:
                known = sorted(manual.records.get(head, {}))
                guess = difflib.get_close_matches(entity_id, known, n=1, cutoff=0.5)
                hint = f"; did you mean [[{head}:{guess[0]}{dotted}]]?" if guess else ""
                raise LookupError(f"no {head} with id '{entity_id}'{hint}")
            if not parts:
                return f'<a href="{escape(link(head, entity_id))}">{escape(entity.display_title)}</a>'
            return str(escape(_as_text(_lookup(entity, parts))))
        except LookupError as exc:
            reason = exc.args[0] if isinstance(exc, LookupError) and not isinstance(exc, KeyError) else (
                f"'{exc.args[0]}' is not known there"
            )
            problems.append(ReferenceProblem(line, column, f"unknown reference {match.group(0)}: {reason}"))
        except TypeError as exc:
            problems.append(ReferenceProblem(line, column, f"reference {match.group(0)} is {exc}"))
        return match.group(0)

    expanded = REFERENCE.sub(replace, markdown)
    for match in LEFTOVER.finditer(markdown):
        if REFERENCE.fullmatch(match.group(0)):
            continue
        line = markdown.count("\n", 0, match.start()) + 1
        column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(ReferenceProblem(
            line, column,
            f"{match.group(0)} is not a reference; write [[kind:id]], [[kind:id.field]] or [[var:name]] "
            "in lowercase",
        ))
    problems.sort(key=lambda problem: (problem.line, problem.column))
    return expanded, problems
