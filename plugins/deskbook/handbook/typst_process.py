"""Lay out one PDF with Typst in a process of its own, then exit.

Typst keeps the layouts it makes in a process-wide cache that it never empties (about 3 MiB a page):
compiled inside the build, three 150-page editions held 1 GiB until the build ended, and a `serve`
session kept it for good. A short-lived process gives that memory back the moment its PDF is written.

Run by ``pdf.compile_pdf`` as a script (``python -I typst_process.py``), with the job as JSON on
standard input; it imports nothing from Deskbook, so it runs the same however Deskbook was installed.
It writes the PDF to the job's output path, or prints a JSON error line and exits with 1.
"""

import json
import sys


def _die_with_the_build() -> None:
    """On Linux, end this process when the build that started it ends, even if that was killed."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _limit_memory(limit: int) -> None:
    """Bound the address space, so a book too big for the machine fails here instead of swapping it."""
    try:
        import resource
    except ImportError:  # not on Windows
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _fail(message: str) -> int:
    print(json.dumps({"message": message, "hints": []}))
    return 1


def main() -> int:
    _die_with_the_build()
    job = json.load(sys.stdin)
    import typst

    _limit_memory(job["memory_limit"])  # after the import: loading the compiler maps its library first

    try:
        pdf = typst.compile(
            job["input"],
            root=job["root"],
            font_paths=job["font_paths"],
            ignore_system_fonts=True,
            timestamp=job["timestamp"],
            pdf_standards=job["pdf_standards"],
        )
    except typst.TypstError as exc:
        message = getattr(exc, "message", None) or str(exc)
        hints = [str(hint) for hint in getattr(exc, "hints", None) or []]
        print(json.dumps({"message": str(message).strip(), "hints": hints}))
        return 1
    except MemoryError:
        return _fail(f"it needed more than {job['memory_limit'] // 2**20:,} MiB of memory (memory_limit of "
                     "deskbook/pdf in mkdocs.yml); print less in this PDF, or raise memory_limit")
    try:
        with open(job["output"], "wb") as stream:
            stream.write(pdf)
    except OSError as exc:  # a full disk, a folder made read-only: said in words, not as a traceback
        return _fail(f"cannot write the PDF ({exc.strerror or exc}); free space in {job['output'].rpartition('/')[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
