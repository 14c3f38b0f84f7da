"""The engine's exceptions, importable without loading storage."""


class LedgerError(Exception):
    """The ledger cannot be used (missing, locked, read-only, not a ledger)."""
