"""Keeping what the app holds for its lifetime out of the garbage collector's reach."""

from __future__ import annotations

import gc


def freeze_heap() -> None:
    """Move what the app holds for its lifetime (the fuzzy index of every claim, the
    article list) out of the garbage collector's reach: on a corpus ledger a full
    collection walks hundreds of thousands of objects, and came in the middle of a key
    press (a page that opens in 150 ms took 340). No collection first: that would be the
    very pause this avoids. ``gc.unfreeze`` when the app closes."""
    gc.freeze()
