"""``init DIR --name "Company"``: a new manual repository that checks and builds at once, with no fork.

The files come from the templates in ``starter/``: mkdocs.yml, a minimal valid ``content/`` (every
required file), ``docs/``, the JSON Schemas and editor wiring, a CI workflow and a pre-commit hook that
install the Deskbook release pinned in ``requirements.txt``: by default this very release, from the
repository named in the package's metadata at its tag (or commit, for a development version).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import click
import yaml

from ..release import pinned_requirement

# Template names whose file lands elsewhere than its name says (dot files, the workflow's folder).
_DESTINATIONS = {
    "gitignore.j2": ".gitignore",
    "pre-commit-config.yaml.j2": ".pre-commit-config.yaml",
    "workflow.yml.j2": ".github/workflows/manual.yml",
    "reviews.yml.j2": ".github/workflows/reviews.yml",
}


def yaml_scalar(text: str) -> str:
    """``text`` as one YAML value, written the way a person would: plain where YAML reads it back as the
    same text (``Acme & Sons``), quoted only where it would not (``'2024'``, ``'yes'``, ``': x'``)."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=math.inf)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def starter_files(name: str, requirement: str, today: dt.date, reviewers: tuple[str, ...] = ()) -> dict[str, str]:
    """Relative path -> text of every file of a new project."""
    from jinja2 import Environment, PackageLoader, StrictUndefined  # only `init` renders the starter

    environment = Environment(loader=PackageLoader("deskbook.cli", "starter"), autoescape=False,
                              undefined=StrictUndefined, keep_trailing_newline=True)
    environment.filters["yaml"] = yaml_scalar
    values = {"name": name, "requirement": requirement, "today": today.isoformat(), "year": today.year,
              "reviewers": reviewers}
    return {
        _DESTINATIONS.get(template, template.removesuffix(".j2")): environment.get_template(template).render(values)
        for template in sorted(environment.list_templates(extensions=["j2"]))
    }


def write_project(target: Path, name: str, requirement: str, today: dt.date,
                  reviewers: tuple[str, ...] = ()) -> list[Path]:
    from ..pipeline import load_checked_manual
    from ..review.reminders import codeowners
    from ..schemas import write_schemas, write_vscode_settings

    written = []
    for relative, text in starter_files(name, requirement, today, reviewers).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    written += write_schemas(target / "schemas")
    written.append(write_vscode_settings(target / ".vscode" / "settings.json", target / "schemas", Path("content")))
    owners = target / ".github" / "CODEOWNERS"
    owners.write_text(codeowners(load_checked_manual(target / "content", target), target, target), encoding="utf-8")
    written.append(owners)
    return written


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", required=True, help="The company's name, as the manual prints it.")
@click.option("--requirement", default=None,
              help="How the new repository installs Deskbook [default: this release from its repository at "
                   "its tag: 'deskbook @ git+<repository>@vX.Y.Z']; for example 'deskbook==1.0' from a "
                   "package index of your own.")
@click.option("--reviewer", "reviewers", multiple=True, metavar="HANDLE",
              help="A GitHub user or team (@jdoe, @acme/care-leads) who reviews policy changes and gets the "
                   "review reminders; repeat for more. Written as the reviewers of the manager role.")
def init(directory: Path, name: str, requirement: str | None, reviewers: tuple[str, ...]) -> int:
    """Start a new manual in DIRECTORY: content, pages, CI, pre-commit, review reminders and CODEOWNERS,
    ready to check and build."""
    from ..clock import today
    from ..model.escalation import check_reviewer

    if not name.strip():
        raise click.UsageError("--name must not be empty")
    if any(not character.isprintable() for character in name):
        raise click.UsageError("--name must be one line of text, without line breaks or control characters")
    if "[[" in name or "]]" in name:
        raise click.UsageError("--name must not hold '[[' or ']]': the manual reads them as a reference "
                               "([[company.name]] is the name itself)")
    for handle in reviewers:
        try:
            check_reviewer(handle)
        except ValueError as exc:
            raise click.UsageError(f"--reviewer: {exc}") from None
    if directory.is_symlink() and not directory.exists():
        raise click.UsageError(f"{directory} is a symbolic link to nothing; remove it or choose a new folder")
    if directory.exists() and any(entry.name != ".git" for entry in directory.iterdir()):
        raise click.UsageError(f"{directory} is not empty; choose a new folder (init never overwrites files)")
    requirement = requirement or pinned_requirement()
    if requirement is None:
        raise click.UsageError("this Deskbook was not installed from a release or a git checkout, so init "
                               "cannot say how the new repository installs it; pass --requirement, like "
                               "--requirement 'deskbook @ git+<repository>@<tag>'")
    try:
        written = write_project(directory, name.strip(), requirement, today(), reviewers)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        click.echo(f"error: cannot write the new project in {directory}: {exc.strerror or exc}{where}", err=True)
        return 1
    click.echo(f"wrote {len(written)} files in {directory}", err=True)
    click.echo(f"next: cd {directory} && deskbook check && deskbook build", err=True)
    return 0
