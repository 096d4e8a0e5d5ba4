#!/usr/bin/env python3
"""Deskbook's command line: check, build, serve, schema, diff and new. Run with --help for details."""

import sys
from pathlib import Path

# Run straight from a checkout too: plugins/ is the package's source root.
sys.path.insert(0, str(Path(__file__).resolve().parent / "plugins"))

from deskbook.cli import run  # noqa: E402

if __name__ == "__main__":
    run(prog_name="build_manual.py")
