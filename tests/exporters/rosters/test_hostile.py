"""Hostile and odd files: each is one clear message naming the file, within seconds, and nothing changes.

Every case is read in a child process with a timeout, so that a reader that
hangs or kills its process (a huge sheet laid out in memory) fails the test
instead of the test run. No time is asserted: the timeout only catches a hang.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from exporters import rosters
from tests.exporters.rosters import sample
from tests.models.factories import World

ROOT = Path(__file__).resolve().parents[3]
CHILD = """
import sys
from exporters import rosters
from models import i18n
i18n.set_language("en")
try:
    table = rosters.read_table(sys.argv[1])
except rosters.RosterError as error:
    print("ERROR", error)
else:
    print("ROWS", len(table.rows))
"""


def read_in_child(path: Path) -> str:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=90, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr == ""
    return done.stdout.strip()


def base_xlsx(path: Path) -> dict[str, bytes]:
    book = Workbook()
    book.active.append(["户主", "身份证号", "家庭人口"])
    book.active.append(["张三", sample.ZHANG, 3])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewrite_sheet(path: Path, change) -> Path:
    parts = base_xlsx(path)
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = change(parts[sheet].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def far_row(xml: str) -> str:
    return re.sub(r'<row r="2"', '<row r="99999999999"', xml).replace('r="A2"', 'r="A99999999999"').replace(
        'r="B2"', 'r="B99999999999"').replace('r="C2"', 'r="C99999999999"')


def huge_dimension(xml: str) -> str:
    return re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', xml)


def far_cell(xml: str) -> str:
    return xml.replace('r="C2"', 'r="XFD1048576"')


def rowless_far(xml: str) -> str:
    """Cells that name no address follow the one before: a row far down of such cells."""
    cells = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(3))
    return re.sub(r"<sheetData>.*</sheetData>", f'<sheetData><row r="1">{cells}</row><row r="1048576">'
                  f"{cells}</row></sheetData>", xml)


def empty_rows(xml: str) -> str:
    """A hundred thousand rows of empty text cells, and nothing else."""
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t></t></is></c><c r="B{n}" t="inlineStr">'
                   f"<is><t> </t></is></c></row>" for n in range(1, 100_001))
    return re.sub(r"<sheetData>.*</sheetData>", f"<sheetData>{rows}</sheetData>", xml)


def truncated(path: Path) -> Path:
    base_xlsx(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def bad_deflate(path: Path) -> Path:
    base_xlsx(path)
    data = bytearray(path.read_bytes())
    start = data.find(b"xl/worksheets/sheet1.xml") + 40
    data[start:start + 60] = b"\x55" * 60
    path.write_bytes(bytes(data))
    return path


CASES = {
    "truncated zip": (truncated, "damaged"),
    "damaged deflate stream": (bad_deflate, "damaged"),
    "broken XML": (lambda p: rewrite_sheet(p, lambda x: x.replace("</sheetData>", "<row><c>")), "damaged"),
    "huge dimension": (lambda p: rewrite_sheet(p, huge_dimension), "ROWS 1"),
    "huge row number": (lambda p: rewrite_sheet(p, far_row), "row 99999999999"),
    "a cell at XFD1048576": (lambda p: rewrite_sheet(p, far_cell), "column 16384"),
    "addressless cells far down": (lambda p: rewrite_sheet(p, rowless_far), "row 1048576"),
    "a hundred thousand empty rows": (lambda p: rewrite_sheet(p, empty_rows), "is empty"),
    "password-protected .xls": (lambda p: Path(shutil_copy(sample.HERE / "locked.xls", p)), "password"),
    "password-protected .xlsx": (lambda p: Path(shutil_copy(sample.HERE / "locked.xlsx", p)), "password"),
    "binary junk": (lambda p: (p.write_bytes(bytes(range(256)) * 4), p)[1], "not a spreadsheet"),
    "an empty file": (lambda p: (p.write_bytes(b""), p)[1], "empty"),
    "a folder": (lambda p: (p.mkdir(), p)[1], "folder"),
}


def shutil_copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    return target


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_file_is_one_message_naming_it(tmp_path, case):
    make, words = CASES[case]
    path = make(tmp_path / "roster.xlsx")
    answer = read_in_child(path)
    assert words in answer, answer
    if answer.startswith("ERROR"):
        assert str(path) in answer


def test_an_xls_whose_cells_reach_far_is_refused_before_it_is_laid_out(tmp_path):
    """An .xls with cells in A1 and IV65536 would take 1.2 GB and seconds to lay out."""
    import olefile

    path = tmp_path / "far.xls"
    path.write_bytes((sample.HERE / "roster.xls").read_bytes())
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
        at = stream.find(b"\x7e\x02")  # an RK record (a number): moved to row 65535, column 255
        while at >= 0 and int.from_bytes(stream[at + 2:at + 4], "little") != 10:
            at = stream.find(b"\x7e\x02", at + 1)
        stream[at + 4:at + 8] = (65535).to_bytes(2, "little") + (255).to_bytes(2, "little")
        ole.write_stream("Workbook", bytes(stream))
    answer = read_in_child(path)
    assert "row 65536" in answer and str(path) in answer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "roster.xlsx"
    os.mkfifo(path)
    assert "not a file" in read_in_child(path)


def test_numbers_where_text_is_expected_and_huge_numbers(empty_db, tmp_path):
    World()
    book = Workbook()
    book.active.append(["户主", "身份证号", "家庭人口", "联系电话", "住址"])
    book.active.append([12345, sample.ZHANG, 1e300, 1.5e20, 42])
    book.active.append(["李四", sample.LI, 10**18, "13812345678", "龙潭村"])
    book.save(tmp_path / "numbers.xlsx")
    table = rosters.read_table(tmp_path / "numbers.xlsx")
    mapping = rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS)
    result = rosters.import_rows(table, rosters.HOUSEHOLDS, mapping)
    assert result.imported == 2
    warned = {check.row: " ".join(check.warnings) for check in result.warned_rows}
    assert "whole number" in warned[2] or "too large" in warned[2]
    assert "too large" in warned[3]


def test_a_web_page_named_xls_is_told_to_be_saved_as_xlsx(tmp_path):
    path = tmp_path / "下载的花名册.xls"
    path.write_text("<html><body><table><tr><td>户主</td><td>身份证号</td></tr></table></body></html>",
                    encoding="utf-8")
    with pytest.raises(rosters.RosterError, match="web page") as error:
        rosters.read_table(path)
    assert str(path) in str(error.value)
