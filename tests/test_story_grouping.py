"""Stories grouped in a second process while the link reads claims (``stories.begin_assign``):
the same stories as in this one, and this one's own grouping whenever that cannot be."""

from __future__ import annotations

import os
import threading
import time

import pytest

from ledger import stories
from ledger.figures import link


def _stories(ledger) -> dict[str, int]:
    return dict(ledger.db.execute("SELECT id, story_id FROM articles"))


def test_stories_grouped_in_a_second_process_are_the_ones_grouped_here(seeded, monkeypatch):
    here = stories.assign(seeded.db)
    expected = _stories(seeded)
    monkeypatch.setattr(stories, "PARALLEL_ARTICLES", 1)
    pending = stories.begin_assign(seeded.db)
    assert pending.reader is not None  # a process was started for them
    pending.reader.join()
    assert isinstance(pending.found, stories.Stories)  # ... and sent them
    assert not pending.process.is_alive()  # ... and left
    found = pending.finish()
    assert found is pending.found
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
    pending.reader.join()
    assert pending.found is None  # the child failed ...
    expected = build(pending.items, pending.settings, pending.table).story_of
    assert pending.finish().story_of == expected  # ... and this process grouped them


def test_a_link_that_fails_while_reading_claims_stops_the_stories_process(seeded, monkeypatch):
    """Nothing is left running: no process, no thread, so the next link forks again."""
    import ledger.figures as figures

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    started: list[stories.PendingStories] = []
    begin, build, parent = stories.begin_assign, stories.build, os.getpid()

    def slow_elsewhere(*args, **kwargs):  # the child is still grouping when the link fails
        if os.getpid() != parent:
            time.sleep(30)
        return build(*args, **kwargs)

    def begin_and_keep(*args, **kwargs):
        pending = begin(*args, **kwargs)
        started.append(pending)
        return pending

    monkeypatch.setattr(stories, "PARALLEL_ARTICLES", 1)
    monkeypatch.setattr(stories, "begin_assign", begin_and_keep)
    monkeypatch.setattr(stories, "build", slow_elsewhere)
    monkeypatch.setattr(figures, "load_claims", interrupted)
    with pytest.raises(KeyboardInterrupt):
        link(seeded)
    (pending,) = started
    assert pending.process is not None and not pending.process.is_alive()  # stopped at once
    assert threading.active_count() == 1


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
