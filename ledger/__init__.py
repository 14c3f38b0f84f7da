"""fact-ledger: every numeric claim in Arabic news, in a SQLite ledger.

The engine is usable from Python first; the ``factledger`` CLI and the Textual app
are thin layers over these names. They are loaded on first use, so importing
``ledger`` costs nothing until something is needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.22.0"

_EXPORTS = {
    "Database": "database",
    "IngestReport": "ingest",
    "Ledger": "store",
    "LedgerError": "errors",
    "Mention": "model",
    "extract_mentions": "extract",
    "format_value": "model",
    "ingest": "ingest",
    "parse_value": "extract",
}

__all__ = [
    "Database",
    "IngestReport",
    "Ledger",
    "LedgerError",
    "Mention",
    "__version__",
    "extract_mentions",
    "format_value",
    "ingest",
    "parse_value",
]

if TYPE_CHECKING:
    from .database import Database
    from .errors import LedgerError
    from .extract import extract_mentions, parse_value
    from .ingest import IngestReport, ingest
    from .model import Mention, format_value
    from .store import Ledger


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ledger' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
