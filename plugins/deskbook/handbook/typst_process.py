"""Lay out one PDF with Typst in a process of its own, then exit.

Typst keeps the layouts it makes in a process-wide cache that it never empties (about 2.5 MiB a page):
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


def main() -> int:
    _die_with_the_build()
    job = json.load(sys.stdin)
    import typst

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
    with open(job["output"], "wb") as stream:
        stream.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
