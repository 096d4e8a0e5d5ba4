"""A strict YAML reader that keeps the position of every key and value.

PyYAML's own loaders are too forgiving for files that managers edit by hand: they keep the last of two
duplicate keys, expand aliases lazily (a tiny alias bomb takes seconds), honour explicit tags, and apply
YAML 1.1 resolution (``NO`` becomes false, ``0012`` becomes 10, ``17:30`` becomes 1050). This module reads
PyYAML's *event stream* with the pure-Python safe parser and builds plain values itself, so it decides what
each scalar means, rejects every hazard with a located message, and never recurses (deep nesting cannot
overflow the stack).

Scalars resolve conservatively. Quoted scalars are always strings. A plain scalar is:

- ``null``/``~``/empty: None;  ``true``/``false``: bool (``yes``, ``no``, ``on``, ``off`` stay strings);
- a decimal integer without a leading zero: :class:`YamlInt`;  a decimal fraction: :class:`YamlFloat`;
- anything else, a string. Dates and times stay strings for the schema to parse.

``YamlInt`` and ``YamlFloat`` remember their source text, so a text field given ``version: 1.10`` keeps
"1.10" instead of turning it into 1.1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from ..limits import MAX_NUMBER_DIGITS

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 32

Path_ = tuple[Any, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$")


_SURROGATE = re.compile("[\ud800-\udfff]")


class YamlInt(int):
    """An integer read from a plain scalar; ``source`` is the text as written."""

    source: str

    def __new__(cls, text: str) -> YamlInt:
        value = super().__new__(cls, int(text))
        value.source = text
        return value


class YamlFloat(float):
    """A decimal fraction read from a plain scalar; ``source`` is the text as written ("1.10")."""

    source: str

    def __new__(cls, text: str) -> YamlFloat:
        value = super().__new__(cls, float(text))
        value.source = text
        return value


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of one document stands in its file."""

    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    """The file's lines, so a problem inside a long text can be pointed at exactly."""
    flow_lines: dict[Path_, str] = field(default_factory=dict)
    """The source line of each list or mapping written inline (``{...}`` or ``[...]``) on one line, so a
    text field given ``{customer_name}, ...`` can be answered with the quoted line to write instead."""

    def value_mark(self, path: Path_) -> Mark:
        """The mark of the value at ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Mark(1, 1))

    def key_mark(self, path: Path_) -> Mark:
        path = tuple(path)
        return self.keys.get(path) or self.value_mark(path)


@dataclass
class YamlProblem:
    mark: Mark
    message: str


class StrictYamlError(Exception):
    def __init__(self, problems: list[YamlProblem]):
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


def _mark(event_mark: Any) -> Mark:
    return Mark(event_mark.line + 1, event_mark.column + 1)


def _line(event_mark: Any) -> int:
    """The 0-based line of a parser mark (typed as optional; the parsers always set it)."""
    return int(event_mark.line)


# What a plain scalar that is not text starts with (null, true, false, a number); the empty scalar is null,
# and so is a lone line break (``$`` matches before it).
_NOT_TEXT_STARTS = frozenset("~nNtTfF+-0123456789\n")


def resolve_plain(text: str) -> Any:
    if text and text[0] not in _NOT_TEXT_STARTS:
        return text  # most scalars are words: no pattern below can match them
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT.match(text):
        return YamlInt(text)
    if _FLOAT.match(text):
        return YamlFloat(text)
    return text


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 strictly, naming the line and column of the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise StrictYamlError(
            [
                YamlProblem(
                    Mark(line, column),
                    f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8 "
                    "(it looks like Latin-1 or Windows-1252)",
                )
            ]
        ) from None


@dataclass
class _Frame:
    container: Any  # dict or list
    path: Path_
    pending_key: Any = None
    has_key: bool = False
    flow_line: int | None = None  # 0-based line where an inline ({...} or [...]) collection starts


# libyaml's parser is about five times faster, but crashes the process on tens of thousands of nested
# flow brackets; such nesting needs that many brackets, so files with few of them use it.
_C_PARSER_MAX_BRACKETS = 1000


def _event_source(text: str, force_pure: bool = False) -> Any:
    if (not force_pure and getattr(yaml, "__with_libyaml__", False)
            and text.count("[") + text.count("{") <= _C_PARSER_MAX_BRACKETS):
        return yaml.CSafeLoader(text)
    return yaml.SafeLoader(text)


def read_yaml(data: bytes, _force_pure: bool = False) -> tuple[Any, SourceMap]:
    """Parse one YAML document from ``data`` strictly. Raises :class:`StrictYamlError`."""
    if len(data) > MAX_FILE_BYTES:
        raise StrictYamlError(
            [YamlProblem(Mark(1, 1), f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}: split it up")]
        )
    text = decode_utf8(data)
    if "\x00" in text:
        raise StrictYamlError([YamlProblem(Mark(1, 1), "file contains a NUL character; is it a binary file?")])

    loader = _event_source(text, _force_pure)
    lines = text.splitlines()
    source_map = SourceMap(lines=lines)
    problems: list[YamlProblem] = []
    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, (StreamStartEvent, DocumentEndEvent)):
                continue
            if isinstance(event, StreamEndEvent):
                break
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    problems.append(
                        YamlProblem(
                            _mark(event.start_mark),
                            "a second YAML document ('---') starts here; keep one document per file",
                        )
                    )
                    break
                continue
            if isinstance(event, AliasEvent):
                problems.append(
                    _quoting_problem(lines, event)
                    or YamlProblem(
                        _mark(event.start_mark),
                        f"alias '*{event.anchor}' is not allowed; write the value out in full",
                    )
                )
                break
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                problems.append(
                    (_quoting_problem(lines, event) if isinstance(event, ScalarEvent) else None)
                    or YamlProblem(
                        _mark(event.start_mark),
                        f"anchor '&{anchor}' is not allowed; write each value out in full",
                    )
                )
                break
            if _has_explicit_tag(event):
                local_tag = isinstance(event, ScalarEvent) and not (event.tag or "").startswith("tag:")
                problems.append(
                    (_quoting_problem(lines, event) if local_tag else None)
                    or YamlProblem(_mark(event.start_mark), f"explicit tag '{event.tag}' is not allowed; remove it")
                )
                break

            if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                frame = stack.pop()
                if frame.flow_line is not None and _line(event.end_mark) == frame.flow_line:
                    source_map.flow_lines[frame.path] = lines[frame.flow_line]
                if not stack:
                    root = frame.container
                continue

            # A node starts: a scalar, a mapping or a sequence.
            mark = _mark(event.start_mark)
            if isinstance(event, ScalarEvent):
                # Plain scalars have style None in the Python parser and "" in libyaml's.
                value: Any = event.value
                surrogate = _SURROGATE.search(event.value)
                if surrogate:
                    # "\ud800" in double quotes is half of a UTF-16 pair, not a character: nothing can print or
                    # encode it, so every later step would fail on it.
                    problems.append(YamlProblem(
                        mark, f"\\u{ord(surrogate.group(0)):04x} is half of a UTF-16 surrogate pair, not a character; "
                        "write the character itself (or \\U and its eight-digit code point)"
                    ))
                    value = _SURROGATE.sub("\ufffd", event.value)
                if not event.style:
                    # Digits are counted only in what reads as a number: counting them in every plain
                    # scalar first was a fifth of reading a file.
                    if (len(event.value) > MAX_NUMBER_DIGITS and (_INT.match(event.value) or _FLOAT.match(event.value))
                            and sum(character.isdigit() for character in event.value[:MAX_NUMBER_DIGITS + 4])
                            > MAX_NUMBER_DIGITS):
                        problems.append(YamlProblem(
                            mark, f"a number of {len(event.value)} characters is too long; the most is "
                            f"{MAX_NUMBER_DIGITS} digits (quote it if it is text, like an account number)"
                        ))
                    else:
                        value = resolve_plain(event.value)
                    if _line(event.end_mark) > _line(event.start_mark):
                        continued = _list_item_read_as_text(lines, event)
                        if continued:
                            problems.append(continued)
            elif isinstance(event, MappingStartEvent):
                value = {}
            elif isinstance(event, SequenceStartEvent):
                value = []
            else:  # pragma: no cover - PyYAML emits no other node events
                continue

            if not stack:
                source_map.values[()] = mark
                if isinstance(value, (dict, list)):
                    stack.append(_Frame(value, (), flow_line=_flow_line(event)))
                else:
                    root = value
                continue

            parent = stack[-1]
            if isinstance(parent.container, dict) and not parent.has_key:
                # This node is a mapping key.
                if not isinstance(event, ScalarEvent):
                    problems.append(YamlProblem(mark, "a mapping key must be a plain word, not a list or mapping"))
                    break
                if not event.style and not isinstance(value, str):
                    problems.append(
                        YamlProblem(
                            mark,
                            f"key '{event.value}' is read as {_kind_of(value)}, not text; quote it: \"{event.value}\"",
                        )
                    )
                    value = event.value
                if value in parent.container:
                    first = source_map.keys.get(parent.path + (value,))
                    where = f" (first at line {first.line})" if first else ""
                    problems.append(YamlProblem(mark, f"duplicate key '{value}'{where}; a key may appear once"))
                parent.pending_key = value
                parent.has_key = True
                source_map.keys[parent.path + (value,)] = mark
                continue

            if isinstance(parent.container, dict):
                child_path = parent.path + (parent.pending_key,)
                parent.container[parent.pending_key] = value
                parent.has_key = False
            else:
                child_path = parent.path + (len(parent.container),)
                parent.container.append(value)
            source_map.values[child_path] = mark
            if isinstance(value, (dict, list)):
                if len(stack) >= MAX_DEPTH:
                    problems.append(
                        YamlProblem(mark, f"nesting is deeper than {MAX_DEPTH} levels; flatten the structure")
                    )
                    break
                stack.append(_Frame(value, child_path, flow_line=_flow_line(event)))
    except yaml.MarkedYAMLError as exc:
        if not isinstance(loader, yaml.SafeLoader):
            # Report syntax errors in the pure-Python parser's words, which name the offending character.
            return read_yaml(data, _force_pure=True)
        problems.append(_describe_yaml_error(exc, lines))
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        problems.append(YamlProblem(Mark(1, 1), f"not valid YAML: {exc}"))

    if problems:
        raise StrictYamlError(problems)
    if documents == 0 or (root is None and not source_map.values):
        raise StrictYamlError([YamlProblem(Mark(1, 1), "file is empty; expected a mapping of keys to values")])
    return root, source_map


def _has_explicit_tag(event: Any) -> bool:
    tag = getattr(event, "tag", None)
    if tag is None:
        return False
    if isinstance(event, ScalarEvent):
        return not (event.implicit[0] or event.implicit[1])
    return not getattr(event, "implicit", True)


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return "a number"


def _flow_line(event: Any) -> int | None:
    return event.start_mark.line if getattr(event, "flow_style", False) else None


def _quoting_problem(lines: list[str], event: Any) -> YamlProblem | None:
    """A value such as ``*Note*`` or ``&more`` that YAML read as syntax: say to quote it, if that fits."""
    line, column = event.start_mark.line, event.start_mark.column
    if line >= len(lines):
        return None
    from . import mistakes  # only a file YAML cannot take needs its mistakes explained

    found = mistakes.reserved_start(lines[line], line + 1, column + 1)
    return YamlProblem(Mark(found.line, found.column), found.message) if found else None


def _list_item_read_as_text(lines: list[str], event: Any) -> YamlProblem | None:
    """A '- ' line indented under the text of the item above is read as more of that text, silently."""
    first = event.start_mark.line
    for index in range(first + 1, min(event.end_mark.line + 1, len(lines))):
        stripped = lines[index].lstrip(" ")
        if stripped.startswith("- "):
            column = len(lines[index]) - len(stripped) + 1
            start = event.start_mark.column + 1
            return YamlProblem(
                Mark(index + 1, column),
                f"this '- ' is read as more of the text on line {first + 1}, not as a new list item, because "
                f"it is indented further; line it up with the item on line {first + 1} (column "
                f"{_dash_column(lines[first], start)})",
            )
    return None


def _dash_column(line: str, value_column: int) -> int:
    dash = line.rfind("- ", 0, value_column - 1)
    return dash + 1 if dash >= 0 else value_column


def _describe_yaml_error(exc: yaml.MarkedYAMLError, lines: list[str]) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    position = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    problem = (exc.problem or "not valid YAML").strip()
    if "'\\t'" in problem or "\\t" in problem:
        return YamlProblem(position, "a tab character is used for indentation; indent with spaces")
    if mark is not None:
        from . import mistakes  # only a file YAML cannot take needs its mistakes explained

        context_mark = exc.context_mark
        explained = mistakes.explain(
            lines,
            problem,
            exc.context,
            (mark.line, mark.column),
            (context_mark.line, context_mark.column) if context_mark else None,
        )
        if explained is not None:
            return YamlProblem(Mark(explained.line, explained.column), explained.message)
    context = f" ({exc.context})" if exc.context else ""
    hint = ""
    if "could not find expected ':'" in problem:
        hint = "; a line may be missing its 'key:' or be wrongly indented"
    return YamlProblem(position, f"not valid YAML: {problem}{context}{hint}")
