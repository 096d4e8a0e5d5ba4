"""The order PDFs lay out in: the handbooks one after another, the short documents in a lane of their own
beside them (they hold a page or two, the handbooks about 2.4 MiB a page)."""

from __future__ import annotations

import threading
import time

from deskbook.handbook import DeskCardSpec, EditionSpec, PrintOptions, jobs
from deskbook.handbook.jobs import PdfJob, PendingJobs
from deskbook.handbook.pdf import PreparedPdf, RenderedPdf
from deskbook.handbook.specs import LogFormSpec


def test_the_short_documents_do_not_wait_for_the_handbooks(monkeypatch, tmp_path):
    handbook_may_finish = threading.Event()
    laid_out: list[str] = []

    def compile_pdf(prepared: PreparedPdf, timestamp) -> RenderedPdf:
        if prepared.target.name.startswith("handbook"):
            assert handbook_may_finish.wait(10)
        laid_out.append(prepared.target.name)
        return RenderedPdf(prepared.target, 1)

    monkeypatch.setattr(jobs, "compile_pdf", compile_pdf)
    specs = [EditionSpec("handbook", "Complete"), EditionSpec("handbook-rep", "Rep", "rep"), DeskCardSpec(),
             LogFormSpec()]
    pending = PendingJobs([PdfJob(spec, "pdf") for spec in specs], PrintOptions(), threads=1)
    for index, spec in enumerate(specs):
        pending.submit(index, PreparedPdf("x.typ", tmp_path, tmp_path / f"{spec.name}.pdf"))
    deadline = time.monotonic() + 10
    while len(laid_out) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert laid_out == ["desk-card.pdf", "log-form.pdf"], "laid out while the first handbook still was"
    handbook_may_finish.set()
    assert [result.path.name for result in pending.wait()] == [f"{spec.name}.pdf" for spec in specs]
    assert laid_out[2:] == ["handbook.pdf", "handbook-rep.pdf"], "the handbooks one after another"


def _handbooks_laying_out_at_once(monkeypatch, tmp_path, available_memory: int) -> tuple[int, int]:
    """The most handbooks laying out at once while the site is built, and once the build waits for them."""
    release = threading.Event()
    lock = threading.Lock()
    now = {"at_once": 0, "most": 0}

    def compile_pdf(prepared: PreparedPdf, timestamp) -> RenderedPdf:
        with lock:
            now["at_once"] += 1
            now["most"] = max(now["most"], now["at_once"])
        release.wait(0.3)
        with lock:
            now["at_once"] -= 1
        return RenderedPdf(prepared.target, 1)

    monkeypatch.setattr(jobs, "compile_pdf", compile_pdf)
    monkeypatch.setattr(jobs, "_available_memory", lambda: available_memory)
    monkeypatch.setattr(jobs, "_cores", lambda: 2)
    specs = [EditionSpec("handbook", "Complete"), EditionSpec("handbook-rep", "Rep", "rep"),
             EditionSpec("handbook-manager", "Manager", "manager")]
    pending = PendingJobs([PdfJob(spec, "pdf") for spec in specs], PrintOptions(), threads=1)
    for index, spec in enumerate(specs):
        pending.submit(index, PreparedPdf("x.typ", tmp_path, tmp_path / f"{spec.name}.pdf"))
    time.sleep(0.4)  # the site being built: the first handbook done, the second laying out
    while_building = now["most"]
    assert [result.path.name for result in pending.wait()] == [f"{spec.name}.pdf" for spec in specs]
    return while_building, now["most"]


def test_once_the_site_is_written_a_queued_handbook_lays_out_beside_the_others(monkeypatch, tmp_path):
    assert _handbooks_laying_out_at_once(monkeypatch, tmp_path, available_memory=2**40) == (1, 2)


def test_without_memory_for_one_more_typst_process_the_handbooks_stay_one_at_a_time(monkeypatch, tmp_path):
    assert _handbooks_laying_out_at_once(monkeypatch, tmp_path, available_memory=2**30) == (1, 1)


def test_a_cancelled_build_lays_out_no_queued_handbook(monkeypatch, tmp_path):
    first_started = threading.Event()
    finish_first = threading.Event()
    laid_out: list[str] = []

    def compile_pdf(prepared: PreparedPdf, timestamp) -> RenderedPdf:
        first_started.set()
        assert finish_first.wait(10)
        laid_out.append(prepared.target.name)
        return RenderedPdf(prepared.target, 1)

    monkeypatch.setattr(jobs, "compile_pdf", compile_pdf)
    specs = [EditionSpec("handbook", "Complete"), EditionSpec("handbook-rep", "Rep", "rep")]
    pending = PendingJobs([PdfJob(spec, "pdf") for spec in specs], PrintOptions(), threads=1)
    for index, spec in enumerate(specs):
        pending.submit(index, PreparedPdf("x.typ", tmp_path / spec.name, tmp_path / f"{spec.name}.pdf"))
    assert first_started.wait(10)
    pending.cancel()
    finish_first.set()
    time.sleep(0.3)
    assert laid_out == ["handbook.pdf"], "the queued handbook was not laid out"
