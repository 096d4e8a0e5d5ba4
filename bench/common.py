"""What both benchmarks share: the measured child process and the projects' mkdocs.yml."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Runs one whole `mkdocs build` in a fresh interpreter and prints its wall time, CPU time and peak memory.
# Peak memory is the most the build's whole process tree held at once (sampled every 20 ms: the build and
# any processes it started, such as Deskbook's Typst processes), and never less than the largest single
# process's own peak.
BUILD_CHILD = r"""
import json, os, resource, sys, threading, time, logging
if os.environ.get("DESKBOOK_PLUGINS"):
    sys.path.insert(0, os.environ["DESKBOOK_PLUGINS"])
logging.disable(logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
PAGE = os.sysconf("SC_PAGE_SIZE")

def tree_rss(pid):
    try:
        total = int(open(f"/proc/{pid}/statm").read().split()[1]) * PAGE
        for task in os.listdir(f"/proc/{pid}/task"):
            for child in open(f"/proc/{pid}/task/{task}/children").read().split():
                total += tree_rss(int(child))
        return total
    except (OSError, ValueError):
        return 0

sampled = 0
done = threading.Event()
def sample():
    global sampled
    while not done.wait(0.02):
        sampled = max(sampled, tree_rss(os.getpid()))
threading.Thread(target=sample, daemon=True).start()
start = time.perf_counter()
config = load_config(sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
elapsed = time.perf_counter() - start
done.set()
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
peak = max(own.ru_maxrss * 1024, children.ru_maxrss * 1024, sampled)
# CPU time of every thread and child: the work done, whatever else the machine was running meanwhile.
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
print(json.dumps({"seconds": elapsed, "peak_mib": peak / 2**20, "cpu_seconds": cpu}))
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
