"""How every command prints diagnostics: located lines, then a count; the exit status follows errors."""

from __future__ import annotations

import click

from ..diagnostics import Diagnostics, format_report


def report(diagnostics: Diagnostics, fmt: str, summary: bool = True) -> int:
    items = diagnostics.sorted()
    if items:
        click.echo(format_report(items, fmt), err=fmt == "text")
    errors = sum(1 for item in items if item.severity == "error")
    warnings = sum(1 for item in items if item.severity == "warning")
    if fmt == "text":
        if errors:
            click.echo(f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning"
                       f"{'s' if warnings != 1 else ''}", err=True)
        elif summary:
            click.echo(f"content is valid ({warnings} warning{'s' if warnings != 1 else ''})", err=True)
    return 1 if errors else 0
