"""Safe cells and safe files: text stays text, nothing forbidden, nothing half-written."""

from __future__ import annotations

import errno
import os
import tempfile

import openpyxl
import pytest

from exporters import ExportError, printed_sheet, safe


def test_forbidden_characters_are_dropped_and_length_is_capped():
    assert safe.clean_text("a\x00b\x07c\x1fd\ufffe\ud800e") == "abcde"
    assert safe.clean_text("line\nnext\ttab\r") == "line\nnext\ttab\r"
    assert safe.clean_text(None) == ""
    assert safe.clean_text(12) == "12"
    assert len(safe.clean_text("字" * 40000)) == safe.MAX_CELL_TEXT


def test_masking_keeps_six_and_four_or_everything_when_asked():
    number = "43312219800101123X"
    assert safe.id_number_text(number) == "433122********123X"
    assert safe.id_number_text(number, full=True) == number
    assert safe.id_number_text("43312219800101123x", full=True) == number
    assert safe.phone_text("138 0074 5678") == "138****5678"
    assert safe.phone_text("13800745678", full=True) == "13800745678"
    assert safe.id_number_text("") == safe.phone_text(None) == ""


def _round_trip(tmp_path, values):
    path = tmp_path / "cells.xlsx"
    with printed_sheet.streamed(path) as wb:
        ws = wb.add_worksheet("s")
        style = safe.CellStyle(wb, {})
        for column, value in enumerate(values):
            safe.write_value(ws, 0, column, value, style)
    return next(iter(openpyxl.load_workbook(path).active.iter_rows(values_only=False)))


def test_formula_looking_text_and_numbers_in_text_stay_text(tmp_path):
    cells = _round_trip(tmp_path, ["=SUM(A1:A2)", "+1", "-3", "@cmd", "430122198001011234", "a\x07b", 7])
    assert [c.value for c in cells] == ["=SUM(A1:A2)", "+1", "-3", "@cmd", "430122198001011234", "ab", 7]
    assert [c.data_type for c in cells] == ["s"] * 6 + ["n"]
    assert all(c.quotePrefix for c in cells[:4])
    assert not cells[4].quotePrefix


def test_lock_files_of_excel_and_libreoffice(tmp_path):
    names = {p.name for p in safe.lock_files(tmp_path / "台账2026.xlsx")}
    assert names == {"~$台账2026.xlsx", ".~lock.台账2026.xlsx#", "~$2026.xlsx"}


def test_atomic_target_replaces_only_when_complete(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), safe.atomic_target(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("failed half way")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.xlsx"]
    with safe.atomic_target(target) as temporary:
        assert temporary.parent == target.parent
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.xlsx"]


@pytest.mark.parametrize("lock", ["~$out.xlsx", ".~lock.out.xlsx#"])
def test_a_target_open_elsewhere_is_refused_before_writing(tmp_path, lock):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    (tmp_path / lock).write_text("someone")
    with pytest.raises(ExportError, match=r"out\.xlsx is open in another program"), \
            safe.atomic_target(target):
        pytest.fail("must not get here")
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == sorted(["out.xlsx", lock])


def test_a_folder_that_cannot_be_written_is_named(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match=r"Cannot write .*out\.xlsx: the folder is read-only"), \
            safe.atomic_target(tmp_path / "out.xlsx"):
        pytest.fail("must not get here")


def test_a_missing_folder_or_a_folder_as_target_is_named(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        safe.check_target(tmp_path / "nowhere" / "out.xlsx")
    with pytest.raises(ExportError, match="it is a folder"):
        safe.check_target(tmp_path)


def test_a_target_held_open_on_windows_is_reported_and_kept(tmp_path, monkeypatch):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def refuse(source, destination):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="open in another program"), \
            safe.atomic_target(target) as temporary:
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.xlsx"]
