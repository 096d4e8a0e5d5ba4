"""``check`` on the example company: the whole command, interpreter start to exit, against its target.

Each round runs, alternately in fresh interpreters: ``build_manual.py check`` in the repository (the
example's content and mkdocs.yml), and, for context, a bare interpreter (``python -c pass``: start-up
alone) and one that only imports the libraries loading and checking need anyway (pydantic, with one
empty model class, PyYAML, Babel, click). Prints the medians of wall time and CPU time (user + system: what the run did,
whatever else the machine was doing), check's ratio to the target, and the floor: the libraries-only
run's ratio to the target, and how much of the target that leaves for Deskbook against what it takes.

    python -m bench.check_bench [--rounds 15] [--phases]

Target: check at most 0.3 s of wall time on this machine (deliverable 5 of issue 17); the ratio printed is
check's median over it, so 1.00x or less meets it. ``--phases`` adds where check's time goes, measured
inside one interpreter per round: the libraries' imports, building the content model (Deskbook's
pydantic classes), Deskbook's other modules, mkdocs.yml, reading the YAML, validating it, the rules over
the whole manual, the checks beyond the content (mkdocs.yml's options, the pages' references, the print
glyphs, the desk card's fit, the previous edition) and the output.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

from .common import REPO

TARGET_WALL = 0.300  # seconds: issue 17, deliverable 5
# The libraries' own start-up: pydantic imports most of itself (and looks up its plugins) when the first
# model class is made, so the floor makes one, empty.
LIBRARIES_ONLY = ("import yaml, babel.numbers, babel.dates, click\n"
                  "from pydantic import BaseModel\n"
                  "class Empty(BaseModel): pass")

# One check, step by step as ``check`` takes them (pipeline.check_project, then the report), each step
# timed; prints {step: [wall, cpu]} as JSON. The YAML reading is timed inside loading, so "validation"
# is loading without it (pydantic's validation, the index of entities and references).
PHASES_CHILD = r"""
import json, sys, time
marks = [("start", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
sys.path.insert(0, sys.argv[1])
from deskbook.cli.commands import imports_uncollected
with imports_uncollected():
    import yaml, babel.numbers, babel.dates, click
    from pydantic import BaseModel
    class Empty(BaseModel): pass
    mark("imports: pydantic, yaml, babel, click")
    import deskbook.model
    mark("imports: content model (pydantic classes)")
    from deskbook import manual as manual_module, pipeline
    from deskbook.cli.reporting import report
    from deskbook.engine import find_config
    from deskbook.project import content_dir_of
    mark("imports: deskbook's other modules")
from pathlib import Path
reading = [0.0, 0.0]
read_yaml = manual_module.read_yaml
def timed_read_yaml(*args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        return read_yaml(*args, **kwargs)
    finally:
        reading[0] += time.perf_counter() - wall
        reading[1] += time.process_time() - cpu
manual_module.read_yaml = timed_read_yaml
config = find_config(Path("."))
content = content_dir_of(config)
root = config.resolve().parent
mark("mkdocs.yml")
manual, diagnostics = manual_module.load_manual(content, root, allow_partial=True)
mark("load")
pipeline.check_manual(manual, diagnostics)
mark("rules over the manual")
pipeline.check_beyond_content(config, manual, root, diagnostics)
mark("beyond the content")
import contextlib, io
with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
    report(diagnostics, "text")
mark("output")
steps = {later[0]: [later[1] - earlier[1], later[2] - earlier[2]] for earlier, later in zip(marks, marks[1:])}
load = steps.pop("load")
ordered = {}
for name, value in steps.items():
    if name == "rules over the manual":
        ordered["YAML reading"] = reading
        ordered["validation and index"] = [load[0] - reading[0], load[1] - reading[1]]
    ordered[name] = value
print(json.dumps(ordered))
"""


def _environment() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # A user's check reads cached bytecode; with this set (as in some shells and CI images) every round
    # compiled Deskbook's modules again, about 0.3 s the warm-up round is meant to leave out.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child run to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, env=_environment(), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):  # 1: the example's content has errors, which check still ran
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _phases(rounds: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) of each step of check, one fresh interpreter per round."""
    command = [sys.executable, "-c", PHASES_CHILD, str(REPO / "plugins")]
    runs = []
    for index in range(rounds + 1):
        done = subprocess.run(command, cwd=REPO, env=_environment(), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the phases child failed:\n{done.stderr[-3000:]}")
        if index:  # the first round warms the file cache and the bytecode
            runs.append(json.loads(done.stdout.splitlines()[-1]))
    return {name: (statistics.median(run[name][0] for run in runs), statistics.median(run[name][1] for run in runs))
            for name in runs[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--phases", action="store_true", help="also time check's steps, in one interpreter")
    args = parser.parse_args(argv)
    commands = {
        "check": [sys.executable, str(REPO / "build_manual.py"), "check"],
        "python start-up": [sys.executable, "-c", "pass"],
        "libraries only": [sys.executable, "-c", LIBRARIES_ONLY],
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():
        _timed(command)  # warm the file cache and the bytecode
    for _ in range(args.rounds):
        for name, command in commands.items():
            runs[name].append(_timed(command))
    medians = {name: (statistics.median(w for w, _ in done), statistics.median(c for _, c in done))
               for name, done in runs.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name:<16} wall {wall:6.3f} s   cpu {cpu:6.3f} s   (median of {args.rounds})")
    check_wall, check_cpu = medians["check"]
    print(f"check / target ({TARGET_WALL:.3f} s wall): wall {check_wall / TARGET_WALL:.2f}x, "
          f"cpu {check_cpu / TARGET_WALL:.2f}x ({'met' if check_wall <= TARGET_WALL else 'not met'})")
    # The floor: what the libraries Deskbook is fixed on cost before it does anything, and so what of the
    # target is left for Deskbook's own modules, the content model and the checks themselves.
    floor_wall, floor_cpu = medians["libraries only"]
    print(f"floor (libraries only) / target: wall {floor_wall / TARGET_WALL:.2f}x, cpu {floor_cpu / TARGET_WALL:.2f}x")
    print(f"  left of the target for Deskbook: wall {1000 * (TARGET_WALL - floor_wall):6.0f} ms   "
          f"cpu {1000 * (TARGET_WALL - floor_cpu):6.0f} ms")
    print(f"  Deskbook takes (check - floor):  wall {1000 * (check_wall - floor_wall):6.0f} ms   "
          f"cpu {1000 * (check_cpu - floor_cpu):6.0f} ms")
    if args.phases:
        steps = _phases(args.rounds)
        start_wall, start_cpu = medians["python start-up"]
        print(f"\ncheck's steps (medians of {args.rounds} interpreters; start-up from the run above):")
        print(f"  {'python start-up':<44} wall {1000 * start_wall:6.1f} ms   cpu {1000 * start_cpu:6.1f} ms")
        for name, (wall, cpu) in steps.items():
            print(f"  {name:<44} wall {1000 * wall:6.1f} ms   cpu {1000 * cpu:6.1f} ms")
        total_wall = start_wall + sum(wall for wall, _ in steps.values())
        total_cpu = start_cpu + sum(cpu for _, cpu in steps.values())
        print(f"  {'sum':<44} wall {1000 * total_wall:6.1f} ms   cpu {1000 * total_cpu:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
