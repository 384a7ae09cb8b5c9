"""Data packages: the records of a unit carried from one laptop to another.

A package (``*.tzpkg``) is a zip file holding ``manifest.json`` and one JSON-lines
member per table, encrypted and authenticated (AES-GCM) under the exchange
passphrase a township and its villages agree on (``envelope``, ``passphrase``).
Rows travel exactly as stored (keys, times, the recycle-bin mark, their version),
so deletions travel too. Importing matches records by
their key and merges them by their versions, field by field: a change made on
one side is taken, the same field changed on both sides (or an edit against a
delete) is a conflict kept for the user's decision, and a decision wins the next
exchange on both sides. Importing the same package twice changes nothing; after
two exchanges both ways with no edits, both files hold the same records. The
protocol is written down in ``docs/exchange.md``.

- ``format``: the file, its manifest and limits; ``reading``: a package checked whole;
- ``envelope``: the encryption around the zip; ``passphrase``: the exchange passphrase kept in 设置;
- ``scope``: which rows a package of a unit carries (in SQL); ``export``: writing it;
- ``merging``: the rules for a record both sides have; ``checks``: the checks of a form save;
- ``planning``: what importing would do; ``applying``: the plan written in one transaction;
- ``writing``: rows written as stored; ``conflicts``: the decisions waiting for the user.
"""

from models.packages.applying import ImportResult, apply_import, merge_duplicates
from models.packages.conflicts import Pending, count, decide, pending
from models.packages.export import export_package
from models.packages.format import FORMAT_VERSION, LINKS, MANIFEST, SUFFIX, Manifest, Package, PackageError
from models.packages.passphrase import NoPassphrase
from models.packages.planning import Conflict, Duplicate, ImportPlan, plan_import
from models.packages.reading import read_package

__all__ = ["FORMAT_VERSION", "LINKS", "MANIFEST", "SUFFIX", "Conflict", "Duplicate", "ImportPlan",
           "ImportResult", "Manifest", "NoPassphrase", "Package", "PackageError", "Pending", "apply_import",
           "count", "decide", "export_package", "merge_duplicates", "pending", "plan_import", "read_package"]
