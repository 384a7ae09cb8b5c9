"""How fast the search box answers, across all campaigns, against a bare SQLite scan of the same table.

    python bench/search.py --db FILE          # a data file, e.g. the county demo (python main.py demo)

For each list and term: the first rows the window shows after the search
(``RecordList.keys(limit)`` and the rows of the first page) and the whole
search (every matching id, sorted: what the count waits for). The terms are
names, villages, groups, titles and topics of 1 to 4 characters, and words of
the long text (content, 诉求, measures), all across every campaign. Each is
run once to warm the cache, then five times; the median is printed in
milliseconds with its ratio to ``SELECT rowid FROM <table> WHERE deleted_at
IS NULL`` run through plain sqlite3 on the same file in the same run.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# (list, what the term is, the term, the goal for the first rows)
TERMS = (
    ("visits", "surname, 1 character", "张", "< 50 ms"),
    ("visits", "name, 2 characters", "张伟", "< 50 ms"),
    ("visits", "name, 3 characters", "吴平秀", "< 50 ms"),
    ("visits", "village, 2 characters", "牛垭", "< 50 ms"),
    ("visits", "group, 2 characters", "1组", "< 50 ms"),
    ("visits", "诉求, 4 characters", "通组公路", "< 50 ms"),
    ("visits", "诉求, 2 characters", "水渠", "< 300 ms"),
    ("visits", "诉求, 1 character", "渠", "< 300 ms"),
    ("households", "surname, 1 character", "张", "< 50 ms"),
    ("households", "name, 2 characters", "张伟", "< 50 ms"),
    ("households", "village, 2 characters", "牛垭", "< 50 ms"),
    ("households", "group, 2 characters", "1组", "< 50 ms"),
    ("households", "ID number, 6 digits", "433118", "< 50 ms"),
    ("sessions", "topic, 2 characters", "动员", "< 50 ms"),
    ("sessions", "topic, 4 characters", "专题部署", "< 50 ms"),
    ("writings", "title, 4 characters", "心得体会", "< 50 ms"),
    ("suggestions", "content, 4 characters", "外出学习", "< 50 ms"),
    ("rectifications", "measures, 2 characters", "计划", "< 300 ms"),
    ("persons", "name, 1 character", "王", "< 50 ms"),
)


def measure(path: Path, runs: int) -> list[tuple[str, str, str, float, float, float, int, str]]:
    """(list, what, term, first rows ms, whole search ms, bare scan ms, matches, goal) for each term."""
    from bench.common import median_ms
    from bench.lists import first_rows
    from models import db
    from models.lists import LISTS, ListFilter, RecordList

    db.open_database(path)
    bare = sqlite3.connect(path)
    found = []
    try:
        for key, what, term, goal in TERMS:
            table = LISTS[key].model._meta.table_name
            baseline = median_ms(lambda table=table: bare.execute(
                f'SELECT rowid FROM "{table}" WHERE deleted_at IS NULL').fetchall(), runs)
            records = RecordList(LISTS[key], ListFilter(text=term))
            first = median_ms(lambda records=records: first_rows(records), runs)
            whole = median_ms(records.keys, runs)
            found.append((key, what, term, first, whole, baseline, len(records.keys()), goal))
    finally:
        bare.close()
        db.close_database()
    return found


def summary(data) -> list:
    """For ``bench/run.py``: the first rows of every search on the county demo (the township without it)."""
    from bench.common import Row

    path, size = (data.county, "county") if data.county is not None else (data.township, "township")
    rows = []
    for key, what, term, first, whole, baseline, matches, goal in measure(path, data.runs):
        rows.append(Row("search", f"{size} {key} “{term}” ({what}): first rows", first, baseline,
                        "bare SELECT rowid (sqlite3)", goal=goal))
        rows.append(Row("search", f"{size} {key} “{term}”: all {matches:,} (the count, after)", whole,
                        baseline, "bare SELECT rowid (sqlite3)"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, metavar="FILE", help="a 台账通 data file")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"{args.db} does not exist")
    print(f"{args.db} ({args.db.stat().st_size / 1e6:.0f} MB), SQLite {sqlite3.sqlite_version}; "
          f"median of {args.runs} runs after one warm-up")
    print(f"{'list':<15}{'term':<10}{'what':<26}{'matches':>9}{'first rows ms':>15}{'× bare':>8}"
          f"{'all ms':>9}{'bare ms':>9}  goal (first rows)")
    for key, what, term, first, whole, baseline, matches, goal in measure(args.db, args.runs):
        print(f"{key:<15}{term:<10}{what:<26}{matches:>9,}{first:>15.1f}{first / baseline:>8.2f}"
              f"{whole:>9.1f}{baseline:>9.1f}  {goal}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
