"""Write the committed roster fixtures once: python -m tests.exporters.rosters.make (needs LibreOffice).

CI has no LibreOffice, so the .xls, .et and .ods that it reads are kept in the
repository; this is how they were made. The .et is the .xls under WPS's name,
as WPS writes it.

``locked.xls`` and ``locked.xlsx`` (password 1234, a two-row roster) were made
once by hand: the .xls saved with a password through LibreOffice, the .xlsx
encrypted (OOXML agile encryption) with msoffcrypto-tool; neither is needed here.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook

from tests.exporters.rosters.sample import HERE, ROWS


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "roster.xlsx"
        book = Workbook()
        sheet = book.active
        sheet.title = "花名册"
        for row in ROWS:
            sheet.append(row)
        sheet.merge_cells("A1:J1")
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.number_format = "@"
        book.create_sheet("说明").append(["本表由村委会填报，身份证号请按文本格式录入。"])
        book.save(source)
        for kind in ("xls", "ods"):
            subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", folder, str(source)],
                           check=True, capture_output=True, timeout=300)
            shutil.copy(Path(folder) / f"roster.{kind}", HERE / f"roster.{kind}")
    shutil.copy(HERE / "roster.xls", HERE / "roster.et")


if __name__ == "__main__":
    main()
