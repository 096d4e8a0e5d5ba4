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
