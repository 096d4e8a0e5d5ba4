"""Click commands; each is a thin shell over a function of the content core."""

from __future__ import annotations

import contextlib
import gc
import importlib
from collections.abc import Iterator
from pathlib import Path

import click

from .reporting import report

DEFAULT_CONTENT = "content"
CONFIG_HELP = "The project's config [default: properdocs.yml or mkdocs.yml in the current folder]."


def project_config(config_file: Path | None) -> Path:
    """The config file given, else the one in the current folder; a usage error when there is none."""
    from ..engine import CONFIG_NAMES, find_config

    found = config_file or find_config(Path("."))
    if found is None:
        *others, last = CONFIG_NAMES
        raise click.UsageError(f"no {', '.join(others)} or {last} here; run from the project's folder or pass -f")
    return found


@contextlib.contextmanager
def imports_uncollected() -> Iterator[None]:
    """Import a command's modules with Python's cyclic garbage collector paused, then keep what they built
    out of later collections (``gc.freeze``; ``main`` undoes it on the way out).

    Importing the content model builds tens of thousands of objects that live until exit (the pydantic
    classes and their validators), and the collector walked them again and again while they were built and
    then at each collection while the files loaded: a tenth of ``check``'s time, for no garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _print_version(ctx: click.Context, _param: click.Parameter, wanted: bool) -> None:
    # click.version_option takes the version when the group is defined: the package's metadata was then
    # looked up (a search of every installed distribution) on every command, check too.
    if not wanted or ctx.resilient_parsing:
        return
    from ..release import installed_version

    click.echo(f"{ctx.find_root().info_name} {installed_version()}")
    ctx.exit()


class LazyGroup(click.Group):
    """A group whose other commands live in modules imported only when that command runs (or --help lists
    them): ``check`` would otherwise import, at start-up, everything ``build``, ``diff``, ``init`` ... need
    (MkDocs' engine, the staging folder, the review package), which was a tenth of its time."""

    def __init__(self, *args, lazy_commands: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands  # name -> "module:attribute", relative to this package

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module, _, attribute = self.lazy_commands[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module, __package__), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)


# check and schema are defined below; the others are imported by name when asked for.
LAZY_COMMANDS = {
    "build": ".build:build",
    "serve": ".build:serve",
    "diff": ".diff:diff",
    "new": ".new:new",
    "init": ".init:init",
    "pages": ".pages:pages",
    "reviewers": ".reviewers:reviewers",
}


@click.group(cls=LazyGroup, lazy_commands=LAZY_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-V", "--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and exit.")
def cli() -> None:
    """Deskbook: customer-service knowledge as YAML, built into a training site and a handbook."""


@cli.command()
@click.option("--content", "content_dir", default=None, type=click.Path(path_type=Path),
              help="The content folder [default: content_dir from mkdocs.yml, else content].")
@click.option("-f", "--config-file", default=None, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The project's config [default: properdocs.yml or mkdocs.yml beside the content folder, "
                   "if there is one].")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="'github' prints workflow annotations for pull requests.")
@click.option("--strict", is_flag=True, help="Fail on warnings too (stale prose, overdue policy reviews, ...), "
                                            "as build --strict does.")
def check(content_dir: Path | None, config_file: Path | None, fmt: str, strict: bool) -> int:
    """Check everything a build would reject, and report it all at once: the content (schema, references,
    cycles, authority limits, schedules, freshness), the Deskbook options in mkdocs.yml, every [[...]]
    reference in docs/, and the previous edition's git tag."""
    with imports_uncollected():
        from ..engine import find_config
        from ..pipeline import check_project
        from ..project import content_dir_of

    if config_file is None:
        config_file = find_config(content_dir.parent if content_dir is not None else Path("."))
    if content_dir is None:
        content_dir = content_dir_of(config_file) if config_file is not None else Path(DEFAULT_CONTENT)
    if not content_dir.is_dir():
        raise click.UsageError(f"no content folder at {content_dir}; pass --content or run from the project")
    manual, diagnostics = check_project(config_file, content_dir)
    return report(diagnostics.strict() if strict else diagnostics, fmt, summary=manual is not None)


@cli.command()
@click.option("--out", "out_dir", default="schemas", show_default=True, type=click.Path(path_type=Path),
              help="Where to write one JSON Schema per kind of content file.")
@click.option("--vscode/--no-vscode", default=True, show_default=True,
              help="Also map content files to their schemas in .vscode/settings.json.")
def schema(out_dir: Path, vscode: bool) -> int:
    """Write JSON Schemas generated from the content model, for editor completion and squiggles."""
    from ..schemas import write_schemas, write_vscode_settings

    written = write_schemas(out_dir)
    for path in written:
        click.echo(f"wrote {path}")
    if vscode:
        settings = write_vscode_settings(Path(".vscode/settings.json"), out_dir, Path(DEFAULT_CONTENT))
        click.echo(f"wrote {settings}")
    return 0
