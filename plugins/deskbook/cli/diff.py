"""``diff BASE [HEAD]``: what a change to the content means for staff, for a pull-request comment."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..diagnostics import Diagnostic, Diagnostics, Location
from ..pipeline import load_checked
from .commands import CONFIG_HELP, project_config
from .reporting import report

if TYPE_CHECKING:
    from ..manual import Manual


@click.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("-f", "--config-file", default=None, help=CONFIG_HELP,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def diff(base: str, head: str | None, config_file: Path | None, fmt: str) -> int:
    """Compare the content at git revision BASE with HEAD, in words, for a pull-request comment.

    HEAD is a branch, tag or commit; left out, BASE is compared with the working tree (uncommitted
    edits included). Exit 1 if either side has content errors, 2 for an unknown revision.
    """
    from ..project import content_dir_of, pdf_outputs_of, read_project
    from ..review.changes import diff_manuals
    from ..review.report import to_json, to_markdown
    from ..review.revisions import RevisionError, export_project, git_root

    config_file = project_config(config_file)
    content_dir = content_dir_of(config_file)
    docs_dir = read_project(config_file).docs_dir
    try:
        repo = git_root(config_file.resolve().parent).resolve()
        with tempfile.TemporaryDirectory(prefix="deskbook-diff-") as temporary:
            manuals: dict[str, Manual | None] = {}
            docs: dict[str, Path | None] = {}
            problems = Diagnostics()
            for label, revision in (("base", base), ("head", head)):
                if revision is None:
                    folder, root, prefix = content_dir, config_file.resolve().parent, ""
                    docs[label] = docs_dir
                else:
                    root = Path(temporary) / label
                    folder = export_project(repo, revision, content_dir, root)
                    docs[label] = _export_docs(repo, revision, docs_dir, root)
                    root = root / content_dir.relative_to(repo).parent
                    prefix = f"{revision}:"
                manual, diagnostics = load_checked(folder, root)
                for item in diagnostics.errors:
                    problems.items.append(Diagnostic(
                        Location(prefix + item.location.path, item.location.line, item.location.column),
                        item.severity, item.message, item.rule))
                manuals[label] = manual
            old, new = manuals["base"], manuals["head"]
            if problems.errors or old is None or new is None:
                return report(problems, "json" if fmt == "json" else "text")
            editions, desk_card = pdf_outputs_of(config_file)  # none configured: where-used names audiences
            changes = diff_manuals(old, new)
            rendered = None
            if changes:  # only then are both sides rendered: the site's renderer and Jinja load here
                from ..review.rendered import compare, render

                rendered = compare(render(old, docs["base"], editions, desk_card),
                                   render(new, docs["head"], editions, desk_card))
            write = to_json if fmt == "json" else to_markdown
            click.echo(write(changes, old, new, editions, desk_card, base,
                             head or new.localization.gettext("working tree"), rendered))
    except RevisionError as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    return 0



def _export_docs(repo: Path, revision: str, docs_dir: Path, destination: Path) -> Path | None:
    """The hand-written pages at ``revision``, or None when the project has none there."""
    from ..review.revisions import RevisionError, export_content

    try:
        return export_content(repo, revision, docs_dir, destination)
    except (RevisionError, ValueError):
        return None
