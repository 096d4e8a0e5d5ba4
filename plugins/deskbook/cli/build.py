"""``build`` and ``serve``: the site and PDFs through MkDocs or ProperDocs (``engine``), never leaving a
half-built site behind."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import sys
import threading
from pathlib import Path

import click

from .. import engine
from ..diagnostics import ContentError, Diagnostics
from ..project import content_dir_of
from .commands import CONFIG_HELP, project_config
from .reporting import report
from .staging import (
    UnsafeSiteDir,
    foreign_folder_problem,
    mark_as_site,
    recover_and_clean,
    refuse_unsafe_site_dir,
    staging_dir,
    swap_in,
    wait_for_pdf_threads,
)


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
    logger = logging.getLogger(engine.logger_name())
    if not any(getattr(handler, "_deskbook", False) for handler in logger.handlers):
        handler = _CurrentStderr()
        handler.setFormatter(_MessageOnly())
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    for existing in logger.handlers:
        if getattr(existing, "_deskbook", False):
            existing.setLevel(logging.INFO if verbose else logging.WARNING)


def _precheck(config_file: Path, strict: bool) -> int:
    """Check the project before MkDocs starts, printing located errors in the same form as ``check``; with
    ``strict`` its warnings are errors, as in ``check --strict``.

    The checked Manual stays with the pipeline, so the plugins take it from there instead of loading again.
    """
    from ..pipeline import check_beyond_content, checked_manual

    root = config_file.resolve().parent
    diagnostics = Diagnostics()
    try:
        manual, warnings = checked_manual(content_dir_of(config_file), root)
        diagnostics.extend(warnings.items)
    except ContentError as exc:
        manual = None
        diagnostics.extend(exc.diagnostics)
    check_beyond_content(config_file, manual, root, diagnostics)
    if strict:
        diagnostics = diagnostics.strict()
    if diagnostics.errors:
        report(Diagnostics(diagnostics.errors), "text")
        click.echo("build stopped: the previous site and PDFs are unchanged", err=True)
        return 1
    return 0


def build_site(config_file: Path, site_dir: Path | None, strict: bool, verbose: bool = False) -> int:
    """Build into a temporary folder beside the site folder and swap it in only when the build succeeds."""
    try:
        engine.use(config_file)
    except engine.EngineMissing as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    if _precheck(config_file, strict):
        return 1
    _configure_mkdocs_logging(verbose)
    try:
        config = load_config(str(config_file), strict=strict, **({"site_dir": str(site_dir)} if site_dir else {}))
    except (ConfigurationError, Abort) as exc:
        click.echo(f"error: {config_file}: {exc}", err=True)
        return 1
    if "deskbook/content" not in config.plugins:
        from ..project import ENGINE_SKIPS_CONTENT

        click.echo(f"warning: {config_file}: {ENGINE_SKIPS_CONTENT}", err=True)
    named_dir = Path(os.path.abspath(config.site_dir))
    final_dir = named_dir.resolve()
    problem = foreign_folder_problem(named_dir) or foreign_folder_problem(final_dir)
    if problem:
        click.echo(f"{_site_dir_source(config_file, site_dir)}: the output folder {named_dir} {problem}", err=True)
        click.echo("build stopped: nothing was written or deleted", err=True)
        return 2 if site_dir else 1
    try:
        refuse_unsafe_site_dir(final_dir, config_file.resolve().parent,
                               [content_dir_of(config_file), Path(config.docs_dir)])
        recover_and_clean(final_dir)
    except UnsafeSiteDir as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    except OSError as exc:
        click.echo(f"error: cannot prepare the output folder {final_dir}: {_os_reason(exc)}", err=True)
        return 2
    staging = staging_dir(final_dir)
    config.site_dir = str(staging)
    try:
        with _terminate_as_exit():
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
            mark_as_site(staging)
            swap_in(staging, final_dir)
    except (PluginError, ConfigurationError, Abort) as exc:
        click.echo(f"error: {exc}", err=True)
        click.echo("build stopped: the previous site and PDFs are unchanged", err=True)
        return 1
    except OSError as exc:
        click.echo(f"error: cannot write the site to {final_dir}: {_os_reason(exc)}", err=True)
        click.echo("build stopped: the previous site and PDFs are unchanged", err=True)
        return 2
    except _Stopped as stop:
        # Leave now, with the PDF compiles still running: waiting for them (as Python's exit would)
        # lets them write into the staging folder after it was removed.
        shutil.rmtree(staging, ignore_errors=True)
        click.echo("build stopped: the previous site and PDFs are unchanged", err=True)
        sys.stderr.flush()
        os._exit(stop.code if isinstance(stop.code, int) else 1)
    finally:
        wait_for_pdf_threads()  # a compile that was running when the build failed writes when it ends
        shutil.rmtree(staging, ignore_errors=True)  # on every way out; a killed build's is removed next run
    click.echo(f"built {final_dir}", err=True)
    return 0


def _site_dir_source(config_file: Path, site_dir: Path | None) -> str:
    """Where the output folder was named, as the start of a located message: the option or mkdocs.yml's line."""
    if site_dir is not None:
        return f"error: -d {site_dir}"
    from ..project import read_project

    project = read_project(config_file)
    option = project.settings.get("site_dir")
    if option is None:
        return f"{project.display}: error: site_dir (not set, so 'site')"
    return f"{project.location(option)}: error: site_dir '{option.value}'"


def _os_reason(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


class _Stopped(SystemExit):
    """The build was asked to stop (SIGTERM, SIGHUP); ``code`` is the exit status a shell expects."""


@contextlib.contextmanager
def _terminate_as_exit():
    """SIGTERM and SIGHUP end the build through Python's own exit, so the staging folder is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise _Stopped(128 + signum)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@click.command()
@click.option("-f", "--config-file", default=None, help=CONFIG_HELP,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-d", "--site-dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Where to put the site (default: site_dir from mkdocs.yml).")
@click.option("--strict", is_flag=True, help="Fail on any warning.")
@click.option("-v", "--verbose", is_flag=True)
def build(config_file: Path | None, site_dir: Path | None, strict: bool, verbose: bool) -> int:
    """Check the content, then build the site and the PDFs; a failed build keeps the previous output."""
    return build_site(project_config(config_file), site_dir, strict, verbose)


@click.command()
@click.option("-f", "--config-file", default=None, help=CONFIG_HELP,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
@click.option("--pdf/--no-pdf", default=None,
              help="Render the PDFs on every rebuild too (default: only when DESKBOOK_PDF=true).")
def serve(config_file: Path | None, dev_addr: str, pdf: bool | None) -> int:
    """Serve the site with live reload; rebuilds when anything under content/ changes. A content error
    shows in the browser as a page listing the errors, and the manual comes back with the next good save."""
    config_file = project_config(config_file)
    try:
        engine.use(config_file)
    except engine.EngineMissing as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    if pdf is not None:  # the option wins; without it the PDF plugin follows DESKBOOK_PDF
        os.environ["DESKBOOK_PDF"] = "true" if pdf else "false"
    _configure_mkdocs_logging(False)
    click.echo(f"Serving the manual on http://{dev_addr}/ once it is built (Ctrl+C stops)", err=True)
    try:
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)
    except (PluginError, ConfigurationError, Abort) as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    return 0

