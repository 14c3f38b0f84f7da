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
