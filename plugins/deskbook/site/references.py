"""A small, safe reference syntax for hand-written pages: ``[[policy:refunds.rules.window]]``.

Forms:

- ``[[kind:id]]`` links to the entity, with its title as the text;
- ``[[kind:id.field]]`` or ``[[kind:id.field.sub]]`` shows a value (a policy rule is ``rules.<rule id>``
  and shows its value and unit, like "30 days");
- ``[[var:name]]`` shows a value from variables.yaml;
- ``[[company.field]]`` shows a company field (``[[company.name]]``).

Values are looked up, never evaluated, and inserted as text after Markdown has parsed the page, so a
value full of Markdown or HTML shows as written. An unknown name is an error with its line
and column, so a renamed policy cannot leave a silently wrong sentence behind.

This module only finds and resolves references; ``check`` reads every page with it. The Python-Markdown
extension that resolves them while a page renders is :mod:`.reference_markdown`, apart, so that ``check``
does not import Python-Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from ..limits import Suggestions
from ..manual import Manual
from ..references import LEFTOVER, REFERENCE, Link, Resolver, UnknownReference, plain


@dataclass(frozen=True)
class ReferenceProblem:
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Resolved:
    """What a reference stands for: plain ``text`` (never markup), and the ``href`` when it is a link."""

    text: str
    href: str | None = None

    def html(self) -> str:
        if self.href is None:
            return str(escape(self.text))
        return f'<a href="{escape(self.href)}">{escape(self.text)}</a>'


def resolve_reference(
    match: re.Match, manual: Manual, link: Callable[[str, str], str], suggestions: Suggestions | None = None
) -> Resolved:
    """The value or link one :data:`REFERENCE` match stands for, looked up by the same resolver as YAML
    prose; ``LookupError`` or ``TypeError`` when it cannot stand for anything (the message says why)."""
    try:
        segments = Resolver(manual, suggestions).reference(match)
    except UnknownReference as exc:
        raise LookupError(str(exc)) from None
    if len(segments) == 1 and isinstance(segments[0], Link):
        return Resolved(segments[0].text, link(segments[0].kind, segments[0].id))
    return Resolved(plain(segments))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def reference_problems(markdown: str, manual: Manual) -> list[ReferenceProblem]:
    """Every reference in ``markdown`` that cannot be resolved, and every ``[[...]]`` that is not one,
    located by line and column."""
    problems: list[ReferenceProblem] = []
    suggestions = Suggestions()
    for match in REFERENCE.finditer(markdown):
        try:
            resolve_reference(match, manual, lambda kind, entity_id: "", suggestions)
        except LookupError as exc:
            problems.append(ReferenceProblem(
                *_position(markdown, match.start()), f"unknown reference {match.group(0)}: {exc.args[0]}"
            ))
        except TypeError as exc:
            problems.append(ReferenceProblem(
                *_position(markdown, match.start()), f"reference {match.group(0)} is {exc}"
            ))
    for match in LEFTOVER.finditer(markdown):
        if REFERENCE.fullmatch(match.group(0)):
            continue
        problems.append(ReferenceProblem(
            *_position(markdown, match.start()),
            f"{match.group(0)} is not a reference; write [[kind:id]], [[kind:id.field]] or [[var:name]] "
            "in lowercase",
        ))
    problems.sort(key=lambda problem: (problem.line, problem.column))
    return problems


def expand_references(
    markdown: str, manual: Manual, link: Callable[[str, str], str]
) -> tuple[str, list[ReferenceProblem]]:
    """``markdown`` with every reference replaced, for Markdown rendered outside MkDocs (the handbook, the
    review's rendering). Each value is escaped for HTML and for Markdown, so it stays text when the
    result is parsed; the site itself resolves references inside Markdown with
    :class:`.reference_markdown.ReferenceExtension`.
    """
    problems = reference_problems(markdown, manual)

    def replace(match: re.Match) -> str:
        try:
            resolved = resolve_reference(match, manual, link)
        except (LookupError, TypeError):
            return match.group(0)
        if resolved.href is None:
            return _inert_in_markdown(resolved.text)
        return f'<a href="{escape(resolved.href)}">{_inert_in_markdown(resolved.text)}</a>'

    return REFERENCE.sub(replace, markdown), problems


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!])")  # the characters Python-Markdown unescapes


def _inert_in_markdown(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(text)))
