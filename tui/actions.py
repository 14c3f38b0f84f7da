"""Every action of the app in one table: it drives the key bindings, the footer, the
command palette and the help screen, so a key is written in one place only."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the analyst can do, and every way to reach it."""

    keys: str  # Textual key names, comma-separated ("" for keys a widget handles)
    shown: str  # the keys as the help writes them
    action: str  # the app action it runs ("" when a widget handles the key itself)
    title: str  # footer label and palette title
    help: str  # what it does, in one line
    footer: bool = False  # shown in the footer (the rest: help and palette)
    short: str = ""  # the footer's label, when shorter than the title
    # taken before the focused widget sees the key: "/" must focus the filter before
    # the keys typed right after it reach the table (where they would be shortcuts)
    priority: bool = False


ACTIONS: tuple[Action, ...] = (
    Action("q", "q", "quit", "Quit", "quit", footer=True),
    Action("question_mark", "?", "help", "Help", "this help: every key", footer=True),
    Action("slash", "/", "filter", "Filter",
           "filter the ledger: words are matched fuzzily against entity, event, outlet and the "
           "words around the number; `kind:count`, `value:100..1000`, `conflicts`, `sort:-value` narrow and sort",
           footer=True, priority=True),
    Action("", "escape", "", "Leave the filter", "leave the filter (or close a page)"),
    Action("right_square_bracket", "] or pagedown", "page(1)", "Next page",
           "a screen of rows down (the ledger scrolls through every row of the filter)"),
    Action("left_square_bracket", "[ or pageup", "page(-1)", "Previous page",
           "a screen of rows up"),
    Action("", "home and end", "", "First / last row", "the ledger's first / last row"),
    Action("c", "c", "conflicts", "Conflicts", "conflicting figures, most severe first",
           footer=True),
    Action("f", "enter or f", "figure", "Figure page",
           "the figure's page: every mention side by side, with its interval chart",
           footer=True, short="Figure"),
    Action("space", "space", "mark", "Mark claim",
           "mark the current claim (for `s` and `m`)"),
    Action("s", "s", "same", "Same figure as marked",
           "the current claim is the same figure as the marked one", footer=True, short="Same"),
    Action("m", "m", "merge", "Merge figures",
           "merge the current claim's figure with the marked claim's figure"),
    Action("x", "x", "split", "Split claim off", "split the current claim off its figure",
           footer=True, short="Split"),
    Action("y", "y", "confirm", "Confirm link",
           "confirm the current claim's link (keep it through every re-link)"),
    Action("r", "r", "resolve", "Resolve conflict",
           "resolve the figure's conflict, with a note", footer=True, short="Resolve"),
    Action("v", "v", "correct", "Correct value", "correct the extracted value"),
    Action("n", "n", "not_claim", "Not a claim", "the current number is not a claim"),
    Action("u", "u", "undo", "Undo", "undo the latest decision", footer=True),
    Action("a", "a", "audit_log", "Audit log", "every decision with its author and time"),
    Action("e", "e", "export", "Export CSV", "export the ledger to CSV (asks where)",
           footer=True, short="Export"),
    Action("l", "l", "relink", "Re-link", "re-run linking and conflict flags"),
    Action("b", "b", "toggle_bidi", "Toggle bidi",
           "switch Arabic between visual (reordered here) and logical (for terminals that "
           "reorder Arabic themselves)", footer=True, short="Bidi"),
    Action("t", "t", "toggle_articles", "Articles list",
           "show or hide the list of articles (on a narrow terminal it is hidden at first)"),
    Action("o", "o", "columns", "Columns", "choose the ledger's columns (kept between runs)"),
    Action("", ". and ,", "", "Next / previous mention",
           "in the article's text: the next / previous claim"),
    Action("", "tab", "", "Next pane", "move between the panes"),
    Action("", "ctrl+p", "", "Command palette", "every action above, by name"),
)  # fmt: skip


def bindings() -> list[Binding]:
    """The app's key bindings, from the table."""
    return [
        Binding(a.keys, a.action, a.short or a.title, show=a.footer, priority=a.priority)
        for a in ACTIONS
        if a.keys and a.action
    ]


def palette() -> list[Action]:
    """The actions the command palette offers (those the app runs itself)."""
    return [a for a in ACTIONS if a.action and a.action != "quit"]


def help_table() -> str:
    """The keys, as a Markdown table for the help screen."""
    rows = [f"| `{a.shown}` | {a.help} |" for a in ACTIONS]
    return "\n".join(["| key | does |", "| --- | --- |", *rows])
