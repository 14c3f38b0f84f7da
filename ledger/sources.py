"""Reading articles from files, folders and zip archives, whatever their format.

Formats are recognised by content as well as by name (``formats.py``): plain text,
JSON / JSON Lines / CSV collections, TREC/CLEF ``<DOC>`` files, saved web pages and
RSS/Atom feeds, and ``.zip`` archives of any of these (archives inside archives too).
Text is UTF-8 with or without BOM, UTF-16 with a BOM, or Windows-1256 (with a
warning). Every problem becomes an ``InputProblem`` naming the file and what is wrong;
reading goes on with the rest.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .defaults import DEFAULT_MAX_BYTES
from .formats import SUFFIXES, is_documentation, read_text, sniff_markup
from .inputs import ArticleInput, InputProblem, first_line

__all__ = [
    "DEFAULT_MAX_BYTES", "ArticleInput", "DecodeError", "InputProblem", "count_input_bytes",
    "decode_bytes", "decode_stream", "first_line", "iter_paths", "read_bytes", "read_file",
    "read_inputs",
]  # fmt: skip

UTF8_REPLACED = "utf-8, invalid bytes replaced"
UTF8_DAMAGE = 1000  # up to one bad byte per this many characters (or one per five Arabic
# letters read as valid UTF-8) is damaged UTF-8, not another encoding
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SNIFF_BYTES = 4096  # how much of a file without a known suffix is read to recognise it


class DecodeError(ValueError):
    """Bytes that are not readable text."""


def _utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text: with a BOM, or without one when nearly every character it gives
    is Arabic, Latin, a digit, punctuation or white space."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at offset {exc.start}") from None
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        plain = sum(1 for ch in text if ch.isascii() or "\u0600" <= ch <= "\u06ff")
        if plain >= 0.97 * len(text) and any("\u0600" <= ch <= "\u06ff" for ch in text):
            return text, encoding
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes: (text, encoding). Raises ``DecodeError`` with a reason."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file holds only whitespace")
    if data.startswith(UTF16_BOMS) or b"\x00" in data[:8192]:
        found = _utf16(data)
        if found is None:
            raise DecodeError("binary file (contains NUL bytes), not text")
        return found
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
    """Decode a byte stream block by block (UTF-8, UTF-16, or Windows-1256 Arabic as
    ``decode_bytes`` decides from the first block). Raises ``DecodeError``."""
    head = fh.read(block)
    if not head.strip() and len(head) < block:
        raise DecodeError("empty file" if not head else "file holds only whitespace")
    if head.startswith(UTF16_BOMS) or b"\x00" in head[:8192]:
        found = _utf16(head[: len(head) - len(head) % 2])
        if found is None:
            raise DecodeError("binary file (contains NUL bytes), not text")
        encoding = "utf-16" if head.startswith(UTF16_BOMS) else found[1]
        decoder = codecs.getincrementaldecoder(encoding)()
        first = decoder.decode(head)
    else:
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        try:
            first = decoder.decode(head)
            encoding = "utf-8"
        except UnicodeDecodeError:
            decode_bytes(head)  # raises unless the head reads as Windows-1256 Arabic
            decoder = codecs.getincrementaldecoder("cp1256")(errors="replace")
            encoding = "cp1256"
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
        raise DecodeError(
            f"truncated: the file ends in the middle of a {encoding} character"
        ) from None


# ---------------------------------------------------------------------------- walking
def _head(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            return fh.read(SNIFF_BYTES).decode("utf-8", errors="ignore")
    except OSError:
        return ""


def _wanted(path: Path) -> bool:
    """Whether a file found in a folder is an input: a known suffix, or (without one)
    content that is recognisably news markup (TREC/CLEF, HTML, a feed)."""
    if path.name.startswith("."):
        return False
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return True
    return not suffix and sniff_markup(_head(path)) is not None


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path | InputProblem]:
    """Expand files and folders (recursively, sorted) into input files. A folder's
    README, LICENSE and the like are not articles and are passed over, with a warning."""
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
                if sub.is_symlink() and not sub.exists():
                    if sub.suffix.lower() in SUFFIXES:
                        yield InputProblem(str(sub), "dangling symbolic link", "warning")
                    continue
                if not sub.is_file() or not _wanted(sub):
                    continue
                if is_documentation(sub.name):
                    yield InputProblem(str(sub), "documentation, not an article; passed over",
                                       "warning")  # fmt: skip
                    continue
                found = True
                yield sub
            if not found:
                yield InputProblem(str(raw), "folder holds no article files "
                                   "(text, collections, TREC/CLEF, web pages, feeds or zips)",
                                   "warning")  # fmt: skip
        else:
            yield path


def count_input_bytes(paths: Iterable[str | os.PathLike]) -> int:
    """What reading ``paths`` will read, in bytes (zip members at their full size):
    the total of a progress bar, found without reading any article."""
    total = 0
    for item in iter_paths(paths):
        if isinstance(item, InputProblem):
            continue
        try:
            if item.suffix.lower() == ".zip":
                with zipfile.ZipFile(item) as archive:
                    total += sum(m.file_size for m in _zip_members(archive))
            else:
                total += item.stat().st_size
        except (OSError, zipfile.BadZipFile, ValueError):
            continue
    return total


@dataclass
class _Progress:
    """Input bytes read so far, for ``done`` on what reading yields."""

    done: int = 0


def read_inputs(
    paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ArticleInput | InputProblem]:
    """Every article in ``paths``, and every problem met on the way, in order. Each
    carries ``done``: the input bytes read up to it (see ``count_input_bytes``)."""
    progress = _Progress()
    for item in iter_paths(paths):
        if isinstance(item, InputProblem):
            item.done = progress.done
            yield item
            continue
        yield from read_file(item, max_bytes, progress)


def read_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, progress: _Progress | None = None
) -> Iterator[ArticleInput | InputProblem]:
    """Articles in one file (of any format, or a zip archive)."""
    progress = progress or _Progress()
    label = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield _at(InputProblem(label, "not a regular file (a FIFO, device or socket); "
                                   "skipped"), progress)  # fmt: skip
            return
        size = info.st_size
        if size > max_bytes:
            progress.done += size
            yield _at(InputProblem(label, _too_large(size, max_bytes)), progress)
            return
        if path.suffix.lower() == ".zip":
            try:
                archive = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as exc:
                progress.done += size
                yield _at(InputProblem(label, f"not a readable zip archive ({exc})"), progress)
                return
            with archive:
                budget = [max_bytes * ZIP_EXPANSION]
                yield from _read_zip(archive, label, str(path.resolve()), max_bytes, budget,
                                     progress, depth=1)  # fmt: skip
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _at(InputProblem(label, exc.strerror or str(exc)), progress)
        return
    yield from read_bytes(data, path.name, str(path.resolve()), label, progress)


def _at(problem: InputProblem, progress: _Progress) -> InputProblem:
    problem.done = progress.done
    return problem


def _too_large(size: int, limit: int) -> str:
    return (
        f"file too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB, see --max-size)"
    )


ZIP_EXPANSION = 4  # an archive expands to at most this many --max-size in all
ZIP_MAX_RATIO = 100  # text compresses about 3-10 times; far more is a bomb ...
ZIP_RATIO_FLOOR = 1_000_000  # ... once the member is large enough to matter
ZIP_MAX_DEPTH = 3  # archives inside archives, this deep at most


def _read_zip(
    archive: zipfile.ZipFile, label: str, source: str, max_bytes: int, budget: list[int],
    progress: _Progress, depth: int,
) -> Iterator[ArticleInput | InputProblem]:  # fmt: skip
    """Articles in an open archive; ``budget`` is what the outermost archive may still
    expand to, shared by the archives inside it."""
    members = _zip_members(archive)
    if not members:
        yield _at(InputProblem(label, "zip archive holds no article files", "warning"), progress)
    for member in members:
        member_label = f"{label}:{member.filename}"
        if member.file_size > max_bytes:
            progress.done += member.file_size
            yield _at(InputProblem(member_label, _too_large(member.file_size, max_bytes)), progress)
            continue
        ratio = member.file_size / max(1, member.compress_size)
        if member.file_size > ZIP_RATIO_FLOOR and ratio > ZIP_MAX_RATIO:
            progress.done += member.file_size
            yield _at(InputProblem(member_label, f"expands {ratio:.0f} times (a zip bomb?); "
                                   "skipped"), progress)  # fmt: skip
            continue
        budget[0] -= member.file_size
        if budget[0] < 0:
            limit = max_bytes * ZIP_EXPANSION / 1e6
            yield _at(InputProblem(member_label, f"the archive expands to more than {limit:.0f} MB; "
                                   "the rest is skipped"), progress)  # fmt: skip
            return
        try:
            data = archive.read(member)
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile,
                NotImplementedError, RuntimeError) as exc:  # fmt: skip
            progress.done += member.file_size
            yield _at(InputProblem(member_label, f"cannot read from the archive ({exc})"), progress)
            continue
        member_source = f"{source}:{member.filename}"
        if Path(member.filename).suffix.lower() == ".zip":
            yield from _read_inner_zip(data, member_label, member_source, max_bytes, budget,
                                       progress, depth)  # fmt: skip
            continue
        name = Path(member.filename).name
        yield from read_bytes(data, name, member_source, member_label, progress)


def _zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members of an archive that are read (as in a folder walk)."""
    return [
        m for m in archive.infolist()
        if not m.is_dir() and not Path(m.filename).name.startswith(".")
        and not is_documentation(m.filename) and _zip_member_wanted(archive, m)
    ]  # fmt: skip


def _zip_member_wanted(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """As in a folder: a known suffix, or (without one) content that is news markup."""
    suffix = Path(member.filename).suffix.lower()
    if suffix:
        return suffix in SUFFIXES
    try:
        with archive.open(member) as fh:
            head = fh.read(SNIFF_BYTES).decode("utf-8", errors="ignore")
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return True  # let reading it report the problem
    return sniff_markup(head) is not None


def _read_inner_zip(
    data: bytes, label: str, source: str, max_bytes: int, budget: list[int],
    progress: _Progress, depth: int,
) -> Iterator[ArticleInput | InputProblem]:  # fmt: skip
    if depth >= ZIP_MAX_DEPTH:
        progress.done += len(data)
        yield _at(InputProblem(label, f"archives nested more than {ZIP_MAX_DEPTH} deep; "
                               "skipped"), progress)  # fmt: skip
        return
    try:
        inner = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        progress.done += len(data)
        yield _at(InputProblem(label, f"not a readable zip archive ({exc})"), progress)
        return
    with inner:
        # the inner archive's own bytes were counted against the budget; its members are
        # counted as they are read, and the progress total counts the outer member only
        start = progress.done
        yield from _read_zip(inner, label, source, max_bytes, budget, progress, depth + 1)
        progress.done = start + len(data)


def read_bytes(
    data: bytes, name: str, source: str, label: str, progress: _Progress | None = None
) -> Iterator[ArticleInput | InputProblem]:
    """Articles in the bytes of one file called ``name`` (any format)."""
    progress = progress or _Progress()
    start = progress.done
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        progress.done = start + len(data)
        yield _at(InputProblem(label, str(exc)), progress)
        return
    if encoding == UTF8_REPLACED:
        bad = text.count("\ufffd")
        yield _at(InputProblem(label, f"{bad} invalid UTF-8 byte{'s' if bad > 1 else ''} "
                               "replaced by �; the rest read as UTF-8", "warning"), progress)  # fmt: skip
    elif encoding not in ("utf-8", "utf-16"):
        yield _at(InputProblem(label, f"not UTF-8; decoded as {encoding}", "warning"), progress)
    per_char = len(data) / max(1, len(text))
    read = 0.0
    held: ArticleInput | InputProblem | None = None  # the last item reaches the file's end
    for item in read_text(text, name, source, label, encoding):
        if isinstance(item, ArticleInput):
            read += len(item.text) * per_char
        item.done = start + min(len(data), int(read))
        if held is not None:
            yield held
        held = item
    progress.done = start + len(data)
    if held is not None:
        held.done = progress.done
        yield held
