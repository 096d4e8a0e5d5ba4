"""``pages``: the generated pages as Markdown files, for an engine that runs no MkDocs plugins."""

from __future__ import annotations

from pathlib import Path

import click

from ..diagnostics import Diagnostics, Location
from .commands import CONFIG_HELP, project_config
from .reporting import report


@click.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--config-file", default=None, help=CONFIG_HELP,
              type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--directory-urls/--no-directory-urls", "use_directory_urls", default=None,
              help="Link to page/ instead of page.html [default: use_directory_urls from the config].")
@click.option("--strict", is_flag=True, help="Fail on warnings too, as check --strict does.")
def pages(out_dir: Path, config_file: Path | None, use_directory_urls: bool | None, strict: bool) -> int:
    """Check the project, then write every page of the site as Markdown into OUT_DIR (the generated
    pages, a copy of the hand-written ones, Deskbook's styles and scripts), for an engine that runs no
    MkDocs plugins, such as Zensical: make OUT_DIR its docs folder and add the deskbook.markdown
    extension, which resolves [[...]] in the hand-written pages. OUT_DIR is replaced whole."""
    from ..pipeline import check_project, checked_manual
    from ..project import read_project
    from ..safety import foreign_folder_problem
    from ..site.editing import edit_base_url
    from ..site.export import write_pages

    config_file = project_config(config_file)
    project = read_project(config_file)
    manual, diagnostics = check_project(config_file, project.content_dir)
    if strict:
        diagnostics = diagnostics.strict()
    problem = foreign_folder_problem(out_dir)
    if problem is None and out_dir.resolve() in (project.root, project.docs_dir, project.content_dir):
        problem = "is the project's own folder; choose a new folder, like pages/"
    if problem is not None:
        diagnostics.error(Location(str(out_dir)), f"the output folder {problem}")
    if manual is None or diagnostics.errors:
        report(Diagnostics(diagnostics.errors), "text")
        click.echo("pages stopped: nothing was written or deleted", err=True)
        return 1
    # The pages show prose with its [[references]] replaced, as the plugin's pages do.
    manual = checked_manual(project.content_dir, project.root)[0]
    if use_directory_urls is None:
        setting = project.settings.get("use_directory_urls")
        use_directory_urls = setting.value is not False if setting is not None else True
    settings = {name: project.settings.get(name) for name in ("repo_url", "edit_uri")}
    values = {name: option.value if option is not None and isinstance(option.value, str) else None
              for name, option in settings.items()}
    try:
        written = write_pages(manual, project.content_dir, project.docs_dir, out_dir,
                              use_directory_urls=use_directory_urls,
                              edit_url=edit_base_url(values["repo_url"], values["edit_uri"], project.docs_dir.name))
    except ValueError as exc:  # a page clash, or a page that cannot be rendered
        click.echo(f"error: {exc}", err=True)
        click.echo("pages stopped", err=True)
        return 1
    except OSError as exc:
        click.echo(f"error: cannot write the pages to {out_dir}: {exc.strerror or exc}", err=True)
        return 2
    click.echo(f"wrote {len(written.generated)} generated and {len(written.hand_written)} hand-written pages "
               f"to {out_dir}", err=True)
    return 0
