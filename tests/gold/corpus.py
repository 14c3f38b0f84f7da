"""Read SaudiNewsNet articles straight from the corpus zips (never copied here).

Articles are named as the ledger names them: ``2015-07-21.json#162`` (the day's file
and the record's position in it). The corpus is found in ``$FACTLEDGER_CORPUS`` or in
a ``corpora/saudinewsnet`` folder beside the repository; scripts and tests that need it
say so, or skip, when it is absent.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


CORPUS_ENV = {"saudinewsnet": "FACTLEDGER_CORPUS", "ant-v1.1": "FACTLEDGER_ANT"}


def corpus_dir(name: str = "saudinewsnet") -> Path | None:
    """The corpus folder, if present: ``$FACTLEDGER_CORPUS`` (``$FACTLEDGER_ANT`` for
    the ANT corpus) or a ``corpora/<name>`` folder beside the repository."""
    env = os.environ.get(CORPUS_ENV.get(name, ""))
    if env:
        return Path(env) if Path(env).is_dir() else None
    for parent in REPO.parent.iterdir():
        candidate = parent / "corpora" / name
        if candidate.is_dir():
            return candidate
    return None


def _require() -> Path:
    root = corpus_dir()
    if root is None:
        raise SystemExit("SaudiNewsNet corpus not found (set FACTLEDGER_CORPUS)")
    return root


@cache
def day(file_name: str) -> list[dict]:
    """Every record of one day's file (``2015-07-21.json``), in order."""
    root = _require()
    with zipfile.ZipFile(root / (file_name.removesuffix(".json") + ".zip")) as archive:
        return json.loads(archive.read(file_name))


def article(name: str) -> dict:
    """One record by its ledger name (``2015-07-21.json#162``), with ``name`` added."""
    file_name, _, number = name.partition("#")
    record = dict(day(file_name)[int(number) - 1])
    record["name"] = name
    return record


def articles() -> Iterator[dict]:
    """Every record of the corpus, day by day, each with its ledger ``name``."""
    for path in sorted(_require().glob("*.zip")):
        file_name = path.stem + ".json"
        for n, record in enumerate(day(file_name), 1):
            yield {**record, "name": f"{file_name}#{n}"}


def main() -> None:
    """``corpus.py NAME...`` prints articles with character offsets;
    ``corpus.py --grep REGEX`` lists the articles whose title or text match."""
    import re
    import sys

    if sys.argv[1:2] == ["--grep"]:
        pattern = re.compile(sys.argv[2])
        for record in articles():
            if pattern.search((record.get("title") or "") + "\n" + (record.get("content") or "")):
                print(record["name"], record.get("source"), record.get("date_extracted"),
                      record.get("title"), sep="\t")  # fmt: skip
        return
    for name in sys.argv[1:]:
        record = article(name)
        print(f"== {name}  {record.get('source')}  {record.get('date_extracted')}")
        print(f"title: {record.get('title')}")
        print(f"url: {record.get('url')}")
        text = record.get("content") or ""
        for line_start, line in _lines(text):
            print(f"[{line_start}] {line}")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


if __name__ == "__main__":
    main()
