"""fact-ledger: every numeric claim in Arabic news, in a SQLite ledger.

The engine is usable from Python first; the ``factledger`` CLI and the Textual app
are thin layers over these functions.
"""

__version__ = "0.1.0"

from .extract import extract_mentions, parse_value
from .ingest import IngestReport, ingest
from .model import Mention, format_value
from .store import Ledger, LedgerError

__all__ = [
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
