"""Located messages: every problem Deskbook reports points at a file, a line and a column."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from .visible import one_line

# An error stops the build; a warning is something wrong now, and fails `--strict` (check and build alike);
# a notice is a heads-up that never fails anything (a policy review coming due).
Severity = Literal["error", "warning", "notice"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; ``line`` and ``column`` count from 1 (0 means "the whole file")."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    severity: Severity
    message: str
    rule: str = ""  # which family of checks raised it, such as "freshness"

    def format_text(self) -> str:
        # Messages quote what the author wrote; one_line keeps each diagnostic on its one line.
        return one_line(f"{self.location}: {self.severity}: {self.message}")

    def format_github(self) -> str:
        """A GitHub Actions workflow command, which the runner turns into an annotation on the PR diff."""
        properties = [f"file={_escape_property(one_line(self.location.path))}"]
        if self.location.line > 0:
            properties.append(f"line={self.location.line}")
            properties.append(f"col={max(self.location.column, 1)}")
        return f"::{self.severity} {','.join(properties)}::{_escape_data(one_line(self.message))}"

    def as_dict(self) -> dict:
        return {
            "path": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "severity": self.severity,
            "message": self.message,
        }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Diagnostics:
    """Collects every problem of one run, so a manager sees all of them at once, not one per push."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str, rule: str = "") -> None:
        self.items.append(Diagnostic(location, "error", message, rule))

    def warning(self, location: Location, message: str, rule: str = "") -> None:
        self.items.append(Diagnostic(location, "warning", message, rule))

    def notice(self, location: Location, message: str, rule: str = "") -> None:
        self.items.append(Diagnostic(location, "notice", message, rule))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Diagnostic]:
        return [item for item in self.items if item.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [item for item in self.items if item.severity == "warning"]

    def strict(self) -> Diagnostics:
        """The same run under ``--strict``: every warning is an error."""
        return Diagnostics([replace(item, severity="error") if item.severity == "warning" else item
                            for item in self.items])

    def sorted(self) -> list[Diagnostic]:
        # Deduplicate: two rules may notice the same broken value; say it once.
        return sorted(set(self.items))


class ContentError(Exception):
    """Raised when content cannot be built; carries every located error of the run."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = sorted(set(diagnostics))
        super().__init__(format_report(self.diagnostics))


def format_report(diagnostics: Iterable[Diagnostic], fmt: str = "text") -> str:
    items = list(diagnostics)
    if fmt == "github":
        return "\n".join(item.format_github() for item in items)
    if fmt == "json":
        import json  # only this format needs it, and check prints text unless asked

        return json.dumps([item.as_dict() for item in items], indent=2)
    return "\n".join(item.format_text() for item in items)


def display_path(path: Path, root: Path | None) -> str:
    """Paths relative to the project root read best in messages and in GitHub annotations."""
    if root is not None:
        # abspath, not resolve: a symbolic link must be named as itself, not as what it points to.
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
        except ValueError:
            pass
    return path.as_posix()
