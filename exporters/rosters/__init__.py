"""Rosters in: households and staff from the spreadsheets villages already keep (.xlsx).

A village's roster has a title or two above its header, merged cells, spaces
typed for alignment and ID numbers that Excel may have turned into numbers.
``read_table`` finds the header, ``propose_mapping`` guesses which column is
which field, ``preview`` says of every row whether it can come in and why not,
and ``import_rows`` writes the good rows in one transaction, or nothing.

Preview and import run the very same steps through ``models.store`` (the rules
of the forms); the preview's transaction is rolled back, so what it promises is
what the import does.

- ``cells``: a cell as text; ``mapping``: the header names of each field;
- ``table``: a sheet read from its header down; ``rows``: one row checked and saved;
- ``importing``: the preview and the import of all rows.
"""

from exporters.rosters.importing import BadRowsError, ImportResult, Preview, import_rows, preview
from exporters.rosters.mapping import (
    ALIASES,
    HOUSEHOLDS,
    KINDS,
    MODELS,
    PERSONS,
    REQUIRED,
    fields,
    guess_kind,
    label,
    missing_fields,
    propose_mapping,
)
from exporters.rosters.rows import RowCheck
from exporters.rosters.table import (
    HEADER_SEARCH_ROWS,
    RosterError,
    Table,
    column_name,
    read_table,
    sheet_names,
)

__all__ = ["ALIASES", "HEADER_SEARCH_ROWS", "HOUSEHOLDS", "KINDS", "MODELS", "PERSONS", "REQUIRED",
           "BadRowsError", "ImportResult", "Preview", "RosterError", "RowCheck", "Table", "column_name",
           "fields", "guess_kind", "import_rows", "label", "missing_fields", "preview", "propose_mapping",
           "read_table", "sheet_names"]
