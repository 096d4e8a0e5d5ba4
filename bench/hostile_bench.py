"""Pathological inputs from the red-team report (issue 13): time to an answer, now and at a baseline.

Each case is a copy of the example content with one hostile thing grown to a size; a fresh interpreter
loads and checks it and, when the check passes, renders the hostile text as a build would. Time should
grow linearly with the input (the ratio column, the time at this size over the time at the previous
size, should track the size ratio), and the baseline column shows the same run with the plugins of a
named git revision (by default the commit before issue 13's work), run side by side.

    python -m bench.hostile_bench                      # every case, baseline 425ce88
    python -m bench.hostile_bench --case brackets --baseline main --timeout 120
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import io
from pathlib import Path

import yaml

from .common import REPO

DEFAULT_BASELINE = "425ce88"  # main before issue 13: no limits, all-pairs "did you mean"

# Loads and checks the content; renders every Markdown summary if the check passed, as a build would.
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
sys.setrecursionlimit(10_000)
from pathlib import Path
from deskbook.manual import load_manual
from deskbook.check import check_manual
from deskbook.text import markdown_html
start = time.perf_counter()
manual, diagnostics = load_manual(Path(sys.argv[1]))
if manual is not None:
    check_manual(manual, diagnostics)
errors = len(diagnostics.errors)
if manual is not None and not errors:
    for policy in manual.entities("policy"):
        markdown_html(policy.summary)
print(json.dumps({"seconds": time.perf_counter() - start, "errors": errors}))
"""


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, width=10**9, sort_keys=False), encoding="utf-8")


def brackets(content: Path, size: int) -> None:
    """``size`` '[' in one policy summary (20,000 took a build 2 min 25 s)."""
    _edit_yaml(content / "policies" / "refunds.yaml", lambda data: data.update(summary="[" * size))


def unknown_references(content: Path, size: int) -> None:
    """``size`` glossary terms and 3 x ``size`` references to terms that do not exist (4,000 and 12,000
    took check 672 s)."""
    def glossary(data):
        data["terms"] = [{"id": f"term-{number}", "term": f"Term {number}", "definition": "A word."}
                         for number in range(size)]
    _edit_yaml(content / "glossary.yaml", glossary)
    _edit_yaml(content / "training" / "onboarding.yaml", lambda data: data["stages"][0].update(
        read=[f"term:missing-{number}x" for number in range(3 * size)]))


def call_logs(content: Path, size: int) -> None:
    """``size`` call logs (5,000 made each PDF worker grow to 7.7 GB)."""
    folder = content / "call-logs"
    template = sorted(folder.glob("*.yaml"))[0]
    data = yaml.safe_load(template.read_text(encoding="utf-8"))
    for number in range(size):
        data["id"] = f"bench-log-{number}"
        (folder / f"bench-{number}.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


CASES = {
    "brackets": (brackets, [5_000, 10_000, 20_000, 50_000]),
    "unknown-references": (unknown_references, [1_000, 2_000, 4_000]),
    "call-logs": (call_logs, [1_000, 2_000, 4_000]),
}


def baseline_plugins(revision: str, root: Path) -> Path:
    """The plugins folder of ``revision``, exported from git (nothing in the work tree changes)."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision, "plugins"], cwd=REPO,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(root, filter="data")
    return root / "plugins"


def measure(content: Path, plugins: Path, timeout: float) -> str:
    try:
        result = subprocess.run([sys.executable, "-c", CHILD, str(content), str(plugins)], capture_output=True,
                                text=True, timeout=timeout, env=dict(os.environ, SOURCE_DATE_EPOCH="1790000000"))
    except subprocess.TimeoutExpired:
        return f">{timeout:.0f} s"
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["?"])[-1]
        return f"crash ({last[:60]})"
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return f"{data['seconds']:.2f} s ({data['errors']} err)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES), action="append")
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision to compare with")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a run is given up")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostile-bench-") as temporary:
        root = Path(temporary)
        ours = REPO / "plugins"
        baseline = None if args.no_baseline else baseline_plugins(args.baseline, root / "baseline")
        print(f"{'case':<20} {'size':>7}  {'this tree':<22} {'ratio':>6}  baseline {args.baseline}")
        for name in args.case or sorted(CASES):
            make, sizes = CASES[name]
            previous = None
            for size in sizes:
                content = root / f"{name}-{size}" / "content"
                shutil.copytree(REPO / "content", content)
                make(content, size)
                now = measure(content, ours, args.timeout)
                seconds = float(now.split()[0]) if now[0].isdigit() else None
                ratio = f"{seconds / previous:.1f}x" if seconds and previous else ""
                previous = seconds
                then = measure(content, baseline, args.timeout) if baseline else ""
                print(f"{name:<20} {size:>7}  {now:<22} {ratio:>6}  {then}", flush=True)
                shutil.rmtree(content.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
