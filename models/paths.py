"""Where the program keeps its files on this computer: one place, one override.

Tests and a portable install set ``TAIZHANGTONG_HOME``; otherwise the folders
follow each platform's convention for per-user application data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "Taizhangtong"
HOME_ENV = "TAIZHANGTONG_HOME"


def data_dir() -> Path:
    """The folder that holds the database, its backups and settings."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        return Path(base) / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME.lower()


def default_database() -> Path:
    return data_dir() / "taizhangtong.db"


def backups_dir() -> Path:
    return data_dir() / "backups"


def log_file() -> Path:
    """Where what went wrong unexpectedly is written down (a rotating log), for whoever helps the office."""
    return data_dir() / "logs" / "taizhangtong.log"


def temp_dir() -> Path:
    """The program's own temporary folder (XlsxWriter's scratch files, …): swept at every start."""
    return data_dir() / "tmp"


def settings_file() -> Path:
    """Window layout and other per-user preferences (an INI file, not the registry)."""
    return data_dir() / "settings.ini"


def ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
