"""This data file's identity in exchanges, and when it last took a package from each other one.

The times are settings of this installation (``models.settings``),
never records: they do not travel in packages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path

from models import records as r
from models import settings
from models.packages.format import Manifest, stamp, time_of

INSTALLATION_KEY = "installation_id"
PLACE_KEY = "installation_place"
EXCHANGE_KEY = "exchange:{}"
PACKAGE_KEY = "exchange:{}:package"


def installation_id() -> str:
    """This data file's own identity in exchanges, made once per copy of the file.

    A township often hands each village a copy of its file to start from; each
    copy must speak for itself in exchanges, or the last-exchange times of the
    villages would be mixed up. So the id is kept with the place it was made for
    (this computer and this path) and made anew when the file turns up elsewhere.
    A file that was only moved is then a new source once: the other side falls
    back to "the newer edit wins" for that one exchange.
    """
    value, place = settings.get_setting(INSTALLATION_KEY), _place()
    if not value or settings.get_setting(PLACE_KEY) != place:
        value = uuid.uuid4().hex
        settings.set_setting(INSTALLATION_KEY, value)
        settings.set_setting(PLACE_KEY, place)
    return value


def _place() -> str:
    where = str(Path(r.database.database).resolve()) if r.database.database else ""
    return hashlib.sha256(f"{uuid.getnode()}|{where}".encode()).hexdigest()[:32]


def last_exchange(source: str) -> dt.datetime | None:
    """When this data file last took a package from ``source`` (this laptop's clock, UTC)."""
    value = settings.get_setting(EXCHANGE_KEY.format(source))
    return time_of(value) if value else None


def last_package(source: str) -> dt.datetime | None:
    """When the newest package taken from ``source`` was written (``source``'s clock, UTC).

    ``source``'s edits after that moment were not in it, so they count as new
    even if made before this side took the package.
    """
    value = settings.get_setting(PACKAGE_KEY.format(source))
    return time_of(value) if value else last_exchange(source)


def remember(manifest: Manifest) -> None:
    """A package of ``manifest`` taken now; an older package than one taken before does not move it back."""
    source, written = manifest.installation_id, manifest.created_at
    settings.set_setting(EXCHANGE_KEY.format(source), r.utcnow().isoformat(sep=" "))
    known = settings.get_setting(PACKAGE_KEY.format(source))
    if not known or stamp(written) > stamp(known):
        settings.set_setting(PACKAGE_KEY.format(source), written)
