"""The app's claim pages never hold a read snapshot open: a decision made on another
connection after a filtered page shows on the next page."""

from ledger import Database, Ledger
from ledger.queries import ClaimQuery, ClaimSearch


def test_a_filtered_page_does_not_freeze_the_connection(seeded_path):
    path = seeded_path  # a copy of the linked seeds ledger, for this test alone
    app_side = Ledger(path)
    search = ClaimSearch(app_side)
    filtered = search.page(ClaimQuery(text="معتقل", limit=50))
    assert filtered.total > 0
    assert not app_side.db.conn.in_transaction
    before = app_side.db.execute("SELECT count(*) FROM decisions").fetchone()[0]
    with Database(path, author="other") as other:
        (conflict,) = other.conflicts()
        mention = other.figure(conflict["claim_id"])["mention_rows"][0]["mention_id"]
        other.split(mention)
    after = app_side.db.execute("SELECT count(*) FROM decisions").fetchone()[0]
    assert after == before + 1
    search.invalidate()
    assert search.page(ClaimQuery(conflicts_only=True, limit=50)).total == 0
    app_side.close()


# ------------------------------------------------- the short needle's shortcut
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ledger.queries import Haystack, short_needle_matches  # noqa: E402


def _partial_ratio_matches(needle: str, texts: list[str], cutoff: int) -> list[int]:
    import numpy as np
    from rapidfuzz import fuzz, process

    scores = process.cdist([needle], texts, scorer=fuzz.partial_ratio, score_cutoff=cutoff,
                           dtype=np.uint8)[0]  # fmt: skip
    return np.flatnonzero(scores).tolist()


LETTERS = "قتليداعش "  # few letters, so near matches are common


@settings(max_examples=300, deadline=None)
@given(
    needle=st.text(alphabet=LETTERS.strip(), min_size=1, max_size=8),
    texts=st.lists(st.text(alphabet=LETTERS, max_size=30), min_size=1, max_size=30),
    cutoff=st.sampled_from([70, 80, 85, 90, 95]),
)
def test_the_short_needle_shortcut_finds_what_partial_ratio_finds(needle, texts, cutoff):
    found = short_needle_matches(needle, Haystack(list(range(len(texts))), texts), cutoff)
    if found is not None:
        assert found == _partial_ratio_matches(needle, texts, cutoff)


def test_the_fuzzy_filter_on_the_seeds_is_unchanged(seeded):
    from ledger.queries import ClaimSearch

    search = ClaimSearch(seeded)
    hay = search.haystack()
    ids, texts = hay.ids, hay.texts
    for word in ("معتقل", "داعش", "قسد", "سجن", "هروب", "الحسكة"):
        assert search.fuzzy_ids(word, 85) == [ids[i] for i in _partial_ratio_matches(
            __import__("ledger.normalize", fromlist=["normalize_word"]).normalize_word(word),
            texts, 85)]  # fmt: skip


# ------------------------------------------------- deep rows, read by the query's order
import pytest  # noqa: E402


@pytest.mark.parametrize(
    "query",
    [ClaimQuery(), ClaimQuery(sort="value", descending=True), ClaimQuery(sort="severity"),
     ClaimQuery(sort="text"), ClaimQuery(kind="count", sort="entity", descending=True),
     ClaimQuery(text="معتقل", sort="value"), ClaimQuery(sort="published", descending=True),
     ClaimQuery(sort="outlet"), ClaimQuery(kind="count", sort="published")],
)  # fmt: skip
def test_rows_read_by_order_are_the_rows_sql_offsets_give(seeded_path, query):
    ledger = Ledger(seeded_path)
    search = ClaimSearch(ledger)
    total = search.page(query).total
    assert total > 0
    for offset in range(0, total, 3):
        by_offset = search.page(ClaimQuery(**{**query.__dict__, "offset": offset, "limit": 5}))
        assert search.rows_at(query, offset, 5) == by_offset.rows
    ids = search.order(query)
    assert len(ids) == total
    assert all(search.position(query, mid) == k for k, mid in enumerate(ids))
    ledger.close()


def test_an_order_is_forgotten_after_a_change(seeded_path):
    """After a decision (``invalidate``) the query's order is read again, not reused."""
    ledger = Ledger(seeded_path)
    search = ClaimSearch(ledger)
    q = ClaimQuery(conflicts_only=True)
    assert search.order(q) and search.has_order(q)
    with Database(seeded_path, author="other") as other:
        (conflict,) = other.conflicts()
        other.split(other.figure(conflict["claim_id"])["mention_rows"][0]["mention_id"])
    search.invalidate()
    assert not search.has_order(q)
    assert search.order(q) == []
    ledger.close()


def test_a_decision_keeps_the_fuzzy_index_and_its_words_find_only_claims(seeded_path):
    """The haystack is kept across decisions (no decision changes the words around a
    claim); a mention set aside as no claim is still left out of the word filter."""
    ledger = Ledger(seeded_path)
    search = ClaimSearch(ledger)
    q = ClaimQuery(text="معتقل", limit=50)
    found = search.page(q)
    assert found.total > 0 and search.warm
    with Database(seeded_path, author="other") as other:
        other.not_claim(found.rows[0]["mention_id"])
    search.invalidate()
    assert search.warm  # not rebuilt
    again = search.page(q)
    assert again.total == found.total - 1
    assert found.rows[0]["mention_id"] not in {r["mention_id"] for r in again.rows}
    ledger.close()


def test_a_range_sorts_by_its_low_end_among_the_values(seeded_path):
    """ "بين 100 و 300" sorts with the hundreds, not after every number."""
    ledger = Ledger(seeded_path)
    rows = ClaimSearch(ledger).page(ClaimQuery(sort="value", limit=1000)).rows
    ledger.close()
    keys = [r["value"] if r["value"] is not None else r["low"] for r in rows]
    known = [k for k in keys if k is not None]
    assert known == sorted(known)
    assert any(r["value"] is None and r["low"] is not None for r in rows[: len(rows) // 2 + 5])
