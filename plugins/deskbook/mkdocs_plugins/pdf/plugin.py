"""Thin adapter: after MkDocs has built the site, render the PDFs with ``deskbook.handbook``."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ...handbook.jobs import PdfJob, PendingJobs, start_jobs
from ...handbook.render import DeskCardSpec, EditionSpec
from ...manual import Manual
from ...model.base import is_slug
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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @property
    def active(self) -> bool:
        """PDFs are skipped when the switch says false, and during `mkdocs serve` unless it says true:
        a live-reloading preview should not wait for WeasyPrint on every keystroke."""
        switch = os.environ.get(self.config.skip_env, "").strip().lower()
        if not self.config.enabled or switch in _FALSE:
            return False
        return not self.serving or switch in _TRUE

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._cancel()
        self.manual = None
        self.jobs = []
        if not self.active:
            return config
        self.project_root = Path(config.config_file_path).resolve().parent
        content_dir = self._content_dir(config)
        self.manual = load_checked_manual(content_dir, self.project_root)
        self.jobs = self._plan_jobs(self.manual)
        return config

    def _content_dir(self, config: MkDocsConfig) -> Path:
        content_plugin = config.plugins.get("deskbook/content")
        relative = content_plugin.config.content_dir if content_plugin is not None else "content"
        return (self.project_root / relative).resolve()

    def _plan_jobs(self, manual: Manual) -> list[PdfJob]:
        problems = []
        audiences = {audience.id for audience in manual.entities("audience")}
        names: set[str] = set()
        specs: list[EditionSpec | DeskCardSpec] = []
        editions = self.config.editions or [{"name": "handbook", "title": "Complete edition", "audience": None}]
        for index, edition in enumerate(editions):
            name, title, audience = edition["name"], edition["title"], edition["audience"]
            if not is_slug(name):
                problems.append(f"editions[{index}].name '{name}' must use lowercase letters, digits and hyphens")
            if audience is not None and audience not in audiences:
                problems.append(
                    f"editions[{index}].audience '{audience}' is not an audience in manual.yaml "
                    f"({', '.join(sorted(audiences))})"
                )
            if name in names:
                problems.append(f"editions[{index}].name '{name}' is used twice; each PDF needs its own name")
            names.add(name)
            specs.append(EditionSpec(name, title, audience))
        card = self.config.desk_card
        if card.enabled:
            for script_id in card.scripts:
                if manual.get("script", script_id) is None:
                    problems.append(f"desk_card.scripts: unknown script '{script_id}'")
            if card.name in names or not is_slug(card.name):
                problems.append(f"desk_card.name '{card.name}' must be a unique lowercase name")
            specs.append(DeskCardSpec(card.name, tuple(card.parts), tuple(card.scripts), card.audience))
        if problems:
            raise PluginError("deskbook/pdf configuration in mkdocs.yml:\n" + "\n".join(problems))
        return [PdfJob(spec, self.config.output_dir) for spec in specs]

    # Default priority: whatever order other plugins' files come in, the PDFs only need the Manual, and
    # on_files is the first event after MkDocs has emptied site_dir (earlier, their output would be wiped).
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.active or not self.jobs or self.manual is None:
            return files
        if files.get_file_from_path("downloads.md") is None:
            files.append(File.generated(config, "downloads.md", content=_downloads_page(self.jobs)))
        # The PDFs start rendering now in worker processes, so WeasyPrint's layout overlaps MkDocs
        # building the site's pages; on_post_build waits for them.
        whats_new = _whats_new_html(self.manual, self.project_root)
        try:
            self.pending = start_jobs(
                self.jobs,
                content_dir=self.manual.content_dir,
                project_root=self.project_root,
                site_dir=Path(config.site_dir),
                page_size=self.config.page_size,
                whats_new_html=whats_new,
                workers=self.config.workers,
                manual=self.manual,
            )
        except Exception as exc:
            raise PluginError(f"Deskbook PDF: {exc}") from None
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pending is None:
            return
        pending, self.pending = self.pending, None
        try:
            results = pending.wait()
        except Exception as exc:  # a PrintError from a worker arrives re-raised here
            raise PluginError(f"Deskbook PDF: {exc}") from None
        for result in results:
            log.info(f"wrote {result.path.relative_to(config.site_dir)} ({result.pages} pages)")

    def on_build_error(self, *, error: Exception) -> None:
        self._cancel()

    def on_shutdown(self) -> None:
        self._cancel()

    def _cancel(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None


def _downloads_page(jobs: list[PdfJob]) -> str:
    from ...handbook.jobs import downloads_markdown

    return downloads_markdown(jobs)


def _whats_new_html(manual: Manual, project_root: Path | None) -> str | None:
    try:
        from ...review.pages import whats_new_markdown
    except ModuleNotFoundError:
        return None
    from ...text import markdown_html

    return str(markdown_html(whats_new_markdown(manual, project_root)))
