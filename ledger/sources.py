"""Reading articles from files, folders, collections and zip archives.

Inputs: ``.txt`` files (one article each), JSON arrays or objects, JSON Lines and CSV
collections (one article per record), and ``.zip`` archives of any of these. Text is
UTF-8 with or without BOM, or Windows-1256 (with a warning). Every problem becomes an
``InputProblem`` naming the file and what is wrong; reading goes on with the rest.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .defaults import DEFAULT_MAX_BYTES

TEXT_SUFFIXES = {".txt", ".text", ".md"}
COLLECTION_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}

TEXT_FIELDS = ("content", "text", "body", "article", "article_text", "full_text")
TITLE_FIELDS = ("title", "headline")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site", "source_name", "newspaper")
DATE_FIELDS = ("published", "date", "published_at", "pubdate", "date_published", "date_extracted")
URL_FIELDS = ("url", "link", "href")
ID_FIELDS = ("id", "article_id", "guid", "uuid")


@dataclass(slots=True)
class ArticleInput:
    """One article as read: its text exactly as decoded, and what is known about it."""

    source: str  # stable key of where it came from (path, or path#record)
    name: str  # the CSV ``article`` column: file name, or collection name#record
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    encoding: str = "utf-8"


@dataclass(slots=True)
class InputProblem:
    """Something wrong with one input; ``level`` is ``error`` or ``warning``."""

    path: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.level}: {self.path}: {self.message}"


UTF8_REPLACED = "utf-8, invalid bytes replaced"
UTF8_DAMAGE = 1000  # up to one bad byte per this many characters (or one per five Arabic
# letters read as valid UTF-8) is damaged UTF-8, not another encoding


class DecodeError(ValueError):
    """Bytes that are not readable text."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes: (text, encoding). Raises ``DecodeError`` with a reason."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file holds only whitespace")
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            raise DecodeError(
                f"truncated: the file ends in the middle of a UTF-8 character (byte {exc.start})"
            ) from None
        utf8_error = f"invalid UTF-8 byte 0x{data[exc.start]:02x} at offset {exc.start}"
    mostly = data.decode("utf-8-sig", errors="replace")
    arabic = sum(1 for ch in mostly if "\u0600" <= ch <= "\u06ff")
    if mostly.count("\ufffd") <= max(len(mostly) // UTF8_DAMAGE, arabic // 5):
        # UTF-8 with a few bad bytes is UTF-8: read as Windows-1256 it would be garbage
        return mostly, UTF8_REPLACED
    text = data.decode("cp1256", errors="replace")
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff")
    if letters and arabic / len(letters) >= 0.5 and "\ufffd" not in text:
        return text, "windows-1256"
    raise DecodeError(f"not UTF-8 ({utf8_error}) nor Windows-1256 Arabic text")


STREAM_BLOCK = 1 << 20


def decode_stream(fh: BinaryIO, block: int = STREAM_BLOCK) -> Iterator[str]:
    """Decode a byte stream block by block (UTF-8, or Windows-1256 Arabic as
    ``decode_bytes`` decides from the first block). Raises ``DecodeError``."""
    head = fh.read(block)
    if not head.strip() and len(head) < block:
        raise DecodeError("empty file" if not head else "file holds only whitespace")
    if b"\x00" in head[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        first = decoder.decode(head)
        encoding = "utf-8"
    except UnicodeDecodeError:
        decode_bytes(head)  # raises unless the head reads as Windows-1256 Arabic
        decoder, encoding = codecs.getincrementaldecoder("cp1256")(errors="replace"), "cp1256"
        first = decoder.decode(head)
    yield first
    offset = len(head)
    while data := fh.read(block):
        try:
            yield decoder.decode(data)
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"invalid {encoding} byte 0x{data[exc.start]:02x} at offset {offset + exc.start}"
            ) from None
        offset += len(data)
    try:
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise DecodeError("truncated: the file ends in the middle of a UTF-8 character") from None


def first_line(text: str, limit: int = 200) -> str | None:
    """The first non-blank line, used as the title of a plain-text article."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:limit]
    return None


def _field(record: dict, names: Iterable[str], strings_only: bool = False) -> str | None:
    for name in names:
        value = record.get(name)
        if strings_only and not isinstance(value, str):
            continue
        if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
            return str(value).replace("\x00", "")
    return None


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path | InputProblem]:
    """Expand files and folders (recursively, sorted) into input files."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            broken = path.is_symlink()
            yield InputProblem(
                str(raw), "dangling symbolic link" if broken else "no such file or directory"
            )
        elif path.is_dir():
            found = False
            for sub in sorted(path.rglob("*")):
                if sub.is_symlink() and not sub.exists() and _supported(sub.name):
                    yield InputProblem(str(sub), "dangling symbolic link", "warning")
                    continue
                if sub.is_file() and _supported(sub.name) and not sub.name.startswith("."):
                    found = True
                    yield sub
            if not found:
                yield InputProblem(
                    str(raw), "folder holds no .txt, .json, .jsonl, .csv or .zip files", "warning"
                )
        else:
            yield path


def _supported(name: str) -> bool:
    suffix = Path(name).suffix.lower()
    return suffix in TEXT_SUFFIXES or suffix in COLLECTION_SUFFIXES or suffix == ".zip"


def read_inputs(
    paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArticleInput | InputProblem]:
    """Every article in ``paths``, and every problem met on the way, in order."""
    for item in iter_paths(paths):
        if isinstance(item, InputProblem):
            yield item
            continue
        yield from read_file(item, max_bytes)


def read_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArticleInput | InputProblem]:
    """Articles in one file (a text, a collection or a zip archive)."""
    label = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield InputProblem(label, "not a regular file (a FIFO, device or socket); skipped")
            return
        size = info.st_size
        if size > max_bytes:
            yield InputProblem(label, _too_large(size, max_bytes))
            return
        if path.suffix.lower() == ".zip":
            yield from _read_zip(path, max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(label, exc.strerror or str(exc))
        return
    source = str(path.resolve())
    yield from read_bytes(data, path.name, source, label)


def _too_large(size: int, limit: int) -> str:
    return (
        f"file too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB, see --max-size)"
    )


ZIP_EXPANSION = 4  # an archive expands to at most this many --max-size in all
ZIP_MAX_RATIO = 100  # text compresses about 3-10 times; far more is a bomb ...
ZIP_RATIO_FLOOR = 1_000_000  # ... once the member is large enough to matter


def _read_zip(path: Path, max_bytes: int) -> Iterator[ArticleInput | InputProblem]:
    label = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield InputProblem(label, f"not a readable zip archive ({exc})")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and _supported(m.filename)]
        members = [m for m in members if not Path(m.filename).name.startswith(".")]
        if not members:
            yield InputProblem(label, "zip archive holds no article files", "warning")
        budget = max_bytes * ZIP_EXPANSION  # what the whole archive may expand to
        for member in members:
            member_label = f"{label}:{member.filename}"
            if member.file_size > max_bytes:
                yield InputProblem(member_label, _too_large(member.file_size, max_bytes))
                continue
            ratio = member.file_size / max(1, member.compress_size)
            if member.file_size > ZIP_RATIO_FLOOR and ratio > ZIP_MAX_RATIO:
                yield InputProblem(
                    member_label, f"expands {ratio:.0f} times (a zip bomb?); skipped"
                )
                continue
            budget -= member.file_size
            if budget < 0:
                yield InputProblem(member_label, f"the archive expands to more than "
                                   f"{max_bytes * ZIP_EXPANSION / 1e6:.0f} MB; the rest is skipped")  # fmt: skip
                return
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as exc:
                yield InputProblem(member_label, f"cannot read from the archive ({exc})")
                continue
            source = f"{path.resolve()}:{member.filename}"
            yield from read_bytes(data, Path(member.filename).name, source, member_label)


def read_bytes(
    data: bytes, name: str, source: str, label: str
) -> Iterator[ArticleInput | InputProblem]:
    """Articles in the bytes of one file called ``name``."""
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield InputProblem(label, str(exc))
        return
    if encoding == UTF8_REPLACED:
        bad = text.count("\ufffd")
        yield InputProblem(label, f"{bad} invalid UTF-8 byte{'s' if bad > 1 else ''} "
                                  "replaced by �; the rest read as UTF-8", "warning")  # fmt: skip
    elif encoding != "utf-8":
        yield InputProblem(label, f"not UTF-8; decoded as {encoding}", "warning")
    suffix = Path(name).suffix.lower()
    if suffix in (".json",):
        yield from _unique_ids(_read_json(text, name, source, label, encoding), label)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _unique_ids(_read_jsonl(text, name, source, label, encoding), label)
    elif suffix == ".csv":
        yield from _unique_ids(_read_csv(text, name, source, label, encoding), label)
    else:
        yield ArticleInput(source, name, text, first_line(text), encoding=encoding)


def _unique_ids(
    items: Iterable[ArticleInput | InputProblem], label: str
) -> Iterator[ArticleInput | InputProblem]:
    """Records of one collection that share an id are still two articles: the second
    ``x`` becomes ``x@2`` (its place), with a warning, so a re-ingest never mistakes one
    for a changed version of the other and drops it."""
    seen: dict[str, int] = {}
    for n, item in enumerate(items, 1):
        if isinstance(item, ArticleInput):
            if item.source in seen:
                first = seen[item.source]
                item.source, item.name = f"{item.source}@{n}", f"{item.name}@{n}"
                yield InputProblem(
                    f"{label}#{item.name.rpartition('#')[2]}",
                    f"record id repeats record {first}'s; kept as a separate article",
                    "warning",
                )
            seen.setdefault(item.source, n)
        yield item


def _record(
    record: object, rec_id: str, name: str, source: str, label: str, encoding: str
) -> ArticleInput | InputProblem:
    where = f"{label}#{rec_id}"
    if not isinstance(record, dict):
        return InputProblem(where, f"record is a JSON {type(record).__name__}, not an object")
    text = _field(record, TEXT_FIELDS, strings_only=True)
    if text is None:
        if any(isinstance(record.get(f), str) for f in TEXT_FIELDS):
            return InputProblem(where, "record's text is blank; skipped", "warning")
        if any(f in record for f in TEXT_FIELDS):
            return InputProblem(where, "record's text is not a string; skipped")
        return InputProblem(where, "record has no text (expected a content or text field)")
    record_id = _field(record, ID_FIELDS) or rec_id
    return ArticleInput(
        source=f"{source}#{record_id}",
        name=f"{name}#{record_id}",
        text=text,
        title=_field(record, TITLE_FIELDS),
        outlet=_field(record, OUTLET_FIELDS),
        published=_field(record, DATE_FIELDS),
        url=_field(record, URL_FIELDS),
        encoding=encoding,
    )


def _read_json(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputProblem(
            label, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        )
        return
    except RecursionError:
        yield InputProblem(label, "JSON nested too deeply to be a collection of articles")
        return
    if isinstance(data, dict):
        for key in ("articles", "data", "items", "records"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        yield InputProblem(
            label, 'JSON is neither an article, a list of articles nor {"articles": [...]}'
        )
        return
    for n, record in enumerate(data, 1):
        yield _record(record, str(n), name, source, label, encoding)


def _read_jsonl(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    # records end at a newline only: U+2028, U+0085 or a form feed inside a string
    # are text (str.splitlines would cut the record there)
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(f"{label}:{n}", f"malformed JSON record: {exc.msg}")
            continue
        except RecursionError:
            yield InputProblem(f"{label}:{n}", "JSON record nested too deeply")
            continue
        yield _record(record, str(n), name, source, label, encoding)


def _read_csv(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # a long article is one field
    try:
        reader = csv.DictReader(io.StringIO(text))
        for n, row in enumerate(reader, 1):
            yield _record(dict(row), str(n), name, source, label, encoding)
    except csv.Error as exc:
        yield InputProblem(label, f"malformed CSV: {exc}")
