"""``build`` and ``serve``: the site and PDFs through MkDocs, never leaving a half-built site behind."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

import click

from ..diagnostics import ContentError, Diagnostics
from ..project import content_dir_of
from .reporting import report


class _MessageOnly(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {record.getMessage()}"


class _CurrentStderr(logging.Handler):
    """Writes to whatever sys.stderr is at the time (a handler bound at creation would keep a stale one)."""

    _deskbook = True

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)


def _configure_mkdocs_logging(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(handler, "_deskbook", False) for handler in logger.handlers):
        handler = _CurrentStderr()
        handler.setFormatter(_MessageOnly())
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in logger.handlers:
        if getattr(handler, "_deskbook", False):
            handler.setLevel(logging.INFO if verbose else logging.WARNING)


def _precheck(config_file: Path) -> int:
    """Validate content before MkDocs starts, to print located errors in the same form as ``check``."""
    from ..pipeline import checked_manual

    try:
        checked_manual(content_dir_of(config_file), config_file.resolve().parent)
    except ContentError as exc:
        report(Diagnostics([item for item in exc.diagnostics if item.severity == "error"]), "text")
        click.echo("build stopped: the previous site and PDFs are unchanged", err=True)
        return 1
    return 0


def build_site(config_file: Path, site_dir: Path | None, strict: bool, verbose: bool = False) -> int:
    """Build into a temporary folder beside the site folder and swap it in only when the build succeeds."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    if _precheck(config_file):
        return 1
    _configure_mkdocs_logging(verbose)
    try:
        config = load_config(str(config_file), strict=strict, **({"site_dir": str(site_dir)} if site_dir else {}))
    except (ConfigurationError, Abort) as exc:
        click.echo(f"error: {config_file}: {exc}", err=True)
        return 1
    final_dir = Path(config.site_dir).resolve()
    staging = final_dir.parent / f".{final_dir.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    config.site_dir = str(staging)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (PluginError, ConfigurationError, Abort) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        click.echo(f"error: {exc}", err=True)
        click.echo("build stopped: the previous site and PDFs are unchanged", err=True)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, final_dir)
    click.echo(f"built {final_dir}", err=True)
    return 0


def _swap_in(staging: Path, final_dir: Path) -> None:
    previous = final_dir.parent / f".{final_dir.name}.previous-{os.getpid()}"
    if final_dir.exists():
        final_dir.rename(previous)
    staging.rename(final_dir)
    shutil.rmtree(previous, ignore_errors=True)


@click.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-d", "--site-dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Where to put the site (default: site_dir from mkdocs.yml).")
@click.option("--strict", is_flag=True, help="Fail on any warning.")
@click.option("-v", "--verbose", is_flag=True)
def build(config_file: Path, site_dir: Path | None, strict: bool, verbose: bool) -> int:
    """Check the content, then build the site and the PDFs; a failed build keeps the previous output."""
    return build_site(config_file, site_dir, strict, verbose)


@click.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
@click.option("--pdf/--no-pdf", default=False, show_default=True, help="Also render PDFs on every rebuild.")
def serve(config_file: Path, dev_addr: str, pdf: bool) -> int:
    """Serve the site with live reload; rebuilds when anything under content/ changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    if not pdf:
        os.environ["DESKBOOK_PDF"] = "false"
    _configure_mkdocs_logging(False)
    try:
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)
    except (PluginError, ConfigurationError, Abort) as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    return 0

