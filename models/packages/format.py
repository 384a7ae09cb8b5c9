"""The package file: a zip of ``manifest.json`` and JSON-lines members, one per table.

Rows travel exactly as stored (column → value: keys, times, the recycle-bin
mark, the version and lineage), so deletions travel too. ``visit_visitor.jsonl``
holds the visitors of the visits; ``base.jsonl`` the base of each record edited
since its version was last shared (``models.versions``), so that the other side
can merge field by field. The manifest names the format, the schema, the data
file and the unit the package comes from, its scope, and the row count, size
and SHA-256 of every member. ``format`` is the version of this zip, and a
program refuses a format it does not know. On disk the zip is wrapped in an
envelope of its own version (``models.packages.envelope``): encrypted and
authenticated under the exchange passphrase.

A package is untrusted input: the limits below bound what reading one may cost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models import records as r
from models.i18n import translate

FORMAT_VERSION = 2
SUFFIX = ".tzpkg"
MANIFEST = "manifest.json"
LINKS = "visit_visitor"
BASES = "base"

# What reading a package may cost, whatever its manifest claims.
MAX_FILE_BYTES = 512 * 1024 * 1024  # the .tzpkg file itself
MAX_DATA_BYTES = 768 * 1024 * 1024  # all members once unpacked
MAX_ROWS = 1_500_000  # rows of every member together
MAX_ROW_BYTES = 1024 * 1024  # one line of a member
MAX_MEMBERS = 64
MAX_PROBLEMS = 20  # lines of a refusal; the rest are counted

HEX32 = re.compile(r"^[0-9a-f]{32}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")


class PackageError(Exception):
    """The package cannot be used; the message names the file and says why (a line for each part)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        self.problems = problems or []
        super().__init__(message)


@dataclass
class Manifest:
    format: int
    schema_version: int
    source: str  # the identity of the data file that wrote it
    unit_id: str  # the unit whose records it carries
    unit_name: str
    scope: dict[str, Any]
    created_at: str
    counts: dict[str, int]
    sha256: dict[str, str]
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def installation_id(self) -> str:  # the name of ``source`` in format 1
        return self.source

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Package:
    path: Path
    manifest: Manifest
    rows: dict[str, list[dict[str, Any]]]  # table name → rows as stored (column → value)
    links: list[dict[str, Any]]  # visit_visitor rows
    bases: dict[tuple[str, str], tuple[str, dict[str, Any]]] = field(default_factory=dict)
    # (table, key) → (base version, values), for the records edited since their version was shared


def table(model) -> str:
    return model._meta.table_name


MODELS = {table(model): model for model in r.RECORD_MODELS}


def member_name(name: str) -> str:
    return f"{name}.jsonl"


def time_of(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def bad(path: Path, reason: str, problems: list[str] | None = None) -> PackageError:
    """The refusal of a package: the file and why; ``problems`` one line each (at most MAX_PROBLEMS)."""
    problems = problems or []
    shown = problems[:MAX_PROBLEMS]
    if len(problems) > MAX_PROBLEMS:
        shown.append(translate("Packages", "… and {n} more problems.").format(n=len(problems) - MAX_PROBLEMS))
    message = translate("Packages", "{path} cannot be imported: {reason}").format(path=path, reason=reason)
    if shown:
        message += "\n" + "\n".join(shown)
    return PackageError(message, shown)
