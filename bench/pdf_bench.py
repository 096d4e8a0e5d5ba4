"""Handbook PDF: Deskbook vs mkdocs-to-pdf, and vs WeasyPrint rendering one lean HTML file.

Three measurements per size, alternating, each in a fresh subprocess reporting wall time and peak memory:

- ``deskbook``: ``mkdocs build`` of the synthetic content with Deskbook's plugins, one handbook PDF;
- ``mkdocs-to-pdf``: ``mkdocs build`` of the same pages as hand-written Markdown with plain Material and
  the mkdocs-to-pdf plugin (installed into its own virtualenv, bench/.venv-baseline, on first use);
- ``weasyprint``: WeasyPrint alone rendering Deskbook's print HTML of the same content from one string:
  the floor for any WeasyPrint-based tool.

    python -m bench.pdf_bench [--sizes 50 200] [--rounds 2] [--where]

``--where`` adds, per size, where one handbook's time goes (load and check the Manual, make the print
HTML, glyph check, WeasyPrint parse+layout, writing the PDF), measured in a fresh process.

Targets: at least 5x faster than mkdocs-to-pdf with less peak memory; within 1.1x of plain WeasyPrint.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from .common import BUILD_CHILD, REPO, mkdocs_config, run_measured
from .synthetic import write_handwritten_markdown, write_synthetic_content

BASELINE_VENV = REPO / "bench" / ".venv-baseline"

WEASYPRINT_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
html = Path(sys.argv[1]).read_text(encoding="utf-8")
start = time.perf_counter()
from weasyprint import HTML
HTML(string=html, base_url=sys.argv[2]).write_pdf(sys.argv[3])
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PHASES_CHILD = r"""
import json, sys, time, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[2])
phases = {}
def lap(name, start):
    phases[name] = time.perf_counter() - start
    return time.perf_counter()
start = time.perf_counter()
from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.handbook import EditionSpec, PrintOptions, handbook_html
from deskbook.handbook.glyphs import missing_glyphs
from weasyprint import HTML
start = lap("imports", start)
manual = load_manual_or_raise(Path(sys.argv[1]))
start = lap("load+check manual", start)
html = handbook_html(manual, EditionSpec("handbook", "Complete edition"), PrintOptions())
start = lap("print HTML (Jinja, Markdown)", start)
missing_glyphs(html)
start = lap("glyph check", start)
document = HTML(string=html, base_url=Path(sys.argv[1]).as_uri() + "/").render()
start = lap("WeasyPrint parse+layout", start)
with tempfile.TemporaryFile() as stream:
    document.write_pdf(stream)
lap("write PDF", start)
print(json.dumps({"phases": phases, "pages": len(document.pages)}))
"""

DESKBOOK_CONFIG = mkdocs_config(
    "  - deskbook/content:\n      content_dir: content\n"
    "  - deskbook/pdf:\n      editions:\n        - name: handbook\n          title: Complete edition\n"
    "      desk_card:\n        enabled: false\n"
)
BASELINE_CONFIG = mkdocs_config("  - to-pdf:\n      output_path: pdf/handbook.pdf\n")


def ensure_baseline() -> Path:
    python = BASELINE_VENV / "bin" / "python"
    if not python.exists():
        print("installing mkdocs-to-pdf into bench/.venv-baseline ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(BASELINE_VENV)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "mkdocs-to-pdf",
                        "mkdocs>=1.6,<2", "mkdocs-material>=9.5,<10"], check=True)
    return python


def make_projects(root: Path, entities: int) -> tuple[Path, Path, Path]:
    ours = root / f"deskbook-{entities}"
    write_synthetic_content(ours / "content", entities)
    (ours / "docs").mkdir(parents=True)
    (ours / "docs" / "index.md").write_text("# Synthetic Manual\n\nWelcome.\n")
    (ours / "mkdocs.yml").write_text(DESKBOOK_CONFIG)
    baseline = root / f"baseline-{entities}"
    write_handwritten_markdown(baseline / "docs", entities)
    (baseline / "mkdocs.yml").write_text(BASELINE_CONFIG)

    sys.path.insert(0, str(REPO / "plugins"))
    from deskbook.handbook import EditionSpec, PrintOptions, handbook_html
    from deskbook.pipeline import load_checked_manual as load_manual_or_raise

    lean = root / f"lean-{entities}.html"
    manual = load_manual_or_raise(ours / "content")
    lean.write_text(handbook_html(manual, EditionSpec("handbook", "Complete edition"), PrintOptions()),
                    encoding="utf-8")
    return ours, baseline, lean


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--where", action="store_true", help="also print where one handbook's time goes")
    args = parser.parse_args(argv)
    baseline_python = ensure_baseline()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DESKBOOK_PLUGINS": str(REPO / "plugins")}
    baseline_env = {key: value for key, value in env.items() if key != "DESKBOOK_PLUGINS"}
    print(f"handbook PDF, median of {args.rounds} alternating rounds (whole mkdocs builds for the first two)")
    print(f"{'entities':>8} {'deskbook s':>10} {'to-pdf s':>9} {'speed-up':>8} {'ours MiB':>8} {'to-pdf MiB':>10}"
          f" {'weasyprint s':>12} {'ours/wp':>7} {'pages':>5}")
    with tempfile.TemporaryDirectory(prefix="deskbook-pdf-bench-") as temporary:
        for entities in args.sizes:
            ours, baseline, lean = make_projects(Path(temporary), entities)
            runs: dict[str, list[dict]] = {"ours": [], "baseline": [], "weasyprint": []}
            for _ in range(args.rounds):
                shutil.rmtree(ours / "site", ignore_errors=True)
                runs["ours"].append(run_measured([sys.executable, "-c", BUILD_CHILD, str(ours / "mkdocs.yml")], env))
                shutil.rmtree(baseline / "site", ignore_errors=True)
                runs["baseline"].append(run_measured([str(baseline_python), "-c", BUILD_CHILD,
                                              str(baseline / "mkdocs.yml")], baseline_env))
                runs["weasyprint"].append(run_measured([sys.executable, "-c", WEASYPRINT_CHILD, str(lean),
                                                (ours / "content").as_uri() + "/",
                                                str(Path(temporary) / "lean.pdf")], env))
            from pypdf import PdfReader

            pages = len(PdfReader(ours / "site" / "pdf" / "handbook.pdf").pages)
            ours_s = statistics.median(r["seconds"] for r in runs["ours"])
            base_s = statistics.median(r["seconds"] for r in runs["baseline"])
            wp_s = statistics.median(r["seconds"] for r in runs["weasyprint"])
            ours_mem = max(r["peak_mib"] for r in runs["ours"])
            base_mem = max(r["peak_mib"] for r in runs["baseline"])
            print(f"{entities:>8} {ours_s:>10.2f} {base_s:>9.2f} {base_s / ours_s:>7.1f}x {ours_mem:>8.0f} "
                  f"{base_mem:>10.0f} {wp_s:>12.2f} {ours_s / wp_s:>7.2f} {pages:>5}", flush=True)
            if args.where:
                measured = run_measured([sys.executable, "-c", PHASES_CHILD, str(ours / "content"),
                                         str(REPO / "plugins")], env)
                total = sum(measured["phases"].values())
                shares = ", ".join(f"{name} {seconds:.2f} s ({seconds / total:.0%})"
                                   for name, seconds in measured["phases"].items())
                print(f"{'':>8} where the time goes ({measured['pages']} pages, {total:.2f} s): {shares}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
