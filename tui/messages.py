"""What workers tell the app: typed messages, posted from their threads and handled on
the UI thread (a worker never touches a widget, and never reads one)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ledger.queries import ClaimPage, ClaimQuery, Haystack


@dataclass
class Notice(Message):
    """A line for the analyst (progress, a result, an error)."""

    text: str
    severity: str = "information"


@dataclass
class LedgerOpened(Message):
    """The ledger is ready to be read."""


@dataclass
class LedgerUnusable(Message):
    """The ledger cannot be opened: why."""

    reason: str


@dataclass
class HaystackReady(Message):
    """The fuzzy filter's haystack, built off the UI thread after first paint."""

    haystack: Haystack


@dataclass
class ArticlesLoaded(Message):
    """Rows of the article list, their cells already built (reordered Arabic):
    the first page with every article's data, or (``append``) the next page."""

    cells: list
    rows: list
    append: bool = False


@dataclass
class LedgerChanged(Message):
    """A decision, an undo or a re-link landed: every view reads the ledger again.
    ``keep`` is the mention to keep the cursor on."""

    text: str
    keep: int | None = None
    outside: bool = False  # made by another program (the command line): words may be new


@dataclass
class ConflictsLoaded(Message):
    """The conflicting figures, read off the UI thread, most severe first; ``show``:
    bring the page to the front (else only redraw it where it lies)."""

    rows: list
    show: bool = True


@dataclass
class RowsReady(Message):
    """A filter's first rows, read off the UI thread (a sort over the whole ledger, the
    fuzzy match of its words); ``haystack`` when the fuzzy index was built for it."""

    query: ClaimQuery
    page: ClaimPage
    haystack: Haystack | None = None


@dataclass
class OrderReady(Message):
    """Every row id of a query in its order, read off the UI thread after its first rows
    are shown (the map the ledger table reads deep rows by); ``changes`` is the count of
    changes the app had seen when the read began (a later change makes it stale)."""

    query: ClaimQuery
    ids: list[int]
    changes: int
