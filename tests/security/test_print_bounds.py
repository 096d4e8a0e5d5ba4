"""Issue 23, case 4: print work is bounded before Typst runs, and the Typst child is ended cleanly when it
takes too long, too much memory, is stopped, or cannot write its PDF. (The 55,000-row case was measured
in 0.5 s by `build`; timings stay out of tests.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from projects import copy_example_project


def _table_page(rows: int) -> str:
    lines = ["| Code | Meaning |", "|---|---|"] + [f"| C{index} | meaning {index} |" for index in range(rows)]
    return "# Codes\n\nIntro.\n\n" + "\n".join(lines) + "\n"


def test_a_55000_row_table_is_a_located_error_before_anything_is_laid_out(tmp_path, capsys):
    from deskbook.cli import main

    project = copy_example_project(tmp_path / "project")
    (project / "docs" / "codes.md").write_text(_table_page(55_000))
    assert main(["check", "--content", str(project / "content"), "-f", str(project / "mkdocs.yml")]) == 1
    assert main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert err.count("docs/codes.md:5:1: error: this table has 55,001 rows; a PDF prints at most 5,000 "
                     "(max_rows of deskbook/pdf in mkdocs.yml)") == 2
    assert not (tmp_path / "site").exists()


def test_the_bounds_are_deskbook_pdf_options_checked_with_their_line(tmp_path, capsys):
    from deskbook.cli import main

    project = copy_example_project(tmp_path / "project")
    (project / "docs" / "codes.md").write_text(_table_page(300))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - deskbook/pdf:\n", "  - deskbook/pdf:\n      max_rows: 200\n"
                                                                       "      timeout: -1\n"))
    line = config.read_text().splitlines().index("      max_rows: 200") + 1
    assert main(["check", "--content", str(project / "content"), "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert f"docs/codes.md:5:1: error: this table has 301 rows; a PDF prints at most 200 (max_rows of deskbook/pdf " \
           f"in mkdocs.yml (line {line}))" in err
    assert f"mkdocs.yml:{line + 1}:16: error: deskbook/pdf: timeout must be a whole number above 0" in err


def test_generated_print_work_over_a_bound_stops_before_typst(tmp_path, example_content):
    from deskbook.handbook.data import PageConverter, handbook_data
    from deskbook.handbook.specs import EditionSpec, PrintOptions
    from deskbook.handbook.pdf import PrintError, prepare
    from deskbook.pipeline import load_checked_manual
    from deskbook.print_bounds import PrintBounds

    manual = load_checked_manual(example_content)
    data = handbook_data(manual, EditionSpec("handbook", "All", None), PrintOptions(), PageConverter(manual))
    with pytest.raises(PrintError, match=r"handbook\.pdf would print [\d,]+ table cells, more than max_cells \(100\) "
                                         r"and [\d,]+ characters, more than max_characters \(1,000\).*Typst was not "
                                         r"started"):
        prepare("handbook.typ", data, example_content, tmp_path / "handbook.pdf",
                PrintBounds(max_cells=100, max_characters=1_000))


def _typst_children() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            parent = next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:"))
            if int(parent) == os.getpid() and b"typst_process.py" in command:
                found.append(int(entry.name))
    return found


def _example_pdf(tmp_path, example_content, bounds):
    from deskbook.handbook.data import PageConverter, handbook_data
    from deskbook.handbook.specs import EditionSpec, PrintOptions
    from deskbook.handbook.pdf import prepare
    from deskbook.pipeline import load_checked_manual

    manual = load_checked_manual(example_content)
    data = handbook_data(manual, EditionSpec("handbook", "All", None), PrintOptions(), PageConverter(manual))
    return prepare("handbook.typ", data, example_content, tmp_path / "handbook.pdf", bounds)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the child in /proc")
def test_a_stopped_typst_child_is_ended_at_the_timeout(tmp_path, example_content):
    from deskbook.handbook.pdf import PrintError, compile_pdf
    from deskbook.print_bounds import PrintBounds

    prepared = _example_pdf(tmp_path, example_content, PrintBounds(timeout=3))
    outcome: list[BaseException | None] = []

    def run():
        try:
            compile_pdf(prepared, dt.datetime(2026, 9, 21, tzinfo=dt.timezone.utc))
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 10
    while not _typst_children() and time.monotonic() < deadline:
        time.sleep(0.01)
    children = _typst_children()
    assert children, "the compile should run in a child process"
    for child in children:
        os.kill(child, signal.SIGSTOP)
    thread.join(30)
    assert not thread.is_alive(), "a stopped child must not hang the build"
    assert isinstance(outcome[0], PrintError)
    assert "handbook.pdf: Typst did not finish within 3 s and was ended (timeout of deskbook/pdf" in str(outcome[0])
    assert _typst_children() == [] and not (tmp_path / "handbook.pdf").exists()
    assert not list(tmp_path.glob(".handbook.*.pdf.tmp"))


def test_typst_over_its_memory_limit_is_ended_with_a_message(tmp_path, example_content):
    from deskbook.handbook.pdf import PrintError, compile_pdf
    from deskbook.print_bounds import PrintBounds

    prepared = _example_pdf(tmp_path, example_content, PrintBounds(memory_limit=64))
    with pytest.raises(PrintError, match=r"handbook\.pdf: Typst could not lay it out: it needed more than 64 MiB "
                                         r"of memory"):
        compile_pdf(prepared, dt.datetime(2026, 9, 21, tzinfo=dt.timezone.utc))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_while_the_pdf_is_written_is_said_in_words(tmp_path, example_content):
    from deskbook.handbook.pdf import TYPST_PROCESS, typst_job
    from deskbook.print_bounds import PrintBounds

    prepared = _example_pdf(tmp_path, example_content, PrintBounds(memory_limit=4096))
    log_form = dataclasses.replace(prepared, template="log-form.typ")
    job = typst_job(log_form, "/dev/full", dt.datetime(2026, 9, 21, tzinfo=dt.timezone.utc))
    (prepared.root / "data.json").write_text(json.dumps(_log_form_data(example_content)))
    finished = subprocess.run([sys.executable, "-I", str(TYPST_PROCESS)], input=json.dumps(job),
                              capture_output=True, text=True, check=False)
    prepared.cleanup()
    assert finished.returncode == 1 and "Traceback" not in finished.stderr, finished.stderr
    assert json.loads(finished.stdout)["message"].startswith("cannot write the PDF (No space left on device)")


def _log_form_data(example_content):
    from deskbook.handbook.card import log_form_data
    from deskbook.handbook.specs import PrintOptions
    from deskbook.pipeline import load_checked_manual

    return log_form_data(load_checked_manual(example_content), PrintOptions())
