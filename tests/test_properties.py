"""Property tests: random bytes, random collections and random Arabic-with-digits text go
through ingest, link and export. Whatever comes in: no traceback, the ledger passes
``PRAGMA integrity_check``, and no article already in it is lost.

CI runs a bounded number of examples; a longer run is

    FACTLEDGER_PROPERTY_EXAMPLES=2000 uv run --extra test pytest tests/test_properties.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger import Database

EXAMPLES = int(os.environ.get("FACTLEDGER_PROPERTY_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ARABIC_WORDS = ["قتل", "أصيب", "شخصا", "نحو", "أكثر من", "ألف", "مليون", "بين", "و", "في",
                "عشرة", "ثلاثة", "الهجوم", "معتقل", "٪", "%", "،", ".", "\n", "(", ")", "«", "»"]  # fmt: skip
DIGITS = st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩.,٫٬-", min_size=1, max_size=12)
TOKENS = st.one_of(st.sampled_from(ARABIC_WORDS), DIGITS, st.text(max_size=4))
ARTICLE = st.lists(TOKENS, min_size=1, max_size=40).map(" ".join)
JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), ARTICLE),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["text", "content", "title", "id", "date", "source", "x"]),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=12,
)


def integrity(db: Database) -> str:
    return db.db.execute("PRAGMA integrity_check").fetchone()[0]


def ingest_and_check(base_path, tmp_path, files: dict[str, bytes]) -> None:
    """Copy the seeded ledger, ingest ``files`` into it, link, export; check it."""
    path = tmp_path / "ledger.db"
    shutil.copy(base_path, path)
    folder = tmp_path / "in"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with Database(path) as db:
        before = {aid for (aid,) in db.db.execute("SELECT id FROM articles")}
        db.ingest([folder])
        db.link()
        db.export(tmp_path / "out.csv")
        after = {aid for (aid,) in db.db.execute("SELECT id FROM articles")}
        assert before <= after
        assert integrity(db) == "ok"


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".json", ".jsonl", ".csv"]))
def test_random_bytes(seeded_path, tmp_path_factory, data, suffix):
    ingest_and_check(seeded_path, tmp_path_factory.mktemp("p"), {f"x{suffix}": data})


@SETTINGS
@given(text=ARTICLE)
def test_random_arabic_with_digits(seeded_path, tmp_path_factory, text):
    ingest_and_check(seeded_path, tmp_path_factory.mktemp("p"), {"a.txt": text.encode()})


@SETTINGS
@given(records=st.lists(JSONISH, max_size=6))
def test_random_json_collections(seeded_path, tmp_path_factory, records):
    as_json = json.dumps(records, ensure_ascii=False).encode()
    as_lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["text", "title"])
    for r in records:
        writer.writerow([json.dumps(r, ensure_ascii=False), "t"])
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("inner.jsonl", as_lines)
        archive.writestr("inner.json", as_json)
    files = {"c.json": as_json, "c.jsonl": as_lines, "c.csv": buffer.getvalue().encode(),
             "c.zip": packed.getvalue()}  # fmt: skip
    ingest_and_check(seeded_path, tmp_path_factory.mktemp("p"), files)
