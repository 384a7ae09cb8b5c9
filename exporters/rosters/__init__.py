"""Rosters in: households and staff from the spreadsheets villages already keep.

A village's roster is whatever file it has kept for years — .xlsx, an old .xls,
a WPS .et, an .ods, a CSV in GBK — with a title or two above its header,
merged cells, blank lines, a totals row, spaces typed for alignment and ID
numbers that Excel may have turned into numbers. ``open_book`` reads the file
once (its kind told by its content, its size bounded), ``read_table`` finds
the header and leaves out what is no roster row, ``propose_mapping`` guesses
which column is which field, ``preview`` says of every row whether it can come
in, with what warning or why not, and ``import_rows`` writes the good rows in
one transaction, or nothing.

- ``files``: what a file is, and the limits; ``extent``: how far its cells reach;
- ``book``: the file's sheets as rows; ``cells``: a cell as text; ``mapping``: the header names;
- ``table``: a sheet from its header down; ``rows``: one row checked;
- ``importing``: the preview and the import of all rows, in bulk.
"""

from exporters.rosters.book import Book, open_book
from exporters.rosters.files import MAX_COLUMNS, MAX_ROWS, RosterError
from exporters.rosters.importing import (
    BadRowsError,
    ImportCancelled,
    ImportResult,
    Preview,
    import_rows,
    preview,
)
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
    Table,
    column_name,
    read_table,
    sheet_names,
)

__all__ = ["ALIASES", "HEADER_SEARCH_ROWS", "HOUSEHOLDS", "KINDS", "MAX_COLUMNS", "MAX_ROWS",
           "MODELS",
           "PERSONS", "REQUIRED", "BadRowsError", "Book", "ImportCancelled", "ImportResult", "Preview",
           "RosterError", "RowCheck", "Table", "column_name", "fields", "guess_kind", "import_rows", "label",
           "missing_fields", "open_book", "preview", "propose_mapping", "read_table", "sheet_names"]
