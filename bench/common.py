"""What both benchmarks share: the measured child process and the projects' mkdocs.yml."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Runs one whole `mkdocs build` in a fresh interpreter and prints its wall time, CPU time and peak memory
# (its own, or a child process's if that was larger).
BUILD_CHILD = r"""
import json, os, resource, sys, time, logging
if os.environ.get("DESKBOOK_PLUGINS"):
    sys.path.insert(0, os.environ["DESKBOOK_PLUGINS"])
logging.disable(logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
config = load_config(sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
elapsed = time.perf_counter() - start
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
peak = max(own.ru_maxrss, children.ru_maxrss)
# CPU time of every thread and child: the work done, whatever else the machine was running meanwhile.
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
print(json.dumps({"seconds": elapsed, "peak_mib": peak / 1024, "cpu_seconds": cpu}))
"""


def mkdocs_config(plugins: str = "") -> str:
    """A Material project with search (no Google Fonts), plus the given plugin entries."""
    return ("site_name: Synthetic Manual\nuse_directory_urls: false\ntheme:\n  name: material\n  font: false\n"
            "plugins:\n  - search\n" + plugins)


def run_measured(command: list[str], env: dict) -> dict:
    """Run a child that prints a JSON line of measurements last; stop the benchmark if it fails."""
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[-2:])} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])
