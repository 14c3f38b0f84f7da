"""The analyst's decisions on keys: each acts on the claim the analyst is looking at
(``current_row``: the figure page's selected mention, else the ledger's), and is recorded
and re-linked by the engine in a worker on a connection of its own; the app shows the
result when its ``LedgerChanged`` arrives."""

from __future__ import annotations

from textual import work

from ledger import Ledger, LedgerError
from ledger.queries import figure_of

from .bidi_display import frame
from .components.figure_screen import FigureScreen
from .components.ledger_table import LedgerTable
from .components.prompt_screen import PromptScreen
from .messages import LedgerChanged, Notice


class DecisionKeys:
    """The decision actions of ``FactLedgerApp`` (mark, same, merge, split, confirm,
    not a claim, undo, resolve, correct)."""

    def action_mark(self) -> None:
        row = self.current_row()
        if row is not None:
            self.marked = row["mention_id"]
            self.notify(
                f"marked mention {self.marked}: now `s` (same figure) or `m` (merge) on another row"
            )
            self._show_status(self.query_one("#ledger", LedgerTable))

    def _decide(self, description: str, fn, *args, **kwargs) -> None:
        row = self.current_row()  # read on the UI thread, never from the worker
        if self._order_timer is not None:
            self._order_timer.stop()  # the order read now would be stale, and slow it
        self.run_decision(description, fn, args, kwargs, row["mention_id"] if row else None)

    @work(thread=True, exclusive=True, group="decide")
    def run_decision(
        self, description: str, fn, args: tuple, kwargs: dict, keep: int | None
    ) -> None:
        """Record a decision and re-link, off the UI thread, on its own connection."""
        ledger = Ledger(self.db_path, create=False)
        try:
            did = fn(ledger, *args, **kwargs)
        except LedgerError as exc:
            self.post_message(Notice(str(exc), "error"))
            return
        finally:
            ledger.close()
        self.post_message(LedgerChanged(f"decision {did}: {description}", keep))

    def action_same(self) -> None:
        from ledger.figures import same_figure

        row = self.current_row()
        if row is None or self.marked is None or self.marked == row["mention_id"]:
            self.notify(
                "mark a claim with space first, then press s on another", severity="warning"
            )
            return
        self._decide(
            f"{self.marked} and {row['mention_id']} are the same figure",
            same_figure,
            self.marked,
            row["mention_id"],
        )
        self.marked = None

    def action_merge(self) -> None:
        from ledger.figures import merge_figures

        row = self.current_row()
        if row is None or self.marked is None:
            self.notify(
                "mark a claim with space first, then press m on another", severity="warning"
            )
            return
        other = figure_of(self.ledger, self.marked)
        if other is None:
            self.notify("the marked claim is in no figure now; mark it again", severity="warning")
            return
        self._decide(
            f"figures {other} and {row['claim_id']} merged", merge_figures, other, row["claim_id"]
        )
        self.marked = None

    def action_split(self) -> None:
        from ledger.figures import split_mention

        row = self.current_row()
        if row is not None:
            self._decide(f"mention {row['mention_id']} split off", split_mention, row["mention_id"])

    def action_confirm(self) -> None:
        from ledger.figures import same_figure

        row = self.current_row()
        if row is None:
            return
        if isinstance(self.screen, FigureScreen):
            mates = self.screen.mates(row["mention_id"])
        else:
            mates = self._mates(row)
        if not mates:
            self.notify("this claim is alone in its figure: nothing to confirm", severity="warning")
            return
        self._decide(
            f"link of {row['mention_id']} confirmed",
            same_figure,
            mates[0]["mention_id"],
            row["mention_id"],
        )

    def _mates(self, row: dict) -> list[dict]:
        """The other mentions of a ledger row's figure (read through the engine)."""
        from ledger.figures import figure

        if row["claim_id"] is None:
            return []
        try:
            fig = figure(self.ledger, row["claim_id"])
        except LedgerError:
            return []
        return [r for r in fig["mention_rows"] if r["mention_id"] != row["mention_id"]]

    def action_not_claim(self) -> None:
        from ledger.figures import mark_not_claim

        row = self.current_row()
        if row is not None:
            self._decide(
                f"mention {row['mention_id']} is not a claim", mark_not_claim, row["mention_id"]
            )

    def action_undo(self) -> None:
        from ledger.figures import undo_decision

        self._decide("undone", undo_decision)

    def action_resolve(self) -> None:
        from ledger.figures import resolve_conflict

        row = self.current_row()
        if row is None or not row["conflict"]:
            self.notify("this claim's figure has no conflict", severity="warning")
            return

        def done(note: str | None) -> None:
            if note and note.strip():
                self._decide(
                    f"figure {row['claim_id']} resolved", resolve_conflict, row["claim_id"], note
                )

        self.push_screen(
            PromptScreen(f"Resolve figure {row['claim_id']}: how was it settled?"), done
        )

    def action_correct(self) -> None:
        from ledger.decisions import number_or_none
        from ledger.figures import correct_value

        row = self.current_row()
        if row is None:
            return

        def done(answer: str | None) -> None:
            if not answer:
                return
            try:
                value = number_or_none(answer.strip())
            except ValueError as exc:
                self.notify(str(exc), severity="error")
                return
            self._decide(
                f"mention {row['mention_id']} corrected to {value}",
                correct_value,
                row["mention_id"],
                value=value,
            )

        current = "" if row["value"] is None else str(row["value"])
        question = frame(f"Correct the value of «{row['text']}»", self.mode)  # Arabic drawn
        self.push_screen(PromptScreen(question, current), done)
