"""The bundled seed articles: fact-ledger's default corpus."""

from __future__ import annotations

from pathlib import Path


def seeds_dir() -> Path:
    """Folder of the five seed articles (inside an installed wheel, or the repository)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seeds folder is missing from this installation")
