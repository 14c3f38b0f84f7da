"""Bring your own news: TREC/CLEF documents, saved web pages and feeds, recognised by
content; zips mixing them; progress and grouped problems on the command line."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ant_dir

from ledger import Database
from ledger.cli import main
from ledger.formats import format_of
from ledger.inputs import InputProblem
from ledger.problem_log import ProblemLog
from ledger.sources import count_input_bytes, read_file, read_inputs

FORMATS = Path(__file__).parent / "data" / "formats"
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*[ >/]")


def articles(path) -> list:
    return [a for a in read_file(Path(path)) if not isinstance(a, InputProblem)]


def rows(db: Database) -> list[dict]:
    return [dict(r) for r in db.db.query("SELECT * FROM articles ORDER BY name")]


# ----------------------------------------------------------------------- TREC/CLEF
def test_trec_documents_give_their_fields_and_clean_text():
    first, second = articles(FORMATS / "two_documents.sgml")
    assert first.source.endswith("two_documents.sgml#TN-local-7-20170314")
    assert first.title == "حجز 130 قنينة من المشروبات الكحولية بصفاقس"
    assert first.outlet == "Example FM"
    assert first.published == "2017-03-14T09:05:00+01:00"
    assert first.url == "https://www.example-news.tn/ar/article/7"
    # the abstract opens the text: not repeated; <P> became lines; &amp; decoded
    assert first.text == (
        "تمكنت وحدات الحرس الوطني بصفاقس من حجز بضاعة مهربة تفوق قيمتها 62 ألف دينار.\n"
        "وتم حجز 130 قنينة من المشروبات الكحولية & 40 كلغ من المعسل، يوم 13 مارس 2017."
    )
    # no SRC: the outlet is the URL's site; no title: the text's first line; an
    # abstract the text does not open with comes first
    assert second.outlet == "example-news.tn"
    assert second.text.startswith("عجز الميزان التجاري يبلغ 12.5 مليار دينار\nقال وزير")
    assert second.title == "عجز الميزان التجاري يبلغ 12.5 مليار دينار"


def test_trec_in_a_txt_file_is_recognised_by_content(tmp_path):
    path = tmp_path / "JA-economy-32-20170120.txt"
    shutil.copy(FORMATS / "two_documents.sgml", path)
    db = Database(tmp_path / "l.db")
    report = db.ingest([path])
    assert report.added == 2 and not report.problems
    values = {r[0] for r in db.db.execute("SELECT value FROM mentions")}
    # neither the DOCNO's digits nor the TIME's become numbers of the articles
    assert not values & {20170120, 20170314, 7, 9, 0, 14, 1}
    for row in rows(db):
        assert not TAG.search(row["text"]) and row["outlet"] and row["published"]


def test_unclosed_and_empty_documents_are_reported(tmp_path):
    path = tmp_path / "odd.trec"
    path.write_text(
        "<DOC><DOCNO>a</DOCNO><TEXT>قتل 5 أشخاص</TEXT></DOC>\n"
        "<DOC><DOCNO>b</DOCNO><TEXT> </TEXT></DOC>\n"
        "<DOC><DOCNO>c</DOCNO><TEXT>أصيب 7 آخرون</TEXT>\n",
        encoding="utf-8",
    )
    items = list(read_file(path))
    problems = [str(p) for p in items if isinstance(p, InputProblem)]
    assert [a.text for a in items if not isinstance(a, InputProblem)] == [
        "قتل 5 أشخاص", "أصيب 7 آخرون",
    ]  # fmt: skip
    assert any("#b: document has no TEXT" in p for p in problems)
    assert any("#c: document is not closed" in p for p in problems)


ANT_FILES = [
    "economy/JA-economy-1-20170121.txt",  # abstract = the text's opening
    "culture/JA-culture-27-20161106.txt",  # abstract edited from the opening
    "politic/JA-politic-354-20170420.txt",  # abstract unlike the opening
]


@pytest.fixture(scope="module")
def ant_sample(tmp_path_factory):
    root = ant_dir()
    if root is None:
        pytest.skip("ANT corpus not present")
    chosen = [root / f for f in ANT_FILES]
    # also: a document without SRC, one without a title, one with an empty TEXT
    for f in sorted(root.glob("*/*.txt")):
        raw = f.read_text(encoding="utf-8")
        if "<SRC>" not in raw or "<TITLE></TITLE>" in raw or "<TEXT>\n</TEXT>" in raw:
            chosen.append(f)
    folder = tmp_path_factory.mktemp("ant")
    for f in chosen:
        shutil.copy(f, folder / f.name)
    db = Database(folder / "ant.db")
    report = db.ingest([folder])
    return db, report, len(chosen)


def test_real_ant_documents_have_every_field_and_no_tags(ant_sample):
    db, report, n = ant_sample
    assert report.articles_seen == n and not report.errors
    for row in rows(db):
        assert row["outlet"] and row["title"] and row["url"], row["name"]
        assert re.match(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$", row["published"])
        assert not TAG.search(row["text"]) and not TAG.search(row["title"]), row["name"]
        docno_digits = row["name"].rsplit("-", 1)[-1]
        assert docno_digits not in row["text"] or docno_digits in row["title"]


def test_real_ant_abstract_is_not_repeated(ant_sample):
    db, _report, _n = ant_sample
    text = db.db.execute(
        "SELECT text FROM articles WHERE name = 'JA-economy-1-20170121'"
    ).fetchone()[0]
    assert text.count("ذكرت جمعية منظمي الرحلات الروس") == 1
    assert "623" in text and "<" not in text


# ----------------------------------------------------------------------- web pages
def test_saved_web_page_gives_the_article_only():
    (page,) = articles(FORMATS / "news_page.html")
    assert page.title == "مقتل 5 أشخاص في حادث مرور بصفاقس"
    assert page.outlet == "جريدة المثال"
    assert page.published == "2017-03-12T09:15:00+01:00"
    assert page.url == "https://example-news.tn/ar/article/123"
    assert page.text.startswith("لقي 5 أشخاص حتفهم وأصيب 12 آخرون")  # the <h1> is the title
    assert "120 ألف دينار" in page.text
    for boilerplate in ("الرئيسية", "شارك على فيسبوك", "مقالات ذات صلة", "القصرين",
                        "1400", "الأكثر قراءة", "جميع الحقوق", "71 123 456", "18 درجة"):  # fmt: skip
        assert boilerplate not in page.text, boilerplate


def test_html_without_suffix_or_doctype_is_read_as_a_page(tmp_path):
    body = (FORMATS / "news_page.html").read_text(encoding="utf-8")
    assert format_of(body, "saved.txt") == "html"
    assert format_of("<p>قتل 5</p>", "page.htm") == "html"
    assert format_of("قتل 5 أشخاص", "a.txt") == "text"
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "article-123").write_text(body, encoding="utf-8")
    (tmp_path / "pages" / "notes").write_text("just notes 5", encoding="utf-8")
    found = [a for a in read_inputs([tmp_path / "pages"]) if not isinstance(a, InputProblem)]
    assert [a.name for a in found] == ["article-123"]


def test_page_without_article_text_is_one_error(tmp_path):
    """And a page without a charset declaration is still read as the UTF-8 it is."""
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><title>5</title><script>var n = 5;</script></head><body> </body></html>",
        encoding="utf-8",
    )
    (problem,) = list(read_file(path))
    assert isinstance(problem, InputProblem) and "no article text" in problem.message
    bare = tmp_path / "bare.html"
    bare.write_text("<html><body><p>قتل 5 أشخاص في الهجوم</p></body></html>", encoding="utf-8")
    (page,) = articles(bare)
    assert page.text == "قتل 5 أشخاص في الهجوم"


# ----------------------------------------------------------------------- feeds
def test_rss_items_are_articles():
    items = list(read_file(FORMATS / "headlines.rss"))
    first, second = (a for a in items if not isinstance(a, InputProblem))
    assert first.title == "ارتفاع حصيلة ضحايا الفيضانات إلى 13 قتيلا"
    assert first.text.startswith("ارتفعت حصيلة ضحايا الفيضانات إلى 13 قتيلا و25 مصابا")
    assert "وتم إجلاء أكثر من 300 عائلة." in first.text  # full content beats the summary
    assert first.outlet == "أخبار المثال"
    assert first.published == "2017-01-16T18:30:00+01:00"
    assert first.url == "https://example-news.tn/ar/article/201"
    assert "<p>" not in second.text and second.text.endswith("في نوفمبر.")
    assert any(isinstance(p, InputProblem) and "#3" in p.path for p in items)


def test_atom_entries_are_articles():
    first, second = articles(FORMATS / "updates.atom")
    assert first.text == "أعلنت الحماية المدنية أن عدد القتلى بلغ 15 قتيلا."
    assert first.outlet == "وكالة المثال للأنباء"
    assert (first.published, second.published) == (
        "2017-01-16T20:00:00+01:00", "2017-01-17T08:00:00Z",
    )  # fmt: skip
    assert second.url == "https://agency.example.org/news/89"


def test_a_feed_is_never_fetched_or_opened_as_a_path(tmp_path, monkeypatch):
    import urllib.request

    def no_network(*_a, **_k):
        raise AssertionError("feed reading tried the network")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    path = tmp_path / "f.xml"
    path.write_text(
        '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        "<description>https://example.org/feed.xml</description></item></channel></rss>",
        encoding="utf-8",
    )
    (item,) = articles(path)
    assert item.text == "https://example.org/feed.xml"


# ----------------------------------------------------------------------- mixed inputs
def test_one_zip_mixing_every_format_and_a_nested_zip(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep/plain.txt", "وأصيب 9 أشخاص بجروح")
    archive = tmp_path / "mixed.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for f in FORMATS.iterdir():
            z.write(f, f"news/{f.name}")
        z.writestr("news/records.jsonl", json.dumps({"id": "r1", "text": "قتل 4 أشخاص"}) + "\n")
        z.writestr("news/README.md", "# not an article 5")
        z.writestr("news/inner.zip", inner.getvalue())
    assert count_input_bytes([archive]) == sum(  # what is read: not the README
        m.file_size for m in zipfile.ZipFile(archive).infolist() if "README" not in m.filename
    )
    db = Database(tmp_path / "l.db")
    report = db.ingest([archive])
    assert report.added == 2 + 1 + 2 + 2 + 1 + 1  # rss, page, sgml, atom, jsonl, nested
    assert not report.errors
    names = {r["name"] for r in rows(db)}
    assert "plain.txt" in names and "README.md" not in names
    assert all(r["outlet"] for r in rows(db) if not r["name"].endswith((".txt", "#r1")))


def test_a_folder_passes_over_readme_and_licence_files(tmp_path):
    (tmp_path / "c").mkdir()
    shutil.copy(FORMATS / "two_documents.sgml", tmp_path / "c" / "a.txt")
    for name in ("README.md", "UPSTREAM-README.md", "LICENSE", "LICENSE.txt"):
        (tmp_path / "c" / name).write_text("Licensed under 2.0 since 2017", encoding="utf-8")
    items = list(read_inputs([tmp_path / "c"]))
    got = [a for a in items if not isinstance(a, InputProblem)]
    assert len(got) == 2  # the two documents; LICENSE (no suffix, not markup) is not looked at
    assert sum("documentation, not an article" in str(p) for p in items) == 3


def test_utf16_files_are_read(tmp_path):
    text = "قتل 12 شخصا في الهجوم"
    (tmp_path / "bom.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    db = Database(tmp_path / "l.db")
    report = db.ingest([tmp_path / "bom.txt", tmp_path / "le.txt"])
    assert report.added == 1 and report.duplicates == 1
    # with a BOM it is certain; without one it is a guess, and says so
    assert [p.message for p in report.problems] == ["not UTF-8; decoded as utf-16-le"]
    assert db.db.execute("SELECT text FROM articles").fetchone()[0] == text


# ----------------------------------------------------------------------- progress
def blank_records(tmp_path, n: int) -> Path:
    path = tmp_path / "blank.jsonl"
    lines = [json.dumps({"id": i, "text": " "}) for i in range(n)]
    lines.append(json.dumps({"id": "ok", "text": "قتل 5 أشخاص"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_problems_are_grouped_by_kind():
    shown: list[str] = []
    log = ProblemLog(shown.append)
    for n in range(12):
        log.add(InputProblem(f"f#{n}", "record's text is blank; skipped", "warning"))
    log.add(InputProblem("g", "empty file"))
    assert len(shown) == 6 and shown[-1] == "error: g: empty file"
    (line,) = log.summary()
    assert line.startswith("warning: 12 inputs: record's text is blank; skipped")
    assert "--verbose" in line


def test_ingest_prints_five_of_a_kind_then_a_count(tmp_path):
    path = blank_records(tmp_path, 354)
    db = str(tmp_path / "l.db")
    result = CliRunner().invoke(main, ["--db", db, "ingest", str(path), "--no-link"])
    lines = result.stderr.splitlines()
    assert result.exit_code == 0
    assert sum("record's text is blank" in line for line in lines) == 6
    assert "warning: 354 inputs: record's text is blank; skipped" in result.stderr
    verbose = CliRunner().invoke(main, ["--db", db, "ingest", str(path), "--no-link", "-v"])
    assert sum("record's text is blank" in x for x in verbose.stderr.splitlines()) == 354
    quiet = CliRunner().invoke(main, ["--db", db, "ingest", str(path), "--no-link", "-q"])
    assert quiet.stderr.strip() == "354 warnings not shown (--quiet)"
    as_json = CliRunner().invoke(main, ["--db", db, "ingest", str(path), "--no-link", "--json"])
    assert len(json.loads(as_json.stdout)["warnings"]) == 354


def test_every_article_carries_how_far_reading_has_got(tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"قتل {n + 5} أشخاص", encoding="utf-8")
    shutil.copy(FORMATS / "headlines.rss", tmp_path / "h.rss")
    total = count_input_bytes([tmp_path])
    done = [item.done for item in read_inputs([tmp_path])]
    assert total == sum(p.stat().st_size for p in tmp_path.iterdir())
    assert done == sorted(done) and done[0] > 0 and done[-1] == total


def test_zip_members_without_a_suffix_are_read_when_they_are_news_markup(tmp_path):
    archive = tmp_path / "nosuffix.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FORMATS / "news_page.html", "pages/article-123")
        z.write(FORMATS / "two_documents.sgml", "trec/JA-economy-1")
        z.writestr("LICENSE", "Licensed under 2.0 since 2017")
        z.writestr("notes", "just notes 5")
    items = list(read_file(archive))
    got = sorted(a.name for a in items if not isinstance(a, InputProblem))
    assert got == [
        "JA-economy-1#TN-eco-9-20170120", "JA-economy-1#TN-local-7-20170314", "article-123",
    ]  # fmt: skip
    assert not any(isinstance(p, InputProblem) and p.level == "error" for p in items)


def test_read_also_lines_inside_the_article_are_left_out(tmp_path):
    """News sites put teasers for other articles inside the body; their numbers are
    another article's ("اقرأ أيضاً: وفاة 3 أشخاص")."""
    page = tmp_path / "teasers.html"
    page.write_text(
        '<html dir="rtl"><body><article><h1>مقتل 5 أشخاص</h1>'
        "<p>لقي 5 أشخاص حتفهم وأصيب 12 آخرون في حادث مرور جد صباح اليوم بالطريق الرابطة "
        "بين المدينتين حسب الحماية المدنية.</p>"
        '<p>اقرأ أيضاً: <a href="/a/9">وفاة 3 أشخاص في حادث مماثل الأسبوع الماضي</a></p>'
        '<p>إقرأ أيضا <a href="/a/8">حجز 200 كلغ من المخدرات</a></p>'
        "<p>وأوضح المصدر أن الحادث نتج عن اصطدام حافلة تقل 40 راكبا بشاحنة ثقيلة <span>تابعونا"
        "</span> في منعطف خطير على الطريق.</p>"
        "<p>تابعونا على فيسبوك وتويتر</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = articles(page)
    assert "3 أشخاص" not in article.text and "200 كلغ" not in article.text
    assert "تابعونا" not in article.text
    assert "بشاحنة ثقيلة" in article.text and "في منعطف خطير" in article.text
