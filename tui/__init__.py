"""fact-ledger's terminal interface (Textual). It reads and writes the ledger only
through the engine's public functions in ``ledger``."""
