"""load -> check -> Manual: the one path every command, plugin and test takes to a checked Manual.

``load_checked`` reads and checks a content folder and returns every diagnostic of the run;
``checked_manual`` is the same for outputs, which need a Manual without errors: it raises
:class:`ContentError` listing all of them, and keeps the result for the content's current files, so the
CLI's check before a build, the content plugin and the PDF plugin share one load per build (and
``mkdocs serve`` loads again only after an edit).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .check import check_manual
from .diagnostics import ContentError, Diagnostics, Location, display_path
from .manual import Manual, load_manual
from .project import check_project as check_project_options
from .project import markdown_pages, read_project
from .references import resolved_manual
from .review.editions import previous_edition

_checked: dict[Path, tuple[tuple, Manual, Diagnostics]] = {}


def load_checked(
    content_dir: Path,
    project_root: Path | None = None,
    *,
    allow_partial: bool = False,
    today: dt.date | None = None,
) -> tuple[Manual | None, Diagnostics]:
    """Load and check; the Manual is None when a file could not be read (with ``allow_partial``, only
    when a settings file could not). Every problem of the run is in the diagnostics."""
    manual, diagnostics = load_manual(content_dir, project_root, allow_partial=allow_partial)
    if manual is not None:
        check_manual(manual, diagnostics, today=today)
    return manual, diagnostics


def checked_manual(content_dir: Path, project_root: Path | None = None) -> tuple[Manual, Diagnostics]:
    """The checked Manual for outputs, its prose references resolved, and its warnings; raises
    ContentError with every located error."""
    content_dir = content_dir.resolve()
    signature = _signature(content_dir)
    cached = _checked.get(content_dir)
    if cached is not None and cached[0] == signature:
        return cached[1], cached[2]
    manual, diagnostics = load_checked(content_dir, project_root)
    if manual is None or diagnostics.errors:
        raise ContentError(diagnostics.items)
    # Outputs read prose with its [[references]] already replaced by the current values.
    manual = resolved_manual(manual)
    _checked[content_dir] = (signature, manual, diagnostics)
    return manual, diagnostics


def load_checked_manual(content_dir: Path, project_root: Path | None = None) -> Manual:
    """Just the checked Manual, for outputs and tests; raises ContentError with every located error."""
    return checked_manual(content_dir, project_root)[0]


def _signature(content_dir: Path) -> tuple:
    """Paths, sizes and modification times of every file under the content folder."""
    if not content_dir.is_dir():
        return ()
    entries = []
    for path in sorted(content_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            entries.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


# --- the whole project: content, mkdocs.yml, hand-written pages, the previous edition -------------------

def check_project(
    config_file: Path | None,
    content_dir: Path,
    *,
    today: dt.date | None = None,
) -> tuple[Manual | None, Diagnostics]:
    """Everything ``build`` would reject, found first: the content, the Deskbook options in mkdocs.yml,
    every ``[[...]]`` reference in every hand-written page, and the previous edition's git revision.
    Without a mkdocs.yml only the content is checked."""
    root = config_file.resolve().parent if config_file is not None else content_dir.resolve().parent
    manual, diagnostics = load_checked(content_dir, root, allow_partial=True, today=today)
    check_beyond_content(config_file, manual, root, diagnostics)
    return manual, diagnostics


def check_beyond_content(config_file: Path | None, manual: Manual | None, root: Path,
                         diagnostics: Diagnostics) -> None:
    """What surrounds the content: mkdocs.yml's Deskbook options, the hand-written pages' references and
    the previous edition. References are judged only against a Manual whose every file loaded."""
    complete = manual if manual is not None and not manual.incomplete_kinds else None
    if config_file is not None:
        project = read_project(config_file)
        check_project_options(project, manual, diagnostics)
        check_page_tables(project, diagnostics)
        if complete is not None:
            check_pages(complete, project.docs_dir, root, diagnostics)
            if project.plugin("deskbook/pdf") is not None:
                from .handbook.glyph_check import check_print_glyphs

                check_print_glyphs(complete, diagnostics)
    if complete is not None:
        check_previous_edition(complete, root, diagnostics)


def check_pages(manual: Manual, docs_dir: Path, root: Path, diagnostics: Diagnostics) -> None:
    """Every ``[[...]]`` reference of every hand-written page, all reported in one run."""
    for path in markdown_pages(docs_dir):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            diagnostics.error(Location(display_path(path, root)), f"cannot read the page: {exc}")
            continue
        report_reference_problems(manual, display_path(path, root), text, diagnostics)


def check_page_tables(project, diagnostics: Diagnostics) -> None:
    """A hand-written page's table that no PDF could print, found in the page's Markdown before anything
    is laid out (a 55,000-row table once took Typst 268 s and 6.1 GiB)."""
    from .print_bounds import markdown_tables
    from .project import print_bounds_of

    pdf = project.plugin("deskbook/pdf")
    if pdf is None:
        return
    bound = pdf.get("max_rows")
    where = f"max_rows of deskbook/pdf in {project.display}" + (f" (line {bound.line})" if bound else "")
    limit = print_bounds_of(project).max_rows
    for path in markdown_pages(project.docs_dir):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # check_pages reports it
        for line, rows in markdown_tables(text):
            if rows > limit:
                diagnostics.error(Location(display_path(path, project.root), line, 1),
                                  f"this table has {rows:,} rows; a PDF prints at most {limit:,} ({where}): split "
                                  "the table, or raise max_rows if the PDF must hold it")


def report_reference_problems(manual: Manual, shown: str, markdown: str, diagnostics: Diagnostics) -> None:
    from .site.references import reference_problems

    for problem in reference_problems(markdown, manual):
        diagnostics.error(Location(shown, problem.line, problem.column), problem.message)


def check_previous_edition(manual: Manual, project_root: Path, diagnostics: Diagnostics) -> None:
    previous = previous_edition(manual, project_root)
    if previous is None or previous.manual is not None:
        return
    document = next(doc for doc in manual.documents if doc.content_file.name == "manual")
    where = document.location(("edition", "previous_tag"))
    if not previous.in_git:
        diagnostics.error(where, f"previous_tag '{previous.tag}' cannot be read: the project is not in a git "
                                 "repository; remove previous_tag or commit the project to git")
    elif previous.problem == "it has content errors":
        diagnostics.warning(where, f"the previous edition ({previous.tag}) has content errors, so 'What changed' "
                                   "shows no comparison; run 'check' on that revision to see them")
    else:
        diagnostics.error(where, f"previous_tag: {previous.problem}; name the git tag of the previous edition "
                                 "(git tag lists them)")
