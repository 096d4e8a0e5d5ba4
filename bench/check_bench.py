"""``check`` on the example company: the whole command, interpreter start to exit, against the floor it
cannot go below.

Each round runs, alternately in fresh interpreters: ``build_manual.py check`` in the repository (the
example's content and mkdocs.yml), and the baseline "libraries only": an interpreter that imports what
loading and checking need anyway (pydantic, PyYAML, Babel, click) and does nothing else. Prints the
medians of wall time and CPU time (CPU is what the run did, whatever else the machine was doing) and the
ratio check / libraries only.

    python -m bench.check_bench [--rounds 7]

Target: check at most 0.3 s of wall time on an idle machine (deliverable 5 of issue 17). The ratio says
how much of that is Deskbook's own work rather than its libraries' import.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

from .common import REPO

LIBRARIES_ONLY = "import pydantic, yaml, babel.numbers, babel.dates, click"


def _timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child run to completion."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # A user's check reads cached bytecode; with this set (as in some shells and CI images) every round
    # compiled Deskbook's modules again, about 0.3 s the warm-up round is meant to leave out.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):  # 1: the example's content has errors, which check still ran
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    commands = {
        "check": [sys.executable, str(REPO / "build_manual.py"), "check"],
        "libraries only": [sys.executable, "-c", LIBRARIES_ONLY],
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for name, command in commands.items():
        _timed(command)  # warm the file cache and the bytecode
    for _ in range(args.rounds):
        for name, command in commands.items():
            runs[name].append(_timed(command))
    medians = {name: (statistics.median(w for w, _ in done), statistics.median(c for _, c in done))
               for name, done in runs.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name:<15} wall {wall:6.3f} s   cpu {cpu:6.3f} s   (median of {args.rounds})")
    check_wall, check_cpu = medians["check"]
    floor_wall, floor_cpu = medians["libraries only"]
    print(f"check / libraries only: wall {check_wall / floor_wall:.2f}x, cpu {check_cpu / floor_cpu:.2f}x; "
          f"target: check at most 0.300 s wall (now {check_wall:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
