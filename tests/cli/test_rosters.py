"""python main.py import xlsx: the columns mapped, bad rows listed, all good rows or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

import main
from models import db
from models import records as r
from tests.exporters.test_rosters import household_rows, write_book
from tests.models.factories import World, id_number


@pytest.fixture
def data_file(tmp_path) -> Path:
    path = tmp_path / "office.db"
    db.open_database(path)
    World()
    db.close_database()
    return path


def heads(path: Path) -> list[str]:
    db.open_database(path)
    try:
        return sorted(h.head_name for h in r.Household.select().where(r.Household.deleted_at.is_null()))
    finally:
        db.close_database()


def run(argv: list[str]) -> int:
    return main.main(["--lang", "en", *argv])


def error_lines(captured) -> list[str]:
    return [line for line in captured.err.splitlines() if line.strip()]


def test_a_good_roster_is_imported(data_file, tmp_path, capsys):
    roster = write_book(tmp_path / "龙潭村花名册.xlsx", household_rows(
        ["龙潭村", "1组", "张三", id_number(), "13812345678", 3, "脱贫户", "", ""],
        ["龙潭村", "6组", "李四", id_number(), "", 2, "", "", ""]), title="龙潭村农户花名册")
    assert run(["import", "xlsx", "--db", str(data_file), str(roster)]) == 0
    captured = capsys.readouterr()
    assert "Imported 2 rows" in captured.out
    assert "D（户主姓名） → Head of household" in captured.out
    assert "龙潭村6组" in captured.out
    assert captured.err == ""
    assert heads(data_file) == ["张三", "李四"]


def test_bad_rows_are_listed_and_nothing_is_imported_without_skip_bad(data_file, tmp_path, capsys):
    good = id_number()
    roster = write_book(tmp_path / "roster.xlsx", household_rows(
        ["龙潭村", "1组", "张三", good, "", "", "", "", ""],
        ["龙潭村", "1组", "李四", good, "", "", "", "", ""],
        ["龙潭村", "1组", "王五", id_number(), "", "", "", "", ""]))
    assert run(["import", "xlsx", "--db", str(data_file), str(roster)]) == 1
    lines = error_lines(capsys.readouterr())
    assert lines[0].startswith("Row 3:") and "row 2" in lines[0]
    assert "1 of 3 rows" in lines[-1] and "--skip-bad" in lines[-1]
    assert heads(data_file) == []

    assert run(["import", "xlsx", "--db", str(data_file), "--skip-bad", str(roster)]) == 0
    captured = capsys.readouterr()
    assert "Imported 2 rows" in captured.out and "1 bad rows skipped" in captured.out
    assert error_lines(captured)[0].startswith("Row 3:")
    assert heads(data_file) == ["张三", "王五"]


def test_staff_with_a_sheet_and_a_kind(data_file, tmp_path, capsys):
    book = Workbook()
    book.active.title = "封面"
    sheet = book.create_sheet("干部")
    sheet.append(["姓名", "联系电话"])
    sheet.append(["刘洋", 13900001111])
    book.save(tmp_path / "staff.xlsx")
    args = ["import", "xlsx", "--db", str(data_file), "--sheet", "干部", "--kind", "persons",
            str(tmp_path / "staff.xlsx")]
    assert run(args) == 0
    assert "Imported 1 rows" in capsys.readouterr().out
    db.open_database(data_file)
    assert r.Person.get(r.Person.name == "刘洋").phone == "13900001111"
    db.close_database()


def test_the_default_village_is_named_on_the_command_line(data_file, tmp_path, capsys):
    roster = write_book(tmp_path / "roster.xlsx", [["户主", "身份证号"], ["张三", id_number()]])
    assert run(["import", "xlsx", "--db", str(data_file), "--village", "虎跳村", str(roster)]) == 1
    lines = error_lines(capsys.readouterr())
    assert len(lines) == 1 and "虎跳村" in lines[0]
    assert run(["import", "xlsx", "--db", str(data_file), "--village", "龙潭", str(roster)]) == 0
    assert heads(data_file) == ["张三"]


@pytest.mark.parametrize("make", [
    lambda p: p.write_text("not a workbook", encoding="utf-8"),
    lambda p: Workbook().save(p),
    lambda p: write_book(p, [["甲", "乙"], ["1", "2"]]),
])
def test_a_malformed_file_is_one_line_and_status_1(data_file, tmp_path, capsys, make):
    roster = tmp_path / "bad.xlsx"
    make(roster)
    assert run(["import", "xlsx", "--db", str(data_file), str(roster)]) == 1
    captured = capsys.readouterr()
    lines = error_lines(captured)
    assert len(lines) == 1 and "bad.xlsx" in lines[0]
    assert "Traceback" not in captured.err
    assert heads(data_file) == []


def test_a_roster_without_a_head_column_is_refused(data_file, tmp_path, capsys):
    roster = write_book(tmp_path / "roster.xlsx", [["身份证号", "联系电话"], [id_number(), "13812345678"]])
    assert run(["import", "xlsx", "--db", str(data_file), str(roster)]) == 1
    lines = error_lines(capsys.readouterr())
    assert len(lines) == 1 and "Head of household" in lines[0]


def test_a_missing_data_file_is_not_created(tmp_path, capsys):
    roster = write_book(tmp_path / "roster.xlsx", [["户主", "身份证号"], ["张三", id_number()]])
    missing = tmp_path / "none.db"
    assert run(["import", "xlsx", "--db", str(missing), str(roster)]) == 1
    assert "none.db" in error_lines(capsys.readouterr())[0]
    assert not missing.exists()


@pytest.mark.parametrize("name", ["roster.xls", "roster.et", "roster.ods"])
def test_every_format_is_imported_with_its_warnings_and_left_out_rows(data_file, tmp_path, capsys, name):
    from tests.exporters.rosters import sample

    roster = tmp_path / name
    roster.write_bytes((sample.HERE / name).read_bytes())
    assert run(["import", "roster", "--db", str(data_file), "--skip-bad", str(roster)]) == 0
    captured = capsys.readouterr()
    assert "Row 10 left out: a totals row" in captured.out
    assert "Imported 3 rows" in captured.out
    assert "Row 8 (imported):" in captured.err and "15-digit" in captured.err
    assert "Row 9:" in captured.err
    assert heads(data_file) == sorted(sample.IMPORTED)


def test_a_fifo_or_a_folder_is_one_line(data_file, tmp_path, capsys):
    assert run(["import", "csv", "--db", str(data_file), str(tmp_path)]) == 1
    assert len(error_lines(capsys.readouterr())) == 1


def test_a_roster_exported_with_full_ids_is_imported_into_another_file(data_file, tmp_path, capsys):
    roster = write_book(tmp_path / "in.xlsx", household_rows(
        ["龙潭村", "1组", "张三", id_number(), "13812345678", 3, "脱贫户", "", ""]))
    assert run(["import", "xlsx", "--db", str(data_file), str(roster)]) == 0
    out = tmp_path / "out.xlsx"
    assert run(["export", "roster", "--db", str(data_file), "--out", str(out), "--full-id",
                "--village", "龙潭村"]) == 0
    other = tmp_path / "other.db"
    db.open_database(other)
    World()
    db.close_database()
    capsys.readouterr()
    assert run(["import", "roster", "--db", str(other), str(out)]) == 0
    assert "Imported 1 rows" in capsys.readouterr().out
    assert heads(other) == ["张三"]
    assert run(["export", "roster", "--db", str(data_file), "--out", str(tmp_path / "p.xlsx"),
                "--kind", "minutes"]) == 1
