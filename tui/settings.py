"""The app's own settings (the bidi mode, the ledger's columns), kept between runs."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .bidi_display import LOGICAL, VISUAL

CONFIG_ENV = "FACTLEDGER_CONFIG_DIR"
# Most terminals (xterm, GNOME Terminal, iTerm2, Windows Terminal, tmux in them) do not
# reorder Arabic, so visual is the default.
DEFAULT_MODE = VISUAL


def config_path() -> Path:
    base = os.environ.get(CONFIG_ENV)
    if base:
        return Path(base) / "settings.json"
    from platformdirs import user_config_dir

    return Path(user_config_dir("factledger")) / "settings.json"


def load() -> dict:
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def bidi_mode() -> str:
    mode = os.environ.get("FACTLEDGER_BIDI") or load().get("bidi_mode") or DEFAULT_MODE
    return mode if mode in (VISUAL, LOGICAL) else DEFAULT_MODE


def save_bidi_mode(mode: str) -> None:
    data = load()
    data["bidi_mode"] = mode
    _save(data)


def _save(data: dict) -> None:
    path = config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    except OSError:
        pass  # a read-only home must not break the app


def columns(default: list[str], known: list[str]) -> list[str]:
    """The ledger columns the analyst chose to show (``default`` until they choose)."""
    chosen = load().get("ledger_columns")
    if isinstance(chosen, list):
        chosen = [c for c in chosen if c in known]
        if chosen:
            return chosen
    return default


def save_columns(chosen: list[str]) -> None:
    data = load()
    data["ledger_columns"] = chosen
    _save(data)
