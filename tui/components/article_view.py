"""The article's text with every mention marked, reordered for display as needed."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from ..bidi_display import frame, render, safe

CLAIM = Style(color="black", bgcolor="cyan")
NOT_CLAIM = Style(color="grey62", italic=True, underline=True)
CONFLICT = Style(color="white", bgcolor="red", bold=True)
SELECTED = Style(color="black", bgcolor="yellow", bold=True)


class ArticleBody(Static):
    """The drawn text. A click on a marked number runs ``choose_mention`` here, on the
    widget under the mouse, so it is passed on to the article view."""

    def action_choose_mention(self, mention_id: int) -> None:
        self.post_message(ArticleView.MentionChosen(int(mention_id)))


class ArticleView(VerticalScroll, can_focus=True):
    """Scrollable article text; mentions are styled and clickable."""

    BINDINGS = [
        Binding("full_stop", "next_mention", "Next mention"),
        Binding("comma", "previous_mention", "Prev mention"),
        Binding("enter", "choose", "Select row", show=False),
    ]

    class MentionChosen(Message):
        def __init__(self, mention_id: int) -> None:
            self.mention_id = mention_id
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: dict | None = None
        self.selected: int | None = None
        self.mode = "visual"
        self._drawn_width = -1  # the width the text was last laid out for
        self.body = ArticleBody(
            Text("Select a row of the ledger to read its article."), expand=True
        )

    def compose(self):
        yield self.body

    def show(self, article: dict | None, selected: int | None, mode: str) -> None:
        self.article, self.selected, self.mode = article, selected, mode
        self.refresh_text()

    def on_resize(self) -> None:
        # lines are wrapped (then reordered) to the width: only a new width redraws them
        # (a loading bar shown or hidden below changes the height alone)
        if self.size.width != self._drawn_width:
            self.refresh_text()

    def refresh_text(self) -> None:
        if self.article is None:
            return
        self._drawn_width = self.size.width
        art = self.article
        title = art.get("title") or ""
        separate_title = title and not art["text"].lstrip().startswith(title)
        heading = Text(safe(title), Style(bold=True))
        body = Text(safe(art["text"]))
        for m in art["mentions"]:
            if m["id"] == self.selected:
                style = SELECTED
            elif m["is_claim"] and m["conflict"]:
                style = CONFLICT
            elif m["is_claim"] and not m["excluded"]:
                style = CLAIM
            else:
                style = NOT_CLAIM
            if m["is_claim"] and not m["excluded"]:
                style = style + Style(meta={"@click": f"choose_mention({m['id']})"})
            target = heading if m["field"] == "title" else body
            target.stylize(style, m["start"], m["end"])
        width = max(20, self.size.width - 2)
        parts = [render(heading, width, self.mode)] if separate_title else []
        # the source line is an English frame with Arabic parts (an outlet's name): each
        # part is reordered where it stands, never the dates and names around it
        meta = " · ".join(x for x in (art["name"], art.get("outlet"), art.get("published")) if x)
        parts += [Text(frame(meta, self.mode, width), Style(dim=True)), Text("")]
        parts.append(render(body, width, self.mode))
        text = Text("\n").join(parts)
        text.no_wrap = True  # already wrapped (before reordering): do not wrap again
        text.overflow = "crop"
        self.drawn = text  # what the body shows, line by line (for tests and scrolling)
        self.body.update(text)
        self._scroll_to_selected(text)

    def _scroll_to_selected(self, text: Text) -> None:
        if self.selected is None:
            return
        for number, line in enumerate(text.split("\n")):
            if any(span.style == SELECTED for span in line.spans):
                self.scroll_to(y=max(0, number - 3), animate=False)
                return

    def _claims(self) -> list[int]:
        if not self.article:
            return []
        return [m["id"] for m in self.article["mentions"] if m["is_claim"] and not m["excluded"]]

    def action_choose_mention(self, mention_id: int) -> None:
        self.post_message(self.MentionChosen(int(mention_id)))

    def action_choose(self) -> None:
        if self.selected is not None:
            self.post_message(self.MentionChosen(self.selected))

    def _step(self, delta: int) -> None:
        claims = self._claims()
        if not claims:
            return
        pos = claims.index(self.selected) if self.selected in claims else -1
        self.selected = claims[(pos + delta) % len(claims)]
        self.refresh_text()
        self.post_message(self.MentionChosen(self.selected))

    def action_next_mention(self) -> None:
        self._step(1)

    def action_previous_mention(self) -> None:
        self._step(-1)
