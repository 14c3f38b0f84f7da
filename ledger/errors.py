"""The engine's exceptions, importable without loading storage."""


class LedgerError(Exception):
    """The ledger cannot be used (missing, locked, read-only, not a ledger)."""


class RequestError(LedgerError):
    """A request that cannot be done as asked (no such mention or figure, nothing to
    undo, the same mention twice, a malformed search): a usage error, the ledger itself
    is fine."""
