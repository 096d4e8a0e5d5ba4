"""Handbook PDF: Deskbook (Typst) vs mkdocs-to-pdf, vs WeasyPrint on the former print HTML, and the cost
of the PDFs in a full build.

Per size, alternating rounds, each measurement a fresh subprocess reporting wall time and peak memory:

- ``deskbook``: ``mkdocs build`` of the synthetic content with Deskbook's plugins, one handbook PDF;
- ``mkdocs-to-pdf``: ``mkdocs build`` of the same pages as hand-written Markdown with plain Material and
  the mkdocs-to-pdf plugin (installed into its own virtualenv, bench/.venv-baseline, on first use);
- ``weasyprint``: WeasyPrint alone (from that virtualenv) laying out Deskbook's former print HTML of the
  same content (``bench/former_print``): what the handbook cost before Typst;
- ``full build`` and ``site only``: Deskbook's full build (site, three editions, desk card, log form)
  against the same build with ``DESKBOOK_PDF=false``.

    python -m bench.pdf_bench [--sizes 50 200 1000] [--rounds 2] [--where] [--no-former]

``--no-former`` leaves out the WeasyPrint-on-former-HTML column (it is context, not a target, and takes
as long as the baseline at 1,000 entities). ``--where`` adds, per size, where one handbook's time goes
(load and check, print data, glyph check, writing the compile root, the Typst process), and where the
full build's time goes (each plugin event of the build's thread, each PDF's data and compile root, each
Typst process, on a timeline from the build's start), each measured in a fresh process.

``pages`` is Deskbook's handbook / mkdocs-to-pdf's book, to show the two are of a size.

Targets (issue 19), each printed at the end as met or not met:

- the handbook at least 10x faster than mkdocs-to-pdf at 200 and 1,000 entities (wall, medians);
- peak memory growing with pages at no more than 2.4 MiB a page (what Typst holds per laid-out page):
  the slope between two sizes, or, with one size, the peak over the pages (which counts the fixed cost
  too, so it can only overstate);
- a full build (site, three editions, desk card, log form) at most 2.5x the site alone at 200 entities.
"""

from __future__ import annotations

import argparse
import itertools
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

SPEED_UP_LEAST, SPEED_UP_SIZES = 10.0, (200, 1000)
MIB_PER_PAGE_MOST = 2.4
FULL_OVER_SITE_MOST, FULL_OVER_SITE_SIZE = 2.5, 200

WEASYPRINT_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
html = Path(sys.argv[1]).read_text(encoding="utf-8")
start = time.perf_counter()
from weasyprint import HTML
HTML(string=html, base_url=sys.argv[2]).write_pdf(sys.argv[3])
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": elapsed, "peak_mib": usage.ru_maxrss / 1024, "cpu_seconds": usage.ru_utime + usage.ru_stime}))
"""

PHASES_CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
phases = {}
def lap(name, start):
    phases[name] = time.perf_counter() - start
    return time.perf_counter()
start = time.perf_counter()
from deskbook.clock import build_datetime
from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.handbook import EditionSpec, PrintOptions, handbook_data
from deskbook.handbook import pdf
from deskbook.handbook.glyphs import missing_glyphs, print_font_coverage
from deskbook.handbook.tree import strings
start = lap("imports", start)
manual = load_manual_or_raise(Path(sys.argv[1]))
start = lap("load+check manual", start)
data = handbook_data(manual, EditionSpec("handbook", "Complete edition"), PrintOptions())
start = lap("print data (site pages, tree)", start)
print_font_coverage(); missing_glyphs(strings(data))
start = lap("glyph check", start)
prepared = pdf.prepare("handbook.typ", data, manual.content_dir, Path(sys.argv[3]) / "handbook.pdf")
start = lap("compile root (JSON)", start)
rendered = pdf.compile_pdf(prepared, build_datetime())
lap("Typst process (layout, PDF)", start)
print(json.dumps({"phases": phases, "pages": rendered.pages}))
"""

SINGLE_HANDBOOK = (
    "  - deskbook/content:\n      content_dir: content\n"
    "  - deskbook/pdf:\n      editions:\n        - name: handbook\n          title: Complete edition\n"
    "      desk_card:\n        enabled: false\n      log_form:\n        enabled: false\n"
)
FULL_BUILD = (
    "  - deskbook/content:\n      content_dir: content\n"
    "  - deskbook/pdf:\n      editions:\n"
    "        - name: handbook\n          title: Complete edition\n"
    "        - name: handbook-rep\n          title: Representative edition\n          audience: rep\n"
    "        - name: handbook-manager\n          title: Manager edition\n          audience: manager\n"
    "      desk_card:\n        scripts: []\n"
)
# The full build of BUILD_CHILD with a clock on the work that decides how long it takes: each Deskbook
# plugin event in the build's thread, and each PDF's data (made in that thread), compile root and Typst
# process (in the PDF threads). Wrapped from outside, so the build runs as it does for a user.
FULL_WHERE_CHILD = r"""
import functools, json, logging, os, sys, threading, time
sys.path.insert(0, os.environ["DESKBOOK_PLUGINS"])
logging.disable(logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
from deskbook.handbook import card, jobs, pdf
from deskbook.mkdocs_plugins.content.plugin import ContentPlugin
from deskbook.mkdocs_plugins.pdf.plugin import PdfPlugin
spans = []
def clocked(owner, name, label):
    inner = getattr(owner, name)
    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spans.append({"what": label(args), "thread": threading.current_thread().name,
                          "from": began, "to": time.perf_counter()})
    setattr(owner, name, wrapper)
for plugin, called in ((ContentPlugin, "content"), (PdfPlugin, "pdf")):
    for event in ("on_config", "on_files", "on_nav", "on_post_build"):
        if event in vars(plugin):
            clocked(plugin, event, lambda args, event=event, called=called: f"{called}.{event}")
clocked(jobs, "prepare_job", lambda args: f"data+root {args[0].file_name}")
clocked(jobs, "handbook_data", lambda args: "  handbook_data")
clocked(jobs, "prepare", lambda args: "  prepare (fonts, glyphs, root)")
for name in ("desk_card_data", "log_form_data"):
    clocked(card, name, lambda args, name=name: f"  {name}")
clocked(pdf, "choose_fonts", lambda args: "  choose fonts")
clocked(pdf, "missing_glyphs", lambda args: "  glyph check")
clocked(pdf, "_copy_assets", lambda args: "  copy assets")
clocked(jobs, "compile_pdf", lambda args: f"Typst {args[0].target.name}")
start = time.perf_counter()
config = load_config(sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
end = time.perf_counter()
print(json.dumps({"seconds": end - start, "spans": [
    {**span, "from": span["from"] - start, "to": span["to"] - start} for span in spans]}))
"""

BASELINE_CONFIG = mkdocs_config("  - to-pdf:\n      output_path: pdf/handbook.pdf\n")


def ensure_baseline() -> Path:
    python = BASELINE_VENV / "bin" / "python"
    if not python.exists():
        print("installing mkdocs-to-pdf (with WeasyPrint) into bench/.venv-baseline ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(BASELINE_VENV)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "mkdocs-to-pdf", "weasyprint",
                        "mkdocs>=1.6,<2", "mkdocs-material>=9.5,<10"], check=True)
    return python


def _deskbook_project(folder: Path, entities: int, plugins: str) -> Path:
    write_synthetic_content(folder / "content", entities)
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Synthetic Manual\n\nWelcome.\n")
    (folder / "mkdocs.yml").write_text(mkdocs_config(plugins))
    return folder


def make_projects(root: Path, entities: int) -> dict[str, Path]:
    ours = _deskbook_project(root / f"deskbook-{entities}", entities, SINGLE_HANDBOOK)
    full = _deskbook_project(root / f"full-{entities}", entities, FULL_BUILD)
    baseline = root / f"baseline-{entities}"
    write_handwritten_markdown(baseline / "docs", entities)
    (baseline / "mkdocs.yml").write_text(BASELINE_CONFIG)

    sys.path.insert(0, str(REPO / "plugins"))
    from deskbook.clock import build_datetime
    from deskbook.pipeline import load_checked_manual as load_manual_or_raise

    from .former_print import former_handbook_html

    former = root / f"former-{entities}.html"
    former.write_text(former_handbook_html(load_manual_or_raise(ours / "content"), build_datetime()),
                      encoding="utf-8")
    return {"ours": ours, "full": full, "baseline": baseline, "former": former}


def _build(python: Path | str, project: Path, env: dict) -> dict:
    shutil.rmtree(project / "site", ignore_errors=True)
    return run_measured([str(python), "-c", BUILD_CHILD, str(project / "mkdocs.yml")], env)


def print_full_build_timeline(measured: dict) -> None:
    """Where the full build's time goes: the spans of the build's thread (its plugin events and the PDFs'
    data, made there), the rest of it (MkDocs rendering the site), and each Typst process, from the
    build's start."""
    spans = sorted(measured["spans"], key=lambda span: span["from"])
    main_thread = [span for span in spans if not span["thread"].startswith("deskbook-pdf")]
    typst = [span for span in spans if span["thread"].startswith("deskbook-pdf")]
    total = measured["seconds"]
    events = [span for span in main_thread if not span["what"].startswith(("data+root", "  "))]
    in_events = sum(span["to"] - span["from"] for span in events)
    print(f"{'':>8} where the full build's time goes ({total:.2f} s wall; the build's thread: Deskbook's plugin "
          f"events {in_events:.2f} s, the rest, MkDocs rendering the site, {total - in_events:.2f} s):", flush=True)
    for span in main_thread + typst:
        if span["to"] - span["from"] >= 0.01:
            print(f"{'':>10} {span['from']:6.2f}-{span['to']:6.2f} s {span['to'] - span['from']:5.2f} s  "
                  f"{span['thread']:<16} {span['what']}")
    if typst:
        busy = sum(span["to"] - span["from"] for span in typst)
        print(f"{'':>10} Typst processes: {busy:.2f} s in all, the last ending at {typst[-1]['to']:.2f} s "
              f"(the site's pages were done at "
              f"{max((s['from'] for s in events if s['what'] == 'pdf.on_post_build'), default=total):.2f} s)",
              flush=True)


def print_targets(results: dict[int, dict]) -> None:
    """Each target of the docstring, met or not met, with the figures it is judged on."""
    def verdict(met: bool) -> str:
        return "met" if met else "NOT MET"

    print("targets:")
    for size in SPEED_UP_SIZES:
        if size in results:
            speed_up = results[size]["seconds"]["baseline"] / results[size]["seconds"]["ours"]
            print(f"  handbook >= {SPEED_UP_LEAST:.0f}x faster than mkdocs-to-pdf at {size}: {speed_up:.1f}x: "
                  f"{verdict(speed_up >= SPEED_UP_LEAST)}")
        else:
            print(f"  handbook >= {SPEED_UP_LEAST:.0f}x faster than mkdocs-to-pdf at {size}: not measured "
                  f"(--sizes {' '.join(map(str, SPEED_UP_SIZES))})")
    sizes = sorted(results)
    if len(sizes) > 1:
        for smaller, larger in itertools.pairwise(sizes):
            low, high = results[smaller], results[larger]
            slope = (high["peak"]["ours"] - low["peak"]["ours"]) / max(1, high["pages"] - low["pages"])
            print(f"  peak memory <= {MIB_PER_PAGE_MOST} MiB a page, {smaller} to {larger} entities "
                  f"({low['peak']['ours']:.0f} to {high['peak']['ours']:.0f} MiB, {low['pages']} to "
                  f"{high['pages']} pages): {slope:.2f} MiB a page: {verdict(slope <= MIB_PER_PAGE_MOST)}")
    for size in sizes:
        per_page = results[size]["peak"]["ours"] / max(1, results[size]["pages"])
        print(f"  peak memory over pages at {size} (fixed cost included): {per_page:.2f} MiB a page"
              + (f": {verdict(per_page <= MIB_PER_PAGE_MOST)}" if len(sizes) == 1 else ""))
    if FULL_OVER_SITE_SIZE in results:
        seconds = results[FULL_OVER_SITE_SIZE]["seconds"]
        over = seconds["full"] / seconds["site"]
        print(f"  full build <= {FULL_OVER_SITE_MOST}x the site alone at {FULL_OVER_SITE_SIZE}: "
              f"{seconds['full']:.2f} s / {seconds['site']:.2f} s = {over:.2f}x: "
              f"{verdict(over <= FULL_OVER_SITE_MOST)}")
    else:
        print(f"  full build <= {FULL_OVER_SITE_MOST}x the site alone at {FULL_OVER_SITE_SIZE}: not measured")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--where", action="store_true", help="also print where one handbook's time goes")
    parser.add_argument("--no-former", action="store_true", help="skip WeasyPrint on the former print HTML")
    args = parser.parse_args(argv)
    baseline_python = ensure_baseline()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DESKBOOK_PLUGINS": str(REPO / "plugins")}
    site_only_env = {**env, "DESKBOOK_PDF": "false"}
    baseline_env = {key: value for key, value in env.items() if key != "DESKBOOK_PLUGINS"}
    print(f"handbook PDF, median of {args.rounds} alternating rounds; peak = largest resident memory")
    print("wall seconds (CPU seconds of all threads in brackets: the work, whatever else the machine runs)")
    print(f"{'entities':>8} {'pages':>11} {'deskbook s':>14} {'to-pdf s':>15} {'speed-up':>13} {'ours MiB':>8} "
          f"{'to-pdf MiB':>10} {'weasyprint s':>15} {'wp MiB':>6} {'full build s':>14} {'site only s':>13} "
          f"{'full/site':>13}")
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="deskbook-pdf-bench-") as temporary:
        for entities in args.sizes:
            projects = make_projects(Path(temporary), entities)
            runs: dict[str, list[dict]] = {name: [] for name in ("ours", "baseline", "weasyprint", "full", "site")}
            for _ in range(args.rounds):
                runs["ours"].append(_build(sys.executable, projects["ours"], env))
                runs["baseline"].append(_build(baseline_python, projects["baseline"], baseline_env))
                if not args.no_former:
                    runs["weasyprint"].append(run_measured(
                        [str(baseline_python), "-c", WEASYPRINT_CHILD, str(projects["former"]),
                         (projects["ours"] / "content").as_uri() + "/", str(Path(temporary) / "former.pdf")],
                        baseline_env))
                runs["full"].append(_build(sys.executable, projects["full"], env))
                runs["site"].append(_build(sys.executable, projects["full"], site_only_env))
            from pypdf import PdfReader

            pages = len(PdfReader(projects["ours"] / "site" / "pdf" / "handbook.pdf").pages)
            baseline_pages = len(PdfReader(projects["baseline"] / "site" / "pdf" / "handbook.pdf").pages)
            missing = {"seconds": float("nan"), "cpu_seconds": float("nan"), "peak_mib": float("nan")}
            runs = {name: found or [missing] for name, found in runs.items()}
            seconds = {name: statistics.median(run["seconds"] for run in found) for name, found in runs.items()}
            cpu = {name: statistics.median(run["cpu_seconds"] for run in found) for name, found in runs.items()}
            peak = {name: max(run["peak_mib"] for run in found) for name, found in runs.items()}

            results[entities] = {"seconds": seconds, "peak": peak, "pages": pages}

            def both(name: str) -> str:
                return f"{seconds[name]:.2f} ({cpu[name]:.1f})"

            def ratio(top: str, bottom: str) -> str:
                return f"{seconds[top] / seconds[bottom]:.1f}x ({cpu[top] / cpu[bottom]:.1f}x)"

            print(f"{entities:>8} {f'{pages}/{baseline_pages}':>11} {both('ours'):>14} {both('baseline'):>15} "
                  f"{ratio('baseline', 'ours'):>13} {peak['ours']:>8.0f} {peak['baseline']:>10.0f} "
                  f"{both('weasyprint'):>15} {peak['weasyprint']:>6.0f} {both('full'):>14} "
                  f"{both('site'):>13} {ratio('full', 'site'):>13}", flush=True)
            if args.where:
                measured = run_measured([sys.executable, "-c", PHASES_CHILD, str(projects["ours"] / "content"),
                                         str(REPO / "plugins"), temporary], env)
                total = sum(measured["phases"].values())
                shares = ", ".join(f"{name} {seconds:.2f} s ({seconds / total:.0%})"
                                   for name, seconds in measured["phases"].items())
                print(f"{'':>8} where one handbook's time goes ({measured['pages']} pages, {total:.2f} s): "
                      f"{shares}", flush=True)
                shutil.rmtree(projects["full"] / "site", ignore_errors=True)
                print_full_build_timeline(run_measured(
                    [sys.executable, "-c", FULL_WHERE_CHILD, str(projects["full"] / "mkdocs.yml")], env))
    print_targets(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
