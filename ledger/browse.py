"""Datasette metadata for a ledger: labels, descriptions, facets and canned queries.

Datasette names a database after its file (``ledger.db`` is ``ledger``), so the shipped
metadata (``datasette/metadata.json``) is keyed to the ledger it is asked for.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path


def datasette_metadata(ledger_path: str | Path) -> dict:
    """The metadata for the ledger file at ``ledger_path``."""
    text = resources.files("ledger").joinpath("datasette/metadata.json").read_text("utf-8")
    data = json.loads(text)
    databases = data["databases"]
    databases[Path(ledger_path).stem] = databases.pop("ledger")
    return data
