"""Site build: Deskbook vs the same pages hand-written as Markdown and built by plain mkdocs-material.

Both builds run in fresh subprocesses, alternately, several rounds per size, in one run; each child
reports its own wall time and peak memory. Prints the ratio Deskbook / plain Material (lower is better).

    python -m bench.site_bench [--sizes 50 200 1000] [--rounds 3]

Targets: at most 1.10x at 200 entities, at most 0.6x at 1,000 (plain Material repeats the whole
navigation in every page, so its build grows quadratically; Deskbook keeps large sections out of the
menu and its pages small).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from .common import BUILD_CHILD, REPO, mkdocs_config, run_measured
from .synthetic import write_handwritten_markdown, write_synthetic_content

PLAIN_CONFIG = mkdocs_config()
DESKBOOK_CONFIG = mkdocs_config("  - deskbook/content:\n      content_dir: content\n")


def _folder_size_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def make_projects(root: Path, entities: int) -> tuple[Path, Path]:
    plain = root / f"plain-{entities}"
    write_handwritten_markdown(plain / "docs", entities)
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG)
    deskbook = root / f"deskbook-{entities}"
    write_synthetic_content(deskbook / "content", entities)
    (deskbook / "docs").mkdir(parents=True)
    (deskbook / "docs" / "index.md").write_text("# Synthetic Manual\n\nWelcome.\n")
    (deskbook / "mkdocs.yml").write_text(DESKBOOK_CONFIG)
    return plain, deskbook


def run_build(project: Path) -> dict:
    env = {**os.environ, "DESKBOOK_PLUGINS": str(REPO / "plugins"), "NO_MKDOCS_2_WARNING": "1",
           "DESKBOOK_PDF": "false"}
    shutil.rmtree(project / "site", ignore_errors=True)
    measured = run_measured([sys.executable, "-c", BUILD_CHILD, str(project / "mkdocs.yml")], env)
    measured["site_mib"] = _folder_size_mib(project / "site")
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"site build, median of {args.rounds} alternating rounds; ratio = Deskbook / plain Material")
    print(f"{'entities':>8} {'plain s':>8} {'deskbook s':>10} {'ratio':>6} {'plain MiB':>9} {'ours MiB':>8}"
          f" {'plain site':>10} {'our site':>8}")
    with tempfile.TemporaryDirectory(prefix="deskbook-bench-") as temporary:
        for entities in args.sizes:
            plain, deskbook = make_projects(Path(temporary), entities)
            runs: dict[str, list[dict]] = {"plain": [], "deskbook": []}
            for _ in range(args.rounds):
                runs["plain"].append(run_build(plain))
                runs["deskbook"].append(run_build(deskbook))
            plain_s = statistics.median(r["seconds"] for r in runs["plain"])
            ours_s = statistics.median(r["seconds"] for r in runs["deskbook"])
            plain_mem = max(r["peak_mib"] for r in runs["plain"])
            ours_mem = max(r["peak_mib"] for r in runs["deskbook"])
            print(f"{entities:>8} {plain_s:>8.2f} {ours_s:>10.2f} {ours_s / plain_s:>6.2f} {plain_mem:>9.0f} "
                  f"{ours_mem:>8.0f} {runs['plain'][-1]['site_mib']:>9.1f}M {runs['deskbook'][-1]['site_mib']:>7.1f}M",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
