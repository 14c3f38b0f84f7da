"""Collections: JSON arrays or objects, JSON Lines and CSV, one article per record."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from .inputs import ArticleInput, InputProblem
from .published import iso_published

TEXT_FIELDS = ("content", "text", "body", "article", "article_text", "full_text")
TITLE_FIELDS = ("title", "headline")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site", "source_name", "newspaper")
DATE_FIELDS = ("published", "date", "published_at", "pubdate", "date_published", "date_extracted")
URL_FIELDS = ("url", "link", "href")
ID_FIELDS = ("id", "article_id", "guid", "uuid")


def _field(record: dict, names: Iterable[str], strings_only: bool = False) -> str | None:
    for name in names:
        value = record.get(name)
        if strings_only and not isinstance(value, str):
            continue
        if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
            return str(value).replace("\x00", "")
    return None


def unique_ids(
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
        published=iso_published(_field(record, DATE_FIELDS)),
        url=_field(record, URL_FIELDS),
        encoding=encoding,
    )


def read_json(
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


def read_jsonl(
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


def read_csv(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # a long article is one field
    try:
        reader = csv.DictReader(io.StringIO(text))
        for n, row in enumerate(reader, 1):
            yield _record(dict(row), str(n), name, source, label, encoding)
    except csv.Error as exc:
        yield InputProblem(label, f"malformed CSV: {exc}")
