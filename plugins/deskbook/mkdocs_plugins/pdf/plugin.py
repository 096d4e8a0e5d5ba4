"""Thin adapter: while MkDocs builds the site, make the PDFs with ``deskbook.handbook``."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from ...clock import build_datetime
from ...diagnostics import format_report
from ...handbook.jobs import PdfJob, PendingJobs, start_jobs
from ...handbook.specs import (
    AcknowledgementSpec,
    DeskCardSpec,
    EditionSpec,
    HandwrittenPage,
    LogFormSpec,
    PrintOptions,
    handwritten_page,
)
from ...locale import Localization, localization
from ...manual import Manual
from ...options import PdfOptions, options_from
from ...print_bounds import OPTIONS as BOUND_OPTIONS
from ...print_bounds import PrintBounds
from ...project import DEFAULT_EDITION, pdf_option_diagnostics, read_project
from ...site.preview import pdfs_not_built_page
from ..manual_source import load_checked_manual
from .config import PdfConfig

log = logging.getLogger("mkdocs.plugins.deskbook.pdf")

_FALSE = {"0", "false", "no", "off"}
_TRUE = {"1", "true", "yes", "on"}


class PdfPlugin(BasePlugin[PdfConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.manual: Manual | None = None
        self.project_root: Path | None = None
        self.jobs: list[PdfJob] = []
        self.pending: PendingJobs | None = None
        self.serving = False
        self.downloads: File | None = None  # the Downloads page this build writes

    @property
    def options(self) -> PdfOptions:
        """The validated config as the one declaration types it (``deskbook.options``)."""
        return options_from(PdfOptions, self.config)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @property
    def active(self) -> bool:
        """PDFs are skipped when the switch says false, and during `mkdocs serve` unless it says true:
        a live-reloading preview should not wait for the PDFs on every keystroke."""
        switch = os.environ.get(self.options.skip_env, "").strip().lower()
        if not self.options.enabled or switch in _FALSE:
            return False
        return not self.serving or switch in _TRUE

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._cancel()
        self.manual = None
        self.jobs = []
        self.downloads = None
        if not self.active:
            return config
        self.project_root = Path(config.config_file_path).resolve().parent
        content_dir = self._content_dir(config)
        self.manual = load_checked_manual(content_dir, self.project_root)
        found = pdf_option_diagnostics(read_project(Path(config.config_file_path)), self.manual, self.config)
        errors = [diagnostic for diagnostic in found if diagnostic.severity == "error"]
        if errors:
            raise PluginError("deskbook/pdf options in mkdocs.yml:\n" + format_report(errors))
        for warning in (diagnostic for diagnostic in found if diagnostic.severity == "warning"):
            # Under mkdocs., so --strict fails on them as check --strict does.
            log.warning(warning.format_text())
        self.jobs = self._plan_jobs()
        return config

    def _words(self, config: MkDocsConfig) -> Localization:
        """The manual's words for a preview's Downloads page (no PDFs, so no Manual was loaded here); English
        while the content has errors, which the preview then shows instead of the page."""
        project_root = Path(config.config_file_path).resolve().parent
        try:
            return load_checked_manual(self._content_dir(config, project_root), project_root).localization
        except PluginError:
            return localization()

    def _content_dir(self, config: MkDocsConfig, project_root: Path | None = None) -> Path:
        content_plugin = config.plugins.get("deskbook/content")
        relative = content_plugin.config["content_dir"] if content_plugin is not None else "content"
        root = project_root or self.project_root
        if root is None:  # on_config sets it before any caller runs
            raise PluginError("deskbook/pdf: the project folder is not known yet")
        return (root / relative).resolve()

    def _plan_jobs(self) -> list[PdfJob]:
        """The PDFs the options ask for. on_config has had project.py check the options, as ``check`` does."""
        specs: list[EditionSpec | DeskCardSpec | LogFormSpec | AcknowledgementSpec] = [
            EditionSpec(edition.name, edition.title, edition.audience) for edition in self.options.editions
        ] or [EditionSpec(str(DEFAULT_EDITION["name"]), str(DEFAULT_EDITION["title"]), None)]
        card = self.options.desk_card
        if card.enabled:
            specs.append(DeskCardSpec(card.name, tuple(card.parts), tuple(card.scripts), card.audience))
            if card.per_edition:
                specs.extend(
                    DeskCardSpec(f"{card.name}-{spec.audience}", tuple(card.parts), tuple(card.scripts),
                                 spec.audience, spec.title)
                    for spec in list(specs) if isinstance(spec, EditionSpec) and spec.audience
                )
        if self.options.log_form.enabled:
            specs.append(LogFormSpec(self.options.log_form.name))
        if self.options.acknowledgement.enabled and self.manual is not None:
            from ...review.acknowledgement import acknowledgement_sheet, sheet_name

            specs.extend(AcknowledgementSpec(sheet_name(audience.id),
                                             acknowledgement_sheet(self.manual, self.project_root, audience.id))
                         for audience in self.manual.settings.audiences)
        bounds = PrintBounds(**{name: getattr(self.options, name) for name in BOUND_OPTIONS})
        return [PdfJob(spec, self.options.output_dir, bounds) for spec in specs]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if files.get_file_from_path("downloads.md") is not None:
            return files
        if self.active and self.jobs and self.manual is not None:
            self.downloads = File.generated(
                config, "downloads.md", content=_downloads_page(self.jobs, self.manual, self.options.page_size)
            )
            files.append(self.downloads)
        elif self.options.enabled and not self.active:
            # The page stays where readers and links expect it, and says how to get the PDFs.
            content = pdfs_not_built_page(self.serving, self.options.skip_env, self._words(config))
            files.append(File.generated(config, "downloads.md", content=content))
        return files

    # Default priority: the PDFs need the Manual and the navigation's order of the hand-written pages.
    # on_nav comes after MkDocs has emptied site_dir and before it renders a single page, so Typst's
    # layout (in threads, the GIL released) overlaps MkDocs building the site.
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.active or not self.jobs or self.manual is None:
            return nav
        audiences = {getattr(job.spec, "audience", None) for job in self.jobs if isinstance(job.spec, EditionSpec)}
        options = PrintOptions(
            page_size=self.options.page_size,
            printed=build_datetime(),
            whats_new_markdown=_whats_new(self.manual, self.project_root, audiences),
            handwritten=tuple(_handwritten_pages(nav)),
        )
        try:
            self.pending = start_jobs(self.jobs, self.manual, Path(config.site_dir), options, self.options.threads)
        except Exception as exc:
            raise PluginError(f"Deskbook PDF: {exc}") from None
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pending is None:
            return
        pending, self.pending = self.pending, None
        try:
            results = pending.wait()
        except Exception as exc:  # a PrintError from a compiling thread arrives re-raised here
            raise PluginError(f"Deskbook PDF: {exc}") from None
        for result in results:
            log.info(f"wrote {result.path.relative_to(config.site_dir)} ({result.pages} pages)")
        if self.downloads is not None and self.manual is not None:
            from ...handbook.jobs import fill_download_facts

            fill_download_facts(Path(self.downloads.abs_dest_path), results, self.manual.localization,
                                self.options.page_size)

    def on_build_error(self, *, error: Exception) -> None:
        self._cancel()

    def on_shutdown(self) -> None:
        self._cancel()

    def _cancel(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None


def _downloads_page(jobs: list[PdfJob], manual: Manual, paper: str) -> str:
    from ...handbook.jobs import downloads_markdown

    return downloads_markdown(jobs, manual.localization, paper)


def _whats_new(manual: Manual, project_root: Path | None, audiences: set[str | None]) -> dict[str | None, str]:
    from ...review.pages import whats_new_markdown

    return {audience: whats_new_markdown(manual, project_root, audience) for audience in audiences}


def _handwritten_pages(nav: Navigation) -> list[HandwrittenPage]:
    """The project's own Markdown pages (not Deskbook's generated ones), in navigation order."""
    pages = []
    for page in nav.pages:
        source = page.file
        if source.generated_by is not None or not source.src_uri.endswith(".md"):
            continue
        markdown = source.content_string
        title = page.title or _first_heading(markdown) or source.name.replace("-", " ").capitalize()
        printed = handwritten_page(source.src_uri, title, markdown)
        if printed is not None:
            pages.append(printed)
    return pages


def _first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None
