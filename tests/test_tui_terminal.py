"""The real console script in a real pseudo-terminal (tmux), driven with keys."""

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def wait_for(session: str, needle: str, timeout: float = 30) -> str:
    deadline = time.time() + timeout
    screen = ""
    while time.time() < deadline:
        screen = capture(session)
        if needle in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared:\n{screen}")


def test_factledger_in_tmux(tmp_path):
    script = Path(sys.executable).with_name("factledger")
    assert script.exists()
    session = f"fl-test-{os.getpid()}"
    db = tmp_path / "ledger.db"
    env = f"FACTLEDGER_CONFIG_DIR={tmp_path / 'cfg'} TERM=xterm-256color"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "180", "-y", "45",
         f"env {env} {script} --db {db}"],
        check=True,
    )  # fmt: skip
    try:
        screen = wait_for(
            session, "of 34 (ledger: 34 claims)"
        )  # built from the seeds, then painted
        assert "Quit" in screen and "Conflicts" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "c"], check=True)
        screen = wait_for(session, "conflicting figure")
        assert "medium" in screen and "33%" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
        time.sleep(1)  # let the terminal's escape timeout pass, or Escape+b reads as alt+b
        wait_for(session, "of 34 (ledger: 34 claims)")
        subprocess.run(["tmux", "send-keys", "-t", session, "b"], check=True)
        screen = wait_for(session, "· logical")
        # logical mode: the Arabic of the ledger rows is in stored order
        assert "بحماية أميركية" in screen, screen
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        deadline = time.time() + 10
        while (
            time.time() < deadline
            and "fl-test" in subprocess.run(["tmux", "ls"], capture_output=True, text=True).stdout
        ):
            time.sleep(0.3)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert db.exists()


def test_ingest_shows_a_progress_bar_with_its_total_in_tmux(tmp_path, seeds):
    """In a real terminal, ingest draws a bar: percent of the counted input, articles,
    rate and time left; then the report."""
    script = Path(sys.executable).with_name("factledger")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    records = tmp_path / "many.jsonl"
    with records.open("w", encoding="utf-8") as fh:
        for n in range(1200):
            fh.write(json.dumps({"id": n, "text": f"{texts[n % len(texts)]}\nرقم {n}"},
                                ensure_ascii=False) + "\n")  # fmt: skip
    session = f"fl-ingest-{os.getpid()}"
    command = f"{script} --db {tmp_path / 'l.db'} ingest {records} --no-link; sleep 60"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "20",
                    command], check=True)  # fmt: skip
    try:
        screen = ""
        deadline = time.time() + 60
        seen_bar = False
        while time.time() < deadline and "1,200 articles:" not in screen:
            screen = capture(session)
            bar = re.search(r"ingesting .*?(\d+)% ([\d,]+) articles, [\d,…]+/s .* left", screen)
            if bar and 0 < int(bar.group(1)) < 100:
                seen_bar = True
            time.sleep(0.1)
        assert seen_bar, screen
        assert "1,200 articles: 1200 new" in screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
