"""The ``deskbook`` command line (``build_manual.py`` in a checkout): ``main(argv) -> int``.

Exit codes: 0 success, 1 content errors (located messages printed), 2 usage errors.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

import click

from ..clock import SourceDateEpochError
from .commands import cli

EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None, prog_name: str = "deskbook") -> int:
    """Run the command line; ``prog_name`` is what --help and usage errors call it."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_USAGE
    except click.UsageError as exc:
        exc.show()
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except SourceDateEpochError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_USAGE
    finally:
        # A command may have frozen what its imports built (commands.imports_uncollected); a process that
        # lives on after main (a test run) gets it collected again.
        gc.unfreeze()
    return int(result or 0)


def run(prog_name: str = "deskbook") -> None:
    """The console script (and ``build_manual.py``): :func:`main`, then the end of the process.

    Everything is frozen out of the collector first: at exit the interpreter collects once more, and
    walking every object the run made (the content model's classes above all) took about 0.1 s of a
    0.5 s ``check``, to free memory the process gives back anyway. atexit handlers, the modules' teardown
    and the flushing of stdout and stderr happen as before."""
    status = main(prog_name=prog_name)
    gc.freeze()
    raise SystemExit(status)
