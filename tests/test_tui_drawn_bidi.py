"""What the article pane draws, cell by cell, against python-bidi: every line of the
seeds and of 200 corpus articles (when the corpus is here), in both modes, and the same
lines again once the pane has the focus (it once wrapped reordered lines again)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from bidi.algorithm import get_display
from textual.geometry import Region
from tui_testing import opened

from ledger import Ledger, ingest
from tui.bidi_display import LOGICAL, VISUAL, _reshaper
from tui.components.article_view import ArticleView

ARABIC = ("\u0600", "\u06ff")


def drawn(view: ArticleView) -> list[str]:
    """The body's lines as the screen shows them (cells, not the text behind them)."""
    body = view.body
    height = body.virtual_size.height or body.size.height
    return [strip.text.rstrip() for strip in body.render_lines(Region(0, 0, body.size.width,
                                                                       height))]  # fmt: skip


FOCUSED = 20  # articles whose pane is also drawn focused (each costs a refresh)


async def compare(app, pilot, ledger_path: Path) -> tuple[int, list]:
    """Show every article of the ledger; compare what is drawn in both modes."""
    with Ledger(ledger_path, create=False) as ledger:
        ids = [r[0] for r in ledger.db.execute("SELECT id FROM articles ORDER BY rowid")]
    view = app.query_one(ArticleView)
    compared, wrong = 0, []
    for n, aid in enumerate(ids):
        app.show_article(aid, None)
        await pilot.pause()
        view.mode = LOGICAL
        view.refresh_text()
        await pilot.pause()
        logical = view.drawn.plain.split("\n")
        assert [line.rstrip() for line in logical] == drawn(view)[: len(logical)]
        view.mode = VISUAL
        view.refresh_text()
        await pilot.pause()
        visual = drawn(view)
        if n < FOCUSED:
            view.focus()  # focused, the pane keeps the same width: nothing is wrapped again
            await pilot.pause()
            assert drawn(view) == visual
            app.query_one("#ledger").focus()
            await pilot.pause()
        for line, shown in zip(logical, visual, strict=False):
            if not any(ARABIC[0] <= ch <= ARABIC[1] for ch in line):
                continue
            shaped = _reshaper().reshape(line)
            expected = {get_display(shaped, base_dir=d).strip() for d in ("R", "L")}
            compared += 1
            if shown.strip() not in expected:
                wrong.append((aid, line, shown))
    return compared, wrong


async def test_every_seed_line_is_drawn_as_python_bidi_orders_it(seeded_path):
    async with opened(seeded_path, (180, 50)) as (app, pilot):
        compared, wrong = await compare(app, pilot, seeded_path)
    assert compared > 100
    assert wrong == []


async def test_200_corpus_articles_are_drawn_as_python_bidi_orders_them(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent / "gold"))
    from corpus import articles, corpus_dir

    if corpus_dir() is None:
        pytest.skip("SaudiNewsNet corpus absent")
    sample = tmp_path / "sample.jsonl"
    with sample.open("w", encoding="utf-8") as out:
        for n, record in enumerate(articles()):
            if n >= 200:
                break
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    path = tmp_path / "sample.db"
    with Ledger(path) as ledger:
        ingest(ledger, [str(sample)])
    async with opened(path, (180, 50)) as (app, pilot):
        compared, wrong = await compare(app, pilot, path)
    assert compared > 1000
    assert wrong == []
