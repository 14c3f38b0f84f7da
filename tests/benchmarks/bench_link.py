"""Benchmark linking on a ledger of the whole SaudiNewsNet corpus (run by hand).

    uv run python tests/benchmarks/bench_link.py LEDGER.db [--decisions 5]

Build the ledger first (``factledger --db LEDGER.db ingest -w 2 --no-link CORPUS``).
Reports the time and peak memory of a full link pass (and of the process that groups the
stories meanwhile), the stories, the candidate pairs
kept, links made, figures and conflicts found; then the time of ``--decisions`` analyst
decisions on flagged figures (a split each) and of undoing each, as the CLI and the app
make them (each re-groups only what it touches).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from dataclasses import asdict

from ledger import Database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger")
    parser.add_argument("--decisions", type=int, default=5)
    args = parser.parse_args()
    db = Database(args.ledger, create=False, author="benchmark")
    started = time.perf_counter()
    report = db.link()
    wall = time.perf_counter() - started
    out = asdict(report)
    out["wall_seconds"] = round(wall, 1)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    # the stories' process, which groups while this one reads claims (their peaks do not
    # meet: it leaves before scoring, where this one peaks)
    out["stories_process_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    )
    decide, undo = [], []
    for conflict in db.conflicts()[: args.decisions]:
        mention = db.figure(conflict["claim_id"])["mention_rows"][0]["mention_id"]
        started = time.perf_counter()
        db.split(mention, note="benchmark")
        decide.append(time.perf_counter() - started)
        started = time.perf_counter()
        db.undo()
        undo.append(time.perf_counter() - started)
    if decide:
        out["decision_seconds_max"] = round(max(decide), 3)
        out["decision_seconds_median"] = round(statistics.median(decide), 3)
        out["undo_seconds_max"] = round(max(undo), 3)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
