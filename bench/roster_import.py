"""How long a roster import takes, against a bare read of the same file plus ``executemany``.

    python bench/roster_import.py                 # 12,000 households in a temporary .xlsx
    python bench/roster_import.py --rows 2000 --format xls   (xls needs LibreOffice to write it)

The roster is a village's .xlsx (a title above the header, text ID numbers with
valid check characters, phones, household sizes and types across nine groups).
Each run starts from a fresh copy of a data file holding the unit, the village
and its groups, so every import writes all the rows.

- bare: python-calamine reads the file (the same reader the import uses) and one
  ``executemany`` inserts the rows as households, in one transaction, the search
  indexes taking them once at the end (``sqlite.bulk_writes``, as the import does:
  row by row through the triggers the bare write alone takes 2–3 s);
- import: what 导入花名册 and ``import xlsx`` do — the file read and its header
  found (``read_table``), the columns mapped, every row checked against the
  forms' rules and the data file, the rows and their history written.

One warm-up run, then five of each, alternating; medians in milliseconds, and
the ratio import / bare. The goal: at most 2×.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 5
GROUPS = 9


def make_data_file(path: Path) -> None:
    from models import db, records, store
    from models.settings import set_setting

    db.open_database(path)
    unit = store.save(records.Unit, {"name": "长坪镇", "level": "town"})
    village = store.save(records.Village, {"unit": unit.id, "name": "龙潭村"})
    for number in range(1, GROUPS + 1):
        store.save(records.VillageGroup, {"village": village.id, "name": f"{number}组", "position": number})
    set_setting("current_unit", unit.id.hex)
    db.close_database()


def make_roster(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    from models.personal import id_check_char

    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["龙潭村农户花名册"])
    sheet.append(["序号", "村（社区）", "组", "户主姓名", "身份证号", "联系电话", "家庭人口", "户类别",
                  "住址", "备注"])
    for number in range(rows):
        first17 = f"433101{1950 + number // 100000}{(number // 28) % 12 + 1:02d}{number % 28 + 1:02d}" \
                  f"{number % 1000:03d}"
        sheet.append([number + 1, "龙潭村", f"{number % GROUPS + 1}组", f"户主{number}",
                      first17 + id_check_char(first17), f"138{number:08d}", number % 6 + 1,
                      "脱贫户" if number % 7 == 0 else "", f"龙潭村{number % GROUPS + 1}组{number}号", ""])
    book.save(path)
    return path


def bare(roster: Path, data_file: Path) -> None:
    """The same reader, then one executemany of the rows as households (no checks, no history),
    the search indexes filled once at the end as for any bulk write (``sqlite.bulk_writes``)."""
    import python_calamine
    from peewee import SqliteDatabase

    from models import sqlite
    from models.records import new_key, utcnow

    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(roster.read_bytes()))
    rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)[2:]
    database = SqliteDatabase(str(data_file))
    village = database.execute_sql("SELECT id FROM village").fetchone()[0]
    groups = dict(database.execute_sql("SELECT name, id FROM village_group").fetchall())
    now = str(utcnow())
    with sqlite.bulk_writes(database):
        database.cursor().executemany(
            'INSERT INTO household (id, created_at, updated_at, village_id, group_id, head_name, id_number, '
            'phone, address, population, tags, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [(new_key().hex, now, now, village, groups.get(row[2]), row[3], row[4], row[5], row[8],
              int(row[6]), row[7], row[9]) for row in rows])
    database.close()


def full_import(roster: Path, data_file: Path) -> None:
    from exporters import rosters
    from models import db

    db.open_database(data_file)
    try:
        table = rosters.read_table(roster)
        mapping = rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS)
        result = rosters.import_rows(table, rosters.HOUSEHOLDS, mapping)
        assert result.imported == len(table.rows), (result.imported, result.bad_rows[:3])
    finally:
        db.close_database()


def timed(action, roster: Path, template: Path, folder: Path) -> float:
    copy = folder / f"run-{uuid.uuid4().hex}.db"
    shutil.copy(template, copy)
    start = time.perf_counter()
    action(roster, copy)
    elapsed = (time.perf_counter() - start) * 1000
    copy.unlink()
    return elapsed


def summary(data) -> list:
    """For ``bench/run.py``: 12,000 households imported, against the bare read and executemany."""
    from bench.common import Row

    folder = Path(tempfile.mkdtemp(dir=data.scratch))
    try:
        template = folder / "template.db"
        make_data_file(template)
        roster = make_roster(folder / "roster.xlsx", 12_000)
        for action in (bare, full_import):  # warm-up
            timed(action, roster, template, folder)
        times: dict[str, list[float]] = {"bare": [], "import": []}
        for _ in range(data.runs):
            times["bare"].append(timed(bare, roster, template, folder))
            times["import"].append(timed(full_import, roster, template, folder))
    finally:
        shutil.rmtree(folder)
    return [Row("import", "roster of 12,000 households (.xlsx)", statistics.median(times["import"]),
                statistics.median(times["bare"]), "calamine read + executemany", goal="≤ 2×")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=12_000)
    parser.add_argument("--format", choices=("xlsx", "xls", "ods"), default="xlsx")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    template = folder / "template.db"
    make_data_file(template)
    roster = make_roster(folder / "roster.xlsx", args.rows)
    if args.format != "xlsx":
        subprocess.run(["soffice", "--headless", "--convert-to", args.format, "--outdir", str(folder),
                        str(roster)], check=True, capture_output=True, timeout=600)
        roster = folder / f"roster.{args.format}"
    for action in (bare, full_import):  # warm-up
        timed(action, roster, template, folder)
    times: dict[str, list[float]] = {"bare": [], "import": []}
    for _ in range(RUNS):
        times["bare"].append(timed(bare, roster, template, folder))
        times["import"].append(timed(full_import, roster, template, folder))
    base, mine = statistics.median(times["bare"]), statistics.median(times["import"])
    print(f"{args.rows} rows, {args.format} ({roster.stat().st_size / 1e6:.1f} MB); median of {RUNS} runs "
          f"after one warm-up")
    print(f"{'measurement':44} {'median ms':>10} {'× bare':>8}")
    print(f"{'bare: calamine read + executemany':44} {base:10.0f} {1.0:8.2f}")
    print(f"{'import: read_table + import_rows (checked)':44} {mine:10.0f} {mine / base:8.2f}")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
