"""Render several PDFs side by side: the print HTML is made here, WeasyPrint runs in worker processes.

Layout is WeasyPrint's cost (about 80 % of its time) and is single-threaded, so independent PDFs (each
edition, the desk card) go to separate processes, started before MkDocs builds the site's pages so the
two overlap.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from ..clock import build_datetime
from ..manual import Manual
from .pdf import RenderedPdf, render_pdf
from .render import ASSETS, DeskCardSpec, EditionSpec, PrintOptions, desk_card_html, handbook_html


@dataclass(frozen=True)
class PdfJob:
    spec: EditionSpec | DeskCardSpec
    output_dir: str

    @property
    def file_name(self) -> str:
        return f"{self.spec.name}.pdf"

    @property
    def title(self) -> str:
        if isinstance(self.spec, DeskCardSpec):
            return "Desk reference card"
        return self.spec.title


def downloads_markdown(jobs: list[PdfJob]) -> str:
    """The site's Downloads page: one link per PDF (raw HTML, so MkDocs does not look for a .md)."""
    rows = "".join(
        f'<li><a href="{escape(job.output_dir)}/{escape(job.file_name)}" download>{escape(job.title)}</a> '
        f"<small>({escape(job.file_name)})</small></li>"
        for job in jobs
    )
    return (
        "# Downloads\n\n"
        '<div class="deskbook"><p>The printed handbook, one edition per audience, and the desk reference '
        "card. They are made from the same content as this site, at the same time.</p>"
        f'<ul class="deskbook-downloads">{rows}</ul></div>\n'
    )


def _render_one(html: str, base_dir: str, roots: list[str], target: str) -> RenderedPdf:
    return render_pdf(html, Path(base_dir), [Path(root) for root in roots], Path(target))


def start_jobs(
    jobs: list[PdfJob],
    content_dir: Path,
    project_root: Path,
    site_dir: Path,
    page_size: str,
    whats_new_html: str | None,
    workers: int = 2,
    manual: Manual | None = None,
) -> "PendingJobs":
    """Make the print HTML now and hand it to worker processes, which start rendering at once.

    The MkDocs plugin calls this before the site's pages are built, so WeasyPrint's layout runs on the
    second core while MkDocs renders the site on the first; ``PendingJobs.wait`` collects the PDFs.
    """
    from ..pipeline import load_checked_manual

    manual = manual or load_checked_manual(content_dir, project_root)
    options = PrintOptions(page_size=page_size, printed=build_datetime(), whats_new_html=whats_new_html)
    roots = [str((content_dir / "assets").resolve()), str(ASSETS.resolve())]
    work = []
    for job in jobs:
        if isinstance(job.spec, DeskCardSpec):
            html = desk_card_html(manual, job.spec, options)
        else:
            html = handbook_html(manual, job.spec, options)
        work.append((html, str(content_dir), roots, str(site_dir / job.output_dir / job.file_name)))
    return PendingJobs(jobs, work, workers)


class PendingJobs:
    def __init__(self, jobs: list[PdfJob], work: list[tuple], workers: int):
        self.jobs = jobs
        self.work = work
        # Largest first, so the last worker to finish is not the one that started the longest job late.
        self.order = sorted(range(len(work)), key=lambda index: -len(work[index][0]))
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict = {}
        if workers > 1 and len(work) > 0:
            context = multiprocessing.get_context("spawn")  # no fork: `mkdocs serve` runs threads
            self.pool = ProcessPoolExecutor(max_workers=min(workers, len(work)), mp_context=context)
            self.futures = {index: self.pool.submit(_render_one, *work[index]) for index in self.order}

    def wait(self) -> list[RenderedPdf]:
        results: dict[int, RenderedPdf] = {}
        try:
            with _progress(len(self.work)) as advance:
                for index in self.order:
                    if self.pool is None:
                        results[index] = _render_one(*self.work[index])
                    else:
                        results[index] = self.futures[index].result()
                    advance(self.jobs[index].file_name)
        except BaseException:
            self.cancel()
            raise
        if self.pool is not None:
            # Every job is done: reap the workers now (their memory then counts in RUSAGE_CHILDREN).
            self.pool.shutdown(wait=True)
            self.pool = None
        return [results[index] for index in range(len(self.work))]

    def cancel(self) -> None:
        """Drop the jobs not yet started (a failed site build); a running render still finishes its
        temporary file and renames it, so no half-written PDF is left behind."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


class _progress:
    """A rich progress bar on an interactive terminal; silence elsewhere (CI logs, tests)."""

    def __init__(self, total: int):
        self.total = total
        self.progress = None

    def __enter__(self):
        if sys.stderr.isatty():
            from rich.progress import Progress

            self.progress = Progress(transient=True)
            self.progress.start()
            task = self.progress.add_task("Rendering PDFs", total=self.total)
            return lambda name: self.progress.update(task, advance=1, description=f"Rendered {name}")
        return lambda name: None

    def __exit__(self, *exc_info):
        if self.progress is not None:
            self.progress.stop()
        return False
