"""Benchmark linking on a ledger of the whole SaudiNewsNet corpus (run by hand).

    uv run python tests/benchmarks/bench_link.py LEDGER.db

Build the ledger first (``factledger --db LEDGER.db ingest -w 2 --no-link CORPUS``).
Reports the time and peak memory of a full link pass, the candidate pairs compared,
the pairs scored, links made, figures and conflicts found.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from dataclasses import asdict

from ledger import Ledger
from ledger.figures import link


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    ledger = Ledger(sys.argv[1], create=False)
    started = time.perf_counter()
    report = link(ledger)
    wall = time.perf_counter() - started
    out = asdict(report)
    out["wall_seconds"] = round(wall, 1)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
