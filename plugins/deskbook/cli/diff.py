"""``diff BASE [HEAD]``: what a change to the content means for staff, for a pull-request comment."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click
import yaml

from ..diagnostics import Diagnostic, Diagnostics, Location
from ..pipeline import load_checked
from .reporting import report


@click.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def diff(base: str, head: str | None, config_file: Path, fmt: str) -> int:
    """Compare the content at git revision BASE with HEAD, in words, for a pull-request comment.

    HEAD is a branch, tag or commit; left out, BASE is compared with the working tree (uncommitted
    edits included). Exit 1 if either side has content errors, 2 for an unknown revision.
    """
    from ..project import content_dir_of, pdf_outputs_of
    from ..review.changes import diff_manuals
    from ..review.report import to_json, to_markdown
    from ..review.revisions import RevisionError, export_content, git_root

    content_dir = content_dir_of(config_file)
    try:
        repo = git_root(config_file.resolve().parent).resolve()
        with tempfile.TemporaryDirectory(prefix="deskbook-diff-") as temporary:
            manuals = {}
            problems = Diagnostics()
            for label, revision in (("base", base), ("head", head)):
                if revision is None:
                    folder, root, prefix = content_dir, config_file.resolve().parent, ""
                else:
                    root = Path(temporary) / label
                    folder = export_content(repo, revision, content_dir, root)
                    root = root / content_dir.relative_to(repo).parent
                    prefix = f"{revision}:"
                manual, diagnostics = load_checked(folder, root)
                for item in diagnostics.errors:
                    problems.items.append(Diagnostic(
                        Location(prefix + item.location.path, item.location.line, item.location.column),
                        item.severity, item.message, item.rule))
                manuals[label] = manual
            if problems.errors or None in manuals.values():
                return report(problems, "json" if fmt == "json" else "text")
            try:
                editions, desk_card = pdf_outputs_of(config_file)
            except (OSError, yaml.YAMLError, AttributeError, TypeError):
                editions, desk_card = [], None  # where-used then names audiences instead of editions
            changes = diff_manuals(manuals["base"], manuals["head"])
            render = to_json if fmt == "json" else to_markdown
            click.echo(render(changes, manuals["base"], manuals["head"], editions, desk_card, base,
                              head or manuals["head"].localization.gettext("working tree")))
    except RevisionError as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    return 0

