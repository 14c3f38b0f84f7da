"""Right-to-left display: the article pane's reordering against python-bidi."""

from bidi.algorithm import get_display
from rich.text import Text

from ledger.seeds import seeds_dir
from tui.bidi_display import LOGICAL, VISUAL, cell, render, safe, visual_line, visual_order


def seed_lines(width: int = 60):
    for path in sorted(seeds_dir().glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            for k in range(0, len(line), width):
                seg = line[k : k + width].strip()
                if seg and any("\u0600" <= ch <= "\u06ff" for ch in seg):
                    yield seg


def test_reordering_matches_python_bidi_on_the_seeds():
    lines = list(seed_lines())
    same = sum("".join(visual_order(line)[1]) == get_display(line, base_dir="R") for line in lines)
    assert len(lines) > 250
    assert same == len(lines)  # measured: 271 of 271


def test_numbers_and_latin_keep_their_order():
    order, chars = visual_order("قتل 250 شخصا في M4 road")
    shown = "".join(chars)
    assert "250" in shown and "M4 road" in shown
    assert sorted(order) == list(range(len("قتل 250 شخصا في M4 road")))


def test_styles_follow_their_characters():
    line = Text("نقلت 750 من أفراد")
    line.stylize("bold red", 5, 8)
    out = visual_line(line)
    styled = "".join(out.plain[s.start : s.end] for s in out.spans if "red" in str(s.style))
    assert styled == "750"


def test_logical_mode_leaves_text_alone():
    text = Text("أكثر من 9 آلاف معتقل")
    assert render(text, 80, LOGICAL).plain == "أكثر من 9 آلاف معتقل"
    assert render(text, 80, VISUAL).plain.strip() != "أكثر من 9 آلاف معتقل"


def test_cells_are_plain_text_without_controls_or_marks():
    c = cell("[b]قتلَ[/b] \x1b[2J", LOGICAL)
    assert c.plain == "[b]قتل[/b] ␛[2J" and not c.spans
    assert safe("a\u202eb") == "a\ufffdb"  # an override is shown, never obeyed
    assert safe("a\u200fb\x9bc") == "ab\ufffdc"  # a mark is dropped, a C1 control shown


def test_visual_lines_match_python_bidi_on_200_corpus_articles():
    """What the article pane draws, line by line, for 200 real articles (datelines,
    Hijri and Gregorian dates, ranges, quotes): python-bidi's display of each line."""
    import sys
    from pathlib import Path

    import pytest

    sys.path.insert(0, str(Path(__file__).parent / "gold"))
    from corpus import articles, corpus_dir

    if corpus_dir() is None:
        pytest.skip("SaudiNewsNet corpus absent")
    from tui.bidi_display import _reshaper, paragraph_is_rtl

    compared = 0
    for n, record in enumerate(articles()):
        if n >= 200:
            break
        for paragraph in safe(record.get("content") or "").split("\n"):
            # a wrapped line keeps its paragraph's direction (Unicode rule P2)
            base = "R" if paragraph_is_rtl(paragraph) else "L"
            logical = render(Text(paragraph), 70, LOGICAL).plain.split("\n")
            visual = render(Text(paragraph), 70, VISUAL).plain.split("\n")
            assert len(logical) == len(visual)
            for line, shown in zip(logical, visual, strict=True):
                if any("\u0600" <= ch <= "\u06ff" for ch in line):
                    expected = get_display(_reshaper().reshape(line), base_dir=base)
                    assert shown.strip() == expected.strip(), line
                    compared += 1
    assert compared > 1000


def test_reasons_read_left_to_right_with_each_arabic_quote_whole():
    from tui.bidi_display import _reshaper, frame

    reason = "more than 9,000 («أكثر من 9 آلاف» 001) vs about 12,000 («نحو 12 ألفا» 004): 33% apart"
    shown = frame(reason, VISUAL)
    assert shown.startswith("more than 9,000 («") and shown.endswith(" 004): 33% apart")
    for quote in ("أكثر من 9 آلاف", "نحو 12 ألفا"):
        assert f"«{get_display(_reshaper().reshape(quote), base_dir='R')}» 00" in shown
    assert frame(reason, LOGICAL) == reason


def test_a_wrapped_line_without_letters_keeps_its_paragraphs_direction():
    """ "12.5%)." alone on the last line of an Arabic paragraph reads right to left too."""
    from tui.bidi_display import _reshaper

    text = Text("ارتفعت النسبة إلى مستوى قياسي هذا العام (أي نحو 12.5%).")
    logical = render(text, 24, LOGICAL).plain.split("\n")
    visual = render(text, 24, VISUAL).plain.split("\n")
    assert not any("\u0600" <= ch <= "\u06ff" for ch in logical[-1])  # the case at hand
    for line, shown in zip(logical, visual, strict=True):
        assert shown.strip() == get_display(_reshaper().reshape(line), base_dir="R").strip()


def test_a_long_sentence_is_cut_around_its_number():
    """The figure page shows the words around each mention: the number is always there."""
    from tui.bidi_display import around

    sentence = ("أكد مصدر أمني أن عدد القتلى في الهجوم الذي استهدف مسجدا في مدينة أبها بلغ 15 "
                "شخصا بينهم عشرة من رجال الأمن وثلاثة عمال، فيما أصيب تسعة آخرون بجروح متفاوتة "
                "حسب ما أعلنته وزارة الداخلية مساء اليوم")  # fmt: skip
    for needle in ("15", "أكد", "اليوم", "عشرة"):
        at = sentence.index(needle)
        for width in (30, 60, 90):
            shown = around(sentence, at, len(needle), width)
            assert needle in shown and len(shown) <= width, (needle, width, shown)
    assert around("قتل 5", 4, 1, 90) == "قتل 5"
