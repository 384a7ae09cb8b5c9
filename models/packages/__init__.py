"""Data packages: the records of a unit carried from one laptop to another.

A package (``*.tzpkg``) is a zip file holding ``manifest.json`` and one JSON-lines
member per table. Rows travel exactly as stored (keys, times, the recycle-bin
mark), so deletions travel too. Importing matches records by their UUID: new
ones are added, a newer edit wins, an edit made on both sides since the last
exchange with that laptop is a ``Conflict`` for the user to decide; importing the
same package twice changes nothing. Households and persons that look like the
same one under another key are listed as ``Duplicate`` for the user to merge.

- ``format``: the file, its manifest and rows as stored;
- ``exchange``: this data file's identity and its last exchange with each other one;
- ``scope``: which rows a package of a unit carries; ``export``: writing it;
- ``reading``: a package checked whole; ``planning``: what importing it would do;
- ``applying``: the plan written in one transaction, and duplicates merged.
"""

from models.packages.applying import ImportResult, apply_import, merge_duplicates
from models.packages.exchange import (
    EXCHANGE_KEY,
    INSTALLATION_KEY,
    PACKAGE_KEY,
    PLACE_KEY,
    installation_id,
    last_exchange,
    last_package,
)
from models.packages.export import export_package
from models.packages.format import FORMAT_VERSION, LINKS, MANIFEST, SUFFIX, Manifest, Package, PackageError
from models.packages.planning import Conflict, Duplicate, ImportPlan, plan_import
from models.packages.reading import read_package

__all__ = ["EXCHANGE_KEY", "FORMAT_VERSION", "INSTALLATION_KEY", "LINKS", "MANIFEST", "PACKAGE_KEY",
           "PLACE_KEY", "SUFFIX", "Conflict", "Duplicate", "ImportPlan", "ImportResult", "Manifest",
           "Package", "PackageError", "apply_import", "export_package", "installation_id", "last_exchange",
           "last_package", "merge_duplicates", "plan_import", "read_package"]
