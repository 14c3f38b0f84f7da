"""Long writes announce themselves, so short ones wait for them instead of failing.

A full link holds the ledger's write lock for its whole run (seconds on a small ledger,
about a minute on a corpus). While it runs, a marker file beside the ledger
(``ledger.db.linking``) names its process. A writer that finds the ledger locked and the
marker's process alive waits for it to finish (up to ``FACTLEDGER_LINK_WAIT_S``, 15
minutes by default) instead of failing after the busy timeout; a marker left by a killed
process is ignored.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LINK_WAIT_ENV = "FACTLEDGER_LINK_WAIT_S"
DEFAULT_LINK_WAIT = 900.0
POLL_SECONDS = 0.25


def marker_path(ledger_path: Path) -> Path:
    """Where a long write on this ledger announces itself."""
    return ledger_path.with_name(ledger_path.name + ".linking")


@contextmanager
def announced(ledger_path: Path, what: str) -> Iterator[None]:
    """Mark a long write on the ledger for as long as it runs (best effort: a ledger
    in a read-only folder still links, unannounced)."""
    marker = marker_path(ledger_path)
    try:
        marker.write_text(json.dumps({"pid": os.getpid(), "what": what, "since": time.time()}))
    except OSError:
        marker = None
    try:
        yield
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)


def running(ledger_path: Path) -> dict | None:
    """The long write under way on this ledger, if its process is alive."""
    try:
        info = json.loads(marker_path(ledger_path).read_text())
        pid = int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid == os.getpid():
        return None  # this process holds it: waiting would never end
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # killed mid-run: its lock died with it
    except PermissionError:
        pass  # alive, owned by someone else
    return info


def link_wait() -> float:
    try:
        return float(os.environ.get(LINK_WAIT_ENV, DEFAULT_LINK_WAIT))
    except ValueError:
        return DEFAULT_LINK_WAIT


def wait_while_running(
    ledger_path: Path, attempt: Callable[[], bool], on_wait: Callable[[str], None] | None
) -> bool:
    """Retry ``attempt`` (True once it got the lock) while a long write runs; False when
    none runs, or it outlasts the wait."""
    info = running(ledger_path)
    if info is None:
        return False
    if on_wait is not None:
        on_wait(f"waiting for the {info.get('what', 'link')} under way (process {info['pid']}) "
                "to finish")  # fmt: skip
    deadline = time.monotonic() + link_wait()
    while time.monotonic() < deadline:
        if attempt():
            return True
        if running(ledger_path) is None:
            return attempt()
        time.sleep(POLL_SECONDS)
    return False
