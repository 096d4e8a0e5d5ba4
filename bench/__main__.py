"""Run every benchmark: ``python -m bench`` (or ``make bench``). Each prints its own ratios."""

from __future__ import annotations

import importlib
import sys


def main() -> int:
    for name in ("bench.check_bench", "bench.site_bench", "bench.pdf_bench"):
        print(f"== {name}", flush=True)
        module = importlib.import_module(name)
        status = module.main()
        if status:
            return int(status)
    return 0


if __name__ == "__main__":
    sys.exit(main())
