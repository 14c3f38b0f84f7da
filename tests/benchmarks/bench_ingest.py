"""Benchmark extraction and ingest on the SaudiNewsNet corpus (run by hand).

    uv run python tests/benchmarks/bench_ingest.py [--corpus DIR] [--workers 2]

Reports: extraction characters per second on one core; end-to-end ingest of the
whole corpus into a fresh ledger (wall time, peak memory of the ingest process and
its workers); a re-ingest with nothing changed. The corpus is read where it lies and
never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def find_corpus() -> Path:
    env = os.environ.get("FACTLEDGER_CORPUS")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    for parent in repo.parent.iterdir():
        candidate = parent / "corpora" / "saudinewsnet"
        if candidate.is_dir():
            return candidate
    sys.exit("corpus not found: set FACTLEDGER_CORPUS to the SaudiNewsNet folder")


def load_texts(corpus: Path) -> list[str]:
    texts = []
    for path in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                texts.extend(a.get("content") or "" for a in json.loads(z.read(name)))
    return texts


def bench_extract(texts: list[str]) -> dict:
    from ledger.extract import extract_mentions

    extract_mentions("نحو 5 آلاف")  # load lexicons and camel-tools first
    chars = sum(len(t) for t in texts)
    start = time.process_time()
    mentions = sum(len(extract_mentions(t)) for t in texts)
    cpu = time.process_time() - start
    return {"articles": len(texts), "chars": chars, "mentions": mentions,
            "cpu_seconds": round(cpu, 2), "chars_per_second": round(chars / cpu)}  # fmt: skip


def timed_ingest(db: Path, corpus: Path, workers: int) -> dict:
    cmd = [sys.executable, "-m", "ledger.cli", "--db", str(db), "ingest", "-q", "--json", "--no-link",
           "-w", str(workers), str(corpus)]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = json.loads(proc.stdout)
    return {
        "wall_seconds": round(wall, 1),
        "peak_rss_mb": round(after.ru_maxrss / 1024),  # largest process (ingest or a worker)
        "cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
        "added": report["added"], "unchanged": report["unchanged"],
        "duplicates": report["duplicates"], "mentions": report["mentions"],
        "claims": report["claims"], "errors": len(report["errors"]),
        "warnings": len(report["warnings"]), "exit_code": proc.returncode,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-extract", action="store_true")
    args = parser.parse_args()
    corpus = args.corpus or find_corpus()
    results = {}
    if not args.skip_extract:
        results["extract_one_core"] = bench_extract(load_texts(corpus))
        print(json.dumps(results["extract_one_core"]), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        results["ingest_fresh"] = timed_ingest(db, corpus, args.workers)
        print(json.dumps(results["ingest_fresh"]), flush=True)
        results["ingest_again"] = timed_ingest(db, corpus, args.workers)
        print(json.dumps(results["ingest_again"]), flush=True)
        results["ledger_mb"] = round(db.stat().st_size / 1e6)
        link = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("bench_link.py")), str(db)],
            capture_output=True, text=True,
        )  # fmt: skip
        results["link"] = json.loads(link.stdout)
        print(json.dumps(results["link"]), flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
