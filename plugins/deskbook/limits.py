"""Bounds on what one content folder may ask of a build, checked before anything is rendered.

Text a manager pastes can make a Markdown parser or a PDF engine work far beyond the text's size: 20,000
``[`` in one summary took a build over two minutes, a list nested 500 levels deep overflowed Python's
stack, thousands of call logs made a PDF grow without end. Each bound here is a located error that says
what to change; the sizes an ordinary manual needs are far below them, and ``manual.yaml``'s ``limits``
can raise the ones a big manual may reach (entities per kind, entities per PDF).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:  # the loader imports this module, so it may not import the Manual at run time
    from .diagnostics import Diagnostics
    from .manual import Manual

MAX_NUMBER_DIGITS = 18
"""Digits in a number (a count or an amount); Python refuses past 4,300 and nothing real comes near."""

MAX_MARKDOWN_NESTING = 12
"""Levels of lists and quotes in one Markdown text; Python-Markdown recurses once per level."""

MAX_OPEN_BRACKETS = 16
"""``[`` open at once in one text; Python-Markdown re-scans the rest of the text for each unclosed one."""

SUGGESTION_BUDGET = 200_000
"""Candidate comparisons for "did you mean" in one run, after which unknown names get no suggestion."""

MAX_WORD_LENGTH = 32_767
"""Characters in one word: PDF/A refuses a longer string, and Typst writes a word as one string."""

_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_LENGTH + 1},}}")
# Control characters YAML lets through as escapes ("\x07"): none prints, some end a PDF's string.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_LIST_OR_QUOTE_MARKER = re.compile(r"(?:>|[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)")


def markdown_nesting(text: str) -> tuple[int, int]:
    """The deepest nesting of lists and quotes in ``text`` and the line (1-based) where it is reached.

    Counted as Python-Markdown nests: every four columns of indentation and every list or quote marker
    at the start of a line is one level.
    """
    deepest, deepest_line = 0, 0
    for number, line in enumerate(text.split("\n"), start=1):
        expanded = line.expandtabs(4)
        stripped = expanded.lstrip(" ")
        depth = (len(expanded) - len(stripped)) // 4
        position = 0
        while True:
            marker = _LIST_OR_QUOTE_MARKER.match(stripped, position)
            if marker is None:
                break
            depth += 1
            position = marker.end()
        if depth > deepest:
            deepest, deepest_line = depth, number
    return deepest, deepest_line


def open_brackets(text: str) -> tuple[int, int]:
    """The most ``[`` open at once in ``text``, and the offset where that was reached."""
    if "[" not in text:
        return 0, 0  # most texts: no need to walk them a character at a time
    depth = deepest = where = 0
    for offset, character in enumerate(text):
        if character == "[":
            depth += 1
            if depth > deepest:
                deepest, where = depth, offset
        elif character == "]" and depth:
            depth -= 1
    return deepest, where


def text_problems(text: str) -> list[str]:
    """What in one text field would make rendering it cost far more than its size."""
    problems = []
    nesting, line = markdown_nesting(text)
    if nesting > MAX_MARKDOWN_NESTING:
        problems.append(
            f"lists or quotes nested {nesting} levels deep (line {line} of the text); "
            f"the most is {MAX_MARKDOWN_NESTING}: flatten the list"
        )
    brackets, _ = open_brackets(text)
    if brackets > MAX_OPEN_BRACKETS:
        problems.append(
            f"{brackets} '[' open at once; the most is {MAX_OPEN_BRACKETS}: close each '[' with ']' "
            "or remove the extra ones"
        )
    word = _LONG_WORD.search(text)
    if word:
        problems.append(
            f"a word of {len(word.group(0)):,} characters ('{word.group(0)[:20]}...'); the PDFs cannot hold a word "
            f"over {MAX_WORD_LENGTH:,} characters (the PDF/A limit on one string): break it with spaces"
        )
    control = sorted({f"U+{ord(character):04X}" for character in _CONTROL.findall(text)})
    if control:
        problems.append(f"control characters ({', '.join(control[:5])}), which print as nothing and can stop "
                        "the PDFs; delete them")
    return problems


def text_fields(model: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in a loaded model with its key path, for checks that apply to all text."""
    for name in type(model).model_fields:
        yield from _strings(getattr(model, name), path + (name,))


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from text_fields(value, path)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))


class Suggestions:
    """"Did you mean" for a whole run, at a bounded cost.

    A name is compared only with the candidates of its own group (ids of one kind, say) whose length
    could give a close enough match, each answer is remembered, and the run stops suggesting once
    ``budget`` comparisons are spent: 12,000 unknown names against 4,000 known ones cost well under a
    second instead of minutes.
    """

    def __init__(self, budget: int = SUGGESTION_BUDGET):
        self.budget = budget
        self._groups: dict[str, dict[int, list[str]]] = {}
        self._answers: dict[tuple[str, str, float], str | None] = {}

    def closest(self, wanted: str, group: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
        """The candidate of ``group`` closest to ``wanted``; ``candidates`` is read once per group."""
        key = (group, wanted, cutoff)
        if key in self._answers:
            return self._answers[key]
        if self.budget <= 0:
            return None
        by_length = self._groups.get(group)
        if by_length is None:
            by_length = {}
            for name in sorted(set(candidates)):
                by_length.setdefault(len(name), []).append(name)
            self._groups[group] = by_length
        # difflib's ratio is 2*M/(a+b) <= 2*min/(a+b): lengths further apart than this cannot reach cutoff.
        slack = int(len(wanted) * (2 - 2 * cutoff) / cutoff) + 1
        near: list[str] = []
        for length in range(max(len(wanted) - slack, 0), len(wanted) + slack + 1):
            near.extend(by_length.get(length, ()))
            if len(near) >= self.budget:
                break
        near = near[: self.budget]
        self.budget -= len(near)
        matches = difflib.get_close_matches(wanted, near, n=1, cutoff=cutoff)
        answer = matches[0] if matches else None
        self._answers[key] = answer
        return answer


def check_limits(manual: Manual, diagnostics: Diagnostics) -> None:
    """Every bound above, as located errors, so ``check`` refuses what would stall a build."""
    limits = manual.settings.limits
    settings = next(doc for doc in manual.documents if doc.content_file.name == "manual")
    total = 0
    for kind, records in manual.records.items():
        total += len(records)
        if len(records) > limits.entities_per_kind:
            first_over = list(records.values())[limits.entities_per_kind]
            diagnostics.error(
                first_over.location(),
                f"{len(records)} entities of kind '{kind}', more than limits.entities_per_kind "
                f"({limits.entities_per_kind}) in manual.yaml; split the manual or raise the limit",
            )
    if total > limits.entities_per_pdf:
        diagnostics.error(
            settings.location(("limits",)) if "limits" in settings.model.model_fields_set else settings.location(),
            f"{total} entities in all, more than limits.entities_per_pdf ({limits.entities_per_pdf}), and the "
            "complete edition prints every one; raise the limit in manual.yaml or split the manual",
        )
    for document in manual.documents:
        for path, text in document.texts:
            for problem in text_problems(text):
                diagnostics.error(document.location(path), problem)
