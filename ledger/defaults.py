"""Names and defaults every layer shares: environment variables, file names, limits.

Kept apart (and import-free) so the command line can read them without loading the
storage layer.
"""

DEFAULT_DB = "ledger.db"
DB_ENV = "FACTLEDGER_DB"
BUSY_TIMEOUT_ENV = "FACTLEDGER_BUSY_TIMEOUT_MS"
TOLERANCES_ENV = "FACTLEDGER_TOLERANCES"
AUTHOR_ENV = "FACTLEDGER_AUTHOR"
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
