"""Ingest and link each real corpus into a fresh ledger, side by side (run by hand).

    uv run python tests/benchmarks/bench_corpora.py [--workers 2] [--only ant-v1.1]

For SaudiNewsNet (JSON in zips) and ANT (TREC/CLEF documents in .txt files): wall time,
CPU, peak memory (the largest of the ingest process and its workers, each corpus measured
in its own process), articles per second, the ledger's size; then a full link. For every
corpus it also checks what the ingest promises: the share of articles with an outlet,
date, URL and title, articles holding tag text, and claims whose value is a DOCNO's or a
TIME's digits. The corpora are read where they lie (``corpora/`` beside the repository,
or ``$FACTLEDGER_CORPUS`` / ``$FACTLEDGER_ANT``) and never copied.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = {"saudinewsnet": "FACTLEDGER_CORPUS", "ant-v1.1": "FACTLEDGER_ANT"}


def find(name: str) -> Path | None:
    env = os.environ.get(CORPORA[name])
    if env:
        return Path(env)
    for parent in REPO.parent.iterdir():
        if (parent / "corpora" / name).is_dir():
            return parent / "corpora" / name
    return None


def checks(db: Path) -> dict:
    """What the ingest promises about every article, counted."""
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    filled = {
        f"with_{col}": con.execute(
            f"SELECT count(*) FROM articles WHERE coalesce({col}, '') != ''"
        ).fetchone()[0]
        for col in ("outlet", "published", "url", "title")
    }
    tag = re.compile(r"</?(DOC|DOCNO|TEXT|TITLE|TIME|URL|SRC|ABSTRACT|AUTHOR|CAT)>", re.I)
    tagged = sum(1 for (text,) in con.execute("SELECT text FROM articles") if tag.search(text))
    stamped = 0  # claims whose value is their own article's DOCNO date or TIME digits
    for name, published, value in con.execute(
        "SELECT a.name, a.published, m.value FROM mentions m JOIN articles a "
        "ON a.id = m.article_id WHERE m.is_claim = 1 AND m.value >= 1000000"
    ):
        stamps = {int(d) for d in re.findall(r"\d{8}", name or "")}
        stamps |= {int(d) for d in re.findall(r"\d+", published or "")}
        stamped += value in stamps
    return {"articles": n, **filled, "with_tag_text": tagged,
            "claims_equal_to_docno_or_time_digits": stamped}  # fmt: skip


def one(corpus: Path, workers: int) -> dict:
    """Ingest then link one corpus in this process's children; print what it took."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        cli = [sys.executable, "-m", "ledger.cli", "--db", str(db)]
        start = time.perf_counter()
        ingest = subprocess.run([*cli, "ingest", "-q", "--json", "--no-link", "-w", str(workers),
                                 str(corpus)], capture_output=True, text=True)  # fmt: skip
        wall = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        report = json.loads(ingest.stdout)
        start = time.perf_counter()
        link = subprocess.run([*cli, "link", "-q", "--json"], capture_output=True, text=True)
        link_wall = time.perf_counter() - start
        linked = json.loads(link.stdout)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        seen = report["added"] + report["duplicates"]
        return {
            "corpus": corpus.name,
            "ingest_wall_seconds": round(wall, 1),
            "ingest_cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "ingest_peak_rss_mb": round(usage.ru_maxrss / 1024),
            "articles_per_second": round(seen / wall),
            "added": report["added"], "duplicates": report["duplicates"],
            "mentions": report["mentions"], "claims": report["claims"],
            "errors": len(report["errors"]), "warnings": len(report["warnings"]),
            "ledger_mb": round(db.stat().st_size / 1e6),
            "link_wall_seconds": round(link_wall, 1),
            "peak_rss_mb_with_link": round(after.ru_maxrss / 1024),
            "figures": linked.get("figures"), "conflicts": linked.get("conflicts"),
            **checks(db),
        }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", choices=sorted(CORPORA))
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.workers)))
        return
    results = []
    for name in [args.only] if args.only else list(CORPORA):
        corpus = find(name)
        if corpus is None:
            print(f"{name}: not found, skipped", file=sys.stderr)
            continue
        run = subprocess.run([sys.executable, __file__, "--one", str(corpus), "--workers",
                              str(args.workers)], capture_output=True, text=True)  # fmt: skip
        if run.returncode:
            sys.exit(run.stderr)
        results.append(json.loads(run.stdout))
        print(json.dumps(results[-1]), flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
