"""Make every PDF of a build: the print data is made in the build's thread, Typst compiles in threads.

Typst's compiler releases the GIL, so the PDFs lay out on the second core while MkDocs renders the site
on the first, inside the build's own process: a build that is stopped takes its PDF work with it.
"""

from __future__ import annotations

import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from ..locale import Localization
from ..manual import Manual
from .data import DeskCardSpec, EditionSpec, LogFormSpec, PrintOptions, handbook_data
from .pdf import PreparedPdf, RenderedPdf, compile_pdf, prepare

Spec = EditionSpec | DeskCardSpec | LogFormSpec
PDF_THREAD_PREFIX = "deskbook-pdf"


@dataclass(frozen=True)
class PdfJob:
    spec: Spec
    output_dir: str

    @property
    def file_name(self) -> str:
        return f"{self.spec.name}.pdf"

    def title(self, words: Localization) -> str:
        from .words import desk_card_words, log_form_words

        if isinstance(self.spec, DeskCardSpec):
            card = desk_card_words(words)["title"]
            return f"{card} ({self.spec.title})" if self.spec.title else card
        if isinstance(self.spec, LogFormSpec):
            return log_form_words(words)["title"]
        return self.spec.title


def downloads_markdown(jobs: list[PdfJob], words: Localization) -> str:
    """The site's Downloads page: one link per PDF (raw HTML, so MkDocs does not look for a .md)."""
    rows = "".join(
        f'<li><a href="{escape(job.output_dir)}/{escape(job.file_name)}" download>{escape(job.title(words))}</a> '
        f"<small>({escape(job.file_name)})</small></li>"
        for job in jobs
    )
    intro = words.gettext("The printed handbook, one edition per audience, the desk reference card and a blank "
                          "contact log form to print as a pad. They are made from the same content as this site, "
                          "at the same time.")
    return (
        f"# {escape(words.gettext('Downloads'))}\n\n"
        f'<div class="deskbook"><p>{escape(intro)}</p>'
        f'<ul class="deskbook-downloads">{rows}</ul></div>\n'
    )


def prepare_job(job: PdfJob, manual: Manual, site_dir: Path, options: PrintOptions) -> PreparedPdf:
    from .card import desk_card_data, log_form_data

    target = site_dir / job.output_dir / job.file_name
    if isinstance(job.spec, DeskCardSpec):
        template, data = "desk-card.typ", desk_card_data(manual, job.spec, options)
    elif isinstance(job.spec, LogFormSpec):
        template, data = "log-form.typ", log_form_data(manual, options)
    else:
        template, data = "handbook.typ", handbook_data(manual, job.spec, options)
    return prepare(template, data, manual.content_dir, target)


def start_jobs(jobs: list[PdfJob], manual: Manual, site_dir: Path, options: PrintOptions,
               threads: int = 2) -> "PendingJobs":
    """Make each PDF's data now (in this thread: the site's Markdown converter is not thread-safe) and
    start compiling at once; ``PendingJobs.wait`` collects the PDFs."""
    prepared: list[PreparedPdf] = []
    try:
        for job in jobs:
            prepared.append(prepare_job(job, manual, site_dir, options))
    except BaseException:
        for item in prepared:
            item.cleanup()
        raise
    return PendingJobs(jobs, prepared, options, threads)


class PendingJobs:
    def __init__(self, jobs: list[PdfJob], prepared: list[PreparedPdf], options: PrintOptions, threads: int):
        self.jobs = jobs
        self.prepared = prepared
        self.pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=max(1, min(threads, len(prepared))), thread_name_prefix=PDF_THREAD_PREFIX
        )
        timestamp = options.printed
        # The handbooks are the long jobs: start them first so the last to finish is not a late long one.
        order = sorted(range(len(prepared)), key=lambda index: not isinstance(jobs[index].spec, EditionSpec))
        self.futures: dict[int, Future] = {
            index: self.pool.submit(compile_pdf, prepared[index], timestamp) for index in order
        }

    def wait(self) -> list[RenderedPdf]:
        results: dict[int, RenderedPdf] = {}
        try:
            with _progress(len(self.prepared)) as advance:
                for index, future in self.futures.items():
                    results[index] = future.result()
                    advance(self.jobs[index].file_name)
        finally:
            self.cancel()
        return [results[index] for index in range(len(self.prepared))]

    def cancel(self) -> None:
        """Drop the jobs not yet started (a failed site build); a running compile finishes and writes its
        PDF atomically, so no half-written file is left behind."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
            for index, future in self.futures.items():
                if future.cancelled():
                    self.prepared[index].cleanup()


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

