"""Shared fixtures: real ledgers in temp dirs, the bundled seeds, the optional corpus."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ledger import Ledger, ingest
from ledger.seeds import seeds_dir

REPO = Path(__file__).resolve().parent.parent


def corpus_dir(name: str = "saudinewsnet", env_name: str = "FACTLEDGER_CORPUS") -> Path | None:
    """A real corpus, if present: ``$FACTLEDGER_CORPUS`` (SaudiNewsNet) or a
    ``corpora/<name>`` folder beside the repository."""
    env = os.environ.get(env_name)
    if env:
        return Path(env) if Path(env).is_dir() else None
    for parent in REPO.parent.iterdir():
        candidate = parent / "corpora" / name
        if candidate.is_dir():
            return candidate
    return None


def ant_dir() -> Path | None:
    """The ANT corpus (TREC/CLEF files), if present: ``$FACTLEDGER_ANT`` or beside."""
    return corpus_dir("ant-v1.1", "FACTLEDGER_ANT")


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the seed articles (tests may change it)."""
    dest = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), dest)
    return dest


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def seeded(ledger_path: Path, seeds: Path) -> Ledger:
    """A real ledger built from the seeds."""
    ledger = Ledger(ledger_path)
    report = ingest(ledger, [str(seeds)])
    assert report.added == 5 and not report.errors
    yield ledger
    ledger.close()


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    """Short lock waits, and app settings in a temp dir, never the user's own."""
    monkeypatch.setenv("FACTLEDGER_BUSY_TIMEOUT_MS", "200")
    monkeypatch.setenv("FACTLEDGER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("FACTLEDGER_BIDI", raising=False)


@pytest.fixture
def seeded_path(seeded) -> Path:
    """Path of a linked, closed ledger built from the seeds (for the app)."""
    from ledger.figures import link

    link(seeded)
    seeded.close()
    return seeded.path
