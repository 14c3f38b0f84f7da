"""Stories grouped in a second process while the link reads claims (``stories.begin_assign``):
the same stories as in this one, and this one's own grouping whenever that cannot be."""

from __future__ import annotations

import os
import threading

from ledger import stories


def _stories(ledger) -> dict[str, int]:
    return dict(ledger.db.execute("SELECT id, story_id FROM articles"))


def test_stories_grouped_in_a_second_process_are_the_ones_grouped_here(seeded, monkeypatch):
    here = stories.assign(seeded.db)
    expected = _stories(seeded)
    monkeypatch.setattr(stories, "PARALLEL_ARTICLES", 1)
    pending = stories.begin_assign(seeded.db)
    assert pending.reader is not None  # a process was started for them
    found = pending.finish()
    assert found.story_of == here.story_of and found.related == here.related
    assert _stories(seeded) == expected


def test_a_failed_process_leaves_the_grouping_to_this_one(seeded, monkeypatch):
    """The process's failure is sent back, and this process groups the stories itself."""
    parent, build = os.getpid(), stories.build

    def fails_elsewhere(*args, **kwargs):
        if os.getpid() != parent:
            raise MemoryError("no memory in the stories' process")
        return build(*args, **kwargs)

    monkeypatch.setattr(stories, "PARALLEL_ARTICLES", 1)
    monkeypatch.setattr(stories, "build", fails_elsewhere)
    pending = stories.begin_assign(seeded.db)
    assert pending.reader is not None
    assert (
        pending.finish().story_of == build(pending.items, pending.settings, pending.table).story_of
    )


def test_no_process_is_forked_while_another_thread_runs(seeded, monkeypatch):
    """The app links from a worker thread: a fork would copy the locks its threads hold."""
    monkeypatch.setattr(stories, "PARALLEL_ARTICLES", 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        pending = stories.begin_assign(seeded.db)
        assert pending.reader is None
        assert pending.finish().story_of
    finally:
        stop.set()
        other.join()
