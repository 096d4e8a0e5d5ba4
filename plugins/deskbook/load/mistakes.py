"""YAML syntax errors explained in a manager's words, with the fix.

The parser reports what it expected ("expected <block end>, but found ','"); a manager needs what went
wrong on their line and what to type instead. Each explanation here looks at the lines the parser points
to and recognises a mistake people make by hand: a text value starting with a character YAML reserves
(``{ [ * & ! @ % `` and the backtick), a colon inside unquoted text, a missing space after ``key:`` or
``-``, and a line indented to a column that lines up with nothing above it. Anything not recognised keeps
the parser's own words, so no explanation ever guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that YAML reads as syntax at the start of an unquoted value.
RESERVED_STARTS = "{[*&!@%`"

# One line of a block structure: indentation, any "- " list markers, an optional "key:" and the value.
_LINE = re.compile(
    r"^(?P<indent>[ ]*)(?P<dashes>(?:-[ ]+)*)"
    r"(?:(?P<key>[^\s#'\"{\[\]}&*!|>%@`,?:-][^:#]*?|[\"'][^\"']*[\"'])[ ]*:(?:[ ]+|$))?"
    r"(?P<value>.*)$"
)
_MISSING_SPACE_AFTER_COLON = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z_][\w-]*):(?P<rest>[^\s:/].*)$")
_MISSING_SPACE_AFTER_DASH = re.compile(r"^(?P<indent>[ ]*)-(?P<rest>[^\s-].*)$")
_TRAILING_COMMENT = re.compile(r"[ \t]+#.*$")
_LONGEST_SHOWN = 40


@dataclass(frozen=True)
class Explanation:
    line: int  # 1-based
    column: int  # 1-based
    message: str


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    indent: int  # 1-based column of the first character
    key: str | None
    key_column: int | None  # 1-based column of the key (after any "- ")
    dash_columns: tuple[int, ...]
    value: str
    value_column: int  # 1-based

    @property
    def block_columns(self) -> list[int]:
        """Columns where a sibling of something on this line may start."""
        columns = list(self.dash_columns)
        if self.key_column is not None:
            columns.append(self.key_column)
        return columns


def _split(text: str, number: int) -> _Line | None:
    match = _LINE.match(text)
    if match is None or not text.strip() or text.lstrip().startswith("#"):
        return None
    indent = len(match["indent"])
    dash_columns: list[int] = []
    position = indent
    for dash in re.finditer(r"-[ ]+", match["dashes"]):
        dash_columns.append(position + dash.start() + 1)
    position = indent + len(match["dashes"])
    key_column = position + 1 if match["key"] is not None else None
    return _Line(
        number=number,
        indent=indent + 1,
        key=match["key"],
        key_column=key_column,
        dash_columns=tuple(dash_columns),
        value=_TRAILING_COMMENT.sub("", match["value"]).rstrip(),
        value_column=match.start("value") + 1,
    )


def quoted(value: str) -> str:
    """``value`` as a quoted YAML scalar a manager can paste back."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _shortened(value: str) -> str:
    if len(value) <= _LONGEST_SHOWN:
        return value
    cut = value.rfind(" ", 0, _LONGEST_SHOWN - 4)
    return value[: cut if cut > 0 else _LONGEST_SHOWN - 4].rstrip(" ,;") + " ..."


def quoting_fix(line: _Line) -> str:
    """``say: "{customer_name}, ..."``: the line as it should be written, the value quoted."""
    lead = "- " * len(line.dash_columns)
    key = f"{line.key}: " if line.key is not None else ""
    return f"{lead}{key}{quoted(_shortened(line.value))}"


def must_be_quoted(line: _Line) -> Explanation:
    start = line.value[0]
    return Explanation(
        line.number,
        line.value_column,
        f"a value starting with '{start}' must be quoted: write {quoting_fix(line)}",
    )


def reserved_start(source_line: str, number: int, column: int) -> Explanation | None:
    """The quoting fix when a value starting with a reserved character begins at ``column`` of the line."""
    line = _split(source_line, number)
    if line is None or line.value_column != column or not line.value or line.value[0] not in RESERVED_STARTS:
        return None
    return must_be_quoted(line)


def explain(lines: list[str], problem: str, context: str | None,
            problem_at: tuple[int, int], context_at: tuple[int, int] | None) -> Explanation | None:
    """Explain a parser error; positions are 0-based (line, column) as the parser gives them."""

    def line_at(index: int) -> _Line | None:
        return _split(lines[index], index + 1) if 0 <= index < len(lines) else None

    problem_line = line_at(problem_at[0])
    context_line = line_at(context_at[0]) if context_at else None

    if "could not find expected ':'" in problem and context_at is not None:
        found = _missing_space_after_colon(lines, context_at[0])
        if found:
            return found
    above = _open_lines(lines, problem_at[0] + 1)[:1]
    for candidate in (problem_line, context_line, *above):
        if candidate is None:
            continue
        dash = _MISSING_SPACE_AFTER_DASH.match(lines[candidate.number - 1])
        if dash and candidate.key is None and not candidate.dash_columns:
            column = len(dash["indent"]) + 2
            return Explanation(
                candidate.number, column,
                f"missing space after '-': write - {dash['rest']} (a list item starts with '- ')",
            )
    for candidate in (problem_line, context_line):
        if candidate is not None and candidate.value and candidate.value[0] in RESERVED_STARTS:
            return must_be_quoted(candidate)
    if problem_line is not None and problem_line.value.startswith(('"', "'")):
        closing = problem_line.value.find(problem_line.value[0], 1)
        if 0 < closing < len(problem_line.value) - 1:
            return Explanation(
                problem_line.number, problem_line.value_column,
                f"text after a closing quote: quote the whole value: write {quoting_fix(problem_line)}",
            )

    if problem.startswith("mapping values are not allowed") and problem_line is not None:
        colon_column = problem_at[1] + 1
        if problem_line.key is not None and problem_line.value_column > colon_column >= (problem_line.key_column or 0):
            return _indented_too_far(lines, problem_line)
        return Explanation(
            problem_line.number, problem_line.value_column,
            f"a value containing ': ' must be quoted: write {quoting_fix(problem_line)}",
        )
    if problem.startswith("expected <block end>") and problem_line is not None:
        return _misaligned(lines, problem_line)
    return None


def _missing_space_after_colon(lines: list[str], index: int) -> Explanation | None:
    match = _MISSING_SPACE_AFTER_COLON.match(lines[index]) if index < len(lines) else None
    if match is None:
        return None
    column = len(match["lead"]) + len(match["key"]) + 1
    return Explanation(
        index + 1, column,
        f"missing space after ':' in '{match['key']}:{_shortened(match['rest'])}'; "
        f"write {match['key']}: {_shortened(match['rest'])}",
    )


def _open_lines(lines: list[str], before: int) -> list[_Line]:
    """The lines above ``before`` (1-based) whose blocks are still open there, nearest first."""
    found: list[_Line] = []
    limit = None
    for index in range(before - 2, -1, -1):
        line = _split(lines[index], index + 1)
        if line is None:
            continue
        if limit is None or line.indent < limit:
            found.append(line)
            limit = line.indent
            if limit == 1:
                break
    return found


def _name(line: _Line) -> str:
    return f"'{line.key}:'" if line.key is not None else "'- '"


def _indented_too_far(lines: list[str], line: _Line) -> Explanation:
    above = _open_lines(lines, line.number)
    parent = above[0] if above else None
    if parent is None or parent.key_column is None:
        return Explanation(line.number, line.indent,
                           f"{_name(line)} is indented too far; line it up with the keys above it")
    return Explanation(
        line.number, line.indent,
        f"{_name(line)} is indented more than '{parent.key}:' on line {parent.number}, which already has a value; "
        f"move it to column {parent.key_column} to line it up with '{parent.key}:'",
    )


def _misaligned(lines: list[str], line: _Line) -> Explanation | None:
    """A key or list item at a column that lines up with no open block above it."""
    above = _open_lines(lines, line.number)
    options: list[tuple[int, _Line]] = []
    for candidate in above:
        columns = candidate.block_columns if line.key is None else [c for c in [candidate.key_column] if c]
        for column in columns:
            if column != line.indent:
                options.append((column, candidate))
    if not options:
        return None
    distance = min(abs(column - line.indent) for column, _ in options)
    nearest = [(column, candidate) for column, candidate in options if abs(column - line.indent) == distance]
    nearest_by_column: dict[int, _Line] = {}
    for column, candidate in nearest:
        nearest_by_column.setdefault(column, candidate)
    ways = " or ".join(
        f"to column {column} to line it up with {_name(candidate)} on line {candidate.number}"
        for column, candidate in sorted(nearest_by_column.items(), reverse=True)
    )
    where = "where the list above starts its items" if any(
        line.indent in c.dash_columns for c in above) else "which lines up with nothing above it"
    return Explanation(
        line.number, line.indent,
        f"{_name(line)} starts in column {line.indent}, {where}; move it {ways}",
    )
