"""How fast the record lists answer, against a bare SQLite scan of the same table.

    python bench/lists.py                       # builds the township demo in a temporary file
    python bench/lists.py --db FILE             # an existing 台账通 data file
    python bench/lists.py --county --db FILE    # the county demo (python main.py demo --size county)

For every list: count(), keys() unfiltered, with the current campaign, with the
search "张" and sorted by a joined column, and fetch() of 60 rows. Each is run
once to warm the cache, then five times; the median is printed in milliseconds
with its ratio to ``SELECT rowid FROM <table> WHERE deleted_at IS NULL`` run
through plain sqlite3 on the same file in the same run.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_ms

RUNS = 5


def joined_column(spec):
    """The first sortable column that is not the list's own field, or None."""
    import peewee

    for column in spec.columns:
        if column.sortable and not (isinstance(column.expr, peewee.Field)
                                    and column.expr.model is spec.model):
            return column
    return None


def measure(path: Path) -> list[str]:
    from models import db, store
    from models.lists import LISTS, ListFilter, RecordList

    db.open_database(path)
    bare = sqlite3.connect(path)
    campaign = store.current_campaign()
    lines = [f"{'list':<15}{'rows':>9}  {'measurement':<34}{'median ms':>10}{'× bare':>9}"]
    try:
        for spec in LISTS.values():
            table = spec.model._meta.table_name
            plain = RecordList(spec)
            keys = plain.keys()
            baseline = median_ms(lambda table=table: bare.execute(
                f'SELECT rowid FROM "{table}" WHERE deleted_at IS NULL').fetchall())
            middle = keys[len(keys) // 2:len(keys) // 2 + 60]
            runs: list[tuple[str, Callable[[], object] | None]] = [
                ("count()", plain.count),
                ("keys() unfiltered", plain.keys),
                ("keys() current campaign",
                 RecordList(spec, ListFilter(campaign=campaign.id)).keys
                 if spec.campaign is not None and campaign is not None else None),
                ('keys() search "张"', RecordList(spec, ListFilter(text="张")).keys),
            ]
            column = joined_column(spec)
            runs.append((f"keys() sorted by {column.key if column else '(joined)'}",
                         RecordList(spec, sort=(column.key, False)).keys if column else None))
            runs.append(("fetch() 60 rows", lambda plain=plain, middle=middle: plain.fetch(middle)))
            runs.append(("first rows (keys(limit) + fetch)", lambda plain=plain: first_rows(plain)))
            runs += [(f"first rows sorted by {c.key}{' desc' if descending else ''}",
                      lambda spec=spec, c=c, d=descending: first_rows(RecordList(spec, sort=(c.key, d))))
                     for c in spec.columns if c.sortable for descending in (False, True)]
            lines.append(f"{spec.key:<15}{len(keys):>9}  {'bare SELECT rowid (sqlite3)':<34}"
                         f"{baseline:>10.2f}{1:>9.1f}")
            for name, action in runs:
                if action is None:
                    lines.append(f"{'':<24}  {name:<34}{'—':>10}{'':>9}")
                    continue
                ms = median_ms(action)
                lines.append(f"{'':<24}  {name:<34}{ms:>10.2f}{ms / baseline:>9.1f}")
    finally:
        bare.close()
        db.close_database()
    return lines


def first_rows(records) -> int:
    """What the window shows first after a click: the first page of ids and their rows."""
    keys = records.keys(limit=129)
    records.fetch(keys[:128])
    return len(keys)


def summary(data) -> list:
    """For ``bench/run.py``: the first rows of every list as the window opens it (the current campaign
    where the list has campaigns), of all campaigns' visits, and the whole list that follows."""
    from bench.common import Row
    from models import db, store
    from models.lists import LISTS, VISITS, ListFilter, RecordList

    rows = []
    for size, path in (("township", data.township), ("county", data.county)):
        if path is None:
            continue
        db.open_database(path)
        bare = sqlite3.connect(path)
        campaign = store.current_campaign()
        try:
            for spec in LISTS.values():
                baseline = _bare_scan(bare, spec, data.runs)
                shown = ListFilter(campaign=campaign.id if spec.campaign is not None else None)
                lists = [(f"{size} {spec.key}: first rows", RecordList(spec, shown))]
                if spec is VISITS:
                    lists.append((f"{size} visits, all campaigns: first rows", RecordList(spec)))
                for name, records in lists:
                    rows.append(Row("lists", name, median_ms(lambda rl=records: first_rows(rl), data.runs),
                                    baseline, "bare SELECT rowid (sqlite3)", goal="< 100 ms"))
            for spec in (VISITS, LISTS["households"]):
                whole = median_ms(RecordList(spec).keys, data.runs)
                rows.append(Row("lists", f"{size} {spec.key}, all of it (the count, after)", whole,
                                _bare_scan(bare, spec, data.runs), "bare SELECT rowid (sqlite3)"))
        finally:
            bare.close()
            db.close_database()
    return rows


def _bare_scan(bare: sqlite3.Connection, spec, runs: int) -> float:
    table = spec.model._meta.table_name
    return median_ms(lambda: bare.execute(f'SELECT rowid FROM "{table}" WHERE deleted_at IS NULL').fetchall(),
                     runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, metavar="FILE",
                        help="an existing data file (default: a new township demo in a temporary file)")
    parser.add_argument("--county", action="store_true",
                        help="the file given by --db is the county demo (too slow to build here)")
    args = parser.parse_args(argv)
    if args.county and args.db is None:
        parser.error("--county needs the county demo file: python main.py demo --size county --db FILE, "
                     "then --county --db FILE")
    if args.db is not None and not args.db.is_file():
        parser.error(f"{args.db} does not exist")
    if args.county:
        with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as check:
            if not check.execute("SELECT COUNT(*) FROM unit WHERE level = 'county'").fetchone()[0]:
                parser.error(f"{args.db} holds no county: not the county demo")

    with tempfile.TemporaryDirectory() as folder:
        path = args.db
        if path is None:
            from models import db, demo

            path = Path(folder) / "township.db"
            start = time.perf_counter()
            demo.generate(path, "township")
            db.close_database()
            print(f"township demo written in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        print(f"{path} ({path.stat().st_size / 1e6:.1f} MB), SQLite {sqlite3.sqlite_version}, "
              f"Python {sys.version.split()[0]}; median of {RUNS} runs after one warm-up")
        for line in measure(path):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
