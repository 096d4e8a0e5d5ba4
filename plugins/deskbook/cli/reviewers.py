"""``reviewers``: the CODEOWNERS lines and the review reminder, printed, so both can be seen and tested
without GitHub; the workflows ``init`` writes use them."""

from __future__ import annotations

from pathlib import Path

import click

from .commands import CONFIG_HELP, project_config
from .reporting import report


@click.command()
@click.option("-f", "--config-file", default=None, help=CONFIG_HELP,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--codeowners", is_flag=True,
              help="Print CODEOWNERS lines (policy files and their owners' reviewers) instead of the reminder.")
@click.option("--if-due", is_flag=True, help="Print nothing when no review is due (for the scheduled workflow).")
def reviewers(config_file: Path | None, codeowners: bool, if_due: bool) -> int:
    """Print the reminder of policy reviews overdue or due soon (Markdown, for an issue), or with
    --codeowners the CODEOWNERS file that asks each policy's reviewers to review changes to it."""
    from ..clock import today
    from ..pipeline import load_checked
    from ..project import content_dir_of
    from ..review.reminders import codeowners as codeowners_text
    from ..review.reminders import due_reviews, reminder_markdown
    from ..review.revisions import RevisionError, git_root

    config_file = project_config(config_file)
    root = config_file.resolve().parent
    manual, diagnostics = load_checked(content_dir_of(config_file), root)
    if manual is None or diagnostics.errors:
        report(diagnostics, "text", summary=False)
        return 1
    if codeowners:
        try:
            repo_root = git_root(root)
        except RevisionError:
            repo_root = root  # not in git yet: the project will be the repository
        click.echo(codeowners_text(manual, root, repo_root), nl=False)
        return 0
    day = today()
    if if_due and not due_reviews(manual, day):
        return 0
    click.echo(reminder_markdown(manual, day), nl=False)
    return 0
