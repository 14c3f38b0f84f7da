"""Right-to-left display: the article pane's reordering against python-bidi."""

from bidi.algorithm import get_display
from rich.text import Text

from ledger.seeds import seeds_dir
from tui.bidi_display import LOGICAL, VISUAL, cell, fast_visual_order, render, safe, visual_line


def seed_lines(width: int = 60):
    for path in sorted(seeds_dir().glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            for k in range(0, len(line), width):
                seg = line[k : k + width].strip()
                if seg and any("\u0600" <= ch <= "\u06ff" for ch in seg):
                    yield seg


def test_fast_reordering_matches_python_bidi_on_the_seeds():
    lines = list(seed_lines())
    same = sum("".join(fast_visual_order(line)[1]) == get_display(line) for line in lines)
    assert len(lines) > 250
    assert same == len(lines)  # measured: 271 of 271


def test_numbers_and_latin_keep_their_order():
    order, chars = fast_visual_order("قتل 250 شخصا في M4 road")
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
