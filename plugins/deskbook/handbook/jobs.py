"""Make every PDF of a build: the print data is made in the build's thread, and each PDF is handed at
once to a thread that has Typst lay it out in a process of its own (``typst_process.py``), so the PDFs
lay out on the second core while MkDocs renders the site on the first. The Typst processes end with the
build, even a build that is killed.

The handbooks lay out one after another (``threads`` of them at once): each holds about 3 MiB a page
until its PDF is written. The short documents (the desk cards, the log form, the acknowledgement sheets:
a page or two each) hold next to nothing, so they lay out in a lane of their own beside the handbooks
instead of queueing behind them, where they were the last seconds of every full build.

Once MkDocs has written the site, the build's thread only waits, and the handbooks still queued are what
the build waits for: the last of them then moves to a spare lane beside the others, where the machine has
a core and the memory for it (``memory_limit``, the most one Typst process may take, is available).
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from ..locale import Localization
from ..manual import Manual
from ..print_bounds import PrintBounds
from .data import PageConverter, handbook_data
from .pdf import PreparedPdf, RenderedPdf, compile_pdf, prepare
from .specs import AcknowledgementSpec, DeskCardSpec, EditionSpec, LogFormSpec, PrintOptions

Spec = EditionSpec | DeskCardSpec | LogFormSpec | AcknowledgementSpec
PDF_THREAD_PREFIX = "deskbook-pdf"


@dataclass(frozen=True)
class PdfJob:
    spec: Spec
    output_dir: str
    bounds: PrintBounds = field(default_factory=PrintBounds)

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
        if isinstance(self.spec, AcknowledgementSpec):
            return words.gettext("Acknowledgement: %(audience)s", audience=self.spec.sheet.audience_name)
        return self.spec.title


def downloads_markdown(jobs: list[PdfJob], words: Localization, paper: str = "") -> str:
    """The site's Downloads page: one link per PDF (raw HTML, so MkDocs does not look for a .md). Each
    says its paper size; its pages and size are filled in once it is made (``fill_download_facts``)."""
    rows = "".join(
        f'<li><a href="{escape(job.output_dir)}/{escape(job.file_name)}" download>{escape(job.title(words))}</a> '
        f"<small>({escape(job.file_name)})</small> "
        f'<small class="deskbook-pdf-facts" data-pdf="{escape(job.file_name)}">{escape(paper)}</small></li>'
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


def download_facts(paper: str, pages: int, size: int, words: Localization) -> str:
    """"A4 · 12 pages · 245 kB": what a PDF is before it is fetched, in the manual's language."""
    if size >= 1_000_000:
        amount = words.measure(round(size / 1_000_000, 1), "digital-megabyte", "short")
    else:
        amount = words.measure(max(1, round(size / 1000)), "digital-kilobyte", "short")
    count = words.ngettext("%(pages)s page", "%(pages)s pages", pages, pages=words.number(pages))
    return " · ".join(part for part in (paper, count, amount) if part)


def fill_download_facts(page: Path, results: list[RenderedPdf], words: Localization, paper: str) -> None:
    """The built Downloads page with each PDF's pages and size, now that the PDFs exist."""
    if not page.is_file():
        return
    html = page.read_text(encoding="utf-8")
    for result in results:
        facts = download_facts(paper, result.pages, result.path.stat().st_size, words)
        opening = f'<small class="deskbook-pdf-facts" data-pdf="{escape(result.path.name)}">'
        start = html.find(opening)
        if start < 0:
            continue
        start += len(opening)
        html = html[:start] + str(escape(facts)) + html[html.index("</small>", start):]
    page.write_text(html, encoding="utf-8")


def prepare_job(job: PdfJob, manual: Manual, site_dir: Path, options: PrintOptions,
                pages: PageConverter) -> PreparedPdf:
    from .card import acknowledgement_data, desk_card_data, log_form_data

    target = site_dir / job.output_dir / job.file_name
    if isinstance(job.spec, DeskCardSpec):
        template, data = "desk-card.typ", desk_card_data(manual, job.spec, options)
    elif isinstance(job.spec, LogFormSpec):
        template, data = "log-form.typ", log_form_data(manual, options)
    elif isinstance(job.spec, AcknowledgementSpec):
        template, data = "acknowledgement.typ", acknowledgement_data(manual, job.spec, options)
    else:
        template, data = "handbook.typ", handbook_data(manual, job.spec, options, pages)
    return prepare(template, data, manual.content_dir, target, job.bounds)


def start_jobs(jobs: list[PdfJob], manual: Manual, site_dir: Path, options: PrintOptions,
               threads: int = 1) -> PendingJobs:
    """Make each PDF's data in this thread (the site's Markdown converter is not thread-safe) and hand
    it to a compiling thread at once, so Typst lays out the first handbook while the data of the next
    is made; ``PendingJobs.wait`` collects the PDFs."""
    pending = PendingJobs(jobs, options, threads)
    pages = PageConverter(manual)
    handbooks = [index for index, job in enumerate(jobs) if isinstance(job.spec, EditionSpec)]
    short = [index for index in range(len(jobs)) if index not in handbooks]
    try:
        # The first handbook, the longest job, starts Typst at once; the short documents' data takes
        # milliseconds, so their lane starts next, before the data of the other editions is made.
        for index in handbooks[:1] + short + handbooks[1:]:
            pending.submit(index, prepare_job(jobs[index], manual, site_dir, options, pages))
    except BaseException:
        pending.cancel()
        raise
    return pending


class PendingJobs:
    def __init__(self, jobs: list[PdfJob], options: PrintOptions, threads: int):
        self.jobs = jobs
        self.timestamp = options.printed
        self.prepared: dict[int, PreparedPdf] = {}
        self.futures: dict[int, Future] = {}
        self.pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=max(1, min(threads, len(jobs))), thread_name_prefix=PDF_THREAD_PREFIX
        )
        self.short_lane: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"{PDF_THREAD_PREFIX}-short"
        )
        self.spare_lane: ThreadPoolExecutor | None = None

    def submit(self, index: int, prepared: PreparedPdf) -> None:
        self.prepared[index] = prepared
        lane = self.pool if isinstance(self.jobs[index].spec, EditionSpec) else self.short_lane
        if lane is None:  # cancelled: a failed build compiles nothing more
            return
        self.futures[index] = lane.submit(compile_pdf, prepared, self.timestamp)

    def open_spare_lane(self) -> None:
        """The last handbook still queued moves to a lane of its own, where the machine has a core the
        build's thread no longer needs and memory for one more Typst process (its ``memory_limit``); the
        others keep their order."""
        if self.pool is None or self.spare_lane is not None or _cores() < 2:
            return
        queued = [index for index, future in self.futures.items()
                  if isinstance(self.jobs[index].spec, EditionSpec) and not future.running() and not future.done()]
        if not queued or _available_memory() < self.jobs[queued[-1]].bounds.memory_limit * 2**20:
            return
        if self.futures[queued[-1]].cancel():  # not started meanwhile
            self.spare_lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"{PDF_THREAD_PREFIX}-spare")
            self.futures[queued[-1]] = self.spare_lane.submit(compile_pdf, self.prepared[queued[-1]], self.timestamp)

    def wait(self) -> list[RenderedPdf]:
        results: dict[int, RenderedPdf] = {}
        self.open_spare_lane()  # the site is written: its thread only waits now
        try:
            with _progress(len(self.prepared)) as advance:
                for index, future in self.futures.items():
                    results[index] = future.result()
                    advance(self.jobs[index].file_name)
        finally:
            self.cancel()
        return [results[index] for index in range(len(self.jobs))]

    def cancel(self) -> None:
        """Drop the jobs not yet started (a failed site build); a running compile finishes and writes its
        PDF atomically, so no half-written file is left behind."""
        if self.pool is not None and self.short_lane is not None:
            for lane in (self.pool, self.short_lane, self.spare_lane):
                if lane is not None:
                    lane.shutdown(wait=False, cancel_futures=True)
            self.pool = self.short_lane = self.spare_lane = None
            for index, future in self.futures.items():
                if future.cancelled():
                    self.prepared[index].cleanup()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on macOS or Windows
        return os.cpu_count() or 1


def _available_memory() -> int:
    """Bytes the machine can give without swapping (Linux's MemAvailable); 0 where it is not known."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


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

