"""Packages opened and made again around their envelope, for tests that change the zip inside."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from models.packages import envelope
from tests.conftest import PASSPHRASE


def plain(path: Path) -> bytes:
    """The zip inside the package at ``path`` (sealed with the tests' passphrase)."""
    return envelope.unseal(path, path.read_bytes(), PASSPHRASE)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(plain(path))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sealed(data: bytes) -> bytes:
    """``data`` (a zip, or anything) in an envelope the tests' files open."""
    return envelope.seal(data, PASSPHRASE)
